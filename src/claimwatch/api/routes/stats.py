"""``/stats``: how many events by status, type, country and month."""

from __future__ import annotations

from fastapi import APIRouter

from claimwatch.api.deps import LedgerDep
from claimwatch.api.errors import responses
from claimwatch.api.schemas import Stats

router = APIRouter(tags=["stats"])


@router.get("/stats", response_model=Stats, responses=responses(503))
def get_stats(ledger: LedgerDep) -> Stats:
    """Counts of events by status, event type, country and month of the start date."""
    return Stats.model_validate(ledger.stats())
