"""Checks on the actor table that a JSON Schema alone cannot express.

Run by the tests (tests/test_actor.py) on the packaged table; run them after every edit
to ``data/actors.json``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from typing import Any

import jsonschema
import pycountry

from claimwatch.resolve.actor_index import key_of


def read_schema() -> dict[str, Any]:
    """The JSON Schema of the actor table."""
    ref = resources.files("claimwatch").joinpath("data/actors.schema.json")
    schema: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    return schema


def check_actor_table(raw: dict[str, Any]) -> list[str]:
    """Every problem found in a raw actor table; an empty list means it is sound."""
    validator = jsonschema.Draft202012Validator(read_schema())
    problems = [f"schema: {'/'.join(map(str, e.path))}: {e.message}"
                for e in validator.iter_errors(raw)]
    if problems:
        return problems
    actors: list[dict[str, Any]] = raw["actors"]
    problems += _unique_names_and_handles(actors)
    problems += _countries(actors)
    problems += _alias_collisions(actors, raw["shared_aliases"])
    names = {a["name"] for a in actors}
    problems += [f"{a['name']!r}: affiliation {a['affiliation']!r} is not an actor of the table"
                 for a in actors if a["affiliation"] and a["affiliation"] not in names]
    return problems


def _unique_names_and_handles(actors: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    handles: dict[str, str] = {}
    for a in actors:
        name = a["name"].casefold()
        if name in seen:
            problems.append(f"duplicate canonical name {a['name']!r}")
        seen[name] = a["name"]
        for h in a["handles"]:
            if h.casefold() in handles:
                problems.append(f"handle @{h} on both {handles[h.casefold()]!r} and {a['name']!r}")
            handles[h.casefold()] = a["name"]
    return problems


def _countries(actors: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    states: dict[str, str] = {}
    for a in actors:
        iso3 = a["country"]
        if iso3 is not None and pycountry.countries.get(alpha_3=iso3) is None:
            problems.append(f"{a['name']!r}: {iso3!r} is not an ISO 3166 alpha-3 code")
        if a["category"] == "state" and iso3:
            if iso3 in states:
                problems.append(f"two states with country {iso3}: {states[iso3]!r}, {a['name']!r}")
            states[iso3] = a["name"]
        if a.get("state_role") and not iso3:
            problems.append(f"{a['name']!r} has a state_role but no country")
        if (a["category"] == "state") != (a["kind"] == "state"):
            problems.append(f"{a['name']!r}: kind 'state' goes with category 'state' only")
    return problems


def _alias_collisions(actors: list[dict[str, Any]], shared: dict[str, list[str]]) -> list[str]:
    names = {a["name"] for a in actors}
    problems = [f"shared alias {alias!r} lists {n!r}, which is not in the table"
                for alias, listed in shared.items() for n in listed if n not in names]
    shared_keys = {key_of(alias) for alias in shared}
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for a in actors:
        for alias in (a["name"], *a["aliases"], *a.get("metonyms", ())):
            key = key_of(alias)
            if not key:
                problems.append(f"{a['name']!r}: alias {alias!r} has no letters or digits")
            owners[key].add(a["name"])
    for key, who in owners.items():
        if len(who) > 1 and key not in shared_keys:
            problems.append(f"alias {' '.join(key)!r} belongs to {sorted(who)}: "
                            "keep it on one actor or list it under shared_aliases")
    return problems

