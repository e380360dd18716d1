"""The REST API over a ledger of hand-built events, as a client would use it."""

from __future__ import annotations

import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from claimwatch.api import create_app
from fake_ledger import FakeLedger
from sample_events import sample_documents, sample_events

TOKEN = "s3cret-token"


def make_client(token: str | None = None) -> TestClient:
    ledger = FakeLedger(sample_events(), sample_documents())
    return TestClient(create_app("unused", token, ledger=ledger))


@pytest.fixture
def client() -> TestClient:
    return make_client()


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()["events"]]


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_events_are_listed_by_date(client: TestClient) -> None:
    assert ids(client.get("/events")) == ["evt-harbour", "evt-nowhere", "evt-market", "evt-road"]
    assert ids(client.get("/events", params={"sort": "-date_start"}))[0] == "evt-road"


@pytest.mark.parametrize(("params", "expected"), [
    ({"status": "disputed"}, ["evt-harbour"]),
    ({"actor": "northern front"}, ["evt-harbour", "evt-nowhere"]),
    ({"type": "artillery"}, ["evt-market"]),
    ({"country": "NGA"}, ["evt-road"]),
    ({"bbox": "30,25,40,35"}, ["evt-harbour"]),
    ({"since": "2024-02-02", "until": "2024-02-28"}, ["evt-nowhere", "evt-market"]),
    ({"text": "confirmed the shelling"}, ["evt-market"]),
])
def test_event_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    assert ids(client.get("/events", params=params)) == expected


def test_cursor_pagination_visits_every_event_once(client: TestClient) -> None:
    seen, cursor = [], None
    for _ in range(10):
        page = client.get("/events", params={"limit": 3, **({"cursor": cursor} if cursor else {})})
        seen += ids(page)
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == ids(client.get("/events"))


def test_event_detail_explains_and_links_reports(client: TestClient) -> None:
    body = client.get("/events/evt-harbour").json()
    assert [a["stance"] for a in body["assertions"]] == ["claims", "denies"]
    assert [s["status"] for s in body["status_history"]] == ["claimed", "disputed"]
    assert body["explanations"][0]["field"] == "status"
    assert body["status_rule"] == "claim+denial"
    assert [r["title"] for r in body["reports"]] == ["Group says it hit northern port",
                                                     "Army denies port attack"]
    assert body["evidence"][0]["against"] is True


def test_unknown_ids_are_json_404s(client: TestClient) -> None:
    assert "nope" in assert_error(client.get("/events/nope"), 404, "E301")["message"]
    assert_error(client.get("/documents/nope"), 404, "E301")
    assert_error(client.get("/no/such/route"), 404, "E604")


def test_document_is_returned_with_text(client: TestClient) -> None:
    body = client.get("/documents/doc-market").json()
    assert body["source"] == "Valley Times" and "Eastbrook" in body["text"]


def test_stats_count_by_status_type_country_month(client: TestClient) -> None:
    body = client.get("/stats").json()
    assert body["events"] == 4
    assert body["by_status"]["disputed"] == 1
    assert body["by_country"]["ISR"] == 1
    assert body["by_month"] == {"2024-02": 3, "2024-03": 1}


def test_bad_query_is_a_json_422(client: TestClient) -> None:
    err = assert_error(client.get("/events", params={"bbox": "a,b"}), 422, "E603")
    assert "bbox" in err["message"]
    assert_error(client.get("/events", params={"status": "rumoured"}), 422, "E603")


REPORT = {"published": "2024-04-02", "title": "Drone downed near border",
          "text": "Air defences shot down a drone near the border town of Kelmar on Tuesday.",
          "source": "Border Post"}


def test_writes_refused_without_configured_token(client: TestClient) -> None:
    err = assert_error(client.post("/documents", json=REPORT), 403, "E601")
    assert "read-only" in err["message"]


def test_writes_need_the_right_bearer_token() -> None:
    client = make_client(TOKEN)
    assert_error(client.post("/documents", json=REPORT), 401, "E602")
    wrong = {"Authorization": "Bearer guess"}
    assert_error(client.post("/documents", json=REPORT, headers=wrong), 401, "E602")
    ok = client.post("/documents", json=REPORT, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200, ok.text
    body = ok.json()
    assert body["documents_added"] == 1 and len(body["events_created"]) == 1
    assert body["events"][0]["date_start"] == "2024-04-02"
    doc_id = body["events"][0]["documents"][0]
    assert client.get(f"/documents/{doc_id}").json()["title"] == "Drone downed near border"


def test_batch_ingest_and_bad_records() -> None:
    client = make_client(TOKEN)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    second = {**REPORT, "id": "border-2", "text": "A second drone fell near Kelmar."}
    body = client.post("/documents", json=[REPORT, second], headers=auth).json()
    assert body["documents_added"] == 2
    again = client.post("/documents", json=[second], headers=auth).json()
    assert again["documents_skipped"] == 1 and again["events_created"] == []
    assert_error(client.post("/documents", json={**REPORT, "text": "   "}, headers=auth),
                 422, "E101")
    assert_error(client.post("/documents", json={"text": "no date"}, headers=auth),
                 422, "E603")


def test_exports_download_in_every_format(client: TestClient) -> None:
    csv = client.get("/export.acled-csv", params={"country": "ISR"})
    assert csv.headers["content-type"].startswith("text/csv")
    frame = pd.read_csv(io.BytesIO(csv.content))
    assert list(frame["actor1"]) == ["Northern Front"]
    assert frame.loc[0, "source"] == "Coastal Herald; Daily Ledger"
    geo = json.loads(client.get("/export.geojson").content)
    assert len(geo["features"]) == 4
    table = pq.read_table(io.BytesIO(client.get("/export.parquet").content))
    assert table.num_rows == 4
    lines = client.get("/export.jsonl", params={"status": "confirmed"}).text.splitlines()
    assert [json.loads(x)["event_id"] for x in lines] == ["evt-market"]
    err = assert_error(client.get("/export.xlsx"), 422, "E603")
    assert "acled-csv" in err["message"]


def test_openapi_documents_every_route_and_the_token(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {"/events", "/events/{event_id}", "/documents/{document_id}",
                                  "/documents", "/stats", "/export.{fmt}"}
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    error_ref = spec["paths"]["/events/{event_id}"]["get"]["responses"]["404"]
    assert error_ref["content"]["application/json"]["schema"]["$ref"].endswith("ErrorResponse")
