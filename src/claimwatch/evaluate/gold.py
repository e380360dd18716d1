"""``claimwatch eval gold`` / ``eval stories``: score the system against gold annotations.

The system's events come either from running the pipeline on each gold file's report
(stories: ingesting r1..rN in order into a temporary ledger), or from a saved
``claimwatch extract --format json`` output given with ``--system``. Scoring follows
gold/README.md exactly; see docs/evaluation.md.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimwatch.errors import ClaimwatchError, GoldFileError, PipelineError, RecordError
from claimwatch.evaluate.gold_load import GoldFile, load_gold
from claimwatch.evaluate.gold_report import GoldEvaluation
from claimwatch.evaluate.gold_score import score_unit
from claimwatch.model import Document

Events = list[dict[str, Any]]


class PipelineMissingError(PipelineError):
    """The pipeline cannot be imported at all (so no report can be scored by running it)."""


def load_system(path: str | Path) -> list[dict[str, Any]]:
    """A saved extract output: a JSON array (or object) or JSON Lines of per-document records."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordError(f"cannot read the system output: {exc}", source=str(source)) from exc
    try:
        data = json.loads(text)
        records = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        records = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise RecordError(f"line {lineno} is neither JSON nor JSON Lines: {exc.msg}",
                                  source=str(source)) from exc
    for i, record in enumerate(records):
        if not isinstance(record, dict) or not isinstance(record.get("events"), list):
            raise RecordError(f"record {i + 1} is not {{\"document\": ..., \"events\": [...]}}",
                              source=str(source))
    return records


def _story_owns(gold: GoldFile, document: str) -> bool:
    doc = Path(document)
    story_dir = gold.path.parent.name
    return story_dir in (doc.parent.name, doc.name, doc.stem)


def system_events_for(gold: GoldFile, records: list[dict[str, Any]]) -> tuple[Events, str | None]:
    """The events a saved output holds for one gold file (stories: deduplicated by id)."""
    if gold.kind == "report":
        hits = [r for r in records if Path(str(r.get("document") or "")).stem == gold.path.stem]
        if not hits:
            return [], "no system output for this document"
        return [e for r in hits for e in r["events"]], None
    owned = [r for r in records if _story_owns(gold, str(r.get("document") or ""))]
    if not owned:
        return [], "no system output for this story"
    by_id: dict[str, dict[str, Any]] = {}
    anonymous: Events = []
    for record in owned:
        for event in record["events"]:
            if event.get("event_id"):
                by_id[str(event["event_id"])] = event
            else:
                anonymous.append(event)
    return [*by_id.values(), *anonymous], None


def _read_report(path: Path, published: Any = None) -> Document:
    from claimwatch.ingest import read_file

    fallback = dt.date.fromisoformat(str(published)[:10]) if published else None
    for document in read_file(path, fallback):
        return document
    raise GoldFileError("the report holds no document", source=str(path))


def story_document_names(gold: GoldFile) -> dict[str, str]:
    """System document ids (and paths) of a story's reports mapped to r1.txt, r2.txt, ..."""
    names: dict[str, str] = {}
    for report in gold.reports:
        names[str(report)] = report.name
        names[report.name] = report.name
        try:
            names[_read_report(report).id] = report.name
        except ClaimwatchError:
            continue
    return names


def _analyze(document: Document) -> Events:
    try:
        analyze = importlib.import_module("claimwatch.pipeline").analyze
    except (ImportError, AttributeError) as exc:
        raise PipelineMissingError("the pipeline (claimwatch.pipeline.analyze) is not available; "
                            "score a saved output with --system FILE") from exc
    return [event.to_dict() for event in analyze(document)]


def pipeline_report_events(gold: GoldFile) -> tuple[Events, str | None]:
    """Run the pipeline on a gold file's report."""
    report = gold.report_path()
    if report is None:
        raise GoldFileError("no report found: neither a .txt beside the gold file nor its "
                            "'document' field names a readable file", source=str(gold.path))
    document = _read_report(report, gold.data.get("published"))
    try:
        events = _analyze(document)
    except PipelineMissingError:
        raise
    except PipelineError as exc:
        return [], f"pipeline error: {exc}"
    return events, None if events else "no event extracted"


def pipeline_story_events(gold: GoldFile) -> tuple[Events, str | None]:
    """Ingest r1..rN in order into a temporary SQLite ledger and take its events."""
    ledger_class = ledger_type()
    if ledger_class is None:
        return [], "claimwatch.Ledger is not available"
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="claimwatch-eval-", dir=_fast_tmp()) as tmp:
        ledger = ledger_class(str(Path(tmp) / "story.db"))
        try:
            for report in gold.reports:
                outcome = ledger.ingest_documents([_read_report(report)])
                problems += [f"{report.name}: {err}" for err in getattr(outcome, "errors", [])]
            events = [event.to_dict() for event in ledger.events(limit=None)]
        finally:
            ledger.close()
    return events, f"pipeline error: {'; '.join(problems)}" if problems else None


def _fast_tmp() -> str | None:
    """A memory-backed temp folder if there is one: each story's SQLite file is throwaway,
    and a disk-backed one costs about a second of fsyncs per story."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def ledger_type() -> Any:
    """``claimwatch.Ledger`` if the store is built, else ``None``."""
    for module_name in ("claimwatch", "claimwatch.ledger"):
        try:
            found = getattr(importlib.import_module(module_name), "Ledger", None)
        except ImportError:
            continue
        if found is not None:
            return found
    return None


def evaluate_gold(paths: Iterable[str | Path], system: str | Path | None = None,
                  *, stories_only: bool = False,
                  exact_place_names: bool = False) -> GoldEvaluation:
    """Score the system (pipeline run or saved output) against every gold file under paths.

    ``exact_place_names`` takes "bears the gold place's name" letter for letter: a gold
    description such as "Dorfheim, Upper Valley district" is then borne only by a place of
    that whole name, not by "Dorfheim".
    """
    golds = load_gold(paths)
    if stories_only:
        golds = [g for g in golds if g.kind == "story"]
    if not golds:
        raise GoldFileError("no gold files found (JSON files with an 'events' key, or "
                            "story.json)", source=", ".join(str(p) for p in paths))
    records = load_system(system) if system is not None else None
    evaluation = GoldEvaluation(units=[], mode="system" if records is not None else "pipeline")
    skip_stories = records is None and ledger_type() is None
    if skip_stories and any(g.kind == "story" for g in golds):
        evaluation.notes.append("stories not scored: claimwatch.Ledger is not available yet; "
                                "score them from a saved output with --system FILE")
    for gold in golds:
        if gold.kind == "story" and skip_stories:
            evaluation.stories_skipped += 1
            continue
        if records is not None:
            events, note = system_events_for(gold, records)
        elif gold.kind == "story":
            events, note = pipeline_story_events(gold)
        else:
            events, note = pipeline_report_events(gold)
        names = story_document_names(gold) if gold.kind == "story" else None
        evaluation.units.append(score_unit(gold, events, names, note,
                                           name_heads=not exact_place_names))
    return evaluation


def evaluate_stories(path: str | Path, system: str | Path | None = None) -> GoldEvaluation:
    """Score only the multi-report stories (``story.json`` folders) under ``path``."""
    return evaluate_gold([path], system, stories_only=True)
