"""The glossary's token table reads exactly what spaCy's Token attributes say (hand-built Docs)."""

from __future__ import annotations

from conftest import make_doc
from spacy.tokens import Doc

from generator.extract.term_words import lemma
from generator.extract.token_table import LastTable, TokenTable, TokenView


def _doc() -> Doc:
    """Two sentences with a glued compound ("pro-reform"), an apposition, entities, a date,
    tags, heads and a token without a lemma."""
    words = "The Tribunal , a new body , met on 5 May . Its ruling was a pro - reform step .".split()
    spaces = [w not in {"pro", "-"} for w in words]
    pos = ["DET", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT", "VERB", "ADP", "NUM", "PROPN",
           "PUNCT", "PRON", "NOUN", "AUX", "DET", "ADJ", "PUNCT", "NOUN", "NOUN", "PUNCT"]
    heads = [1, 7, 1, 5, 5, 1, 1, 7, 7, 10, 8, 7, 13, 14, 14, 19, 19, 19, 19, 14, 14]
    deps = ["det", "nsubj", "punct", "det", "amod", "appos", "punct", "ROOT", "prep", "nummod",
            "pobj", "punct", "poss", "nsubj", "ROOT", "det", "amod", "punct", "compound", "attr",
            "punct"]
    lemmas = [w.lower() for w in words]
    lemmas[7], lemmas[12] = "meet", ""
    ents = ["O", "B-ORG", "O", "O", "O", "O", "O", "O", "O", "B-DATE", "I-DATE", *["O"] * 10]
    return Doc(make_doc("x").vocab, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps,
               lemmas=lemmas, tags=["NN" if p == "NOUN" else "" for p in pos], ents=ents,
               sent_starts=[i in {0, 12} for i in range(len(words))])


def test_every_column_matches_the_token_attributes() -> None:
    doc = _doc()
    tt = TokenTable(doc)
    assert tt.n == len(doc)
    for t in doc:
        i = t.i
        assert (tt.text[i], tt.lower[i], tt.pos[i], tt.tag[i], tt.dep[i]) == (
            t.text, t.lower_, t.pos_, t.tag_, t.dep_)
        assert (tt.ent_type[i], tt.iob[i], tt.lemma[i], tt.head[i]) == (
            t.ent_type_, t.ent_iob_, lemma(t), t.head.i)
        assert (tt.alpha[i], tt.like_num[i], tt.stop[i], tt.space[i], tt.sent_start[i]) == (
            t.is_alpha, t.like_num, t.is_stop, bool(t.whitespace_), bool(t.is_sent_start))
    assert tt.lemma[doc[12].i] == "its"  # no lemma: the word itself, lower-cased


def test_span_text_and_appositions() -> None:
    doc = _doc()
    tt = TokenTable(doc)
    for a in range(len(doc)):
        for b in range(a + 1, min(len(doc), a + 5) + 1):
            assert tt.span_text(a, b) == doc[a:b].text
    assert tt.appositions_of(1) == [5] and not tt.appositions_of(5)  # "body" beside "Tribunal"


def test_last_table_is_built_once_per_doc_in_a_row() -> None:
    first, second = _doc(), _doc()
    table = LastTable()
    tt = table(first)
    assert table(first) is tt
    assert table(second) is not tt and table(second).doc is second


def test_a_view_reads_what_the_table_holds() -> None:
    doc = _doc()
    table, view = TokenTable(doc), TokenView(doc)
    columns = ("text", "lower", "tag", "dep", "ent_type", "pos", "lemma", "iob", "alpha", "stop",
               "like_num", "sent_start", "space", "head")
    for name in columns:
        assert [getattr(view, name)[i] for i in range(len(doc))] == getattr(table, name), name
        assert getattr(view, name)[3:7] == getattr(table, name)[3:7], name
    for a in range(len(doc) - 2):
        assert view.span_text(a, a + 2) == table.span_text(a, a + 2)
        assert list(view.appositions_of(a)) == list(table.appositions_of(a))


def test_left_edges_are_spacys() -> None:
    doc = _doc()
    table, view = TokenTable(doc), TokenView(doc)
    for sent in doc.sents:
        for t in sent:
            assert table.left_edge(t.i, sent.start) == view.left_edge(t.i, sent.start) == t.left_edge.i
