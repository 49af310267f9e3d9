"""Tests for the glossary's sentence patterns and word helpers, on hand-built Docs."""

from __future__ import annotations

from conftest import make_doc
from spacy.tokens import Doc

from generator.extract.term_patterns import Hit, find
from generator.extract.term_words import (
    display,
    known_frequencies,
    learn_frequencies,
    text_key,
    unit_ok,
    units,
    word_zipf,
    zipf,
)
from generator.extract.token_table import TokenTable


def _hits(doc: Doc, kind: str) -> list[str]:
    tt = TokenTable(doc)
    return [doc[h.a : h.b].text for s in doc.sents for h in find(s, tt) if h.kind == kind]


def _hit(doc: Doc, kind: str) -> Hit:
    tt = TokenTable(doc)
    return next(h for s in doc.sents for h in find(s, tt) if h.kind == kind)


def test_text_key_ignores_case_spacing_hyphens_and_a_leading_article() -> None:
    assert text_key("The By-election") == text_key("byelection") == text_key("by election")


def test_unknown_hyphenated_compound_of_known_words_is_a_rare_coinage() -> None:
    assert word_zipf("pro-democracy") == 3.0  # not in the word list as one word
    assert word_zipf("by-election") < 3.0  # known closed form: its own frequency
    assert word_zipf("qzx-vvrk") == 0.0  # unknown parts: a typo or a name


def test_word_frequencies_are_looked_up_once_and_can_be_learnt_from_an_earlier_run() -> None:
    assert zipf("government") > 4.0
    assert known_frequencies()["government"] == zipf("government")
    learn_frequencies({"qzxlearnt": 6.5})  # as the cache hands back a table kept before
    assert zipf("qzxlearnt") == 6.5


def _glued(spec: str, ents: list[str] | None = None) -> Doc:
    """A one-sentence Doc from "word/POS" tokens; "~" after a word glues it to the next."""
    items = [t.split("/") for t in spec.split()]
    words = [w.rstrip("~") for w, _ in items]
    return Doc(make_doc("x").vocab, words=words, spaces=[not w.endswith("~") for w, _ in items],
               pos=[p for _, p in items], ents=ents, sent_starts=[i == 0 for i in range(len(items))])


def test_hyphen_units_and_display_keep_names_after_a_prefix() -> None:
    doc = _glued("They/PRON met/VERB the/DET pro~/ADJ -~/PUNCT Rivertown/ADJ camp/NOUN ./PUNCT",
                 ents=["O", "O", "O", "O", "O", "B-GPE", "O", "O"])
    tt = TokenTable(doc)
    assert (3, 6) in units(tt, 0, len(doc))
    assert unit_ok(tt, (3, 6))  # a place after a lowercase prefix is allowed
    assert not unit_ok(tt, (5, 6))  # the place alone is not
    assert display(tt, 3, 7) == "pro-Rivertown camp"


def test_lowercase_words_tagged_as_names_are_still_words() -> None:
    doc = make_doc("He became secretary of state .", ents=[("state", "ORG")],
                   pos={"He": "PRON", "became": "VERB", "secretary": "PROPN", "of": "ADP", "state": "PROPN"})
    assert unit_ok(TokenTable(doc), (4, 5))
    assert _hits(doc, "of") == ["secretary of state"]


def test_of_pattern_takes_a_named_body_as_object_but_not_after_a_role() -> None:
    doc = make_doc("He faced obstruction of Congress . The chairman of Congress spoke .",
                   ents=[("Congress", "ORG"), ("Congress", "ORG")],
                   pos={"He": "PRON", "faced": "VERB", "of": "ADP", "The": "DET", "spoke": "VERB"})
    assert _hits(doc, "of") == ["obstruction of Congress"]


