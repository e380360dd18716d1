"""Render events for a terminal or a pipe: table, json, jsonl, csv (one registry)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from claimwatch.errors import FormatError
from claimwatch.model import Event

TABLE_COLUMNS = ("event_id", "date", "role", "types", "perpetrator", "place", "killed",
                 "status", "responsibility", "docs")


def _row(e: Event) -> dict[str, str]:
    date = e.date_start.isoformat() if e.date_start else "?"
    if e.date_precision and e.date_precision != "day":
        date = f"{date}~{e.date_precision}"
    killed = e.fatalities
    kill = "" if not killed.is_known else (
        f"{killed.low}" if killed.low == killed.high else
        f"{killed.low if killed.low is not None else ''}-{killed.high or ''}")
    return {
        "event_id": e.event_id,
        "date": date,
        "role": e.mention_role,
        "types": ",".join(e.attack_types),
        "perpetrator": ", ".join(a.name for a in e.perpetrators) or "-",
        "place": e.location.name if e.location else "-",
        "killed": kill,
        "status": e.status,
        "responsibility": e.responsibility.status,
        "docs": str(len(e.documents)),
    }


def as_table(events: Sequence[Event]) -> str:
    rows = [_row(e) for e in events]
    widths = {c: max([len(c), *(len(r[c][:40]) for r in rows)]) for c in TABLE_COLUMNS}
    lines = ["  ".join(c.ljust(widths[c]) for c in TABLE_COLUMNS)]
    lines.append("  ".join("-" * widths[c] for c in TABLE_COLUMNS))
    for r in rows:
        lines.append("  ".join(r[c][:40].ljust(widths[c]) for c in TABLE_COLUMNS))
    lines.append(f"{len(rows)} event(s)")
    return "\n".join(lines)


def as_json(events: Sequence[Event]) -> str:
    return json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=2)


def as_jsonl(events: Sequence[Event]) -> str:
    return "\n".join(json.dumps(e.to_dict(), ensure_ascii=False) for e in events)


def as_csv(events: Sequence[Event]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(TABLE_COLUMNS))
    writer.writeheader()
    for e in events:
        writer.writerow(_row(e))
    return buf.getvalue()


RENDERERS: dict[str, Callable[[Sequence[Event]], str]] = {
    "table": as_table,
    "json": as_json,
    "jsonl": as_jsonl,
    "csv": as_csv,
}


def render(events: Sequence[Event], fmt: str) -> str:
    try:
        return RENDERERS[fmt](events)
    except KeyError:
        raise FormatError(f"unknown format {fmt!r}; choose one of {', '.join(RENDERERS)}") \
            from None


def documents_json(results: Sequence[tuple[Any, Sequence[Event]]], *, lines: bool) -> str:
    """`extract` output: one object per document, {document, published, events}."""
    objs = [{"document": doc.path or doc.id,
             "published": doc.published.isoformat() if doc.published else None,
             "events": [e.to_dict() for e in events]} for doc, events in results]
    if lines:
        return "\n".join(json.dumps(o, ensure_ascii=False) for o in objs)
    return json.dumps(objs, ensure_ascii=False, indent=2)


def explain_event(e: Event) -> str:
    """Every field of an event with where it came from, for `claimwatch show`."""
    out = [f"event {e.event_id}"]
    d = e.to_dict()
    for key in ("event_type", "sub_event_type", "attack_types", "date_start", "date_end",
                "date_precision", "mention_role", "weapons", "fatalities", "injured",
                "abducted", "status", "responsibility", "documents"):
        out.append(f"  {key}: {json.dumps(d[key], ensure_ascii=False)}")
    out.append(f"  location: {json.dumps(d['location'], ensure_ascii=False)}")
    out.append("  actors:")
    out += [f"    - {a.role}: {a.name} ({a.kind})" for a in e.actors]
    out.append("  targets:")
    out += [f"    - {t.text} [{t.type}]" for t in e.targets]
    out.append(f"  status rule: {e.status_rule}")
    out.append("  assertions:")
    for a in e.assertions:
        out.append(f"    - {a.speaker} ({a.speaker_role}) {a.stance}"
                   f"{' ' + a.handle if a.handle else ''} [{a.document_id} "
                   f"{a.char_start}:{a.char_end}]")
        out.append(f"      \"{a.quote[:200]}\"")
    out.append("  evidence:")
    out += [f"    - {v.kind}{' (against)' if v.against else ''}: {v.description}"
            for v in e.evidence]
    out.append("  status history:")
    out += [f"    - {s.at} {s.status} (document {s.document_id})" for s in e.status_history]
    out.append("  explanations:")
    for x in e.explanations:
        out.append(f"    - {x.field}: {x.rule}{' — ' + x.detail if x.detail else ''}")
        if x.sentence:
            out.append(f"      from {x.document_id}: \"{x.sentence.strip()[:200]}\"")
    return "\n".join(out)
