"""Dates in reports resolved against the publication date, with honest precision."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.resolve.time import Timex, find_timexes, resolve_expression

SUNDAY = dt.date(2024, 3, 10)  # a Sunday
D = dt.date


def one(expr: str, published: dt.date = SUNDAY) -> Timex:
    t = resolve_expression(expr, published)
    assert t is not None, expr
    return t


@pytest.mark.parametrize(
    ("expr", "start", "end", "precision"),
    [
        ("today", D(2024, 3, 10), D(2024, 3, 10), "day"),
        ("tonight", D(2024, 3, 10), D(2024, 3, 10), "day"),
        ("yesterday", D(2024, 3, 9), D(2024, 3, 9), "day"),
        ("two days ago", D(2024, 3, 8), D(2024, 3, 8), "day"),
        ("on Friday", D(2024, 3, 8), D(2024, 3, 8), "day"),
        ("on Sunday night", D(2024, 3, 10), D(2024, 3, 10), "day"),  # published that weekday
        ("on Monday", D(2024, 3, 4), D(2024, 3, 4), "day"),
        ("last week", D(2024, 2, 26), D(2024, 3, 3), "week"),
        ("this week", D(2024, 3, 4), D(2024, 3, 10), "week"),
        ("earlier this month", D(2024, 3, 1), D(2024, 3, 10), "month"),
        ("last month", D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("last year", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ("in March last year", D(2023, 3, 1), D(2023, 3, 31), "month"),
        ("in January this year", D(2024, 1, 1), D(2024, 1, 31), "month"),
        ("in September 2022", D(2022, 9, 1), D(2022, 9, 30), "month"),
        ("early January", D(2024, 1, 1), D(2024, 1, 31), "month"),
        ("mid-2023", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ("2019", D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("2024-02-01", D(2024, 2, 1), D(2024, 2, 1), "day"),
        ("on 7th October", D(2023, 10, 7), D(2023, 10, 7), "day"),
        ("October 7", D(2023, 10, 7), D(2023, 10, 7), "day"),
        ("between 3 and 5 March", D(2024, 3, 3), D(2024, 3, 5), "day"),
        ("the third quarter", D(2023, 7, 1), D(2023, 9, 30), "month"),
    ],
)
def test_expressions_resolve_to_the_range_a_reader_means(
        expr: str, start: dt.date, end: dt.date, precision: str) -> None:
    t = one(expr)
    assert (t.start, t.end, t.precision) == (start, end, precision)


def test_values_follow_timex3() -> None:
    assert one("last week").value == "2024-W09"
    assert one("earlier this month").value == "2024-03"
    assert one("the third quarter").value == "2023-Q3"
    assert one("last summer").value == "2023-SU"
    assert one("the 1990s").value == "199"
    assert one("recently").value == "PAST_REF"
    assert one("now").value == "PRESENT_REF"
    assert one("now").start is None


def test_a_month_is_never_a_falsely_exact_day() -> None:
    t = one("in March last year")
    assert t.start != t.end
    assert t.precision == "month"


def test_weekdays_in_a_report_point_to_the_most_recent_such_day() -> None:
    text = ("Militants claimed Friday night's attack on the base. The army said on Saturday "
            "that two soldiers were wounded on Wednesday.")
    found = {t.text: t.start for t in find_timexes(text, SUNDAY)}
    assert found == {"Friday night": D(2024, 3, 8), "Saturday": D(2024, 3, 9),
                     "Wednesday": D(2024, 3, 6)}


def test_a_future_sentence_moves_a_weekday_forward() -> None:
    t = find_timexes("Talks will resume on Tuesday in Cairo.", SUNDAY)
    assert [x.start for x in t] == [D(2024, 3, 12)]


def test_numeric_date_settled_by_the_weekday_named_next_to_it() -> None:
    # 1 Feb 2024 was a Thursday; 2 Jan 2024 a Tuesday.
    assert one("Thursday 1-2-2024").start == D(2024, 2, 1)
    t = find_timexes("The strike on Tuesday 1/2/2024 killed three.", SUNDAY)[-1]
    assert (t.start, t.ambiguous) == (D(2024, 1, 2), False)


def test_numeric_date_with_one_possible_reading_is_not_ambiguous() -> None:
    t = one("13/2/2024")
    assert (t.start, t.ambiguous) == (D(2024, 2, 13), False)
    t = one("2/13/2024")
    assert (t.start, t.ambiguous) == (D(2024, 2, 13), False)


def test_numeric_date_that_cannot_be_settled_is_flagged_day_first() -> None:
    t = one("5/6/2024")
    assert (t.start, t.ambiguous) == (D(2024, 6, 5), True)


def test_the_texts_own_convention_settles_other_numeric_dates() -> None:
    text = "The report of 25/12/2023 says the raid of 5/6/2023 was the worst."
    found = find_timexes(text, SUNDAY)
    assert [(t.start, t.ambiguous) for t in found] == [(D(2023, 12, 25), False),
                                                       (D(2023, 6, 5), False)]


@pytest.mark.parametrize("text", ["31-02-2024", "2024-02-31", "30/02/2024", "on 31 February"])
def test_impossible_dates_give_no_timex_or_a_flagged_one(text: str) -> None:
    for t in find_timexes(text, SUNDAY):
        assert t.ambiguous or t.start is None or t.precision != "day"


def test_a_numeric_date_with_no_such_day_keeps_only_its_year_and_says_why() -> None:
    found = find_timexes("The convoy was ambushed on 31-02-2023 near the ford.", SUNDAY)
    assert [(t.text, t.precision, t.start, t.end, t.rule) for t in found] == [
        ("31-02-2023", "year", D(2023, 1, 1), D(2023, 12, 31), "no_such_day_year_kept")]


@pytest.mark.parametrize("text", ["logged at 23.47.2015 by the relay", "scored 31-13-20",
                                  "filed under 4-31-12"])
def test_digit_triples_that_are_no_day_and_month_are_no_date(text: str) -> None:
    assert [t for t in find_timexes(text, SUNDAY) if t.rule == "no_such_day_year_kept"] == []


def test_offsets_point_into_the_text() -> None:
    text = "Houthi forces said they fired drones at the ship on 7 January and again yesterday."
    for t in find_timexes(text, SUNDAY):
        assert text[t.start_char:t.end_char] == t.text
    assert [t.text for t in find_timexes(text, SUNDAY)] == ["7 January", "yesterday"]


def test_modal_may_and_verb_march_are_not_months() -> None:
    text = "Protesters may march on the capital, officials said."
    assert find_timexes(text, SUNDAY) == []


def test_quoted_statement_resolves_against_its_own_date() -> None:
    statement_date = D(2023, 11, 2)  # a Thursday
    t = find_timexes("We struck their positions yesterday", statement_date)
    assert t[0].start == D(2023, 11, 1)


def test_without_a_publication_date_only_absolute_dates_resolve() -> None:
    found = find_timexes("The attack on 7 October 2023 was condemned yesterday.", None)
    assert [t.text for t in found] == ["7 October 2023"]


def test_dateparser_covers_what_the_rules_do_not() -> None:
    t = resolve_expression("10 days before", SUNDAY)
    assert t is None or t.start is not None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)))
def test_arbitrary_text_never_raises_and_ranges_are_ordered(text: str, published: dt.date) -> None:
    for t in find_timexes(text, published):
        assert t.start is None or t.end is None or t.start <= t.end
        assert text[t.start_char:t.end_char] == t.text


_WORDS = ["on", "last", "next", "this", "the", "Friday", "March", "7", "2024", "31", "week", "ago",
          "two", "days", "between", "and", "early", "quarter", "third", "-", "/", "1/2/2024",
          "yesterday", "since", "will", "night", "year", "of", "December", "Q4", "1990s",
          "past", "decade", "overnight", "winter", "summer", "from", "to", "a", "12.10.2023",
          "2024-02-29", "christmas", "Christmas", "half", "first", "may", "May", "1899"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12),
       st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)))
def test_date_like_word_salad_never_raises(words: list[str], published: dt.date) -> None:
    text = " ".join(words)
    for t in find_timexes(text, published):
        assert t.start is None or t.end is None or t.start <= t.end
        assert t.precision in {"day", "week", "month", "year", None}


def test_an_unsettled_numeric_date_prefers_the_reading_not_after_publication() -> None:
    t = find_timexes("A drone hit a school on 3/4/2024.", D(2024, 3, 12))[0]
    assert (t.start, t.ambiguous) == (D(2024, 3, 4), True)


def test_dotted_numeric_dates_are_day_first() -> None:
    t = one("10.03.2024")
    assert (t.start, t.ambiguous) == (D(2024, 3, 10), False)


def test_counts_are_not_years() -> None:
    text = "About 2000 troops crossed; 1990 people fled. The 2015 elections were calm."
    assert [t.text for t in find_timexes(text, SUNDAY)] == ["2015"]


def test_overnight_and_rolling_windows_end_on_the_publication_date() -> None:
    found = find_timexes("Russia launched drones overnight; in the past week 12 attacks hit "
                         "the city, and 30 in the last 24 hours.", SUNDAY)
    assert [(t.text, t.start, t.end) for t in found] == [
        ("overnight", D(2024, 3, 9), D(2024, 3, 10)),
        ("the past week", D(2024, 3, 3), D(2024, 3, 10)),
        ("the last 24 hours", D(2024, 3, 9), D(2024, 3, 10)),
    ]


def test_a_range_across_months_is_one_range_of_days() -> None:
    t = find_timexes("Strikes from 28 February to 2 March hit the port.", SUNDAY)
    assert [(x.start, x.end, x.precision) for x in t] == [(D(2024, 2, 28), D(2024, 3, 2), "day")]


def test_the_weekend_and_last_weekend() -> None:
    tuesday = D(2024, 3, 12)
    assert one("over the weekend", tuesday).start == D(2024, 3, 9)
    assert one("last weekend", tuesday).end == D(2024, 3, 10)


def test_since_points_to_the_past() -> None:
    published = D(2024, 1, 20)
    t = find_timexes("Fighting has raged since early December.", published)[0]
    assert t.start == D(2023, 12, 1)


def test_a_near_future_deadline_without_a_year_stays_ahead() -> None:
    t = find_timexes("The truce expires Nov. 16, the mediators said.", D(2023, 11, 2))[0]
    assert t.start == D(2023, 11, 16)


def test_lower_case_months_count_next_to_a_day_or_year() -> None:
    text = ("the kidnapping took place on 30 december; talks resume in january. "
            "they may 5 times try.")
    found = [(t.text, t.start) for t in find_timexes(text, D(1990, 1, 15))]
    assert found == [("30 december", D(1989, 12, 30)), ("january", D(1990, 1, 1))]


def test_a_past_tense_verb_sends_a_bare_month_back() -> None:
    t = find_timexes("The mayor said in May that the siege was over.", D(1990, 1, 15))[0]
    assert t.start == D(1989, 5, 1)


_PRECISIONS = {"day", "week", "month", "year", None}


@pytest.mark.parametrize("expr", ["the past decade", "the last 3 years", "the past 2 months",
                                  "the 1990s", "the 20th century", "last summer", "Q3 2023",
                                  "the first half of 2023", "now", "over the weekend"])
def test_precision_is_always_one_of_the_four(expr: str) -> None:
    assert one(expr).precision in _PRECISIONS


def test_n_days_later_is_not_counted_from_publication() -> None:
    assert find_timexes("Three days later, gunmen struck again.", SUNDAY) == []


def test_a_sources_known_convention_settles_numeric_dates() -> None:
    t = find_timexes("The raid of 5/6/2023 was the worst.", SUNDAY, convention="mdy")[0]
    assert (t.start, t.ambiguous) == (D(2023, 5, 6), False)


def test_a_future_cue_after_had_does_not_look_forward() -> None:
    t = find_timexes("Militants had planned to attack the base on Friday.", SUNDAY)[0]
    assert t.start == D(2024, 3, 8)
    t = find_timexes("The army plans to resume strikes on Monday.", SUNDAY)[0]
    assert t.start == D(2024, 3, 11)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40), st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)))
def test_resolve_expression_never_raises(expr: str, published: dt.date) -> None:
    t = resolve_expression(expr, published)
    assert t is None or t.start is None or t.end is None or t.start <= t.end


def test_long_numbers_hold_no_year() -> None:
    assert find_timexes("in 10000 years, 120000 people, code 19901", SUNDAY) == []


def test_the_contracts_date_examples() -> None:
    found = find_timexes("today, Thursday 1-2-2024", D(2024, 2, 1))
    assert [(t.start, t.end, t.ambiguous) for t in found] == [
        (D(2024, 2, 1), D(2024, 2, 1), False), (D(2024, 2, 1), D(2024, 2, 1), False)]
    t = one("earlier, in January this year", D(2024, 2, 10))
    assert (t.start, t.end, t.precision) == (D(2024, 1, 1), D(2024, 1, 31), "month")
    assert one("On 7th October", D(2024, 2, 10)).start == D(2023, 10, 7)


def test_earlier_this_month_ends_at_publication() -> None:
    t = one("earlier this month")
    assert (t.value, t.start, t.end, t.precision) == ("2024-03", D(2024, 3, 1), SUNDAY, "month")


def test_a_fight_that_began_one_day_and_ended_another_is_a_range() -> None:
    text = "Rebels said the fighting began on Friday and ended on Sunday in the hills."
    t = find_timexes(text, D(2024, 7, 30))
    assert [(x.start, x.end) for x in t] == [(D(2024, 7, 26), D(2024, 7, 28))]


def test_resolve_expression_without_a_publication_date() -> None:
    assert resolve_expression("yesterday", None) is None
    t = resolve_expression("on 7 October 2023", None)
    assert t is not None and t.start == D(2023, 10, 7)


def test_overnight_into_a_weekday_is_that_weekday() -> None:
    (tx,) = find_timexes("Drones struck the port overnight into Friday, officials said.", SUNDAY)
    assert (tx.text, tx.start, tx.end) == ("overnight into Friday", D(2024, 3, 8), D(2024, 3, 8))


def test_a_month_opening_a_past_sentence_is_the_last_such_month() -> None:
    # published in November: "In February, ... stormed" is February this year, not the next
    text = "In February, armed men stormed a bus station and killed seven travellers."
    (tx,) = find_timexes(text, D(2024, 11, 20))
    assert (tx.start, tx.end, tx.precision) == (D(2024, 2, 1), D(2024, 2, 29), "month")
    (later,) = find_timexes("In February, the two sides will meet again.", D(2024, 11, 20))
    assert later.start == D(2025, 2, 1)


def test_anaphoric_days_count_from_the_date_just_named() -> None:
    import datetime as dt

    from claimwatch.resolve.time import anaphoric_days, find_timexes

    text = ("Rebels attacked the base on Sunday. The convoy had been ambushed the previous "
            "evening, and the day before the vote a bomb went off. The day before yesterday "
            "was quiet; a second convoy was hit the next day.")
    published = dt.date(2024, 3, 6)
    found = anaphoric_days(text, find_timexes(text, published))
    assert [(t.text, t.start) for t in found] == [
        ("the previous evening", dt.date(2024, 3, 2)), ("the next day", dt.date(2024, 3, 5))]


def test_an_anaphoric_day_keeps_how_many_days_it_counts() -> None:
    from claimwatch.resolve.time import anaphoric_days

    text = "Gunmen ambushed a bus on Sunday. A police post had been shelled the day before."
    (tx,) = anaphoric_days(text, find_timexes(text, D(2024, 3, 6)))
    assert (tx.start, tx.offset) == (D(2024, 3, 2), -1)
