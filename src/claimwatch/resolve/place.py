"""Place phrases to places: read the phrase, look it up, pick the candidate the report means.

``resolve_place("the port of Haifa", ctx)`` reads the phrase ("port of" asks for a point),
looks the name up in the gazetteer and scores each candidate by feature class, population
and the document's context (the countries it is about, the other places it names). The
precision follows ACLED: 1 a town or point, 2 a near-by area or district ("outside X",
"20 km from X", "off the coast of X"), 3 a province, region, sea or country.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from claimwatch.errors import ClaimwatchError
from claimwatch.model import Place
from claimwatch.resolve.gazetteer import GazEntry, Gazetteer, distance_km, normalize

PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")
_BIG = ("country", "continent", "region", "sea", "admin1")
_FEATURE_PRIOR = {
    "country": 4.0, "continent": 4.0, "region": 9.0, "sea": 9.0, "strait": 9.0, "admin1": 1.0,
    "admin2": 0.0, "city": 0.0, "island": 6.0, "facility": 6.0, "airport": 6.0,
}
_POPULATION_WEIGHT = 1.0  # per tenfold population
_COUNTRY_BOOST = 2.0  # for a candidate in the country the report is most about
_INSIDE_BOOST = 1.0  # more, per province the report names that the candidate lies in
_CAPITAL_PRIOR = 2.0  # a national capital, less the weight of the report's other countries
_POINTS = ("city", "district", "camp", "base", "crossing", "port", "airport", "facility",
           "admin2")
_LOCAL_BOOST = 2.0  # for a candidate in a country named near the phrase (normalised 0..1)
_LOCAL_CHARS = 150  # "near": within about a sentence of any of the phrase's mentions
_STRAY_POPULATION = 50_000  # a smaller town abroad, in no country the report is about...
_COHERENCE = 1.5  # per other name of the document with a likely reading nearby...
_MAX_SUPPORT = 2.0  # ...counting at most two such names
_NEARBY_CANDIDATES = 10
_SAME_PLACE_KM = 1.0
_MATCH_PRIOR = {"name": 0.0, "alt": -0.6, "abbr": -0.2, "demonym": -0.5, "fuzzy": -2.0}
_UNITS = r"(?:km|kms|kilometres|kilometers|kilometre|kilometer|mi|miles|mile|m|metres|meters)"


@dataclass
class PlaceContext:
    """What a document is about: country weights (ISO3 -> 0..1) and places it names."""

    countries: dict[str, float] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # normalised phrase of each place
    # What each phrase itself adds to the country weights (raw, before normalising): a
    # name is judged by the other names, not by its own most likely reading.
    own: dict[str, dict[str, float]] = field(default_factory=dict)
    raw: dict[str, float] = field(default_factory=dict)
    # Where each phrase's likeliest point-like readings lie: towns named together tend to
    # lie together ("Edmonton" and "Enfield" in north London, not Alberta and Connecticut).
    nearby: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    # The country weights from names used as places only, not as a state acting or
    # qualifying ("U.S. officials", "Washington said"): where the report's events are.
    sites: dict[str, float] = field(default_factory=dict)
    # The area the text puts a name in by apposition ("Paris, Texas, police said"):
    # normalised phrase -> the qualifier's text. Later bare mentions mean the same place.
    qualifiers: dict[str, str] = field(default_factory=dict)
    # The countries named near each phrase (within about a sentence of any of its mentions),
    # normalised phrase -> ISO3 -> 0..1: "a clinic in Vienna ... arriving in Austria".
    local: dict[str, dict[str, float]] = field(default_factory=dict)
    # Set by the event pipeline, which reads each name's use (entities.report_context):
    # ``sites`` then holds the countries of names used as places only, and ``actors`` the
    # home countries of the actors the report names ("al-Shabaab" -> Somalia).
    uses_known: bool = False
    actors: set[str] = field(default_factory=set)
    _others: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)

    def countries_besides(self, key: str) -> dict[str, float]:
        """The country weights without the phrase ``key``'s own contribution."""
        mine = self.own.get(key)
        if not mine:
            return self.countries
        if key not in self._others:
            self._others[key] = _normalise(
                {k: v - mine.get(k, 0.0) for k, v in self.raw.items()})
        return self._others[key]


@dataclass(frozen=True)
class _Reading:
    """One way to read a phrase: the name to look up and what the wording implies."""

    target: str
    rule: str
    min_precision: int = 1
    prefer: tuple[str, ...] = ()
    direction: tuple[float, float] | None = None
    within: str | None = None


