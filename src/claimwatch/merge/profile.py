"""What the matcher needs to know about one mention, computed once and reused per pair.

A *mention* here is one per-document ``Event`` (what ``pipeline.analyze`` returns for one
report) together with the report's publication date. The profile holds the normalised
values that blocking and scoring compare, so a pair costs a few set and float operations.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from claimwatch.model import Event, Place

_WORD = re.compile(r"[a-z][a-z'\-]{2,}")
_PROPER = re.compile(r"\b[A-Z][\w\-]*")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The matching table (families, tolerances, weights) from ``data/merge.json``."""
    text = resources.files("claimwatch.data").joinpath("merge.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _permutations() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=int(settings()["minhash_perm"])).permutations


@dataclass
class MentionRecord:
    """One report's view of one incident, as stored in the ``mentions`` table."""

    key: str
    document_id: str
    published: dt.date | None
    position: int
    event: Event

    @property
    def order(self) -> tuple[str, str, int, str]:
        """Publication order: date, then document id, then place in the report."""
        day = self.published.isoformat() if self.published else "0000-00-00"
        return (day, self.document_id, self.position, self.key)


@dataclass(slots=True)
class Profile:
    """The normalised values of one mention that matching compares."""

    key: str
    document_id: str
    start: int | None
    end: int | None
    precision: str | None
    lat: float | None
    lon: float | None
    geo_precision: int
    iso3: str | None
    geonameid: int | None
    country_level: bool
    perpetrators: frozenset[str]
    perpetrator_names: tuple[str, ...]
    perpetrators_known: bool
    sides: frozenset[str]
    targets: tuple[str, ...]
    target_names: frozenset[str]
    attack_types: frozenset[str]
    families: frozenset[str]
    weapons: frozenset[str]
    fatalities: int | None
    injured: int | None
    signature: np.ndarray | None = field(default=None, repr=False)


def normalise_name(name: str) -> str:
    """A name as compared: lower case, no leading article, single spaces."""
    text = " ".join(name.lower().replace("’", "'").split())
    return text[4:] if text.startswith("the ") else text


def is_country_level(place: Place | None) -> bool:
    """A place that names a whole country (not a region, sea or town within one)."""
    if place is None:
        return False
    return bool(place.country) and normalise_name(place.name) == normalise_name(
        place.country or "")


def proper_words(texts: Iterable[str]) -> frozenset[str]:
    """The capitalised words of target phrases ("Ocean", "Orion"), lower-cased:
    what names one ship or building rather than any ship or store."""
    words: set[str] = set()
    for text in texts:
        words.update(w.lower() for w in _PROPER.findall(text.replace("’", "'")))
    return frozenset(words)


def families_of(event: Event) -> frozenset[str]:
    """The attack-type families an event belongs to (empty = unknown, matches any).

    Only attack types count: an event typed ``other`` or not typed at all is compared
    with every family, since its ACLED event type is the least reliable guess.
    """
    table = settings()
    fams: set[str] = set()
    for kind in event.attack_types:
        fams.update(table["families"].get(kind, ()))
    return frozenset(fams)


def describing_tokens(event: Event) -> set[str]:
    """Content words of the sentences and quotes that describe the event."""
    texts = {e.sentence for e in event.explanations if e.sentence}
    texts.update(a.quote for a in event.assertions if a.quote)
    stop = _stop_words()
    words: set[str] = set()
    for text in texts:
        words.update(w for w in _WORD.findall(text.lower()) if w not in stop)
    return words


def signature(tokens: set[str]) -> np.ndarray | None:
    """A MinHash signature of a token set (None when there is no text)."""
    if not tokens:
        return None
    from datasketch import MinHash

    mh = MinHash(num_perm=int(settings()["minhash_perm"]), permutations=_permutations(),
                 scheme="affine32")
    mh.update_batch([t.encode("utf-8") for t in sorted(tokens)])
    values: np.ndarray = mh.hashvalues
    return values


def _count(low: int | None, high: int | None) -> int | None:
    return low if low is not None else high


def profile(record: MentionRecord) -> Profile:
    """The profile of one mention."""
    ev = record.event
    start = ev.date_start.toordinal() if ev.date_start else None
    end = ev.date_end.toordinal() if ev.date_end else start
    loc = ev.location
    perps = [a for a in ev.actors if a.role in ("perpetrator", "claimant")]
    names: set[str] = set()
    sides: set[str] = set()
    for actor in perps:
        names.add(normalise_name(actor.name))
        names.update(normalise_name(a) for a in actor.aliases)
        if actor.affiliation:
            sides.add(normalise_name(actor.affiliation))
    return Profile(
        key=record.key,
        document_id=record.document_id,
        start=start,
        end=end,
        precision=ev.date_precision or ("day" if start is not None and start == end else None),
        lat=loc.latitude if loc else None,
        lon=loc.longitude if loc else None,
        geo_precision=loc.precision if loc else 3,
        iso3=loc.iso3 if loc else None,
        geonameid=loc.geonameid if loc else None,
        country_level=is_country_level(loc),
        perpetrators=frozenset(names),
        perpetrator_names=tuple(sorted({normalise_name(a.name) for a in perps})),
        perpetrators_known=any(a.kind != "unknown" for a in perps),
        sides=frozenset(sides),
        targets=tuple(sorted({normalise_name(t.text) for t in ev.targets})),
        target_names=proper_words(t.text for t in ev.targets),
        attack_types=frozenset(ev.attack_types) - {"other"},
        families=families_of(ev),
        weapons=frozenset(normalise_name(w) for w in ev.weapons),
        fatalities=_count(ev.fatalities.low, ev.fatalities.high),
        injured=_count(ev.injured.low, ev.injured.high),
        signature=signature(describing_tokens(ev)),
    )
