"""Merged values: one event from the mentions of every report that describes it.

Pure functions of the mentions in publication order, so the merged event does not depend
on the order reports were ingested in. Counts keep the range of the figures still
credible, dates narrow to the most precise compatible range, and status is recomputed
from every assertion of every linked report, report by report, to build its history.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from claimwatch.claims.status import compute_status, status_history
from claimwatch.merge.profile import MentionRecord, normalise_name, settings
from claimwatch.merge.score import haversine_km
from claimwatch.model import (
    ATTACK_TYPES,
    Actor,
    Assertion,
    Count,
    Event,
    Evidence,
    Explanation,
    Place,
)

T = TypeVar("T")


def _unique(items: Iterable[T], key: Callable[[T], Any]) -> list[T]:
    seen: set[Any] = set()
    out: list[T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _vote(values: list[str | None]) -> str | None:
    """The most frequent value; ties go to the one seen first."""
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(present)
    return max(present, key=lambda v: (counts[v], -present.index(v)))


def merge_count(figures: list[tuple[dt.date | None, Count]]) -> Count:
    """The range of figures not superseded by a higher figure published later.

    Tolls rise as reports come in: an early "at least six" is superseded by a later 16,
    while two figures from the same day (or a later, lower revision) keep their range.
    """
    known = [(day or dt.date.min, c) for day, c in figures if c.is_known]
    if not known:
        return Count()

    def value(c: Count) -> int:
        return c.low if c.low is not None else c.high  # type: ignore[return-value]

    kept = [(d, c) for d, c in known
            if not any(d2 > d and value(c2) > value(c) for d2, c2 in known)]
    lows = [c for _, c in kept if c.low is not None]
    highs = [c.high for _, c in kept if c.high is not None]
    low_count = min(lows, key=lambda c: c.low) if lows else None  # type: ignore[arg-type,return-value]
    low = low_count.low if low_count else None
    high = max(highs) if highs else None
    if low is not None and high is not None and high < low:
        high = None
    qualifier = low_count.qualifier if low_count else kept[0][1].qualifier
    return Count(low=low, high=high, qualifier=qualifier)


def merge_dates(events: list[Event]) -> tuple[dt.date | None, dt.date | None, str | None]:
    """The narrowest range compatible with the others (most reports first on ties)."""
    ranges = [(e.date_start, e.date_end or e.date_start, e.date_precision)
              for e in events if e.date_start]
    if not ranges:
        return None, None, None
    votes = Counter((s, e) for s, e, _ in ranges)
    ranges.sort(key=lambda r: ((r[1] - r[0]).days, -votes[(r[0], r[1])]))
    start, end, precision = ranges[0]
    for s, e, _ in ranges[1:]:
        lo, hi = max(start, s), min(end, e)
        if lo <= hi:
            start, end = lo, hi
    if start == end:
        precision = "day"
    return start, end, precision or "day"


def _compatible(a: Place, b: Place) -> bool:
    """Two places that could name the same spot: same feature, country, or close enough."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if max(a.precision, b.precision) >= 3 and a.iso3 and b.iso3:
        return a.iso3 == b.iso3
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return bool(a.iso3 and a.iso3 == b.iso3)
    tol = float(settings()["place_tolerance_km"][str(max(a.precision, b.precision))])
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= 2 * tol  # type: ignore[arg-type]


def merge_place(records: list[MentionRecord]) -> Place | None:
    """The place most reports agree with, then the most precise, preferring news reports.

    One report that resolves a place wrongly (a namesake town abroad, the perpetrator's
    capital) is outvoted by the others before precision counts.
    """
    places = [(r.event.location, i, r.event.mention_role != "new")
              for i, r in enumerate(records) if r.event.location]
    if not places:
        return None

    def support(place: Place) -> int:
        return sum(1 for other, _, _ in places if _compatible(place, other))

    best = min(places, key=lambda p: (-support(p[0]), p[0].precision, p[0].latitude is None,
                                      p[2], p[1]))
    return best[0]


