"""Each export loads back with the tool an analyst would use and matches the events."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from claimwatch.errors import FormatError
from claimwatch.export import EXPORTERS, export_bytes, export_events
from claimwatch.export.acled import COLUMNS
from claimwatch.model import Event
from sample_events import sample_documents, sample_events


@pytest.fixture
def events() -> list[Event]:
    return sample_events()


@pytest.fixture
def documents() -> dict:
    return {d.id: d for d in sample_documents()}


def test_registry_holds_the_four_formats() -> None:
    assert set(EXPORTERS) == {"acled-csv", "geojson", "parquet", "jsonl"}


def test_unknown_format_names_the_known_ones(events: list[Event]) -> None:
    with pytest.raises(FormatError, match="acled-csv, geojson, parquet, jsonl"):
        export_bytes(events, "xlsx")


def test_jsonl_round_trips_contract_records(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    export_events(events, "jsonl", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [e.to_dict() for e in events]
    assert Event.from_dict(json.loads(lines[0])).to_dict() == events[0].to_dict()


def test_geojson_has_one_point_feature_per_located_event(events: list[Event]) -> None:
    data = json.loads(export_bytes(events, "geojson"))
    assert data["type"] == "FeatureCollection"
    features = {f["id"]: f for f in data["features"]}
    assert set(features) == {e.event_id for e in events}
    assert features["evt-harbour"]["geometry"] == {"type": "Point",
                                                   "coordinates": [34.9885, 32.8184]}
    assert features["evt-nowhere"]["geometry"] is None
    assert features["evt-market"]["properties"] == events[1].to_dict()


def test_parquet_reads_back_typed_and_equal(events: list[Event], tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    export_events(events, "parquet", path)
    table = pq.read_table(path)
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type).startswith("struct<low: int64")
    rows = table.to_pylist()
    assert [Event.from_dict(r).to_dict() for r in rows] == [e.to_dict() for e in events]
    frame = pd.read_parquet(path)
    assert frame.loc[1, "status"] == "confirmed"
    assert frame.loc[0, "location"]["iso3"] == "ISR"


def test_acled_csv_columns_and_conventions(events: list[Event], documents: dict) -> None:
    buf = io.BytesIO()
    export_events(events, "acled-csv", buf, documents=documents)
    frame = pd.read_csv(io.BytesIO(buf.getvalue()), keep_default_na=False)
    assert tuple(frame.columns) == COLUMNS and len(COLUMNS) == 31
    harbour, market, road, nowhere = frame.to_dict("records")
    assert harbour["event_id_cnty"].startswith("ISR") and len(harbour["event_id_cnty"]) == 10
    assert harbour["event_date"] == "2024-02-01" and harbour["year"] == 2024
    assert harbour["time_precision"] == 1 and road["time_precision"] == 3
    assert int(harbour["iso"]) == 376 and harbour["region"] == "Middle East"
    assert harbour["disorder_type"] == "Political violence"
    assert harbour["actor1"] == "Northern Front" and harbour["actor2"] == "Israel"
    assert int(harbour["geo_precision"]) == 1 and int(road["geo_precision"]) == 3
    assert harbour["source"] == "Coastal Herald; Daily Ledger"
    assert "Claimed by Northern Front" in harbour["notes"]
    assert "denied by Israel Defense Forces" in harbour["notes"]
    assert "claim status: disputed" in harbour["notes"]
    assert market["fatalities"] == 2  # lowest figure of "at least 2, up to 3"
    assert market["civilian_targeting"] == "Civilian targeting"
    assert market["region"] == "Europe" and float(market["latitude"]) == pytest.approx(49.9935)
    assert road["actor2"] == "Civilians (Nigeria)" and int(road["inter2"]) == 7
    assert road["region"] == "Western Africa"
    assert nowhere["event_id_cnty"].startswith("XXX") and nowhere["location"] == ""
    assert all(frame["notes"].str.contains("claim status: "))


def test_acled_event_id_is_stable_across_exports(events: list[Event]) -> None:
    first = pd.read_csv(io.BytesIO(export_bytes(events, "acled-csv")))
    again = pd.read_csv(io.BytesIO(export_bytes(list(reversed(events)), "acled-csv")))
    assert sorted(first["event_id_cnty"]) == sorted(again["event_id_cnty"])
    assert first["event_id_cnty"].is_unique


def test_text_stream_export_and_binary_refusal(events: list[Event]) -> None:
    out = io.StringIO()
    export_events(events, "jsonl", out)
    assert len(out.getvalue().splitlines()) == len(events)
    with pytest.raises(FormatError, match="binary"):
        export_events(events, "parquet", io.StringIO())


def test_docs_describe_every_format_and_parquet_column() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "exports.md"
    text = docs.read_text(encoding="utf-8")
    for name in EXPORTERS:
        assert f"## `{name}`" in text
    from claimwatch.export.parquet import SCHEMA

    for column in SCHEMA.names:
        assert f"`{column}`" in text, column
    for column in COLUMNS:
        assert column in text, column


def test_acled_inter_codes_come_from_the_actor_table() -> None:
    from claimwatch.export.acled import acled_row
    from claimwatch.model import Actor, Place

    strike = Event(event_id="evt-south-lebanon", event_type="Explosions/Remote violence",
                   actors=[Actor("Israel Defense Forces", "perpetrator", "organization"),
                           Actor("Hezbollah", "target", "organization")],
                   location=Place("Bint Jbeil", country="Lebanon", iso3="LBN"))
    row = acled_row(strike, {})
    assert row["inter1"] == 8  # state forces acting outside their country
    assert row["inter2"] in (2, 3)
    assert row["interaction"] == int(f"{row['inter2']}8")
    home = acled_row(Event(event_id="evt-home", actors=strike.actors[:1],
                           location=Place("Haifa", country="Israel", iso3="ISR")), {})
    assert home["inter1"] == 1 and home["interaction"] == 10
    unknown = acled_row(Event(event_id="evt-x", actors=[Actor("Northern Front", "perpetrator")]),
                        {})
    assert unknown["inter1"] == "" and unknown["interaction"] == ""
