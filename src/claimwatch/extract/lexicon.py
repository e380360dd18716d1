"""Lexicons for extraction, loaded once from the package's data files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


def load_data(name: str) -> Any:
    """A JSON data file shipped in ``claimwatch/data``."""
    with resources.files("claimwatch.data").joinpath(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, list[str]]
    verb_objects: dict[str, list[str]]
    phrasal: dict[str, dict[str, list[str]]]
    verb_not_with: dict[str, list[str]]
    needs_date: frozenset[str]
    weapon_subject_verbs: frozenset[str]
    nouns: dict[str, list[str]]
    noun_modifiers: dict[str, list[str]]
    acled: dict[str, list[str]]
    weapons: dict[str, str]
    not_weapons: frozenset[str]
    cues: dict[str, Any]

    def weapon_type(self, phrase: str) -> str | None:
        return self.weapons.get(phrase.lower())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The trigger, weapon and cue lexicons."""
    trig = load_data("triggers.json")
    weap = load_data("weapons.json")
    cues = load_data("cues.json")
    return Lexicon(
        verbs=trig["verbs"],
        verb_objects={k: v for k, v in trig["verb_objects"].items() if not k.startswith("_")},
        phrasal={k: v for k, v in trig["phrasal"].items() if not k.startswith("_")},
        verb_not_with={k: v for k, v in trig["verb_not_with"].items() if not k.startswith("_")},
        needs_date=frozenset(trig["needs_date"]["nouns"] + trig["needs_date"]["verbs"]),
        weapon_subject_verbs=frozenset(trig["verbs_need_weapon_subject"]),
        nouns=trig["nouns"],
        noun_modifiers={
            k: v for k, v in trig["noun_requires_modifier"].items() if not k.startswith("_")
        },
        acled=trig["acled"],
        weapons=weap["words"],
        not_weapons=frozenset(weap.get("not_weapons", [])),
        cues=cues,
    )
