"""Claims-stage behaviours found by probing with invented reports (speakers, stances)."""

from __future__ import annotations

import claimwatch
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


def test_a_group_the_table_does_not_know_claims_by_its_name() -> None:
    text = ("The Velmar Freedom Front said on Monday that its fighters had ambushed a police "
            "patrol near Kapoeta. Police have yet to comment.")
    (m,) = analyse(text, {"trigger": "ambushed", "iso3": "SSD", "place": "Kapoeta"})
    assert ("perpetrator", "claims") in stances_of(m, "Velmar Freedom Front")
    decision = compute_status(m.assertions, m.evidence, [])
    assert (decision.status, decision.responsibility.status) == ("claimed", "claimed")
    assert decision.responsibility.by == ["Velmar Freedom Front"]


def test_an_unknown_body_saying_it_fired_claims_but_a_witness_does_not() -> None:
    text = ("Rockets hit the town of Metula on Sunday. Saraya al-Fajr said it had fired the "
            "rockets, and a resident said they had fired from an orchard.")
    (m,) = analyse(text, {"trigger": "hit", "iso3": "ISR", "place": "Metula"})
    assert ("perpetrator", "claims") in stances_of(m, "Saraya al-Fajr")
    assert stances_of(m, "resident") == {("witness", "reports")}


def test_a_second_group_claiming_the_attack_is_a_rival_claimant() -> None:
    text = ("Gunmen killed nine soldiers near Menaka on Friday. Islamic State Sahel Province "
            "said its fighters carried out the raid. JNIM also claimed the attack in a post "
            "on Saturday.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "MLI", "place": "Menaka",
                          "perpetrator": "Islamic State Sahel Province"})
    assert ("perpetrator", "claims") in stances_of(m, "JNIM")
    decision = compute_status(m.assertions, m.evidence, ["Islamic State Sahel Province"])
    assert decision.responsibility.status == "contested"


def test_its_fighters_names_no_perpetrator_the_claimant_does() -> None:
    events = claimwatch.extract(
        "The Velmar Freedom Front said on Monday that its fighters had shelled an army base "
        "near Kapoeta in South Sudan. The army denied the claim.", "2024-05-14")
    (event,) = events
    assert event.responsibility.by == ["Velmar Freedom Front"]
    assert [a.name for a in event.actors if a.role == "perpetrator"] == ["Velmar Freedom Front"]


def test_the_group_after_a_rights_group_is_that_group_not_the_accused_army() -> None:
    text = ("Amnesty International said on Monday that Malian soldiers killed 30 herders near "
            "Niono in March. The troops shot the men at a well, the group said, citing "
            "witnesses.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "MLI", "place": "Niono",
                          "perpetrator": "Malian Armed Forces"})
    assert all(a.speaker_role != "perpetrator" for a in m.assertions)
    assert ("ngo", "reports") in stances_of(m, "Amnesty")


def test_an_accused_army_that_only_fought_militants_disputes() -> None:
    text = ("Villagers said Ethiopian soldiers killed 20 civilians in Dalla on Sunday. The "
            "Ethiopian army said its troops had only fought armed militants in the area.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "ETH", "place": "Dalla",
                          "perpetrator": "Ethiopian National Defense Force"})
    assert stances_of(m, "Ethiopian army") == {("perpetrator", "disputes")}


def test_the_group_naming_the_perpetrator_drops_its_article() -> None:
    text = ("The Tarsin Martyrs Brigade said it had shot down a helicopter near Gharyan. The "
            "group later deleted the post.")
    (m,) = analyse(text, {"trigger": "shot down", "iso3": "LBY", "place": "Gharyan",
                          "perpetrator": "The Tarsin Martyrs Brigade"})
    assert {a.speaker for a in m.assertions} == {"Tarsin Martyrs Brigade"}
    assert compute_status(m.assertions, m.evidence, ["Tarsin Martyrs Brigade"]).status \
        == "retracted"
