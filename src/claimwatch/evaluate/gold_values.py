"""Value normalisation shared by gold matching and scoring, as gold/README.md defines it:
``any_of`` alternatives, case-insensitive text, names without punctuation, weapons and
targets without a final "s", ISO dates and great-circle distances.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from typing import Any

EARTH_RADIUS_KM = 6371.0


def options(value: Any) -> list[Any]:
    """The alternatives a gold value allows: the ``any_of`` list, or the value alone."""
    if isinstance(value, dict) and set(value) == {"any_of"}:
        return list(value["any_of"])
    return [value]


def text_key(value: Any) -> str | None:
    """Text compared ignoring case and runs of spaces; ``None`` stays ``None``."""
    if value is None:
        return None
    return " ".join(str(value).split()).casefold()


def name_key(value: Any) -> str:
    """A name compared ignoring case, punctuation (``@`` too) and spacing."""
    text = unicodedata.normalize("NFKC", str(value or "")).casefold()
    return "".join(ch for ch in text
                   if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "S")))


def as_list(value: Any) -> list[Any]:
    """A gold value that should be a list; a lone value counts as a one-item list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def item_key(value: Any) -> str:
    """A weapon or target: case ignored, spaces collapsed, one final "s" dropped."""
    text = text_key(value) or ""
    return text[:-1] if text.endswith("s") else text


def same_text(gold: Any, system: Any) -> bool:
    """Whether a system value equals one of a gold value's options, ignoring case."""
    return any(text_key(opt) == text_key(system) for opt in options(gold))


def parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
