"""The actor table's records and how it is read from the package.

``ActorEntry`` mirrors one line of ``data/actors.json`` (see docs/actors.md);
``ActorMatch`` is what matching returns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import pycountry

from claimwatch.errors import ClaimwatchError
from claimwatch.resolve.actor_index import key_of


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the table, with every name it goes by."""

    name: str
    kind: str
    category: str
    aliases: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    affiliation: str | None = None
    country: str | None = None
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    state_role: str | None = None
    text_exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMatch:
    """A surface form resolved to a table entry, how sure, and by which rule."""

    entry: ActorEntry
    score: float
    rule: str


@dataclass(frozen=True)
class AliasHit:
    """One reading of an index key: which entry, spelled how, by which kind of alias."""

    entry: int
    words: tuple[str, ...]   # the alias as written, for case conditions
    kind: str                # name | alias | metonym | demonym | shared
    label: str
    in_text: bool = True


@dataclass
class ScanHit:
    """An alias found in a text: its span and the reading chosen."""

    start: int
    end: int
    hit: AliasHit
    possessive: bool = False
    extra: list[str] = field(default_factory=list)


def entry_from(raw: dict[str, Any]) -> ActorEntry:
    """An entry from one JSON object of the table."""
    return ActorEntry(
        name=raw["name"], kind=raw["kind"], category=raw["category"],
        aliases=tuple(raw.get("aliases") or ()), handles=tuple(raw.get("handles") or ()),
        affiliation=raw.get("affiliation"), country=raw.get("country"),
        demonyms=tuple(raw.get("demonyms") or ()), metonyms=tuple(raw.get("metonyms") or ()),
        state_role=raw.get("state_role"), text_exclude=tuple(raw.get("text_exclude") or ()),
    )


def read_table_json() -> dict[str, Any]:
    """The raw actor table as shipped in the package."""
    ref = resources.files("claimwatch").joinpath("data/actors.json")
    try:
        data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ClaimwatchError(
            f"the actor table cannot be read ({exc}); reinstall claimwatch or fix the JSON",
            source="claimwatch/data/actors.json",
        ) from exc
    return data


def pycountry_names(known: set[str | None]) -> dict[tuple[str, ...], ActorEntry]:
    """States the table does not list, by their pycountry names."""
    out: dict[tuple[str, ...], ActorEntry] = {}
    for c in pycountry.countries:
        if c.alpha_3 in known:
            continue
        name = getattr(c, "common_name", None) or c.name
        entry = ActorEntry(name=name, kind="state", category="state", country=c.alpha_3)
        for n in {c.name, name, getattr(c, "official_name", None)} - {None}:
            out.setdefault(key_of(str(n)), entry)
    return out
