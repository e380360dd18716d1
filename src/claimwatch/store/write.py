"""Writing the ledger: add a report's mentions, match them, rebuild the events they touch.

Every function here runs inside the caller's transaction, so a report is stored whole or
not at all. Events are derived: after new pair decisions are recorded, the connected
components they touch are re-clustered from their mentions (see ``merge.cluster``), so
the ledger depends on the set of reports and the split decisions, not on arrival order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimwatch.errors import NotFoundError, StoreError
from claimwatch.merge.batch import match
from claimwatch.merge.blocking import insert_keys, query_terms
from claimwatch.merge.cluster import Pair, clusters_by_component, pair
from claimwatch.merge.profile import MentionRecord, Profile, profile
from claimwatch.merge.score import PairScore, score_pair
from claimwatch.merge.values import merge_events
from claimwatch.model import Document, Event
from claimwatch.store import rows
from claimwatch.store.schema import (
    assertions,
    documents,
    event_documents,
    events,
    mention_blocks,
    mentions,
    merge_decisions,
    status_history,
)

CHUNK = 500


@dataclass
class Changes:
    """Which events a write created, changed or removed (by id)."""

    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _chunks(items: Iterable[str]) -> Iterable[list[str]]:
    seq = sorted(set(items))
    for i in range(0, len(seq), CHUNK):
        yield seq[i:i + CHUNK]


def has_document(conn: Connection, document_id: str) -> bool:
    found = conn.execute(sa.select(documents.c.id).where(documents.c.id == document_id))
    return found.first() is not None


def add_document(conn: Connection, document: Document, found: list[Event],
                 threshold: float) -> Changes:
    """Store a report and its per-document events, then merge them into the ledger."""
    conn.execute(documents.insert(), [rows.document_row(document)])
    records = rows.mention_records(document, found)
    if not records:
        return Changes()
    conn.execute(mentions.insert(), [rows.mention_row(r) for r in records])
    profiles = [profile(r) for r in records]
    blocks = {(k, p.key) for p in profiles for k in insert_keys(p)}
    conn.execute(mention_blocks.insert(),
                 [{"block_key": k, "mention_key": m} for k, m in sorted(blocks)])
    seeds = {r.key for r in records}
    for p, others in _candidates(conn, profiles, document.id):
        for other in others:
            verdict = score_pair(p, other)
            record_decision(conn, p, other, verdict, threshold)
            if verdict.same(threshold):
                seeds.add(other.key)
    return rederive(conn, seeds, threshold)


def _block_lookup(conn: Connection, p: Profile) -> set[str]:
    """Keys of stored mentions filed under a block that ``p`` queries."""
    keys: set[str] = set()
    exact: list[str] = []
    ranges: list[Any] = []
    for fb, top, sub in query_terms(p):
        if sub is not None:
            exact.append(f"{fb}|{top}/{sub}")
        else:
            low = f"{fb}|{top}/" if top is not None else f"{fb}|"
            high = low[:-1] + chr(ord(low[-1]) + 1)
            ranges.append(sa.and_(mention_blocks.c.block_key >= low,
                                  mention_blocks.c.block_key < high))
    for chunk in _chunks(exact):
        keys.update(conn.execute(sa.select(mention_blocks.c.mention_key)
                                 .where(mention_blocks.c.block_key.in_(chunk))).scalars())
    for i in range(0, len(ranges), 50):
        keys.update(conn.execute(sa.select(mention_blocks.c.mention_key)
                                 .where(sa.or_(*ranges[i:i + 50]))).scalars())
    return keys


def _candidates(conn: Connection, profiles: list[Profile],
                document_id: str) -> list[tuple[Profile, list[Profile]]]:
    """Each new profile with the stored mentions of other reports it shares a block with."""
    wanted = [(p, _block_lookup(conn, p)) for p in profiles]
    loaded = load_mentions(conn, set().union(*(keys for _, keys in wanted)))
    known = {r.key: profile(r) for r in loaded if r.document_id != document_id}
    order = {r.key: r.order for r in loaded}
    return [(p, [known[k] for k in sorted(keys, key=lambda k: order[k]) if k in known])
            for p, keys in wanted]


def load_mentions(conn: Connection, keys: Iterable[str]) -> list[MentionRecord]:
    out: list[MentionRecord] = []
    for chunk in _chunks(keys):
        result = conn.execute(sa.select(mentions).where(mentions.c.key.in_(chunk)))
        out.extend(rows.mention_from_row(row) for row in result)
    return out


def record_decision(conn: Connection, a: Profile, b: Profile, verdict: PairScore,
                    threshold: float) -> None:
    """Keep a pair's score and reasons; a user's split stays whatever the new score."""
    ka, kb = pair(a.key, b.key)
    where = sa.and_(merge_decisions.c.mention_a == ka, merge_decisions.c.mention_b == kb)
    existing = conn.execute(sa.select(merge_decisions.c.decision).where(where)).scalar()
    if existing == "split":
        return
    values = {
        "score": verdict.score, "reasons": rows.dumps(verdict.reasons_dicts()),
        "decision": "veto" if verdict.veto else
                    ("same" if verdict.same(threshold) else "different"),
        "decided_by": "matcher", "decided_at": rows.now(),
    }
    if existing is None:
        conn.execute(merge_decisions.insert(), [{"mention_a": ka, "mention_b": kb, **values}])
    else:
        conn.execute(merge_decisions.update().where(where).values(**values))


def decisions_among(conn: Connection, keys: set[str]) -> list[Any]:
    """Every recorded decision between two of ``keys``."""
    found: list[Any] = []
    for chunk in _chunks(keys):
        result = conn.execute(sa.select(merge_decisions)
                              .where(merge_decisions.c.mention_a.in_(chunk)))
        found.extend(r for r in result if r.mention_b in keys)
    return found


def rederive(conn: Connection, seeds: set[str], threshold: float) -> Changes:
    """Rebuild every event of the components that hold ``seeds``."""
    comps: set[str] = set()
    for chunk in _chunks(seeds):
        comps.update(c for c in conn.execute(sa.select(mentions.c.component)
                                             .where(mentions.c.key.in_(chunk))).scalars() if c)
    keys = set(seeds)
    for chunk in _chunks(comps):
        keys.update(conn.execute(sa.select(mentions.c.key)
                                 .where(mentions.c.component.in_(chunk))).scalars())
    return _rebuild_events(conn, load_mentions(conn, keys), threshold)


def _rebuild_events(conn: Connection, records: list[MentionRecord], threshold: float) -> Changes:
    keys = {r.key for r in records}
    decided = decisions_among(conn, keys)
    scores = {(d.mention_a, d.mention_b): d.score for d in decided
              if d.decision not in ("split", "veto") and d.score >= threshold}
    forbidden = {(d.mention_a, d.mention_b) for d in decided
                 if d.decision in ("split", "veto")}
    by_pair = {(d.mention_a, d.mention_b): d for d in decided}
    old = _old_events(conn, keys)
    delete_events(conn, old)
    changes = Changes()
    for root, cluster in clusters_by_component(records, scores, forbidden):
        ev = merge_events(cluster, _reasons(cluster, scores, by_pair))
        insert_event(conn, ev)
        conn.execute(mentions.update().where(mentions.c.key.in_([r.key for r in cluster]))
                     .values(event_id=ev.event_id, component=root))
        if ev.event_id not in old:
            changes.created.append(ev.event_id)
        elif old[ev.event_id] != rows.dumps(ev.to_dict(explain=True)):
            changes.changed.append(ev.event_id)
        old.pop(ev.event_id, None)
    changes.removed = sorted(old)
    return changes


def _reasons(cluster: list[MentionRecord], scores: dict[Pair, float],
             by_pair: dict[Pair, Any]) -> list[dict[str, Any]]:
    doc_of = {r.key: r.document_id for r in cluster}
    out = []
    for i, a in enumerate(cluster):
        for b in cluster[i + 1:]:
            p = pair(a.key, b.key)
            if p in scores:
                d = by_pair[p]
                out.append({"mentions": list(p), "documents": [doc_of[p[0]], doc_of[p[1]]],
                            "score": d.score, "decision": d.decision,
                            "reasons": json.loads(d.reasons)})
    return out


def _old_events(conn: Connection, keys: set[str]) -> dict[str, str]:
    ids: set[str] = set()
    for chunk in _chunks(keys):
        ids.update(conn.execute(sa.select(mentions.c.event_id)
                                .where(mentions.c.key.in_(chunk))).scalars())
    ids.discard(None)
    old: dict[str, str] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(sa.select(events.c.id, events.c.record)
                                .where(events.c.id.in_(chunk))):
            old[row.id] = row.record
    return old


def delete_events(conn: Connection, ids: Iterable[str]) -> None:
    for chunk in _chunks(ids):
        for table in (events, assertions, event_documents, status_history):
            col = table.c.id if table is events else table.c.event_id
            conn.execute(table.delete().where(col.in_(chunk)))


def insert_event(conn: Connection, ev: Event) -> None:
    conn.execute(events.insert(), [rows.event_row(ev)])
    if ev.assertions:
        conn.execute(assertions.insert(), rows.assertion_rows(ev))
    conn.execute(event_documents.insert(),
                 [{"event_id": ev.event_id, "document_id": d} for d in ev.documents])
    if ev.status_history:
        conn.execute(status_history.insert(), [
            {"event_id": ev.event_id, "seq": i, "status": s.status, "at": s.at,
             "document_id": s.document_id} for i, s in enumerate(ev.status_history)])


def split(conn: Connection, event_id: str, document_id: str, threshold: float) -> str:
    """Take a report out of an event for good; the id of the event that now holds it."""
    members = list(conn.execute(sa.select(mentions.c.key, mentions.c.document_id)
                                .where(mentions.c.event_id == event_id)))
    if not members:
        raise NotFoundError(f"no event {event_id!r} in the ledger; list ids with "
                            "`claimwatch events`")
    leaving = [m.key for m in members if m.document_id == document_id]
    staying = [m.key for m in members if m.document_id != document_id]
    if not leaving:
        raise NotFoundError(f"report {document_id!r} is not linked to event {event_id!r}; "
                            "`claimwatch show EVENT_ID` lists its reports")
    if not staying:
        raise StoreError(f"report {document_id!r} is the only report of event {event_id!r}; "
                         "there is nothing to split it from")
    for a in leaving:
        for b in staying:
            _forbid(conn, a, b)
    rederive(conn, set(leaving) | set(staying), threshold)
    return str(conn.execute(sa.select(mentions.c.event_id)
                            .where(mentions.c.key == leaving[0])).scalar())


def _forbid(conn: Connection, a: str, b: str) -> None:
    ka, kb = pair(a, b)
    where = sa.and_(merge_decisions.c.mention_a == ka, merge_decisions.c.mention_b == kb)
    values = {"decision": "split", "decided_by": "user", "decided_at": rows.now()}
    if conn.execute(sa.select(merge_decisions.c.score).where(where)).first() is None:
        conn.execute(merge_decisions.insert(), [{
            "mention_a": ka, "mention_b": kb, "score": 0.0,
            "reasons": rows.dumps([{"feature": "user", "value": 0.0, "weight": 0.0,
                                    "detail": "split by a user"}]), **values}])
    else:
        conn.execute(merge_decisions.update().where(where).values(**values))


def rebuild(conn: Connection, threshold: float) -> Changes:
    """Re-score every candidate pair and rebuild every event; user splits stay."""
    records = sorted(load_mentions(conn, conn.execute(sa.select(mentions.c.key)).scalars()),
                     key=lambda r: r.order)
    conn.execute(merge_decisions.delete().where(merge_decisions.c.decision != "split"))

    def keep(a: Profile, b: Profile, verdict: PairScore) -> None:
        record_decision(conn, a, b, verdict, threshold)

    match(records, threshold, on_pair=keep)
    return _rebuild_events(conn, records, threshold)
