"""Scoring one report or story against its gold, and pooling the scores into a summary.

Implements the scoring section of gold/README.md: one-to-one matching, field accuracy over
matched pairs, assertion and evidence recall, must-not-extract violations, and for
stories the event count, linked documents, final status and status sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claimwatch.evaluate.gold_load import GoldFile
from claimwatch.evaluate.gold_match import (
    FIELDS,
    describe,
    incompatibilities,
    match_events,
    status_right,
)
from claimwatch.evaluate.gold_values import as_list, name_key, options, same_text, text_key

MIN_QUOTE_CHARS = 12
EDGE_CHARS = "\"'`“”‘’„«»‹› .…"
ELLIPSIS = re.compile(r"…|\.\.\.|\[\s*…\s*\]|\[\s*\.\.\.\s*\]")


@dataclass
class StoryEventScore:
    """How one gold event of a story fared: its documents, final status, status sequence."""

    key: str
    matched: bool
    documents: bool | None
    final_status: bool | None
    sequence: bool | None
    gold_documents: list[str] = field(default_factory=list)
    system_documents: list[str] = field(default_factory=list)
    gold_sequence: list[str] = field(default_factory=list)
    system_sequence: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return self.matched and all(v is not False for v in
                                    (self.documents, self.final_status, self.sequence))


@dataclass
class UnitScore:
    """The score of one gold file (a report) or one story against the system's events."""

    name: str
    kind: str
    path: str
    gold_count: int
    system_count: int
    matched: list[tuple[str, int]] = field(default_factory=list)
    unmatched_gold: list[str] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)  # why each was not matched
    unmatched_system: list[dict[str, Any]] = field(default_factory=list)
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, n]
    errors: list[dict[str, Any]] = field(default_factory=list)
    assertions: list[int] = field(default_factory=lambda: [0, 0])
    assertions_matched: list[int] = field(default_factory=lambda: [0, 0])
    assertion_misses: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[int] = field(default_factory=lambda: [0, 0])
    evidence_misses: list[dict[str, Any]] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    expected_counts: list[int] = field(default_factory=list)
    count_right: bool | None = None
    story_events: list[StoryEventScore] = field(default_factory=list)
    note: str | None = None
    tolerated: int = 0  # extra system events an expected_event_count_also_right allows


    @property
    def tp(self) -> int:
        return len(self.matched)

    @property
    def fp(self) -> int:
        return self.system_count - self.tp - self.tolerated

    @property
    def fn(self) -> int:
        return self.gold_count - self.tp

    @property
    def story_right(self) -> bool:
        return bool(self.count_right) and all(e.right for e in self.story_events)


def _why_missed(key: str, gold: dict[str, Any], system_events: list[dict[str, Any]],
                taken: set[int], keep: int = 3, *, name_heads: bool = True) -> dict[str, Any]:
    """The nearest system events (fewest failed tests) and why none could be matched."""
    ranked = []
    for si, event in enumerate(system_events):
        failed = incompatibilities(gold, event, name_heads=name_heads) or [
            "compatible, but taken by a better-scoring gold event"]
        ranked.append((len(failed) + (si in taken), si, failed))
    ranked.sort(key=lambda r: r[:2])
    if not ranked:
        return {"gold_key": key, "nearest": None, "reasons": ["no system event at all"],
                "candidates": []}
    candidates = [{"event": _brief(system_events[si]), "reasons": failed}
                  for _, si, failed in ranked[:keep]]
    return {"gold_key": key, "nearest": candidates[0]["event"],
            "reasons": candidates[0]["reasons"], "candidates": candidates}


def _brief(event: dict[str, Any]) -> dict[str, Any]:
    """A short identification of a system event for listings."""
    quotes = [a.get("quote") for a in event.get("assertions") or [] if a.get("quote")]
    loc = event.get("location") or {}
    return {
        "event_id": event.get("event_id"), "attack_types": event.get("attack_types"),
        "date": [event.get("date_start"), event.get("date_end")],
        "place": loc.get("name") if isinstance(loc, dict) else None,
        "place_precision": loc.get("precision") if isinstance(loc, dict) else None,
        "mention_role": event.get("mention_role"),
        "quote": quotes[0][:160] if quotes else None,
    }


def _speaker_keys(value: dict[str, Any], *, gold: bool) -> set[str]:
    keys: set[str] = set()
    for k in ("speaker", "handle"):
        for opt in options(value.get(k)) if gold else [value.get(k)]:
            if opt:
                keys.add(name_key(opt))
    return keys - {""}


def assertion_found(required: dict[str, Any], system: dict[str, Any]) -> bool:
    """Speaker or handle against either, the stance, and the speaker role if given."""
    want = _speaker_keys(required, gold=True)
    for found in system.get("assertions") or []:
        if not isinstance(found, dict) or not want & _speaker_keys(found, gold=False):
            continue
        if not same_text(required.get("stance"), found.get("stance")):
            continue
        if "speaker_role" in required and not same_text(required["speaker_role"],
                                                        found.get("speaker_role")):
            continue
        return True
    return False


def _quote_fragments(quote: str) -> list[str]:
    """A quote's comparable pieces: spacing, edge quote marks and ellipses ignored."""
    pieces = [" ".join(p.split()).casefold().strip(EDGE_CHARS) for p in ELLIPSIS.split(quote)]
    return [p for p in pieces if len(p) >= MIN_QUOTE_CHARS]


