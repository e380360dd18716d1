"""The MUC-4 relevance gate: its features and the shipped weights (invented texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch.evaluate import muc4_gate, muc4_roles
from claimwatch.evaluate.muc4 import evaluate_muc4
from claimwatch.evaluate.muc4_gate import Gate, words

ATTACK = ("a car bomb exploded last night outside a bank in vila nova, destroying the "
          "building and killing two guards. police said the attack was carried out by "
          "urban guerrillas of the red dawn front.")
TALKS = ("the foreign ministers of the two countries met in the capital to discuss coffee "
         "exports and a new trade agreement. the talks will resume next month, the "
         "ministry said.")


def test_words_are_distinct_lower_case_words() -> None:
    assert words("The ARMY's army, the 2 armies") == {"the", "army's", "army", "armies"}


def test_gate_scores_a_document_by_its_words() -> None:
    gate = Gate({"attacked": 2.0, "talks": -2.0}, 0.0, 0.5)
    assert gate.relevant("they attacked the post")
    assert not gate.relevant("the talks went on")
    assert gate.probability("nothing known here") == 0.5


@pytest.mark.skipif(not muc4_gate.gate_available(),
                    reason="the MUC-4 relevance gate is not trained (make train)")
def test_shipped_gate_tells_an_attack_from_trade_talks() -> None:
    gate = muc4_gate.load_gate()
    assert gate is not None
    assert gate.probability(ATTACK) > gate.probability(TALKS)
    assert gate.relevant(ATTACK)
    assert not gate.relevant(TALKS)


@pytest.mark.skipif(not muc4_roles.model_available(),
                    reason="the MUC-4 role tagger is not built (make train)")
def test_eval_drops_the_taggers_fillers_where_the_gate_says_irrelevant(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gate.json"
    path.write_text(Gate({"bomb": 1.0}, -20.0, 0.5).to_json())  # nothing is relevant
    rec = {"docid": "TST1-MUC3-0001", "doctext": ATTACK, "templates": []}
    gold = tmp_path / "gtt_dev.jsonl"
    gold.write_text(json.dumps(rec) + "\n")
    monkeypatch.setenv("CLAIMWATCH_MUC4_GATE", str(path))
    muc4_gate.load_gate.cache_clear()
    try:
        run = evaluate_muc4(gold, roles="model", relevance_gate=True).run
    finally:
        muc4_gate.load_gate.cache_clear()
    assert all(not fillers for fillers in run.extracts["TST1-MUC3-0001"].values())
    ungated = evaluate_muc4(gold, roles="model").run.extracts["TST1-MUC3-0001"]  # default
    assert ungated == muc4_roles.as_role_fillers(muc4_roles.model_entities(ATTACK))
    assert any(muc4_roles.model_entities(ATTACK))  # the tagger alone finds fillers
