"""The ledger: one object to ingest reports into a store and query the merged events.

    >>> ledger = Ledger("claimwatch.db")            # or a SQLAlchemy URL
    >>> report = ledger.ingest_paths(["reports/"])
    >>> ledger.events(status="claimed", since="2024-01-01")

Each report is analysed, stored and merged in its own transaction: a bad report is
recorded in ``IngestReport.errors`` and never stops the batch nor leaves half a write;
a report already stored (same id) is skipped, so an interrupted run can simply be re-run.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from claimwatch.errors import ClaimwatchError, InputError, StoreError
from claimwatch.merge.score import threshold as merge_threshold
from claimwatch.model import Document, Event
from claimwatch.store import engine as store_engine
from claimwatch.store import read, write


@dataclass
class IngestError:
    """A report that could not be ingested, and why."""

    source: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "code": self.code, "message": self.message}

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


@dataclass
class IngestReport:
    """What an ingest did: documents added or skipped, errors, events created or changed."""

    added_ids: list[str] = field(default_factory=list)
    skipped_ids: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    events_created: list[str] = field(default_factory=list)
    events_changed: list[str] = field(default_factory=list)
    events_removed: list[str] = field(default_factory=list)

    def absorb(self, changes: write.Changes) -> None:
        """Fold one write's changes in; an event created then changed stays created."""
        for eid in changes.removed:
            for bucket in (self.events_created, self.events_changed):
                if eid in bucket:
                    bucket.remove(eid)
            if eid not in self.events_removed:
                self.events_removed.append(eid)
        for eid in changes.created:
            if eid in self.events_removed:
                self.events_removed.remove(eid)
                self.events_changed.append(eid)
            elif eid not in self.events_created:
                self.events_created.append(eid)
        for eid in changes.changed:
            if eid not in self.events_created and eid not in self.events_changed:
                self.events_changed.append(eid)

    @property
    def documents_added(self) -> int:
        """How many reports were stored (their ids: ``added_ids``)."""
        return len(self.added_ids)

    @property
    def documents_skipped(self) -> int:
        """How many reports were already stored (their ids: ``skipped_ids``)."""
        return len(self.skipped_ids)

    def summary(self) -> str:
        """One line for people: what was added, skipped, created, changed, failed."""
        return (f"{self.documents_added} documents added, "
                f"{self.documents_skipped} skipped (already stored), "
                f"{len(self.events_created)} events created, "
                f"{len(self.events_changed)} changed, {len(self.errors)} errors")

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents_added": self.documents_added,
            "documents_skipped": self.documents_skipped,
            "added_ids": list(self.added_ids),
            "skipped_ids": list(self.skipped_ids),
            "errors": [e.to_dict() for e in self.errors],
            "events_created": list(self.events_created),
            "events_changed": list(self.events_changed),
            "events_removed": list(self.events_removed),
        }


def _error(exc: ClaimwatchError, source: str | None = None) -> IngestError:
    return IngestError(source=exc.source or source or "<input>", code=exc.code, message=str(exc))


