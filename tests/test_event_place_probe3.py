"""Place rules found by probing with invented reports (session 5), on invented sentences."""

from __future__ import annotations

from invented_reports import events


def test_admin_area_the_model_took_for_a_people_places_the_event() -> None:
    (ev,) = events("Gang members attacked a village in Haiti's Artibonite department on "
                   "Thursday, killing at least 19 people.")
    assert ev.location is not None and ev.location.country == "Haiti"
