"""MUC-4 confidence slot: key parsing, the responsibility mapping and the baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.errors import RecordError
from claimwatch.evaluate.muc4_confidence import (
    ConfidenceEvaluation,
    combine,
    confidence_from_assertions,
    confidence_items,
    evaluate_confidence,
    is_authority,
    predicted_confidence,
    responsibility_open,
    responsible_event,
    speaker_title,
)
from claimwatch.model import Actor, Assertion, Event, Responsibility

KEY = '''\
;;; a hand-made key in the raw MUC-4 layout
0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               1
4.  INCIDENT: TYPE                  BOMBING
10. PERP: ORGANIZATION ID           "LIB ARMY" / "ELN"
                                    "POPULAR FRONT"
11. PERP: ORGANIZATION CONFIDENCE   CLAIMED OR ADMITTED / REPORTED AS FACT: "LIB ARMY" / "ELN"
                                    ? POSSIBLE: "POPULAR FRONT"
12. PHYS TGT: ID                    "PIPELINE"

0.  MESSAGE: ID                     TST9-MUC4-0002
1.  MESSAGE: TEMPLATE               1
4.  INCIDENT: TYPE                  ATTACK
11. PERP: ORGANIZATION CONFIDENCE   -
'''


def test_key_items_keep_alternatives_and_continuation_lines() -> None:
    items = confidence_items(KEY)
    assert len(items) == 2
    assert items[0].organisations == ("LIB ARMY", "ELN")
    assert items[0].labels == ("CLAIMED OR ADMITTED", "REPORTED AS FACT")
    assert items[1].organisations == ("POPULAR FRONT",) and items[1].labels == ("POSSIBLE",)
    assert items[0].incident == "bombing"


def _event(status: str, *assertions: Assertion) -> Event:
    return Event("e", actors=[Actor("ELN", "perpetrator")],
                 responsibility=Responsibility(status, ["ELN"]), assertions=list(assertions))


def test_responsibility_maps_onto_the_confidence_values() -> None:
    army = Assertion("army", "attributes", speaker_role="target_state")
    radio = Assertion("a radio station", "attributes", speaker_role="media")
    assert predicted_confidence(_event("claimed")) == "CLAIMED OR ADMITTED"
    assert predicted_confidence(_event("attributed", army)) == \
        "SUSPECTED OR ACCUSED BY AUTHORITIES"
    assert predicted_confidence(_event("attributed", radio)) == "SUSPECTED OR ACCUSED"
    assert predicted_confidence(_event("attributed")) == "REPORTED AS FACT"
    assert predicted_confidence(_event("contested")) == "SUSPECTED OR ACCUSED"
    mayor = Assertion("the mayor of Cali", "attributes")
    assert predicted_confidence(_event("attributed", mayor)) == \
        "SUSPECTED OR ACCUSED BY AUTHORITIES"
    assert predicted_confidence(None) == "REPORTED AS FACT"  # the slot's default


def test_statements_decide_when_no_event_names_the_organisation() -> None:
    items = confidence_items(KEY)
    claim = Assertion("ELN", "claims", quote="The ELN said it blew up the pipeline.")
    blame = Assertion("police chief", "reports",
                      quote="The police chief said the Popular Front may have set the bomb.")
    event = Event("e", assertions=[claim, blame])
    assert confidence_from_assertions(items[0], [event]) == "CLAIMED OR ADMITTED"
    assert confidence_from_assertions(items[1], [event]) == \
        "SUSPECTED OR ACCUSED BY AUTHORITIES"
    assert confidence_from_assertions(items[1], []) is None
    assert combine(None, "CLAIMED OR ADMITTED") == "CLAIMED OR ADMITTED"
    assert combine("SUSPECTED OR ACCUSED", "REPORTED AS FACT") == "SUSPECTED OR ACCUSED"
    assert combine(None, None) == "REPORTED AS FACT"


def test_a_report_saying_nobody_claimed_it_makes_a_named_organisation_possible() -> None:
    unclaimed = ("A bomb damaged a bank in the capital. No one has so far claimed responsibility "
                 "for the attack. The Popular Front had threatened to hit banks.")
    assert responsibility_open(unclaimed)
    assert responsibility_open("The bombing of the bridge has not yet been claimed.")
    assert responsibility_open("The attack, like the two before it, went unclaimed.")
    assert not responsibility_open("The Popular Front claimed responsibility for the attack.")
    assert not responsibility_open("No one was hurt in the blast, which the ELN claimed.")
    assert combine(None, None, unclaimed=True) == "POSSIBLE"
    assert combine(None, "REPORTED AS FACT", unclaimed=True) == "POSSIBLE"
    # an event naming it as perpetrator (maybe an earlier incident) keeps its reading
    assert combine("REPORTED AS FACT", None, unclaimed=True) == "REPORTED AS FACT"
    # an accusation or a claim is more than a mention, whatever else the report says
    assert combine(None, "SUSPECTED OR ACCUSED BY AUTHORITIES", unclaimed=True) == \
        "SUSPECTED OR ACCUSED BY AUTHORITIES"
    assert combine("CLAIMED OR ADMITTED", None, unclaimed=True) == "CLAIMED OR ADMITTED"


def test_organisation_is_found_by_any_of_its_key_strings() -> None:
    items = confidence_items(KEY)
    event = _event("claimed")
    assert responsible_event(items[0], [event]) is event
    assert responsible_event(items[1], [event]) is None


def test_accuracy_counts_any_listed_alternative_and_compares_with_majority() -> None:
    items = confidence_items(KEY)
    ev = ConfidenceEvaluation(items, ["REPORTED AS FACT", "POSSIBLE"], matched=[True, False])
    assert ev.accuracy(ev.predictions) == 1.0
    assert ev.majority in ("CLAIMED OR ADMITTED", "POSSIBLE")
    assert ev.confusion()[("REPORTED AS FACT", "REPORTED AS FACT")] == 1
    assert "majority baseline" in ev.render()


def test_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match="--data"):
        evaluate_confidence(tmp_path)


def test_a_title_beside_the_speakers_name_makes_it_an_authority() -> None:
    president = Assertion("Novak", "attributes",
                          quote="Ruritanian president Jan Novak blamed the Red Dawn Movement.")
    governor = Assertion("Petr Dvorak", "attributes",
                         quote="Petr Dvorak, governor of the northern state, said the Red Dawn "
                               "Movement planted the bomb.")
    priest = Assertion("Novak", "attributes",
                       quote="Father Jan Novak blamed the Red Dawn Movement.")
    assert speaker_title("Novak", president.quote) == "ruritanian president jan"
    assert is_authority(president) and is_authority(governor)
    assert not is_authority(priest)
    # only the phrase the name closes: an earlier clause's officials are not its title
    later = Assertion("Novak", "attributes",
                      quote="The police left, and Novak blamed the Red Dawn Movement.")
    assert not is_authority(later)
