"""Merging reports into events: one event per thing that happened, across articles.

Reports of one happening (same time, and shared words, the same kind of happening or the
same subject) become one event citing every report; reports in different articles that
agree on everything but a close date become one event that says the sources disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import chain

from ..models import Citation, DateValue

# Two reports are of one event when they share this much of their content words.
SAME_EVENT_OVERLAP = 0.3
# Two reports in different articles that share this much but give different dates (at most
# DISAGREEMENT_DAYS apart) are one event the sources date differently.
DISAGREEMENT_OVERLAP = 0.5
DISAGREEMENT_DAYS = 7
# Events are indexed by periods of this many days, or (longer than LONG_EVENT periods, as a
# year) of LONG_BUCKET_DAYS: see _Index.
BUCKET_DAYS = 28
LONG_EVENT = 3
LONG_BUCKET_DAYS = 13 * BUCKET_DAYS
# Words for one kind of happening: two reports of the same day using words of one kind
# ("Thursday's poll", "Thursday's election") report one event. General news vocabulary; any
# compound ending in "election" counts as "election" (see _kind_words).
SAME_KIND = (
    frozenset({"election", "poll", "vote", "ballot", "referendum", "primary", "caucus"}),
    frozenset({"protest", "march", "rally", "demonstration", "demonstrator", "protester",
               "marcher"}),
    frozenset({"speech", "address"}),
    frozenset({"ruling", "judgment", "judgement", "verdict"}),
    frozenset({"resignation", "resign"}),
    frozenset({"strike", "walkout"}),
)


@dataclass(frozen=True)
class EventDraft:
    """An event before ids are assigned; ``actors`` holds actor keys."""

    date: DateValue
    date_text: str
    expected: bool
    text: str
    sources: tuple[Citation, ...]
    actors: tuple[str, ...]
    lemmas: frozenset[str]
    order: tuple[str, int, int, int, int]  # first report's (published, article, paragraph,
    # sentence, character): reading order
    subject: str | None = None  # actor key of the subject of the date's clause


def merge_events(
    drafts: Sequence[EventDraft], outlets: dict[str, tuple[str, dt.date | None]]
) -> tuple[EventDraft, ...]:
    """Join reports of the same event: the same date and enough shared content words, words
    for the same kind of happening, or (in different articles) the same subject; reports in
    different articles that agree on everything but the date are one event whose sources
    disagree, and say so."""
    merged: list[EventDraft] = []
    disputed: dict[int, list[EventDraft]] = {}
    # Only events within DISAGREEMENT_DAYS of a report can join it, and only if they share a
    # content word, a kind of happening or the subject (every test below needs one of these):
    # an index of (key, period) to the events covering it keeps the search local and small
    # instead of comparing every pair of events.
    index = _Index()
    least = min(SAME_EVENT_OVERLAP, DISAGREEMENT_OVERLAP)
    for draft in sorted(drafts, key=lambda d: (d.date.sort_key, d.order)):
        first, last = draft.date.days()
        window = index.window(first - dt.timedelta(DISAGREEMENT_DAYS),
                              last + dt.timedelta(DISAGREEMENT_DAYS))
        # How many of the report's words each nearby event shares, counted in one go (an
        # event filed in several periods of the window counts once per word).
        groups: list[set[int]] = []
        for lemma in draft.lemmas:
            found = index.find(lemma, window)
            if found:
                groups.append(found[0] if len(found) == 1 else set().union(*found))
        size = len(draft.lemmas)
        # sharing n of its words, the overlap is at most n / size: events sharing fewer than
        # ``need`` are left out without the exact test
        need = next((n for n in range(1, size + 1) if n / size >= least), size + 1)
        nearby = {i for i, n in Counter(chain.from_iterable(groups)).items()
                  if n >= need and n / (len(merged[i].lemmas) + size - n) >= least}
        keys = _index_keys(draft)
        for key in keys:
            nearby.update(*index.find(key, window))
        for i in sorted(nearby):
            event = merged[i]
            if any(c in event.sources for c in draft.sources):
                continue  # two dates of one sentence are two events
            if event.expected == draft.expected and _same_time(event.date, draft.date) and (
                    _overlap(event.lemmas, draft.lemmas) >= SAME_EVENT_OVERLAP
                    or _same_kind(event, draft) or _same_subject(event, draft)):
                merged[i] = _join(event, draft)
                break
            if _disagree(event, draft, outlets):
                disputed.setdefault(i, [event]).append(draft)
                merged[i] = _join(event, draft)
                break
        else:
            i = len(merged)
            merged.append(draft)
        # (an event's days never change as reports join it: they share its date, or keep it)
        index.file(i, keys | draft.lemmas, *merged[i].date.days())
    for i, versions in disputed.items():
        merged[i] = replace(merged[i], text=merged[i].text + " " + _date_note(versions, outlets),
                            date_text=" / ".join(dict.fromkeys(v.date_text for v in versions)))
    return tuple(_note_figures(e, outlets) for e in merged)


def _index_keys(draft: EventDraft) -> set[str]:
    """What, besides a content word, another report may share with this one to be compared
    with it: a kind of happening or the subject."""
    words = _kind_words(draft.lemmas)  # (once: it was made again for each kind)
    keys = {f"kind:{n}" for n, kind in enumerate(SAME_KIND) if words & kind}
    if draft.subject is not None:
        keys.add(f"subject:{draft.subject}")
    return keys


class _Index:
    """Event numbers by key and by period, for the events a report could join.

    Periods are BUCKET_DAYS long; an event longer than LONG_EVENT of them (a year) is filed by
    periods of LONG_BUCKET_DAYS, numbered below zero so that one table holds both: filing it
    in 14 periods under each of its words took more time than all the searches. A long period
    is 13 short ones, so a window finds every event it found with short periods alone; the
    few more it finds are too far apart in time to pass the tests of :func:`merge_events`.
    """

    def __init__(self) -> None:
        self._events: dict[str, dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))

    @staticmethod
    def window(first: dt.date, last: dt.date) -> list[int]:
        """The periods of either length that hold a day from ``first`` to ``last``."""
        a, b = first.toordinal(), last.toordinal()
        return [*range(a // BUCKET_DAYS, b // BUCKET_DAYS + 1),
                *range(-1 - a // LONG_BUCKET_DAYS, -2 - b // LONG_BUCKET_DAYS, -1)]

    def file(self, i: int, keys: Iterable[str], first: dt.date, last: dt.date) -> None:
        a, b = first.toordinal(), last.toordinal()
        periods = range(a // BUCKET_DAYS, b // BUCKET_DAYS + 1)
        if len(periods) > LONG_EVENT:
            periods = range(-1 - a // LONG_BUCKET_DAYS, -2 - b // LONG_BUCKET_DAYS, -1)
        for key in keys:
            by_period = self._events[key]
            for period in periods:
                by_period[period].add(i)

    def find(self, key: str, window: list[int]) -> list[set[int]]:
        """The events filed under ``key`` in each period of ``window`` that has any."""
        by_period = self._events.get(key)
        return [] if by_period is None else [s for p in window if (s := by_period.get(p))]


def _join(event: EventDraft, draft: EventDraft) -> EventDraft:
    date = draft.date if _same_time(event.date, draft.date) and draft.date.relation == "on" \
        else event.date  # "since June" and "began in June": in June
    return replace(event, date=date, sources=event.sources + draft.sources,
                   actors=tuple(sorted(set(event.actors) | set(draft.actors))),
                   lemmas=event.lemmas | draft.lemmas)


def _same_time(a: DateValue, b: DateValue) -> bool:
    """The same date; "since June" and "in June" both date a beginning in June."""
    return a == b or (a.iso == b.iso and a.precision == b.precision
                      and {a.relation, b.relation} <= {"on", "since"})


def _same_kind(a: EventDraft, b: EventDraft) -> bool:
    first, second = _kind_words(a.lemmas), _kind_words(b.lemmas)
    return any(first & kind and second & kind for kind in SAME_KIND)


def _kind_words(lemmas: frozenset[str]) -> set[str]:
    """Lemmas with compounds of a kind word folded onto it ("re-election" → "election")."""
    return {"election" if w.endswith("election") else w for w in lemmas}


def _same_subject(a: EventDraft, b: EventDraft) -> bool:
    """Different articles saying what one actor did at one time: one event, in their words
    ("the House impeached the President on Wednesday" / "On December 18, the House passed
    two articles of impeachment")."""
    return (a.subject is not None and a.subject == b.subject
            and not {c.article for c in a.sources} & {c.article for c in b.sources})


def _disagree(a: EventDraft, b: EventDraft, outlets: dict[str, tuple[str, dt.date | None]]) -> bool:
    """Two articles report the same thing on different (but close) dates."""
    if a.expected != b.expected or a.date == b.date or a.date.relation != b.date.relation:
        return False
    if {c.article for c in a.sources} & {c.article for c in b.sources}:
        return False
    (a0, a1), (b0, b1) = a.date.days(), b.date.days()
    gap = max((b0 - a1).days, (a0 - b1).days, 0)
    return gap <= DISAGREEMENT_DAYS and _overlap(a.lemmas, b.lemmas) >= DISAGREEMENT_OVERLAP


def _date_note(versions: Iterable[EventDraft], outlets: dict[str, tuple[str, dt.date | None]]) -> str:
    parts: dict[str, list[str]] = {}
    for v in versions:
        for c in v.sources:
            parts.setdefault(v.date.spoken(), []).append(outlets[c.article][0])
    listed = "; ".join(f"{when} ({', '.join(dict.fromkeys(who))})" for when, who in parts.items())
    return f"(The sources give different dates: {listed}.)"


_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:%|per\s?cent\b|million\b"
                     r"|billion\b|thousand\b))?\s+([a-z][a-z-]+)")


def _note_figures(event: EventDraft, outlets: dict[str, tuple[str, dt.date | None]]) -> EventDraft:
    """When the articles of one event give different numbers of the same thing ("14,980
    votes" and "14,890 votes"), the event says so."""
    if len({c.article for c in event.sources}) < 2:
        return event  # one article: nothing to compare (most events; the search is skipped)
    seen: dict[str, dict[str, set[str]]] = {}  # noun → article → the figures it gives
    for c in event.sources:
        for number, scale, noun in _FIGURE.findall(c.text):
            seen.setdefault(noun, {}).setdefault(c.article, set()).add(f"{number}{scale}".strip())
    notes = []
    for noun, by_article in seen.items():
        figures: dict[str, list[str]] = {}
        for article, given in by_article.items():
            if len(given) == 1:
                figures.setdefault(next(iter(given)), []).append(outlets[article][0])
        if len(by_article) > 1 and len(figures) > 1 and all(len(g) == 1 for g in by_article.values()):
            listed = "; ".join(f"{figure} {noun} ({', '.join(dict.fromkeys(who))})"
                               for figure, who in figures.items())
            notes.append(f"(The sources give different figures: {listed}.)")
    return replace(event, text=" ".join([event.text, *notes])) if notes else event



def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
