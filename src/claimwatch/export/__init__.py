"""Exports: the ledger's events in the formats analysts already use.

Formats are registered in one table, ``EXPORTERS``; each lives in its own module and
writes to a binary stream. ``export_events`` resolves the format and the destination.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from claimwatch.errors import FormatError
from claimwatch.export import acled, geojson, jsonl, parquet
from claimwatch.export.base import EventSource, Exporter
from claimwatch.model import Document, Event

EXPORTERS: dict[str, Exporter] = {
    e.name: e for e in (acled.EXPORTER, geojson.EXPORTER, parquet.EXPORTER, jsonl.EXPORTER)
}


def get_exporter(fmt: str) -> Exporter:
    """The exporter registered as ``fmt``, or a FormatError naming the known ones."""
    try:
        return EXPORTERS[fmt]
    except KeyError:
        raise FormatError(
            f"unknown export format {fmt!r}; choose one of {', '.join(EXPORTERS)}"
        ) from None


def export_events(events: Iterable[Event], fmt: str, out: str | Path | IO[Any],
                  *, documents: Mapping[str, Document] | None = None) -> None:
    """Write ``events`` as ``fmt`` to a path, ``"-"`` (stdout) or an open stream.

    ``documents`` (id -> Document) supplies report metadata that some formats cite,
    such as ACLED's ``source`` column.
    """
    exporter = get_exporter(fmt)
    docs = documents or {}
    if isinstance(out, str | Path) and str(out) != "-":
        with open(out, "wb") as fh:
            exporter.write(events, fh, docs)
        return
    stream: IO[Any] = sys.stdout if str(out) == "-" else out  # type: ignore[assignment]
    if isinstance(stream, io.TextIOBase):
        if hasattr(stream, "buffer"):
            stream.flush()
            exporter.write(events, stream.buffer, docs)
            stream.buffer.flush()
            return
        if exporter.binary:
            raise FormatError(f"{fmt} is a binary format; write it to a file or a binary "
                              "stream, not a text stream")
        buf = io.BytesIO()
        exporter.write(events, buf, docs)
        stream.write(buf.getvalue().decode("utf-8"))
        return
    exporter.write(events, cast(BinaryIO, stream), docs)


def export_bytes(events: Iterable[Event], fmt: str,
                 *, documents: Mapping[str, Document] | None = None) -> bytes:
    """The export as bytes in memory (for the REST API)."""
    buf = io.BytesIO()
    export_events(events, fmt, buf, documents=documents)
    return buf.getvalue()


def export_ledger(ledger: EventSource, fmt: str, out: str | Path | IO[Any],
                  **filters: Any) -> int:
    """Export the ledger's events matching ``filters`` (as ``Ledger.events``); the count."""
    exporter = get_exporter(fmt)
    events = ledger.events(**filters)
    documents: dict[str, Document] = {}
    if exporter.cites_documents:
        for event in events:
            documents.update((d.id, d) for d in ledger.documents_for(event.event_id))
    export_events(events, fmt, out, documents=documents)
    return len(events)


__all__ = ["EXPORTERS", "Exporter", "export_bytes", "export_events", "export_ledger",
           "get_exporter"]
