"""``/events``: the ledger's events, filtered and paged, and one event in full."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from claimwatch.api.deps import Filters, LedgerDep
from claimwatch.api.errors import responses
from claimwatch.api.schemas import DocumentSummary, EventDetail, EventOut, EventPage

router = APIRouter(tags=["events"])

MAX_PAGE = 500


@router.get("/events", response_model=EventPage, responses=responses(422, 503))
def list_events(
    ledger: LedgerDep,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="events per page")] = 100,
    cursor: Annotated[str | None, Query(max_length=200, description=(
        "`next_cursor` of the previous page"))] = None,
) -> EventPage:
    """Events matching every given filter, in `sort` order, one page at a time."""
    found = ledger.events(**filters.as_kwargs(), limit=limit + 1, cursor=cursor)
    page = found[:limit]
    more = len(found) > limit
    return EventPage(
        events=[EventOut.model_validate(e.to_dict()) for e in page],
        count=len(page),
        next_cursor=page[-1].event_id if more and page else None,
    )


@router.get("/events/{event_id}", response_model=EventDetail,
            responses=responses(404, 422, 503))
def get_event(
    ledger: LedgerDep,
    event_id: Annotated[str, Path(description="the stable event id")],
) -> EventDetail:
    """One event with assertions, evidence, status history, reports and explanations."""
    event = ledger.event(event_id)
    detail = EventDetail.model_validate(event.to_dict(explain=True))
    detail.reports = [DocumentSummary.model_validate(d.to_dict())
                      for d in ledger.documents_for(event_id)]
    return detail