@lru_cache(maxsize=1)
def _phrases() -> dict[str, Any]:
    source = resources.files("claimwatch.data").joinpath("place_phrases.json")
    with source.open("r", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in ordered)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    p = _phrases()
    dirs = _alternation(p["directions"])
    return {
        "distance": re.compile(
            rf"^(?:about |some |around |roughly |nearly |almost |approximately |up to |"
            rf"less than |more than )?[\d.,]+\s*{_UNITS}\.?\s+(?:\(\s*[\d.,]+\s*{_UNITS}\s*\)\s*)?"
            rf"(?:(?:to the )?(?:{dirs})\s+)?(?:of|from|outside|off|inside|into)\s+(?P<t>.+)$",
            re.I),
        "relative": re.compile(rf"^(?:just |further |farther |to the )?(?:{dirs})\s+"
                               rf"(?:of|from)\s+(?P<t>.+)$", re.I),
        "near": re.compile(rf"^(?:{_alternation(p['near_prefixes'])})\s+(?P<t>.+)$", re.I),
        "point": re.compile(rf"^(?:{_alternation(p['point_prefixes'])})\s+(?P<t>.+)$", re.I),
        "direction": re.compile(rf"^(?P<d>{dirs})\s+(?P<t>.+)$", re.I),
        "direction_suffix": re.compile(
            rf"^(?P<t>.+?)\s+(?P<d>{_alternation(p['direction_suffixes'])})$", re.I),
        "near_suffix": re.compile(rf"^(?P<t>.+?)\s+(?:{_alternation(p['near_suffixes'])})$", re.I),
        "area_suffix": re.compile(
            rf"^(?P<t>.+?)\s+(?P<s>{_alternation(p['area_suffixes'])})$", re.I),
        "point_suffix": re.compile(
            rf"^(?P<t>.+?)\s+(?:{_alternation(p['point_suffixes'])})$", re.I),
    }


def _clean(phrase: str) -> str:
    text = re.sub(r"\s+", " ", phrase).strip(" \t\n\"'“”‘’.,;:()[]")
    text = re.sub(r"(?:'s|’s)$", "", text)
    return re.sub(r"^(?:the|in|at|on|into|from|across|throughout)\s+", "", text, flags=re.I)


