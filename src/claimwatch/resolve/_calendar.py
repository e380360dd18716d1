"""Calendar arithmetic for the time resolver: periods as (value, start, end, precision).

A ``Period`` is what a temporal expression denotes: a TIMEX3-style value and the
first and last calendar day it covers, with the precision a reader may rely on.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class Period:
    """A resolved stretch of calendar time with its TIMEX3 value."""

    value: str
    start: dt.date | None
    end: dt.date | None
    precision: str | None
    ambiguous: bool = False


def ref(value: str) -> Period:
    """PAST_REF / PRESENT_REF / FUTURE_REF: a direction, not a calendar range."""
    return Period(value, None, None, None)


def day(d: dt.date, suffix: str = "") -> Period:
    return Period(d.isoformat() + suffix, d, d, "day")


def make_date(year: int, month: int, day_: int) -> dt.date | None:
    """A date, or None when the day does not exist (31 February, year 0)."""
    try:
        return dt.date(year, month, day_)
    except ValueError:
        return None


def month(year: int, month_: int) -> Period:
    last = calendar.monthrange(year, month_)[1]
    return Period(f"{year:04d}-{month_:02d}", dt.date(year, month_, 1),
                  dt.date(year, month_, last), "month")


def year(y: int) -> Period:
    return Period(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def decade(first_three: int) -> Period:
    """'199' = the 1990s."""
    y = first_three * 10
    return Period(f"{first_three:03d}", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "year")


def century(first_two: int) -> Period:
    """'19' = 1900-1999 (the 20th century)."""
    y = first_two * 100
    return Period(f"{first_two:02d}", dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "year")


def week_of(d: dt.date) -> Period:
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Period(f"{iso.year:04d}-W{iso.week:02d}", monday, monday + dt.timedelta(days=6), "week")


def weekend_of(saturday: dt.date) -> Period:
    iso = saturday.isocalendar()
    return Period(f"{iso.year:04d}-W{iso.week:02d}-WE", saturday,
                  saturday + dt.timedelta(days=1), "day")


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    last = first + 2
    end = dt.date(y, last, calendar.monthrange(y, last)[1])
    return Period(f"{y:04d}-Q{q}", dt.date(y, first, 1), end, "month")


def half(y: int, h: int) -> Period:
    start = dt.date(y, 1, 1) if h == 1 else dt.date(y, 7, 1)
    end = dt.date(y, 6, 30) if h == 1 else dt.date(y, 12, 31)
    return Period(f"{y:04d}-H{h}", start, end, "month")


def season(y: int, code: str) -> Period:
    """A season of year y; winter runs from December of y into February of y+1."""
    first, last = SEASON_MONTHS[code]
    end_year = y + 1 if code == "WI" else y
    end = dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
    return Period(f"{y:04d}-{code}", dt.date(y, first, 1), end, "month")


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def season_year_of(d: dt.date, code: str) -> int:
    """The year whose season `code` contains d, or the latest one starting before d."""
    first = SEASON_MONTHS[code][0]
    return d.year if d.month >= first else d.year - 1


def add_months(d: dt.date, n: int) -> dt.date:
    total = d.year * 12 + (d.month - 1) + n
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def add_years(d: dt.date, n: int) -> dt.date:
    y = d.year + n
    return dt.date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))


def weekday_near(published: dt.date, weekday: int, future: bool, strict: bool = False) -> dt.date:
    """The given weekday on or before `published` (or on or after when `future`).

    With `strict`, the publication day itself does not count ("last Friday").
    """
    if future:
        delta = (weekday - published.weekday()) % 7
        if delta == 0 and strict:
            delta = 7
        return published + dt.timedelta(days=delta)
    delta = (published.weekday() - weekday) % 7
    if delta == 0 and strict:
        delta = 7
    return published - dt.timedelta(days=delta)


def month_day_near(published: dt.date, month_: int, day_: int, future: bool) -> dt.date | None:
    """The most recent past (or next future) occurrence of a day and month."""
    for y in (published.year, published.year - 1, published.year + 1, published.year - 4):
        if future and y < published.year:
            continue
        d = make_date(y, month_, day_)
        if d is None:
            continue
        if (not future and d <= published) or (future and d >= published):
            return d
    return None


def month_near(published: dt.date, month_: int, future: bool, strict: bool = False) -> int:
    """The year of the most recent (or next) occurrence of a calendar month."""
    same = month_ == published.month and not strict
    if future:
        return published.year if month_ > published.month or same else published.year + 1
    return published.year if month_ < published.month or same else published.year - 1


def shift(published: dt.date, unit: str, n: int) -> Period:
    """The unit-sized period n units from the publication date (n < 0 is the past)."""
    if unit == "day":
        return day(published + dt.timedelta(days=n))
    if unit == "week":
        return week_of(published + dt.timedelta(weeks=n))
    if unit == "month":
        d = add_months(published, n)
        return month(d.year, d.month)
    if unit == "quarter":
        d = add_months(published, 3 * n)
        return quarter(d.year, quarter_of(d))
    if unit == "decade":
        return decade((published.year + 10 * n) // 10)
    if unit == "century":
        return century((published.year + 100 * n) // 100)
    return year(published.year + n)


def month_day_pick(published: dt.date, month_: int, day_: int, tense: str | None) -> dt.date | None:
    """The occurrence of a day and month that the sentence's tense points to.

    Past tense: the most recent on or before publication; future tense: the next one;
    no tense cue: whichever is nearer, the past one on a tie.
    """
    past = month_day_near(published, month_, day_, future=False)
    future = month_day_near(published, month_, day_, future=True)
    if tense == "past" or future is None:
        return past
    if tense == "future" or past is None:
        return future
    return future if (future - published) < (published - past) else past


def month_pick(published: dt.date, month_: int, tense: str | None) -> int:
    """The year of the month that the sentence's tense points to (nearer one without a cue)."""
    if month_ == published.month:
        return published.year
    past_year = month_near(published, month_, future=False)
    future_year = month_near(published, month_, future=True)
    if tense == "past":
        return past_year
    if tense == "future":
        return future_year
    back = (published.month - month_) % 12
    return future_year if 12 - back < back else past_year
