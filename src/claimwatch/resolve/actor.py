"""Who is named: surface forms of actors resolved to the team's actor table.

The table (``data/actors.json``, see docs/actors.md) holds armed groups, state forces and
institutions, states, news media, OSINT accounts, NGOs and IGOs with their aliases. A
surface form is resolved by, in order: a handle ("@sentdefender"); an exact alias (case,
accents, punctuation, a leading "the" and a possessive ignored); the other number of its
last word ("Houthi" / "Houthis"); a state's demonym or name with a head word ("Israeli
military", "Russia's defence ministry"); a country name known to pycountry; a known alias
inside a descriptive phrase ("Iran-backed Houthi rebels"); a bare head word with the
report's country ("the army" in a report about Mali); and last a guarded fuzzy match on
the whole string. Whatever matches nothing keeps its surface name with kind ``unknown``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from rapidfuzz import fuzz, process

from claimwatch.model import Actor
from claimwatch.resolve.actor_data import (
    ActorEntry,
    ActorMatch,
    AliasHit,
    ScanHit,
    entry_from,
    pycountry_names,
    read_table_json,
)
from claimwatch.resolve.actor_index import (
    Token,
    case_ok,
    contiguous,
    key_of,
    singular_plural,
    tokenize,
)

__all__ = [
    "ActorEntry", "ActorMatch", "ActorTable", "describe_actor", "find_actor_mentions",
    "resolve_actor",
]

_HANDLE_RE = re.compile(r"@(\w{1,30})")
_FUZZY_CUTOFF = 90.0
_TOKEN_CUTOFF = 85.0
_FUZZY_MIN_CHARS = 6
_STATE_RANK = {"individual": 0, "state": 2}
_CACHE_SIZE = 20_000
_PREPOSITIONS = frozenset(("to", "in", "for", "from", "at", "near", "with", "against", "on", "by"))


_PATRON_RE = re.compile(r"\s*['’]s\s+(\w+)(?:\s+(\w+))?")
_FACTION_OF_RE = re.compile(
    r"^(?:an?\s+|the\s+)?((?:[\w-]+\s+){0,2}?)(\w+)\s+of\s+(?:the\s+)?(?:former\s+|ex-)?(.+)$",
    re.I)


class ActorTable:
    """The actor table with its alias index; build once with :meth:`load`."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.entries: tuple[ActorEntry, ...] = tuple(entry_from(a) for a in raw["actors"])
        self._by_name = {e.name.casefold(): i for i, e in enumerate(self.entries)}
        self._by_handle = {h.casefold(): i for i, e in enumerate(self.entries) for h in e.handles}
        self._index: dict[tuple[str, ...], list[AliasHit]] = {}
        self._by_role: dict[tuple[str | None, str], int] = {}
        for i, e in enumerate(self.entries):   # the first entry listed for a role wins
            role = "state" if e.category == "state" else e.state_role
            if role and e.category != "individual":
                self._by_role.setdefault((e.country, role), i)
        self._heads: dict[tuple[str, ...], str] = {}
        self._demonyms: dict[tuple[str, ...], tuple[int, tuple[str, ...]]] = {}
        self._fallback: dict[str, list[str]] = raw.get("role_fallback") or {}
        self._no_state_fallback = frozenset(raw.get("no_state_fallback") or ())
        self._group_nouns = frozenset(w for g in raw.get("group_nouns", ()) for w in key_of(g))
        self._patron_nouns = frozenset(raw.get("patron_nouns", ()))
        self._faction_nouns = frozenset(raw.get("faction_nouns", ()))
        self._generic: frozenset[str] = frozenset(
            w for d in raw.get("descriptor_words", ()) for w in key_of(d))
        self._descriptors: set[str] = set(self._generic)
        self._place_suffixes = frozenset(
            w for p in raw.get("place_suffixes", ()) for w in key_of(p))
        self._build_aliases(raw.get("shared_aliases") or {})
        self._build_demonyms(raw.get("state_heads") or {})
        listed = {e.country for e in self.entries if e.category == "state"}
        self._countries = pycountry_names(listed)
        self._fuzzy_keys = {" ".join(k): k for k, hits in self._index.items()
                            if any(h.kind in ("name", "alias") for h in hits)
                            and len(" ".join(k)) >= _FUZZY_MIN_CHARS}
        self._fuzzy_choices = list(self._fuzzy_keys)
        self._cache: dict[tuple[str, str | None], ActorMatch | None] = {}
        self._first: dict[str, int] = {}
        for k in self._index:
            for variant in (k, *singular_plural(k)):
                self._first[variant[0]] = max(self._first.get(variant[0], 0), len(k))

    @classmethod
    def load(cls) -> ActorTable:
        """The packaged table, built once per process."""
        return _load_table()

    # ---- building -------------------------------------------------------------------
    def _add(self, alias: str, hit: AliasHit) -> None:
        key = key_of(alias)
        if key and not any(h.entry == hit.entry for h in self._index.get(key, [])):
            self._index.setdefault(key, []).append(hit)

    def _build_aliases(self, shared: dict[str, list[str]]) -> None:
        for i, e in enumerate(self.entries):
            excluded = {x.casefold() for x in e.text_exclude}
            for n, alias in enumerate((e.name, *e.aliases)):
                words = tuple(t.orig for t in tokenize(alias))
                self._add(alias, AliasHit(i, words, "name" if n == 0 else "alias", alias,
                                      alias.casefold() not in excluded))
                if e.category == "state":
                    self._descriptors.update(key_of(alias))
            for m in e.metonyms:
                self._add(m, AliasHit(i, tuple(t.orig for t in tokenize(m)), "metonym", m))
            for d in e.demonyms:
                self._descriptors.update(key_of(d))
                words = tuple(t.orig for t in tokenize(d))
                for form in (key_of(d), *singular_plural(key_of(d))):
                    self._demonyms.setdefault(form, (i, words))
        for alias, names in shared.items():
            key = key_of(alias)
            existing = self._index.get(key, [])
            words = tuple(t.orig for t in tokenize(alias))
            ordered: list[AliasHit] = []
            for listed in names:   # the listed order is the default preference
                idx = self._by_name.get(listed.casefold())
                if idx is None:
                    continue
                own = next((h for h in existing if h.entry == idx), None)
                ordered.append(replace(own, kind="shared", label=alias) if own
                               else AliasHit(idx, words, "shared", alias))
            self._index[key] = ordered + [h for h in existing
                                          if all(h.entry != o.entry for o in ordered)]

    def _build_demonyms(self, heads: dict[str, list[str]]) -> None:
        for role, phrases in heads.items():
            for p in phrases:
                self._heads.setdefault(key_of(p), role)
        for e in self.entries:
            if e.category != "state" or not e.country:
                continue
            prefixes = [(p, "demonym", tokenize(p)) for p in (*e.demonyms, e.name, *e.aliases)]
            prefixes += [(m, "metonym", tokenize(m)) for m in e.metonyms]   # "Kyiv's forces"
            for head_key, role in self._heads.items():
                target = self.role_entry(e.country, role)
                if target is None:
                    continue
                idx = self._by_name[target.name.casefold()]
                for prefix, kind, toks in prefixes:
                    if kind == "metonym" and role != "military":
                        continue
                    key = tuple(t.norm for t in toks) + head_key
                    if key not in self._index:
                        words = tuple(t.orig for t in toks) + head_key
                        label = f"{prefix} + {role} head '{' '.join(head_key)}'"
                        self._index[key] = [AliasHit(idx, words, kind, label)]

    # ---- lookups --------------------------------------------------------------------
    def by_name(self, name: str) -> ActorEntry | None:
        """The entry with this canonical name (case ignored)."""
        i = self._by_name.get(name.casefold())
        return self.entries[i] if i is not None else None

    def by_handle(self, handle: str) -> ActorEntry | None:
        """The entry that posts as this X/Twitter handle ("@" optional, case ignored)."""
        i = self._by_handle.get(handle.strip().lstrip("@").casefold())
        return self.entries[i] if i is not None else None

    def parent(self, entry: ActorEntry) -> ActorEntry | None:
        """The entry named as this one's affiliation (patron, parent or state)."""
        return self.by_name(entry.affiliation) if entry.affiliation else None

    def head_role(self, text: str) -> str | None:
        """The state role a bare head names ('army' -> military), or None."""
        return self._heads.get(key_of(text))

    def role_entry(self, country: str, role: str) -> ActorEntry | None:
        """The institution of a state for a role (military, government...), else the state."""
        for r in (role, *self._fallback.get(role, ())):
            i = self._by_role.get((country, r))
            if i is not None:
                return self.entries[i]
        if role in self._no_state_fallback:
            return None
        i = self._by_role.get((country, "state"))
        return self.entries[i] if i is not None else None

    def match(self, surface: str, country: str | None = None) -> ActorMatch | None:
        """The table entry a surface form names, or None; ``country`` (ISO3) breaks ties
        between shared aliases and lets bare heads ("the army") resolve."""
        text = surface.strip() if isinstance(surface, str) else ""
        if not text:
            return None
        key = (text, country)
        if key not in self._cache:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = self._match_uncached(text, country)
        return self._cache[key]

    def faction(self, text: str, country: str | None = None) -> ActorMatch | None | bool:
        """ "a dissident faction of the former FARC": the table's entry for the group's
        dissidents if it has one, else None (a faction is not the group itself); False
        when the phrase names no faction."""
        m = _FACTION_OF_RE.match(text)
        if m is None or not (m.group(2).lower() in self._faction_nouns or (
                m.group(2).lower() in ("group", "groups")
                and set(m.group(1).lower().split()) & self._faction_nouns)):
            return False
        whole = self._match_uncached(m.group(3), country)
        if whole is None:
            return False
        if re.search(r"(?i)\bdissidents?\b", m.group(1)):
            for name in (whole.entry.name, *whole.entry.aliases):
                found = self._match_exact(tokenize(f"{name} dissidents"), country)
                if found is not None:
                    return ActorMatch(found.entry, whole.score, f"dissidents of '{name}'")
        return None

    def _match_uncached(self, text: str, country: str | None) -> ActorMatch | None:
        faction = self.faction(text, country)
        if faction is not False:
            return faction if isinstance(faction, ActorMatch) else None
        handle = self._match_handle(text)
        if handle:
            return handle
        tokens = tokenize(text)
        while tokens and tokens[0].norm in ("the", "a", "an"):
            tokens = tokens[1:]
        if not tokens:
            return None
        return (self._match_exact(tokens, country)
                or self._match_demonym(tokens)
                or self._match_country(tokens)
                or self._match_inner(text, tokens, country)
                or self._match_head(tokens, country)
                or self._match_fuzzy(tokens))

    def find_mentions(self, text: str, *, metonyms: bool = False
                      ) -> list[tuple[int, int, ActorMatch]]:
        """Every actor named in a text, longest alias first, as (start, end, match)."""
        out = [(f.start, f.end, self._to_match(f.hit, 1.0, f.extra))
               for f in self._scan(text, tokenize(text), strict=True, metonyms=metonyms)]
        for m in _HANDLE_RE.finditer(text):
            entry = self.by_handle(m.group(1))
            if entry and not any(s <= m.start() < e for s, e, _ in out):
                out.append((m.start(), m.end(), ActorMatch(entry, 1.0, f"handle @{m.group(1)}")))
        return sorted(out, key=lambda x: x[0])

    def names_patron(self, text: str, end: int) -> bool:
        """The actor named just before ``end`` is a possessor that describes another actor
        by its patron ("JNIM, al-Qaeda's affiliate in the Sahel"): not a referent."""
        m = _PATRON_RE.match(text, end)
        return bool(m and {w.lower() for w in m.groups() if w} & self._patron_nouns)

    # ---- matching steps -------------------------------------------------------------
    def _match_handle(self, text: str) -> ActorMatch | None:
        found = {h: self.by_handle(h) for h in _HANDLE_RE.findall(text)}
        entries = {e.name: (h, e) for h, e in found.items() if e is not None}
        if len(entries) == 1:
            h, e = next(iter(entries.values()))
            return ActorMatch(e, 1.0, f"handle @{h}")
        return None

    def _pick(self, hits: list[AliasHit], words: tuple[str, ...], country: str | None,
              strict: bool = False) -> AliasHit | None:
        usable = [h for h in hits if case_ok(h.words, words, strict=strict)]
        if country:
            for h in usable:
                if self.entries[h.entry].country == country:
                    return h
        return usable[0] if usable else None

    def _match_exact(self, tokens: list[Token], country: str | None) -> ActorMatch | None:
        key = tuple(t.norm for t in tokens)
        words = tuple(t.orig for t in tokens)
        hit = self._pick(self._index.get(key, []), words, country)
        if hit:
            return self._to_match(hit, 1.0 if hit.kind != "demonym" else 0.95)
        for other in singular_plural(key):
            hit = self._pick(self._index.get(other, []), words, country)
            if hit:
                return self._to_match(hit, 0.97, [f"number variant of '{' '.join(words)}'"])
        return None

    def _match_demonym(self, tokens: list[Token]) -> ActorMatch | None:
        """A demonym alone ("the Russians", "Israeli") names the state."""
        found = self._demonyms.get(tuple(t.norm for t in tokens))
        if found is None or not case_ok(found[1], tuple(t.orig for t in tokens), strict=False):
            return None
        entry = self.entries[found[0]]
        return ActorMatch(entry, 0.85, f"demonym alone '{' '.join(t.orig for t in tokens)}' "
                                       f"-> {entry.name}")

    def _match_country(self, tokens: list[Token]) -> ActorMatch | None:
        entry = self._countries.get(tuple(t.norm for t in tokens))
        if entry is None:
            return None
        return ActorMatch(entry, 0.95, f"country name '{entry.name}' (pycountry)")

    def _match_inner(self, text: str, tokens: list[Token], country: str | None
                     ) -> ActorMatch | None:
        found = self._scan(text, tokens, strict=False, metonyms=True, country=country)
        if not found:
            return None
        covered = {i for i, t in enumerate(tokens) for f in found if f.start <= t.start < f.end}
        rest = [t.norm for i, t in enumerate(tokens) if i not in covered]
        if any(w not in self._descriptors for w in rest):
            return None
        heads = self._phrase_heads(tokens, found)
        best = min(reversed(heads), key=lambda f: _STATE_RANK.get(
            self.entries[f.hit.entry].category, 1))
        if self.entries[best.hit.entry].category == "state" and self._group_nouns & set(rest):
            return None   # "Iran-backed militias" are not Iran
        match = self._to_match(best.hit, 0.9, best.extra)
        return ActorMatch(match.entry, 0.9, f"{match.rule}, inside the phrase '{text}'")

    @staticmethod
    def _phrase_heads(tokens: list[Token], found: list[ScanHit]) -> list[ScanHit]:
        """The names a phrase is about: not the object of a preposition ("envoy to the UN"),
        and not an owner in the possessive ("PIJ's Jenin Brigade"), unless nothing else."""
        def after_preposition(f: ScanHit) -> bool:
            before = [t.norm for t in tokens if t.end <= f.start]
            while before and before[-1] in ("the", "a", "an"):
                before.pop()
            return bool(before) and before[-1] in _PREPOSITIONS
        free = [f for f in found if not after_preposition(f)] or found
        return [f for f in free if not f.possessive] or free

    def _match_head(self, tokens: list[Token], country: str | None) -> ActorMatch | None:
        words = [t.norm for t in tokens]
        while words and words[0] in self._descriptors and tuple(words) not in self._heads:
            words = words[1:]
        role = self._heads.get(tuple(words))
        if not country or role is None:
            return None
        entry = self.role_entry(country, role)
        if entry is None:
            return None
        return ActorMatch(entry, 0.8, f"bare head '{' '.join(words)}' ({role}) of {country}")

    def _match_fuzzy(self, tokens: list[Token]) -> ActorMatch | None:
        query = " ".join(t.norm for t in tokens)
        if len(query) < _FUZZY_MIN_CHARS:
            return None
        best = process.extractOne(query, self._fuzzy_choices, scorer=fuzz.ratio,
                                  score_cutoff=_FUZZY_CUTOFF)
        if best is None:
            return None
        alias_key = self._fuzzy_keys[best[0]]
        if not self._tokens_agree([t.norm for t in tokens], list(alias_key)):
            return None
        hit = self._index[alias_key][0]
        entry = self.entries[hit.entry]
        return ActorMatch(entry, round(best[1] / 100, 3),
                          f"fuzzy ratio {best[1]:.1f} against alias '{hit.label}'")

    def _tokens_agree(self, left: list[str], right: list[str]) -> bool:
        """No distinctive word on either side lacks a close counterpart on the other."""
        def covered(words: list[str], other: list[str]) -> bool:
            return all(w in self._generic or any(
                fuzz.ratio(w, o) >= _TOKEN_CUTOFF for o in other) for w in words)
        return covered(left, right) and covered(right, left)

    def _scan(self, text: str, tokens: list[Token], *, strict: bool, metonyms: bool,
              country: str | None = None) -> list[ScanHit]:
        found: list[ScanHit] = []
        i, n = 0, len(tokens)
        while i < n:
            hit_at = self._longest_at(text, tokens, i, strict, metonyms, country)
            if hit_at is None:
                i += 1
                continue
            j, hit, extra = hit_at
            if self._is_place_name(hit, tokens, j):
                i = j
                continue
            found.append(ScanHit(tokens[i].start, tokens[j - 1].end, hit,
                                tokens[j - 1].possessive, extra))
            i = j
        return found

    def _is_place_name(self, hit: AliasHit, tokens: list[Token], j: int) -> bool:
        """A state or capital named as part of a place ("Jordan Valley", "Kyiv region")."""
        state_like = hit.kind == "metonym" or self.entries[hit.entry].category == "state"
        return state_like and j < len(tokens) and tokens[j].norm in self._place_suffixes

    def _longest_at(self, text: str, tokens: list[Token], i: int, strict: bool,
                    metonyms: bool, country: str | None
                    ) -> tuple[int, AliasHit, list[str]] | None:
        longest = self._first.get(tokens[i].norm, 0)
        for j in range(min(len(tokens), i + longest), i, -1):
            key = tuple(t.norm for t in tokens[i:j])
            words = tuple(t.orig for t in tokens[i:j])
            note = [f"number variant of '{' '.join(words)}'"]
            variants: list[tuple[tuple[str, ...], list[str]]] = [(key, [])]
            variants += [(k, note) for k in singular_plural(key)]
            for k, extra in variants:
                hits = [h for h in self._index.get(k, [])
                        if (h.in_text or not strict) and (metonyms or h.kind != "metonym")]
                hit = self._pick(hits, words, country, strict=strict) if hits else None
                if hit and contiguous(text, tokens, i, j):
                    return j, hit, extra
        return None

    def _to_match(self, hit: AliasHit, score: float, extra: list[str] | None = None) -> ActorMatch:
        entry = self.entries[hit.entry]
        if hit.kind == "demonym":
            rule = f"demonym: {hit.label} -> {entry.name}"
        elif hit.kind == "metonym" and " + " in hit.label:
            rule = f"metonym: {hit.label} -> {entry.name}"
        elif hit.kind == "metonym":
            rule = f"metonym '{hit.label}' for {entry.name}"
        elif hit.kind == "shared":
            rule = f"shared alias '{hit.label}' (preferred reading {entry.name})"
        else:
            rule = f"{'name' if hit.kind == 'name' else 'alias'} '{hit.label}'"
        if extra:
            rule += f" ({'; '.join(extra)})"
        return ActorMatch(entry, score, rule)


