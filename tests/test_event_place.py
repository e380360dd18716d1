"""The event's place: the place the parse ties to the incident, on invented reports."""

from __future__ import annotations

import datetime as dt

import claimwatch
from claimwatch.model import Event

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


def only_event(text: str) -> Event:
    (ev,) = claimwatch.extract(text, published=PUBLISHED)
    return ev


def test_a_name_introduced_by_a_place_noun_is_the_place() -> None:
    ev = only_event("Militants fired rockets at the Israeli coastal city of Ashkelon on Monday, "
                    "the army said.")
    assert ev.location is not None and ev.location.name == "Ashkelon"
    assert ev.location.precision == 1


def test_a_border_area_named_after_a_town_is_near_the_town() -> None:
    ev = only_event("Two civilians were killed by shelling in the Kharkiv border area on Sunday, "
                    "the governor said.")
    assert ev.location is not None and ev.location.name == "Kharkiv"
    assert ev.location.precision == 2


def test_a_people_noun_is_not_a_place() -> None:
    ev = only_event("On Monday, more than 20 Ukrainians were killed when a missile hit a market "
                    "in Odesa.")
    assert ev.location is not None and ev.location.name == "Odesa"


def test_a_capital_speaking_for_its_government_is_not_the_place() -> None:
    ev = only_event("Gunmen attacked a checkpoint outside Mopti on Monday, killing four soldiers. "
                    "Bamako said the attackers had come from across the border.")
    assert ev.location is not None and ev.location.name == "Mopti"


def test_a_capital_addressed_is_not_the_place() -> None:
    ev = only_event("Rebels attacked an army post in the north on Monday, killing four soldiers. "
                    "Their leader said the raid was a warning to Nairobi.")
    assert ev.location is None or ev.location.name != "Nairobi"

