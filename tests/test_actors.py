"""Mentions, actors and roles on hand-built Docs (blank pipeline, no trained model)."""

from __future__ import annotations

from conftest import make_article, make_doc

from generator.extract.actors import extract_actors, org_key
from generator.extract.mentions import extract_mentions


def cast_of(*paragraphs, **kwargs):  # type: ignore[no-untyped-def]
    articles = [make_article(list(paragraphs), **kwargs)]
    return extract_actors(articles, extract_mentions(articles))


def by_name(cast):  # type: ignore[no-untyped-def]
    return {a.name: a for a in cast.actors}


def test_possessive_is_split_into_person_and_organisation() -> None:
    doc = make_doc("Labour came third behind Ann Lee ’s Blues and Bob Ray ’s Reform UK .",
                   ents=[("Labour", "ORG"), ("Ann Lee ’s Blues", "PERSON"),
                         ("Bob Ray ’s Reform", "PERSON"), ("UK", "GPE")])
    actors = by_name(cast_of(doc))
    assert actors["Ann Lee"].kind == "person"
    assert actors["Blues"].kind == "organisation"
    assert actors["Reform UK"].kind == "organisation"
    assert "UK" not in actors
    assert [r.text for r in actors["Bob Ray"].roles] == ["leader of Reform UK"]


def test_surname_honorific_and_title_join_the_full_name() -> None:
    first = make_doc("Home Secretary Ann Lee spoke .", ents=[("Ann Lee", "PERSON")])
    second = make_doc("Ms Lee left and the Home Secretary smiled . Lee said no .",
                      ents=[("Lee", "PERSON"), ("Lee", "ORG")])
    actors = by_name(cast_of(first, second))
    lee = actors["Ann Lee"]
    assert set(lee.aliases) >= {"Ms Lee", "Lee", "the Home Secretary"}
    assert lee.mentions == 4
    assert [r.text for r in lee.roles] == ["Home Secretary"]
    assert len([a for a in actors.values() if a.kind == "person"]) == 1


def test_shared_surname_is_not_merged_across_people() -> None:
    doc = make_doc("Ann Lee met Tom Lee . Lee spoke .",
                   ents=[("Ann Lee", "PERSON"), ("Tom Lee", "PERSON"), ("Lee", "PERSON")])
    other = make_doc("Lee waved .", ents=[("Lee", "PERSON")])
    cast = extract_actors([make_article([doc]), make_article([other], article_id="a2")],
                          extract_mentions([make_article([doc]),
                                            make_article([other], article_id="a2")]))
    names = {a.name: a.mentions for a in cast.actors}
    # In the first article "Lee" follows "Tom Lee"; in the second nobody can tell.
    assert names == {"Ann Lee": 1, "Tom Lee": 2}


def test_title_held_by_two_people_is_not_an_alias() -> None:
    doc = make_doc("Prime Minister Ann Lee replaced Prime Minister Tom Ray . The Prime Minister spoke .",
                   ents=[("Ann Lee", "PERSON"), ("Tom Ray", "PERSON")],
                   pos={"replaced": "VERB", "spoke": "VERB"})
    actors = by_name(cast_of(doc))
    assert [r.text for r in actors["Tom Ray"].roles] == ["Prime Minister"]
    assert "the Prime Minister" not in actors["Ann Lee"].aliases
    assert "the Prime Minister" not in actors["Tom Ray"].aliases


def test_title_word_tagged_as_organisation_is_dropped() -> None:
    doc = make_doc("The Home Secretary spoke .", ents=[("Home", "ORG")])
    assert cast_of(doc).actors == ()


def test_coordinated_place_name_is_one_place() -> None:
    first = make_doc("Labour lost the Ayton and Beeton by-election .",
                     ents=[("Labour", "ORG"), ("Ayton", "PERSON"), ("Beeton", "PERSON")],
                     pos={"by-election": "NOUN"})
    second = make_doc("Voters in Ayton and Beeton , Greater Shire , chose .",
                      ents=[("Ayton", "GPE"), ("Beeton", "PERSON"), ("Greater Shire", "GPE")])
    actors = by_name(cast_of(first, second))
    assert actors["Ayton and Beeton"].kind == "place"
    assert actors["Ayton and Beeton"].mentions == 2
    assert not [a for a in actors.values() if a.kind == "person"]


def test_caption_credit_never_makes_an_actor() -> None:
    # The loader strips the credit; the caption's own words still name people.
    caption = make_doc("Minister Ann Lee at the border", ents=[("Ann Lee", "PERSON")])
    body = make_doc("The Blues won .", ents=[("Blues", "ORG")])
    actors = by_name(cast_of(body, (caption, "caption")))
    assert set(actors) == {"Blues", "Ann Lee"}


def test_organisation_variants_are_one_profile() -> None:
    doc = make_doc("The Green Party won . The Green party gained . Greens cheered .",
                   ents=[("The Green Party", "ORG"), ("The Green party", "ORG"), ("Greens", "NORP")])
    actors = by_name(cast_of(doc))
    assert list(actors) == ["Green Party"]
    assert actors["Green Party"].mentions == 3
    assert org_key("the Greens") == org_key("Green Party") == "green"


def test_lone_unknown_word_is_not_a_person() -> None:
    doc = make_doc("Denton voted .", ents=[("Denton", "PERSON")])
    assert cast_of(doc).actors == ()


def test_group_noun_is_not_a_person() -> None:
    doc = make_doc("Labour MPs rebelled .", ents=[("Labour MPs", "PERSON")])
    assert [a.kind for a in cast_of(doc).actors] == []


def test_roles_from_apposition_bracket_and_title() -> None:
    doc = make_doc("Ann Lee , the general secretary of Unison , spoke . "
                   "Backbench MP Tom Ray ( Northtown ) agreed .",
                   ents=[("Ann Lee", "PERSON"), ("Unison", "ORG"), ("Tom Ray", "PERSON"),
                         ("Northtown", "GPE")],
                   pos={"the": "DET", "general": "ADJ", "secretary": "NOUN", "of": "ADP",
                        "spoke": "VERB", "agreed": "VERB", "Backbench": "ADJ", "MP": "NOUN"})
    actors = by_name(cast_of(doc))
    assert [r.text for r in actors["Ann Lee"].roles] == ["general secretary of Unison"]
    assert [r.text for r in actors["Tom Ray"].roles] == ["Backbench MP (Northtown)"]
    assert actors["Ann Lee"].roles[0].citation.text.startswith("Ann Lee , the general")
