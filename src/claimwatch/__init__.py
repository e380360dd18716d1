"""claimwatch: a ledger of attacks from conflict news reports, with their claims.

    >>> import claimwatch
    >>> events = claimwatch.extract(text, published="2024-02-01")
    >>> ledger = claimwatch.Ledger("claimwatch.db")
    >>> ledger.ingest_paths(["reports/"])
    >>> ledger.events(status="claimed", country="Israel")
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from claimwatch.errors import (
    ClaimwatchError,
    FormatError,
    GoldFileError,
    InputError,
    NotFoundError,
    PipelineError,
    StoreError,
)
from claimwatch.model import (
    Actor,
    Assertion,
    Count,
    Document,
    Event,
    Evidence,
    Mention,
    Place,
    Span,
)

if TYPE_CHECKING:
    from claimwatch.ledger import Ledger

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Assertion",
    "ClaimwatchError",
    "Count",
    "Document",
    "Event",
    "Evidence",
    "FormatError",
    "GoldFileError",
    "InputError",
    "Ledger",
    "Mention",
    "NotFoundError",
    "PipelineError",
    "Place",
    "Span",
    "StoreError",
    "analyze",
    "extract",
    "read_text",
]


def extract(text: str, published: dt.date | str | None = None) -> list[Event]:
    """The events one report describes, resolved against its publication date."""
    from claimwatch.pipeline import extract_text

    return extract_text(text, published)


def analyze(document: Document) -> list[Event]:
    """The events of one already-read Document (see ``claimwatch.ingest``)."""
    from claimwatch.pipeline import analyze as _analyze

    return _analyze(document)


def read_text(text: str, published: dt.date | str | None = None, **kwargs: Any) -> Document:
    """A Document from a string (see ``claimwatch.ingest.read_text``)."""
    from claimwatch.ingest import read_text as _read_text

    return _read_text(text, published, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Ledger":
        from claimwatch.ledger import Ledger

        return Ledger
    raise AttributeError(f"module 'claimwatch' has no attribute {name!r}")
