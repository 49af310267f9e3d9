"""Find and resolve news date expressions ("Thursday", "last week", "before 2015") against an
article's publication date, at the precision the text supports, so events can share a timeline."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Literal

from generator.models import DateValue

Relation = Literal["on", "before", "after", "since"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
}  # fmt: skip

# ------------------------------------------------------------- shared regex parts

_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_MONTH_FULL = "(?:" + "|".join(MONTHS) + ")"
_MONTH_ABBR = "(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
# A full name, or an abbreviation with an optional full stop ("Sept."); never "May." as a stop.
_MONTH = rf"(?:{_MONTH_FULL}\b|{_MONTH_ABBR}\b\.?)"
_NUMBER = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + ")"
_TIME_OF_DAY = r"(?:morning|afternoon|evening|night|lunchtime)"

# ------------------------------------------------- resolve_date: whole-text grammar

_M = rf"(?P<m>{_MONTH_FULL}|{_MONTH_ABBR})\b\.?"
_D = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_Y = r"(?P<y>\d{4})"
# "Tuesday, January 21": with a year the weekday is redundant; without one it picks the year.
_WD_PREFIX = rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?"

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")
_MDY = re.compile(rf"{_WD_PREFIX}{_M}\s+{_D}(?:,?\s+{_Y})?")
_DMY = re.compile(rf"{_WD_PREFIX}(?:the\s+)?{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?")
_MY = re.compile(rf"{_M},?\s+(?:of\s+)?{_Y}")
# "November last year", "June of this year"
_M_REL_YEAR = re.compile(rf"{_M}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")
_M_ONLY = re.compile(rf"(?:(?P<rel>this|last|next)\s+)?{_M}")
_YEAR = re.compile(r"(?:(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?(?P<y>[12]\d{3})")
_WD = re.compile(rf"(?:(?P<rel>this|last|next)\s+)?(?P<wd>{_WEEKDAY})(?:\s+{_TIME_OF_DAY})?")
_DAY_WORD = re.compile(rf"(?P<w>today|tonight|yesterday|tomorrow)(?:\s+{_TIME_OF_DAY})?")
_DAY_PHRASES = {"this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1}
_UNIT = re.compile(r"(?P<rel>this|last|next)\s+(?P<unit>week|weekend|month|year)")
_AGO = re.compile(rf"(?P<n>{_NUMBER})\s+(?P<unit>day|week|month|year)s?\s+ago")

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
        n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"]]
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


# --------------------------------------------------- find_date_expressions: scanning

_F_DAY = r"\b\d{1,2}(?:st|nd|rd|th)?\b"
_F_YEAR = r"\b(?:1[5-9]|20)\d{2}\b"
# A year before 1900 standing alone only after a preposition ("in 1868"): "about 1700" is a count.
_F_OLD_YEAR = "(?:" + "|".join(
    rf"(?<=\b{word} )" for word in ("in", "since", "by", "from", "of", "before", "after", "until")
) + ")"
_F_MOD = r"(?:(?:early|late|the\s+(?:end|start|beginning|middle)\s+of)\s+|mid-?\s*)?"
_F_MDY = rf"{_MONTH}\s+{_F_DAY}(?:,?\s+{_F_YEAR})?"
_F_DMY = rf"(?:the\s+)?{_F_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_F_YEAR})?"
_F_MY = rf"{_MONTH},?\s+(?:of\s+)?{_F_YEAR}"
_F_ABSOLUTE = rf"(?:{_F_MDY}|{_F_DMY}|{_F_MY}|\b{_MONTH_FULL}\b|{_F_YEAR})"
# A number right after a year is a count, not a date: "2000 votes", "1999 people".
_COUNT_UNITS = (
    r"(?:per\s*cent|votes?|voters|people|members|seats|jobs|homes|houses|households"
    r"|families|children|students|patients|workers|staff|employees|residents|troops"
    r"|soldiers|officers|cases|deaths|pounds|dollars|euros|miles|km|kilometres|metres"
    r"|meters|feet|acres|hectares|tonnes|tons|units|times|signatures|words|pages"
    r"|hours|minutes|days|weeks|months|years)\b"
)
_F_CORES = (
    r"\b\d{4}-\d{2}-\d{2}\b",  # ISO date
    rf"\b(?:{_WEEKDAY},?\s+)?{_F_MDY}",
    rf"\b(?:{_WEEKDAY},?\s+)?{_F_DMY}",
    rf"\b{_F_MDY}",  # also alone: "next Wednesday, July 31" is two expressions of one day
    rf"\b{_F_DMY}",
    rf"\b{_F_MOD}{_F_MY}",
    rf"\b{_F_MOD}(?:(?:last|next|this)\s+)?{_MONTH_FULL}\b"
    rf"(?:\s+(?:of\s+)?(?:last|next|this)\s+year\b)?",
    rf"\b(?:(?:last|next|this)\s+)?{_WEEKDAY}\b(?:'s\b|\s+{_TIME_OF_DAY}\b)?",
    r"\b(?:(?:earlier|later)\s+)?(?:last|next|this)\s+(?:week|weekend|month|year)\b(?:'s\b)?",
    rf"\b(?:(?:earlier|later)\s+)?(?:yesterday|today|tomorrow|tonight)\b"
    rf"(?:'s\b|\s+{_TIME_OF_DAY}\b)?",
    r"\b(?:last\s+night|this\s+(?:morning|afternoon|evening))\b",
    rf"\b{_NUMBER}\s+(?:day|week|month|year)s?\s+ago\b",
    # Bare year: not inside a longer number ("14,980", "£2019") and not a count.
    rf"(?<![\d,.£$€#])(?:\b(?:19|20)\d{{2}}\b|{_F_OLD_YEAR}\b1[5-8]\d{{2}}\b)(?![.,]\d)(?:'s\b)?"
    rf"(?!\s*(?:%|{_COUNT_UNITS}))",
)
_F_RELATION = r"(?:\b(?:before|after|since|until|till)\s+)?"
_F_OTHERS = (
    r"\b(?:since|before|after|until)\s+then\b",
    rf"\bbetween\s+{_F_ABSOLUTE}\s+and\s+{_F_ABSOLUTE}",
    rf"\bfrom\s+{_F_ABSOLUTE}\s+(?:to|until|till|through)\s+{_F_ABSOLUTE}",
    r"\b(?:19|20)\d{2}\s*[-–]\s*(?:(?:19|20)\d{2}|\d{2})\b(?!-)",  # "2008-16"
)
_FIND = tuple(re.compile(_F_RELATION + core, re.I) for core in _F_CORES) + tuple(
    re.compile(other, re.I) for other in _F_OTHERS
)
# What each pattern of _FIND cannot match without (tested on the lower-cased sentence):
# most sentences have no month, weekday or "ago", so most patterns are never run on them.
_HAS_MONTH = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_HAS_WEEKDAY = r"\b(?:mon|tue|wed|thu|fri|sat|sun)"
_TRIGGERS = tuple(re.compile(t) for t in (
    r"\d{4}-", _HAS_MONTH, _HAS_MONTH, _HAS_MONTH, _HAS_MONTH, _HAS_MONTH, _HAS_MONTH,
    _HAS_WEEKDAY, r"\b(?:last|next|this)\b", r"\b(?:yesterday|today|tomorrow|tonight)",
    r"\b(?:last|this)\b", r"\bago\b", r"\d{4}", r"\bthen\b", r"\bbetween\b", r"\bfrom\b",
    r"\d{4}",
))
assert len(_TRIGGERS) == len(_FIND)
_MONTH_TOKEN = re.compile(rf"\b(?:{_MONTH_FULL}|{_MONTH_ABBR})\b", re.I)
# Words after which a bare "May" is the month rather than a name or the modal verb.
_MAY_CONTEXT = {
    "in", "since", "by", "until", "till", "before", "after", "during", "of", "from",
    "early", "late", "mid", "last", "next", "this", "through", "between", "and", "to",
}  # fmt: skip


def _plausible(sentence: str, start: int, matched: str) -> bool:
    """Reject month words that are lower-case ("march", "may") and a bare "May" out of context."""
    months = _MONTH_TOKEN.findall(matched)
    if any(not word[0].isupper() for word in months):
        return False
    if matched == "May":
        if re.match(r"'s\b", sentence[start + 3 :]):
            return False  # "May's negotiated deal": a name's possessive
        before = re.findall(r"[A-Za-z]+", sentence[:start])
        return bool(before) and before[-1].lower() in _MAY_CONTEXT
    return True


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Date expressions in a sentence as (start, end, text): left to right, longest first."""
    sentence = text.replace("’", "'")  # same length, so offsets stay valid for ``text``
    lower = sentence.lower()
    present: dict[re.Pattern[str], bool] = {}
    candidates: list[tuple[int, int]] = []
    for pattern, trigger in zip(_FIND, _TRIGGERS, strict=True):
        if present.setdefault(trigger, trigger.search(lower) is not None):
            candidates.extend((m.start(), m.end()) for m in pattern.finditer(sentence)
                              if _plausible(sentence, m.start(), m.group()))
    found: list[tuple[int, int, str]] = []
    end = 0
    for start, stop in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start >= end:
            found.append((start, stop, text[start:stop]))
            end = stop
    return found


