"""Handlers for expressions relative to the publication date.

"yesterday", "on Sunday night", "last week", "earlier this month", "two days ago",
"now", "recently": each resolved against the date the report (or statement) was made.
"""

from __future__ import annotations

import datetime as dt
import re

from claimwatch.resolve import _calendar as cal
from claimwatch.resolve._calendar import Period
from claimwatch.resolve._timex_rules import Context, number, words


def h_dayword(m: re.Match[str], ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    w = m["w"].lower()
    pre = " ".join((m.group("pre") or "").lower().split())
    offset: int = words()["dayword_offsets"][w]
    if pre == "the day before":
        offset -= 1
    elif pre == "the day after":
        offset += 1
    d = ctx.published + dt.timedelta(days=offset)
    return cal.day(d)  # "Sunday night" stays a day: TimeML's DATE tags carry no TNI here


def h_daypart(m: re.Match[str], ctx: Context) -> Period | None:
    """'last night' is the night before publication; 'this morning' is the same day."""
    if ctx.published is None:
        return None
    offset = -1 if m["which"].lower() == "last" else 0
    return cal.day(ctx.published + dt.timedelta(days=offset))


def h_weekday(m: re.Match[str], ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    wd = words()["weekdays"][m["wd"].title()]
    rel = " ".join((m.group("rel") or "").lower().split())
    if rel in ("last", "this past", "past", "the previous"):
        return cal.day(cal.weekday_near(ctx.published, wd, future=False, strict=True))
    if rel in ("next", "this coming", "coming", "the following"):
        return cal.day(cal.weekday_near(ctx.published, wd, future=True, strict=True))
    future = rel == "this" and wd >= ctx.published.weekday() or ctx.is_future(m.start(), m.end())
    return cal.day(cal.weekday_near(ctx.published, wd, future=future))


def h_rel_unit(m: re.Match[str], ctx: Context) -> Period | None:
    """'last week', 'earlier this month', 'the end of this year', 'this weekend'."""
    if ctx.published is None:
        return None
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    last_word = rel.split()[-1] if rel else "this"
    if last_word == "the":
        last_word = "this"
    sign: int = words()["relative_signs"].get(last_word, 0)
    if unit == "weekend":
        return _weekend(ctx, sign, m)
    period = cal.shift(ctx.published, unit, sign)
    if rel.startswith("earlier") and period.end and period.end > ctx.published:
        # "earlier this month" ends where the report stands, not at the month's end
        return Period(period.value, period.start, ctx.published, period.precision)
    return period


def _weekend(ctx: Context, sign: int, m: re.Match[str]) -> Period:
    assert ctx.published is not None
    p = ctx.published
    if sign < 0:
        sunday = cal.weekday_near(p - dt.timedelta(days=1), 6, future=False)
        return cal.weekend_of(sunday - dt.timedelta(days=1))
    if sign > 0:
        return cal.weekend_of(cal.weekday_near(p, 5, future=True, strict=True))
    future = ctx.is_future(m.start(), m.end())
    if p.weekday() == 6:
        return cal.weekend_of(p - dt.timedelta(days=1))
    return cal.weekend_of(cal.weekday_near(p, 5, future=future))


def _interval(start: dt.date, end: dt.date, precision: str) -> Period:
    return Period(f"{start.isoformat()}/{end.isoformat()}", start, end, precision)


def h_rolling(m: re.Match[str], ctx: Context) -> Period | None:
    """'the past week', 'the last 24 hours': the stretch that ends on the publication date."""
    if ctx.published is None:
        return None
    n = number(m["q"]) if m.group("q") else 1
    if n is None or n > 5000:
        return None
    unit = m["unit"].lower().rstrip("s")
    if unit == "hour":
        start = ctx.published - dt.timedelta(days=max(1, -(-n // 24)))
        return _interval(start, ctx.published, "day")
    if unit == "day":
        return _interval(ctx.published - dt.timedelta(days=n), ctx.published, "day")
    if unit == "week":
        return _interval(ctx.published - dt.timedelta(weeks=n), ctx.published, "week")
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    precision = "month" if unit == "month" else "year"
    return _interval(cal.add_months(ctx.published, -months), ctx.published, precision)


def h_overnight(m: re.Match[str], ctx: Context) -> Period | None:
    """'overnight' in a report: the night before publication, so two calendar days."""
    if ctx.published is None:
        return None
    return _interval(ctx.published - dt.timedelta(days=1), ctx.published, "day")


def h_ago(m: re.Match[str], ctx: Context) -> Period | None:
    """'two days ago' (a day), 'six weeks ago' (a week), 'a year ago' (a year)."""
    direction = m["dir"].lower()
    future = direction in ("from now", "hence")
    n = number(m["q"])
    if n is None:
        return cal.ref("FUTURE_REF" if future else "PAST_REF")
    if ctx.published is None or n > 5000:
        return None
    unit = m["unit"].lower().rstrip("s")
    return cal.shift(ctx.published, unit, n if future else -n)


def h_year_ago_adj(m: re.Match[str], ctx: Context) -> Period | None:
    """'the year-earlier quarter': a quarter a year back (anchored later if context says)."""
    if ctx.published is None:
        return None
    noun = (m.group("noun") or "").lower()
    if "quarter" in noun or "period" in noun:
        back = cal.shift(ctx.published, "quarter", -1)
        assert back.start is not None
        return cal.quarter(back.start.year - 1, cal.quarter_of(back.start))
    return cal.year(ctx.published.year - 1)


def h_ref(m: re.Match[str], ctx: Context) -> Period | None:
    phrase = " ".join(m[0].lower().split())
    for value, phrases in words()["references"].items():
        if phrase in phrases:
            return cal.ref(value)
    return None


def h_holiday(m: re.Match[str], ctx: Context) -> Period | None:
    name = " ".join(m["h"].lower().replace("’", "'").split())
    y = int(m["y"]) if m.group("y") else None
    if y is None:
        if ctx.published is None:
            return None
        y = ctx.published.year
        d = _holiday_date(name, y)
        future = ctx.is_future(m.start(), m.end())
        if d is not None and not future and d > ctx.published:
            y -= 1
        elif d is not None and future and d < ctx.published:
            y += 1
    d = _holiday_date(name, y)
    return cal.day(d) if d else None


def _holiday_date(name: str, y: int) -> dt.date | None:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "boxing day": (12, 26),
             "valentine's day": (2, 14), "halloween": (10, 31)}
    if name in fixed:
        return cal.make_date(y, *fixed[name])
    if name.startswith("thanksgiving"):
        first = dt.date(y, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return None


def h_spelled_year(m: re.Match[str], ctx: Context) -> Period | None:
    """'nineteen ninety-six', 'the year two thousand'."""
    tens = words()["year_tens"]
    units = words()["year_units"]
    if m.group("hund"):
        low = tens[m["t"].lower()] + (units[m["u"].lower()] if m.group("u") else 0)
        return cal.year(int(tens[m["hund"].lower()]) * 100 + low)
    extra = 0
    if m.group("xu"):
        extra = units.get(m["xu"].lower()) or tens.get(m["xu"].lower(), 0)
    return cal.year(2000 + extra)
