"""A Doc read from the parse cache serves what the story-wide steps read without being made,
and serves exactly what the real Doc would (hand-built Docs on a blank pipeline)."""

from __future__ import annotations

from pathlib import Path

import numpy
import spacy
from conftest import make_doc
from spacy.tokens import Doc

from generator.cache import ParseCache
from generator.extract.labels import lowered_words
from generator.extract.term_hits import _quote_flags, sentences
from generator.extract.text import (
    quoted,
    restore_sentences,
    sentence_table,
    span_words,
    starts_among,
)
from generator.extract.token_table import TokenTable, TokenView
from generator.models import AnnotatedArticle, AnnotatedParagraph, Article, ModelInfo, Paragraph
from generator.stored import StoredDoc

TEXT = ("The Qwertzu Council ’s chair , Ann Lee , said “ the plan is 42 % wrong and we will "
        "stop it now ” . IT WAS Cancelled on 5 May . Others were not “ sure ” .")
COLUMNS = ("ORTH", "SPACY", "TAG", "POS", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE",
           "SENT_START", "LOWER", "IS_ALPHA", "IS_STOP", "LIKE_NUM")


def _doc() -> Doc:
    return make_doc(TEXT, ents=[("Qwertzu Council", "ORG"), ("Ann Lee", "PERSON"), ("5 May", "DATE")],
                    tags={"said": "VBD", "Cancelled": "VBN"}, lemmas={"said": "say", "IT": ""},
                    deps={"said": ("ROOT", "said"), "chair": ("nsubj", "said"),
                          "Lee": ("appos", "chair")})


def _stored(tmp_path: Path, doc: Doc, vocab: spacy.vocab.Vocab) -> StoredDoc:
    paragraph = Paragraph(0, doc.text)
    article = Article("a", "a.md", "T", "S", None, (paragraph,))
    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    cache.put(article, [doc])
    (again,) = cache.get(article, vocab) or []
    assert isinstance(again, StoredDoc)
    return again


def test_every_column_equals_the_real_docs_without_making_it(tmp_path: Path) -> None:
    doc = _doc()
    # On the vocabulary that made the Doc (its words' lexemes exist) and on a fresh one
    # (as in a new process: no lexeme exists, each value is worked out from the word).
    for vocab in (doc.vocab, spacy.blank("en").vocab):
        stored = _stored(tmp_path, doc, vocab)
        served = {name: stored.to_array(name).copy() for name in COLUMNS}
        sentences_set = stored.has_annotation("SENT_START")
        assert stored._doc is None and len(stored) == len(doc)
        for name in COLUMNS:
            assert numpy.array_equal(served[name], doc.to_array(name)), name
        assert sentences_set == doc.has_annotation("SENT_START") is True
        real = stored.doc
        assert [t.text for t in real] == [t.text for t in doc] and real.user_data is stored.user_data
        for name in COLUMNS:
            assert numpy.array_equal(real.to_array(name), doc.to_array(name)), name


def test_sentence_annotation_as_spacy_reads_it(tmp_path: Path) -> None:
    unsplit = Doc(spacy.blank("en").vocab, words=["One", "two", "three"])
    single = Doc(spacy.blank("en").vocab, words=["One"])
    for doc in (unsplit, single, _doc()):
        assert _stored(tmp_path, doc, doc.vocab).has_annotation("SENT_START") == doc.has_annotation(
            "SENT_START")


def test_the_story_wide_readers_give_the_same_and_leave_the_doc_unmade(tmp_path: Path) -> None:
    doc = _doc()
    stored = _stored(tmp_path, doc, spacy.blank("en").vocab)
    fresh = _doc()  # the same Doc, with its own user_data
    assert lowered_words(stored) == lowered_words(fresh)
    assert quoted(stored) == quoted(fresh) and _quote_flags(stored) == _quote_flags(fresh)
    ids = frozenset(fresh.vocab.strings[w] for w in ("the", "ann", "it"))
    assert starts_among(stored, ids) == starts_among(fresh, ids)
    for a, b in ((0, 3), (4, 6), (11, 14), (len(doc) - 3, len(doc))):
        assert span_words(stored, a, b).text() == fresh[a:b].text
    view, table = TokenView(stored), TokenTable(fresh)
    for name in ("text", "lower", "tag", "dep", "ent_type", "pos", "lemma", "iob", "alpha",
                 "stop", "like_num", "sent_start", "space", "head"):
        assert [getattr(view, name)[i] for i in range(len(doc))] == getattr(table, name), name
    assert [view.appositions_of(i) for i in range(len(doc))] == [
        list(table.appositions_of(i)) for i in range(len(doc))]
    assert stored._doc is None  # nothing above needed the real Doc
    # A rebuild's glossary lists the sentences of an article read from the cache, whose
    # findings hand back the sentence starts and citations.
    article = Article("a", "a.md", "T", "S", None, (Paragraph(0, doc.text),))
    restore_sentences(stored, sentence_table("a", 0, fresh))
    found = {"a": {("a", 0, 2): ((), ())}}  # the sentences with hits (here, one)
    listed = [sentences([AnnotatedArticle(article, (AnnotatedParagraph(article.paragraphs[0], d),))],
                        found)["a"] for d in (stored, fresh)]
    assert [(s.citation, s.start, s.end, s.quoted, s.skip) for s in listed[0]] == [
        (s.citation, s.start, s.end, s.quoted, s.skip) for s in listed[1]]
    assert [s.skip for s in listed[0]] == [True, True, False, True]
    assert stored._doc is None
    assert listed[0][2].span.text == listed[1][2].span.text == "IT WAS Cancelled on 5 May ."
