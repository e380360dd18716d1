"""Patterns for English date expressions and what each one denotes.

Each rule is a compiled regex and a handler that turns a match into a ``Period``
given the publication date. Words come from ``data/time_words.json``; month and
weekday names need a capital initial so "may" and "march" stay verbs.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from claimwatch.resolve import _calendar as cal
from claimwatch.resolve._calendar import Period


@cache
def words() -> dict[str, Any]:
    """The word tables (months, weekdays, numbers...), loaded once."""
    text = resources.files("claimwatch.data").joinpath("time_words.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def alternation(options: list[str]) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


def _month_names() -> list[str]:
    """Capitalised and upper-case names, and lower-case full names but "may"/"march"."""
    names = list(words()["months"])
    full = [n for n in names if len(n) > 3 and not n.endswith(".")]
    lower = [n.lower() for n in full if n not in ("May", "March")]
    return names + [n.upper() for n in names if not n.endswith(".")] + lower


def month_number(name: str) -> int:
    table = words()["months"]
    key = name.title()
    return int(table.get(key) or table[key + "."])


def number(word: str) -> int | None:
    """A quantity word or digits as an int; None for vague words ("several")."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    value = words()["numbers"].get(w)
    return int(value) if value is not None else None


MON = rf"(?:{alternation(_month_names())})(?![a-z])"
# next to a day or a year any case will do ("on 30 december", "may 5, 1990")
MON_ANY = (rf"(?:(?i:{alternation([m for m in words()['months'] if m != 'May'])})|May|MAY)"
           r"(?![a-z])")
WD = rf"(?:{alternation(list(words()['weekdays']) + [w.upper() for w in words()['weekdays']])})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1\d{3}|20\d{2})"
QUANT = (r"(?:\d{1,3}|" + alternation(list(words()["numbers"]) + words()["vague_quantities"])
         + r")")
NUMERIC = (
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)"
    r"(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)")
QWORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
MOD = r"(?:early|mid-?|late|the end of|the beginning of|the start of|the middle of)"
PART = r"(?:morning|afternoon|evening|night)"


@dataclass(frozen=True)
class Context:
    """What a handler may look at besides its match."""

    text: str
    published: dt.date | None
    tense: Callable[[int, int], str | None]  # "future", "past" or None for a span's sentence
    convention: str | None = None  # "dmy" or "mdy" when the text's own numeric dates settle it

    def is_future(self, start: int, end: int) -> bool:
        return self.tense(start, end) == "future"


