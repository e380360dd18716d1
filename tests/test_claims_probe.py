"""Claims-stage behaviours found by probing with invented reports (speakers, stances)."""

from __future__ import annotations

from claimwatch.claims.status import compute_status
from test_assertions import analyse, stances_of


def test_spokesman_for_the_group_speaks_for_the_group_named_before() -> None:
    text = ("A roadside bomb killed four soldiers near Gao on Tuesday, the army said. The army "
            "blamed the bombing on Boko Haram. A spokesman for the group denied any "
            "involvement.")
    (m,) = analyse(text, {"trigger": "killed", "perpetrator": "Boko Haram", "iso3": "MLI"})
    assert ("perpetrator", "denies") in stances_of(m, "Boko Haram")
    assert not stances_of(m, "group")
    decision = compute_status(m.assertions, m.evidence, ["Boko Haram"])
    assert decision.responsibility.status == "contested"