def violated(event: dict[str, Any], must_not: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The must-not-extract entry an unmatched system event was drawn from, if any."""
    for entry in must_not:
        text = (text_key(entry.get("text")) or "").strip(EDGE_CHARS)
        if not text:
            continue
        for assertion in event.get("assertions") or []:
            for piece in _quote_fragments(str(assertion.get("quote") or "")):
                if piece in text or text in piece:
                    return {"text": entry.get("text"), "quote": assertion.get("quote"),
                            "event": _brief(event)}
    return None


def _score_fields(unit: UnitScore, key: str, gold: dict[str, Any],
                  system: dict[str, Any]) -> None:
    for name, check in FIELDS.items():
        result = check(gold, system)
        if result is None:
            continue
        tally = unit.fields.setdefault(name, [0, 0])
        tally[1] += 1
        if result:
            tally[0] += 1
        else:
            unit.errors.append({"gold_key": key, "field": name,
                                "gold": describe(name, gold), "system": describe(name, system)})


def _score_claims(unit: UnitScore, key: str, gold: dict[str, Any],
                  system: dict[str, Any] | None) -> None:
    for required in as_list(gold.get("assertions_required")):
        found = system is not None and assertion_found(required, system)
        unit.assertions[1] += 1
        unit.assertions[0] += int(found)
        if system is not None:
            unit.assertions_matched[1] += 1
            unit.assertions_matched[0] += int(found)
        if not found:
            got = [{k: a.get(k) for k in ("speaker", "handle", "speaker_role", "stance")}
                   for a in (system or {}).get("assertions") or []]
            unit.assertion_misses.append({"gold_key": key, "required": required,
                                          "matched": system is not None, "system": got})
    kinds = {text_key(e.get("kind")) for e in (system or {}).get("evidence") or []}
    for required in as_list(gold.get("evidence_required")):
        found = any(text_key(k) in kinds for k in options(required.get("kind")))
        unit.evidence[1] += 1
        unit.evidence[0] += int(found)
        if not found:
            unit.evidence_misses.append({"gold_key": key, "kind": required.get("kind"),
                                         "matched": system is not None})


def score_unit(gold: GoldFile, system_events: list[dict[str, Any]],
               doc_names: dict[str, str] | None = None, note: str | None = None, *,
               name_heads: bool = True) -> UnitScore:
    """Match and score one gold file's events against the system's events for it.

    ``name_heads``: whether a gold place description ("Town, Region") is borne by a system
    place named as the town (``gold_match.gold_place_names``).
    """
    gold_events = gold.events
    unit = UnitScore(name=gold.name, kind=gold.kind, path=str(gold.path),
                     gold_count=len(gold_events), system_count=len(system_events), note=note)
    pairs = dict(match_events(gold_events, system_events, name_heads=name_heads))
    for gi, gevent in enumerate(gold_events):
        key = str(gevent.get("key") or f"event {gi + 1}")
        system = system_events[pairs[gi]] if gi in pairs else None
        if system is None:
            unit.unmatched_gold.append(key)
            unit.missed.append(_why_missed(key, gevent, system_events, set(pairs.values()),
                                           name_heads=name_heads))
        else:
            unit.matched.append((key, pairs[gi]))
            _score_fields(unit, key, gevent, system)
        _score_claims(unit, key, gevent, system)
    matched_system = set(pairs.values())
    for si, sevent in enumerate(system_events):
        if si in matched_system:
            continue
        unit.unmatched_system.append(_brief(sevent))
        hit = violated(sevent, gold.must_not_extract)
        if hit:
            unit.violations.append(hit)
    if not gold_events and gold.kind == "report":
        # expected_event_count 0 with a non-zero alternative: that many events are no error
        unit.tolerated = min(len(system_events) - len(pairs), max(gold.expected_counts()))
    if gold.kind == "story":
        _score_story(unit, gold, system_events, pairs, doc_names or {})
    return unit


def collapse(statuses: list[str]) -> list[str]:
    """A status sequence with consecutive repeats collapsed."""
    out: list[str] = []
    for status in statuses:
        key = text_key(status) or ""
        if not out or out[-1] != key:
            out.append(key)
    return out


def _score_story(unit: UnitScore, gold: GoldFile, system_events: list[dict[str, Any]],
                 pairs: dict[int, int], doc_names: dict[str, str]) -> None:
    unit.expected_counts = gold.expected_counts()
    unit.count_right = len(system_events) in unit.expected_counts
    for gi, gevent in enumerate(gold.events):
        key = str(gevent.get("key") or f"event {gi + 1}")
        history = [h.get("status") for h in as_list(gevent.get("status_history"))]
        gold_docs = sorted(str(d) for d in as_list(gevent.get("documents")))
        score = StoryEventScore(key=key, matched=gi in pairs, documents=None,
                                final_status=None, sequence=None, gold_documents=gold_docs,
                                gold_sequence=collapse([str(h) for h in history]))
        system = system_events[pairs[gi]] if gi in pairs else None
        if "documents" in gevent:
            got = sorted({doc_names.get(str(d), str(d)) for d in (system or {}).get("documents")
                          or []})
            score.system_documents = got
            score.documents = system is not None and got == gold_docs
        if "status" in gevent or history:
            if system is None:
                score.final_status = False
            elif "status" in gevent:
                score.final_status = bool(status_right(gevent, system))
            else:
                score.final_status = same_text(history[-1], system.get("status"))
        if history:
            seq = [str(h.get("status")) for h in (system or {}).get("status_history") or []]
            score.system_sequence = collapse(seq)
            score.sequence = system is not None and score.system_sequence == score.gold_sequence
        unit.story_events.append(score)