def test_stance_prefix_modifier_records_its_head() -> None:
    doc = _glued("Lawmakers/NOUN from/ADP the/DET pro~/ADJ -~/PUNCT reform/ADJ camp/NOUN "
                 "shouted/VERB ./PUNCT")
    hit = _hit(doc, "stance")
    assert doc[hit.a : hit.b].text == "pro-reform" and hit.head == "camp"
    assert hit.end == 7  # a gloss is looked for after the whole phrase


def test_quoted_coinage_before_a_model_and_its_gloss() -> None:
    doc = make_doc('It is run under the " one land , two codes " model , meaning local rules apply .',
                   pos={"It": "PRON", "is": "AUX", "run": "VERB", "under": "ADP", "the": "DET",
                        "one": "NUM", "two": "NUM", "meaning": "VERB", "local": "ADJ", "apply": "VERB"},
                   ents=[("one", "CARDINAL"), ("two", "CARDINAL")])
    hit = _hit(doc, "coinage")
    assert doc[hit.a : hit.b].text == "one land , two codes"
    assert doc[hit.end - 1].text == "model"


def test_name_introduced_by_a_naming_cue() -> None:
    doc = make_doc("The country began leaving the bloc , which has been termed Exitus for short .",
                   pos={"began": "VERB", "leaving": "VERB", "the": "DET", "which": "PRON", "has": "AUX",
                        "been": "AUX", "termed": "VERB", "for": "ADP", "short": "ADJ"},
                   tags={"termed": "VBN"}, ents=[("Exitus", "PERSON")])
    assert _hits(doc, "named") == ["Exitus"]  # an unknown word the tagger took for a person
    said = make_doc("Smith called Jones a liar .", pos={"called": "VERB", "a": "DET"}, tags={"called": "VBD"})
    assert _hits(said, "named") == []  # reported speech, not a name being given


def test_status_of_a_place_and_an_institution_explained() -> None:
    doc = make_doc(
        "Marovia is an unincorporated dependent territory of Ruritania .",
        pos={"is": "AUX", "an": "DET", "unincorporated": "ADJ", "dependent": "ADJ", "of": "ADP"},
        lemmas={"is": "be"}, ents=[("Marovia", "GPE"), ("Ruritania", "GPE")],
        deps={"Marovia": ("nsubj", "is"), "territory": ("attr", "is"), "an": ("det", "territory"),
              "unincorporated": ("amod", "territory"), "dependent": ("amod", "territory"),
              "of": ("prep", "territory"), "Ruritania": ("pobj", "of"), ".": ("punct", "is")},
    )
    assert _hits(doc, "status") == ["unincorporated dependent territory", "territory"]
    court = institution_doc()
    hit = _hit(court, "institution")
    assert court[hit.a : hit.b].text == "High Bench" and hit.strength == 3


def test_article_number_is_a_provision() -> None:
    doc = make_doc("They asked to revoke Article 12 — the treaty clause .",
                   pos={"They": "PRON", "asked": "VERB", "to": "PART", "revoke": "VERB", "12": "NUM",
                        "the": "DET"})
    assert _hits(doc, "provision") == ["Article 12"]


def institution_doc():  # type: ignore[no-untyped-def]
    """ "The High Bench is the highest civil court in Marovia.", parsed by hand."""
    return make_doc(
        "The High Bench is the highest civil court in Marovia .",
        pos={"The": "DET", "is": "AUX", "the": "DET", "highest": "ADJ", "civil": "ADJ", "in": "ADP"},
        lemmas={"is": "be"}, tags={"is": "VBZ"}, ents=[("The High Bench", "ORG"), ("Marovia", "GPE")],
        deps={"The": ("det", "Bench"), "High": ("compound", "Bench"), "Bench": ("nsubj", "is"),
              "court": ("attr", "is"), "the": ("det", "court"), "highest": ("amod", "court"),
              "civil": ("amod", "court"), "in": ("prep", "court"), "Marovia": ("pobj", "in"),
              ".": ("punct", "is")},
    )