def _readings(phrase: str, depth: int = 0) -> list[_Reading]:
    """Every reading of the phrase, the most literal first."""
    text = _clean(phrase)
    if not text:
        return []
    # A name in capitals, not an abbreviation, is a news dateline ("WASHINGTON (AP) --"),
    # and a dateline names a town.
    dateline = depth == 0 and _is_caps(text) and "." not in text and len(text) >= 5
    out = [_Reading(text, "exact", prefer=("city",) if dateline else ())]
    later: list[_Reading] = []
    pats = _patterns()
    owner, mark, owned = text.partition("'s ")
    if not mark:
        owner, mark, owned = text.partition("’s ")
    if mark and owned and depth < 2:  # "Thailand's deep south": that part of Thailand
        out += [_Reading(r.target, "possessive", r.min_precision, r.prefer, r.direction,
                         _clean(owner)) for r in _readings(owned, depth + 1)]
        out += _readings(f"{owned} {owner}", depth + 1)[1:]
    if "," in text:
        head, _, tail = text.partition(",")
        out.append(_Reading(_clean(head), "qualified", within=_clean(tail)))
    for key, rule, prec in (("distance", "distance_from", 2), ("relative", "direction_from", 2),
                            ("near", "near", 2)):
        m = pats[key].match(text)
        if m:
            out.append(_Reading(_clean(m["t"]), rule, prec))
            if depth < 2:  # "30 km off the coast of Aden": read the rest again
                out += [_Reading(r.target, rule, max(prec, r.min_precision), r.prefer,
                                 r.direction, r.within) for r in _readings(m["t"], depth + 1)[1:]]
    m = pats["point"].match(text)
    if m:
        out.append(_Reading(_clean(m["t"]), "point_named", 1, prefer=("city", "port", "district")))
    m = pats["direction"].match(text)
    if m:
        for form in _phrases().get("direction_names", {}).get(normalize(m["d"]), ()):
            # "Western Kasai": the province the gazetteer names "Kasai-Occidental"
            out.append(_Reading(form.format(_clean(m["t"])), "exact"))
        vec = _phrases()["directions"].get(normalize(m["d"]).replace("-", " "), [0, 0])
        out.append(_Reading(_clean(m["t"]), "part_of", 2, direction=(vec[0], vec[1])))
        if depth < 2:  # "northwestern X district": the part of the district named X,
            # read after the whole phrase's readings ("Upper East region" is a name)
            later = [_Reading(r.target, "part_of", max(2, r.min_precision), r.prefer,
                              (vec[0], vec[1]), r.within)
                     for r in _readings(m["t"], depth + 1)[1:]]
    m = pats["direction_suffix"].match(text)
    if m and m["t"][:1].isupper():  # "Maguindanao del Sur", newer than the gazetteer
        vec = _phrases()["direction_suffixes"].get(normalize(m["d"]).replace("-", " "), [0, 0])
        out.append(_Reading(_clean(m["t"]), "part_of", 2, direction=(vec[0], vec[1])))
    m = pats["near_suffix"].match(text)
    if m:
        out.append(_Reading(_clean(m["t"]), "near", 2))
    m = pats["area_suffix"].match(text)
    if m:
        level = _phrases()["area_suffixes"].get(normalize(m["s"]), "admin1")
        out.append(_Reading(_clean(m["t"]), "area_named", 2 if level == "admin2" else 3,
                            prefer=(level, "admin1", "admin2", "region")))
        inner = pats["direction_suffix"].match(_clean(m["t"]))
        if inner and inner["t"][:1].isupper():  # "Maguindanao del Sur province"
            vec = _phrases()["direction_suffixes"].get(
                normalize(inner["d"]).replace("-", " "), [0, 0])
            out.append(_Reading(_clean(inner["t"]), "part_of", 2, direction=(vec[0], vec[1]),
                                prefer=("admin1", "admin2", "region")))
    m = pats["point_suffix"].match(text)
    if m:
        out.append(_Reading(_clean(m["t"]), "point_named", 1,
                            prefer=("city", "port", "camp", "base", "airport", "crossing")))
    if text.lower().startswith("the ") and len(out) == 1:
        out.append(_Reading(text[4:], "exact"))
    return out + later


def _candidates(gaz: Gazetteer, name: str, fuzzy: bool = False) -> list[GazEntry]:
    """Gazetteer entries for a name; abbreviations count only when written in capitals;
    ``fuzzy`` looks for transliteration variants instead."""
    if fuzzy:
        return list(gaz.fuzzy(name)) if len(normalize(name)) >= 5 else []
    found = [e for e in gaz.lookup(name) if e.match != "abbr" or _is_caps(name)]
    seen = {e.id for e in found}
    for variant in _compass_variants(normalize(name)):
        # "Southwest region" is the gazetteer's "South-West Province": another spelling
        found += [replace(e, match="alt") for e in gaz.lookup(variant)
                  if e.id not in seen and e.match != "abbr"]
        seen |= {e.id for e in found}
    return found


def _compass_variants(key: str) -> list[str]:
    """The name with its compass compound written the other way ("southwest" / "south west")."""
    out = []
    for joined, split in _phrases()["compass_compounds"].items():
        for a, b in ((joined, split), (split, joined)):
            swapped = re.sub(rf"\b{a}\b", b, key)
            if swapped != key:
                out.append(swapped)
    return out


def _is_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _prior(e: GazEntry) -> float:
    """Context-free plausibility: feature class, population, how the name matched."""
    base = _FEATURE_PRIOR.get(e.feature, 3.0)
    return (base + _POPULATION_WEIGHT * math.log10(e.population + 1)
            + _MATCH_PRIOR.get(e.match, 0.0))


def _score(e: GazEntry, ctx: PlaceContext, key: str, local: bool = True) -> float:
    s = _prior(e)
    if e.iso3:
        s += _COUNTRY_BOOST * ctx.countries_besides(key).get(e.iso3, 0.0)
        if local and ctx.local:
            s += _LOCAL_BOOST * ctx.local.get(key, {}).get(e.iso3, 0.0)
    best = math.inf
    for place, src in zip(ctx.places, ctx.sources, strict=False):
        if src == key or place.latitude is None or place.longitude is None:
            continue
        if e.feature in ("admin1", "admin2") and place.admin1 == e.name and place.iso3 == e.iso3:
            best = 0.0
            break
        if place.admin1 and place.admin1 == e.name:
            continue
        if place.feature == "admin1":
            # A province is a relation, not a point: a town in it ("Paris" with "Missouri"),
            # or a province named alongside others of its country (a list of US states).
            if e.admin1 and place.name == e.admin1 and place.iso3 == e.iso3:
                best = min(best, 10.0)
                s += _INSIDE_BOOST
            elif e.feature == "admin1" and place.iso3 == e.iso3:
                best = min(best, 10.0)
            continue
        best = min(best, distance_km(e.latitude, e.longitude, place.latitude, place.longitude))
    if best < 60:
        s += 2.5
    elif best < 250:
        s += 1.5
    elif best < 600:
        s += 0.5
    return s


