"""The records that flow through claimwatch: documents in, events out.

Every stage takes and returns these typed records, never ad-hoc dicts. ``Event.to_dict``
produces exactly the shape described in the shared contract; ``Event.from_dict`` reads it
back (the store and the exports use both).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

ATTACK_TYPES = (
    "drone", "missile", "rocket", "mortar", "artillery", "airstrike", "ied", "bombing",
    "shooting", "ground_assault", "abduction", "arson", "interception", "other",
)
MENTION_ROLES = ("new", "historical", "background")
STATUSES = ("claimed", "reported", "confirmed", "disputed", "denied", "retracted")
RESPONSIBILITY_STATUSES = ("claimed", "attributed", "contested", "unknown")
SPEAKER_ROLES = (
    "perpetrator", "target_state", "third_state", "media", "osint", "witness", "ngo", "unknown",
)
STANCES = ("claims", "confirms", "reports", "denies", "disputes", "no_comment", "attributes")
ACTOR_ROLES = ("perpetrator", "target", "claimant", "sponsor")
ACTOR_KINDS = ("organization", "individual", "state", "group", "unknown")
DATE_PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text, by character offsets (end exclusive)."""

    start: int
    end: int
    text: str


@dataclass
class Document:
    """One report as read from disk, JSON or the API, before any analysis."""

    id: str
    text: str
    published: dt.date | None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = "en"
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "path": self.path,
            "text": self.text,
        }


@dataclass
class Explanation:
    """Why a derived value is what it is: the report, the sentence and the rule."""

    field: str
    rule: str
    document_id: str | None = None
    sentence: str | None = None
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "rule": self.rule,
            "document_id": self.document_id,
            "sentence": self.sentence,
            "detail": self.detail,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Explanation:
        return cls(
            field=d["field"], rule=d["rule"], document_id=d.get("document_id"),
            sentence=d.get("sentence"), detail=d.get("detail"),
        )


@dataclass
class Count:
    """A casualty figure as a range: ``None`` means the report gives no figure."""

    low: int | None = None
    high: int | None = None
    qualifier: str | None = None

    @property
    def is_known(self) -> bool:
        return self.low is not None or self.high is not None

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "qualifier": self.qualifier}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Count:
        d = d or {}
        return cls(low=d.get("low"), high=d.get("high"), qualifier=d.get("qualifier"))


@dataclass
class DateRange:
    """When an event may have happened, and how precisely the text says so."""

    start: dt.date
    end: dt.date
    precision: str = "day"
    text: str | None = None

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass
class Place:
    """A resolved location, with ACLED geo precision (1 point, 2 area, 3 region+)."""

    name: str
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    precision: int = 1
    feature: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "admin1": self.admin1,
            "country": self.country,
            "iso3": self.iso3,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geonameid": self.geonameid,
            "precision": self.precision,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if not d or not d.get("name"):
            return None
        return cls(
            name=d["name"], country=d.get("country"), iso3=d.get("iso3"),
            admin1=d.get("admin1"), latitude=d.get("latitude"), longitude=d.get("longitude"),
            geonameid=d.get("geonameid"), precision=int(d.get("precision") or 1),
        )


@dataclass
class Actor:
    """Someone who acted, was acted on, claimed or sponsored an event."""

    name: str
    role: str
    kind: str = "unknown"
    aliases: list[str] = field(default_factory=list)
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "affiliation": self.affiliation,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            name=d["name"], role=d["role"], kind=d.get("kind") or "unknown",
            aliases=list(d.get("aliases") or []), affiliation=d.get("affiliation"),
        )


@dataclass
class Target:
    text: str
    type: str = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "type": self.type}


@dataclass
class Victim:
    text: str
    count: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "count": self.count}


@dataclass
class Assertion:
    """One statement about an event, with who said it and where it stands in the text."""

    speaker: str
    stance: str
    speaker_role: str = "unknown"
    handle: str | None = None
    quote: str = ""
    document_id: str | None = None
    published: dt.date | None = None
    char_start: int = 0
    char_end: int = 0
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "handle": self.handle,
            "speaker_role": self.speaker_role,
            "stance": self.stance,
            "quote": self.quote,
            "document_id": self.document_id,
            "published": self.published.isoformat() if self.published else None,
            "char_start": self.char_start,
            "char_end": self.char_end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Assertion:
        return cls(
            speaker=d["speaker"], stance=d["stance"],
            speaker_role=d.get("speaker_role") or "unknown", handle=d.get("handle"),
            quote=d.get("quote") or "", document_id=d.get("document_id"),
            published=_date(d.get("published")), char_start=int(d.get("char_start") or 0),
            char_end=int(d.get("char_end") or 0), rule=d.get("rule"),
        )


@dataclass
class Evidence:
    kind: str
    description: str
    source: str | None = None
    against: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "description": self.description, "source": self.source,
                "against": self.against}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(kind=d["kind"], description=d.get("description") or "",
                   source=d.get("source"), against=bool(d.get("against")))


