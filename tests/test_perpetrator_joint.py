"""Perpetrators acting jointly: states joined by "and", states claiming one attack together."""

from __future__ import annotations

import datetime as dt

import pytest

import claimwatch
from claimwatch.model import Event

PUBLISHED = dt.date(2024, 3, 6)


def events(text: str, published: dt.date = PUBLISHED) -> list[Event]:
    return claimwatch.extract(text, published=published)


@pytest.mark.parametrize("text", [
    "French and Malian warplanes bombed a rebel camp near Kidal on Monday, killing nine "
    "fighters, officials said.",
    "Saudi and Emirati air strikes hit a fuel depot outside Marib on Monday, residents said.",
])
def test_conjoined_states_on_one_weapon_are_each_a_perpetrator(text: str) -> None:
    (ev,) = events(text)
    assert sorted(a.name for a in ev.perpetrators) == sorted(
        ["French Armed Forces", "Malian Armed Forces"] if "French" in text
        else ["Royal Saudi Armed Forces", "United Arab Emirates"])
