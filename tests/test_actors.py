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


def test_surname_shared_by_relatives_stands_for_one_of_them_only() -> None:
    first = make_doc("Joe Biden and his son , Hunter Biden , met . Biden spoke .",
                     ents=[("Joe Biden", "PERSON"), ("Hunter Biden", "PERSON"), ("Biden", "PERSON")])
    second = make_doc("Hunter Biden sat . Joe Biden ran . Biden won . Biden lost .",
                      ents=[("Hunter Biden", "PERSON"), ("Joe Biden", "PERSON"), ("Biden", "PERSON"),
                            ("Biden", "PERSON")])
    cast = extract_actors([make_article([first]), make_article([second], article_id="a2")],
                          extract_mentions([make_article([first]), make_article([second], article_id="a2")]))
    actors = by_name(cast)
    # "Biden" follows Hunter once and Joe twice: it is Joe's surname, and never Hunter's.
    assert "Biden" in actors["Joe Biden"].aliases
    assert "Biden" not in actors["Hunter Biden"].aliases
    assert actors["Joe Biden"].mentions == 4


def test_surname_introduced_as_a_name_is_a_new_person() -> None:
    first = make_doc("A student named Wong spoke .", ents=[("Wong", "PERSON")],
                     pos={"named": "VERB"}, deps={"named": ("acl", "student")})
    second = make_doc("Joshua Wong wrote .", ents=[("Joshua Wong", "PERSON")])
    articles = [make_article([first]), make_article([second], article_id="a2")]
    actors = by_name(extract_actors(articles, extract_mentions(articles)))
    assert {"Wong", "Joshua Wong"} <= set(actors)
    assert "Wong" not in actors["Joshua Wong"].aliases


def test_shorter_forms_join_the_fullest_name() -> None:
    doc = make_doc("Pedro R. Pierluisi Urrutia spoke . Pedro Pierluisi left . Pierluisi Urrutia won .",
                   ents=[("Pedro R. Pierluisi Urrutia", "PERSON"), ("Pedro Pierluisi", "PERSON"),
                         ("Pierluisi Urrutia", "WORK_OF_ART")])
    actors = by_name(cast_of(doc))
    assert [n for n, a in actors.items() if a.kind == "person"] == ["Pedro R. Pierluisi Urrutia"]
    assert {"Pedro Pierluisi", "Pierluisi Urrutia"} <= set(actors["Pedro R. Pierluisi Urrutia"].aliases)


ROLE_POS = {"the": "DET", "a": "DET", "of": "ADP", "tweeted": "VERB", "quit": "VERB", "was": "AUX",
            "serving": "VERB", "as": "ADP", "personal": "ADJ", "lawyer": "NOUN", "succeeded": "VERB",
            "who": "PRON", "him": "PRON", "appointed": "VERB", "one": "NUM", "aides": "NOUN"}


def roles_of(text: str, ents: list[tuple[str, str]], **kwargs) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    doc = make_doc(text, ents=ents, pos={**ROLE_POS, **kwargs.pop("pos", {})}, **kwargs)
    return {a.name: [r.text for r in a.roles] for a in cast_of(doc).actors if a.kind == "person"}


def test_description_before_the_name_is_a_role() -> None:
    found = roles_of("The mayor of London , Ann Lee , tweeted . a Republican , Tom Ray , quit .",
                     [("London", "GPE"), ("Ann Lee", "PERSON"), ("Republican", "NORP"),
                      ("Tom Ray", "PERSON")])
    assert found["Ann Lee"] == ["mayor of London"]
    assert found["Tom Ray"] == ["Republican"]


def test_possessive_and_one_of_appositions_are_roles() -> None:
    found = roles_of("Ann Lee , Tom Ray ’s chief of staff , quit . "
                     "Eve Bell , one of President Tom Ray ’s aides , quit .",
                     [("Ann Lee", "PERSON"), ("Tom Ray", "PERSON"), ("Eve Bell", "PERSON"),
                      ("Tom Ray", "PERSON")],
                     pos={"chief": "NOUN", "staff": "NOUN"})
    assert found["Ann Lee"] == ["Tom Ray ’s chief of staff"]
    assert found["Eve Bell"] == ["one of President Tom Ray ’s aides"]


def test_titles_with_of_brackets_and_and() -> None:
    found = roles_of("so Secretary of State Ann Lee quit . "
                     "so Labour MP ( Member of Parliament ) Tom Ray quit . "
                     "so Party leader and Prime Minister Eve Bell quit .",
                     [("State", "ORG"), ("Ann Lee", "PERSON"), ("Labour", "ORG"), ("Parliament", "ORG"),
                      ("Tom Ray", "PERSON"), ("Eve Bell", "PERSON")], pos={"so": "ADV", "leader": "NOUN"})
    assert found["Ann Lee"] == ["Secretary of State"]
    assert found["Tom Ray"] == ["Labour MP"]
    assert found["Eve Bell"] == ["Prime Minister", "Party leader"]


def test_plural_title_before_a_list_is_each_ones_role() -> None:
    found = roles_of("It came from Representatives Ann Lee , Tom Ray , and Eve Bell .",
                     [("Ann Lee", "PERSON"), ("Tom Ray", "PERSON"), ("Eve Bell", "PERSON")],
                     pos={"It": "PRON", "came": "VERB", "from": "ADP", "and": "CCONJ"})
    assert found == {"Ann Lee": ["Representative"], "Tom Ray": ["Representative"],
                     "Eve Bell": ["Representative"]}


def test_predicate_roles_belong_to_the_subject_only() -> None:
    found = roles_of("so Ann Lee was serving as Tom Ray ’s personal lawyer . "
                     "Eve Bell appointed Tom Ray as secretary of state .",
                     [("Ann Lee", "PERSON"), ("Tom Ray", "PERSON"), ("Eve Bell", "PERSON"),
                      ("Tom Ray", "PERSON")],
                     pos={"secretary": "NOUN", "state": "NOUN", "so": "ADV"},
                     deps={"Ann": ("compound", "Lee"), "Lee": ("nsubj", "serving"), "as": ("prep", "serving"),
                           "lawyer": ("pobj", "as"), "Tom": ("compound", "Ray"),
                           "Ray": ("poss", "lawyer"), "personal": ("amod", "lawyer"), "’s": ("case", "Ray"),
                           "Bell": ("nsubj", "appointed")},
                     lemmas={"serving": "serve", "appointed": "appoint"})
    assert found["Ann Lee"] == ["Tom Ray ’s personal lawyer"]
    assert found["Eve Bell"] == []


def test_a_title_held_now_and_before_by_two_people_is_no_alias() -> None:
    doc = make_doc("Current Prime Minister Ann Lee quit . Prime Minister Tom Ray spoke . "
                   "Eve Bell , the prime minister , smiled . the Prime Minister smiled .",
                   ents=[("Ann Lee", "PERSON"), ("Tom Ray", "PERSON"), ("Eve Bell", "PERSON")],
                   pos={"the": "DET", "quit": "VERB"})
    actors = by_name(cast_of(doc))
    # "Current" says when, not which title; "Eve Bell, the prime minister," describes her.
    assert not any(alias.startswith("the ") for name in ("Ann Lee", "Tom Ray", "Eve Bell")
                   for alias in actors[name].aliases)
