"""The MUC-4 scorers on small hand-made prediction files whose scores were worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch.evaluate.muc4_metrics import (
    ceaf_ree,
    grit_gold,
    gtt_gold,
    gtt_score,
    max_matching,
    normalize_string,
    numeric_docid,
    predictions_by_docid,
)

GOLD_REE = {
    "TST1-MUC3-0001": {
        "PerpInd": [["guerrillas", "guerrilla column"]],
        "PerpOrg": [["fmln", "farabundo marti national liberation front"]],
        "Target": [["power substation"], ["bridge"]],
        "Victim": [["peasant"]],
        "Weapon": [],
    },
    "TST1-MUC3-0002": {"PerpInd": [], "PerpOrg": [], "Target": [], "Victim": [], "Weapon": []},
}
PRED_REE = {
    "TST1-MUC3-0001": {
        "PerpInd": [["The guerrillas"]],
        "PerpOrg": [["FMLN."]],
        "Target": [["Bridge"], ["bridge"], ["truck"]],
        "Victim": [],
        "Weapon": [["dynamite"]],
    },
    "TST1-MUC3-0002": {"PerpInd": [["soldiers"]]},
}


def test_normalisation_drops_case_punctuation_and_articles() -> None:
    text = 'The "Santo Tomas"  Presidential Farm.'
    assert normalize_string(text) == "santo tomas presidential farm"
    assert normalize_string("an attack on the Theater") == "attack on theater"
    assert normalize_string("F.M.L.N.") == "fmln"


def test_alignment_is_one_to_one_and_optimal() -> None:
    # a greedy pass would pair ["a"] with the first gold entity and lose one match
    assert max_matching([["a", "b"], ["a"]], [["a"], ["b"]]) == 2
    assert max_matching([["a"]], [["a"], ["a"]]) == 1
    # every predicted mention must belong to the gold entity
    assert max_matching([["a", "b"]], [["a", "c"]]) == 0


def test_ceaf_ree_per_role_and_micro_by_hand() -> None:
    scores = ceaf_ree(PRED_REE, GOLD_REE)
    assert scores.roles["PerpOrg"].as_percent() == (100.0, 100.0, 100.0)
    perp = scores.roles["PerpInd"]  # "soldiers" in document 2 is spurious
    assert (perp.p_num, perp.p_den, perp.r_num, perp.r_den) == (1, 2, 1, 1)
    target = scores.roles["Target"]
    assert (target.p_num, target.p_den, target.r_num, target.r_den) == (1, 3, 1, 2)
    assert scores.roles["Victim"].as_percent() == (0.0, 0.0, 0.0)
    assert scores.roles["Weapon"].p_den == 1
    micro = scores.micro
    # 3 matched of 7 predicted (one spurious in document 2), 3 of 5 gold
    assert (micro.p_num, micro.p_den, micro.r_num, micro.r_den) == (3, 7, 3, 5)
    assert micro.precision == pytest.approx(3 / 7)
    assert micro.recall == pytest.approx(0.6)
    assert micro.f1 == pytest.approx(0.5)


def test_ceaf_ree_missing_prediction_counts_as_empty() -> None:
    scores = ceaf_ree({}, GOLD_REE)
    assert scores.micro.r_den == 5
    assert scores.micro.f1 == 0.0


GOLD_GTT = [
    {"incident_type": "attack / bombing", "PerpInd": [["guerrillas"]], "PerpOrg": [],
     "Target": [["bridge"]], "Victim": [], "Weapon": []},
    {"incident_type": "kidnapping", "PerpInd": [], "PerpOrg": [["fmln"]], "Target": [],
     "Victim": [["mayor"]], "Weapon": []},
]
PRED_GTT = [
    {"incident_type": "bombing", "PerpInd": [["Guerrillas"]], "PerpOrg": [],
     "Target": [["the bridge"], ["truck"]], "Victim": [], "Weapon": []},
    {"incident_type": "attack", "PerpInd": [], "PerpOrg": [], "Target": [],
     "Victim": [["mayor"]], "Weapon": []},
]


def test_gtt_picks_the_best_type_compatible_mapping() -> None:
    # best: bombing -> "attack / bombing"; the attack template cannot map to kidnapping,
    # so its victim is spurious and the kidnapping's fillers are missed.
    scores = gtt_score({"d": PRED_GTT}, {"d": GOLD_GTT})
    itype = scores.roles["incident_type"]
    assert (itype.p_num, itype.p_den, itype.r_num, itype.r_den) == (1, 2, 1, 2)
    target = scores.roles["Target"]
    assert (target.p_num, target.p_den, target.r_num, target.r_den) == (1, 2, 1, 1)
    assert scores.roles["Victim"].as_percent() == (0.0, 0.0, 0.0)
    assert scores.roles["PerpOrg"].r_den == 1
    micro = scores.micro
    assert (micro.p_num, micro.p_den, micro.r_num, micro.r_den) == (3, 6, 3, 6)
    assert micro.f1 == pytest.approx(0.5)


def test_gtt_scores_any_match_inside_a_pair() -> None:
    gold = [{"incident_type": "attack", "PerpInd": [["soldiers"], ["troops"]], "PerpOrg": [],
             "Target": [], "Victim": [], "Weapon": []}]
    pred = [{"incident_type": None, "PerpInd": [["soldiers"], ["soldiers"]], "PerpOrg": [],
             "Target": [], "Victim": [], "Weapon": []}]
    scores = gtt_score({"d": pred}, {"d": gold})  # a missing type is read as "attack"
    perp = scores.roles["PerpInd"]
    assert (perp.p_num, perp.p_den, perp.r_num, perp.r_den) == (2, 2, 1, 2)


def test_gtt_document_without_gold_counts_every_prediction_as_spurious() -> None:
    scores = gtt_score({"d": PRED_GTT}, {"d": []})
    assert scores.micro.p_den == 2 + 3 + 1
    assert scores.micro.p_num == 0


def test_gold_loaders_drop_offsets_and_duplicate_templates() -> None:
    template = {"incident_type": "attack", "PerpInd": [[["guerrillas", 4]]], "PerpOrg": [],
                "Target": [], "Victim": [], "Weapon": []}
    golds = gtt_gold([{"docid": "TST2-MUC4-0003", "templates": [template, template]}])
    assert golds["TST2-MUC4-0003"] == [{"incident_type": "attack", "PerpInd": [["guerrillas"]],
                                        "PerpOrg": [], "Target": [], "Victim": [], "Weapon": []}]
    ree = grit_gold([{"docid": "x", "extracts": {"Target": [[["bus", 3], ["vehicle", 40]]]}}])
    assert ree["x"]["Target"] == [["bus", "vehicle"]]
    assert ree["x"]["Weapon"] == []


def test_saved_reference_predictions_are_read_by_numeric_docid(tmp_path: Path) -> None:
    assert numeric_docid("TST1-MUC3-0001") == "10001"
    assert numeric_docid("TST2-MUC4-0100") == "20100"
    saved = {"10001": {"pred_extracts": PRED_REE["TST1-MUC3-0001"]}}
    path = tmp_path / "preds.out"
    path.write_text(json.dumps(saved))
    preds = predictions_by_docid(json.loads(path.read_text()), GOLD_REE, "pred_extracts")
    assert set(preds) == {"TST1-MUC3-0001"}
    scores = ceaf_ree(preds, GOLD_REE)  # type: ignore[arg-type]
    assert scores.micro.p_den == 6
