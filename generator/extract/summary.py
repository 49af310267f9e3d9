"""The story so far: a few of the articles' own sentences that say the most about the
story, chosen extractively (never rewritten) so that each one can be cited."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..models import AnnotatedArticle, Citation
from .actors import Cast

MAX_SENTENCES = 5
LEAD_PARAGRAPHS = 3  # news puts what matters first: candidates come from the top
SIMILAR = 0.35  # sentences sharing this much of their content words say the same thing


def key_sentences(articles: Sequence[AnnotatedArticle], cast: Cast,
                  limit: int = MAX_SENTENCES) -> tuple[Citation, ...]:
    """Up to ``limit`` sentences, in publication order, covering the most prominent actors."""
    prominence = Counter({a.key: a.mentions for a in cast.actors})
    candidates: list[tuple[float, tuple[str, int, int], Citation, frozenset[str]]] = []
    for annotated in articles:
        article = annotated.article
        body = [ap for ap in annotated.paragraphs if ap.paragraph.kind == "body"][:LEAD_PARAGRAPHS]
        for rank, ap in enumerate(body):
            for n, sent in enumerate(ap.doc.sents):
                text = sent.text.strip()
                words = len(text.split())
                if text[:1] in "“\"‘" or not 8 <= words <= 45:
                    continue  # quotations and fragments do not summarise
                actors = {k for t in sent if (k := cast.at(article.id, ap.paragraph.index, t.i))}
                score = sum(prominence[k] for k in actors) / (1 + rank) + (3 if rank == n == 0 else 0)
                content = frozenset(t.lemma_.lower() for t in sent
                                    if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop)
                order = (article.published.isoformat() if article.published else "", ap.paragraph.index, n)
                candidates.append((score, order, Citation(article.id, ap.paragraph.index, n, text),
                                   content))
    chosen: list[tuple[tuple[str, int, int], Citation, frozenset[str]]] = []
    for score, order, cite, content in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if score <= 0 or any(_overlap(content, other) >= SIMILAR for _, _, other in chosen):
            continue
        chosen.append((order, cite, content))
        if len(chosen) == limit:
            break
    return tuple(cite for _, cite, _ in sorted(chosen, key=lambda c: c[0]))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
