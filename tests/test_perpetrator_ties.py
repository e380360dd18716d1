"""What ties an attack with no named attacker to a group: the flag its attackers carried,
and "another" of the same told beside an attack whose attacker is named."""

from __future__ import annotations

import datetime as dt

import claimwatch
from claimwatch.model import Event

PUBLISHED = dt.date(2024, 3, 6)


def events(text: str) -> list[Event]:
    return claimwatch.extract(text, published=PUBLISHED)


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
