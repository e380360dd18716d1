"""Lexicons for extraction, loaded once from the package's data files."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
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
    verb_subjects: dict[str, list[str]]
    verb_object_types: dict[str, dict[str, list[str]]]
    phrasal: dict[str, dict[str, list[str]]]
    verb_not_with: dict[str, list[str]]
    phrasal_figurative: dict[str, list[str]]
    needs_date: frozenset[str]
    weapon_subject_verbs: frozenset[str]
    nouns: dict[str, list[str]]
    noun_modifiers: dict[str, list[str]]
    acled: dict[str, list[str]]
    weapons: dict[str, str]
    not_weapons: frozenset[str]
    cues: dict[str, Any]
    weapon_not_modifiers: frozenset[str] = frozenset()
    weapon_max_tokens: int = 3
    # phrases in which a weapon word names something else ("a gold mine")
    not_weapon_phrases: frozenset[str] = frozenset()
    # type -> {"words": [...], "yields_to": [...]}: "shells" after "mortar rounds"
    vague_types: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def weapon_span(self, tok: Any, max_words: int | None = None) -> tuple[str, int, int] | None:
        """The longest weapon name of two or more words (``max_words`` at most) covering the
        word, as (attack type, first word index, last word index): "rocket-propelled grenades"
        is one weapon, not a rocket and a grenade. Words are matched as written, the last also
        by its lemma. A phrase in which a weapon word names something else ("a gold mine") has
        type "".

        This is the one place where weapon phrases are matched; ``weapon_at``,
        ``weapon_type_at`` and ``phrase_type_ending_at`` read their answers from it."""
        doc, sent = tok.doc, tok.sent
        longest = min(max_words or self.weapon_max_tokens, self.weapon_max_tokens)
        for size in range(longest, 1, -1):
            for start in range(tok.i - size + 1, tok.i + 1):
                end = start + size - 1
                if start < sent.start or end >= sent.end:
                    continue
                last = doc[end]
                prefix = "".join(t.text_with_ws for t in doc[start:end]).lower()
                forms = (prefix + last.lower_, prefix + str(last.lemma_).lower())
                wtype = self.weapons.get(forms[0]) or self.weapons.get(forms[1])
                if wtype:
                    return wtype, start, end
                if any(f in self.not_weapon_phrases for f in forms):
                    return "", start, end
        return None

    def weapon_at(self, tok: Any) -> tuple[str, int, int] | None:
        """The weapon name the word is part of, as ``weapon_span`` gives it: the longest
        phrase covering the word, else the word alone, by its lemma or as written."""
        named = self.weapon_span(tok)
        if named is not None:
            return named
        wtype = self.weapons.get(str(tok.lemma_).lower()) or self.weapons.get(tok.lower_)
        return (wtype, tok.i, tok.i) if wtype else None

    def weapon_type_at(self, tok: Any) -> str | None:
        """The attack type of the weapon name the word is part of: "suicide bomber" is a
        bombing though "bomber" alone is an aircraft; "roadside bomb" an IED."""
        named = self.weapon_at(tok)
        return (named[0] or None) if named is not None else None

    def phrase_type_ending_at(self, tok: Any, max_words: int | None = None) -> str | None:
        """The type of the weapon phrase of two or more words (``max_words`` at most) that
        ends at the word ("" for a phrase that names something else, "a gold mine"); None when
        the longest phrase covering the word does not end there, or there is none."""
        named = self.weapon_span(tok, max_words)
        return named[0] if named is not None and named[2] == tok.i else None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The trigger, weapon and cue lexicons."""
    trig = load_data("triggers.json")
    weap = load_data("weapons.json")
    cues = load_data("cues.json")
    return Lexicon(
        verbs=trig["verbs"],
        verb_objects={k: v for k, v in trig["verb_objects"].items() if not k.startswith("_")},
        verb_subjects={k: v for k, v in trig.get("verb_subjects", {}).items()
                       if not k.startswith("_")},
        verb_object_types={k: v for k, v in trig.get("verb_object_types", {}).items()
                           if not k.startswith("_")},
        phrasal={k: v for k, v in trig["phrasal"].items() if not k.startswith("_")},
        verb_not_with={k: v for k, v in trig["verb_not_with"].items() if not k.startswith("_")},
        phrasal_figurative={k: v for k, v in trig["phrasal_figurative"].items()
                            if not k.startswith("_")},
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
        weapon_not_modifiers=frozenset(weap.get("not_modifiers", [])),
        weapon_max_tokens=max(len(WORD_PIECES.findall(w))
                              for w in [*weap["words"], *weap["not_weapon_phrases"]]),
        not_weapon_phrases=frozenset(weap["not_weapon_phrases"]),
        vague_types=weap["vague_types"],
    )


# how the tokenizer cuts a weapon name: words, and hyphens and other marks on their own
WORD_PIECES = re.compile(r"\w+|[^\w\s]")


@lru_cache(maxsize=16)
def _data_file(name: str) -> Any:
    return load_data(name)


@lru_cache(maxsize=128)
def _word_set(file: str, section: str, key: str) -> frozenset[str]:
    return frozenset(_data_file(file)[section][key])


@lru_cache(maxsize=128)
def _pattern(file: str, section: str, key: str, flags: int) -> re.Pattern[str]:
    raw = _data_file(file)[section][key]
    return re.compile("".join(raw) if isinstance(raw, list) else raw, flags)


class CueWords(AbstractSet[str]):
    """A word list from a data file (``cues.json`` unless told) that reads like a frozenset
    and loads on first use."""

    def __init__(self, section: str, key: str, *, file: str = "cues.json") -> None:
        self._file, self._section, self._key = file, section, key

    @classmethod
    def _from_iterable(cls, it: Iterable[Any]) -> frozenset[Any]:
        return frozenset(it)

    def words(self) -> frozenset[str]:
        return _word_set(self._file, self._section, self._key)

    def __contains__(self, item: object) -> bool:
        return item in self.words()

    def __iter__(self) -> Iterator[str]:
        return iter(self.words())

    def __len__(self) -> int:
        return len(self.words())

    def __repr__(self) -> str:
        return f"CueWords({self._section!r}, {self._key!r}, file={self._file!r})"


class CuePattern:
    """A regex from a data file (``cues.json`` unless told; a string or a list of string
    pieces), compiled on first use."""

    def __init__(self, section: str, key: str, flags: int = 0, *, file: str = "cues.json") -> None:
        self._file, self._section, self._key, self._flags = file, section, key, flags

    @property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self._file, self._section, self._key, self._flags)

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.search(string, pos)

    def match(self, string: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.match(string, pos)

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(string)

    def findall(self, string: str) -> list[Any]:
        return self.pattern.findall(string)

    def sub(self, repl: str, string: str) -> str:
        return self.pattern.sub(repl, string)
