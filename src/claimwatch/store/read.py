"""Reading the ledger: filtered event lists with cursor paging, documents, counts, reasons."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimwatch.errors import NotFoundError, StoreError
from claimwatch.model import Document, Event
from claimwatch.store import rows
from claimwatch.store.schema import (
    documents,
    event_documents,
    events,
    mentions,
    merge_decisions,
)

SORTS = {
    "date_start": events.c.date_start,
    "date_end": events.c.date_end,
    "fatalities": events.c.fatalities_low,
    "documents": events.c.documents_count,
    "updated": events.c.updated_at,
    "status": events.c.status,
}


@dataclass
class EventQuery:
    """The filters shared by the CLI, the API and the Python API."""

    since: dt.date | str | None = None
    until: dt.date | str | None = None
    actor: str | None = None
    type: str | None = None
    status: str | None = None
    country: str | None = None
    bbox: Sequence[float] | str | None = None
    text: str | None = None
    sort: str = "date_start"
    limit: int | None = None
    cursor: str | None = None


def _date(value: dt.date | str, name: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise StoreError(f"--{name} {value!r} is not a date; use YYYY-MM-DD") from None


def _bbox(value: Sequence[float] | str) -> tuple[float, float, float, float]:
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        w, s, e, n = (float(x) for x in parts)
    except (TypeError, ValueError):
        raise StoreError(f"bbox {value!r} must be four numbers: min_lon,min_lat,max_lon,max_lat"
                         ) from None
    return w, s, e, n


def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filters(q: EventQuery) -> list[Any]:
    where: list[Any] = []
    if q.since is not None:
        where.append(events.c.date_end >= _date(q.since, "since"))
    if q.until is not None:
        where.append(events.c.date_start <= _date(q.until, "until"))
    if q.actor:
        where.append(events.c.actors_text.like(_like(q.actor), escape="\\"))
    if q.type:
        t = q.type.strip()
        where.append(sa.or_(events.c.event_type == t, events.c.sub_event_type == t,
                            events.c.attack_types.like(_like(f"|{t}|"), escape="\\")))
    if q.status:
        where.append(events.c.status.in_([s.strip() for s in q.status.split(",")]))
    if q.country:
        c = q.country.strip()
        where.append(sa.or_(events.c.iso3 == c.upper(),
                            sa.func.lower(events.c.country) == c.lower()))
    if q.bbox is not None:
        w, s, e, n = _bbox(q.bbox)
        where += [events.c.lon >= w, events.c.lon <= e, events.c.lat >= s, events.c.lat <= n]
    if q.text:
        where.append(events.c.search_text.like(_like(q.text), escape="\\"))
    return where


def _order(sort: str) -> list[Any]:
    key = sort.lstrip("-")
    if key not in SORTS:
        raise StoreError(f"unknown sort {sort!r}; choose one of "
                         f"{', '.join(sorted(SORTS))} (prefix - for descending)")
    col = SORTS[key]
    if sort.startswith("-"):
        return [col.is_(None), col.desc(), events.c.id]
    return [col.is_(None), col.asc(), events.c.id]


def event_page(conn: Connection, q: EventQuery) -> tuple[list[Event], str | None]:
    """One page of events and the next page's cursor: the id of this page's last event.

    Paging is by position after the cursor's event in the filtered, sorted list, so a
    cursor stays valid while events are added; an id no longer listed gives no events.
    """
    if q.limit is not None and q.limit < 0:
        raise StoreError(f"limit {q.limit} must be zero or more")
    where, order = _filters(q), _order(q.sort)
    offset = 0
    if q.cursor:
        ids = list(conn.execute(sa.select(events.c.id).where(*where).order_by(*order)).scalars())
        if q.cursor not in ids:
            return [], None
        offset = ids.index(q.cursor) + 1
    stmt = sa.select(events.c.record).where(*where).order_by(*order).offset(offset)
    if q.limit is not None:
        stmt = stmt.limit(q.limit + 1)
    found = [rows.event_from_record(r) for r in conn.execute(stmt).scalars()]
    if q.limit is not None and len(found) > q.limit:
        found = found[:q.limit]
        return found, (found[-1].event_id if found else None)
    return found, None


def event(conn: Connection, event_id: str) -> Event:
    record = conn.execute(sa.select(events.c.record).where(events.c.id == event_id)).scalar()
    if record is None:
        raise NotFoundError(f"no event {event_id!r} in the ledger; list ids with "
                            "`claimwatch events`")
    return rows.event_from_record(record)


def document(conn: Connection, document_id: str) -> Document:
    row = conn.execute(sa.select(documents).where(documents.c.id == document_id)).first()
    if row is None:
        raise NotFoundError(f"no document {document_id!r} in the ledger")
    return rows.document_from_row(row)


def documents_for(conn: Connection, event_id: str) -> list[Document]:
    ev = event(conn, event_id)
    result = conn.execute(sa.select(documents).join(
        event_documents, event_documents.c.document_id == documents.c.id)
        .where(event_documents.c.event_id == event_id))
    by_id = {row.id: rows.document_from_row(row) for row in result}
    return [by_id[d] for d in ev.documents if d in by_id]


def _grouped(conn: Connection, col: Any) -> dict[str, int]:
    result = conn.execute(sa.select(col, sa.func.count()).group_by(col))
    return {str(k) if k is not None else "unknown": int(n) for k, n in result}


def stats(conn: Connection) -> dict[str, Any]:
    """Counts of the ledger: totals and events by status, type, country and month."""
    def total(table: sa.Table) -> int:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0)

    months: dict[str, int] = {}
    for day, n in conn.execute(sa.select(events.c.date_start, sa.func.count())
                               .group_by(events.c.date_start)):
        key = day.strftime("%Y-%m") if day else "unknown"
        months[key] = months.get(key, 0) + int(n)
    return {
        "events": total(events), "documents": total(documents), "mentions": total(mentions),
        "by_status": _grouped(conn, events.c.status),
        "by_type": _grouped(conn, events.c.event_type),
        "by_country": _grouped(conn, events.c.iso3),
        "by_month": dict(sorted(months.items())),
    }


def explain(conn: Connection, event_id: str) -> list[dict[str, Any]]:
    """Every recorded decision about a mention of this event, best scores first."""
    event(conn, event_id)
    members = {r.key: r.document_id for r in conn.execute(
        sa.select(mentions.c.key, mentions.c.document_id).where(mentions.c.event_id == event_id))}
    found: dict[tuple[str, str], Any] = {}
    for col in (merge_decisions.c.mention_a, merge_decisions.c.mention_b):
        for row in conn.execute(sa.select(merge_decisions).where(col.in_(sorted(members)))):
            found[(row.mention_a, row.mention_b)] = row
    keys = {k for p in found for k in p}
    docs = dict(conn.execute(sa.select(mentions.c.key, mentions.c.document_id)
                             .where(mentions.c.key.in_(sorted(keys)))).tuples().all())
    out = []
    for (a, b), row in found.items():
        out.append({
            "mentions": [a, b], "documents": [docs.get(a), docs.get(b)],
            "within_event": a in members and b in members,
            "score": row.score, "decision": row.decision, "decided_by": row.decided_by,
            "reasons": json.loads(row.reasons),
        })
    out.sort(key=lambda d: (not d["within_event"], -d["score"], d["mentions"]))
    return out
