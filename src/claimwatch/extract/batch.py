"""Extract without storing: read paths, analyse each document, collect errors."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from claimwatch.errors import ClaimwatchError
from claimwatch.model import Document, Event


def extract_paths(paths: Iterable[str | Path], published: str | None = None,
                  ) -> tuple[list[tuple[Document, list[Event]]], list[ClaimwatchError]]:
    """(document, events) for every readable report, and the errors of the others."""
    from claimwatch.ingest import parse_date, read_paths
    from claimwatch.pipeline import analyze

    date = parse_date(published, source="--published") if published else None
    results: list[tuple[Document, list[Event]]] = []
    errors: list[ClaimwatchError] = []
    for item in read_paths(paths, date):
        if isinstance(item, ClaimwatchError):
            errors.append(item)
            continue
        try:
            results.append((item, analyze(item)))
        except ClaimwatchError as exc:
            errors.append(exc)
    return results, errors