def _support(e: GazEntry, ctx: PlaceContext, key: str) -> float:
    """How many of the document's other names have a likely reading close to ``e``."""
    total = 0.0
    for other, points in ctx.nearby.items():
        if other == key:
            continue
        best = 0.0
        for lat, lon in points:
            if abs(lat - e.latitude) > 2.5:
                continue
            d = distance_km(e.latitude, e.longitude, lat, lon)
            if d < _SAME_PLACE_KM:
                continue  # the same place under another name is no second witness
            best = max(best, 1.0 if d <= 30 else 0.6 if d <= 100 else 0.25 if d <= 250 else 0.0)
            if best == 1.0:
                break
        total += best
    return total


def _demote_namesake_areas(cands: list[GazEntry]) -> dict[int, float]:
    """An admin area named after its own big town ("Haifa", "Kiev") means the town.
    A town whose own name is "X City" (Oklahoma City, New York City) is not: English adds
    "City" to tell the town from the area, so the plain name is the area's."""
    penalty: dict[int, float] = {}
    for a in cands:
        if a.feature not in ("admin1", "admin2"):
            continue
        for c in cands:
            if c.match != "name" and normalize(c.name).endswith(" city"):
                continue
            if (c.feature == "city" and c.iso3 == a.iso3 and c.population >= 0.1 * a.population
                    and distance_km(a.latitude, a.longitude, c.latitude, c.longitude)
                    <= max(a.radius_km * 1.5, 50)):
                penalty[a.id] = 4.0
    return penalty


@lru_cache(maxsize=4)
def _capitals(gaz: Gazetteer) -> frozenset[int]:
    """The entry ids of national capitals (the build names each "capital of <country>")."""
    return frozenset(e.id for c in gaz.countries() for e in gaz.lookup(f"capital of {c.name}")
                     if e.feature == "city")


def _rank(cands: list[GazEntry], ctx: PlaceContext, key: str,
          prefer: tuple[str, ...] = (), capitals: frozenset[int] = frozenset()
          ) -> list[tuple[float, GazEntry]]:
    penalty = _demote_namesake_areas(cands) if not prefer else {}
    # Towns named together lie together, when the name is most likely a town at all.
    towns = bool(ctx.nearby and cands) and max(cands, key=_prior).feature in _POINTS
    # A country's name is not re-read by the names written next to it ("Lebanon" near "U.S.")
    local = not any(c.feature == "country" and c.match != "demonym" for c in cands)
    scored = []
    for e in cands:
        s = _score(e, ctx, key, local) - penalty.get(e.id, 0.0)
        if e.id in capitals:
            # "Washington", "Cairo": the capital, unless the report is about another country
            # more than about the capital's own ("Paris" in a report on Kentucky that also
            # names France keeps part of its prior)
            others = ctx.countries_besides(key)
            elsewhere = max((w for k, w in others.items() if k != e.iso3), default=0.0)
            s += _CAPITAL_PRIOR * (1.0 - max(0.0, elsewhere - others.get(e.iso3 or "", 0.0)))
        if towns and e.feature in _POINTS:
            s += _COHERENCE * min(_MAX_SUPPORT, _support(e, ctx, key))
        if prefer and e.feature in prefer:
            s += 3.0 - prefer.index(e.feature) * 0.5
        scored.append((s, e))
    scored.sort(key=lambda pair: (-pair[0], -pair[1].population, pair[1].id))
    return scored


def _within(e: GazEntry, area: GazEntry) -> bool:
    if area.feature in ("country",):
        return e.iso3 == area.iso3
    if area.feature == "admin1" and e.admin1 == area.name and e.iso3 == area.iso3:
        return True
    reach = area.radius_km + 50.0
    return distance_km(e.latitude, e.longitude, area.latitude, area.longitude) <= reach


