"""Timeline events: each dated sentence of narration, with its date resolved against the
article's publication date, marked as happened or expected, and merged across outlets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span

from ..models import AnnotatedArticle, Citation, DateValue
from .actors import Cast
from .dates import find_date_expressions, is_future, resolve_date

# Two reports are of one event when they share this much of their content words.
SAME_EVENT_OVERLAP = 0.3
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_QUOTE_MARKS = "“”\"‘’"


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
    order: tuple[str, int, int]  # first report's (published, paragraph, sentence)


def extract_events(articles: Sequence[AnnotatedArticle], cast: Cast) -> tuple[EventDraft, ...]:
    """Dated events from every article's narration, one per thing that happened."""
    drafts: list[EventDraft] = []
    for annotated in articles:
        article = annotated.article
        published = article.published.isoformat() if article.published else ""
        previous: DateValue | None = None
        for ap in annotated.paragraphs:
            if ap.paragraph.kind != "body":
                continue
            for n, sent in enumerate(ap.doc.sents):
                text = sent.text.strip()
                if not text or text[0] in _QUOTE_MARKS:
                    continue  # a quotation is what someone said, not narration
                found = _date_in(text, article.published, previous)
                if found is None:
                    continue
                date, date_text = found
                previous = date
                keys = sorted({k for t in sent if (k := cast.at(article.id, ap.paragraph.index, t.i))})
                drafts.append(EventDraft(
                    date=date, date_text=date_text, expected=is_future(text),
                    text=_narration(text),
                    sources=(Citation(article.id, ap.paragraph.index, n, text),),
                    actors=tuple(keys), lemmas=_content(sent, date_text),
                    order=(published, ap.paragraph.index, n)))
    return _merge(drafts)


def _date_in(
    text: str, published: object, previous: DateValue | None
) -> tuple[DateValue, str] | None:
    """The first expression outside quotation marks that resolves to a date."""
    future = is_future(text)
    for start, _end, expression in find_date_expressions(text):
        if _inside_quotes(text, start):
            continue
        value = resolve_date(expression, published, future=future, previous=previous)  # type: ignore[arg-type]
        if value is not None:
            return value, expression
    return None


def _inside_quotes(text: str, index: int) -> bool:
    before = text[:index]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _narration(text: str) -> str:
    """The sentence without a quotation it introduces ("X said on Friday: “...”")."""
    cut = re.search(r"[:,]\s*[“\"]", text)
    if cut and cut.start() > 20:
        text = text[: cut.start()].rstrip() + "."
    return re.sub(r"^(?:But|And|Meanwhile,)\s+", "", text).strip()


def _content(sent: Span, date_text: str) -> frozenset[str]:
    skip = set(date_text.lower().split())
    return frozenset(t.lemma_.lower() for t in sent if t.pos_ in _CONTENT_POS and not t.is_stop
                     and t.lower_ not in skip and t.is_alpha)


def _merge(drafts: Sequence[EventDraft]) -> tuple[EventDraft, ...]:
    """Join reports of the same event: same date and enough shared content words."""
    merged: list[EventDraft] = []
    for draft in sorted(drafts, key=lambda d: (d.date.sort_key, d.order)):
        for i, event in enumerate(merged):
            if event.date == draft.date and event.expected == draft.expected and \
                    _overlap(event.lemmas, draft.lemmas) >= SAME_EVENT_OVERLAP:
                merged[i] = replace(
                    event, sources=event.sources + draft.sources,
                    actors=tuple(sorted(set(event.actors) | set(draft.actors))),
                    lemmas=event.lemmas | draft.lemmas)
                break
        else:
            merged.append(draft)
    return tuple(merged)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
