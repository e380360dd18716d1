"""Tokens and alias keys for actor matching: one normalisation shared by table and text.

An alias and a stretch of running text match when their token keys are equal. Tokens are
words (apostrophes inside a word kept, "Jama'at" -> "jamaat"), dotted acronyms ("U.S." ->
"us"), with accents folded and case dropped; a possessive "'s" is split off and flagged.
Short all-capital aliases ("IS", "US", "IRI") keep their case as a condition of the match,
so that "is" and "us" in running text never become the Islamic State or the United States.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['’]\w+)*")
# What may stand between two tokens of one alias in running text: a possessive, spaces,
# hyphens or a slash ("Israel's military", "al-Shabaab", "M23/AFC").
_GAP_RE = re.compile(r"(?:['’]s?)?[\s\-‐‑–/]*")
_ACRONYM_MAX_LETTERS = 4
_DROP = str.maketrans("", "", "'’.")


@dataclass(frozen=True)
class Token:
    """One word of a text: where it is, its original form and its matching key."""

    start: int
    end: int
    orig: str
    norm: str
    possessive: bool = False


def fold(text: str) -> str:
    """Lower case without accents, apostrophes or dots: the key of one token."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.lower().translate(_DROP)


def tokenize(text: str) -> list[Token]:
    """Split text into matching tokens with offsets into ``text``."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        possessive = len(raw) > 2 and raw[-2:].lower() in ("'s", "’s")
        if possessive:
            raw = raw[:-2]
        norm = fold(raw)
        if norm:
            tokens.append(Token(m.start(), m.start() + len(raw), raw, norm, possessive))
    return tokens


def key_of(text: str) -> tuple[str, ...]:
    """The key of a whole phrase (an alias, a head word, a surface form)."""
    return tuple(t.norm for t in tokenize(text))


def is_acronym(word: str) -> bool:
    """Whether a token is a short all-capital acronym that must keep its case ("IS")."""
    letters = [c for c in word if c.isalpha()]
    return 0 < len(letters) <= _ACRONYM_MAX_LETTERS and all(c.isupper() for c in letters)


def case_ok(alias_words: tuple[str, ...], text_words: tuple[str, ...], *, strict: bool) -> bool:
    """Whether the text's spelling respects the alias's case conditions.

    Acronyms must be written in capitals; with ``strict`` (running text) an alias that
    starts with a capital must also start with one in the text ("Dawn" is not "dawn"),
    and a word with an inner capital must be spelled exactly ("LeT" is not "Let").
    """
    for a, t in zip(alias_words, text_words, strict=False):
        if is_acronym(a) and not all(c.isupper() for c in t if c.isalpha()):
            return False
        # "LeT", "JeM", "TOLOnews": an inner capital makes the spelling part of the name
        if strict and any(c.isupper() for c in a[1:]) and a.replace(".", "") != t.replace(".", ""):
            return False
    if strict and alias_words and text_words:
        first_alias, first_text = alias_words[0], text_words[0]
        if first_alias[:1].isupper() and not first_text[:1].isupper():
            return False
    return True


def contiguous(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Whether tokens i..j-1 stand next to each other, with nothing but an alias gap."""
    for k in range(i, j - 1):
        gap = text[tokens[k].end:tokens[k + 1].start]
        if not _GAP_RE.fullmatch(gap):
            return False
    return True


def singular_plural(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Other number forms of a key's last word ("houthis" <-> "houthi")."""
    if not key:
        return []
    last = key[-1]
    out: list[tuple[str, ...]] = []
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        out.append((*key[:-1], last[:-1]))
    elif len(last) > 2 and not last.endswith("s"):
        out.append((*key[:-1], last + "s"))
    return out
