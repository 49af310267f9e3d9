"""Shared test helpers: hand-built spaCy Docs on a blank pipeline, articles, goldens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from generator.models import AnnotatedArticle, AnnotatedParagraph, Article, Paragraph

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_NLP = spacy.blank("en")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/ from the current output (review the diff!)")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def make_doc(
    text: str,
    *,
    pos: dict[str, str] | None = None,
    ents: Sequence[tuple[str, str]] = (),
    deps: dict[str, tuple[str, str]] | None = None,
    lemmas: dict[str, str] | None = None,
    tags: dict[str, str] | None = None,
) -> Doc:
    """A Doc from whitespace-separated tokens, annotated by hand (no trained model).

    ``pos``/``tags``/``lemmas`` map a token's text to its value (default: PROPN for
    capitalised words, PUNCT for punctuation, NOUN otherwise); ``ents`` are (phrase, label)
    found left to right; ``deps`` maps a token to (dependency, head token text). A sentence
    starts after each ".". Possessive "'s"/"’s" should be written as separate tokens.
    """
    words = text.split()
    doc = Doc(_NLP.vocab, words=words, spaces=[True] * len(words))
    pos, deps, lemmas, tags = pos or {}, deps or {}, lemmas or {}, tags or {}
    for i, token in enumerate(doc):
        w = token.text
        default = "PUNCT" if not w[0].isalnum() else "PROPN" if w[0].isupper() else "NOUN"
        token.pos_ = pos.get(w, default)
        token.tag_ = tags.get(w, "POS" if w in ("'s", "’s") else "")
        token.lemma_ = lemmas.get(w, w.lower())
        token.is_sent_start = i == 0 or doc[i - 1].text in (".", "!", "?")
    index = {}
    for i, token in enumerate(doc):
        index.setdefault(token.text, i)
    heads = list(range(len(doc)))
    labels = ["dep"] * len(doc)
    for w, (dep, head) in deps.items():
        heads[index[w]] = index[head]
        labels[index[w]] = dep
    # Tokens with no given head attach to their sentence's first token (a flat tree).
    start = 0
    for i, token in enumerate(doc):
        if token.is_sent_start:
            start = i
        if token.text not in deps:
            heads[i] = start if i != start else i
            labels[i] = "ROOT" if i == start else labels[i]
    doc = Doc(_NLP.vocab, words=words, spaces=[True] * len(words), heads=heads, deps=labels,
              pos=[t.pos_ for t in doc], tags=[t.tag_ or "XX" for t in doc],
              lemmas=[t.lemma_ for t in doc], sent_starts=[t.is_sent_start for t in doc])
    spans = []
    cursor = 0
    for phrase, label in ents:
        n = len(phrase.split())
        for i in range(cursor, len(doc) - n + 1):
            if [t.text for t in doc[i : i + n]] == phrase.split():
                spans.append(doc.char_span(doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1]),
                                           label=label))
                cursor = i + n
                break
        else:
            raise ValueError(f"entity {phrase!r} not in {text!r}")
    doc.ents = spans
    return doc


def make_article(
    paragraphs: Sequence[Doc | tuple[Doc, str]],
    *,
    article_id: str = "a1",
    source: str = "Outlet",
    published: dt.date | None = dt.date(2026, 2, 28),
) -> AnnotatedArticle:
    """An annotated article from Docs (a (doc, kind) pair makes a caption or dateline)."""
    items = []
    for i, p in enumerate(paragraphs):
        doc, kind = p if isinstance(p, tuple) else (p, "body")
        items.append(AnnotatedParagraph(Paragraph(i, doc.text, kind, i + 1), doc))  # type: ignore[arg-type]
    article = Article(id=article_id, path=f"{article_id}.md", title=f"Title {article_id}",
                      source=source, published=published,
                      paragraphs=tuple(ap.paragraph for ap in items))
    return AnnotatedArticle(article, tuple(items))
