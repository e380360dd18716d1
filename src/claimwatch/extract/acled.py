"""ACLED event_type / sub_event_type from an incident's attack types and target."""

from __future__ import annotations

import re
from functools import lru_cache

from claimwatch.extract.lexicon import CueWords, lexicon
from claimwatch.model import Mention

# Which attack type decides the ACLED category when several are present, first wins.
PRIORITY = ("suicide", "drone", "airstrike", "missile", "rocket", "artillery", "mortar", "ied",
            "bombing", "abduction", "shooting", "ground_assault", "arson", "interception",
            "other")
ARMED_TARGETS = {"military", "vessel"}


def acled_types(mention: Mention) -> tuple[str, str]:
    """(event_type, sub_event_type) per ACLED's codebook."""
    table = lexicon().acled
    types = set(mention.attack_types)
    if types & {"bombing", "ied"} and any(tells_suicide_attack(s.text)
                                          for s in mention.sentences):
        types.add("suicide")
    hurt = bool(mention.fatalities.low or mention.fatalities.high
                or mention.injured.low or mention.injured.high)
    first = _first_trigger(mention)
    if types == {"interception"} or (
            "interception" in types and not hurt and first in INTERCEPT_WORDS
            and not types & {"ground_assault", "shooting", "abduction"}):
        key = "interception"  # first told as shot down, no one hurt: disrupted weapons use
    else:
        key = next((t for t in PRIORITY if t in types and t != "interception"), "other")
    if key == "bombing" and _only_grenades(mention.weapons):
        # "a hand grenade thrown into a bar": ACLED's Grenade; grenades thrown by gunmen who
        # also opened fire are a part of an armed attack, told as the shooting is
        key = "shooting" if types & {"shooting", "ground_assault"} else "grenade"
    if _battle(mention, lexicon().cues.get("battle_words", [])) and types & {
            "ground_assault", "shooting", "artillery", "mortar", "rocket", "drone", "other"}:
        # "fighting", "clashes" between armed sides: ACLED's Battles, whatever the weapons
        return tuple(table["shooting_armed"])  # type: ignore[return-value]
    if key in ("shooting", "ground_assault", "arson", "other"):
        armed = any(t.type in ARMED_TARGETS for t in mention.targets)
        civilian = any(t.type == "civilian" for t in mention.targets) or \
            mention.fatalities.is_known and not armed
        if first in CIVILIAN_WORDS:
            # "summarily executed 14 captured soldiers": people who could not fight back
            key = "shooting" if key != "arson" else "arson"
        elif key == "ground_assault" and not civilian:
            key = "ground_assault"
        elif civilian and not armed:
            key = "shooting" if key != "arson" else "arson"
        else:
            key = "shooting_armed"
    event_type, sub_type = table[key]
    return event_type, sub_type


GRENADE_WEAPONS = CueWords("acled", "grenade_weapons")


def _only_grenades(weapons: list[str]) -> bool:
    """Every weapon named is a thrown grenade ("hand grenade"; not a rocket-propelled one)."""
    return bool(weapons) and all(
        w.split()[-1] in GRENADE_WEAPONS and "rocket" not in w for w in weapons)


TRIGGER_RULE = re.compile(r"\b(?:noun|verb|phrase) '([^']+)'")
INTERCEPT_WORDS = CueWords("acled", "intercept_words")
CIVILIAN_WORDS = CueWords("acled", "civilian_words")  # "executed", "massacred"


SUICIDE_PHRASES = CueWords("suicide_attack", "phrases", file="weapons.json")


@lru_cache(maxsize=1)
def _suicide_pattern() -> re.Pattern[str]:
    phrases = sorted(SUICIDE_PHRASES, key=len, reverse=True)
    alts = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"\b(?:{alts})(?:s|ers?)?\b", re.IGNORECASE)


def tells_suicide_attack(sentence: str) -> bool:
    """Whether a sentence tells a suicide attack ("a suicide bomber", "blew himself up"),
    by the phrases in weapons.json; "a suicide prevention clinic" does not."""
    return _suicide_pattern().search(sentence) is not None


def _first_trigger(mention: Mention) -> str | None:
    """The word the incident is first named with (its first trigger's lexicon entry)."""
    rules = " ".join(e.detail or "" for e in mention.explanations if e.field == "attack_types")
    first = TRIGGER_RULE.search(rules.split(";")[0]) if rules else None
    return first.group(1).lower() if first else None


def _battle(mention: Mention, words: list[str]) -> bool:
    """Whether the incident is first named with a battle word ("fighting", "clashes"); a
    later "fled the fighting" does not make a shelling a battle."""
    first = _first_trigger(mention)
    return first is not None and first in words
