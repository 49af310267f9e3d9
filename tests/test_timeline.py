"""Timeline events on hand-built Docs: resolved dates, expected events, merging."""

from __future__ import annotations

import datetime as dt

from conftest import make_article, make_doc

from generator.extract.actors import extract_actors
from generator.extract.mentions import extract_mentions
from generator.extract.timeline import extract_events


def events_of(*articles):  # type: ignore[no-untyped-def]
    cast = extract_actors(list(articles), extract_mentions(list(articles)))
    return extract_events(list(articles), cast)


def test_weekday_resolves_against_publication_and_cites_the_sentence() -> None:
    doc = make_doc("Ann Lee won Thursday ’s vote . It rained .", ents=[("Ann Lee", "PERSON")])
    (event,) = events_of(make_article([doc], published=dt.date(2026, 2, 28)))
    assert (event.date.iso, event.date.precision, event.date_text) == ("2026-02-26", "day", "Thursday")
    assert not event.expected
    assert event.sources[0].text == "Ann Lee won Thursday ’s vote ."
    assert event.actors == ("person:ann lee",)


def test_future_clause_is_expected_in_next_week() -> None:
    doc = make_doc("She will argue next week that it works .")
    (event,) = events_of(make_article([doc], published=dt.date(2026, 2, 28)))
    assert event.expected
    assert (event.date.iso, event.date.precision) == ("2026-W10", "week")


def test_durations_and_quotes_are_not_events() -> None:
    doc = make_doc("People wait 20 years to settle .")
    quote = make_doc("“ We voted on Friday , ” she said .")
    assert events_of(make_article([doc, quote])) == ()


def test_same_event_in_two_outlets_is_one_event_citing_both() -> None:
    one = make_article([make_doc("The council approved the budget on Friday .")], article_id="a1",
                       source="One")
    two = make_article([make_doc("On Friday the council approved its budget .")], article_id="a2",
                       source="Two")
    (event,) = events_of(one, two)
    assert [c.article for c in event.sources] == ["a1", "a2"]


def test_different_things_on_the_same_day_stay_apart() -> None:
    doc = make_doc("The council approved the budget on Friday . A storm hit the coast on Friday .")
    assert len(events_of(make_article([doc]))) == 2


def test_article_without_a_date_leaves_relative_dates_unresolved() -> None:
    doc = make_doc("The vote was on Thursday . The law dates from 2005 .")
    events = events_of(make_article([doc], published=None))
    assert [(e.date.iso, e.date_text) for e in events] == [("2005", "2005")]
