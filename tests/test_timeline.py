"""Timeline events on hand-built Docs: resolved dates, expected events, merging."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_article, make_doc

from generator.extract import timeline
from generator.extract.actors import extract_actors
from generator.extract.mentions import extract_mentions
from generator.extract.timeline import extract_events
from generator.registry import assign


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


# ------------------------------------------------------------------ clauses and tense

SATURDAY = dt.date(2026, 2, 28)


def one_event(doc, published=SATURDAY):  # type: ignore[no-untyped-def]
    events = events_of(make_article([doc], published=published))
    assert len(events) == 1, [(e.date, e.text) for e in events]
    return events[0]


def test_a_weekday_takes_the_tense_of_its_own_clause_not_of_a_reported_will() -> None:
    doc = make_doc(
        "On Wednesday , Lam announced that her government will withdraw the bill .",
        pos={"announced": "VERB", "withdraw": "VERB", "will": "AUX", "that": "SCONJ"},
        tags={"announced": "VBD", "withdraw": "VB", "will": "MD"},
        deps={"On": ("prep", "announced"), "Wednesday": ("pobj", "On"),
              "Lam": ("nsubj", "announced"), "announced": ("ROOT", "announced"),
              "that": ("mark", "withdraw"), "government": ("nsubj", "withdraw"),
              "will": ("aux", "withdraw"), "withdraw": ("ccomp", "announced"),
              "bill": ("dobj", "withdraw")})
    event = one_event(doc)
    assert (event.date.iso, event.expected) == ("2026-02-25", False)


_CONFIRMED = dict(
    pos={"confirmed": "VERB", "held": "VERB", "will": "AUX", "be": "AUX"},
    tags={"confirmed": "VBD", "held": "VBN", "will": "MD", "be": "VB"},
    deps={"Yesterday": ("npadvmod", "confirmed"), "Pelosi": ("nsubj", "confirmed"),
          "confirmed": ("ROOT", "confirmed"), "vote": ("nsubjpass", "held"),
          "will": ("aux", "held"), "be": ("auxpass", "held"), "held": ("ccomp", "confirmed"),
          "today": ("npadvmod", "held")})


def test_yesterday_with_a_will_in_another_clause_has_happened() -> None:
    doc = make_doc("Yesterday , Pelosi confirmed a vote will be held today .", **_CONFIRMED)
    event = one_event(doc)
    assert (event.date.iso, event.expected, event.date_text) == ("2026-02-27", False, "Yesterday")


def test_with_split_clauses_each_clause_is_an_event(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline, "SPLIT_CLAUSES", True)
    doc = make_doc("Yesterday , Pelosi confirmed a vote will be held today .", **_CONFIRMED)
    events = events_of(make_article([doc], published=SATURDAY))
    assert [(e.date.iso, e.expected) for e in events] == [("2026-02-27", False), ("2026-02-28", True)]
    gapped = make_doc("Clinton was impeached in 1998 , and Johnson in 1868 .",
                      pos={"impeached": "VERB", "was": "AUX"}, tags={"impeached": "VBN", "was": "VBD"},
                      deps={"Clinton": ("nsubjpass", "impeached"), "was": ("auxpass", "impeached"),
                            "impeached": ("ROOT", "impeached"), "in": ("prep", "impeached"),
                            "1998": ("pobj", "in"), "Johnson": ("conj", "impeached")})
    events = events_of(make_article([gapped], published=SATURDAY))
    assert sorted(e.date.iso for e in events) == ["1868", "1998"]


def test_two_dates_of_one_clause_without_coordination_are_one_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(timeline, "SPLIT_CLAUSES", True)
    doc = make_doc("Today the court ruled on the suspension until October 14 .",
                   pos={"ruled": "VERB"}, tags={"ruled": "VBD"},
                   deps={"Today": ("npadvmod", "ruled"), "court": ("nsubj", "ruled"),
                         "ruled": ("ROOT", "ruled")})
    event = one_event(doc, published=dt.date(2019, 9, 24))
    assert event.date_text == "Today"


def test_a_reduced_clause_of_expectation_is_expected() -> None:
    doc = make_doc("McConnell backed a trial , anticipated to begin in January .",
                   pos={"backed": "VERB", "anticipated": "VERB", "begin": "VERB", "to": "PART"},
                   tags={"backed": "VBD", "anticipated": "VBN", "begin": "VB"},
                   deps={"McConnell": ("nsubj", "backed"), "backed": ("ROOT", "backed"),
                         "trial": ("dobj", "backed"), "anticipated": ("advcl", "backed"),
                         "to": ("aux", "begin"), "begin": ("xcomp", "anticipated"),
                         "in": ("prep", "begin"), "January": ("pobj", "in")})
    event = one_event(doc)
    assert (event.date.iso, event.expected) == ("2027-01", True)


def test_scheduled_for_this_week_is_expected_but_earlier_this_week_is_not() -> None:
    scheduled = parsed("The House issued a request , scheduled for this week .", "issued",
                       {"scheduled": ("acl", "request"), "for": ("prep", "scheduled"),
                        "this": ("det", "week"), "week": ("pobj", "for")},
                       {"issued": "VBD", "scheduled": "VBN"})
    event = one_event(scheduled)
    assert (event.date.iso, event.expected) == ("2026-W09", True)
    earlier = parsed("Pelosi announced the upcoming vote earlier this week .", "announced",
                     {"earlier": ("advmod", "week"), "this": ("det", "week")},
                     {"announced": "VBD"})
    event = one_event(earlier)
    assert (event.date.iso, event.expected) == ("2026-W09", False)


def test_a_to_infinitive_takes_the_tense_of_its_governing_clause() -> None:
    doc = make_doc("She will comply with the request to suspend Parliament in September .",
                   pos={"will": "AUX", "comply": "VERB", "suspend": "VERB", "to": "PART"},
                   tags={"will": "MD", "comply": "VB", "suspend": "VB"},
                   deps={"She": ("nsubj", "comply"), "will": ("aux", "comply"),
                         "comply": ("ROOT", "comply"), "with": ("prep", "comply"),
                         "request": ("pobj", "with"), "to": ("aux", "suspend"),
                         "suspend": ("acl", "request"), "in": ("prep", "suspend"),
                         "September": ("pobj", "in")})
    event = one_event(doc, published=dt.date(2019, 8, 29))
    assert (event.date.iso, event.expected) == ("2019-09", True)


def parsed(text: str, root: str, deps: dict[str, tuple[str, str]] | None = None,
           tags: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """A one-sentence Doc whose tokens hang from ``root`` unless ``deps`` says otherwise;
    words tagged as verbs or modals get the matching part of speech."""
    tags = tags or {}
    tree = {w: ("dep", root) for w in text.split()} | {root: ("ROOT", root)} | (deps or {})
    pos = {w: "AUX" if t in ("MD",) or w in ("is", "was", "were", "are", "be") else "VERB"
           for w, t in tags.items() if t.startswith(("VB", "MD"))}
    return make_doc(text, pos=pos, tags=tags, deps=tree)


@pytest.mark.parametrize(
    ("doc", "published", "expected"),
    [
        # "would" / "was to": the nearest such day, either side of publication.
        (lambda: parsed("The Senate said it would meet on Monday .", "said",
                        {"it": ("nsubj", "meet"), "would": ("aux", "meet"),
                         "meet": ("ccomp", "said"), "on": ("prep", "meet"),
                         "Monday": ("pobj", "on")},
                        {"said": "VBD", "would": "MD", "meet": "VB"}),
         dt.date(2019, 8, 4), ("2019-08-05", True)),
        (lambda: parsed("The Senate was to meet Monday .", "was",
                        {"to": ("aux", "meet"), "meet": ("xcomp", "was"),
                         "Monday": ("npadvmod", "meet")},
                        {"was": "VBD", "meet": "VB"}),
         dt.date(2019, 8, 8), ("2019-08-05", False)),
        # A present-tense verb says nothing of the past.
        (lambda: parsed("The deadline is October 31 .", "is", tags={"is": "VBZ"}),
         dt.date(2019, 9, 24), ("2019-10-31", True)),
        # A limit after publication is still to come, even with a past verb.
        (lambda: parsed("The court suspended Parliament until October 14 .", "suspended",
                        tags={"suspended": "VBD"}),
         dt.date(2019, 9, 24), ("2019-10-14", True)),
        # "By" with a past verb is the past.
        (lambda: parsed("By Sunday afternoon , he said no .", "said", tags={"said": "VBD"}),
         dt.date(2019, 8, 8), ("2019-08-04", False)),
        # An explicit date after publication has not happened yet, whatever the tense.
        (lambda: parsed("The deadline stood at October 31, 2019 .", "stood",
                        tags={"stood": "VBD"}),
         dt.date(2019, 9, 24), ("2019-10-31", True)),
    ],
)
def test_future_seen_from_the_past_limits_and_present_tense(
    doc, published: dt.date, expected: tuple[str, bool]  # type: ignore[no-untyped-def]
) -> None:
    event = one_event(doc(), published=published)
    assert (event.date.iso, event.expected) == expected


def test_adjacent_expressions_of_one_day_are_one_date() -> None:
    doc = make_doc("He is to leave office next month on August 2 .")
    event = one_event(doc, published=dt.date(2019, 7, 28))
    assert (event.date.iso, event.expected, event.date_text) == (
        "2019-08-02", True, "next month on August 2")
    doc = make_doc("Llerandi announced his resignation effective next Wednesday , July 31 .",
                   tags={"announced": "VBD"})
    event = one_event(doc, published=dt.date(2019, 7, 28))
    assert (event.date.iso, event.date_text) == ("2019-07-31", "next Wednesday , July 31")


# ------------------------------------------------------------------ what is not an event


def test_a_quotation_running_over_sentences_is_not_narration() -> None:
    doc = make_doc("“ The economy slipped . In August , the forecast was cut , ” she said .")
    assert events_of(make_article([doc])) == ()


def test_a_sentence_in_another_language_is_not_narration() -> None:
    doc = make_doc("Si el Senado me ratifica , seré gobernador hasta el 2020 .")
    assert events_of(make_article([doc])) == ()


def test_comparisons_are_not_dates() -> None:
    doc = make_doc("Turnout was higher than last year . It was the worst since 2009 .",
                   tags={"worst": "JJS"})
    assert events_of(make_article([doc])) == ()


def test_a_year_or_month_naming_a_thing_does_not_date_the_sentence() -> None:
    law = make_doc("The court struck down a 2005 law .",
                   deps={"2005": ("nummod", "law"), "law": ("dobj", "court")})
    act = make_doc("He broke the Act of 1867 .",
                   deps={"of": ("prep", "Act"), "1867": ("pobj", "of")})
    assert events_of(make_article([law, act])) == ()
    summer = make_doc("In the summer of 1868 , he was impeached .",
                      deps={"of": ("prep", "summer"), "1868": ("pobj", "of")})
    assert [e.date.iso for e in events_of(make_article([summer]))] == ["1868"]
    bid = make_doc("Monday ’s bid for October elections failed .",
                   deps={"October": ("compound", "elections")})
    assert [e.date_text for e in events_of(make_article([bid]))] == ["Monday"]


# ------------------------------------------------------------------ merging


def test_reports_of_one_kind_of_happening_on_one_day_are_one_event() -> None:
    doc = make_doc("The result of Thursday ’s poll saw Labour third . "
                   "Spencer won Thursday ’s election .")
    (event,) = events_of(make_article([doc]))
    assert len(event.sources) == 2


def test_sources_that_disagree_on_the_date_are_one_event_that_says_so() -> None:
    one = make_article([make_doc("The council approved the budget on Thursday .")],
                       article_id="a1", source="One")
    two = make_article([make_doc("The council approved the budget on Friday .")],
                       article_id="a2", source="Two")
    (event,) = events_of(one, two)
    assert [c.article for c in event.sources] == ["a1", "a2"]
    assert "different dates: 26 February 2026 (One); 27 February 2026 (Two)" in event.text
    assert event.date_text == "Thursday / Friday"


def test_sources_that_disagree_on_a_figure_say_so() -> None:
    one = make_article([make_doc("Spencer won the by-election on Thursday with 14,980 votes .")],
                       article_id="a1", source="One")
    two = make_article([make_doc("Spencer won the by-election on Thursday with 14,890 votes .")],
                       article_id="a2", source="Two")
    (event,) = events_of(one, two)
    assert "different figures: 14,980 votes (One); 14,890 votes (Two)" in event.text


def test_far_apart_dates_are_different_events() -> None:
    one = make_article([make_doc("The council approved the budget on 1 March 2025 .")],
                       article_id="a1", source="One")
    two = make_article([make_doc("The council approved the budget on 1 March 2026 .")],
                       article_id="a2", source="Two")
    assert len(events_of(one, two)) == 2


def test_two_events_of_one_sentence_keep_their_ids_across_builds() -> None:
    items = [("1868 Bill Clinton was impeached", ["a#s1-0"]),
             ("1998 Bill Clinton was impeached", ["a#s1-0"])]
    first = assign((), items, fallback="event", claim_by_keys=True)
    again = assign(first.entries, items, fallback="event", claim_by_keys=True)
    assert again.ids == first.ids


# ------------------------------------------------------------------ the timeline page


def _story_with(*events, order="oldest"):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from test_golden import fixture_story

    story = fixture_story()
    return replace(story, events=story.events + tuple(events), timeline_order=order)


def _page(story) -> str:  # type: ignore[no-untyped-def]
    from generator.render.terms import TermLinks
    from generator.render.timeline import timeline as render_timeline

    return render_timeline(story, TermLinks(story))


def _mermaid(page: str) -> str:
    return page.split("```mermaid\n", 1)[1].split("```", 1)[0]


def test_mermaid_labels_are_plain_text() -> None:
    from generator.render.diagram import mermaid_text

    hostile = '%%{init: {"theme": "dark"}}%% <img src=x onerror=alert(1)> a: b # c; d & e `f`'
    cleaned = mermaid_text(hostile)
    assert not set(cleaned) & set('%{}:<>#;&"`=\n')
    assert "theme dark" in cleaned and "a b c d e f" in cleaned  # words stay, as words


def test_every_event_has_one_anchored_entry_and_a_diagram_label() -> None:
    from generator.models import Citation, DateValue, Event

    hostile = Event("2026-03-03-evil", DateValue("2026-03-03", "day"), "Tuesday", False,
                    "Evil: <b>x</b> # %%{init}%% section y", (Citation("one", 0, 0, "Evil"),),
                    ("ann-lee",))
    page = _page(_story_with(hostile))
    for event_id in ("2026-03-02-mayor-ann-lee-closed", "2026-w11-the-council-will-vote",
                     "2015-before", "2026-03-03-evil"):
        assert page.count(f"{{: #{event_id} .event }}") == 1
    diagram = _mermaid(page)
    settings, kind, *entries = diagram.splitlines()
    assert settings.startswith("%%{init:") and kind == "timeline"
    assert "section What's next" in diagram and diagram.count("%%") == 2  # only our settings
    for line in entries:
        label = line.split(" : ", 1)[-1]
        assert not set(label) & set("%{}:<>#;&"), line
    assert "<b>" not in page and "&lt;b&gt;" in page


def test_whats_next_holds_only_what_is_still_to_come() -> None:
    from generator.models import Citation, DateValue, Event

    stale = Event("2026-03-01-the-vote-was-due", DateValue("2026-03-01", "day"), "tomorrow", True,
                  "The vote was due tomorrow.", (Citation("one", 0, 0, "The vote was due"),))
    page = _page(_story_with(stale))
    next_section = page.split("## What's next", 1)[1].split("\n## ", 1)[0]
    assert "#2026-w11-the-council-will-vote" in next_section or "2026-w11" in next_section
    assert "2026-03-01-the-vote-was-due" not in next_section
    assert "*(expected at the time)*: The vote was due tomorrow." in page


def test_events_can_be_found_by_actor() -> None:
    page = _page(_story_with())
    assert "[Ann Lee](#events-of-ann-lee)" in page
    assert "{: #events-of-ann-lee }" in page
    assert "- [Monday 2 March 2026](#2026-03-02-mayor-ann-lee-closed)" in page


def test_newest_first_reverses_the_periods_and_undated_events_are_apart() -> None:
    from generator.models import Citation, Event

    undated = Event("event-background", None, "", False, "Background without a date.",
                    (Citation("one", 0, 0, "Background"),))
    page = _page(_story_with(undated, order="newest"))
    assert page.index("## March 2026") < page.index("## 2015")
    undated_section = page.split("## Undated background", 1)[1]
    assert "{: #event-background .event }" in undated_section
    assert "event-background" not in _mermaid(page)


def test_a_merged_event_shows_the_other_reports_in_their_words() -> None:
    from generator.models import Citation, DateValue, Event

    one = Citation("one", 0, 0, "The bridge reopened on Friday.")
    two = Citation("two", 1, 0, "Traffic crossed the bridge again on Friday after repairs.")
    merged = Event("2026-03-06-bridge-reopened", DateValue("2026-03-06", "day"), "Friday", False,
                   "The bridge reopened on Friday.", (one, two))
    page = _page(_story_with(merged))
    assert "Also: “Traffic crossed the bridge again on Friday after repairs.” (Two News, 5 Mar 2026)" \
        in page
    assert page.count("](sources/two.md#s1-0 ") == 1  # its badge links the sentence


def test_one_event_per_sentence_takes_the_date_a_but_clause_sets_instead() -> None:
    doc = parsed("The Senate was set to sit on Wednesday , but it said they would meet Monday .",
                 "set", {"to": ("aux", "sit"), "sit": ("xcomp", "set"), "on": ("prep", "sit"),
                         "Wednesday": ("pobj", "on"), "said": ("conj", "set"),
                         "it": ("nsubj", "said"), "meet": ("ccomp", "said"),
                         "they": ("nsubj", "meet"), "would": ("aux", "meet"),
                         "Monday": ("npadvmod", "meet")},
                 {"was": "VBD", "set": "VBN", "sit": "VB", "said": "VBD", "would": "MD",
                  "meet": "VB"})
    event = one_event(doc, published=dt.date(2019, 8, 4))
    assert event.date_text == "Monday"
