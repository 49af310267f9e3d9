"""Name cleaning and story-wide labels on hand-built Docs (spans, evidence, labels)."""

from __future__ import annotations

from conftest import make_article, make_doc

from generator.extract.actors import extract_actors
from generator.extract.mentions import extract_mentions

SAID = {"said": "VERB"}
SAY = {"said": "say"}


def people(*paragraphs, **kwargs):  # type: ignore[no-untyped-def]
    articles = [make_article(list(paragraphs), **kwargs)]
    cast = extract_actors(articles, extract_mentions(articles))
    return {a.name: a for a in cast.actors if a.kind == "person"}


def kinds(*paragraphs):  # type: ignore[no-untyped-def]
    articles = [make_article(list(paragraphs))]
    return {a.name: a.kind for a in extract_actors(articles, extract_mentions(articles)).actors}


def test_title_inside_a_person_entity_is_a_role_and_regnal_number_stays() -> None:
    doc = make_doc("Queen Ann II opened it . The Queen smiled .", ents=[("Queen Ann II", "PERSON")])
    found = people(doc)
    assert list(found) == ["Ann II"]
    assert [r.text for r in found["Ann II"].roles] == ["Queen"]
    assert "the Queen" in found["Ann II"].aliases


def test_given_name_left_outside_the_entity_is_taken_in() -> None:
    doc = make_doc("Police Superintendent Yolanda Yu Kwan said no .",
                   ents=[("Yu Kwan", "PERSON")], pos=SAID, lemmas=SAY)
    found = people(doc)
    assert list(found) == ["Yolanda Yu Kwan"]
    assert [r.text for r in found["Yolanda Yu Kwan"].roles] == ["Police Superintendent"]


def test_place_run_into_a_name_after_a_title_is_split() -> None:
    first = make_doc("First Minister of Scotland Ann Lee spoke .", ents=[("Scotland Ann Lee", "ORG")])
    second = make_doc("Scotland voted . so Ann Lee said yes .",
                      ents=[("Scotland", "GPE"), ("Ann Lee", "ORG")],
                      pos=SAID, lemmas=SAY, deps={"Ann": ("compound", "Lee"), "Lee": ("nsubj", "said")})
    found = kinds(first, second)
    assert found["Ann Lee"] == "person" and found["Scotland"] == "place"
    assert "Scotland Ann Lee" not in found
    assert [r.text for r in people(first, second)["Ann Lee"].roles] == ["First Minister of Scotland"]


def test_organisation_label_on_a_she_who_said_is_a_person() -> None:
    doc = make_doc("so Ann Lee said she would go .", ents=[("Ann Lee", "ORG")], pos=SAID, lemmas=SAY,
                   deps={"Ann": ("compound", "Lee"), "Lee": ("nsubj", "said")})
    assert kinds(doc) == {"Ann Lee": "person"}
    # An organisation says things too, but is no "she".
    bank = make_doc("so Gold Sachs said rates would rise .", ents=[("Gold Sachs", "ORG")], pos=SAID,
                    lemmas=SAY, deps={"Gold": ("compound", "Sachs"), "Sachs": ("nsubj", "said")})
    assert kinds(bank) == {"Gold Sachs": "organisation"}


def test_name_listed_with_people_is_a_person_and_with_places_a_place() -> None:
    doc = make_doc("It was sent by Ann Lee , Tom Ray and Eve Bell . "
                   "They walked from Bay Park , Hill Street and Tin Hau .",
                   ents=[("Ann Lee", "PERSON"), ("Tom Ray", "PERSON"), ("Eve Bell", "ORG"),
                         ("Bay Park", "GPE"), ("Hill Street", "GPE"), ("Tin Hau", "PERSON")])
    found = kinds(doc)
    assert found["Eve Bell"] == "person"
    assert found["Tin Hau"] == "place"


def test_name_before_a_place_noun_is_a_place() -> None:
    doc = make_doc("It happened in the Tsuen Wan district .", ents=[("Tsuen Wan", "PERSON")])
    assert kinds(doc) == {"Tsuen Wan": "place"}


