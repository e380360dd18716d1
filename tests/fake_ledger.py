"""An in-memory stand-in for ``claimwatch.Ledger`` over hand-built events (tests only)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from claimwatch.errors import NotFoundError
from claimwatch.model import Document, Event, StatusChange


@dataclass
class FakeIngestReport:
    documents_added: int = 0
    documents_skipped: int = 0
    errors: list[str] = field(default_factory=list)
    events_created: list[str] = field(default_factory=list)
    events_changed: list[str] = field(default_factory=list)


class FakeLedger:
    """Filters, sorting and keyset paging as the real ledger's interface promises."""

    def __init__(self, events: list[Event], documents: list[Document]) -> None:
        self._events = {e.event_id: e for e in events}
        self._documents = {d.id: d for d in documents}
        self.closed = False

    def events(self, since: dt.date | None = None, until: dt.date | None = None,
               actor: str | None = None, type: str | None = None, status: str | None = None,
               country: str | None = None,
               bbox: tuple[float, float, float, float] | None = None,
               text: str | None = None, sort: str = "date_start", limit: int | None = None,
               cursor: str | None = None) -> list[Event]:
        found = [e for e in self._events.values()
                 if _matches(e, since, until, actor, type, status, country, bbox, text)]
        found.sort(key=lambda e: (e.date_start or dt.date.min, e.event_id),
                   reverse=sort.startswith("-"))
        if cursor is not None:
            ids = [e.event_id for e in found]
            found = found[ids.index(cursor) + 1:] if cursor in ids else []
        return found[:limit] if limit is not None else found

    def event(self, event_id: str) -> Event:
        if event_id not in self._events:
            raise NotFoundError(f"no event with id {event_id!r}")
        return self._events[event_id]

    def document(self, document_id: str) -> Document:
        if document_id not in self._documents:
            raise NotFoundError(f"no document with id {document_id!r}")
        return self._documents[document_id]

    def documents_for(self, event_id: str) -> list[Document]:
        return [self._documents[d] for d in self.event(event_id).documents
                if d in self._documents]

    def stats(self) -> dict[str, Any]:
        events = list(self._events.values())
        return {
            "events": len(events), "documents": len(self._documents),
            "by_status": dict(Counter(e.status for e in events)),
            "by_type": dict(Counter(e.event_type or "unknown" for e in events)),
            "by_country": dict(Counter(e.location.iso3 if e.location and e.location.iso3
                                       else "unknown" for e in events)),
            "by_month": dict(Counter(e.date_start.strftime("%Y-%m") if e.date_start
                                     else "unknown" for e in events)),
        }

    def ingest_documents(self, documents: list[Document]) -> FakeIngestReport:
        """Each new report becomes one reported event (no pipeline in this fake)."""
        report = FakeIngestReport()
        for doc in documents:
            if doc.id in self._documents:
                report.documents_skipped += 1
                continue
            self._documents[doc.id] = doc
            report.documents_added += 1
            event = Event(event_id=f"evt-{doc.id}", date_start=doc.published,
                          date_end=doc.published, date_precision="day", documents=[doc.id],
                          status_history=[StatusChange("reported", doc.published, doc.id)])
            self._events[event.event_id] = event
            report.events_created.append(event.event_id)
        return report

    def close(self) -> None:
        self.closed = True


def _matches(e: Event, since: dt.date | None, until: dt.date | None, actor: str | None,
             type_: str | None, status: str | None, country: str | None,
             bbox: tuple[float, float, float, float] | None, text: str | None) -> bool:
    loc = e.location
    checks = [
        since is None or (e.date_end is not None and e.date_end >= since),
        until is None or (e.date_start is not None and e.date_start <= until),
        actor is None or any(actor.lower() in a.name.lower() for a in e.actors),
        type_ is None or type_ in e.attack_types or type_ in (e.event_type, e.sub_event_type),
        status is None or e.status == status,
        country is None or (loc is not None and country.lower() in
                            ((loc.iso3 or "").lower(), (loc.country or "").lower())),
        bbox is None or (loc is not None and loc.longitude is not None
                         and loc.latitude is not None
                         and bbox[0] <= loc.longitude <= bbox[2]
                         and bbox[1] <= loc.latitude <= bbox[3]),
        text is None or text.lower() in " ".join(a.quote for a in e.assertions).lower(),
    ]
    return all(checks)
