"""Tests for resolving, finding and tense-checking news date expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.date_finding import find_date_expressions
from generator.extract.dates import direction, resolve_date
from generator.extract.tense import clause_tense, is_future
from generator.models import DateValue

SATURDAY = dt.date(2026, 2, 28)  # a Saturday, ISO week 2026-W09


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Thursday’s", False, DateValue("2026-02-26", "day")),
        ("Thursday's", False, DateValue("2026-02-26", "day")),
        ("on Friday", False, DateValue("2026-02-27", "day")),
        ("Friday night", False, DateValue("2026-02-27", "day")),
        ("last Tuesday", False, DateValue("2026-02-24", "day")),
        ("on Saturday", False, DateValue("2026-02-28", "day")),  # the anchor's own weekday
        ("last Saturday", False, DateValue("2026-02-21", "day")),
        ("on Tuesday", True, DateValue("2026-03-03", "day")),
        ("next Saturday", False, DateValue("2026-03-07", "day")),
        ("today", False, DateValue("2026-02-28", "day")),
        ("this morning", False, DateValue("2026-02-28", "day")),
        ("tomorrow", True, DateValue("2026-03-01", "day")),
        ("last night", False, DateValue("2026-02-27", "day")),
        ("next week", True, DateValue("2026-W10", "week")),
        ("Last week", False, DateValue("2026-W08", "week")),
        ("earlier this week", False, DateValue("2026-W09", "week")),
        ("this month", False, DateValue("2026-02", "month")),
        ("last month", False, DateValue("2026-01", "month")),
        ("next month", True, DateValue("2026-03", "month")),
        ("last year", False, DateValue("2025", "year")),
        ("the end of last year", False, DateValue("2025", "year")),
        ("next year", True, DateValue("2027", "year")),
        ("In November", False, DateValue("2025-11", "month")),
        ("in November", True, DateValue("2026-11", "month")),
        ("February", False, DateValue("2026-02", "month")),
        ("in March", True, DateValue("2026-03", "month")),
        ("November last year", False, DateValue("2025-11", "month")),
        ("two weeks ago", False, DateValue("2026-W07", "week")),
        ("three days ago", False, DateValue("2026-02-25", "day")),
        ("2005", False, DateValue("2005", "year")),
        ("in 2015", False, DateValue("2015", "year")),
        ("2019’s", False, DateValue("2019", "year")),
        ("Before 2015", False, DateValue("2015", "year", "before")),
        ("after 2015", False, DateValue("2015", "year", "after")),
        ("since 2015", False, DateValue("2015", "year", "since")),
        ("since last week", False, DateValue("2026-W08", "week", "since")),
        ("between 2005 and 2015", False, DateValue("2005", "year", "since")),
        ("from 2008 until 2016", False, DateValue("2008", "year", "since")),
        ("2008-16", False, DateValue("2008", "year", "since")),
        ("Thursday or Friday", False, DateValue("2026-02-26", "day")),
        ("Thursday and Friday", False, DateValue("2026-02-26", "day")),
        ("November 2019", False, DateValue("2019-11", "month")),
        ("in June 2019", False, DateValue("2019-06", "month")),
        ("summer of 2019", False, DateValue("2019", "year")),
        ("2019-09-25", False, DateValue("2019-09-25", "day")),
        ("25 September 2019", False, DateValue("2019-09-25", "day")),
        ("Sept. 25, 2019", False, DateValue("2019-09-25", "day")),
        ("Wednesday, September 25, 2019", False, DateValue("2019-09-25", "day")),
        ("October 31, 2019", False, DateValue("2019-10-31", "day")),
        ("March 10", False, DateValue("2025-03-10", "day")),  # past: not after the anchor
        ("March 10", True, DateValue("2026-03-10", "day")),
    ],
)
def test_resolve_date_against_saturday(text: str, future: bool, expected: DateValue) -> None:
    assert resolve_date(text, SATURDAY, future=future) == expected


@pytest.mark.parametrize(
    "text",
    [
        "20 years",
        "five to seven years",
        "40 years",
        "one or two years",
        "several years",
        "five years",
        "sixteen weeks",
        "recent",
        "the past",
        "decades",
        "the 1990s",
        "13th",
        "the day before",
        "",
        "February 30, 2019",
    ],
)
def test_non_dates_resolve_to_none(text: str) -> None:
    assert resolve_date(text, SATURDAY) is None


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("yesterday", dt.date(2019, 10, 2), DateValue("2019-10-01", "day")),
        ("September 13", dt.date(2019, 9, 24), DateValue("2019-09-13", "day")),
        ("on 13 September", dt.date(2019, 9, 24), DateValue("2019-09-13", "day")),
        ("late July", dt.date(2019, 9, 25), DateValue("2019-07", "month")),
        ("mid-July", dt.date(2019, 9, 25), DateValue("2019-07", "month")),
        ("September 30", dt.date(2019, 9, 24), DateValue("2018-09-30", "day")),
    ],
)
def test_resolve_date_other_anchors(text: str, anchor: dt.date, expected: DateValue) -> None:
    assert resolve_date(text, anchor) == expected


def test_future_month_day_before_anchor_moves_to_next_year() -> None:
    assert resolve_date("January 5", SATURDAY, future=True) == DateValue("2027-01-05", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday", None),
        ("next week", None),
        ("In November", None),
        ("September 13", None),
        ("2005", DateValue("2005", "year")),
        ("before 2015", DateValue("2015", "year", "before")),
        ("September 25, 2019", DateValue("2019-09-25", "day")),
    ],
)
def test_without_anchor_only_absolute_dates_resolve(text: str, expected: DateValue | None) -> None:
    assert resolve_date(text, None) == expected


def test_since_then_uses_previous_event() -> None:
    previous = DateValue("2019-09-25", "day")
    assert resolve_date("since then", SATURDAY, previous=previous) == DateValue(
        "2019-09-25", "day", "since"
    )
    assert resolve_date("then", SATURDAY, previous=previous) == previous
    assert resolve_date("since then", SATURDAY) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Mahmood will argue next week that forcing people to wait 20 years was fine.",
            ["next week"],
        ),
        ("The 14,980 votes were counted.", []),
        ("He won 2000 votes in 2005.", ["2005"]),
        ("Turnout rose 2019% and 1999 per cent.", []),
        ("The result of Thursday’s poll saw Labour come third.", ["Thursday’s"]),
        ("On Wednesday, September 25, 2019, the court ruled.", ["Wednesday, September 25, 2019"]),
        ("Rules in place before 2015 were changed since then.", ["before 2015", "since then"]),
        (
            "She served from 2008 until 2016 and left in late July.",
            ["from 2008 until 2016", "late July"],
        ),
        ("The 1990s were different; it may rain, and Theresa May spoke.", []),
        ("Voting ends in May, yesterday's figures show.", ["May", "yesterday's"]),
        ("On 13 September the party met; on 2019-09-25 it voted.", ["13 September", "2019-09-25"]),
    ],
)
def test_find_date_expressions(sentence: str, expected: list[str]) -> None:
    found = find_date_expressions(sentence)
    assert [text for _, _, text in found] == expected
    for start, end, text in found:
        assert sentence[start:end] == text


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("She is expected to introduce new legislation next week", True),
        ("Mahmood will argue next week", True),
        ("The party’ll decide", True),
        ("Ministers are due to publish the report", True),
        ("The council plans to close the library", True),
        ("The minister is to resign", True),
        ("He is going to stand again", True),
        ("The vote is set to take place", True),
        ("A decision is expected later this month", True),
        ("Campaigners gathered for the upcoming hearing", True),
        ("The result of Thursday’s poll saw Labour come third", False),
        ("He said he would carry on", False),
        ("She was expected to win", False),
        ("The plans to close the library were dropped", False),
        ("The delay is due to the weather", False),
        ("The aim is to reduce waiting lists", False),
        ("It was the will of the people", False),
        ("He told Will about it yesterday", False),
        ("The bill passed in 2019", False),
    ],
)
def test_is_future(clause: str, expected: bool) -> None:
    assert is_future(clause) is expected


# ------------------------------------------------------------------ rules added for issue 4


@pytest.mark.parametrize(
    ("text", "anchor", "future", "expected"),
    [
        # A weekday named with a date picks the year in which that date falls on that weekday.
        ("Tuesday, January 21", dt.date(2020, 1, 15), False, DateValue("2020-01-21", "day")),
        ("on Tuesday, January 21", dt.date(2020, 1, 15), True, DateValue("2020-01-21", "day")),
        ("Monday, 5 January", dt.date(2026, 2, 28), False, DateValue("2026-01-05", "day")),
        # A month with a relative year.
        ("since June of this year", dt.date(2019, 11, 27), False,
         DateValue("2019-06", "month", "since")),
        ("June of last year", dt.date(2019, 11, 27), False, DateValue("2018-06", "month")),
    ],
)
def test_weekday_with_a_date_and_relative_years(
    text: str, anchor: dt.date, future: bool, expected: DateValue
) -> None:
    assert resolve_date(text, anchor, future=future) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Monday", dt.date(2019, 8, 4), DateValue("2019-08-05", "day")),  # Sunday: 1 day ahead
        ("Monday", dt.date(2019, 8, 8), DateValue("2019-08-05", "day")),  # Thursday: 3 back
        ("Wednesday", dt.date(2019, 8, 4), DateValue("2019-08-07", "day")),  # 3 ahead, 4 back
        ("early September", dt.date(2019, 8, 29), DateValue("2019-09", "month")),
        ("October 14", dt.date(2019, 8, 29), DateValue("2019-10-14", "day")),
        ("June 12", dt.date(2019, 6, 23), DateValue("2019-06-12", "day")),
    ],
)
def test_nearest_takes_the_closest_candidate(text: str, anchor: dt.date, expected: DateValue) -> None:
    """A future seen from the past ("would meet on Monday") may be either side of publication."""
    assert resolve_date(text, anchor, nearest=True) == expected


def test_a_relation_before_a_possessive_date_governs_the_noun() -> None:
    anchor = dt.date(2019, 6, 23)
    assert resolve_date("after last week's", anchor) == DateValue("2019-W24", "week", "on")
    assert resolve_date("after last week", anchor) == DateValue("2019-W24", "week", "after")
    assert resolve_date("since Thursday's", SATURDAY) == DateValue("2026-02-26", "day", "since")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Bill Clinton was impeached in 1998, and Andrew Johnson in 1868.", ["1998", "1868"]),
        ("About 1700 were arrested; 1868 people marched.", []),
        ("He resigned in protest to May's negotiated deal.", []),
        ("He resigned effective next Wednesday, July 31.", ["next Wednesday", "July 31"]),
        ("Protests since June of this year continued.", ["since June of this year"]),
    ],
)
def test_find_more_date_expressions(sentence: str, expected: list[str]) -> None:
    assert [text for _, _, text in find_date_expressions(sentence)] == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("earlier this week", "past"), ("Yesterday", "past"), ("last week's", "past"),
        ("three days ago", "past"), ("next week", "future"), ("later this month", "future"),
        ("tomorrow", "future"), ("Thursday", None), ("2015", None), ("this week", None),
    ],
)
def test_direction_of_an_expression(expression: str, expected: str | None) -> None:
    assert direction(expression) == expected


@pytest.mark.parametrize(
    ("clause", "past_verb", "expected"),
    [
        ("anticipated to begin in January", False, "future"),
        ("a deposition request, scheduled for this week", False, "future"),
        ("the trial could possibly commence on Tuesday", False, "future"),
        ("a vote will be held today", False, "future"),
        ("it would meet on Monday", False, "near"),
        ("The Senate was to meet Monday", True, "near"),
        ("The Senate was set to meet on Wednesday", True, "near"),
        ("She was expected to win on Sunday", True, "near"),
        ("Pelosi announced the upcoming vote earlier this week", True, "past"),
        ("the upcoming vote on Tuesday", False, "future"),
        ("Police could not stop the march on Sunday", True, "past"),
        ("On Wednesday, Lam announced", True, "past"),
    ],
)
def test_clause_tense(clause: str, past_verb: bool, expected: str) -> None:
    assert clause_tense(clause, past_verb=past_verb) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "On Wednesday, September 25, 2019, the court ruled; on 2019-09-25 it voted.",
        "Sept. 3 and the 4th of Jan 2020 and mid-March 2018 and late Dec.",
        "Two weeks ago, last night and this morning; tomorrow evening; tonight's vote.",
        "Between 2008 and 2010, from March 2011 to June 2012, and 2008-16, since then.",
        "Market money monthly: no dates in mayhem, mondays or decembers here.",
        "In 1868 and since 1999's vote, about 1700 marched; 12019-01-01 is no date.",
    ],
)
def test_cues_only_skip_patterns_that_cannot_match(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.extract import date_finding

    gated = find_date_expressions(sentence)
    everything = set().union(*date_finding._NEEDS)
    monkeypatch.setattr(date_finding, "_cues", lambda lower: everything)
    assert find_date_expressions(sentence) == gated


def test_a_sentence_without_cues_holds_no_date() -> None:
    from generator.extract.date_finding import may_hold_date

    assert not may_hold_date("Markets rose on the news, the minister said.")
    assert may_hold_date("The vote is due on Thursday.") and may_hold_date("It rose in 2019.")