@dataclass
class StatusChange:
    status: str
    at: dt.date | None
    document_id: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "at": self.at.isoformat() if self.at else None,
                "document_id": self.document_id}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StatusChange:
        return cls(status=d["status"], at=_date(d.get("at")), document_id=d.get("document_id"))


@dataclass
class Responsibility:
    status: str = "unknown"
    by: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "by": list(self.by)}


@dataclass
class Mention:
    """One incident as one report describes it, before merging across reports.

    ``sentences`` are the spans of every sentence in the report that speaks of it (the
    first is where it was found); the extract stage fills the raw surface fields, the
    resolve and claims stages fill the normalised ones.
    """

    document_id: str
    trigger: Span
    sentences: list[Span]
    attack_types: list[str] = field(default_factory=list)
    event_type: str | None = None
    sub_event_type: str | None = None
    mention_role: str = "new"
    date: DateRange | None = None
    place: Place | None = None
    place_text: str | None = None
    actors: list[Actor] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)
    fatalities: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    abducted: Count = field(default_factory=Count)
    assertions: list[Assertion] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    explanations: list[Explanation] = field(default_factory=list)
    # "the sides traded blame for the blast": the perpetrator one side's account names is
    # kept for reading who says what, but no attacker is reported for the event
    accused_only: bool = False

    def explain(self, fieldname: str, rule: str, sentence: str | None = None,
                detail: str | None = None) -> None:
        self.explanations.append(Explanation(
            field=fieldname, rule=rule, document_id=self.document_id,
            sentence=sentence if sentence is not None else self.sentences[0].text,
            detail=detail,
        ))

    @property
    def perpetrators(self) -> list[Actor]:
        return [a for a in self.actors if a.role == "perpetrator"]


@dataclass
class Event:
    """One real-world incident, merged from every report that mentions it."""

    event_id: str
    event_type: str | None = None
    sub_event_type: str | None = None
    attack_types: list[str] = field(default_factory=list)
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    mention_role: str = "new"
    actors: list[Actor] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)
    location: Place | None = None
    fatalities: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    abducted: Count = field(default_factory=Count)
    status: str = "reported"
    responsibility: Responsibility = field(default_factory=Responsibility)
    assertions: list[Assertion] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    status_history: list[StatusChange] = field(default_factory=list)
    explanations: list[Explanation] = field(default_factory=list)
    status_rule: str | None = None
    merge_reasons: list[dict[str, Any]] = field(default_factory=list)

    @property
    def perpetrators(self) -> list[Actor]:
        return [a for a in self.actors if a.role == "perpetrator"]

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The contract record; ``explain=True`` adds the provenance of each field."""
        d: dict[str, Any] = {
            "event_id": self.event_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "attack_types": list(self.attack_types),
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "date_precision": self.date_precision,
            "mention_role": self.mention_role,
            "actors": [a.to_dict() for a in self.actors],
            "weapons": list(self.weapons),
            "targets": [t.to_dict() for t in self.targets],
            "victims": [v.to_dict() for v in self.victims],
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities.to_dict(),
            "injured": self.injured.to_dict(),
            "abducted": self.abducted.to_dict(),
            "status": self.status,
            "responsibility": self.responsibility.to_dict(),
            "assertions": [a.to_dict() for a in self.assertions],
            "evidence": [e.to_dict() for e in self.evidence],
            "documents": list(self.documents),
            "status_history": [s.to_dict() for s in self.status_history],
        }
        if explain:
            d["explanations"] = [e.to_dict() for e in self.explanations]
            d["status_rule"] = self.status_rule
            d["merge_reasons"] = list(self.merge_reasons)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        resp = d.get("responsibility") or {}
        return cls(
            event_id=d["event_id"],
            event_type=d.get("event_type"),
            sub_event_type=d.get("sub_event_type"),
            attack_types=list(d.get("attack_types") or []),
            date_start=_date(d.get("date_start")),
            date_end=_date(d.get("date_end")),
            date_precision=d.get("date_precision"),
            mention_role=d.get("mention_role") or "new",
            actors=[Actor.from_dict(a) for a in d.get("actors") or []],
            weapons=list(d.get("weapons") or []),
            targets=[Target(t["text"], t.get("type") or "unknown") for t in d.get("targets") or []],
            victims=[Victim(v["text"], v.get("count")) for v in d.get("victims") or []],
            location=Place.from_dict(d.get("location")),
            fatalities=Count.from_dict(d.get("fatalities")),
            injured=Count.from_dict(d.get("injured")),
            abducted=Count.from_dict(d.get("abducted")),
            status=d.get("status") or "reported",
            responsibility=Responsibility(resp.get("status") or "unknown",
                                          list(resp.get("by") or [])),
            assertions=[Assertion.from_dict(a) for a in d.get("assertions") or []],
            evidence=[Evidence.from_dict(e) for e in d.get("evidence") or []],
            documents=list(d.get("documents") or []),
            status_history=[StatusChange.from_dict(s) for s in d.get("status_history") or []],
            explanations=[Explanation.from_dict(e) for e in d.get("explanations") or []],
            status_rule=d.get("status_rule"),
            merge_reasons=list(d.get("merge_reasons") or []),
        )


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
