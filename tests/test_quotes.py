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


def test_fragment_in_reported_speech_is_the_speakers_even_after_a_possessive() -> None:
    doc = make_doc("so Ann Lee said she opposes the party ’s “ open borders ” policy .",
                   ents=[("Ann Lee", "PERSON")], pos=VERBS, lemmas=LEMMAS,
                   deps={"Ann": ("compound", "Lee"), "Lee": ("nsubj", "said")})
    assert [(q.text, q.speaker) for q in quotes_of(doc)] == [("open borders", "person:ann lee")]
    scare = make_doc("The party ’s “ open borders ” policy failed .")
    assert quotes_of(scare) == ()


def test_pronoun_speaker_agrees_with_the_persons_gender() -> None:
    first = make_doc("Ms Ann Lee spoke .", ents=[("Ann Lee", "PERSON")])
    second = make_doc("Tom Ray agreed .", ents=[("Tom Ray", "PERSON")])
    third = make_doc("“ Go home now , ” she said .", pos=VERBS, lemmas=LEMMAS,
                     deps={"she": ("nsubj", "said")})
    (quote,) = quotes_of(first, second, third)
    assert (quote.speaker, quote.speaker_text) == ("person:ann lee", "she")


def test_two_speakers_in_one_sentence_each_get_their_own_quote() -> None:
    doc = make_doc("so with Ann Lee calling it “ Soviet-style ” and Tom Ray calling it “ a coup ” .",
                   ents=[("Ann Lee", "PERSON"), ("Tom Ray", "PERSON")],
                   pos={"calling": "VERB"}, lemmas={"calling": "call"},
                   deps={"Ann": ("compound", "Lee"), "Lee": ("nsubj", "calling"),
                         "Soviet-style": ("oprd", "calling"), "Tom": ("compound", "Ray"),
                         "Ray": ("nsubj", "calling"), "coup": ("oprd", "calling")})
    # make_doc links each word to its first occurrence: attach the second quote by hand.
    doc[11].head = doc[12]
    doc[16].head = doc[12]
    assert [(q.text, q.speaker) for q in quotes_of(doc)] == [
        ("Soviet-style", "person:ann lee"), ("a coup", "person:tom ray")]


def test_verb_in_an_aside_does_not_cue_the_quote() -> None:
    doc = make_doc("so Ann Lee commented — which the BBC noted as odd — “ It is obvious now ” .",
                   ents=[("Ann Lee", "PERSON"), ("BBC", "ORG")], pos={"commented": "VERB", "noted": "VERB"},
                   lemmas={"commented": "comment", "noted": "note"},
                   deps={"Ann": ("compound", "Lee"), "Lee": ("nsubj", "commented"),
                         "BBC": ("nsubj", "noted")})
    (quote,) = quotes_of(doc)
    assert quote.speaker == "person:ann lee"


def test_inverted_and_passive_cues_name_their_speaker() -> None:
    inverted = make_doc("“ We are tired now , ” said a protester using the pseudonym Katya .",
                        ents=[("Katya", "PERSON")], pos={**VERBS, "using": "VERB"}, lemmas=LEMMAS,
                        deps={"protester": ("dobj", "said"), "using": ("acl", "protester"),
                              "pseudonym": ("dobj", "using"), "Katya": ("appos", "pseudonym")})
    passive = make_doc("so it was described by Ann Lee as a “ historic mandate ” .",
                       ents=[("Ann Lee", "PERSON")], pos={"described": "VERB", "by": "ADP"},
                       lemmas={"described": "describe"},
                       deps={"by": ("agent", "described"), "Ann": ("compound", "Lee"), "Lee": ("pobj", "by")})
    assert [(q.text, q.speaker) for q in quotes_of(inverted, passive)] == [
        ("We are tired now", "person:katya"), ("historic mandate", "person:ann lee")]


def test_uncued_quotes_keep_the_speaker_the_text_points_to() -> None:
    first = make_doc("“ We will win , ” so Ann Lee said . “ This is a new day for us . ”",
                     ents=[("Ann Lee", "PERSON")], pos=VERBS, lemmas=LEMMAS,
                     deps={"Ann": ("compound", "Lee"), "Lee": ("nsubj", "said")})
    second = make_doc("so She will also set out a plan to “ restore order now ” .",
                      deps={"She": ("nsubj", "so")})
    third = make_doc("The “ new politics ” failed .")
    found = quotes_of(first, second, third)
    assert [(q.text, q.speaker) for q in found] == [
        ("We will win", "person:ann lee"), ("This is a new day for us .", "person:ann lee"),
        ("restore order now", "person:ann lee")]


def test_unnamed_speakers_stay_unnamed() -> None:
    doc = make_doc("so One MP told the BBC : “ We know it is lost . ” "
                   "so a spokesman for Downing Street said : “ We will appeal . ”",
                   ents=[("BBC", "ORG"), ("Downing Street", "FAC")],
                   pos={**VERBS, "One": "NUM", "MP": "NOUN"},
                   lemmas=LEMMAS,
                   deps={"One": ("nummod", "MP"), "MP": ("nsubj", "told"), "a": ("det", "spokesman"),
                         "spokesman": ("nsubj", "said"), "for": ("prep", "spokesman"),
                         "Downing": ("compound", "Street"),
                         "Street": ("pobj", "for")})
    found = quotes_of(doc)
    assert [(q.speaker, q.speaker_text, q.about) for q in found] == [
        (None, "One MP", None), (None, "a spokesman for Downing Street", "place:downing street")]


def test_title_chain_before_the_speakers_name_is_not_the_speaker() -> None:
    doc = make_doc("so Green Party leader and Prime Minister Ann Lee said she was “ humbled ” .",
                   ents=[("Green Party", "ORG"), ("Ann Lee", "PERSON")], pos={**VERBS, "leader": "NOUN"},
                   lemmas=LEMMAS,
                   deps={"leader": ("nsubj", "said"), "Ann": ("compound", "Lee"), "Lee": ("nsubj", "said")})
    (quote,) = quotes_of(doc)
    assert (quote.speaker, quote.speaker_text) == ("person:ann lee", "Ann Lee")


def test_continue_with_a_complement_is_no_cue() -> None:
    doc = make_doc("so Senior sources insisted that Ann Lee would continue to act , "
                   "dismissing as “ plain wrong ” claims .",
                   ents=[("Ann Lee", "PERSON")], pos={"insisted": "VERB", "continue": "VERB", "act": "VERB",
                                                      "dismissing": "VERB", "would": "AUX"},
                   lemmas={"insisted": "insist", "continue": "continue", "dismissing": "dismiss"},
                   tags={"dismissing": "VBG"},
                   deps={"Senior": ("amod", "sources"), "sources": ("nsubj", "insisted"),
                         "Ann": ("compound", "Lee"), "Lee": ("nsubj", "continue"),
                         "continue": ("ccomp", "insisted"), "act": ("xcomp", "continue"),
                         "dismissing": ("advcl", "continue"), "wrong": ("oprd", "dismissing")})
    (quote,) = quotes_of(doc)
    assert (quote.speaker, quote.speaker_text) == (None, "Senior sources")