class Ledger:
    """A store of merged events, opened on a SQLite path or a SQLAlchemy URL."""

    def __init__(self, url: str = "claimwatch.db") -> None:
        self.url = store_engine.database_url(url)
        self.engine = store_engine.create(url)
        store_engine.upgrade(self.engine)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------------------------

    def ingest_paths(self, paths: Iterable[str | Path], published: dt.date | None = None,
                     progress: bool = False) -> IngestReport:
        """Read, analyse, store and merge every report under ``paths``."""
        from claimwatch.ingest import read_paths

        report = IngestReport()
        documents: list[Document] = []
        for item in read_paths(paths, published):
            if isinstance(item, InputError):
                report.errors.append(_error(item))
            else:
                documents.append(item)
        self._ingest(_progress(documents) if progress else documents, report)
        return report

    def ingest_documents(self, documents: Iterable[Document],
                         progress: bool = False) -> IngestReport:
        """Analyse, store and merge documents already read."""
        report = IngestReport()
        docs: Iterable[Document] = documents
        if progress:
            docs = _progress(list(docs))
        self._ingest(docs, report)
        return report

    def _ingest(self, documents: Iterable[Document], report: IngestReport) -> None:
        from claimwatch.pipeline import analyze

        for doc in documents:
            if self.has_document(doc.id) or doc.id in report.added_ids:
                report.skipped_ids.append(doc.id)
                continue
            try:
                found = analyze(doc)
            except ClaimwatchError as exc:
                report.errors.append(_error(exc, doc.path or doc.id))
                continue
            self._store(doc, found, report)

    def ingest_analysed(self, document: Document, events: list[Event]) -> IngestReport:
        """Store a report with events already extracted from it (one transaction)."""
        report = IngestReport()
        if self.has_document(document.id):
            report.skipped_ids.append(document.id)
        else:
            self._store(document, events, report)
        return report

    def _store(self, document: Document, events: list[Event], report: IngestReport) -> None:
        try:
            with self.engine.begin() as conn:
                changes = write.add_document(conn, document, events, merge_threshold())
        except ClaimwatchError as exc:
            report.errors.append(_error(exc, document.path or document.id))
            return
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
            report.errors.append(IngestError(
                document.path or document.id, StoreError.code,
                f"could not store the report: {reason}; nothing of it was written"))
            return
        report.added_ids.append(document.id)
        report.absorb(changes)

    def split(self, event_id: str, document_id: str) -> Event:
        """Take a report out of an event, for good; returns the event that now holds it."""
        with self._write() as conn:
            new_id = write.split(conn, event_id, document_id, merge_threshold())
        return self.event(new_id)

    def rebuild(self) -> IngestReport:
        """Re-score all pairs and rebuild every event (after changing ``merge_threshold``)."""
        report = IngestReport()
        with self._write() as conn:
            report.absorb(write.rebuild(conn, merge_threshold()))
        return report

    # -- reading -------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        with self._read() as conn:
            return write.has_document(conn, document_id)

    def events(self, since: dt.date | str | None = None, until: dt.date | str | None = None,
               actor: str | None = None, type: str | None = None,
               status: str | None = None, country: str | None = None,
               bbox: Sequence[float] | str | None = None, text: str | None = None,
               sort: str = "date_start", limit: int | None = None,
               cursor: str | None = None) -> list[Event]:
        """Stored events matching every filter given, in ``sort`` order."""
        return self.events_page(since, until, actor, type, status, country, bbox, text,
                                sort, limit, cursor)[0]

    def events_page(self, since: dt.date | str | None = None,
                    until: dt.date | str | None = None, actor: str | None = None,
                    type: str | None = None,
                    status: str | None = None, country: str | None = None,
                    bbox: Sequence[float] | str | None = None, text: str | None = None,
                    sort: str = "date_start", limit: int | None = None,
                    cursor: str | None = None) -> tuple[list[Event], str | None]:
        """Like ``events``, with the cursor of the next page (None on the last page)."""
        query = read.EventQuery(since, until, actor, type, status, country, bbox, text,
                                sort, limit, cursor)
        with self._read() as conn:
            return read.event_page(conn, query)

    def event(self, event_id: str) -> Event:
        with self._read() as conn:
            return read.event(conn, event_id)

    def document(self, document_id: str) -> Document:
        with self._read() as conn:
            return read.document(conn, document_id)

    def documents_for(self, event_id: str) -> list[Document]:
        with self._read() as conn:
            return read.documents_for(conn, event_id)

    def explain(self, event_id: str) -> list[dict[str, Any]]:
        """The recorded merge decisions about this event's mentions: scores and reasons."""
        with self._read() as conn:
            return read.explain(conn, event_id)

    def stats(self) -> dict[str, Any]:
        with self._read() as conn:
            return read.stats(conn)

    # -- connections ---------------------------------------------------------------------

    def _read(self) -> Any:
        return _Guard(self, write=False)

    def _write(self) -> Any:
        return _Guard(self, write=True)


class _Guard:
    """A connection (a transaction when writing) whose database errors become StoreError."""

    def __init__(self, ledger: Ledger, *, write: bool) -> None:
        self.ledger, self.write = ledger, write
        self._ctx: Any = None

    def __enter__(self) -> Any:
        try:
            self._ctx = self.ledger.engine.begin() if self.write else self.ledger.engine.connect()
            return self._ctx.__enter__()
        except SQLAlchemyError as exc:
            raise _store_error(self.ledger, exc) from None

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        try:
            self._ctx.__exit__(kind, exc, tb)
        except SQLAlchemyError as err:
            raise _store_error(self.ledger, err) from None
        if isinstance(exc, SQLAlchemyError):
            raise _store_error(self.ledger, exc) from None



def _store_error(ledger: Ledger, exc: SQLAlchemyError) -> StoreError:
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    return StoreError(f"database error on {store_engine.safe_url(ledger.url)}: {reason}; "
                      "check the database is reachable and not locked by another writer")


def _progress(items: list[Any]) -> Iterator[Any]:
    if len(items) < 2:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc="ingesting", unit="doc", file=sys.stderr)
