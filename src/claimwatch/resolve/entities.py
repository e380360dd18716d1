"""The resolve stage: surface places and actors of each mention -> canonical records.

Requires: mentions with ``place_text`` and surface actor names, the spaCy Doc.
Assigns: ``mention.place`` (gazetteer, with ACLED precision) and canonical actors
(actor table), each with an explanation of the rule that decided it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimwatch.model import Mention, Place

PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")


def report_context(sdoc: Any) -> Any:
    """The places a whole report names, which disambiguate each single place."""
    from claimwatch.resolve.place import document_context

    ents = [(str(e.text), str(e.label_)) for e in sdoc.ents if e.label_ in PLACE_LABELS]
    return document_context(sdoc.text, ents)


def locator(context: Any) -> Callable[[str], Place | None]:
    """A cached phrase -> Place lookup against one report's context (used for grouping)."""
    from claimwatch.resolve.place import resolve_place

    cache: dict[str, Place | None] = {}

    def locate(phrase: str) -> Place | None:
        if phrase not in cache:
            place, why = resolve_place(phrase, context)
            cache[phrase] = place if place is not None and in_context(place, context, why) \
                else None
        return cache[phrase]

    return locate


def in_context(place: Place, context: Any, why: str = "") -> bool:
    """A town found only through a spelling variant must lie in a country the report is
    about (a namesake abroad is not the incident's place); exact names always stand."""
    if "spelling" not in why and "fuzzy" not in why:
        return True
    countries = {iso for iso, w in (getattr(context, "countries", None) or {}).items()
                 if w >= 0.25}
    return not countries or place.precision >= 3 or place.iso3 is None or place.iso3 in countries


def resolve_mentions(mentions: list[Mention], context: Any) -> None:
    """Resolve every mention's place and actors against the whole report's context."""
    for mention in mentions:
        resolve_place_of(mention, context)
        resolve_actors_of(mention)


def resolve_place_of(mention: Mention, context: Any) -> None:
    from claimwatch.resolve.place import resolve_place

    if not mention.place_text:
        mention.explain("location", "no place phrase tied to the incident")
        return
    place, why = resolve_place(mention.place_text, context)
    if place is not None and not in_context(place, context, why):
        why = f"{place.name} ({place.iso3}) lies outside the countries the report names"
        place = None
    mention.place = place
    mention.explain("location", "gazetteer", detail=f"{mention.place_text!r}: {why}")


def resolve_actors_of(mention: Mention) -> None:
    from claimwatch.resolve.actor import resolve_actor

    resolved = []
    for actor in mention.actors:
        canon, why = resolve_actor(actor.name, actor.role)
        if actor.name not in canon.aliases and actor.name != canon.name:
            canon.aliases = [*canon.aliases, actor.name]
        resolved.append(canon)
        mention.explain("actors", "actor table", detail=f"{actor.name!r} -> {canon.name}: {why}")
    mention.actors = resolved
