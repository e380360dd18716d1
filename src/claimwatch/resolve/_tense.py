"""Whether a sentence puts a date in the future or the past, from cheap surface cues.

Underspecified dates ("on Tuesday", "Nov. 16", "in March") are resolved towards the
future only when the sentence says so ("talks will resume on Tuesday", "as soon as
Tuesday") and towards the past when a past-tense verb governs them ("was attacked on
7 October", "since early December"); otherwise the nearer occurrence is taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from claimwatch.resolve._timex_rules import alternation, words


@cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = words()
    plain = [c for c in w["future_cues"] if c[0].isalpha()]
    clitic = [c for c in w["future_cues"] if not c[0].isalpha()]
    cue = re.compile(rf"(?i)\b(?:{alternation(plain)})\b|(?:{alternation(clitic)})\b")
    report = re.compile(rf"(?i)\b(?:{alternation(w['reporting_verbs'])})\b")
    return cue, report


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start),
               text.rfind("! ", 0, start), text.rfind("\n", 0, start))
    rights = [i for i in (text.find(". ", end), text.find("? ", end), text.find("! ", end),
                          text.find("\n", end)) if i >= 0]
    return left + 1, min(rights) if rights else len(text)


# -ed words that usually look forward ("expected", "scheduled") are not past-tense cues.
_FORWARD_ED = r"(?!(?:" + "|".join(words()["forward_ed_stems"]) + r")ed\b)"
_IRREGULAR = alternation(words()["past_irregular"])
_PAST_WORDS = re.compile(rf"(?i)\b(?:{_IRREGULAR}|{_FORWARD_ED}[a-z]{{2,}}ed)\b")
_PAST_LEFT = re.compile(
    rf"(?i)(?:\bsince|\b(?:{_IRREGULAR}|{_FORWARD_ED}[a-z]{{2,}}ed)"
    r"(?:\s+(?:\w+ly|on|in|at|during))?)\s+$")


# What may open a sentence before a date that the sentence's past-tense verb then dates.
_OPENERS = frozenset(words()["past_openers"])
_HAD = re.compile(r"(?i)\b(?:had|'d)\s+$")


def tense_checker(text: str) -> Callable[[int, int], str | None]:
    """A memoised ``tense(start, end)`` for spans of one text."""
    memo: dict[tuple[int, int], str | None] = {}

    def tense(start: int, end: int) -> str | None:
        key = (start, end)
        if key not in memo:
            memo[key] = span_tense(text, start, end)
        return memo[key]

    return tense


def span_tense(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None for the span text[start:end]."""
    cue, report = _cue_patterns()
    s, _e = _sentence(text, start, end)
    for c in cue.finditer(text, s, start):
        between = text[c.end():start]
        if _HAD.search(text, max(s, c.start() - 12), c.start()):
            continue  # "had planned to ..." looks back, not forward
        if not report.search(between) and not _PAST_WORDS.search(between):
            return "future"
    if _PAST_LEFT.search(text[max(s, start - 40):start]):
        return "past"
    right = text[end:_e]
    if text[s:start].strip(" \n\t\"'“").lower() in _OPENERS and _PAST_WORDS.search(right) \
            and not cue.search(right):
        return "past"  # "In January, a suicide bomber killed ...": the opener the verb dates
    return None
