"""The pipeline run on an invented sentence, for the probe tests (one publication date)."""

from __future__ import annotations

import datetime as dt

import claimwatch
from claimwatch.model import Event

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


def events(text: str, published: dt.date = PUBLISHED) -> list[Event]:
    return claimwatch.extract(text, published=published)
