"""Per-article findings: what extraction reads from one article alone.

Names, dated sentences, glossary pattern hits, figures and lead sentences each depend only
on one article's Docs (and its metadata), never on the rest of the story. They are computed once per article
and cached next to its parse, so a rebuild after one article changed recomputes them for
that article only; the story-level steps (labels, clustering, merging, scoring) then join
them in :mod:`generator.assemble`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import AnnotatedArticle, Figure
from .figures import article_figures
from .mentions import ArticleMentions, article_mentions
from .summary import LeadSentence, lead_sentences
from .term_hits import SentenceHits, Sid, article_hits
from .text import SentenceTable, restore_sentences, sentence_table
from .timeline import DatedSentence, dated_sentences


@dataclass(frozen=True)
class ArticleFindings:
    """One article's own findings, before anything is decided story-wide."""

    mentions: ArticleMentions
    dated: tuple[DatedSentence, ...]
    term_hits: dict[Sid, SentenceHits]
    figures: tuple[Figure, ...]
    lead: tuple[LeadSentence, ...]
    sentences: tuple[SentenceTable, ...]  # per paragraph (see :func:`restore`)


def find_in_article(annotated: AnnotatedArticle) -> ArticleFindings:
    """Run every per-article extractor on one annotated article."""
    article = annotated.article.id
    return ArticleFindings(
        mentions=article_mentions(annotated),
        dated=dated_sentences(annotated),
        term_hits=article_hits(annotated),
        figures=article_figures(annotated),
        lead=lead_sentences(annotated),
        sentences=tuple(sentence_table(article, ap.paragraph.index, ap.doc)
                        for ap in annotated.paragraphs),
    )


def restore(annotated: AnnotatedArticle, findings: ArticleFindings) -> None:
    """Hand an article's Docs, parsed or read from the cache, what its cached findings
    already know of them: where sentences start and how each is cited."""
    for ap, table in zip(annotated.paragraphs, findings.sentences, strict=True):
        restore_sentences(ap.doc, table)