def test_name_introduced_by_naming_is_a_person_with_a_role() -> None:
    doc = make_doc("A student named Wong said no .", ents=[("Wong", "PERSON")],
                   pos={"named": "VERB", **SAID}, lemmas=SAY,
                   deps={"named": ("acl", "student"), "Wong": ("oprd", "named")})
    found = people(doc)
    assert [r.text for r in found["Wong"].roles] == ["student"]


def test_capitalised_words_only_inside_quotes_are_no_one() -> None:
    doc = make_doc("He called it “ Witch Hunt garbage ” .", ents=[("Witch Hunt", "PERSON")])
    assert people(doc) == {}


def test_table_row_and_picture_credit_make_no_person() -> None:
    row = make_doc("██ Plaid Cymru - 4 seats", ents=[("Plaid Cymru - 4", "PERSON")])
    credit = make_doc("Placards . Image : John Lubbock .", ents=[("John Lubbock", "PERSON")])
    assert people(row, credit) == {}
    assert kinds(row) == {}


def test_untagged_subject_of_said_is_a_person() -> None:
    doc = make_doc("so Regina Ip said no .", pos=SAID, lemmas=SAY,
                   deps={"Regina": ("compound", "Ip"), "Ip": ("nsubj", "said")})
    assert list(people(doc)) == ["Regina Ip"]


def test_organisation_label_holding_a_known_surname_is_a_person() -> None:
    doc = make_doc("Tom Rivera Schatz spoke . Luis Rivera Marin quit .",
                   ents=[("Tom Rivera Schatz", "PERSON"), ("Luis Rivera Marin", "ORG")])
    assert set(people(doc)) == {"Tom Rivera Schatz", "Luis Rivera Marin"}


def test_peerage_title_in_apposition_is_an_alias() -> None:
    doc = make_doc("Colin Sutherland , Lord Carloway , the Lord President of the court , decided .",
                   ents=[("Colin Sutherland", "PERSON")],
                   pos={"the": "DET", "of": "ADP", "court": "NOUN", "decided": "VERB"})
    found = people(doc)
    assert list(found) == ["Colin Sutherland"]
    assert "Lord Carloway" in found["Colin Sutherland"].aliases
    assert [r.text for r in found["Colin Sutherland"].roles] == ["Lord President of the court"]


def test_known_names_are_found_from_the_token_array_whatever_the_word() -> None:
    # "Mark" and "Root" are spaCy symbols (fixed small ids, not hashes); "O’Neill" has a
    # curly apostrophe. Each is found where the model missed it.
    first = make_doc("Mark Root and Ann O'Neill said no .", pos=SAID, lemmas=SAY,
                     ents=[("Mark Root", "PERSON"), ("Ann O'Neill", "PERSON")])
    second = make_doc("Later , Mark Root met Ann O’Neill . Root said no .", pos=SAID, lemmas=SAY)
    articles = [make_article([first]), make_article([second], article_id="b")]
    mentions = extract_mentions(articles)
    found = sorted((m.article, m.text) for m in mentions)
    assert ("b", "Mark Root") in found and ("b", "Ann O’Neill") in found and ("b", "Root") in found


def test_first_word_ids_match_symbols_and_hashed_words() -> None:
    from generator.extract.text import first_word_ids, starts_among

    doc = make_doc("The mark of Zorro and the root of it .")
    ids = first_word_ids(["mark", "zorro", "root", "it's"])
    assert starts_among(doc, ids) == [1, 3, 6]


def test_entities_inside_a_span_are_those_spacy_gives() -> None:
    from generator.extract.text import ents_in, span_text

    doc = make_doc("Ann Lee met Tom Ray in Hong Kong on Monday . Kay Bell stayed .",
                   ents=[("Ann Lee", "PERSON"), ("Tom Ray", "PERSON"), ("Hong Kong", "GPE"),
                         ("Kay Bell", "PERSON")])
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            assert [(e.start, e.end) for e in ents_in(span)] == [(e.start, e.end) for e in span.ents]
            assert span_text(span) == span.text
