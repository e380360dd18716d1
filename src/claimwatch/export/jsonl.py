"""JSON Lines: one contract record per line, the lossless interchange format."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import BinaryIO

from claimwatch.export.base import Exporter
from claimwatch.model import Document, Event


def write_jsonl(events: Iterable[Event], out: BinaryIO, documents: Mapping[str, Document]) -> None:
    """Write each event's ``to_dict()`` as one UTF-8 JSON line."""
    for event in events:
        line = json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=False)
        out.write(line.encode("utf-8") + b"\n")


EXPORTER = Exporter(
    name="jsonl", suffix=".jsonl", media_type="application/x-ndjson",
    help="One CONTRACT event record per line (UTF-8 JSON Lines).", write=write_jsonl,
)
