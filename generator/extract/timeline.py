"""Timeline events: each dated clause of narration, with its date resolved against the
article's publication date, marked as happened or expected (merged across outlets in
:mod:`.events`).

Each date is read with the tense of its own clause, found in the dependency parse: "On
Wednesday, she announced that her government will withdraw the bill" is a past Wednesday, and
in "Yesterday, she confirmed a vote will be held today" only "today" is still to come. A
sentence can hold two events ("Clinton was impeached in 1998, and Johnson in 1868"): see
SPLIT_CLAUSES.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from sys import intern

from spacy.tokens import Span

from ..models import AnnotatedArticle, Citation, DateValue
from .actors import Cast
from .clauses import is_attributive, is_comparison, subject_tokens, tense_of
from .date_finding import find_date_expressions, may_hold_date
from .dates import direction, resolve_date
from .events import EventDraft, merge_events
from .tense import Tense

# One event per dated clause ("Clinton was impeached in 1998, and Johnson in 1868" gives two).
# The slug registry keeps such events apart (it matches registered names first), but both
# events would show the whole sentence as their text until a clause can stand alone; so for
# now a sentence gives one event: its first main-clause date.
SPLIT_CLAUSES = False
# A sentence with fewer English function words than this share is in another language.
ENGLISH_STOPWORDS = 0.15
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_QUOTE_MARKS = "“”\"‘’"
# Clauses that describe a noun: a second date there is background, not a second event.
_MODIFIER_CLAUSES = {"relcl", "acl"}
# Between two dates of one clause, a coordination makes them two events ("Clinton was
# impeached in 1998, and Johnson in 1868").
_COORDINATION = re.compile(r"\b(?:and|but|or|while|whereas)\b|;")
@dataclass(frozen=True)
class Found:
    """One date of a sentence, read in its clause."""

    date: DateValue
    text: str
    expected: bool
    start: int  # character offsets in the sentence
    end: int
    clause: int  # index of the clause's head token
    modifier: bool = False  # in a clause describing a noun ("a lawsuit filed on Sunday")


@dataclass(frozen=True)
class DatedSentence:
    """A narrated sentence with dates, read within its own article: a pure function of the
    article's Docs (so it can be cached with them); actors are attached story-wide later."""

    paragraph: int
    sentence: int
    text: str
    tokens: tuple[int, int]  # the sentence's token range in its paragraph's Doc
    found: tuple[Found, ...]
    lemmas: tuple[frozenset[str], ...]  # per date: the sentence's content words without it
    subjects: tuple[tuple[int, ...], ...]  # per date: its clause's subject tokens, in order


def dated_sentences(annotated: AnnotatedArticle) -> tuple[DatedSentence, ...]:
    """Every sentence of the article's narration that dates something."""
    article = annotated.article
    out: list[DatedSentence] = []
    previous: DateValue | None = None
    for ap in annotated.paragraphs:
        if ap.paragraph.kind != "body":
            continue
        quoted = quoted_spans(ap.doc.text)
        for n, sent in enumerate(ap.doc.sents):
            text = sent.text.strip()
            if not text or text[0] in _QUOTE_MARKS or not may_hold_date(text) or not is_english(sent):
                continue  # a quotation is what someone said, not narration
            found = dates_in(sent, article.published, previous, quoted)
            if not found:
                continue
            previous = found[-1].date
            out.append(DatedSentence(
                ap.paragraph.index, n, text, (sent.start, sent.end), tuple(found),
                tuple(_content(sent, f.text) for f in found),
                tuple(subject_tokens(ap.doc[f.clause]) for f in found)))
    return tuple(out)


def extract_events(articles: Sequence[AnnotatedArticle], cast: Cast,
                   found: Mapping[str, tuple[DatedSentence, ...]] | None = None,
                   ) -> tuple[EventDraft, ...]:
    """Dated events from every article's narration, one per thing that happened
    (``found``: each article's dated sentences when computed, or cached, before)."""
    drafts: list[EventDraft] = []
    outlets: dict[str, tuple[str, dt.date | None]] = {}
    for position, annotated in enumerate(articles):
        article = annotated.article
        outlets[article.id] = (article.source, article.published)
        published = article.published.isoformat() if article.published else ""
        dated = (found or {}).get(article.id)
        for d in dated if dated is not None else dated_sentences(annotated):
            keys = tuple(sorted({k for t in range(*d.tokens)
                                 if (k := cast.at(article.id, d.paragraph, t))}))
            citation = Citation(article.id, d.paragraph, d.sentence, d.text)
            for f, lemmas, subjects in zip(d.found, d.lemmas, d.subjects, strict=True):
                subject = next((k for t in subjects if (k := cast.at(article.id, d.paragraph, t))),
                               None)
                drafts.append(EventDraft(
                    date=f.date, date_text=f.text, expected=f.expected, text=_narration(d.text),
                    sources=(citation,), actors=keys, lemmas=lemmas,
                    order=(published, position, d.paragraph, d.sentence, f.start),
                    subject=subject))
    return merge_events(drafts, outlets)


# ------------------------------------------------------------------ one sentence


