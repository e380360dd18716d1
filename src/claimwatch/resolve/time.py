"""Dates in report text, resolved against the publication date, with honest precision.

``find_timexes`` scans a text with regular expressions (no parser, no model) and
returns every date expression with the calendar range it denotes: "yesterday" is a
day, "last week" an ISO week, "earlier this month" the whole month, "in March last
year" a month, "1-2-2024" a day flagged ambiguous unless a weekday or the text's
own convention settles which number is the month. Values follow TIMEX3
("2024-02-01", "2024-W05", "2024-Q1", "2024-SU", "PAST_REF"). Callers resolving a
quoted statement pass the statement's own date as ``published``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from claimwatch.resolve import _calendar as cal
from claimwatch.resolve import _timex_relative as rel
from claimwatch.resolve import _timex_rules as tr
from claimwatch.resolve._calendar import Period
from claimwatch.resolve._tense import tense_checker
from claimwatch.resolve._timex_rules import Context, Rule

__all__ = ["Timex", "anaphoric_days", "find_timexes", "resolve_expression", "without_replaced"]


@dataclass(frozen=True)
class Timex:
    """One date expression found in a text and the calendar range it denotes."""

    start_char: int
    end_char: int
    text: str
    value: str
    start: dt.date | None
    end: dt.date | None
    precision: str | None
    rule: str
    ambiguous: bool = False
    # days from the date it is counted from ("the previous evening": -1) for a day told
    # relative to another date of the text (anaphoric_days); None otherwise
    offset: int | None = None


_TOKENS = {"DAY": tr.DAY, "MON": tr.MON, "MONANY": tr.MON_ANY, "WD": tr.WD, "YEAR": tr.YEAR,
           "QUANT": tr.QUANT, "MOD": tr.MOD, "PART": tr.PART, "QWORD": tr.QWORD,
           "NUMERIC": tr.NUMERIC}


@cache
def rules() -> list[Rule]:
    """The rule table from data/time_patterns.tsv, in file order (order breaks ties)."""
    handlers = {name: fn for module in (tr, rel) for name, fn in vars(module).items()
                if name.startswith("h_") and callable(fn)}
    tokens = dict(_TOKENS, REFS=tr.alternation(
        [p for ps in tr.words()["references"].values() for p in ps]))
    table = resources.files("claimwatch.data").joinpath("time_patterns.tsv").read_text("utf-8")
    out = []
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, handler, needs, pattern = line.split("\t")
        pattern = re.sub(r"%([A-Z]+)%", lambda m: tokens[m.group(1)], pattern)
        if not pattern.startswith("(?<!"):
            pattern = r"(?<![\w])" + pattern
        out.append(Rule(name, re.compile(pattern), handlers[handler],
                        (needs,) if needs.startswith("re:") else tuple(needs.split(","))))
    return out


def _convention(text: str, published: dt.date | None) -> str | None:
    """'dmy' or 'mdy' when the text's unambiguous numeric dates all use one order."""
    seen: set[str] = set()
    ctx = Context(text, published, lambda s, e: None)
    for m in re.finditer(tr.NUMERIC, text):
        dmy, mdy = tr.numeric_readings(m, ctx)
        if dmy and not mdy:
            seen.add("dmy")
        elif mdy and not dmy:
            seen.add("mdy")
    return seen.pop() if len(seen) == 1 else None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_REACH = 100  # no date expression runs further than this from its key word
_MAX_HITS = 40  # beyond this many key-word hits, scan the whole text instead


@cache
def _needs_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _hits(text: str, lowered: str, needs: tuple[str, ...]) -> list[int] | None:
    """Where the rule's key words occur; None when they are everywhere (scan it all)."""
    if needs[0].startswith("re:"):
        found = [m.start() for m in _needs_pattern(needs[0][3:]).finditer(text)]
        return found if len(found) <= _MAX_HITS else None
    hits: list[int] = []
    for needle in needs:
        i = lowered.find(needle)
        while i >= 0:
            hits.append(i)
            if len(hits) > _MAX_HITS:
                return None
            i = lowered.find(needle, i + 1)
    return hits


