"""MUC-4 evaluation: claimwatch events become MUC templates; saved predictions are scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch.evaluate.muc4 import evaluate_muc4, published_dates
from claimwatch.evaluate.muc4_mapping import document_templates, incident_type, role_fillers
from claimwatch.model import Actor, Event, Target, Victim
from claimwatch.nlp.truecase import truecase

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "muc4"
TEXT = ("urban guerrillas of the popular liberation army (epl) yesterday set off a car bomb "
        "outside the offices of the daily el espectador in cali, killing the paper's "
        "lawyer carlos mauro hoyos jimenez. the epl later claimed the attack. in a "
        "separate clash, soldiers and guerrillas fought near the town.")


def _bombing() -> Event:
    return Event(
        event_id="e1", event_type="Explosions/Remote violence", attack_types=["bombing"],
        actors=[Actor("urban guerrillas of the popular liberation army", "perpetrator"),
                Actor("EPL", "perpetrator", kind="organization")],
        weapons=["car bomb"], targets=[Target("the offices of the daily el espectador",
                                              "unknown")],
        victims=[Victim("the paper's lawyer carlos mauro hoyos jimenez")],
    )


def test_an_event_becomes_a_template_with_document_strings() -> None:
    clash = Event(event_id="e2", event_type="Battles", attack_types=["ground_assault"],
                  actors=[Actor("guerrillas", "perpetrator")],
                  targets=[Target("soldiers", "military")])
    templates = document_templates([_bombing(), clash], TEXT, truecase(TEXT))
    assert len(templates) == 1  # an attack on soldiers only is not a terrorist incident
    t = templates[0]
    assert t["incident_type"] == "bombing"
    assert t["PerpInd"] == [["urban guerrillas of the popular liberation army"]]
    assert t["PerpOrg"] == [["popular liberation army"], ["epl"]]
    assert t["Target"] == [["the offices of the daily el espectador"]]
    assert t["Victim"] == [["carlos mauro hoyos jimenez"]]  # the name, not the description
    assert t["Weapon"] == [["car bomb"]]
    assert role_fillers(templates)["Weapon"] == [["car bomb"]]


def test_incident_types_follow_attack_types_and_weapons() -> None:
    assert incident_type(Event("a", attack_types=["abduction"])) == "kidnapping"
    assert incident_type(Event("b", attack_types=["shooting"], weapons=["dynamite"])) == "bombing"
    assert incident_type(Event("c", attack_types=["shooting"])) == "attack"


def _gold_file(tmp_path: Path) -> Path:
    rec = {"docid": "TST1-MUC3-0001", "doctext": TEXT, "templates": [{
        "incident_type": "bombing", "PerpInd": [[["urban guerrillas", 0]]],
        "PerpOrg": [[["popular liberation army", 23], ["epl", 48]]], "Target": [],
        "Victim": [[["carlos mauro hoyos jimenez", 150]]], "Weapon": [[["car bomb", 70]]]}]}
    path = tmp_path / "gtt_dev.jsonl"
    path.write_text(json.dumps(rec) + "\n")
    return path


def test_saved_predictions_are_scored_in_both_views(tmp_path: Path) -> None:
    gold = _gold_file(tmp_path)
    preds = tmp_path / "preds.json"
    preds.write_text(json.dumps({"10001": {"pred_templates": [
        {"incident_type": "bombing", "PerpInd": [], "PerpOrg": [["EPL"]], "Target": [],
         "Victim": [], "Weapon": [["car bomb"], ["dynamite"]]}]}}))
    result = evaluate_muc4(gold, predictions=preds)
    assert result.ree is None  # no grit_dev.jsonl beside it, no pred_extracts
    assert result.gtt is not None
    micro = result.gtt.micro
    # incident type 1/1; PerpOrg 1/1; Weapon 1/2 -> 3 of 4 predicted, 3 of 5 gold
    assert (micro.p_num, micro.p_den, micro.r_num, micro.r_den) == (3, 4, 3, 5)
    assert "GTT template metric" in result.render()


def test_broken_prediction_file_is_a_clear_error(tmp_path: Path) -> None:
    from claimwatch.errors import RecordError

    preds = tmp_path / "preds.json"
    preds.write_text("{not json")
    with pytest.raises(RecordError, match="preds.json"):
        evaluate_muc4(_gold_file(tmp_path), predictions=preds)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data/muc4 is not present")
def test_datelines_give_publication_dates() -> None:
    dates = published_dates(SHARED / "raw")
    assert str(dates["TST1-MUC3-0001"]) == "1990-02-04"


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data/muc4 is not present")
def test_pipeline_runs_on_three_dev_documents() -> None:
    result = evaluate_muc4(SHARED / "gtt_dev.jsonl", limit=3)
    assert result.documents == 3 and result.ree is not None and result.gtt is not None
    assert not result.run.errors
    assert result.gtt.micro.r_den > 0


def test_unnamed_attackers_and_group_fighters_are_perpetrator_descriptions() -> None:
    from claimwatch.evaluate.muc4_mapping import description_core
    from claimwatch.extract.mentions import UNNAMED_ATTACKER
    from claimwatch.model import Explanation

    text = ("several urban guerrillas at the corner of the square opened fire on a bus. "
            "the frente norte guerrillas later claimed it.")
    event = Event("e", attack_types=["shooting"],
                  actors=[Actor("Frente Norte", "perpetrator", kind="organization")],
                  explanations=[Explanation("perpetrator", UNNAMED_ATTACKER,
                                            detail="several urban guerrillas at the corner")])
    (t,) = document_templates([event], text, truecase(text))
    assert t["PerpInd"] == [["frente norte guerrillas"], ["urban guerrillas"]]
    assert t["PerpOrg"] == [["frente norte"]]
    assert description_core("members of the frente norte who fled") == \
        "members of the frente norte"


def test_victim_names_come_whole_without_titles_or_places() -> None:
    from claimwatch.evaluate.muc4_mapping import person_name

    text = ("judge tomas arriaga vidal was shot in santo tomas. dr arriaga had received "
            "threats. the attack on judge arriaga in the berlin canton was condemned.")
    cased = ("Judge Tomas Arriaga Vidal was shot in Santo Tomas. Dr Arriaga had received "
             "threats. The attack on judge Arriaga in the Berlin canton was condemned.")
    assert person_name("judge arriaga", text, cased) == "tomas arriaga vidal"
    assert person_name("dr arriaga", text, cased) == "tomas arriaga vidal"
    assert person_name("arriaga", text, cased, victim=True) == "tomas arriaga vidal"
    assert person_name("berlin canton", text, cased) is None


def test_a_part_hit_gives_the_whole_building_or_vehicle_as_target() -> None:
    text = "a grenade hit the third floor of the plaza hotel in the capital."
    event = Event("e", attack_types=["bombing"], weapons=["grenade"],
                  targets=[Target("the third floor of the plaza hotel", "civilian")])
    (t,) = document_templates([event], text, truecase(text))
    assert t["Target"] == [["plaza hotel"]]
