"""Rules found by probing with invented multi-report stories (claimed tolls, dates in
follow-up reports, ...), each on an invented report."""

from __future__ import annotations

from invented_reports import events


def test_gendarmes_pilgrims_and_shepherds_are_people_counted() -> None:
    (ev,) = events("Gunmen ambushed a convoy near Garoua on Monday, killing four gendarmes "
                   "and two shepherds, officials said.")
    assert (ev.fatalities.low, ev.fatalities.high) == (6, 6)
    (ev,) = events("A bomb hit a bus carrying pilgrims near Garoua on Monday, wounding nine "
                   "pilgrims, police said.")
    assert (ev.injured.low, ev.injured.high) == (9, 9)
