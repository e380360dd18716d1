"""Request and response bodies of the REST API, separate from the storage records.

Responses mirror the contract record (``Event.to_dict``); the models exist so that the
OpenAPI document describes every field and so responses are validated on the way out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_only(value: Any) -> Any:
    """Refuse what pydantic would otherwise read as a date (Unix times, '2024-02-01T..')."""
    if isinstance(value, dt.date) or (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(iso_only)]


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ActorOut(_Out):
    name: str
    role: str = Field(description="perpetrator | target | claimant | sponsor")
    kind: str = Field(description="organization | individual | state | group | unknown")
    aliases: list[str] = []
    affiliation: str | None = None


class TargetOut(_Out):
    text: str
    type: str


class VictimOut(_Out):
    text: str
    count: int | None = None


class LocationOut(_Out):
    name: str
    admin1: str | None = None
    country: str | None = None
    iso3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    precision: int = Field(description="ACLED geo precision: 1 point, 2 area, 3 region")


class CountOut(_Out):
    low: int | None = Field(None, description="null when the reports give no figure")
    high: int | None = None
    qualifier: str | None = None


class ResponsibilityOut(_Out):
    status: str = Field(description="claimed | attributed | contested | unknown")
    by: list[str] = []


class AssertionOut(_Out):
    speaker: str
    handle: str | None = None
    speaker_role: str
    stance: str = Field(description="claims | confirms | reports | denies | disputes | "
                                    "no_comment | attributes")
    quote: str
    document_id: str | None = None
    published: dt.date | None = None
    char_start: int
    char_end: int


class EvidenceOut(_Out):
    kind: str
    description: str
    source: str | None = None
    against: bool = False


class StatusChangeOut(_Out):
    status: str
    at: dt.date | None = None
    document_id: str | None = None


class ExplanationOut(_Out):
    field: str
    rule: str
    document_id: str | None = None
    sentence: str | None = None
    detail: str | None = None


class EventOut(_Out):
    """One event: the contract record."""

    event_id: str
    event_type: str | None = None
    sub_event_type: str | None = None
    attack_types: list[str] = []
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    mention_role: str
    actors: list[ActorOut] = []
    weapons: list[str] = []
    targets: list[TargetOut] = []
    victims: list[VictimOut] = []
    location: LocationOut | None = None
    fatalities: CountOut
    injured: CountOut
    abducted: CountOut
    status: str = Field(description="claimed | reported | confirmed | disputed | denied | "
                                    "retracted")
    responsibility: ResponsibilityOut
    assertions: list[AssertionOut] = []
    evidence: list[EvidenceOut] = []
    documents: list[str] = []
    status_history: list[StatusChangeOut] = []


class DocumentSummary(_Out):
    id: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


class DocumentOut(DocumentSummary):
    language: str | None = None
    text: str


class EventDetail(EventOut):
    """An event with the provenance of each field and the reports behind it."""

    explanations: list[ExplanationOut] = []
    status_rule: str | None = None
    merge_reasons: list[dict[str, Any]] = []
    reports: list[DocumentSummary] = Field([], description="the linked reports")


class EventPage(BaseModel):
    events: list[EventOut]
    count: int = Field(description="events on this page")
    next_cursor: str | None = Field(
        None, description="pass as `cursor` to get the next page; null on the last page")


class Stats(_Out):
    events: int = 0
    documents: int = 0
    mentions: int = Field(0, description="event mentions found in the reports, before merging")
    by_status: dict[str, int] = {}
    by_type: dict[str, int] = {}
    by_country: dict[str, int] = {}
    by_month: dict[str, int] = Field({}, description="YYYY-MM of date_start -> events")


class DocumentIn(BaseModel):
    """One report to ingest."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=200,
                           description="defaults to a hash of the text and date")
    published: IsoDate
    title: str | None = None
    text: str = Field(min_length=1)
    url: str | None = None
    source: str | None = None
    language: str = "en"


class IngestResult(BaseModel):
    ok: bool = True
    documents_added: int
    documents_skipped: int
    errors: list[str] = []
    events_created: list[str] = []
    events_changed: list[str] = []
    events: list[EventOut] = Field([], description="the created and changed events")


class ErrorBody(BaseModel):
    code: str = Field(description="stable error code, e.g. E301 (not found)")
    message: str


class ErrorResponse(BaseModel):
    ok: bool = False
    error: ErrorBody
