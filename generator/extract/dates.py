"""Resolve news date expressions ("Thursday", "last week", "before 2015") against an
article's publication date, at the precision the text supports, so events can share a timeline."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Literal

from generator.models import DateValue

from .date_words import (
    MONTH_ABBR_RE,
    MONTH_FULL_RE,
    MONTHS,
    NUMBER_RE,
    NUMBER_WORDS,
    TIME_OF_DAY_RE,
    WEEKDAY_RE,
    WEEKDAYS,
)

Relation = Literal["on", "before", "after", "since"]

# ------------------------------------------------- resolve_date: whole-text grammar

_M = rf"(?P<m>{MONTH_FULL_RE}|{MONTH_ABBR_RE})\b\.?"
_D = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_Y = r"(?P<y>\d{4})"
# "Tuesday, January 21": with a year the weekday is redundant; without one it picks the year.
_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_MDY = re.compile(rf"{_WD_PREFIX}{_M}\s+{_D}(?:,?\s+{_Y})?")
_DMY = re.compile(rf"{_WD_PREFIX}(?:the\s+)?{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?")
_MY = re.compile(rf"{_M},?\s+(?:of\s+)?{_Y}")
# "November last year", "June of this year"
_M_REL_YEAR = re.compile(rf"{_M}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")
_M_ONLY = re.compile(rf"(?:(?P<rel>this|last|next)\s+)?{_M}")
_YEAR = re.compile(r"(?:(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?(?P<y>[12]\d{3})")
_WD = re.compile(rf"(?:(?P<rel>this|last|next)\s+)?(?P<wd>{WEEKDAY_RE})(?:\s+{TIME_OF_DAY_RE})?")
_DAY_WORD = re.compile(rf"(?P<w>today|tonight|yesterday|tomorrow)(?:\s+{TIME_OF_DAY_RE})?")
_DAY_PHRASES = {"this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1}
_UNIT = re.compile(r"(?P<rel>this|last|next)\s+(?P<unit>week|weekend|month|year)")
_AGO = re.compile(rf"(?P<n>{NUMBER_RE})\s+(?P<unit>day|week|month|year)s?\s+ago")

# Leading words that do not change the date: prepositions, and vagueness markers
# ("early", "the end of") that we drop rather than invent a narrower date.
_LEADING = re.compile(
    r"^(?:on|in|by|at|during|around|about|circa|of|the|as\s+of|early|late|mid|end\s+of"
    r"|start\s+of|beginning\s+of|middle\s+of|earlier|later)\b[\s-]*"
)
_RELATION = re.compile(r"^(?P<rel>before|after|since|until|till|from|between)\s+(?P<rest>.+)")
_RELATION_OF: dict[str, Relation] = {
    "before": "before", "until": "before", "till": "before",  # "until 2015": ended before then
    "after": "after", "since": "since", "from": "since", "between": "since",
}  # fmt: skip
# A range keeps only its start ("2008-16", "2008 to 2016") with relation "since"; a list
# ("Thursday or Friday") keeps its first date. "between X and Y" is a list made "since".
_RANGE = re.compile(r"(?P<a>.+?)\s*(?:-|\bto\b|\buntil\b|\btill\b|\bthrough\b)\s*(?P<b>.+)")
_LIST = re.compile(r"(?P<a>.+?)\s+(?:or|and)\s+(?P<b>.+)")


def _normalise(text: str) -> str:
    """Lower-case, straighten apostrophes and dashes, drop possessives and edge punctuation."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", " ", text).strip(' \t"“”.,;:!?()')
    return re.sub(r"'s?$", "", text).strip()


def _day(d: dt.date) -> DateValue:
    return DateValue(d.isoformat(), "day")


def _week(d: dt.date) -> DateValue:
    year, week, _ = d.isocalendar()
    return DateValue(f"{year}-W{week:02d}", "week")


def _month(year: int, month: int) -> DateValue:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1  # normalise overflow
    return DateValue(f"{year:04d}-{month:02d}", "month")


def _year(year: int) -> DateValue:
    return DateValue(f"{year:04d}", "year")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return [m[:3] for m in MONTHS].index(word[:3]) + 1


def _weekday(
    anchor: dt.date, target: int, rel: str | None, future: bool, nearest: bool = False
) -> dt.date:
    """A bare weekday naming the anchor's own weekday means the anchor day (news convention).

    ``nearest`` (a future seen from the past: "would meet on Monday", "was to meet Monday")
    takes the closer of the two candidates, the earlier one on a tie.
    """
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if rel == "last":
        return anchor - dt.timedelta(days=back or 7)
    if rel == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if nearest:
        future = ahead < back
    return anchor + dt.timedelta(days=ahead) if future else anchor - dt.timedelta(days=back)


