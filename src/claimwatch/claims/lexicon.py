"""The claims stage's cue lists, read once from the data files under claimwatch/data."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from claimwatch.extract.lexicon import CuePattern, CueWords


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs, noun cues, silence and evidence patterns, speaker-kind words, states."""

    verbs: dict[str, str]
    verbs_needing_content: frozenset[str]
    nouns: dict[str, str]
    attribution_phrases: tuple[str, ...]
    silence: tuple[re.Pattern[str], ...]
    kinds: dict[str, tuple[str, ...]]
    anaphor_heads: frozenset[str]
    pronouns: dict[str, str]
    countries: dict[str, str]          # lower-cased name / demonym / capital -> ISO3
    country_names: dict[str, str]      # ISO3 -> usual short name
    evidence_kinds: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]
    evidence_against: tuple[re.Pattern[str], ...]
    against_kind: str
    toll_verbs: frozenset[str] = frozenset()   # 'put the death toll at 13' reports a count
    toll_nouns: frozenset[str] = frozenset()
    responsibility_verbs: frozenset[str] = frozenset()   # 'took responsibility' claims
    holding_verbs: frozenset[str] = frozenset()   # 'holds X responsible' blames X
    holding_complements: frozenset[str] = frozenset()
    admission: tuple[str, ...] = ()     # a perpetrator owning up: 'a grave mistake'
    titles: frozenset[str] = frozenset()  # words before a person's name: 'Lt Gen', 'Dr'
    observation_verbs: frozenset[str] = frozenset()   # 'a Reuters team saw ...' reports
    observer_nouns: frozenset[str] = frozenset()
    verdict_verbs: frozenset[str] = frozenset()   # 'X called the attack "barbaric"' speaks


def _read(name: str) -> Any:
    return json.loads(resources.files("claimwatch.data").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue lists (cached for the process)."""
    lex = _read("claims_lexicon.json")
    ev = _read("claims_evidence.json")
    countries: dict[str, str] = {}
    names: dict[str, str] = {}
    for iso3, forms in _read("claims_countries.json")["countries"].items():
        names[iso3] = forms[0]
        for form in forms:
            countries.setdefault(form.lower(), iso3)
    flags = re.IGNORECASE
    return Lexicon(
        verbs=dict(lex["verbs"]),
        verbs_needing_content=frozenset(lex["verb_requires_content"]),
        nouns=dict(lex["nouns"]),
        attribution_phrases=tuple(lex["attribution_phrases"]),
        silence=tuple(re.compile(p, flags) for p in lex["silence"]),
        kinds={k: tuple(v) for k, v in lex["kinds"].items()},
        anaphor_heads=frozenset(lex["anaphor_heads"]),
        pronouns=dict(lex["pronouns"]),
        countries=countries,
        country_names=names,
        evidence_kinds=tuple(
            (k["kind"], re.compile(k["pattern"], flags),
             re.compile(k["requires"], flags) if k.get("requires") else None)
            for k in ev["kinds"]),
        evidence_against=tuple(re.compile(p, flags) for p in ev["against"]),
        against_kind=ev["against_kind"],
        toll_verbs=frozenset(lex.get("toll_verbs", ())),
        toll_nouns=frozenset(lex.get("toll_nouns", ())),
        responsibility_verbs=frozenset(lex.get("responsibility_verbs", ())),
        holding_verbs=frozenset(lex.get("holding_verbs", ())),
        holding_complements=frozenset(lex.get("holding_complements", ())),
        admission=tuple(lex.get("admission", ())),
        titles=frozenset(lex.get("titles", ())),
        observation_verbs=frozenset(lex.get("observation_verbs", ())),
        observer_nouns=frozenset(lex.get("observer_nouns", ())),
        verdict_verbs=frozenset(lex.get("verdict_verbs", ())),
    )


_NON_WORD = re.compile(r"[^a-z0-9.'-]+")


def has_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether any cue word or phrase occurs in text as whole words (case-insensitive)."""
    padded = " " + _NON_WORD.sub(" ", text.lower()) + " "
    padded = padded.replace(". ", " ")
    return any(re.search(rf"\b{re.escape(w.strip())}\b", text) if _ACRONYM.fullmatch(w.strip())
               else f" {w.strip().rstrip('.')} " in padded for w in words)


_ACRONYM = re.compile(r"[A-Z]{2,}")   # 'WHO' in capitals only: 'who' is a pronoun


def countries_in(text: str) -> set[str]:
    """The ISO3 of every state named in text by name, demonym or capital."""
    lex = lexicon()
    return {lex.countries[m.group(0)] for m in _country_pattern().finditer(text.lower())
            if m.group(0) not in ("us", "u.s.") or text[m.start():m.end()] in ("US", "U.S.")}


def country_in(text: str) -> str | None:
    """The ISO3 of the first state named in text by name, demonym or capital, if any."""
    lex = lexicon()
    for m in _country_pattern().finditer(text.lower()):
        form = m.group(0)
        if form in ("us", "u.s.") and text[m.start():m.end()] not in ("US", "U.S."):
            continue
        return lex.countries[form]
    return None


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str]:
    forms = sorted(lexicon().countries, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")


def strip_titles(name: str) -> str:
    """A person's name without leading titles ('Lt Gen Amos Levin' -> 'Amos Levin')."""
    words = name.split()
    titles = lexicon().titles
    while len(words) > 2 and words[0].lower() in titles:
        words = words[1:]
    return " ".join(words)


def claims_words(section: str, key: str) -> CueWords:
    """A word list of ``claims_lexicon.json``, read like a frozenset, loaded on first use."""
    return CueWords(section, key, file="claims_lexicon.json")


def claims_pattern(section: str, key: str, flags: int = 0) -> CuePattern:
    """A regex of ``claims_lexicon.json``, compiled on first use."""
    return CuePattern(section, key, flags, file="claims_lexicon.json")
