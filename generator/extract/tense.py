"""Read the time a clause points to from its words: future ("will", "is expected to", "next
week"), a future seen from the past ("would", "was to"), or past."""

from __future__ import annotations

import re
from typing import Literal

from .date_words import MONTH_FULL_RE, WEEKDAY_RE

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
    # "plans to" / "intends to" as a verb, not "the plans to" / "the party's plans to".
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
        rf"\bnext\s+(?:week|weekend|month|year|spring|summer|autumn|winter|{WEEKDAY_RE}"
        rf"|{MONTH_FULL_RE})\b|\btomorrow\b|\blater\s+(?:this|today|tonight)\b",
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
