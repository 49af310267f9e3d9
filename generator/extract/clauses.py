"""The clause a date belongs to, read from the dependency parse: its head and tense, its
subject, and whether the date dates the clause at all ("higher than last year", "a 2005 law"
do not)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from .date_words import MONTHS
from .tense import Tense, clause_tense

_VERBS = {"VERB", "AUX"}
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "acl", "conj", "xcomp", "parataxis", "csubj",
                "csubjpass", "pcomp"}
_SUBCLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "conj"}
_OWN_SUBJECT = {"nsubj", "nsubjpass", "aux", "auxpass", "expl"}
_LIMIT_WORDS = {"until", "till", "through"}
_DEADLINE_WORDS = {"by", "before"}
_TIME_NOUNS = {"summer", "spring", "autumn", "fall", "winter", "end", "start", "beginning",
               "middle", "half", "quarter", "year", "month", "week", "part", "parts", "rest"}


def tense_of(span: Span) -> tuple[Token, Tense]:
    """The clause of a date and the time its verb points to.

    A to-infinitive has no tense of its own and takes its governing clause's ("will comply
    with the request to suspend Parliament in September" is future). A date after "until" or
    "by" is a limit, often still to come, and a present-tense verb ("the deadline is October
    31") says nothing of the past: both take the nearest candidate date.
    """
    head, tokens = clause_of(span)
    tense = clause_tense(_text(tokens), past_verb=_past_verb(head))
    governing = head
    while tense == "past" and _infinitive(governing) and governing.head.i != governing.i:
        governing, tokens = clause_of(governing.doc[governing.head.i : governing.head.i + 1])
        tense = clause_tense(_text(tokens), past_verb=_past_verb(governing))
    if tense == "past" and (_limit(span, past=_past_verb(governing))
                            or _present(head) or _present(governing)):
        tense = "near"
    return head, tense


def clause_of(span: Span) -> tuple[Token, list[Token]]:
    """The clause a date belongs to: its head (the verb the date hangs from, followed up
    through "set to meet"-style chains and shared auxiliaries) and its tokens, without the
    clauses embedded in it ("announced [that it will withdraw]")."""
    head = span.root
    while not (head.pos_ in _VERBS and head.dep_ in _CLAUSE_DEPS) and head.head.i != head.i:
        head = head.head
    while head.head.i != head.i and (
        head.dep_ == "xcomp"
        or (head.dep_ == "conj" and not any(c.dep_ in _OWN_SUBJECT for c in head.children))
    ):
        head = head.head
    inside = set(range(span.start, span.end))
    skip: set[int] = set()
    for t in head.subtree:
        if t.i == head.i or t.i in skip or t.dep_ not in _SUBCLAUSE_DEPS or t.pos_ not in _VERBS:
            continue
        if t.dep_ == "conj" and not any(c.dep_ in _OWN_SUBJECT for c in t.children):
            continue  # "would meet in September and reconvene in October": one clause
        below = {x.i for x in t.subtree}
        if not below & inside:
            skip |= below
    return head, sorted((t for t in head.subtree if t.i not in skip), key=lambda t: t.i)


def _text(tokens: Iterable[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens)


def _infinitive(head: Token) -> bool:
    """"to suspend": a to-infinitive, with no tense of its own."""
    return head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _limit(span: Span, *, past: bool) -> bool:
    """"until October 14": the date is a limit; so is "by October 31", unless the verb is in
    the past ("by Sunday afternoon, he had said")."""
    words = _LIMIT_WORDS if past else _LIMIT_WORDS | _DEADLINE_WORDS
    if span[0].lower_ in words:
        return True
    return span.start > span.sent.start and span.doc[span.start - 1].lower_ in words


def _present(head: Token) -> bool:
    """A present-tense finite verb, not a perfect: "the deadline is", "demands include"."""
    finite = [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() != "have" for t in finite) and \
        not any(t.lemma_.lower() == "have" and t.tag_ in ("VBZ", "VBP") for t in finite)


def subject_tokens(head: Token) -> tuple[int, ...]:
    """Where the actor doing (or undergoing) what the clause says is named: the subject's
    tokens ("the House passed …" → House); the first one that names an actor counts."""
    return tuple(t.i for child in head.children if child.dep_ in ("nsubj", "nsubjpass")
                 for t in (child, *child.subtree))


def _past_verb(head: Token) -> bool:
    """The clause's finite verb is in the past tense ("announced", "was held")."""
    return head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                     for c in head.children)


def is_comparison(span: Span) -> bool:
    """A date used to compare, not to date: "higher than last year", "the worst since 2009"."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 2) : span.start]]
    if before[-1:] == ["than"] or (before[-2:-1] == ["than"] and before[-1] in ("in", "on", "at")):
        return True
    if span[0].lower_ == "since":  # "the worst since 2009", "the first time since June"
        window = doc[max(span.sent.start, span.start - 10) : span.start]
        return any(t.tag_ in ("JJS", "RBS") or t.lower_ == "first" for t in window)
    return False


def is_attributive(span: Span, expression: str) -> bool:
    """A bare year or month naming a thing, not dating the clause: "a 2005 law", "the 2017
    election", "October elections", "the Tenure of Office Act of 1867" (but "the summer of
    1868" is a date)."""
    bare = expression.strip()
    if not (re.fullmatch(r"\d{4}", bare) or bare.lower() in MONTHS):
        return False
    token = span.root
    head = token.head
    if token.dep_ in ("nummod", "compound", "amod", "nmod") and head.i > token.i:
        return head.pos_ in ("NOUN", "PROPN")
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    return (before is not None and before.lower_ == "of" and token.head.i == before.i
            and before.head.pos_ in ("NOUN", "PROPN") and before.head.lower_ not in _TIME_NOUNS
            and before.head.lower_ not in MONTHS)
