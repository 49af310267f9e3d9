"""A story too long for one timeline page: one page per period, old anchors sent on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from test_golden import fixture_story

from generator.render import periods, render
from generator.site import build_site
from generator.write import write_docs


@pytest.fixture
def split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(periods, "TIMELINE_PAGE_EVENTS", 0)


def test_short_timelines_stay_on_one_page() -> None:
    files = render(fixture_story())
    assert not [name for name in files if name.startswith("timeline/")]
    assert "data-moved" not in files["timeline.md"]


def test_events_move_to_their_period_and_old_anchors_follow(split: None) -> None:
    story = fixture_story()
    files = render(story)
    dated = [e for e in story.events if e.date]
    ahead = [e for e in dated if periods.still_ahead(story, e)]
    assert dated and ahead
    for e in dated:
        page = periods.event_page(story, e)
        assert page.startswith("timeline/") and f"{{: #{e.id} .event }}" in files[page]
        # the timeline page keeps an anchor that sends /timeline/#id on to the new page
        moved = re.findall(rf'<a id="{e.id}" data-moved="([^"]+)"></a>', files["timeline.md"])
        assert moved == [f"{page[len('timeline/'):-3]}/#{e.id}"]  # once: ids are unique
        assert f"#{e.id} .event" not in files["timeline.md"]
    for e in ahead:  # what is next is still listed first, linking to its period
        assert f"({periods.event_page(story, e)}#{e.id})" in files["timeline.md"]
    past = next(e for e in dated if e not in ahead and "ann-lee" in e.actors)
    assert f"../{periods.event_page(story, past)}#{past.id}" in files["actors/ann-lee.md"]


def test_only_the_most_involved_actors_are_listed_on_the_timeline(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.render import timeline

    monkeypatch.setattr(timeline, "BY_ACTOR", 0)
    text = render(fixture_story())["timeline.md"]
    # the others' anchors forward to the events listed on their own pages
    assert '<a id="events-of-ann-lee" data-moved="../actors/ann-lee/#in-the-timeline"></a>' in text
    assert "{: #events-of-ann-lee }" not in text


def test_split_timeline_builds_strictly(split: None, tmp_path: Path) -> None:
    write_docs(render(fixture_story()), tmp_path / "docs")
    build_site(ROOT / "mkdocs.yml", tmp_path / "docs", tmp_path / "site", "Split")
    assert list((tmp_path / "site" / "timeline").glob("*/index.html"))
