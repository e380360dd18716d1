"""What ties an attack with no named attacker to a group: the flag its attackers carried,
and "another" of the same told beside an attack whose attacker is named."""

from __future__ import annotations

from invented_reports import events


def test_the_flag_the_attackers_carried_names_the_group() -> None:
    (ev,) = events("The worst attack came in March 2019, when gunmen stormed a church in "
                   "Maiduguri, killing 20 worshippers. No group claimed it, but police said the "
                   "assailants had carried the flag of Boko Haram.")
    assert [a.name for a in ev.perpetrators] == ["Boko Haram"]


def test_another_told_beside_the_first_had_the_same_attacker() -> None:
    found = events("On Monday, a drone crashed into a school in Kherson, injuring two teachers, "
                   "and another struck near a pumping station outside Mykolaiv, causing no "
                   "casualties. Officials said Russian forces had launched the drones.")
    assert [[a.name for a in ev.perpetrators] for ev in found] == [
        ["Russian Armed Forces"], ["Russian Armed Forces"]]


def test_sides_trading_blame_for_a_one_sided_attack_leave_no_perpetrator() -> None:
    (ev,) = events("The army and ADF rebels traded blame on Tuesday for an explosion at a market "
                   "in Beni that killed 14 people. Local officials said ADF rebels had detonated "
                   "a bomb at the market.")
    assert ev.perpetrators == []


def test_sides_blaming_each_other_for_fighting_keep_the_attacker_named() -> None:
    (ev,) = events("India and Pakistan blamed each other on Tuesday for fighting along the "
                   "frontier in Kashmir that killed six soldiers. The Indian army said Pakistani "
                   "troops had opened fire on its posts near Uri.")
    assert [a.name for a in ev.perpetrators] == ["Pakistan Army"]