@functools.lru_cache(maxsize=1)
def _load_table() -> ActorTable:
    return ActorTable(read_table_json())


def resolve_actor(surface: str, role: str, country: str | None = None) -> tuple[Actor, str]:
    """An Actor for a surface form in a given role, and the rule that decided it.

    Unknown actors keep their surface name (trimmed) with kind ``unknown``; this never
    raises for odd input.
    """
    text = " ".join(surface.split()) if isinstance(surface, str) else ""
    match = ActorTable.load().match(text, country=country)
    if match is None:
        return (Actor(name=text, role=role, kind="unknown"),
                f"unknown: '{text}' matches no alias, handle, country or fuzzy candidate")
    entry = match.entry
    aliases = [text] if text and text.casefold() != entry.name.casefold() else []
    affiliation = entry.affiliation
    return (Actor(name=entry.name, role=role, kind=entry.kind, aliases=aliases,
                  affiliation=affiliation), match.rule)


def describe_actor(surface: str, country: str | None = None) -> dict[str, Any]:
    """Everything the table says about a surface form, for people checking the table."""
    match = ActorTable.load().match(surface, country=country)
    if match is None:
        return {"name": surface.strip(), "kind": "unknown", "category": None, "country": None,
                "affiliation": None, "score": 0.0,
                "rule": "unknown: no alias, handle, country or fuzzy candidate"}
    e = match.entry
    return {"name": e.name, "kind": e.kind, "category": e.category, "country": e.country,
            "affiliation": e.affiliation, "score": match.score, "rule": match.rule}


def find_actor_mentions(text: str, *, metonyms: bool = False
                        ) -> list[tuple[int, int, ActorMatch]]:
    """Actors named in a text as (start, end, match), offsets into ``text``.

    Capital-city metonyms ("Moscow", "Kyiv") are left out unless ``metonyms`` is set:
    in running text they are far more often places than speakers.
    """
    return ActorTable.load().find_mentions(text, metonyms=metonyms)
