"""Readers: one per input format, each turning bytes on disk into ``Document`` records.

Formats:
- a text file whose first line begins ``date YYYY-MM-DD`` followed by the report;
- a plain ``.txt`` / ``.md`` report with the publication date given by the caller;
- JSON (one record or an array) and JSON Lines, records ``{id, published, title, text,
  url, source, language}``;
- directories, read recursively.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claimwatch import config
from claimwatch.errors import (
    BinaryInputError,
    DateLineError,
    EmptyInputError,
    EncodingError,
    FormatError,
    InputError,
    RecordError,
    TooLargeError,
)
from claimwatch.model import Document

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
DATE_LINE = re.compile(r"^\s*date\s+(\S+)\s*", re.IGNORECASE)
RECORD_KEYS = {"id", "published", "title", "text", "url", "source", "language", "date"}


def document_id(text: str, published: dt.date | None) -> str:
    """A stable id: the hash of the whitespace-normalised text and the date."""
    norm = " ".join(text.split())
    key = f"{published.isoformat() if published else ''}\n{norm}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def parse_date(value: Any, *, source: str) -> dt.date:
    """An ISO date, or a DateLineError that names the input and the bad value."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise DateLineError(
            f"{text!r} is not a valid date (expected YYYY-MM-DD, a real calendar day); "
            "fix the date or pass --published",
            source=source,
        ) from None


def read_text(text: str, published: dt.date | str | None = None, *, title: str | None = None,
              url: str | None = None, source: str | None = None, language: str | None = "en",
              path: str | None = None, doc_id: str | None = None) -> Document:
    """A Document from a string already in memory."""
    origin = path or "<text>"
    if published is not None and not isinstance(published, dt.date):
        published = parse_date(published, source=origin)
    _check_size(text, origin)
    if not text.strip():
        raise EmptyInputError("the report has no text; nothing to analyse", source=origin)
    return Document(
        id=doc_id or document_id(text, published), text=text, published=published,
        title=title, url=url, source=source, language=language, path=path,
    )


def decode(data: bytes, *, source: str) -> str:
    """Bytes as text: UTF-8 first, else a detected encoding, else a clear error."""
    if not data.strip():
        raise EmptyInputError("the file is empty; nothing to analyse", source=source)
    if b"\x00" in data[:8192]:
        raise BinaryInputError(
            "the file holds binary data (NUL bytes), not a text report; "
            "give a .txt, .md, .json or .jsonl file", source=source,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise EncodingError(
            f"the file is not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and its "
            "encoding could not be detected; convert it with `iconv -t UTF-8`", source=source,
        )
    return data.decode(best.encoding)


def read_file(path: Path, published: dt.date | None = None) -> Iterator[Document]:
    """Documents from one file, by its suffix."""
    source = str(path)
    size = path.stat().st_size
    limit = int(config.get("max_report_bytes"))
    if path.suffix.lower() in TEXT_SUFFIXES and size > limit:
        raise TooLargeError(
            f"the report is {size:,} bytes, over the {limit:,}-byte limit; raise it with "
            "CLAIMWATCH_MAX_REPORT_BYTES or split the file", source=source,
        )
    text = decode(path.read_bytes(), source=source)
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from read_records(text, source=source, jsonl=suffix != ".json")
    else:
        yield read_report(text, published=published, source=source)


def read_report(text: str, published: dt.date | None = None, *, source: str) -> Document:
    """A plain report; a leading ``date YYYY-MM-DD`` line gives its publication date."""
    match = DATE_LINE.match(text)
    if match:
        published = parse_date(match.group(1), source=source)
        text = text[match.end():]
    elif text.lstrip().lower().startswith("date"):
        raise DateLineError(
            "the first line begins with 'date' but has no YYYY-MM-DD date after it", source=source
        )
    if published is None:
        raise DateLineError(
            "no publication date: the first line should read `date YYYY-MM-DD`, "
            "or pass --published YYYY-MM-DD", source=source,
        )
    return read_text(text, published, path=source)


def read_records(text: str, *, source: str, jsonl: bool) -> Iterator[Document]:
    """Documents from JSON (object or array) or JSON Lines records."""
    if not jsonl:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RecordError(
                f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; "
                "fix the file or use JSON Lines", source=source,
            ) from None
        items = data if isinstance(data, list) else [data]
        for n, item in enumerate(items, 1):
            yield record_document(item, source=f"{source}[{n}]")
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RecordError(
                f"malformed JSON on line {lineno}: {exc.msg}; fix or remove that line",
                source=source,
            ) from None
        yield record_document(item, source=f"{source}:{lineno}")


def record_document(item: Any, *, source: str) -> Document:
    """One ``{id, published, title, text, url, source, language}`` record."""
    if not isinstance(item, dict):
        raise RecordError("a record must be a JSON object with at least 'text' and "
                          "'published'", source=source)
    unknown = set(item) - RECORD_KEYS
    if unknown:
        raise RecordError(f"unknown key(s) {sorted(unknown)}; known keys: "
                          f"{sorted(RECORD_KEYS)}", source=source)
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise EmptyInputError("the record has no 'text'", source=source)
    raw_date = item.get("published") or item.get("date")
    if not raw_date:
        raise DateLineError("the record has no 'published' date (YYYY-MM-DD)", source=source)
    published = parse_date(raw_date, source=source)
    return read_text(
        text, published, title=item.get("title"), url=item.get("url"),
        source=item.get("source"), language=item.get("language") or "en", path=source,
        doc_id=str(item["id"]) if item.get("id") else None,
    )


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every readable report file under the given paths, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSON_SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        else:
            raise InputError("no such file or directory", source=str(path))


def read_paths(paths: Iterable[str | Path], published: dt.date | None = None,
               ) -> Iterator[Document | InputError]:
    """Every document under ``paths``; a bad file yields its error instead of stopping."""
    for path in iter_files(paths):
        try:
            yield from read_file(path, published)
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError(f"cannot read the file: {exc.strerror}", source=str(path))


def _check_size(text: str, source: str) -> None:
    limit = int(config.get("max_report_bytes"))
    if len(text) > limit:
        raise TooLargeError(
            f"the report is {len(text):,} characters, over the {limit:,} limit; raise it "
            "with CLAIMWATCH_MAX_REPORT_BYTES", source=source,
        )


def check_format(fmt: str, known: Iterable[str]) -> str:
    known = list(known)
    if fmt not in known:
        raise FormatError(f"unknown format {fmt!r}; choose one of {', '.join(known)}")
    return fmt