def _choose(gaz: Gazetteer, reading: _Reading, ctx: PlaceContext,
            fuzzy: bool = False) -> GazEntry | None:
    cands = _candidates(gaz, reading.target, fuzzy)
    if fuzzy and reading.rule == "area_named":
        # "Zorba province" spelled like a town abroad is no province
        cands = [e for e in cands if e.feature in reading.prefer]
    around = ctx.countries_besides(normalize(reading.target)) if fuzzy else {}
    if around:
        # A spelling variant of a town is a guess: only in a country the report's other
        # names are about.
        cands = [e for e in cands if e.iso3 is None or e.feature == "country"
                 or around.get(e.iso3, 0.0) > 0.0]
    if not cands:
        return None
    if reading.within and normalize(reading.within) in _phrases().get("country_owners", ()):
        # "the country's North-West region": the country the report is most about
        main = max(ctx.countries, key=lambda k: ctx.countries[k], default=None)
        cands = [e for e in cands if main is not None and e.iso3 == main
                 and e.feature != "country"]
        if not cands:
            return None
    elif reading.within:
        outer = _outer(gaz, reading.within, ctx)
        inside = [e for e in cands if outer is not None and _within(e, outer)]
        if not inside and outer is not None and reading.rule != "possessive":
            # "Palma, northern Mozambique", "Mahas, 60 km from Bulo Burte": a namesake in
            # another country, or outside the province the text puts the place in, is not
            # it (a town the gazetteer lacks is then placed by its area)
            inside = [] if outer.feature in ("country", "admin1") else \
                [e for e in cands if e.iso3 == outer.iso3]
            cands = inside
        cands = inside if inside or reading.rule == "possessive" else cands
        if not cands:
            return None
    key = normalize(reading.target)
    return _rank(cands, ctx, key, reading.prefer, _capitals(gaz))[0][1]


def _outer(gaz: Gazetteer, phrase: str, ctx: PlaceContext) -> GazEntry | None:
    """The area a qualified name is put in: its literal name first, then what the wording
    says ("northern Mozambique" is part of Mozambique)."""
    readings = _readings(phrase, depth=1) or [_Reading(phrase, "exact")]
    for fuzzy in (False, True):
        for r in readings:
            if r.within is None:
                found = _choose(gaz, r, ctx, fuzzy)
                if found is not None:
                    return found
    return None


def _to_place(e: GazEntry, reading: _Reading) -> Place:
    precision = max(e.precision, reading.min_precision)
    lat, lon = e.latitude, e.longitude
    if reading.direction is not None and (e.feature in _BIG or e.precision >= 3):
        precision = 3
        # Shift toward the named part: half the area's radius in that direction.
        dy, dx = reading.direction
        shift = 0.5 * e.radius_km
        lat += dy * shift / 111.0
        lon += dx * shift / (111.0 * max(0.2, math.cos(math.radians(lat))))
    return Place(name=e.name, country=e.country, iso3=e.iso3,
                 admin1=e.admin1 if e.feature != "admin1" else e.name,
                 latitude=round(lat, 5), longitude=round(lon, 5), geonameid=e.geonameid,
                 precision=precision, feature=e.feature)


def resolve_place(phrase: str, context: PlaceContext | None = None,
                  gazetteer: Gazetteer | None = None) -> tuple[Place | None, str]:
    """The place a phrase names, and the rule used; ``(None, reason)`` if none is found."""
    if not isinstance(phrase, str) or not phrase.strip():
        return None, "empty place phrase"
    ctx = context or PlaceContext()
    try:
        gaz = gazetteer or Gazetteer.load()
        readings = _readings(phrase[:300])
        within = ctx.qualifiers.get(normalize(_clean(phrase))) if ctx.qualifiers else None
        if within and readings and readings[0].within is None and "," not in phrase:
            first = readings[0]
            readings = [_Reading(first.target, "qualified", prefer=first.prefer,
                                 within=within), *readings]
        for fuzzy in (False, True):
            for reading in readings:
                entry = _choose(gaz, reading, ctx, fuzzy)
                if entry is not None and _stray(entry, ctx, normalize(reading.target)):
                    return None, (f"not in gazetteer: {_clean(phrase)[:80]!r} (only a small "
                                  f"namesake in {entry.country}, which the report does not name)")
                if entry is not None:
                    rule = f"{reading.rule}+spelling" if fuzzy else reading.rule
                    return _to_place(entry, reading), f"{rule}:{entry.feature}"
    except (ClaimwatchError, sqlite3.Error, OSError) as exc:
        return None, f"gazetteer unavailable: {exc}"
    return None, f"not in gazetteer: {_clean(phrase)[:80]!r}"


