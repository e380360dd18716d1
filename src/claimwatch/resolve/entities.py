"""The resolve stage: surface places and actors of each mention -> canonical records.

Requires: mentions with ``place_text`` and surface actor names, the spaCy Doc.
Assigns: ``mention.place`` (gazetteer, with ACLED precision) and canonical actors
(actor table), each with an explanation of the rule that decided it.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from claimwatch.model import Mention, Place

PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")


def report_context(sdoc: Any) -> Any:
    """The places a whole report names, which disambiguate each single place."""
    from claimwatch.nlp.components import DATELINE
    from claimwatch.resolve.actor import find_actor_mentions
    from claimwatch.resolve.place import _clean, document_context, normalize

    spans = [(joined(hyphenated(e, e.sent.end), e.sent.end), e) for e in sdoc.ents
             if e.label_ in PLACE_LABELS]
    ents = [(str(whole.text), str(e.label_)) for whole, e in spans]
    # a wire dateline ("WASHINGTON --") says where the report was filed, not where
    # anything happened
    filed = [(m.start(), m.end()) for m in DATELINE.finditer(sdoc.text)]
    flags: dict[str, list[bool]] = {}
    for whole, e in spans:
        site = _as_site(e) and not any(a <= e.start_char < b for a, b in filed)
        flags.setdefault(normalize(_clean(str(whole.text))), []).append(site)
    uses = {key: sum(f) / len(f) for key, f in flags.items()}
    actors = {m.entry.country for _, _, m in find_actor_mentions(sdoc.text) if m.entry.country}
    return document_context(sdoc.text, ents, uses=uses, actors=actors)


def _as_site(ent: Any) -> bool:
    """Whether a name stands for a place, not for a state that acts or qualifies: "in
    Syria", not "U.S. troops" or "Washington blames"."""
    from claimwatch.extract import roles

    root = ent.root
    if roles.names_actor(ent):
        return False
    return not (root.dep_ in ("compound", "amod", "nmod") and roles.place_head(ent).i == root.i
                and root.head.pos_ in ("NOUN", "PROPN"))


def hyphenated(span: Any, limit: int) -> Any:
    """A name with its hyphenated tail: "Mazar-i-Sharif", "Dasht-e-Barchi" (the model
    often tags only the first part). ``limit``: the token index not to pass."""
    from spacy.tokens import Span

    doc, end = span.doc, span.end
    while end + 1 < limit and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return span if end == span.end else Span(doc, span.start, end, label=span.label_)


def joined(span: Any, limit: int) -> Any:
    """A name the model cut in two ("Dera" + "Ismail Khan" in "Dera Ismail Khan district"):
    the proper nouns compounded onto it that follow make one name when the gazetteer knows
    the whole. ``limit``: the token index not to pass."""
    import sqlite3

    from spacy.tokens import Span

    from claimwatch.errors import ClaimwatchError
    from claimwatch.resolve.gazetteer import Gazetteer

    doc, end = span.doc, span.end
    while end < limit and doc[end].pos_ == "PROPN" and doc[end - 1].dep_ == "compound" \
            and doc[end - 1].head.i >= end:
        end += 1
    for stop in range(end, span.end, -1):
        try:
            known = Gazetteer.load().lookup(doc[span.start:stop].text)
        except (ClaimwatchError, OSError, sqlite3.Error):
            return span
        if known:
            label = span.label_ if span.label_ in PLACE_LABELS else "GPE"
            return Span(doc, span.start, stop, label=label)
    return span


def locator(context: Any) -> Callable[[str, bool], Place | None]:
    """A cached (phrase, strict) -> Place lookup against one report's context (used for
    grouping). ``strict``: the phrase is a proper noun the model did not tag as a place,
    so it must name a place in a country the report is about."""
    from claimwatch.resolve.place import resolve_place

    cache: dict[tuple[str, bool], Place | None] = {}

    def locate(phrase: str, strict: bool = False) -> Place | None:
        key = (phrase, strict)
        if key not in cache:
            place, why = resolve_offset(phrase, context) or resolve_place(phrase, context)
            ok = place is not None and in_context(place, context, "strict" if strict else why,
                                                  phrase)
            if not ok and not strict:
                place, why = locate_unlisted(phrase, context) or (None, why)
                ok = place is not None
            cache[key] = place if ok else None
        return cache[key]

    return locate


@lru_cache(maxsize=1)
def borders() -> dict[str, set[str]]:
    """Land neighbours by ISO3 (countryinfo's lists, made symmetric)."""
    from countryinfo import all_countries

    out: dict[str, set[str]] = {}
    for info in all_countries():
        try:
            iso = info.iso(3)
            near = info.borders() or []
        except Exception:  # noqa: BLE001  a country record without those fields
            continue
        for other in near:
            out.setdefault(str(iso), set()).add(str(other))
            out.setdefault(str(other), set()).add(str(iso))
    return out