def dates_in(
    sent: Span, anchor: dt.date | None, previous: DateValue | None,
    quoted: Sequence[tuple[int, int]] = (),
) -> list[Found]:
    """Every date of the sentence outside quotation marks, each read with its own clause's
    tense; dates of one clause that name the same time keep the most precise ("next month
    on August 2" is 2 August); the same date twice is kept once."""
    items: list[Found] = []
    for start, end, expression in find_date_expressions(sent.text):
        at = sent.start_char + start
        if any(a <= at < b for a, b in quoted):
            continue
        span = sent.doc.char_span(at, sent.start_char + end, alignment_mode="expand")
        if span is None or is_comparison(span) or is_attributive(span, expression):
            continue
        head, tense = tense_of(span)
        value = resolve_date(expression, anchor, future=tense == "future",
                             nearest=tense == "near", previous=previous)
        if items and _adjacent(sent.text, items[-1].end, start) and items[-1].clause == head.i:
            # "next Wednesday, July 31", "next month on August 2": one time, said twice; the
            # second is read near the first.
            near = resolve_date(expression, items[-1].date.days()[0], nearest=True)
            value = near if near is not None and value is not None else value
        if value is None:
            continue
        items.append(Found(value, expression, is_expected(value, anchor, tense, expression),
                           start, end, head.i, head.dep_ in _MODIFIER_CLAUSES))
        previous = value
    return _combine(items, sent.text)


def is_expected(value: DateValue, anchor: dt.date | None, tense: Tense, expression: str) -> bool:
    """Yet to happen at publication? The expression's own direction decides first ("earlier
    this week" is past, "next week" future), then the date (a day before publication has
    happened; a day after it has not; "until October 14" after publication is still to come),
    then, for a period containing the publication date, the tense of the clause."""
    pointing = direction(expression)
    if pointing is not None:
        return pointing == "future"
    if anchor is not None:
        first, last = value.days()
        if last < anchor:
            return False
        if first > anchor:
            return True
    return tense == "future"


def _combine(items: Sequence[Found], sentence: str) -> list[Found]:
    """The dates of one sentence as events: one per distinct date (with SPLIT_CLAUSES; else
    the first), except that dates of one clause naming the same time keep the most precise,
    two dates of one clause are one event unless coordinated, and a date in a clause
    describing a noun ("a lawsuit filed on Sunday", "which it joined in 1973") is only
    background when the sentence has another date."""
    kept: list[Found] = []
    for item in items:
        for i, other in enumerate(kept):
            if other.date == item.date and other.expected == item.expected:
                kept[i] = replace(other, text=_joined(other, item, sentence))
                break
            if other.clause != item.clause:
                continue
            if _within(item.date, other.date):
                kept[i] = replace(item, text=_joined(other, item, sentence), start=other.start)
                break
            if _within(other.date, item.date):
                kept[i] = replace(other, text=_joined(other, item, sentence))
                break
            if not _COORDINATION.search(sentence[other.end : item.start]):
                break  # "ruled today on the suspension until October 14": one event
        else:
            kept.append(item)
    main = [f for f in kept if not f.modifier] or kept[:1]
    if SPLIT_CLAUSES or not main:
        return main
    # One event: the first date, unless a later clause sets it aside ("was set to meet on
    # Wednesday, but announced it would meet on Monday": Monday is the news).
    chosen = main[0]
    for later in main[1:]:
        if re.search(r"\b(?:but|however|instead)\b", sentence[chosen.end : later.start], re.I):
            chosen = later
    return [chosen]


def _within(inner: DateValue, outer: DateValue) -> bool:
    if inner.relation != "on" or outer.relation != "on" or inner == outer:
        return False
    (a, b), (c, d) = inner.days(), outer.days()
    return c <= a and b <= d


def _adjacent(sentence: str, end: int, start: int) -> bool:
    return end <= start and bool(re.fullmatch(r"[\s,]*(?:on|in|at)?[\s,]*", sentence[end:start]))


def _joined(first: Found, second: Found, sentence: str) -> str:
    """"next month on August 2": adjacent expressions are quoted together."""
    if _adjacent(sentence, first.end, second.start):
        return sentence[first.start : second.end]
    return second.text if _within(second.date, first.date) else first.text


def is_english(sent: Span) -> bool:
    """False for a sentence in another language (a quote given in the original)."""
    words = [t for t in sent if t.is_alpha]
    return len(words) < 6 or sum(t.is_stop for t in words) / len(words) >= ENGLISH_STOPWORDS


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; a quotation may run over several sentences
    of the paragraph ("… In mid-August, the forecast was cut," she said)."""
    spans: list[tuple[int, int]] = []
    curly: int | None = None
    straight: int | None = None
    for i, ch in enumerate(text):
        if ch == "“" and curly is None:
            curly = i
        elif ch == "”" and curly is not None:
            spans.append((curly, i))
            curly = None
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i))
                straight = None
    spans.extend((start, len(text)) for start in (curly, straight) if start is not None)
    return spans


# ------------------------------------------------------------------ event text


def _narration(text: str) -> str:
    """The sentence without a quotation it introduces ("X said on Friday: “...”")."""
    cut = re.search(r"[:,]\s*[“\"]", text)
    if cut and cut.start() > 20:
        text = text[: cut.start()].rstrip() + "."
    return re.sub(r"^(?:But|And|Meanwhile,)\s+", "", text).strip()


def _content(sent: Span, date_text: str) -> frozenset[str]:
    skip = set(date_text.lower().split())
    return frozenset(intern(t.lemma_.lower()) for t in sent if t.pos_ in _CONTENT_POS
                     and not t.is_stop and t.lower_ not in skip and t.is_alpha)