def _month_year(
    anchor: dt.date, month: int, rel: str | None, future: bool, nearest: bool = False
) -> int:
    """The year of the nearest such month in the direction the tense (or last/next) points."""
    if rel == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if nearest:
        return min((anchor.year - 1, anchor.year, anchor.year + 1),
                   key=lambda y: abs((y - anchor.year) * 12 + month - anchor.month))
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _day_without_year(
    anchor: dt.date, month: int, day: int, weekday: str | None, future: bool, nearest: bool
) -> dt.date | None:
    """"January 21" (maybe "Tuesday, January 21"): the year comes from the anchor.

    A weekday picks the year in which the date falls on that weekday (the nearest such
    year to the anchor); otherwise the anchor's year, moved a year if that contradicts the
    tense, or the closest candidate for a future seen from the past.
    """
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if (d := _safe_date(y, month, day)) is not None]
    if weekday:
        matching = [d for d in candidates if d.weekday() == WEEKDAYS.index(weekday)]
        if matching:
            return min(matching, key=lambda d: abs((d - anchor).days))
    if nearest and candidates:
        return min(candidates, key=lambda d: abs((d - anchor).days))
    d = _safe_date(anchor.year, month, day)
    if d is not None and not future and d > anchor:
        d = _safe_date(anchor.year - 1, month, day)
    elif d is not None and future and d < anchor:
        d = _safe_date(anchor.year + 1, month, day)
    return d


def _core(s: str, anchor: dt.date | None, future: bool, nearest: bool = False) -> DateValue | None:
    """Resolve one plain date expression (no relation words, no range)."""
    if m := _ISO.fullmatch(s):
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return _day(d) if d else None
    if m := _MDY.fullmatch(s) or _DMY.fullmatch(s):
        month, day = _month_number(m["m"]), int(m["d"])
        if m["y"]:
            d = _safe_date(int(m["y"]), month, day)
            return _day(d) if d else None
        if anchor is None:
            return None
        d = _day_without_year(anchor, month, day, m["wd"], future, nearest)
        return _day(d) if d else None
    if m := _MY.fullmatch(s):
        return _month(int(m["y"]), _month_number(m["m"]))
    if m := _YEAR.fullmatch(s):
        return _year(int(m["y"]))
    if anchor is None:
        return None  # everything below is relative to the publication date
    if m := _M_REL_YEAR.fullmatch(s):
        offset = {"this": 0, "last": -1, "next": 1}[m["rel"]]
        return _month(anchor.year + offset, _month_number(m["m"]))
    if m := _M_ONLY.fullmatch(s):
        month = _month_number(m["m"])
        return _month(_month_year(anchor, month, m["rel"], future, nearest), month)
    if m := _WD.fullmatch(s):
        return _day(_weekday(anchor, WEEKDAYS.index(m["wd"]), m["rel"], future, nearest))
    if s in _DAY_PHRASES:
        return _day(anchor + dt.timedelta(days=_DAY_PHRASES[s]))
    if m := _DAY_WORD.fullmatch(s):
        offset = {"yesterday": -1, "tomorrow": 1}.get(m["w"], 0)
        return _day(anchor + dt.timedelta(days=offset))
    if m := _UNIT.fullmatch(s):
        step = {"this": 0, "last": -1, "next": 1}[m["rel"]]
        if m["unit"] in ("week", "weekend"):
            return _week(anchor + dt.timedelta(weeks=step))
        if m["unit"] == "month":
            return _month(anchor.year, anchor.month + step)
        return _year(anchor.year + step)
    if m := _AGO.fullmatch(s):
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
        if m["unit"] == "day":
            return _day(anchor - dt.timedelta(days=n))
        if m["unit"] == "week":
            return _week(anchor - dt.timedelta(weeks=n))
        if m["unit"] == "month":
            return _month(anchor.year, anchor.month - n)
        return _year(anchor.year - n)
    return None


def resolve_date(
    text: str,
    anchor: dt.date | None,
    *,
    future: bool = False,
    previous: DateValue | None = None,
    nearest: bool = False,
) -> DateValue | None:
    """Resolve a date expression against the publication date ``anchor``; None if not a date.

    ``future`` picks the direction for bare weekdays and months; ``nearest`` (a future seen
    from the past: "would", "was to") takes the closest candidate either way; ``previous`` is
    the last dated event, used for "then" / "since then". Ranges ("from 2008 until 2016",
    "between 2005 and 2015") keep only their start, with relation "since". Durations
    ("20 years"), decades ("the 1990s") and vague words ("recently") give None. A relation
    word before a possessive date ("after last week's protests") governs the noun, not the
    date: the date is the protests', and the event is "on" it.
    """
    possessive = bool(re.search(r"['’]s$", text.strip()))
    s = _normalise(text)
    if not s:
        return None
    if s == "then":
        return replace(previous, relation="on") if previous else None
    if m := _RELATION.match(s):
        inner = resolve_date(m["rest"], anchor, future=future, previous=previous, nearest=nearest)
        if inner is None:
            return None
        relation = _RELATION_OF[m["rel"]]
        return replace(inner, relation="on" if possessive and relation == "after" else relation)
    while (stripped := _LEADING.sub("", s)) != s:
        s = stripped
    if (value := _core(s, anchor, future, nearest)) is not None:
        return value
    if m := _RANGE.fullmatch(s):
        start = resolve_date(m["a"], anchor, future=future, previous=previous, nearest=nearest)
        return replace(start, relation="since") if start else None
    if m := _LIST.fullmatch(s):
        return resolve_date(m["a"], anchor, future=future, previous=previous, nearest=nearest)
    return None


def direction(expression: str) -> Literal["past", "future"] | None:
    """The way an expression itself points from the publication date, whatever the verb's
    tense: "earlier this week", "yesterday", "last month" are past; "later this month",
    "tomorrow", "next week" are future; "Thursday" or "2015" say nothing."""
    s = _normalise(expression)
    if re.search(r"\b(?:earlier|yesterday|last|ago|previous)\b", s):
        return "past"
    if re.search(r"\b(?:later|tomorrow|next|coming)\b", s):
        return "future"
    return None