Handler = Callable[[re.Match[str], Context], Period | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    needs: tuple[str, ...]  # cheap test: tried only if the lower-cased text contains one of these


def _day_num(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _year_from(m: re.Match[str], ctx: Context, key: str = "y", rel: str = "rel") -> int | None:
    """The year named by group `key`, or by 'last/this/next year' in group `rel`."""
    if m.group(key):
        return int(m.group(key))
    r = m.groupdict().get(rel)
    if r and ctx.published:
        return ctx.published.year + {"last": -1, "this": 0, "next": 1}[r.lower()]
    return None


def _with_weekday(m: re.Match[str], d: dt.date | None) -> Period | None:
    """A day, flagged ambiguous when a named weekday contradicts it."""
    if d is None:
        return None
    wd = m.groupdict().get("wd")
    bad = wd is not None and words()["weekdays"][wd.title()] != d.weekday()
    p = cal.day(d)
    return Period(p.value, p.start, p.end, p.precision, ambiguous=bad)


def h_iso(m: re.Match[str], ctx: Context) -> Period | None:
    d = cal.make_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return cal.day(d) if d else None


def h_day_month(m: re.Match[str], ctx: Context) -> Period | None:
    mon, d = month_number(m["mon"]), _day_num(m["d"])
    y = _year_from(m, ctx)
    if y is not None:
        return _with_weekday(m, cal.make_date(y, mon, d))
    if ctx.published is None:
        return None
    wd = m.groupdict().get("wd")
    if wd:  # a weekday next to the date picks the year it falls on
        for y in range(ctx.published.year + 1, ctx.published.year - 7, -1):
            cand = cal.make_date(y, mon, d)
            if cand and cand.weekday() == words()["weekdays"][wd.title()] \
                    and cand <= ctx.published + dt.timedelta(days=366):
                return cal.day(cand)
    tense = ctx.tense(m.start(), m.end())
    return _with_weekday(m, cal.month_day_pick(ctx.published, mon, d, tense))


def h_range(m: re.Match[str], ctx: Context) -> Period | None:
    mon = month_number(m["mon"])
    d1, d2 = _day_num(m["d1"]), _day_num(m["d2"])
    y = _year_from(m, ctx)
    if y is None:
        if ctx.published is None:
            return None
        first = cal.month_day_pick(ctx.published, mon, d1, ctx.tense(m.start(), m.end()))
        if first is None:
            return None
        y = first.year
    start, end = cal.make_date(y, mon, d1), cal.make_date(y, mon, d2)
    if start is None or end is None or end < start:
        return None
    return Period(f"{start.isoformat()}/{end.isoformat()}", start, end, "day")


def h_month_year(m: re.Match[str], ctx: Context) -> Period | None:
    y = _year_from(m, ctx)
    return cal.month(y, month_number(m["mon"])) if y is not None else None


def h_rel_month(m: re.Match[str], ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    rel, mon = m["rel"].lower(), month_number(m["mon"])
    if rel == "this":
        return cal.month(ctx.published.year, mon)
    future = rel in ("next", "this coming", "coming")
    return cal.month(cal.month_near(ctx.published, mon, future, strict=True), mon)


def _left_word(ctx: Context, start: int) -> str:
    left = ctx.text[max(0, start - 30):start]
    found = re.findall(r"[A-Za-z]+|,", left)
    return found[-1].lower() if found else ""


@cache
def _month_context() -> frozenset[str]:
    return frozenset(words()["month_context"])


def h_month(m: re.Match[str], ctx: Context) -> Period | None:
    name = m["mon"]
    if len(name) == 3 and name.title() != "May":
        return None  # "Jan", "Dec" alone are more often names than months
    if ((name in words()["months_need_context"] or name.islower()) and not m.group("mod")
            and _left_word(ctx, m.start()) not in _month_context()):
        return None
    if ctx.published is None:
        return None
    mon = month_number(name)
    return cal.month(cal.month_pick(ctx.published, mon, ctx.tense(m.start(), m.end())), mon)


_COUNT_NOUN = re.compile(rf"\s+(?:{alternation(words()['count_nouns'])})\b", re.I)


def h_year(m: re.Match[str], ctx: Context) -> Period | None:
    before = ctx.text[max(0, m.start("y") - 2):m.start("y")]
    after = ctx.text[m.end("y"):m.end("y") + 2]
    if re.search(r"[$£€#\d.,:/]\s?$|No\.\s?$", before) and not m.group("mod"):
        return None
    if re.match(r"\d|[-–/:.,]\d|\s?%|[A-Za-z]", after):
        return None
    left = _left_word(ctx, m.start())
    if not m.group("mod") and (left in words()["count_cues"] or _COUNT_NOUN.match(
            ctx.text, m.end("y"))):
        return None  # "about 2000 troops", "1990 people": a count, not a year
    y = int(m["y"])
    if y < 1900 and not m.group("mod") and left not in (
            "in", "since", "of", "by", "until", "from", "during", "year"):
        return None
    return cal.year(y)


def h_decade(m: re.Match[str], ctx: Context) -> Period | None:
    if m.group("dec"):
        return cal.decade(int(m["dec"]))
    if m.group("dec2"):
        return cal.decade(190 + int(m["dec2"]))
    return cal.decade(190 + words()["decade_words"][m["dw"].lower()])


def h_century(m: re.Match[str], ctx: Context) -> Period | None:
    n = int(m["n"])
    return cal.century(n - 1) if 1 <= n <= 21 else None


def _relative_year(m: re.Match[str], ctx: Context, *keys: str) -> int | None:
    for key in keys:
        if m.groupdict().get(key):
            return int(m[key])
    if ctx.published is None:
        return None
    rel = (m.groupdict().get("rel") or "").lower()
    if rel.startswith("last") or rel in ("year-earlier", "year-ago"):
        return ctx.published.year - 1
    if rel.startswith("next"):
        return ctx.published.year + 1
    return ctx.published.year


def h_quarter(m: re.Match[str], ctx: Context) -> Period | None:
    g = m.groupdict()
    q = words()["ordinals"].get(g["ord"].lower()) if g.get("ord") else int(m["q"][1])
    if q is None or q > 4:
        return None
    y = _relative_year(m, ctx, "y1", "y2")
    explicit_year = bool(g.get("y1") or g.get("y2") or g.get("rel"))
    if y is None:
        return None
    if not explicit_year and ctx.published and q > cal.quarter_of(ctx.published) \
            and not ctx.is_future(m.start(), m.end()):
        y -= 1
    return cal.quarter(y, q)


def h_half(m: re.Match[str], ctx: Context) -> Period | None:
    y = _relative_year(m, ctx, "y")
    if y is None:
        return None
    return cal.half(y, 1 if m["h"].lower() == "first" else 2)


def h_bare_quarter(m: re.Match[str], ctx: Context) -> Period | None:
    """'the quarter', 'the latest quarter': the last completed one; 'this quarter': current."""
    if ctx.published is None:
        return None
    which = " ".join(m["which"].lower().split())
    if which in ("this", "the current"):
        return cal.shift(ctx.published, "quarter", 0)
    if which == "next":
        return cal.shift(ctx.published, "quarter", 1)
    back = cal.shift(ctx.published, "quarter", -1)
    if which in ("the year-ago", "the year-earlier", "year-ago", "year-earlier"):
        assert back.start is not None
        return cal.quarter(back.start.year - 1, cal.quarter_of(back.start))
    return back


def h_season(m: re.Match[str], ctx: Context) -> Period | None:
    code = words()["seasons"][m["s"].lower()]
    if m.group("y"):
        return cal.season(int(m["y"]), code)
    rel = " ".join((m.group("rel") or "").lower().split())
    if ctx.published is None or not rel:
        return None
    current = cal.season_year_of(ctx.published, code)
    if rel in ("last", "this past", "past"):
        inside = cal.season(current, code)
        assert inside.end is not None
        return cal.season(current - 1 if inside.end >= ctx.published else current, code)
    if rel in ("next", "this coming", "coming"):
        return cal.season(current + 1, code)
    if rel == "this":
        return cal.season(ctx.published.year if code != "WI" else current, code)
    future = ctx.is_future(m.start(), m.end())
    return cal.season(current + 1 if future and current < ctx.published.year else current, code)


def _two_digit_year(yy: int, published: dt.date | None) -> int:
    pivot = (published.year % 100 + 1) if published else 30
    return 2000 + yy if yy <= pivot else 1900 + yy


def numeric_readings(m: re.Match[str], ctx: Context) -> tuple[dt.date | None, dt.date | None]:
    """The day-first and month-first readings of 1/2/2024 (None where impossible)."""
    y = int(m["y"])
    if len(m["y"]) == 2:
        y = _two_digit_year(y, ctx.published)
    a, b = int(m["a"]), int(m["b"])
    return cal.make_date(y, b, a), cal.make_date(y, a, b)


def _weekday_near(text: str, start: int, end: int) -> int | None:
    window = text[max(0, start - 15):start] + " " + text[end:end + 15]
    found = re.search(WD, window)
    return words()["weekdays"][found[0].title()] if found else None


def h_no_such_day(m: re.Match[str], ctx: Context) -> Period | None:
    """A numeric date with a four-digit year that reads as a day and a month in one order
    but names no real day either way round (31-02-2024, 04-31-2024): only its year is known,
    so the expression keeps the year at year precision, and the rule's name says why."""
    dmy, mdy = numeric_readings(m, ctx)
    if dmy is not None or mdy is not None or len(m["y"]) != 4:
        return None
    a, b = int(m["a"]), int(m["b"])
    # it must read as a day of a month in one order (30-02, 04-31): 23.47.2015 is no date
    if not (1 <= b <= 12 and 1 <= a <= 31) and not (1 <= a <= 12 and 1 <= b <= 31):
        return None
    return cal.year(int(m["y"]))


def h_numeric(m: re.Match[str], ctx: Context) -> Period | None:
    dmy, mdy = numeric_readings(m, ctx)
    if dmy is None or mdy is None or dmy == mdy:
        only = dmy or mdy
        return cal.day(only) if only else None
    named = m.groupdict().get("wd")
    wd = (words()["weekdays"][named.title()] if named
          else _weekday_near(ctx.text, m.start(), m.end()))
    for reading in (dmy, mdy):
        if wd is not None and reading.weekday() == wd:
            return cal.day(reading)
    if m["sep"] == ".":  # dotted dates are day-first (10.03.2024)
        return cal.day(dmy)
    if ctx.convention:
        return cal.day(dmy if ctx.convention == "dmy" else mdy)
    pick = dmy
    if ctx.published is not None and dmy > ctx.published >= mdy:
        pick = mdy  # a report dates what has happened: prefer the reading not in its future
    p = cal.day(pick)
    return Period(p.value, p.start, p.end, p.precision, ambiguous=True)
