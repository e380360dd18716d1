"""The store on both backends: schema, queries, paging, errors, the real pipeline."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimwatch.errors import NotFoundError, StoreError
from claimwatch.ledger import Ledger
from claimwatch.model import Count
from claimwatch.store.engine import create
from claimwatch.store.schema import metadata
from event_factory import document, event

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _pg_schema() -> Iterator[str]:
    try:
        engine = create(PG_SERVER)
    except StoreError as exc:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is unreachable: {exc}")
    schema = f"cw_{uuid.uuid4().hex[:12]}"
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store on each backend (PostgreSQL: a schema of its own)."""
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
    else:
        yield from _pg_schema()


@pytest.fixture()
def ledger(url: str) -> Iterator[Ledger]:
    with Ledger(url) as opened:
        yield opened


def _fill(ledger: Ledger) -> None:
    k1, k2 = document("k1", "2024-05-25"), document("k2", "2024-05-26")
    o1, h1 = document("o1", "2024-03-02"), document("h1", "2024-01-12")
    ledger.ingest_analysed(k1, [event(k1, day="2024-05-25", killed=Count(6, None, "at least"))])
    ledger.ingest_analysed(k2, [event(k2, day="2024-05-25", killed=Count(12, 12))])
    ledger.ingest_analysed(o1, [event(o1, day="2024-03-02", place="odesa", kinds=("drone",),
                                      speaker="Russia", role="perpetrator", stance="claims")])
    ledger.ingest_analysed(h1, [event(h1, day="2024-01-11", place="hodeidah",
                                      perpetrator="Houthis", speaker="Houthis",
                                      role="perpetrator", stance="claims")])


def test_migrations_create_exactly_the_declared_schema(url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with Ledger(url) as ledger, ledger.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    with Ledger(url) as again:  # opening twice migrates nothing and keeps the data
        assert again.stats()["events"] == 0


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    with Ledger(str(tmp_path / "w.db")) as ledger, ledger.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"


def test_filters_select_the_right_events(ledger: Ledger) -> None:
    _fill(ledger)
    def ids(**filters: object) -> list[str]:
        return [e.event_id for e in ledger.events(**filters)]  # type: ignore[arg-type]

    assert ids() == ["ev_h1_0", "ev_o1_0", "ev_k1_0"]
    assert ids(since="2024-03-01", until="2024-04-01") == ["ev_o1_0"]
    assert ids(actor="houthis") == ["ev_h1_0"]
    assert ids(type="drone") == ["ev_o1_0"]
    assert ids(status="claimed") == ["ev_h1_0", "ev_o1_0"]
    assert ids(country="Yemen") == ids(country="yem") == ["ev_h1_0"]
    assert ids(bbox=(30.0, 45.0, 40.0, 52.0)) == ["ev_o1_0", "ev_k1_0"]
    assert ids(text="shopping centre in kharkiv") == ["ev_k1_0"]
    assert ids(sort="-date_start") == ["ev_k1_0", "ev_o1_0", "ev_h1_0"]
    assert ids(sort="-fatalities")[0] == "ev_k1_0"


def test_cursor_pages_through_every_event_once(ledger: Ledger) -> None:
    _fill(ledger)
    seen, cursor = [], None
    while True:
        page, cursor = ledger.events_page(limit=2, cursor=cursor)
        seen += [e.event_id for e in page]
        if cursor is None:
            break
    assert seen == [e.event_id for e in ledger.events()]
    assert ledger.events(limit=1, cursor=seen[0])[0].event_id == seen[1]


def test_event_documents_and_stats(ledger: Ledger) -> None:
    _fill(ledger)
    merged = ledger.event("ev_k1_0")
    assert merged.documents == ["k1", "k2"] and merged.fatalities.low == 12
    assert [d.id for d in ledger.documents_for("ev_k1_0")] == ["k1", "k2"]
    assert ledger.document("k2").published.isoformat() == "2024-05-26"  # type: ignore[union-attr]
    stats = ledger.stats()
    assert (stats["events"], stats["documents"], stats["mentions"]) == (3, 4, 4)
    assert stats["by_status"] == {"claimed": 2, "confirmed": 1}
    assert stats["by_country"] == {"UKR": 2, "YEM": 1}
    assert stats["by_month"] == {"2024-01": 1, "2024-03": 1, "2024-05": 1}
    why = ledger.explain("ev_k1_0")
    assert why[0]["within_event"] and why[0]["decision"] == "same"
    assert {r["feature"] for r in why[0]["reasons"]} >= {"time", "place", "perpetrator"}
    with pytest.raises(NotFoundError, match="no event 'nope'"):
        ledger.event("nope")
    with pytest.raises(NotFoundError):
        ledger.document("nope")


def test_unreachable_database_says_which_url_and_what_to_do() -> None:
    with pytest.raises(StoreError) as info:
        Ledger("postgresql+psycopg://postgres@127.0.0.1:1/none")
    message = str(info.value)
    assert "127.0.0.1:1/none" in message and "check that the server is running" in message


def test_bad_url_and_missing_directory_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Ledger("nosuchdb://x/y")
    with pytest.raises(StoreError, match="does not exist"):
        Ledger(str(tmp_path / "missing" / "ledger.db"))


def test_bad_query_values_are_explained(ledger: Ledger) -> None:
    with pytest.raises(StoreError, match="unknown sort"):
        ledger.events(sort="colour")
    with pytest.raises(StoreError, match="four numbers"):
        ledger.events(bbox="1,2,3")
    with pytest.raises(StoreError, match="not a date"):
        ledger.events(since="yesterday")


def test_ingest_paths_records_bad_reports_and_goes_on(
        ledger: Ledger, reports_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimwatch.pipeline
    from claimwatch.errors import PipelineError
    from claimwatch.model import Document, Event

    def analyze(doc: Document) -> list[Event]:
        if "Khan Younis" in doc.text:
            raise PipelineError("stage failed (simulated)", source=doc.path)
        return [event(doc, day="2024-01-20", place="hodeidah")]

    monkeypatch.setattr(claimwatch.pipeline, "analyze", analyze)
    (reports_dir / "empty.txt").write_text("", encoding="utf-8")
    report = ledger.ingest_paths([reports_dir], progress=True)
    assert report.documents_added == 1 and len(report.events_created) == 1
    assert sorted(e.code for e in report.errors) == ["E101", "E500"]
    assert "empty.txt" in report.errors[0].source + report.errors[1].source
    again = ledger.ingest_paths([reports_dir])
    assert again.documents_added == 0 and again.skipped_ids == report.added_ids
    assert ledger.stats()["documents"] == 1