def _variant_weights(place: Place, context: Any, phrase: str | None) -> dict[str, float]:
    """The report's country weights for judging ``place``. A name the gazetteer knows by
    another spelling ("Masala" read as "Masally") is judged by the report's other names: it
    cannot make its own country one the report is about."""
    from claimwatch.resolve.place import _clean, normalize

    weights: dict[str, float] = getattr(context, "countries", None) or {}
    if not phrase or not hasattr(context, "countries_besides"):
        return weights
    key = normalize(_clean(phrase))
    if key == normalize(place.name or ""):
        return weights
    return dict(context.countries_besides(key))


def in_context(place: Place, context: Any, why: str = "", phrase: str | None = None) -> bool:
    """Whether a resolved town can be the incident's place in this report.

    Exact names stand. A town found through a spelling variant, or named by a proper noun
    the model did not tag as a place (``why == "strict"``), must lie in a country the
    report is about: a namesake abroad is not the incident's place. Regions and seas are
    left to the resolver.
    """
    weights = _variant_weights(place, context, phrase)
    if why == "strict" and phrase and hasattr(context, "countries_besides"):
        # an untagged word is judged by the report's other names: its own namesake abroad
        # cannot vote its country in ("Zorba" in a report on Mali is no Portuguese town)
        from claimwatch.resolve.place import _clean, normalize

        weights = dict(context.countries_besides(normalize(_clean(phrase))))
    sites = getattr(context, "sites", None)
    if sites and (why == "strict" or "spelling" in why or "fuzzy" in why):
        # a name read loosely must lie where the report's events are, not in a country
        # it names only as an actor ("U.S. officials said")
        weights = {k: v for k, v in sites.items() if k in weights}
    countries = {iso for iso, w in weights.items() if w >= 0.25}
    if why and "spelling" in why:
        countries = {iso for iso, w in weights.items() if w >= 0.5}
    if why and "spelling" not in why and "fuzzy" not in why and why != "strict":
        # an exact name stands unless it lies beyond the report's countries and their
        # neighbours ("Moura" in a report on Mali is not the town in Portugal)
        near = countries | {n for c in countries for n in borders().get(c, ())}
        return not countries or place.precision >= 3 or place.iso3 is None \
            or place.iso3 in near
    if why == "strict":
        # an untagged capitalised word ("Mass", "Alliance") must name a place in or next to
        # the report's countries, whatever its size
        near = countries | {n for c in countries for n in borders().get(c, ())}
        return bool(countries) and place.iso3 is not None and place.iso3 in near
    return not countries or place.precision >= 3 or place.iso3 is None or place.iso3 in countries


def locate_unlisted(phrase: str, context: Any) -> tuple[Place, str] | None:
    """ "Zorbakandi, North Kivu": a town the gazetteer lacks, kept under its own name and
    placed at the most specific area the text puts it in, at that area's honest precision
    (2 near a town or district, 3 in a province, region or country). None when the phrase
    is not "<name>, <area>", the name is in the gazetteer, or the area is not."""
    from claimwatch.resolve.place import resolve_place

    name, sep, area = phrase.partition(", ")
    name = name.strip(" .;:\"'“”")
    if not sep or not name or not area.strip() or not name[0].isupper():
        return None
    found, why = resolve_place(name, context)
    where, where_why = resolve_offset(area, context) or resolve_place(area, context)
    if where is None or where.latitude is None or not in_context(where, context, where_why,
                                                                 area):
        return None
    weight = (getattr(context, "countries", None) or {}).get(where.iso3 or "", 0.0)
    if found is not None and in_context(found, context, why, name) and not (
            found.iso3 != where.iso3
            and (where.feature in ("country", "admin1") or weight >= 1.0)):
        # the name is a known town; but "Palma, northern Mozambique" or "Mahas, 60 km
        # from <a town in the report's main country>" is no namesake abroad: the text
        # says which country or province it lies in, however little else it names there
        return None
    return Place(name=name, country=where.country, iso3=where.iso3, admin1=where.admin1,
                 latitude=where.latitude, longitude=where.longitude, geonameid=None,
                 precision=2 if where.precision <= 2 else 3, feature="unlisted"), \
        f"not in gazetteer: located by {where.name}"


def is_capital(place: Place) -> bool:
    """Whether a place is its country's capital city (often named for the government)."""
    if place.country is None or place.geonameid is None or place.feature != "city":
        return False
    return place.geonameid in _capital_ids(place.country)


@lru_cache(maxsize=256)
def _capital_ids(country: str) -> frozenset[int]:
    from claimwatch.errors import ClaimwatchError
    from claimwatch.resolve.gazetteer import Gazetteer

    try:
        found = Gazetteer.load().lookup(f"capital of {country}")
    except (ClaimwatchError, OSError):
        return frozenset()
    return frozenset(e.geonameid for e in found if e.geonameid is not None)


