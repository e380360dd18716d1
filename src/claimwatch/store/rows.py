"""Records to table rows and back: the only place that knows both shapes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from claimwatch.merge.profile import MentionRecord
from claimwatch.model import Document, Event


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def document_row(document: Document) -> dict[str, Any]:
    return {
        "id": document.id, "published": document.published, "title": document.title,
        "url": document.url, "source": document.source, "language": document.language,
        "path": document.path, "text": document.text, "ingested_at": now(),
    }


def document_from_row(row: Any) -> Document:
    return Document(
        id=row.id, text=row.text, published=row.published, title=row.title, url=row.url,
        source=row.source, language=row.language, path=row.path,
    )


def mention_records(document: Document, events: list[Event]) -> list[MentionRecord]:
    """One record per per-document event, keyed by its (stable) event id."""
    records: list[MentionRecord] = []
    seen: set[str] = set()
    for position, ev in enumerate(events):
        key = ev.event_id
        n = 1
        while key in seen:
            n += 1
            key = f"{ev.event_id}~{n}"
        seen.add(key)
        records.append(MentionRecord(key, document.id, document.published, position, ev))
    return records


def mention_row(rec: MentionRecord) -> dict[str, Any]:
    return {
        "key": rec.key, "document_id": rec.document_id, "position": rec.position,
        "published": rec.published, "record": dumps(rec.event.to_dict(explain=True)),
        "event_id": None, "component": None,
    }


def mention_from_row(row: Any) -> MentionRecord:
    return MentionRecord(row.key, row.document_id, row.published, row.position,
                         Event.from_dict(json.loads(row.record)))


def _lower_join(values: list[str]) -> str:
    return "|" + "|".join(sorted({v.lower() for v in values if v})) + "|"


def _search_text(ev: Event) -> str:
    parts: list[str] = []
    if ev.location:
        parts += [ev.location.name, ev.location.country or "", ev.location.admin1 or ""]
    for a in ev.actors:
        parts += [a.name, *a.aliases]
    parts += ev.weapons + [t.text for t in ev.targets] + [v.text for v in ev.victims]
    parts += [a.quote for a in ev.assertions]
    parts += sorted({x.sentence for x in ev.explanations if x.sentence})
    return "\n".join(p for p in parts if p).lower()


def event_row(ev: Event) -> dict[str, Any]:
    loc = ev.location
    row: dict[str, Any] = {
        "id": ev.event_id, "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "attack_types": _lower_join(ev.attack_types),
        "date_start": ev.date_start, "date_end": ev.date_end,
        "date_precision": ev.date_precision, "mention_role": ev.mention_role,
        "status": ev.status, "responsibility": ev.responsibility.status,
        "iso3": loc.iso3 if loc else None, "country": loc.country if loc else None,
        "location_name": loc.name if loc else None,
        "lat": loc.latitude if loc else None, "lon": loc.longitude if loc else None,
        "geo_precision": loc.precision if loc else None,
        "perpetrators": _lower_join([a.name for a in ev.perpetrators]),
        "actors_text": _lower_join([n for a in ev.actors for n in (a.name, *a.aliases)]),
        "documents_count": len(ev.documents),
        "search_text": _search_text(ev),
        "record": dumps(ev.to_dict(explain=True)),
        "updated_at": now(),
    }
    for name in ("fatalities", "injured", "abducted"):
        count = getattr(ev, name)
        row[f"{name}_low"], row[f"{name}_high"] = count.low, count.high
    return row


def assertion_rows(ev: Event) -> list[dict[str, Any]]:
    return [{
        "event_id": ev.event_id, "document_id": a.document_id, "speaker": a.speaker,
        "handle": a.handle, "speaker_role": a.speaker_role, "stance": a.stance,
        "quote": a.quote, "published": a.published, "char_start": a.char_start,
        "char_end": a.char_end,
    } for a in ev.assertions]


def event_from_record(record: str) -> Event:
    return Event.from_dict(json.loads(record))
