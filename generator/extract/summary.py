"""The story so far: a few of the articles' own sentences that say the most about the
story, chosen extractively (never rewritten) so that each one can be cited."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from sys import intern

from ..models import AnnotatedArticle, Citation
from .actors import Cast
from .text import citation

MAX_SENTENCES = 5
LEAD_PARAGRAPHS = 3  # news puts what matters first: candidates come from the top
SIMILAR = 0.35  # sentences sharing this much of their content words say the same thing


@dataclass(frozen=True)
class LeadSentence:
    """A sentence near the top of an article that could summarise the story (read once per
    article, so it can be cached); which actors it names is decided story-wide."""

    paragraph: int
    rank: int  # the paragraph's place among the article's body paragraphs
    sentence: int
    tokens: tuple[int, int]  # token range in its paragraph's Doc (its text is read there)
    content: tuple[str, ...]  # its content words (a tuple: far smaller than a set)


def lead_sentences(annotated: AnnotatedArticle) -> tuple[LeadSentence, ...]:
    """The article's candidate sentences: from its first paragraphs, neither quotations
    nor fragments."""
    out = []
    body = [ap for ap in annotated.paragraphs if ap.paragraph.kind == "body"][:LEAD_PARAGRAPHS]
    for rank, ap in enumerate(body):
        for n, sent in enumerate(ap.doc.sents):
            text = sent.text.strip()
            words = len(text.split())
            if text[:1] in "“\"‘" or not 8 <= words <= 45:
                continue  # quotations and fragments do not summarise
            content = tuple(sorted({intern(t.lemma_.lower()) for t in sent
                                    if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop}))
            out.append(LeadSentence(ap.paragraph.index, rank, n, (sent.start, sent.end), content))
    return tuple(out)


def key_sentences(articles: Sequence[AnnotatedArticle], cast: Cast,
                  limit: int = MAX_SENTENCES,
                  found: Mapping[str, tuple[LeadSentence, ...]] | None = None,
                  ) -> tuple[Citation, ...]:
    """Up to ``limit`` sentences, in publication order, covering the most prominent actors
    (``found``: each article's lead sentences when computed, or cached, before)."""
    prominence = Counter({a.key: a.mentions for a in cast.actors})
    candidates: list[tuple[float, tuple[str, int, int], tuple[AnnotatedArticle, LeadSentence]]] = []
    at = cast.positions.get  # as Cast.at, without a method call per token of every lead sentence
    for annotated in articles:
        article = annotated.article
        lead = (found or {}).get(article.id)
        for s in lead if lead is not None else lead_sentences(annotated):
            actors = {k for t in range(*s.tokens) if (k := at((article.id, s.paragraph, t)))}
            score = sum(prominence[k] for k in actors) / (1 + s.rank) + (
                3 if s.rank == s.sentence == 0 else 0)
            order = (article.published.isoformat() if article.published else "", s.paragraph,
                     s.sentence)
            candidates.append((score, order, (annotated, s)))
    chosen: list[tuple[tuple[str, int, int], Citation, frozenset[str]]] = []
    for score, order, (annotated, s) in sorted(candidates, key=lambda c: (-c[0], c[1])):
        content = frozenset(s.content)
        if score <= 0 or any(_overlap(content, other) >= SIMILAR for _, _, other in chosen):
            continue
        doc = next(ap.doc for ap in annotated.paragraphs if ap.paragraph.index == s.paragraph)
        cite = citation(annotated.article.id, s.paragraph, doc, s.tokens[0])
        chosen.append((order, cite, content))
        if len(chosen) == limit:
            break
    return tuple(cite for _, cite, _ in sorted(chosen, key=lambda c: c[0]))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