def merge_actors(events: list[Event]) -> list[Actor]:
    """Actors by canonical name and role, with every alias seen."""
    merged: dict[tuple[str, str], Actor] = {}
    for ev in events:
        for a in ev.actors:
            k = (normalise_name(a.name), a.role)
            if k not in merged:
                merged[k] = Actor(a.name, a.role, a.kind, list(a.aliases), a.affiliation)
                continue
            m = merged[k]
            m.aliases.extend(x for x in a.aliases if x not in m.aliases)
            m.affiliation = m.affiliation or a.affiliation
            if m.kind == "unknown":
                m.kind = a.kind
    return list(merged.values())


def _status_of(assertions: list[Assertion], evidence: list[Evidence],
               actors: list[Actor]) -> Any:
    return compute_status(assertions, evidence, [a.name for a in actors if a.role == "perpetrator"])


def merge_events(records: list[MentionRecord],
                 merge_reasons: list[dict[str, Any]] | None = None) -> Event:
    """One event from its mentions (any order; they are sorted by publication here)."""
    records = sorted(records, key=lambda r: r.order)
    events = [r.event for r in records]
    news = [e for e in events if e.mention_role == "new"] or events
    start, end, precision = merge_dates(events)
    actors = merge_actors(events)
    assertions = _unique((a for e in events for a in e.assertions),
                         lambda a: (a.document_id, a.char_start, a.char_end, a.speaker, a.stance))
    evidence = _unique((x for e in events for x in e.evidence),
                       lambda x: (x.kind, x.description, x.source, x.against))
    decision = _status_of(assertions, evidence, actors)
    return Event(
        event_id=events[0].event_id,
        event_type=_vote([e.event_type for e in news]),
        sub_event_type=_vote([e.sub_event_type for e in news]),
        attack_types=[t for t in ATTACK_TYPES if any(t in e.attack_types for e in events)],
        date_start=start, date_end=end, date_precision=precision,
        mention_role="new" if any(e.mention_role == "new" for e in events)
        else events[0].mention_role,
        actors=actors,
        weapons=_unique((w for e in events for w in e.weapons), normalise_name),
        targets=_unique((t for e in events for t in e.targets), lambda t: normalise_name(t.text)),
        victims=_unique((v for e in events for v in e.victims),
                        lambda v: (normalise_name(v.text), v.count)),
        location=merge_place(records),
        fatalities=merge_count([(r.published, r.event.fatalities) for r in records]),
        injured=merge_count([(r.published, r.event.injured) for r in records]),
        abducted=merge_count([(r.published, r.event.abducted) for r in records]),
        status=decision.status,
        responsibility=decision.responsibility,
        assertions=assertions,
        evidence=evidence,
        documents=_unique((r.document_id for r in records), lambda d: d),
        status_history=replay_status(records),
        explanations=_unique((x for e in events for x in e.explanations), _explanation_key),
        status_rule=decision.rule,
        merge_reasons=list(merge_reasons or []),
    )


def _explanation_key(x: Explanation) -> tuple[Any, ...]:
    return (x.field, x.rule, x.document_id, x.sentence, x.detail)


def replay_status(records: list[MentionRecord]) -> list[Any]:
    """The status after each report in publication order, kept where it changes."""
    steps: list[tuple[dt.date | None, str | None, str]] = []
    assertions: list[Assertion] = []
    evidence: list[Evidence] = []
    actors: list[Actor] = []
    for rec in records:
        assertions.extend(rec.event.assertions)
        evidence.extend(rec.event.evidence)
        actors.extend(rec.event.actors)
        if steps and steps[-1][1] == rec.document_id:
            steps.pop()
        steps.append((rec.published, rec.document_id, _status_of(assertions, evidence,
                                                                  actors).status))
    return status_history(steps)
