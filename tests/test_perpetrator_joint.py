"""Perpetrators acting jointly: states joined by "and", states claiming one attack together."""

from __future__ import annotations

import pytest

from invented_reports import events


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


def test_states_claiming_one_strike_together_are_each_a_perpetrator() -> None:
    from claimwatch.claims.status import _joint_states

    text = ("Air strikes hit a radar site near the port of Salif on Tuesday, killing four "
            "people, local health officials said. \"US forces, together with British forces, "
            "conducted strikes on eight Houthi sites,\" the US military said. Britain's defence "
            "ministry said four of its Typhoon jets had taken part in the strikes.")
    (ev,) = events(text)
    assert [a.name for a in ev.perpetrators] == ["United States Armed Forces",
                                                 "UK Ministry of Defence"]
    assert not _joint_states(["Islamic State", "al-Shabaab"])  # rival groups: no one taken