def _windows(text: str, lowered: str, needs: tuple[str, ...]) -> list[tuple[int, int]]:
    """Stretches of text around the rule's key words: the only places it can match."""
    hits = _hits(text, lowered, needs)
    if hits is None:
        return [(0, len(lowered))]
    merged: list[tuple[int, int]] = []
    for h in sorted(hits):
        start, end = max(0, h - _REACH), min(len(lowered), h + _REACH)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _candidates(text: str, ctx: Context) -> list[tuple[int, int, int, str, Period]]:
    found = []
    lowered = text.translate(_ASCII_LOWER)  # same length as text, so offsets carry over
    for order, rule in enumerate(rules()):
        for w_start, w_end in _windows(text, lowered, rule.needs):
            for m in rule.pattern.finditer(text, w_start, w_end):
                if m.end() <= m.start():
                    continue
                try:
                    period = rule.handler(m, ctx)
                except (ValueError, OverflowError, KeyError):
                    period = None  # a date outside the calendar: no timex, never a crash
                if period is not None:
                    found.append((m.start(), m.end(), order, rule.name, period))
    return found


def _select(found: list[tuple[int, int, int, str, Period]]) -> list[tuple[int, int, str, Period]]:
    """Longest matches win; among equal spans the earlier rule in the table."""
    taken: list[tuple[int, int, str, Period]] = []
    for start, end, _order, name, period in sorted(found, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(end <= s or start >= e for s, e, _, _ in taken):
            taken.append((start, end, name, period))
    return sorted(taken, key=lambda c: c[0])


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """A pattern of time_words.json's "patterns" (all case-insensitive)."""
    return re.compile(tr.words()["patterns"][key], re.I)


def _merge_ranges(text: str, items: list[Timex]) -> list[Timex]:
    """'between 3 March and 5 April' becomes one range of days."""
    out: list[Timex] = []
    for t in items:
        prev = out[-1] if out else None
        if (prev is not None and prev.precision == t.precision == "day"
                and prev.start and t.end and prev.start < t.end
                and _pattern("range_join").fullmatch(text[prev.end_char:t.start_char])
                and (t.end - prev.start).days <= 62
                and _pattern("range_open").search(
                    text[max(0, prev.start_char - 15):prev.start_char])):
            value = f"{prev.start.isoformat()}/{t.end.isoformat()}"
            out[-1] = Timex(prev.start_char, t.end_char, text[prev.start_char:t.end_char], value,
                            prev.start, t.end, "day", "day_range", prev.ambiguous or t.ambiguous)
        else:
            out.append(t)
    return out




def _anchor_year_back(items: list[Timex]) -> list[Timex]:
    """'a year ago' right after a quarter means that quarter a year back (TIMEX3 usage)."""
    out: list[Timex] = []
    last_quarter: Timex | None = None
    for t in items:
        y = int(last_quarter.value[:4]) if last_quarter is not None else 0
        if (last_quarter is not None and y > 1 and _pattern("year_back").fullmatch(t.text)
                and t.start_char - last_quarter.end_char < 300):
            p = cal.quarter(y - 1, int(last_quarter.value[-1]))
            t = Timex(t.start_char, t.end_char, t.text, p.value, p.start, p.end, p.precision,
                      t.rule + "+quarter_context")
        if re.fullmatch(r"\d{4}-Q[1-4]", t.value) and not _pattern("year_back").fullmatch(t.text):
            last_quarter = t
        out.append(t)
    return out


def find_timexes(text: str, published: dt.date | None, *,
                 convention: str | None = None) -> list[Timex]:
    """Every date expression in `text`, with offsets into `text`, resolved against `published`.

    Relative expressions ("yesterday", "last week") need `published`; without it only
    self-contained dates ("7 October 2023", "2024") are returned. `convention` ("dmy" or
    "mdy") is the source's known order for numeric dates like 1/2/2024; by default the
    text's own unambiguous numeric dates decide, else they stay flagged ambiguous.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    if convention not in (None, "dmy", "mdy"):
        raise ValueError(f"convention must be 'dmy', 'mdy' or None, not {convention!r}")
    ctx = Context(text, published, tense_checker(text),
                  _convention(text, published) or convention)
    items = [
        Timex(s, e, text[s:e], p.value, p.start, p.end, p.precision, name, p.ambiguous)
        for s, e, name, p in _select(_candidates(text, ctx))
    ]
    return _anchor_year_back(_merge_ranges(text, items))


ANAPHORIC_REACH = 800  # characters back to the date an anaphoric day counts from


@cache
def _anaphoric_pattern() -> re.Pattern[str]:
    phrases = sorted(tr.words()["anaphoric_days"], key=len, reverse=True)
    before_noun = r"(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those|yesterday|today" \
        r"|tomorrow)\b)"
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in phrases)
                      + r")(?![\w-])" + before_noun, re.I)


@cache
def _counted_days_pattern() -> re.Pattern[str]:
    """ "two days earlier", "three days later": days counted from a date of the text."""
    directions = tr.alternation(list(tr.words()["counted_day_directions"]))
    return re.compile(r"(?<![\w-])(?P<q>" + tr.QUANT + r")\s+days?\s+(?P<dir>" + directions
                      + r")(?![\w-])", re.I)


def _day_offsets(text: str) -> list[tuple[re.Match[str], int]]:
    offsets = {k.lower(): v for k, v in tr.words()["anaphoric_days"].items()}
    directions = {k.lower(): v for k, v in tr.words()["counted_day_directions"].items()}
    found = [(m, offsets[m.group(0).lower()]) for m in _anaphoric_pattern().finditer(text)]
    for m in _counted_days_pattern().finditer(text):
        n = tr.number(m["q"])
        if n is not None and n > 1 and not any(
                o.start() < m.end() and m.start() < o.end() for o, _ in found):
            found.append((m, n * directions[m["dir"].lower()]))
    return sorted(found, key=lambda f: f[0].start())


def anaphoric_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """Days counted from the date the text has just named ("hit on Sunday ... the vessel had
    been struck the previous evening" = Saturday; "said on Wednesday evening they had
    ambushed a patrol earlier that day" = Wednesday; "two days earlier"), which
    ``find_timexes`` leaves out or counts from publication ("ago" rule); such a counted
    match replaces the publication-based one (see ``without_replaced``)."""
    taken = [(t.start_char, t.end_char) for t in timexes if t.rule != "ago"]
    out = []
    for m, offset in _day_offsets(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        ref = max((t for t in timexes if t.end_char <= m.start()
                   and m.start() - t.end_char <= ANAPHORIC_REACH and t.start is not None
                   and t.start == t.end and t.precision == "day"),
                  key=lambda t: t.end_char, default=None)
        if ref is None or ref.start is None:
            continue
        day = ref.start + dt.timedelta(days=offset)
        out.append(Timex(m.start(), m.end(), m.group(0), day.isoformat(), day, day, "day",
                         f"anaphoric: {m.group(0).lower()} after {ref.text!r}",
                         offset=offset))
    return out


def without_replaced(timexes: list[Timex], anaphoric: list[Timex]) -> list[Timex]:
    """The timexes an anaphoric day does not overlap ("two days earlier" counted from
    publication gives way to the same words counted from the date just named)."""
    return [t for t in timexes if not any(
        a.start_char < t.end_char and t.start_char < a.end_char for a in anaphoric)]


def resolve_expression(expr: str, published: dt.date | None) -> Timex | None:
    """One expression alone ("on Sunday night", "in March last year"), or None if not a date."""
    found = find_timexes(expr, published)
    if found:
        return max(found, key=lambda t: t.end_char - t.start_char)
    return _dateparser_fallback(expr, published) if published is not None else None


def _dateparser_fallback(expr: str, published: dt.date) -> Timex | None:
    """dateparser for what the rules do not cover; its period sets the precision."""
    import dateparser  # noqa: PLC0415 - slow import, only needed for leftovers

    base = dt.datetime.combine(published, dt.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    try:
        data = dateparser.DateDataParser(languages=["en"], settings=settings).get_date_data(expr)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        p = cal.month(d.year, d.month)
    elif period == "year":
        p = cal.year(d.year)
    elif period == "week":
        p = cal.week_of(d)
    else:
        p = cal.day(d)
    return Timex(0, len(expr), expr, p.value, p.start, p.end, p.precision, "dateparser")