def _stray(e: GazEntry, ctx: PlaceContext, key: str) -> bool:
    """A small town (a city of known population under ``_STRAY_POPULATION``) in a country
    that neither the report's other names nor their neighbours are about: a namesake of a
    place the gazetteer lacks ("the Molde market" in a report on Kenyan towns is no
    Norwegian town). Camps, bases, airports and districts are never strays. Where the uses of
    names are known, only countries named as sites count against the town ("a US air
    strike near X" leaves X where it is), and the home countries of the actors named count
    for it ("al-Shabaab fighters near X": Somalia)."""
    if e.feature != "city" or not 0 < e.population < _STRAY_POPULATION or not e.iso3:
        return False
    others = ctx.countries_besides(key)
    if ctx.uses_known:
        others = {k: v for k, v in others.items() if ctx.sites.get(k, 0.0) > 0.0}
    named = set(others) | ctx.actors
    if not others or e.iso3 in named:
        return False
    from claimwatch.resolve.entities import borders

    return not borders().get(e.iso3, set()) & named


def document_context(text: str, entities: list[tuple[str, str]],
                     gazetteer: Gazetteer | None = None,
                     uses: dict[str, float] | None = None,
                     actors: set[str] | None = None) -> PlaceContext:
    """Weigh the countries a report is about and resolve the places it names, for context.

    ``uses``: for each normalised name, the share of its mentions that stand for a place
    (not a state acting or qualifying, nor a dateline); with it the context's ``sites``
    weigh the countries where the report's events are. ``actors``: the home countries of
    the actors the report names. Both come from the parse (entities.report_context)."""
    try:
        gaz = gazetteer or Gazetteer.load()
    except (ClaimwatchError, sqlite3.Error, OSError):
        return PlaceContext()
    # A religion or political grouping ("Christian", "Sunni") says who, not where.
    groups = frozenset(normalize(w) for w in _phrases().get("group_words", []))
    counts = Counter(s.strip() for s, label in entities if label in PLACE_LABELS and s.strip()
                     and not (label == "NORP" and normalize(s) in groups))
    weights: defaultdict[str, float] = defaultdict(float)
    own: defaultdict[str, defaultdict[str, float]] = defaultdict(lambda: defaultdict(float))
    nearby: dict[str, list[tuple[float, float]]] = {}
    for surface, n in counts.items():
        ranked = _ranked_alone(gaz, surface)
        key = normalize(_clean(surface))
        for iso3, share in _country_shares(ranked).items():
            weights[iso3] += n * share
            own[key][iso3] += n * share
        points = [(e.latitude, e.longitude) for _, e in ranked[:_NEARBY_CANDIDATES]
                  if e.feature in _POINTS]
        if points:
            nearby[key] = points
    qualifiers = text_qualifiers(text, [s for s, label in entities if label != "NORP"], gaz)
    known = uses is not None
    ctx = PlaceContext(countries=_normalise(weights), own=_plain(own), raw=dict(weights),
                       nearby=nearby, qualifiers=qualifiers, uses_known=known,
                       actors=set(actors or ()), sites=_site_weights(own, uses))
    local: dict[str, dict[str, float]] = {}
    for _ in range(2):
        places, sources = [], []
        resolved: dict[str, str] = {}  # the names read as countries
        weights = defaultdict(float)
        own = defaultdict(lambda: defaultdict(float))
        for surface, n in counts.items():
            place, _rule = resolve_place(surface, ctx, gaz)
            if place is None:
                continue
            key = normalize(_clean(surface))
            if place.iso3 and place.feature == "country":
                resolved[surface] = place.iso3
            if place.iso3:
                w = n * (1.5 if place.feature == "country" else 1.0)
                weights[place.iso3] += w
                own[key][place.iso3] += w
            if place.feature not in ("country", "continent", "sea", "region"):
                places.append(place)
                sources.append(key)
        local = _local_countries(text, list(counts), resolved)
        ctx = PlaceContext(countries=_normalise(weights), places=places, sources=sources,
                           own=_plain(own), raw=dict(weights), nearby=nearby,
                           qualifiers=qualifiers, local=local, uses_known=known,
                           actors=set(actors or ()), sites=_site_weights(own, uses))
    return ctx


