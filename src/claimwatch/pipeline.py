"""The stage runner: one document through nlp -> extract -> resolve -> claims -> events.

Each stage is a pure function over an ``Analysis`` and declares the fields it requires
and assigns (spaCy's habit); the runner checks them, so a stage run out of order fails
loudly. ``analyze_many`` applies the per-document error policy: one bad report is
reported and never stops a batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from claimwatch import config
from claimwatch.errors import ClaimwatchError, PipelineError
from claimwatch.model import Document, Event, Mention, StatusChange


@dataclass
class Analysis:
    """What the stages know about one document so far."""

    document: Document
    sdoc: Any = None
    timexes: list[Any] | None = None
    mentions: list[Mention] | None = None
    place_context: Any = None
    events: list[Event] | None = None
    notes: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Analysis], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def parse(analysis: Analysis) -> None:
    """spaCy over the text, in paragraph-aligned chunks for long reports."""
    from claimwatch.nlp import load_nlp

    analysis.sdoc = parse_text(analysis.document.text, load_nlp())


def parse_text(text: str, nlp: Any) -> Any:
    limit = int(config.get("chunk_chars"))
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    chunks, start = [], 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n", start + limit // 2, end)
            cut = cut if cut > start else text.rfind(" ", start + limit // 2, end)
            end = cut + 1 if cut > start else end
        chunks.append(text[start:end])
        start = end
    return Doc.from_docs(list(nlp.pipe(chunks)), ensure_whitespace=False)


def find_times(analysis: Analysis) -> None:
    from claimwatch.resolve.time import find_timexes

    analysis.timexes = find_timexes(analysis.document.text, analysis.document.published)


def place_context(analysis: Analysis) -> None:
    from claimwatch.resolve.entities import report_context

    analysis.place_context = report_context(analysis.sdoc)


def extract(analysis: Analysis) -> None:
    from claimwatch.extract import find_mentions
    from claimwatch.resolve.entities import locator

    analysis.mentions = find_mentions(analysis.document, analysis.sdoc, analysis.timexes or [],
                                      locate=locator(analysis.place_context))


def resolve(analysis: Analysis) -> None:
    from claimwatch.resolve.entities import resolve_mentions

    resolve_mentions(analysis.mentions or [], analysis.place_context)


def claims(analysis: Analysis) -> None:
    from claimwatch.claims.assertions import annotate_claims

    annotate_claims(analysis.document, analysis.sdoc, analysis.mentions or [])


def build_events(analysis: Analysis) -> None:
    analysis.events = [to_event(m, analysis.document) for m in analysis.mentions or []]


STAGES: tuple[Stage, ...] = (
    Stage("parse", parse, ("document",), ("sdoc",)),
    Stage("time", find_times, ("document",), ("timexes",)),
    Stage("places", place_context, ("sdoc",), ("place_context",)),
    Stage("extract", extract, ("sdoc", "timexes", "place_context"), ("mentions",)),
    Stage("resolve", resolve, ("mentions", "place_context"), ()),
    Stage("claims", claims, ("sdoc", "mentions"), ()),
    Stage("events", build_events, ("mentions",), ("events",)),
)


def run_stages(analysis: Analysis, stages: Iterable[Stage] = STAGES) -> Analysis:
    """Run stages in order, checking each one's declared inputs and outputs."""
    for stage in stages:
        missing = [r for r in stage.requires if getattr(analysis, r) is None]
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {missing}, not yet assigned")
        began = time.perf_counter()
        stage.func(analysis)
        analysis.seconds[stage.name] = time.perf_counter() - began
        unset = [a for a in stage.assigns if getattr(analysis, a) is None]
        if unset:
            raise PipelineError(f"stage {stage.name!r} did not assign {unset}")
    return analysis


def analyze(document: Document) -> list[Event]:
    """The events one report describes, before merging with other reports."""
    try:
        return run_stages(Analysis(document)).events or []
    except ClaimwatchError:
        raise
    except Exception as exc:  # noqa: BLE001  a stage bug must not stop a batch
        raise PipelineError(
            f"analysis failed with {type(exc).__name__}: {exc}; the report was skipped",
            source=document.path or document.id,
        ) from exc


def analyze_many(documents: Iterable[Document], *, progress: bool = False,
                 ) -> Iterator[tuple[Document, list[Event] | PipelineError]]:
    """Analyse many documents; a failing one yields its error and the batch goes on."""
    docs: Iterable[Document] = documents
    if progress:
        from tqdm import tqdm

        docs = tqdm(documents, desc="analysing", unit="doc")
    for doc in docs:
        try:
            yield doc, analyze(doc)
        except PipelineError as exc:
            yield doc, exc


def event_id(document_id: str, mention: Mention) -> str:
    key = f"{document_id}:{mention.trigger.start}:{','.join(mention.attack_types)}"
    return "ev_" + hashlib.sha256(key.encode()).hexdigest()[:16]


def to_event(mention: Mention, document: Document) -> Event:
    """A per-document Event from a fully resolved Mention."""
    from claimwatch.claims.status import claimant_as_perpetrator, compute_status
    from claimwatch.extract.acled import acled_types

    decision = compute_status(mention.assertions, mention.evidence,
                              [a.name for a in mention.perpetrators])
    claimant_as_perpetrator(mention, decision.responsibility)
    event_type, sub_type = acled_types(mention)
    date = mention.date
    return Event(
        event_id=event_id(document.id, mention),
        event_type=event_type, sub_event_type=sub_type,
        attack_types=list(mention.attack_types),
        date_start=date.start if date else None, date_end=date.end if date else None,
        date_precision=date.precision if date else None,
        mention_role=mention.mention_role, actors=[
            a for a in mention.actors if not (mention.accused_only and a.role == "perpetrator")],
        weapons=list(mention.weapons), targets=list(mention.targets),
        victims=list(mention.victims), location=mention.place,
        fatalities=mention.fatalities, injured=mention.injured, abducted=mention.abducted,
        status=decision.status, responsibility=decision.responsibility,
        assertions=list(mention.assertions), evidence=list(mention.evidence),
        documents=[document.id],
        status_history=[StatusChange(decision.status, document.published, document.id)],
        explanations=list(mention.explanations), status_rule=decision.rule,
    )


def extract_text(text: str, published: dt.date | str | None = None) -> list[Event]:
    """The events described in one report given as a string."""
    from claimwatch.ingest import read_text

    return analyze(read_text(text, published))