# ------------------------------------------------------------------ is_future

_DETERMINER = r"(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|some)"
_PURPOSE_NOUNS = (
    r"(?:aim|goal|plan|idea|intention|hope|purpose|task|job|priority|objective|point|answer"
    r"|solution|challenge|problem|thing|way|key|role|mission|ambition|focus|test|option|choice)s?"
)
_FUTURE_RULES: tuple[re.Pattern[str], ...] = (
    # Modal "will"/"shall" (never "would"), but not the noun: "the will of", "free will".
    re.compile(
        r"(?<!\bthe )(?<!\bfree )(?<!\bown )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )"
        r"(?<!\bpolitical )(?<!\bgood )(?<!\bill )\b(?:will|shall)\b(?!\s+of\b)"
        r"|^(?:Will|Shall)\b"  # capitalised only at the start; elsewhere "Will" is a name
    ),
    # Contractions: "she'll", "won't", "shan't".
    re.compile(r"\b\w+'ll\b|\b(?:won|shan)'t\b", re.I),
    # Present-tense expectation or plan: "is expected to", "are set to", "'s going to".
    re.compile(
        r"(?:\b(?:is|are|am)|'s|'re|'m)\s+(?:now\s+|also\s+|still\s+|widely\s+|not\s+)?"
        r"(?:expected|anticipated|scheduled|slated|set|poised|likely|planning|preparing"
        r"|intending|going|about)\s+to\b",
        re.I,
    ),
    # The same without the verb, as a reduced clause: "a trial, anticipated to begin in
    # January", "a deposition scheduled for this week" (not "was expected to", "had been set for").
    re.compile(
        rf"(?<!\bwas )(?<!\bwere )(?<!\bhad )(?<!\bhad been )(?<!\bwas being )"
        rf"\b(?:expected|anticipated|scheduled|slated|poised)\s+"
        rf"(?:to\s+(?!{_DETERMINER}\b)[a-z]+|for\b)",
        re.I,
    ),
    # "is due to" + verb (not "due to the weather"), or "is due" + time: "due next week".
    re.compile(
        rf"(?:\b(?:is|are)|'s|'re)\s+(?:now\s+|also\s+)?due\s+"
        rf"(?:to\s+(?!{_DETERMINER}\b)[a-z]+|(?:on|next|later|by)\b|in\s+(?!part\b))",
        re.I,
    ),
    # "plans to" / "intends to" as a verb, not "the plans to" / "Labour's plans to".
    re.compile(
        r"(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!'s )"
        r"\b(?:plans?|intends?)\s+to\b",
        re.I,
    ),
    # "is to" + verb ("she is to resign"), but not "the aim is to" or "who is to blame".
    re.compile(
        rf"\b(?!{_PURPOSE_NOUNS}\b)[a-z]+\s+(?:is|are)\s+to\s+(?!blame\b)(?:be\s+)?[a-z]+", re.I
    ),
    # A possibility yet to come: "the trial could commence", "it might pass" (not "could not",
    # "could have"; only a lower-case "may", which is otherwise the month or a name).
    re.compile(r"\b(?:[Cc]ould|[Mm]ight|may)\s+(?:\w+ly\s+)?(?!not\b|never\b|have\b|n't)[a-z]+\b"),
)
# Signals about the thing, not the verb: weaker than the verb's own tense.
_WEAK_FUTURE_RULES: tuple[re.Pattern[str], ...] = (
    # Explicit future time words.
    re.compile(
        rf"\bnext\s+(?:week|weekend|month|year|spring|summer|autumn|winter|{_WEEKDAY}"
        rf"|{_MONTH_FULL})\b|\btomorrow\b|\blater\s+(?:this|today|tonight)\b",
        re.I,
    ),
    re.compile(r"\b(?:upcoming|forthcoming)\b|\bin\s+the\s+coming\b", re.I),
)
# A future seen from the past: "would meet", "was to meet", "were set to vote".
_FUTURE_IN_PAST_RULES: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bwould\b(?!\s+have\b)|\b\w+'d\s+(?:be|have to|go|meet|vote|make)\b", re.I),
    re.compile(
        rf"\b(?:was|were)\s+(?:(?:set|scheduled|slated|due|expected|anticipated|supposed|going"
        rf"|about|poised|planning|preparing)\s+)?(?:to\s+(?!{_DETERMINER}\b)[a-z]+"
        rf"|for\b)",
        re.I,
    ),
)

Tense = Literal["future", "near", "past"]


def is_future(text: str) -> bool:
    """True when the clause presents something as yet to happen ("will", "is expected to")."""
    clause = text.strip().replace("’", "'")
    return any(rule.search(clause) for rule in (*_FUTURE_RULES, *_WEAK_FUTURE_RULES))


def clause_tense(text: str, *, past_verb: bool = False) -> Tense:
    """The time a clause's own verb points to, from the publication date.

    "future": yet to happen ("will argue", "is expected to", "anticipated to begin"); "near":
    a future seen from the past ("would meet", "was to meet"), which may or may not have come
    by publication, so its dates go to the nearest candidate; "past" otherwise. Words about a
    thing rather than the verb ("the upcoming vote", "next week's") count only when the verb
    is not in the past tense (``past_verb``): "announced the upcoming vote" is past.
    """
    clause = text.strip().replace("’", "'")
    if any(rule.search(clause) for rule in _FUTURE_RULES):
        return "future"
    if any(rule.search(clause) for rule in _FUTURE_IN_PAST_RULES):
        return "near"
    if not past_verb and any(rule.search(clause) for rule in _WEAK_FUTURE_RULES):
        return "future"
    return "past"
