"""The trained MUC-4 role tagger: training spans from gold entities, entities from its spans,
and their place in the rule templates (invented texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch.errors import RecordError
from claimwatch.evaluate import muc4_roles
from claimwatch.evaluate.muc4 import evaluate_muc4
from claimwatch.evaluate.muc4_roles import (
    RoleEntity,
    RoleSpan,
    as_role_fillers,
    attach_to_templates,
    combine_fillers,
    entities_from_spans,
    model_entities,
    training_spans,
)
from claimwatch.nlp.truecase import truecase

TEXT = ("gunmen of the red dawn front (rdf) threw grenades at the town hall of vila nova. "
        "the gunmen fled. police said the red dawn front office was searched. "
        "a grenade was found near the hall.")


def _at(text: str, s: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(s, at + 1)
    return at


def _extracts() -> dict[str, list[list[list[object]]]]:
    return {
        "PerpInd": [[["gunmen", 0]]],
        "PerpOrg": [[["red dawn front", 14], ["rdf", 30]]],
        "Target": [[["town hall of vila nova", _at(TEXT, "town hall")], ["hall", 0]],
                   [["red dawn front office", _at(TEXT, "red dawn front office")]]],
        "Victim": [],
        "Weapon": [[["grenades", _at(TEXT, "grenades")]]],
    }


def _tagged(spans: list[RoleSpan]) -> list[tuple[str, str]]:
    return [(TEXT[s.start:s.end], s.role) for s in spans]


def test_every_occurrence_of_a_gold_mention_is_tagged_longest_first() -> None:
    tagged = _tagged(training_spans(TEXT, _extracts()))
    assert tagged.count(("gunmen", "PerpInd")) == 2  # both sentences write the filler
    assert ("rdf", "PerpOrg") in tagged and ("red dawn front", "PerpOrg") in tagged
    # a longer filler wins over the shorter one written inside it
    assert ("red dawn front office", "Target") in tagged
    assert tagged.count(("red dawn front", "PerpOrg")) == 1
    assert ("town hall of vila nova", "Target") in tagged and ("hall", "Target") in tagged
    assert ("grenade", "Weapon") not in tagged  # "grenades" is word-bounded, not a prefix


def test_only_the_gold_offset_is_tagged_when_asked() -> None:
    tagged = _tagged(training_spans(TEXT, _extracts(), every_occurrence=False))
    assert tagged.count(("gunmen", "PerpInd")) == 1


def test_predicted_spans_become_entities_named_by_their_first_mention() -> None:
    spans = [RoleSpan(_at(TEXT, "red dawn front"), _at(TEXT, "red dawn front") + 14, "PerpOrg"),
             RoleSpan(_at(TEXT, "rdf"), _at(TEXT, "rdf") + 3, "PerpOrg"),
             RoleSpan(_at(TEXT, "town hall"), _at(TEXT, "town hall") + 22, "Target"),
             RoleSpan(_at(TEXT, "hall", 1), _at(TEXT, "hall", 1) + 4, "Target"),
             RoleSpan(0, 6, "PerpInd"), RoleSpan(_at(TEXT, "gunmen", 1),
                                                  _at(TEXT, "gunmen", 1) + 6, "PerpInd")]
    fillers = as_role_fillers(entities_from_spans(TEXT, spans))
    assert fillers["PerpOrg"] == [["red dawn front"]]  # "(rdf)" right after it is the same
    assert fillers["Target"] == [["town hall of vila nova"]]  # "hall" is written inside it
    assert fillers["PerpInd"] == [["gunmen"]]


def test_model_fillers_go_to_the_template_of_the_nearest_event() -> None:
    templates: list[dict[str, object]] = [
        {"incident_type": "bombing", "PerpInd": [], "PerpOrg": [], "Target": [],
         "Victim": [], "Weapon": [["grenades"]]},
        {"incident_type": "kidnapping", "PerpInd": [], "PerpOrg": [], "Target": [],
         "Victim": [["ana lima"]], "Weapon": []}]
    extents = {"bombing": [(0, 80)], "kidnapping": [(200, 260)]}
    entities = [RoleEntity("Target", "town hall", [40], {"town hall"}),
                RoleEntity("Victim", "jose reis", [230], {"jose reis"})]
    out = attach_to_templates(templates, entities, extents)
    assert out[0]["Target"] == [["town hall"]] and out[0]["Weapon"] == []
    assert out[1]["Victim"] == [["jose reis"]]
    combined = attach_to_templates(templates, combine_fillers(entities, templates), extents)
    assert combined[0]["Weapon"] == [["grenades"]]  # rule fillers stay in their template
    assert combined[1]["Victim"] == [["jose reis"], ["ana lima"]]
    assert attach_to_templates([], entities, extents) == []


def test_model_path_without_weights_says_how_to_build_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_MUC4_ROLES", str(tmp_path / "absent"))
    muc4_roles.load_model.cache_clear()
    try:
        with pytest.raises(RecordError, match="make train"):
            evaluate_muc4(_gold_file(tmp_path), roles="model")
    finally:
        muc4_roles.load_model.cache_clear()


def _gold_file(tmp_path: Path) -> Path:
    rec = {"docid": "TST1-MUC3-0001", "doctext": TEXT, "templates": [{
        "incident_type": "bombing", **_extracts()}]}
    path = tmp_path / "gtt_dev.jsonl"
    path.write_text(json.dumps(rec) + "\n")
    grit = {"docid": rec["docid"], "doctext": TEXT, "extracts": _extracts()}
    (tmp_path / "grit_dev.jsonl").write_text(json.dumps(grit) + "\n")
    return path


@pytest.mark.skipif(not muc4_roles.model_available(),
                    reason="the MUC-4 role tagger is not built (make train)")
@pytest.mark.parametrize("roles", ["model", "combined"])
def test_model_path_of_the_eval_scores_the_tagger(tmp_path: Path, roles: str) -> None:
    result = evaluate_muc4(_gold_file(tmp_path), roles=roles)
    assert result.ree is not None and result.gtt is not None and result.roles == roles
    extracts = result.run.extracts["TST1-MUC3-0001"]
    assert set(extracts) == {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}
    for entities in extracts.values():
        assert all(e[0].lower() in TEXT for e in entities)  # strings of the document
    assert result.ree.micro.r_den == 5  # the gold entities, whatever the tagger found
    assert result.ree.micro.r_num >= 1  # it finds the gunmen or the town hall


@pytest.mark.skipif(not muc4_roles.model_available(),
                    reason="the MUC-4 role tagger is not built (make train)")
def test_model_mode_extracts_are_the_taggers_not_the_rules(tmp_path: Path) -> None:
    gold = _gold_file(tmp_path)
    model = evaluate_muc4(gold, roles="model").run.extracts["TST1-MUC3-0001"]
    assert model == as_role_fillers(model_entities(TEXT))  # the tagger's fillers, as found
    assert model == as_role_fillers(model_entities(TEXT, truecase(TEXT)))  # cased given
    rules = evaluate_muc4(gold, roles="rules").run.extracts["TST1-MUC3-0001"]
    assert model != rules


def test_a_leading_count_is_cut_off_a_target_or_weapon() -> None:
    text = "two rebels threw three grenades at 12 buses and at several houses; three died."
    spans = [RoleSpan(text.index(s), text.index(s) + len(s), role) for s, role in [
        ("two rebels", "PerpInd"), ("three grenades", "Weapon"), ("12 buses", "Target"),
        ("several houses", "Target"), ("three", "Target")]]
    names = [(e.name, e.role) for e in entities_from_spans(text, spans)]
    assert ("two rebels", "PerpInd") in names  # a perpetrator keeps its count
    assert ("grenades", "Weapon") in names and ("buses", "Target") in names
    assert ("houses", "Target") in names
    assert ("three", "Target") in names  # nothing but the count: kept as it is


def test_a_count_before_of_goes_with_the_of() -> None:
    text = "the raiders burned one of the tractors and several of the sheds."
    spans = [RoleSpan(text.index(s), text.index(s) + len(s), "Target")
             for s in ("one of the tractors", "several of the sheds")]
    names = [e.name for e in entities_from_spans(text, spans)]
    assert names == ["tractors", "sheds"]


@pytest.mark.parametrize(("relevance", "kept"), [("both", False), ("gate", False),
                                                 ("off", True)])
def test_fillers_are_dropped_where_no_incident_is_found_and_the_gate_says_irrelevant(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relevance: str, kept: bool) -> None:
    from claimwatch.evaluate import muc4, muc4_gate
    from claimwatch.evaluate.muc4_gate import Gate

    talks = ("the ministers of the two countries met in the capital to discuss coffee "
             "exports. the talks will resume next month.")
    attack = "a car bomb exploded outside a bank in vila nova, killing two guards."
    gate = tmp_path / "gate.json"
    gate.write_text(Gate({"bomb": 1.0}, -20.0, 0.5).to_json())  # nothing is relevant
    monkeypatch.setenv("CLAIMWATCH_MUC4_GATE", str(gate))
    monkeypatch.setattr(muc4, "load_model", lambda: None)
    monkeypatch.setattr(muc4, "model_entities", lambda text, cased=None: [
        RoleEntity("Target", text.split()[1], [text.index(text.split()[1])])])
    path = tmp_path / "gtt_dev.jsonl"
    path.write_text("".join(json.dumps({"docid": f"TST1-MUC3-000{i}", "doctext": t,
                                        "templates": []}) + "\n"
                            for i, t in enumerate([talks, attack], 1)))
    muc4_gate.load_gate.cache_clear()
    try:
        run = evaluate_muc4(path, roles="model", relevance=relevance).run
    finally:
        muc4_gate.load_gate.cache_clear()
    assert bool(run.extracts["TST1-MUC3-0001"]["Target"]) is kept  # no incident in talks
    assert run.templates["TST1-MUC3-0002"]  # claimwatch finds the bombing ...
    # ... so only the gate alone drops its fillers
    assert bool(run.extracts["TST1-MUC3-0002"]["Target"]) is (relevance != "gate")
