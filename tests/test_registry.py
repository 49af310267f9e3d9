"""The slug registry: published ids are reused, renamed and merged ones redirect."""

from __future__ import annotations

from generator.models import Problem
from generator.registry import assign, dump_registry, parse_registry


def test_new_items_get_slugs_and_are_registered() -> None:
    placed = assign((), [("Ann Lee", ["Lee"]), ("Tom Ray", [])], fallback="actor")
    assert placed.ids == ("ann-lee", "tom-ray")
    assert placed.redirects == ()
    assert dict(placed.entries) == {"ann-lee": ("Ann Lee", "Lee"), "tom-ray": ("Tom Ray",)}


def test_registered_id_is_kept_even_when_a_new_name_would_collide() -> None:
    entries = (("ann-lee", ("Ann Lee",)), ("ann-lee-2", ("Ann  LEE",)))
    placed = assign(entries, [("Ann Lee", [])], fallback="actor")
    assert placed.ids == ("ann-lee",)


def test_names_alike_but_for_punctuation_keep_their_own_ids() -> None:
    # "US" and "U.S." compare alike; each must keep the id it was published under, whichever
    # comes first (the first published run registered "us" for "US" and "u-s" for "U.S.")
    entries = (("u-s", ("U.S.",)), ("us", ("US",)))
    for items in ([("US", []), ("U.S.", [])], [("U.S.", []), ("US", [])]):
        placed = assign(entries, items, fallback="actor")
        assert dict(zip((n for n, _ in items), placed.ids, strict=True)) == {"US": "us", "U.S.": "u-s"}
        assert placed.redirects == ()
        assert dict(placed.entries) == {"u-s": ("U.S.",), "us": ("US",)}


def test_renamed_item_gets_a_new_id_and_the_old_one_redirects() -> None:
    entries = (("keir-starmer", ("Keir Starmer", "Starmer")),)
    placed = assign(entries, [("Sir Keir Starmer", ["Keir Starmer", "Starmer"])], fallback="actor")
    assert placed.ids == ("sir-keir-starmer",)
    assert placed.redirects == (("keir-starmer", "sir-keir-starmer"),)


def test_merged_item_redirects_and_a_vanished_one_points_nowhere() -> None:
    entries = (("greens", ("Greens",)), ("green-party", ("Green Party",)), ("gone", ("Gone Ltd",)))
    placed = assign(entries, [("Green Party", ["Greens"])], fallback="actor")
    assert placed.ids == ("green-party",)
    assert dict(placed.redirects) == {"greens": "green-party", "gone": ""}


def test_new_name_never_takes_a_registered_id() -> None:
    entries = (("ann-lee", ("Ann Lee",)),)
    placed = assign(entries, [("Ann-Lee Smith", []), ("Ann Lee.", [])], fallback="actor")
    assert placed.ids == ("ann-lee-smith", "ann-lee")


def test_events_keep_their_id_by_shared_sentences() -> None:
    entries = (("2026-02-26-vote", ("2026-02-26 vote", "a#s1-0")),)
    placed = assign(entries, [("2026-02-26 the vote", ["b#s3-0", "a#s1-0"])], fallback="event",
                    claim_by_keys=True)
    assert placed.ids == ("2026-02-26-vote",)


def test_registry_round_trips_and_bad_entries_are_problems() -> None:
    placed = assign((), [("Ann Lee", ["Lee"])], fallback="actor")
    from generator.models import Registry

    text = dump_registry(Registry(actors=placed.entries))
    problems: list[Problem] = []
    assert parse_registry(text, "slugs.yml", problems).actors == placed.entries
    assert problems == []
    parse_registry("actors:\n  Not A Slug: [x]\n", "slugs.yml", problems)
    parse_registry("people: {}\n", "slugs.yml", problems)
    assert len(problems) == 2 and all(p.path == "slugs.yml" for p in problems)


def test_reloaded_is_what_parsing_the_dumped_text_gives() -> None:
    from generator.models import Registry
    from generator.registry import reloaded

    tricky = ("yes", "1", "null", "~", "a: b", "- x", " spaced ", "ünïcode", "#hash", "'q'", "1e3")
    registry = Registry(actors=(("zed", ("zed",)), ("a-b", tricky), ("true", ("no", "on"))),
                        terms=(("1", ("1.0",)),), events=())
    problems: list[Problem] = []
    assert parse_registry(dump_registry(registry), "slugs.yml", problems) == reloaded(registry)
    assert problems == []
