"""Rules found by probing with invented multi-report stories (claimed tolls, dates in
follow-up reports, ...), each on an invented report."""

from __future__ import annotations

import datetime as dt

from invented_reports import events


def test_claimed_kills_give_way_to_the_victims_toll() -> None:
    # the claimant's figure of what its fighters killed yields to the police toll
    (ev,) = events("Fighters of the Varnel Hills Front stormed a cattle market in the town "
                   "of Garoua on Monday. The group said in a statement that its fighters had "
                   "killed 35 soldiers.\n\nPolice in Garoua said four traders and a "
                   "policeman were killed in the attack.")
    assert (ev.fatalities.low, ev.fatalities.high) == (5, 5)
    # an attacked army's claim of dozens of attackers killed yields to its own dead
    (ev,) = events("Militants raided a gendarmerie post near the town of Garoua on Monday, "
                   "killing three soldiers, security sources said. The army said in a "
                   "statement that its troops repelled the raid and killed dozens of "
                   "terrorists.")
    assert (ev.fatalities.low, ev.fatalities.high) == (3, 3)


def test_claimed_kills_count_when_no_other_toll_is_given() -> None:
    (ev,) = events("Fighters of the Varnel Hills Front stormed an army post near Garoua on "
                   "Monday. The group said in a statement that its fighters had killed 35 "
                   "soldiers. The army did not comment.")
    assert (ev.fatalities.low, ev.fatalities.high) == (35, 35)


def test_gendarmes_pilgrims_and_shepherds_are_people_counted() -> None:
    (ev,) = events("Gunmen ambushed a convoy near Garoua on Monday, killing four gendarmes "
                   "and two shepherds, officials said.")
    assert (ev.fatalities.low, ev.fatalities.high) == (6, 6)
    (ev,) = events("A bomb hit a bus carrying pilgrims near Garoua on Monday, wounding nine "
                   "pilgrims, police said.")
    assert (ev.injured.low, ev.injured.high) == (9, 9)


def test_a_relative_clause_on_the_attack_noun_dates_the_attack() -> None:
    # a follow-up report: the incident's day sits in the clause describing it
    (ev,) = events("Police on Wednesday detained two men over the bombing that killed six "
                   "people at a bus station in Garoua on Sunday.")
    assert (ev.date_start, ev.date_end) == (dt.date(2024, 3, 3), dt.date(2024, 3, 3))
    (ev,) = events("Officials now say the car bomb that killed six people at a bus station in "
                   "Garoua on Sunday was planted by a local cell, not by foreign fighters.")
    assert (ev.date_start, ev.date_end) == (dt.date(2024, 3, 3), dt.date(2024, 3, 3))


def _roles(ev: object) -> set[tuple[str, str, str]]:
    return {(a.speaker, a.speaker_role, a.stance) for a in ev.assertions}  # type: ignore[attr-defined]


def test_a_liberation_army_the_table_does_not_know_is_an_armed_group() -> None:
    (ev,) = events("The Tarvesh Liberation Army said on Tuesday that its fighters had "
                   "attacked an army depot near Garoua with drones overnight.")
    assert ("Tarvesh Liberation Army", "perpetrator", "claims") in _roles(ev)
    assert ev.responsibility.by == ["Tarvesh Liberation Army"]
    assert ev.status == "claimed"


def test_conceding_a_loss_is_no_claim_of_the_attack() -> None:
    (ev,) = events("Drones struck an ammunition depot near Garoua on Monday night. "
                   "Cameroon's defence ministry later acknowledged that the depot had been hit "
                   "and said two soldiers had been killed.")
    assert ev.perpetrators == []
    assert all(a.speaker_role == "target_state" for a in ev.assertions)
    assert ev.status == "confirmed"


def test_saying_no_installation_was_struck_denies_the_attack() -> None:
    (ev,) = events("The Tarvesh Front said it had fired drones at an army depot near Garoua "
                   "on Monday.\n\n\"No military installation was struck,\" an army spokesman "
                   "in Garoua said on Tuesday.")
    assert any(a.speaker_role == "target_state" and a.stance == "denies"
               for a in ev.assertions)
    assert ev.status == "denied"


def test_the_group_s_fighters_are_no_state_named_in_a_place_phrase() -> None:
    # 'its fighters' after 'The group said' is the group, never the state of
    # "in Cameroon's North region"
    (ev,) = events("A separatist group, the Orvel Freedom Front, claimed responsibility on "
                   "Tuesday for a bombing that wrecked a bus near Garoua in Cameroon's North "
                   "region on Monday. The group said in a post that its fighters had planted "
                   "the bomb on the road.")
    assert [a.name for a in ev.perpetrators] == ["Orvel Freedom Front"]
    assert ev.responsibility.by == ["Orvel Freedom Front"]
