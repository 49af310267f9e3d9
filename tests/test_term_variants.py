"""Tests for glossary variants: abbreviations, plural recounts and wrapping candidates."""

from __future__ import annotations

from collections import Counter

from conftest import make_doc

from generator.extract.term_candidates import Candidate
from generator.extract.term_variants import abbreviations, object_of_body, token_key, wraps


def _abbreviations(text: str) -> list[tuple[str, str]]:
    doc = make_doc(text)
    return [(doc[a:b].text, short) for s in doc.sents for a, b, short in abbreviations(s)]


def test_expansion_then_abbreviation() -> None:
    assert _abbreviations("Member of Parliament ( MP ) Jo Bloggs spoke .") == [("Member of Parliament", "MP")]
    assert _abbreviations("It left the Grand Customs Union ( GCU ) .") == [("Grand Customs Union", "GCU")]


def test_abbreviation_then_expansion() -> None:
    assert _abbreviations("Labour MP ( Member of Parliament ) Jo Bloggs spoke .") == [
        ("Member of Parliament", "MP")
    ]


def test_brackets_that_do_not_spell_the_initials_are_no_abbreviation() -> None:
    assert _abbreviations("At 5 pm local time ( 2100 UTC ) it ended .") == []
    assert _abbreviations("The Kingdom 's ( UK ) vote .") == []


def test_token_key_drops_a_plural_s_and_keeps_case() -> None:
    assert token_key("MPs") == token_key("MP") == "MP"
    assert token_key("Congress") == "Congress" and token_key("members") == "member"
    assert token_key("is") == "is"


def _cand(*forms: str, kinds: set[str] | None = None) -> Candidate:
    return Candidate(forms=Counter(forms), kinds=kinds or {"chunk"})


def test_a_prefix_around_a_chosen_term_only_wraps_it() -> None:
    assert wraps(_cand("anti-Exitus", kinds={"stance"}), {"exitus"})
    assert not wraps(_cand("no-deal Exitus", kinds={"stance"}), {"exitus"})  # "deal" says more
    assert not wraps(_cand("anti-Exitus", kinds={"stance"}), set())


def test_noun_of_a_named_body_belongs_to_the_noun() -> None:
    assert object_of_body(_cand("prorogation of Parliament", kinds={"of"})) == "prorogation"
    assert object_of_body(_cand("abuse of power", kinds={"of"})) is None
    assert object_of_body(_cand("prorogation of Parliament")) is None  # not found by "of"