OFFSET = re.compile(
    r"^(?P<n>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kilometres|kilometers|miles|nautical miles|nm)\s+"
    r"(?P<dir>north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
    r"north-west|south-east|south-west)\s+of\s+(?P<rest>.+)$", re.IGNORECASE)
KM_PER = {"km": 1.0, "kilometres": 1.0, "kilometers": 1.0, "miles": 1.609,
          "nautical miles": 1.852, "nm": 1.852}
BEARING = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
           "southwest": 225, "west": 270, "northwest": 315}


def resolve_offset(phrase: str, context: Any) -> tuple[Place | None, str] | None:
    """ "55 nautical miles southwest of Hodeidah": the named place moved by that much,
    precision 2 (a nearby area); None when the phrase has no such offset."""
    from claimwatch.resolve.place import resolve_place

    m = OFFSET.match(phrase.strip())
    if not m:
        return None
    base, why = resolve_place(m.group("rest"), context)
    if base is None or base.latitude is None or base.longitude is None:
        return base, why
    km = float(m.group("n").replace(",", ".")) * KM_PER[m.group("unit").lower()]
    bearing = math.radians(BEARING[m.group("dir").lower().replace("-", "")])
    lat = base.latitude + (km * math.cos(bearing)) / 111.0
    lon = base.longitude + (km * math.sin(bearing)) / (111.0 * math.cos(math.radians(lat)))
    moved = dataclasses.replace(base, name=phrase.strip(), latitude=round(lat, 4),
                                longitude=round(lon, 4), precision=2, geonameid=None)
    return moved, f"{why}; moved {km:.0f} km {m.group('dir')} of {base.name}"


def resolve_mentions(mentions: list[Mention], context: Any) -> None:
    """Resolve every mention's place and actors against the whole report's context."""
    for mention in mentions:
        resolve_place_of(mention, context)
        resolve_actors_of(mention, context)


def resolve_place_of(mention: Mention, context: Any) -> None:
    from claimwatch.resolve.place import resolve_place

    if not mention.place_text:
        mention.explain("location", "no place phrase tied to the incident")
        return
    place, why = resolve_offset(mention.place_text, context) or resolve_place(
        mention.place_text, context)
    if place is not None and not in_context(place, context, why, mention.place_text):
        why = f"{place.name} ({place.iso3}) lies outside the countries the report names"
        place = None
    if place is None:
        place, why = locate_unlisted(mention.place_text, context) or (None, why)
    mention.place = place
    mention.explain("location", "gazetteer", detail=f"{mention.place_text!r}: {why}")


def resolve_actors_of(mention: Mention, context: Any = None) -> None:
    from claimwatch.resolve.actor import find_actor_mentions, resolve_actor

    # the surface forms each table actor has in the incident's sentences ("Rada", "SDF")
    seen: dict[str, list[str]] = {}
    for sent in mention.sentences:
        for start, end, match in find_actor_mentions(sent.text):
            surface = sent.text[start:end].strip(" ,.;:'\"")
            if surface.lower().startswith("the "):
                surface = surface[4:]
            seen.setdefault(match.entry.name, []).append(surface)
    resolved = []
    for actor in mention.actors:
        canon, why = resolve_actor(actor.name, actor.role)
        home = _home_forces(actor.name, mention, context) \
            if actor.role == "perpetrator" and canon.name == actor.name else None
        if home is not None:
            canon, why = resolve_actor(home[0], actor.role)
            canon.aliases = [a for a in canon.aliases if a != home[0]]
            why = home[1]
        for surface in (actor.name, *seen.get(canon.name, ())):
            if surface and surface not in canon.aliases and surface != canon.name:
                canon.aliases = [*canon.aliases, surface]
        resolved.append(canon)
        mention.explain("actors", "actor table", detail=f"{actor.name!r} -> {canon.name}: {why}")
    mention.actors = resolved


STATE_SIDE = ("state", "state_force", "government")


def _home_forces(name: str, mention: Mention, context: Any) -> tuple[str, str] | None:
    """ "troops", "the military", "soldiers" with no state named: in a report about the one
    country the incident took place in, that country's forces. A report that also names
    another country or another state's forces ("Kenyan troops", "US officials") leaves it
    unresolved."""
    from claimwatch.resolve.actor import ActorTable

    iso3 = mention.place.iso3 if mention.place is not None else None
    if not iso3:
        return None
    table = ActorTable.load()
    match = table.match(name, iso3)
    if match is None or match.entry.category != "state_force" or table.match(name) is not None:
        return None
    weights = getattr(context, "countries", None) or {}
    if {c for c, w in weights.items() if w >= 0.25} - {iso3}:
        return None
    named = {m.entry.country for sent in mention.sentences
             for _s, _e, m in table.find_mentions(sent.text) if m.entry.category in STATE_SIDE}
    if named - {iso3}:
        return None
    return str(match.entry.name), f"{name!r}: the forces of {iso3}, the one country the " \
        f"report is about ({match.rule})"
