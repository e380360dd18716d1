"""The resolve stage: surface places and actors of each mention -> canonical records.

Requires: mentions with ``place_text`` and surface actor names, the spaCy Doc.
Assigns: ``mention.place`` (gazetteer, with ACLED precision) and canonical actors
(actor table), each with an explanation of the rule that decided it.
"""

from __future__ import annotations

from typing import Any

from claimwatch.model import Mention

PLACE_LABELS = ("GPE", "LOC", "FAC", "NORP")


def resolve_mentions(sdoc: Any, mentions: list[Mention]) -> Any:
    """Resolve every mention's place and actors against the whole report's context."""
    from claimwatch.resolve.place import document_context

    ents = [(str(e.text), str(e.label_)) for e in sdoc.ents if e.label_ in PLACE_LABELS]
    context = document_context(sdoc.text, ents)
    for mention in mentions:
        resolve_place_of(mention, context)
        resolve_actors_of(mention)
    return context


def resolve_place_of(mention: Mention, context: Any) -> None:
    from claimwatch.resolve.place import resolve_place

    if not mention.place_text:
        mention.explain("location", "no place phrase tied to the incident")
        return
    place, why = resolve_place(mention.place_text, context)
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
