"""``claimwatch eval gold`` / ``eval stories``: hand-made gold and system outputs, known scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimwatch.cli import main
from claimwatch.errors import GoldFileError
from claimwatch.evaluate.gold import evaluate_gold, evaluate_stories
from claimwatch.evaluate.gold_load import load_gold
from claimwatch.evaluate.gold_match import attack_types_right, compatible, match_events
from claimwatch.ingest import read_file

MOSUL = {"name": "Mosul", "latitude": 36.34, "longitude": 43.13}


def gold_event(**extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "key": "drone-mosul",
        "mention_role": "new",
        "date_start": "2024-05-02",
        "date_end": "2024-05-02",
        "date_precision": "day",
        "event_type": "Explosions/Remote violence",
        "attack_types": ["drone"],
        "perpetrator": {"name": "Saraya Example", "aliases": ["SE"]},
        "weapons": {"any_of": ["one-way drone", "drone"]},
        "location": {**MOSUL, "radius_km": 15},
        "fatalities": {"low": 2, "high": 2, "qualifier": None},
        "status": "claimed",
        "responsibility": {"status": "claimed", "by": ["Saraya Example"]},
        "assertions_required": [
            {"speaker": "Saraya Example", "speaker_role": "perpetrator", "stance": "claims"},
            {"speaker": "Field Watcher", "handle": "@FieldWatch", "speaker_role": "osint",
             "stance": {"any_of": ["reports", "confirms"]}},
        ],
        "evidence_required": [{"kind": "video"}],
    }
    event.update(extra)
    return event


def system_event(**extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "event_id": "e1",
        "mention_role": "new",
        "date_start": "2024-05-02",
        "date_end": "2024-05-02",
        "date_precision": "day",
        "event_type": "explosions/remote violence",
        "attack_types": ["drone"],
        "actors": [{"name": "Saraya Example", "role": "perpetrator", "aliases": []}],
        "weapons": ["drones"],
        "location": {"name": "Mosul", "latitude": 36.40, "longitude": 43.20},
        "fatalities": {"low": 2, "high": 2, "qualifier": None},
        "status": "claimed",
        "responsibility": {"status": "claimed", "by": ["S.E."]},
        "assertions": [
            {"speaker": "Saraya Example", "speaker_role": "perpetrator", "stance": "claims",
             "quote": "we struck the airport"},
            {"speaker": "fieldwatch", "handle": None, "speaker_role": "osint",
             "stance": "confirms", "quote": "drone impact seen near the airport"},
        ],
        "evidence": [{"kind": "video", "description": "launch footage"}],
    }
    event.update(extra)
    return event


def write_case(tmp: Path, name: str, gold: dict[str, Any],
               system_events: list[dict[str, Any]]) -> tuple[Path, Path]:
    gold_path = tmp / f"{name}.json"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    system_path = tmp / f"{name}.system.json"
    system_path.write_text(json.dumps([{"document": f"/elsewhere/{name}.txt",
                                        "published": "2024-05-03",
                                        "events": system_events}]), encoding="utf-8")
    return gold_path, system_path


def test_perfect_pair_scores_every_field_right(tmp_path: Path) -> None:
    gold_path, system_path = write_case(tmp_path, "r1", {"events": [gold_event()]},
                                        [system_event()])
    summary = evaluate_gold([gold_path], system_path).summary()
    assert summary["events"]["f1"] == 1.0
    assert summary["field_acc"] == 1.0
    # responsibility_by: "S.E." is an alias of the gold perpetrator, punctuation ignored
    assert summary["fields"]["responsibility_by"] == {"right": 1, "n": 1, "accuracy": 1.0}
    # fields the gold leaves out are not scored at all
    assert summary["fields"]["injured"]["n"] == 0
    assert summary["fields"]["target_actor"]["accuracy"] is None
    assert summary["assertion_recall"]["recall"] == 1.0
    assert summary["evidence_recall"]["recall"] == 1.0


def test_precision_recall_and_field_accuracy(tmp_path: Path) -> None:
    second = gold_event(key="rocket-erbil", attack_types=["rocket"], date_start="2024-04-20",
                        date_end="2024-04-20", mention_role="historical",
                        location={"name": "Erbil", "latitude": 36.19, "longitude": 44.01},
                        fatalities={"low": 0, "high": 0}, weapons={"any_of": ["rocket"]})
    third = gold_event(key="shooting-kirkuk", attack_types=["shooting"],
                       location={"name": "Kirkuk", "latitude": 35.47, "longitude": 44.39})
    wrong_count = system_event(event_id="e2", attack_types=["rocket"], date_start="2024-04-20",
                               date_end="2024-04-20", mention_role="historical",
                               weapons=["rockets"],
                               location={"name": "Erbil", "latitude": 36.2, "longitude": 44.0},
                               fatalities={"low": 3, "high": 3})
    stray = system_event(event_id="e3", attack_types=["airstrike"], assertions=[])
    gold_path, system_path = write_case(tmp_path, "r2", {"events": [gold_event(), second, third]},
                                        [system_event(), wrong_count, stray])
    evaluation = evaluate_gold([gold_path], system_path)
    summary = evaluation.summary()
    assert (summary["events"]["tp"], summary["events"]["fp"], summary["events"]["fn"]) == (2, 1, 1)
    assert summary["events"]["precision"] == pytest.approx(2 / 3)
    assert summary["events"]["recall"] == pytest.approx(2 / 3)
    assert summary["events"]["f1"] == pytest.approx(2 / 3)
    assert summary["fields"]["fatalities"] == {"right": 1, "n": 2, "accuracy": 0.5}
    # the missed gold event's required assertions count against recall (4 of 6 found)
    assert summary["assertion_recall"]["found"] == 4
    assert summary["assertion_recall"]["total"] == 6
    assert evaluation.units[0].unmatched_gold == ["shooting-kirkuk"]
    text = evaluation.render("text")
    assert "event_f1=0.667" in text.splitlines()[-3]
    assert "fatalities" in text


def test_place_outside_radius_is_not_matched(tmp_path: Path) -> None:
    # Tal Afar is about 60 km west of Mosul: outside the 15 km radius, name differs.
    far = system_event(location={"name": "Tal Afar", "latitude": 36.38, "longitude": 42.45})
    assert not compatible(gold_event(), far)
    # A place without coordinates that bears the gold name is compatible.
    named = system_event(location={"name": "MOSUL"})
    assert compatible(gold_event(), named)
    # Without radius_km the default of 25 km applies: 20 km away passes, 40 km fails.
    gold = gold_event(location=dict(MOSUL))
    near = system_event(location={"name": "x", "latitude": 36.34 + 0.18, "longitude": 43.13})
    away = system_event(location={"name": "x", "latitude": 36.34 + 0.36, "longitude": 43.13})
    assert compatible(gold, near)
    assert not compatible(gold, away)


def test_gold_place_description_is_borne_by_the_town_it_starts_with(tmp_path: Path) -> None:
    # An invented village the gazetteer lacks: the system keeps its name and puts it at
    # the province centroid, 120 km away.
    gold = gold_event(location={"name": "near Qaryat Umm Dhahab, Wadi Example district (not the "
                                        "one in Egypt)", "latitude": 36.0, "longitude": 43.0,
                                "radius_km": 20})
    village = system_event(location={"name": "Qaryat Umm Dhahab", "latitude": 37.0,
                                     "longitude": 43.5, "precision": 3})
    other = system_event(location={"name": "Wadi Example", "latitude": 37.0,
                                   "longitude": 43.5, "precision": 3})
    assert compatible(gold, village)
    assert not compatible(gold, other)
    gold_path, system_path = write_case(tmp_path, "village", {"events": [gold]}, [village])
    assert evaluate_gold([gold_path], system_path).summary()["events"]["tp"] == 1
    strict = evaluate_gold([gold_path], system_path, exact_place_names=True)
    assert strict.summary()["events"]["tp"] == 0
    assert not compatible(gold, village, name_heads=False)


def test_any_of_alternatives_and_also_right(tmp_path: Path) -> None:
    gold = gold_event(
        perpetrator={"name": {"any_of": ["Saraya Example", None]}},
        fatalities={"low": 2, "high": 2, "also_right": [{"high": None}, {"low": 5, "high": 6}]},
        status="reported", status_also_right=["claimed"],
        date_also_right=[{"date_start": "2024-05-01", "date_end": "2024-05-02"}],
    )
    system = system_event(actors=[], fatalities={"low": 5, "high": 6},
                          date_start="2024-05-01", date_end="2024-05-02", date_precision="week")
    gold_path, system_path = write_case(tmp_path, "r3", {"events": [gold]}, [system])
    fields = evaluate_gold([gold_path], system_path).summary()["fields"]
    assert fields["perpetrator"]["accuracy"] == 1.0  # null among any_of accepts none
    assert fields["fatalities"]["accuracy"] == 1.0  # an also_right answer
    assert fields["status"]["accuracy"] == 1.0  # status_also_right
    assert fields["date"]["accuracy"] == 1.0  # date_also_right, its precision not given


def test_attack_types_required_and_allowed() -> None:
    gold = {"attack_types_required": ["drone"], "attack_types_allowed": ["interception"]}
    assert attack_types_right(gold, {"attack_types": ["drone", "interception"]})
    assert not attack_types_right(gold, {"attack_types": ["drone", "missile"]})
    assert attack_types_right({"attack_types_required": ["drone"]},
                              {"attack_types": ["drone", "missile"]})
    assert not attack_types_right({"attack_types": ["drone"]},
                                  {"attack_types": ["drone", "missile"]})


def test_greedy_matching_prefers_the_better_pair() -> None:
    gold = [gold_event()]
    wrong_actor = system_event(actors=[{"name": "Someone Else", "role": "perpetrator"}])
    right_actor = system_event()
    assert match_events(gold, [wrong_actor, right_actor]) == [(0, 1)]
    # equal scores: the earlier system event wins
    assert match_events(gold, [right_actor, dict(right_actor)]) == [(0, 0)]


def test_must_not_extract_violation_and_expected_zero(tmp_path: Path) -> None:
    gold = {
        "events": [],
        "expected_event_count": 0,
        "must_not_extract": [{"why": "a threat", "text": "The group vowed to strike the "
                                                        "airport again in the coming days."}],
    }
    from_threat = system_event(assertions=[
        {"speaker": "x", "stance": "claims", "quote": "\u201cvowed to strike the  airport\u2026"}])
    short_quote = system_event(event_id="e9", assertions=[
        {"speaker": "x", "stance": "claims", "quote": "the airport"}])
    gold_path, system_path = write_case(tmp_path, "r4", gold, [from_threat, short_quote])
    summary = evaluate_gold([gold_path], system_path).summary()
    assert summary["must_not_violations"] == 1  # the 11-character quote does not count
    assert summary["events"]["fp"] == 2
    assert summary["events"]["f1"] == 0.0
    assert summary["field_acc"] is None
    assert "field_acc=n/a" in evaluate_gold([gold_path], system_path).render()


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "typo.json"
    event = gold_event()
    event["location"] = {**MOSUL, "radius": 10}
    path.write_text(json.dumps({"events": [event]}), encoding="utf-8")
    with pytest.raises(GoldFileError) as err:
        load_gold([path])
    assert "typo.json" in str(err.value)
    assert "'radius'" in str(err.value)
    assert "events[0].location" in str(err.value)


def test_unknown_key_inside_any_of_wrapper(tmp_path: Path) -> None:
    path = tmp_path / "typo2.json"
    path.write_text(json.dumps({"events": [gold_event(status={"anyof": ["claimed"]})]}),
                    encoding="utf-8")
    with pytest.raises(GoldFileError, match="'anyof'"):
        load_gold([tmp_path])


def test_broken_json_names_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"events": [', encoding="utf-8")
    with pytest.raises(GoldFileError, match="broken.json.*broken JSON at line 1"):
        load_gold([path])
    result = CliRunner().invoke(main, ["eval", "gold", str(path), "--system", str(path)])
    assert result.exit_code != 0
    assert "broken.json" in result.output


def test_folder_loading_skips_json_without_events(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_text(json.dumps({"events": [gold_event()]}))
    (tmp_path / "settings.json").write_text(json.dumps({"theme": "dark"}))
    golds = load_gold([tmp_path, tmp_path / "sub"])
    assert [g.name for g in golds] == ["a"]


def make_story(root: Path) -> Path:
    story = root / "story_1_depot"
    story.mkdir()
    (story / "r1.txt").write_text(
        "date 2024-06-10\nA fuel depot outside Mosul burned overnight after a drone hit it, "
        "a group calling itself Saraya Example said on Telegram.\n", encoding="utf-8")
    (story / "r2.txt").write_text(
        "date 2024-06-11\nIraqi officials confirmed on Tuesday that a drone struck the fuel "
        "depot near Mosul late on Sunday, causing a large fire but no casualties.\n",
        encoding="utf-8")
    gold = gold_event(
        date_start="2024-06-09", date_end="2024-06-09", status="confirmed",
        assertions_required=[], evidence_required=[],
        documents=["r1.txt", "r2.txt"],
        status_history=[{"status": "claimed", "report": "r1.txt"},
                        {"status": "confirmed", "report": "r2.txt"}],
    )
    (story / "story.json").write_text(json.dumps({"reports": ["r1.txt", "r2.txt"],
                                                  "events": [gold],
                                                  "expected_event_count": 1}))
    return story


def test_story_scores_documents_status_and_collapsed_sequence(tmp_path: Path) -> None:
    story = make_story(tmp_path)
    ids = [next(read_file(story / name)).id for name in ("r1.txt", "r2.txt")]
    merged = system_event(
        date_start="2024-06-09", date_end="2024-06-09", status="confirmed", documents=ids,
        status_history=[{"status": "claimed", "document_id": ids[0]},
                        {"status": "claimed", "document_id": ids[0]},
                        {"status": "confirmed", "document_id": ids[1]}],
    )
    system_path = tmp_path / "ledger.json"
    system_path.write_text(json.dumps([{"document": str(story / "r1.txt"), "events": [merged]},
                                       {"document": str(story / "r2.txt"), "events": [merged]}]))
    evaluation = evaluate_stories(tmp_path, system_path)
    unit = evaluation.units[0]
    assert unit.count_right is True
    story_event = unit.story_events[0]
    assert story_event.system_documents == ["r1.txt", "r2.txt"]
    assert story_event.system_sequence == ["claimed", "confirmed"]
    assert story_event.right
    assert evaluation.summary()["stories_summary"]["stories_right"] == {"right": 1, "n": 1}


def test_story_with_two_events_for_one_incident_is_wrong(tmp_path: Path) -> None:
    story = make_story(tmp_path)
    first = system_event(date_start="2024-06-09", date_end="2024-06-09", status="claimed",
                         documents=["r1.txt"], status_history=[{"status": "claimed"}])
    second = dict(first, event_id="e2", status="confirmed", documents=["r2.txt"],
                  status_history=[{"status": "confirmed"}])
    system_path = tmp_path / "split.json"
    system_path.write_text(json.dumps([{"document": str(story), "events": [first, second]}]))
    result = CliRunner().invoke(main, ["eval", "stories", str(tmp_path), "--system",
                                       str(system_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    story_file = report["files"][0]
    assert story_file["count_right"] is False
    assert story_file["story_right"] is False
    assert report["summary"]["events"]["fp"] == 1


def test_expected_zero_with_an_alternative_count_tolerates_that_many(tmp_path: Path) -> None:
    gold = {"events": [], "expected_event_count": 0, "expected_event_count_also_right": [1]}
    gold_path, system_path = write_case(tmp_path, "r5", gold,
                                        [system_event(), system_event(event_id="e2")])
    events = evaluate_gold([gold_path], system_path).summary()["events"]
    assert (events["tp"], events["fp"], events["fn"]) == (0, 1, 0)


def test_report_found_beside_or_through_document_field(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "gold").mkdir()
    report = tmp_path / "reports" / "mosul.txt"
    report.write_text("date 2024-05-03\nA drone hit a depot near Mosul.\n", encoding="utf-8")
    by_field = tmp_path / "gold" / "g1.json"
    by_field.write_text(json.dumps({"document": "reports/mosul.txt", "events": []}))
    beside = tmp_path / "reports" / "mosul.json"
    beside.write_text(json.dumps({"document": "elsewhere.txt", "events": []}))
    golds = {g.path.name: g for g in load_gold([by_field, beside])}
    assert golds["g1.json"].report_path() == report
    assert golds["mosul.json"].report_path() == report


def test_pipeline_mode_runs_analyze_on_each_report(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import claimwatch.pipeline
    from claimwatch.model import Event

    report = tmp_path / "r6.txt"
    report.write_text("date 2024-05-03\nA drone hit a depot near Mosul on Thursday.\n",
                      encoding="utf-8")
    (tmp_path / "r6.json").write_text(json.dumps({"events": [gold_event()]}))
    seen = []

    def fake_analyze(document: Any) -> list[Event]:
        seen.append(document.published.isoformat())
        return [Event.from_dict(system_event())]

    monkeypatch.setattr(claimwatch.pipeline, "analyze", fake_analyze)
    summary = evaluate_gold([tmp_path]).summary()
    assert seen == ["2024-05-03"]
    assert summary["mode"] == "pipeline"
    assert summary["events"]["f1"] == 1.0


def test_missed_gold_event_says_which_test_failed(tmp_path: Path) -> None:
    far = system_event(location={"name": "Tal Afar", "latitude": 36.38, "longitude": 42.45},
                       date_start="2024-05-09", date_end="2024-05-09")
    gold_path, system_path = write_case(tmp_path, "r7", {"events": [gold_event()]}, [far])
    unit = evaluate_gold([gold_path], system_path).units[0]
    reasons = unit.missed[0]["reasons"]
    assert [r.split()[0] for r in reasons] == ["date", "place"]
    assert "'Tal Afar' 61 km from 'Mosul' (radius 15 km)" in reasons[1]
