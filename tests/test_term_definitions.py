"""Tests for glossary definitions: how well a sentence explains a term, and which run of
sentences is quoted for it (hand-built Docs; invented places and terms)."""

from __future__ import annotations

from conftest import make_article, make_doc

from generator.extract.glossary import extract_terms
from generator.extract.term_definitions import strength
from generator.extract.token_table import TokenTable


def _strength(text: str, term: str, **kwargs: object) -> int:
    doc = make_doc(text, **kwargs)  # type: ignore[arg-type]
    words = term.split()
    start = next(i for i in range(len(doc)) if [t.text for t in doc[i : i + len(words)]] == words)
    sent = next(iter(doc.sents))
    return strength(TokenTable(doc), sent.start, sent.end, start, start + len(words))


def test_glosses_and_meaning_clauses_explain_a_term() -> None:
    assert _strength("It ordered a prorogation — a procedural suspension — of the house .", "prorogation",
                     pos={"a": "DET", "procedural": "ADJ"}) == 3
    assert _strength("It was ruled by the dual model , meaning both apply .", "dual model",
                     pos={"meaning": "VERB"}) == 3
    assert _strength("He named him chancellor , the post which succeeds the king .", "chancellor",
                     pos={"the": "DET", "post": "NOUN", "which": "PRON"}) == 2
    assert _strength("Impeachment is the process by which officials are removed .", "Impeachment",
                     pos={"is": "AUX", "the": "DET"}, lemmas={"is": "be"}) == 2
    assert _strength("She attended the hearing on Monday .", "hearing") == 0


def test_a_gloss_after_a_modified_term_explains_the_longer_phrase() -> None:
    text = "They fear a no deal exit , meaning no agreement at all ."
    kwargs = {"pos": {"meaning": "VERB", "no": "DET"}, "deps": {"deal": ("compound", "exit")}}
    assert _strength(text, "exit", **kwargs) == 0
    assert _strength(text, "deal exit", **kwargs) == 3


RULES = dict(
    pos={"Before": "ADP", "2015": "NUM", "refugees": "NOUN", "in": "ADP", "were": "AUX", "allowed": "VERB",
         "to": "PART", "stay": "VERB", "for": "ADP", "five": "NUM", "years": "NOUN", "But": "CCONJ",
         "the": "DET", "rules": "NOUN", "changed": "VERB", "Since": "SCONJ", "then": "ADV",
         "permits": "NOUN", "last": "VERB", "one": "NUM", "year": "NOUN", "To": "PART", "settle": "VERB",
         "must": "AUX", "work": "VERB", "Ruritanian": "ADJ", "We": "PRON", "will": "AUX", "follow": "VERB",
         "model": "NOUN", "she": "PRON", "said": "VERB", "Last": "ADJ", "week": "NOUN", "visited": "VERB"},
    lemmas={"allowed": "allow", "rules": "rule", "refugees": "refugee"},
)


def test_a_nationality_model_is_explained_by_what_the_text_says_of_that_country() -> None:
    body = make_doc(
        "Last week she visited Ruritania . Before 2015 , refugees in Ruritania were allowed to stay for "
        "five years . But the rules changed . Since then , permits last one year . To settle , refugees "
        "must work .",
        ents=[("Last week", "DATE"), ("Ruritania", "GPE"), ("2015", "DATE"), ("Ruritania", "GPE")], **RULES)
    quote = make_doc('" We will follow the Ruritanian model , " she said .', ents=[("Ruritanian", "NORP")],
                     **RULES)
    terms = {t.term: t for t in extract_terms([make_article([body, quote], article_id="g")])}
    entry = terms["Ruritanian model"]
    assert entry.definition == (
        "Before 2015 , refugees in Ruritania were allowed to stay for five years . But the rules changed . "
        "Since then , permits last one year ."
    )
    assert entry.definition_source is not None and entry.definition_source.sentence == 1
    assert [c.sentence for c in entry.sources] == [0] and entry.sources[0].paragraph == 1


def test_an_explained_term_brings_the_sentence_it_points_back_to_and_its_elaboration() -> None:
    pos = {"The": "DET", "left": "VERB", "in": "ADP", "Since": "SCONJ", "then": "ADV", "has": "AUX",
           "been": "AUX", "run": "VERB", "under": "ADP", "the": "DET", "one": "NUM", "two": "NUM",
           "meaning": "VERB", "it": "PRON", "keeps": "VERB", "its": "PRON", "Specifically": "ADV",
           "own": "ADJ", "marched": "VERB", "attacked": "VERB", "again": "ADV"}
    doc = make_doc(
        'The empire left in 1997 . Since then , the city has been run under the " one land , two codes " '
        "model , meaning it keeps its courts . Specifically , it has its own laws . Police marched .",
        pos=pos, ents=[("1997", "DATE")])
    other = make_doc('Critics attacked the " one land , two codes " model again .', pos=pos)
    terms = {t.term: t for t in extract_terms([make_article([doc, other])])}
    assert terms["one land , two codes"].definition == (
        'The empire left in 1997 . Since then , the city has been run under the " one land , two codes " '
        "model , meaning it keeps its courts . Specifically , it has its own laws ."
    )
    assert len(terms["one land , two codes"].sources) == 2  # the later use is counted too


def test_a_term_never_explained_is_shown_in_the_use_that_says_which_one() -> None:
    pos = {"The": "DET", "result": "NOUN", "shocked": "VERB", "Turnout": "NOUN", "in": "ADP", "the": "DET",
           "fell": "VERB", "We": "PRON", "lost": "VERB", "badly": "ADV", "and": "CCONJ", "will": "AUX",
           "learn": "VERB", "from": "ADP", "it": "PRON", "now": "ADV", "he": "PRON", "said": "VERB"}
    first = make_doc("The plebiscite result shocked everyone .", pos=pos)
    quoted = make_doc('" We lost the plebiscite badly and will learn from it now , " he said .', pos=pos)
    named = make_doc("Turnout in the Marston plebiscite fell .", pos=pos, ents=[("Marston", "GPE")])
    terms = {t.term: t for t in extract_terms([make_article([first, quoted, named])])}
    assert terms["plebiscite"].definition == "Turnout in the Marston plebiscite fell ."


def test_an_evaluation_is_not_a_definition() -> None:
    kwargs = {"pos": {"The": "DET", "is": "AUX", "affordable": "ADJ", "a": "DET"}, "lemmas": {"is": "be"}}
    assert _strength("The triple lock is affordable .", "triple lock", **kwargs) == 0
    assert _strength("The triple lock is a promise to pensioners .", "triple lock", **kwargs) == 2


def test_a_so_called_name_defers_to_the_sentence_that_says_what_it_is() -> None:
    pos = {"Investors": "NOUN", "were": "AUX", "told": "VERB", "a": "DET", "so": "ADV", "-": "PUNCT",
           "called": "VERB", "of": "ADP", "would": "AUX", "be": "AUX", "paid": "VERB", "The": "DET",
           "is": "AUX", "payment": "NOUN", "made": "VERB", "if": "SCONJ", "deals": "NOUN", "fail": "VERB"}
    named = make_doc('Investors were told a so - called " break fee " would be paid .', pos=pos,
                     tags={"called": "VBN"})
    explained = make_doc("The break fee is a payment made if deals fail .", pos=pos, lemmas={"is": "be"})
    terms = {t.term: t for t in extract_terms([make_article([named, explained])])}
    assert terms["break fee"].definition == "The break fee is a payment made if deals fail ."
