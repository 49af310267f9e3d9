"""Quotes and speakers on hand-built Docs."""

from __future__ import annotations

from conftest import make_article, make_doc

from generator.extract.actors import extract_actors
from generator.extract.mentions import extract_mentions
from generator.extract.quotes import extract_quotes

VERBS = {"said": "VERB", "told": "VERB", "warn": "VERB", "will": "AUX", "acknowledged": "VERB",
         "was": "AUX"}
LEMMAS = {"said": "say", "told": "tell", "acknowledged": "acknowledge"}


def quotes_of(*docs):  # type: ignore[no-untyped-def]
    articles = [make_article(list(docs))]
    cast = extract_actors(articles, extract_mentions(articles))
    return extract_quotes(articles, cast)


def test_colon_quote_and_continuation_paragraph_keep_their_speaker() -> None:
    first = make_doc("Ann Lee said : “ We will win this fight .",
                     ents=[("Ann Lee", "PERSON")], pos=VERBS, lemmas=LEMMAS,
                     deps={"Lee": ("nsubj", "said")})
    second = make_doc("“ And we will not stop . ”")
    found = quotes_of(first, second)
    assert [(q.text, q.speaker) for q in found] == [
        ("We will win this fight .", "person:ann lee"),
        ("And we will not stop .", "person:ann lee"),
    ]
    assert found[1].citation.paragraph == 1


def test_scare_quotes_without_a_speaker_are_not_quotes() -> None:
    doc = make_doc("The party backs “ open borders ” now .")
    assert quotes_of(doc) == ()


def test_fragment_in_reported_speech_goes_to_the_subject() -> None:
    doc = make_doc("Tom Ray acknowledged it was a “ disappointing ” result .",
                   ents=[("Tom Ray", "PERSON")], pos=VERBS, lemmas=LEMMAS,
                   deps={"Ray": ("nsubj", "acknowledged")})
    (quote,) = quotes_of(doc)
    assert (quote.text, quote.speaker, quote.speaker_text) == ("disappointing", "person:tom ray", "Tom Ray")


def test_unnamed_source_is_kept_apart_from_the_person_it_is_close_to() -> None:
    intro = make_doc("Home Secretary Ann Lee spoke .", ents=[("Ann Lee", "PERSON")])
    doc = make_doc("A source close to the Home Secretary told the Times : “ This is wrong .",
                   ents=[("Times", "ORG")], pos={**VERBS, "close": "ADJ", "to": "ADP", "the": "DET"},
                   lemmas=LEMMAS,
                   deps={"A": ("det", "source"), "source": ("nsubj", "told"), "close": ("amod", "source"),
                         "to": ("prep", "close"), "Home": ("compound", "Secretary"),
                         "Secretary": ("pobj", "to")})
    (quote,) = quotes_of(intro, doc)
    assert quote.speaker is None
    assert quote.about == "person:ann lee"
    assert quote.speaker_text.startswith("A source close to the Home Secretary")


def test_pronoun_speaker_is_the_last_person_named() -> None:
    intro = make_doc("Ann Lee visited the port .", ents=[("Ann Lee", "PERSON")])
    doc = make_doc("She will warn that it is “ in jeopardy ” .", pos=VERBS,
                   lemmas={"warn": "warn"}, deps={"She": ("nsubj", "warn")})
    (quote,) = quotes_of(intro, doc)
    assert (quote.speaker, quote.speaker_text) == ("person:ann lee", "She")


def test_quoted_label_after_a_possessive_is_not_a_quote() -> None:
    doc = make_doc("Ann Lee said she opposes the party ’s “ open borders ” policy .",
                   ents=[("Ann Lee", "PERSON")], pos=VERBS, lemmas=LEMMAS,
                   deps={"Lee": ("nsubj", "said")})
    assert quotes_of(doc) == ()
