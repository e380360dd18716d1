"""Ingest: every input format, and a clear error for every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimwatch.errors import (
    BinaryInputError,
    DateLineError,
    EmptyInputError,
    InputError,
    RecordError,
    TooLargeError,
)
from claimwatch.ingest import document_id, read_file, read_paths, read_text

REPORT = "Gunmen attacked a police post in the north of the country on Monday, officials said."


def test_date_line_report(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(f"date 2024-03-05 {REPORT}\n", encoding="utf-8")
    (doc,) = read_file(path)
    assert doc.published == dt.date(2024, 3, 5)
    assert doc.text.startswith("Gunmen attacked")
    assert doc.path == str(path)


def test_plain_text_needs_published(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(REPORT, encoding="utf-8")
    with pytest.raises(DateLineError, match="--published"):
        list(read_file(path))
    (doc,) = read_file(path, dt.date(2024, 1, 2))
    assert doc.published == dt.date(2024, 1, 2)


def test_impossible_date_is_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(f"date 2024-02-31 {REPORT}", encoding="utf-8")
    with pytest.raises(DateLineError, match="2024-02-31") as info:
        list(read_file(path))
    assert str(path) in str(info.value)


def test_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(EmptyInputError):
        list(read_file(empty))
    with pytest.raises(BinaryInputError, match="binary"):
        list(read_file(binary))


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = f"date 2024-03-05 Les combattants ont attaqué la base près de Gao. {REPORT}"
    path.write_bytes(text.encode("latin-1"))
    (doc,) = read_file(path)
    assert "attaqué" in doc.text


def test_json_and_jsonl_records(tmp_path: Path) -> None:
    rec = {"id": "r1", "published": "2024-03-05", "title": "t", "text": REPORT,
           "url": "https://example.org/1", "source": "Example", "language": "en"}
    (tmp_path / "one.json").write_text(json.dumps([rec]), encoding="utf-8")
    (tmp_path / "many.jsonl").write_text(
        json.dumps(rec) + "\n" + json.dumps({**rec, "id": "r2"}) + "\n", encoding="utf-8")
    docs = [d for d in read_paths([tmp_path]) if not isinstance(d, InputError)]
    assert sorted(d.id for d in docs) == ["r1", "r1", "r2"]
    assert docs[0].url == "https://example.org/1"


def test_malformed_jsonl_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    good = json.dumps({"published": "2024-03-05", "text": REPORT})
    path.write_text(good + "\n{\"text\": \"trunc\n", encoding="utf-8")
    with pytest.raises(RecordError, match="line 2"):
        list(read_file(path))


def test_directory_batch_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"date 2024-03-05 {REPORT}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(b"")
    items = list(read_paths([tmp_path]))
    assert sum(isinstance(i, InputError) for i in items) == 1
    assert sum(not isinstance(i, InputError) for i in items) == 1


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_paths([tmp_path / "nope.txt"]))


def test_document_id_is_stable_under_whitespace() -> None:
    day = dt.date(2024, 3, 5)
    assert document_id(REPORT, day) == document_id("  " + REPORT.replace(" ", "\n  "), day)
    assert document_id(REPORT, day) != document_id(REPORT, dt.date(2024, 3, 6))
    assert read_text(REPORT, "2024-03-05").id == document_id(REPORT, day)


def test_size_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMWATCH_MAX_REPORT_BYTES", "100")
    path = tmp_path / "big.txt"
    path.write_text("date 2024-03-05 " + REPORT * 10, encoding="utf-8")
    with pytest.raises(TooLargeError, match="CLAIMWATCH_MAX_REPORT_BYTES"):
        list(read_file(path))
