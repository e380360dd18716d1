"""Dependencies shared by the routes: the ledger, write access and the event filters."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import asdict, dataclass
from typing import Annotated, Any, Literal, Protocol

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from claimwatch.api.errors import ReadOnlyError, UnauthorizedError
from claimwatch.api.schemas import IsoDate
from claimwatch.model import STATUSES, Document, Event

SORT_KEYS = ("date_start", "date_end", "fatalities", "documents", "updated", "status")
SORTS = tuple(f"{p}{k}" for k in SORT_KEYS for p in ("", "-"))
BBOX_PATTERN = r"^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$"


class LedgerLike(Protocol):
    """The part of ``claimwatch.Ledger`` the API uses (routes never touch SQL)."""

    def events(self, since: dt.date | None = None, until: dt.date | None = None,
               actor: str | None = None, type: str | None = None, status: str | None = None,
               country: str | None = None, bbox: tuple[float, float, float, float] | None = None,
               text: str | None = None, sort: str = "date_start", limit: int | None = None,
               cursor: str | None = None) -> list[Event]: ...

    def event(self, event_id: str) -> Event: ...

    def document(self, document_id: str) -> Document: ...

    def documents_for(self, event_id: str) -> list[Document]: ...

    def stats(self) -> dict[str, Any]: ...

    def ingest_documents(self, documents: list[Document]) -> Any: ...

    def close(self) -> None: ...


def get_ledger(request: Request) -> LedgerLike:
    ledger: LedgerLike = request.app.state.ledger
    return ledger


LedgerDep = Annotated[LedgerLike, Depends(get_ledger)]

bearer = HTTPBearer(auto_error=False, description="CLAIMWATCH_TOKEN, needed for writes")


def require_write(request: Request, credentials: Annotated[
        HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Allow a write only with the operator's bearer token; no token means read-only."""
    token: str | None = request.app.state.token
    if not token:
        raise ReadOnlyError("this server is read-only: start it with CLAIMWATCH_TOKEN set "
                            "to allow POST /documents")
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise UnauthorizedError("send the header 'Authorization: Bearer <CLAIMWATCH_TOKEN>'")


WriteAccess = Annotated[None, Depends(require_write)]


@dataclass(frozen=True)
class EventFilters:
    """The filters ``GET /events`` and ``GET /export.{fmt}`` share."""

    since: dt.date | None
    until: dt.date | None
    actor: str | None
    type: str | None
    status: str | None
    country: str | None
    bbox: tuple[float, float, float, float] | None
    text: str | None
    sort: str

    def as_kwargs(self) -> dict[str, Any]:
        return asdict(self)


def event_filters(
    since: Annotated[IsoDate | None, Query(description="events ending on or after this day")]
    = None,
    until: Annotated[IsoDate | None, Query(description="events starting on or before this day")]
    = None,
    actor: Annotated[str | None, Query(max_length=200,
                                       description="an actor's name or alias")] = None,
    type: Annotated[str | None, Query(max_length=100, description=(
        "attack type (drone, missile, ...) or ACLED event/sub-event type"))] = None,
    status: Annotated[Literal[STATUSES] | None, Query()] = None,  # type: ignore[valid-type]
    country: Annotated[str | None, Query(max_length=100,
                                         description="ISO3 code or country name")] = None,
    bbox: Annotated[str | None, Query(pattern=BBOX_PATTERN, description=(
        "min_lon,min_lat,max_lon,max_lat"))] = None,
    text: Annotated[str | None, Query(max_length=200,
                                      description="words in quotes, places or actors")] = None,
    sort: Annotated[Literal[SORTS], Query()] = "date_start",  # type: ignore[valid-type]
) -> EventFilters:
    box = tuple(float(v) for v in bbox.split(",")) if bbox else None
    return EventFilters(since, until, actor, type, status, country,
                        box,  # type: ignore[arg-type]
                        text, sort)


Filters = Annotated[EventFilters, Depends(event_filters)]
