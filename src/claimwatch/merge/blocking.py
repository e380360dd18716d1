"""Blocking: which stored mentions a new mention is compared with, never all of them.

Each mention is filed under keys ``family|bucket|top/sub``: an attack-type family, a time
bucket for every ``bucket_days`` stretch its date range (widened by ``merge_window_days``)
touches, and a place: a one-degree cell for points and areas, a ten-degree region for
imprecise coordinates without a country, ``-`` for country-level places and none.
Country-level places are compared with every mention of their family and time bucket:
they are often the wrong country (the perpetrator's, a ship's flag), so they cannot
be trusted to block.
A mention *queries* the keys its match could be filed under (neighbouring cells, its
region and country, unlocated mentions, the ``any`` family). The relation is symmetric,
so the candidate pairs do not depend on which mention arrived first, and each query
touches a bounded number of keys: the cost grows linearly with the number of mentions.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from claimwatch import config
from claimwatch.merge.profile import Profile, settings

ANY_FAMILY = "any"
Geo = tuple[str, str]
Term = tuple[str, str | None, str | None]  # (family|bucket, top or None=all, sub or None=all)


def _all_families() -> list[str]:
    fams = {f for fs in settings()["families"].values() for f in fs}
    return sorted(fams)


def _buckets(p: Profile) -> list[str]:
    if p.start is None or p.end is None:
        return ["u"]
    window = int(config.get("merge_window_days"))
    size = int(settings()["bucket_days"])
    return [str(b) for b in range((p.start - window) // size, (p.end + window) // size + 1)]


def _cell(lat: float, lon: float, degrees: float) -> tuple[int, int]:
    return math.floor(lat / degrees), math.floor(lon / degrees)


def _region_top(lat: float, lon: float) -> str:
    r = _cell(lat, lon, 10.0)
    return f"r{r[0]}:{r[1]}"


def _kind(p: Profile) -> str:
    if p.lat is not None and p.lon is not None and p.geo_precision <= 2:
        return "point"
    if p.iso3:
        return "country"
    if p.lat is not None and p.lon is not None:
        return "region"
    return "none"


def _geo_inserts(p: Profile) -> list[Geo]:
    kind = _kind(p)
    if kind == "point":
        assert p.lat is not None and p.lon is not None
        c = _cell(p.lat, p.lon, float(settings()["cell_degrees"]))
        return [(_region_top(p.lat, p.lon), f"g{c[0]}:{c[1]}")]
    if kind == "region":
        assert p.lat is not None and p.lon is not None
        return [(_region_top(p.lat, p.lon), "-")]
    return [("-", "-")]


def _neighbour_regions(lat: float, lon: float) -> list[str]:
    r = _cell(lat, lon, 10.0)
    return [f"r{r[0] + i}:{r[1] + j}" for i in (-1, 0, 1) for j in (-1, 0, 1)]


def _geo_queries(p: Profile) -> list[tuple[str | None, str | None]]:
    kind = _kind(p)
    queries: list[tuple[str | None, str | None]] = [("-", "-")]
    if kind in ("none", "country"):
        return [(None, None)]
    if kind == "point":
        assert p.lat is not None and p.lon is not None
        deg = float(settings()["cell_degrees"])
        ci, cj = _cell(p.lat, p.lon, deg)
        for i in (-1, 0, 1):
            for j in (-1, 0, 1):
                lat, lon = (ci + i + 0.5) * deg, (cj + j + 0.5) * deg
                queries.append((_region_top(lat, lon), f"g{ci + i}:{cj + j}"))
        queries += [(top, "-") for top in _neighbour_regions(p.lat, p.lon)]
    else:
        assert p.lat is not None and p.lon is not None
        queries += [(top, None) for top in _neighbour_regions(p.lat, p.lon)]
    return queries


def _families(p: Profile, *, query: bool) -> list[str]:
    if not p.families:
        return [*_all_families(), ANY_FAMILY] if query else [ANY_FAMILY]
    fams = sorted(p.families)
    return [*fams, ANY_FAMILY] if query else fams


def insert_keys(p: Profile) -> list[str]:
    """The keys a mention is filed under."""
    geos, buckets = _geo_inserts(p), _buckets(p)
    return [f"{fam}|{b}|{top}/{sub}" for fam in _families(p, query=False)
            for b in buckets for top, sub in geos]


def query_terms(p: Profile) -> list[Term]:
    """What a mention looks up: exact keys, or every key under a (family|bucket, top) prefix."""
    geos, buckets = _geo_queries(p), _buckets(p)
    return [(f"{fam}|{b}", top, sub) for fam in _families(p, query=True)
            for b in buckets for top, sub in geos]


class BlockIndex:
    """An in-memory index of filed mentions, for batch merging and the benchmark."""

    def __init__(self) -> None:
        self._index: dict[str, dict[str, dict[str, list[int]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list)))

    def add(self, item: int, p: Profile) -> None:
        for key in insert_keys(p):
            fb, _, geo = key.rpartition("|")
            top, _, sub = geo.partition("/")
            self._index[fb][top][sub].append(item)

    def lookup(self, terms: Iterable[Term]) -> set[int]:
        found: set[int] = set()
        for fb, top, sub in terms:
            tops = self._index.get(fb)
            if not tops:
                continue
            if top is None:
                for subs in tops.values():
                    for items in subs.values():
                        found.update(items)
                continue
            cells = tops.get(top)
            if not cells:
                continue
            if sub is None:
                for items in cells.values():
                    found.update(items)
            elif sub in cells:
                found.update(cells[sub])
        return found
