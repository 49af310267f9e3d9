"""Find date expressions in a sentence ("on Thursday", "last week", "between 2008 and 2010"):
where they are, left to right; :mod:`.dates` resolves them."""

from __future__ import annotations

import re

from .date_words import (
    MONTH_ABBR_RE,
    MONTH_ABBRS,
    MONTH_FULL_RE,
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    TIME_OF_DAY_RE,
    WEEKDAY_RE,
    WEEKDAYS,
)

_F_DAY = r"\b\d{1,2}(?:st|nd|rd|th)?\b"
_F_YEAR = r"\b(?:1[5-9]|20)\d{2}\b"
# A year before 1900 standing alone only after a preposition ("in 1868"): "about 1700" is a count.
_F_OLD_YEAR = "(?:" + "|".join(
    rf"(?<=\b{word} )" for word in ("in", "since", "by", "from", "of", "before", "after", "until")
) + ")"
_F_MOD = r"(?:(?:early|late|the\s+(?:end|start|beginning|middle)\s+of)\s+|mid-?\s*)?"
_F_MDY = rf"{MONTH_RE}\s+{_F_DAY}(?:,?\s+{_F_YEAR})?"
_F_DMY = rf"(?:the\s+)?{_F_DAY}\s+(?:of\s+)?{MONTH_RE}(?:,?\s+{_F_YEAR})?"
_F_MY = rf"{MONTH_RE},?\s+(?:of\s+)?{_F_YEAR}"
_F_ABSOLUTE = rf"(?:{_F_MDY}|{_F_DMY}|{_F_MY}|\b{MONTH_FULL_RE}\b|{_F_YEAR})"
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
    rf"\b(?:{WEEKDAY_RE},?\s+)?{_F_MDY}",
    rf"\b(?:{WEEKDAY_RE},?\s+)?{_F_DMY}",
    rf"\b{_F_MDY}",  # also alone: "next Wednesday, July 31" is two expressions of one day
    rf"\b{_F_DMY}",
    rf"\b{_F_MOD}{_F_MY}",
    rf"\b{_F_MOD}(?:(?:last|next|this)\s+)?{MONTH_FULL_RE}\b"
    rf"(?:\s+(?:of\s+)?(?:last|next|this)\s+year\b)?",
    rf"\b(?:(?:last|next|this)\s+)?{WEEKDAY_RE}\b(?:'s\b|\s+{TIME_OF_DAY_RE}\b)?",
    r"\b(?:(?:earlier|later)\s+)?(?:last|next|this)\s+(?:week|weekend|month|year)\b(?:'s\b)?",
    rf"\b(?:(?:earlier|later)\s+)?(?:yesterday|today|tomorrow|tonight)\b"
    rf"(?:'s\b|\s+{TIME_OF_DAY_RE}\b)?",
    r"\b(?:last\s+night|this\s+(?:morning|afternoon|evening))\b",
    rf"\b{NUMBER_RE}\s+(?:day|week|month|year)s?\s+ago\b",
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
# What each pattern of _FIND cannot match without: a cue found in the lower-cased sentence.
# Most sentences have no month, weekday or "ago", so most patterns are never run on them; the
# cues are found in one scan, since a search per pattern cost more than the patterns did.
_CUES = re.compile(
    rf"\b\d{{4}}-|\d{{4}}|\b(?:{MONTH_FULL_RE}|{MONTH_ABBR_RE}|{WEEKDAY_RE}"
    r"|last|next|this|yesterday|today|tomorrow|tonight|ago|then|between|from)\b"
)
_CUE_OF = {**dict.fromkeys((*MONTHS, *MONTH_ABBRS), "month"), **dict.fromkeys(WEEKDAYS, "weekday")}
_NEEDS = (
    {"iso"}, *[{"month"}] * 6, {"weekday"}, {"last", "next", "this"},
    {"yesterday", "today", "tomorrow", "tonight"}, {"last", "this"}, {"ago"}, {"digits"},
    {"then"}, {"between"}, {"from"}, {"digits"},
)
assert len(_NEEDS) == len(_FIND)
_MONTH_TOKEN = re.compile(rf"\b(?:{MONTH_FULL_RE}|{MONTH_ABBR_RE})\b", re.I)
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


def _cues(lower: str) -> set[str]:
    """The cues of :data:`_NEEDS` in a lower-cased sentence."""
    found: set[str] = set()
    for m in _CUES.finditer(lower):
        word = m.group()
        if word[0].isdigit():
            found.update(("iso", "digits") if word[-1] == "-" else ("digits",))
        else:
            found.add(_CUE_OF.get(word, word))
    return found


def may_hold_date(text: str) -> bool:
    """False when no date pattern can match the sentence (a cheap test before reading it)."""
    return bool(_cues(text.replace("’", "'").lower()))


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Date expressions in a sentence as (start, end, text): left to right, longest first."""
    sentence = text.replace("’", "'")  # same length, so offsets stay valid for ``text``
    lower = sentence.lower()
    present = _cues(lower)
    candidates: list[tuple[int, int]] = []
    for pattern, needs in zip(_FIND, _NEEDS, strict=True):
        if not needs.isdisjoint(present):
            candidates.extend((m.start(), m.end()) for m in pattern.finditer(sentence)
                              if _plausible(sentence, m.start(), m.group()))
    found: list[tuple[int, int, str]] = []
    end = 0
    for start, stop in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start >= end:
            found.append((start, stop, text[start:stop]))
            end = stop
    return found