def _site_weights(own: dict[str, defaultdict[str, float]] | dict[str, dict[str, float]],
                  uses: dict[str, float] | None) -> dict[str, float]:
    """The country weights of names used as places only (see ``document_context``)."""
    if uses is None:
        return {}
    raw: defaultdict[str, float] = defaultdict(float)
    for key, share in uses.items():
        for iso3, w in own.get(key, {}).items():
            raw[iso3] += w * share
    return _normalise(raw)


def _mentions(text: str, surface: str) -> list[int]:
    """Where ``surface`` occurs in ``text`` as a whole word."""
    out, pos = [], text.find(surface)
    while pos >= 0:
        end = pos + len(surface)
        if (pos == 0 or not text[pos - 1].isalnum()) and (end >= len(text)
                                                          or not text[end].isalnum()):
            out.append(pos)
        pos = text.find(surface, pos + 1)
    return out


def _local_countries(text: str, surfaces: list[str], resolved: dict[str, str]
                     ) -> dict[str, dict[str, float]]:
    """For each phrase, the countries named as sites near any of its mentions (within
    ``_LOCAL_CHARS``; ``resolved``: country names -> ISO3), each counted once per mention,
    normalised to 0..1. A report on many countries is clear near each name: "a clinic in
    Vienna ... travellers arriving in Austria". A country named as a state acting or
    qualifying ("the U.S. embassy said", "talks with U.S. officials") says nothing of where
    a name nearby lies (see ``_site_mention``)."""
    where = {s: _mentions(text, s) for s in surfaces}
    sites: list[tuple[str, str, list[int]]] = []  # country phrase key, ISO3, site positions
    for b, iso3 in resolved.items():
        positions = sorted(p for p in where.get(b, ()) if _site_mention(text, p))
        if positions:
            sites.append((normalize(_clean(b)), iso3, positions))
    out: dict[str, dict[str, float]] = {}
    if not sites:
        return out
    for a in surfaces:
        key = normalize(_clean(a))
        raw: defaultdict[str, float] = defaultdict(float)
        for pa in where[a]:
            for b_key, iso3, positions in sites:
                if b_key == key:
                    continue
                i = bisect_left(positions, pa - _LOCAL_CHARS)
                if i < len(positions) and positions[i] <= pa + _LOCAL_CHARS:
                    raw[iso3] += 1.0
        if raw:
            out[key] = _normalise(raw)
    return out


@lru_cache(maxsize=1)
def _site_before() -> re.Pattern[str]:
    """The words before a country named as a site: "in", "across northern", "into the"."""
    p = _phrases()
    return re.compile(rf"\b(?:{_alternation(p.get('site_prepositions', ()))})\s+(?:the\s+)?"
                      rf"(?:(?:{_alternation(p['directions'])})\s+)?$", re.I)


def _site_mention(text: str, pos: int) -> bool:
    """Whether the country name at ``pos`` is a site ("in Egypt"), by the preposition
    before it; a name acting or qualifying ("Egypt said", "U.S. officials") is none."""
    return _site_before().search(text, max(0, pos - 40), pos) is not None


_QUALIFIER_WORD = r"[A-Z][\w'’.-]*"
_APPOSITION = re.compile(rf",\s+(?P<q>{_QUALIFIER_WORD}(?:\s+{_QUALIFIER_WORD}){{0,3}})"
                         rf"(?=(?P<rest>.{{0,16}}))", re.S)


def text_qualifiers(text: str, surfaces: Iterable[str], gaz: Gazetteer) -> dict[str, str]:
    """Names the text puts in a province or country by apposition: "fire crews in Paris,
    Texas, said", "shots in Tripoli, Lebanon, on Sunday" -> {normalised name: qualifier}.
    The qualifier must name a country or province and end the phrase (punctuation or a
    function word follows: "In Donetsk, Russia shelled..." is no apposition; nor is a
    possessive, "Russia's army", or a list going on, "Rafah, Egypt and Jordan"); after a
    fronted phrase ("In London, Ontario, ...") a second comma must close it. The name must
    not be a sibling of the qualifier ("Alberta, Saskatchewan and Manitoba", "Georgia,
    Alabama" are lists)."""
    out: dict[str, str] = {}
    names = sorted({s.strip() for s in surfaces if s.strip() and "," not in s and len(s) < 60},
                   key=len, reverse=True)
    if not names:
        return out
    followers = frozenset(_phrases().get("qualifier_followers", ()))
    fronting = frozenset(_phrases().get("fronting_words", ()))
    for m in _APPOSITION.finditer(text):
        at = m.start()
        for surface in names:
            if not text.endswith(surface, 0, at):
                continue
            begin = at - len(surface)
            if begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "-"):
                continue
            key = normalize(_clean(surface))
            if key and key not in out:
                fronted = _fronted(text, begin, fronting)
                found = _qualifier(surface, m["q"], m["rest"], followers, gaz, fronted)
                if found:
                    out[key] = found
            break
    return out


