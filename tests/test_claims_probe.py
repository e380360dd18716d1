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


def test_an_authority_that_detected_nothing_disputes_the_claim() -> None:
    text = ("The Northern Liberation Front said it had launched two drones at an air base near "
            "Ovda on Friday. The Israeli military said it had not detected any aerial target in "
            "the area.")
    (m,) = analyse(text, {"trigger": "launched", "perpetrator": "Northern Liberation Front",
                          "iso3": "ISR"})
    assert stances_of(m, "Israeli military") == {("target_state", "disputes")}
    assert compute_status(m.assertions, m.evidence, ["Northern Liberation Front"]).status \
        == "disputed"


def test_no_impacts_found_is_doubt_but_no_casualties_is_a_toll() -> None:
    doubt = ("A militia said it had shelled the town of Metula on Monday. Police said no shell "
             "impacts had been found.")
    (m,) = analyse(doubt, {"trigger": "shelled", "iso3": "ISR", "place": "Metula"})
    assert ("target_state", "disputes") in stances_of(m, "Police")
    toll = ("Two rockets hit open ground near Metula on Monday. Police said no casualties were "
            "recorded.")
    (m,) = analyse(toll, {"trigger": "hit", "iso3": "ISR", "place": "Metula"})
    assert stances_of(m, "Police") == {("target_state", "confirms")}
