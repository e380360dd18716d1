"""Schemathesis: requests generated from the OpenAPI document get documented answers.

Two runs, each bounded (few examples, a fixed seed): one over an in-memory ledger with
the write token, so ``POST /documents`` is exercised; one over a real SQLite ledger,
read-only, so the store's filters and paging meet arbitrary input.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, seed, settings

from claimwatch.api import create_app
from fake_ledger import FakeLedger
from sample_events import sample_documents, sample_events

TOKEN = "schema-token"
BOUNDED = settings(max_examples=10, deadline=None, derandomize=True,
                   suppress_health_check=list(HealthCheck))

app = create_app("unused", TOKEN, ledger=FakeLedger(sample_events(), sample_documents()))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@seed(20240201)
@BOUNDED
def test_api_answers_match_the_openapi_document(case: schemathesis.Case) -> None:
    """No 5xx, every status and body as documented, with the write token."""
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})


@pytest.fixture(scope="module")
def real_app(tmp_path_factory: pytest.TempPathFactory):
    """The API over a real SQLite ledger holding the hand-built events; read-only."""
    ledger_module = pytest.importorskip("claimwatch.ledger")
    path = str(Path(tmp_path_factory.mktemp("schema")) / "ledger.db")
    events = sample_events()
    with ledger_module.Ledger(path) as ledger:
        if not hasattr(ledger, "ingest_analysed"):
            pytest.skip("this Ledger cannot store already analysed events")
        for doc in sample_documents():
            ledger.ingest_analysed(doc, [dataclasses.replace(e, documents=[doc.id])
                                         for e in events if e.documents[0] == doc.id])
    return create_app(path)


def test_real_ledger_reads_match_the_openapi_document(real_app) -> None:
    """The SQLite ledger behind the API answers every generated read as documented."""
    operations = [result.ok() for result in
                  schemathesis.openapi.from_asgi("/openapi.json", real_app)
                  .get_all_operations()]
    gets = [op for op in operations if op.method.upper() == "GET"]
    assert len(gets) == 5
    for operation in gets:

        @seed(20240201)
        @BOUNDED
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate()

        check()