def _fronted(text: str, begin: int, fronting: frozenset[str]) -> bool:
    """Whether the name at ``begin`` ends a fronted phrase that opens its sentence ("In
    Donetsk, ...", "After the strike on Rafah, ..."): no comma between."""
    start = max(text.rfind(c, 0, begin) for c in ".!?\n;:") + 1
    lead = text[start:begin]
    words = lead.split()
    return bool(words) and "," not in lead and words[0][:1].isupper() \
        and words[0].lower().strip("\"'‘“(") in fronting


def _qualifier(surface: str, words: str, rest: str, followers: frozenset[str],
               gaz: Gazetteer, fronted: bool = False) -> str | None:
    """The longest run of ``words`` that ends the apposition and names an area holding
    a namesake of ``surface`` (see ``text_qualifiers``). A possessive ("Donetsk, Russia's
    army") or a list going on ("Rafah, Egypt and Jordan condemned") ends none; after a
    fronted phrase (``fronted``) only a second comma does ("In London, Ontario, crews")."""
    if re.search(r"(?:'s|’s)$", words):
        return None
    tokens = words.split()
    for n in range(len(tokens), 0, -1):
        phrase = " ".join(tokens[:n])
        after = (" ".join(tokens[n:]) + " " + rest) if n < len(tokens) else rest
        if fronted:
            ends = after[:1] == ","
        else:
            ends = (phrase.endswith(".") or not after.strip()
                    or after[:1] in ",.;:)!?\"'’”")
        if not ends and not fronted:
            parts = after.split()
            first = parts[0].lower().strip(",.;:") if parts else ""
            ends = after[:1].isspace() and first in followers and not (
                first in ("and", "or") and len(parts) > 1 and parts[1][:1].isupper())
        if not ends:
            continue
        areas = [e for e in _candidates(gaz, phrase) if e.feature in ("country", "admin1")]
        if not areas:
            continue
        names = _candidates(gaz, surface)
        kinds = {(a.feature, a.iso3) for a in areas}
        if any(e.feature == "country" or (e.feature, e.iso3) in kinds for e in names):
            return None  # a list of siblings, or a country (never qualified this way)
        if any(_within(e, a) for e in names for a in areas if e.id != a.id):
            return _clean(phrase) if not phrase.endswith(".") else phrase
        return None
    return None


def _plain(nested: dict[str, defaultdict[str, float]]) -> dict[str, dict[str, float]]:
    return {k: dict(v) for k, v in nested.items()}


def _ranked_alone(gaz: Gazetteer, surface: str) -> list[tuple[float, GazEntry]]:
    """The candidates of a name's first reading that finds any, by context-free score."""
    readings = _readings(surface)
    cands: list[GazEntry] = []
    for fuzzy in (False, True):
        for reading in readings:
            cands = _candidates(gaz, reading.target, fuzzy)
            if cands:
                break
        if cands:
            break
    return _rank(cands, PlaceContext(), "", capitals=_capitals(gaz))


def _country_shares(ranked: list[tuple[float, GazEntry]]) -> dict[str, float]:
    """How a name spreads over countries, by the context-free prior of its candidates."""
    scored = [(s, e) for s, e in ranked[:8] if e.iso3]
    if not scored:
        return {}
    top = scored[0][0]
    raw: defaultdict[str, float] = defaultdict(float)
    for s, e in scored:
        raw[e.iso3 or ""] += math.exp(s - top)
    total = sum(raw.values())
    return {k: v / total for k, v in raw.items()}


def _normalise(weights: dict[str, float]) -> dict[str, float]:
    top = max(weights.values(), default=0.0)
    return {k: v / top for k, v in weights.items() if top > 0 and v / top >= 0.05}
