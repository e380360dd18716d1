"""Schemathesis: requests generated from the OpenAPI document get documented answers."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, seed, settings

from claimwatch.api import create_app
from fake_ledger import FakeLedger
from sample_events import sample_documents, sample_events

TOKEN = "schema-token"
app = create_app("unused", TOKEN, ledger=FakeLedger(sample_events(), sample_documents()))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@seed(20240201)
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_answers_match_the_openapi_document(case: schemathesis.Case) -> None:
    """No 5xx, every status and body as documented, with and without the write token."""
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})
