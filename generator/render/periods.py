"""Where each event is shown: the timeline page, or (in a story too long for one page) the
page of its period, one per month or year.

A short story keeps every event on ``timeline.md``. Past a threshold every dated event moves
to ``timeline/<period>.md``; the timeline page keeps the soonest of what is next, an index
of the periods and, for every moved event, an anchor that sends an old ``/timeline/#id``
link on to the event's new place.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..models import DateValue, Event, Story
from .common import TIMELINE, long_date, per_story

# More dated events than this and the timeline is split into one page per period.
TIMELINE_PAGE_EVENTS = 300


def still_ahead(story: Story, e: Event) -> bool:
    """An expected event not yet over by the newest article: what "What's next" shows
    (an expectation of an older article, now past, is not next any more)."""
    return e.expected and _ahead(e, _latest(story))


@per_story
def split_timeline(story: Story) -> bool:
    """Too many events for one page? (Worked out once per story: every link asks.)"""
    return sum(1 for e in story.events if e.date) > TIMELINE_PAGE_EVENTS


def event_page(story: Story, e: Event) -> str:
    """The page an event is shown on."""
    page = _event_pages(story).get(id(e))
    return page if page is not None else _event_page(story, e)


@per_story
def _event_pages(story: Story) -> dict[int, str]:
    """The page of each of the story's events, by identity (the story keeps them alive):
    thousands of links ask, and hashing an event or its date means hashing its fields."""
    return {id(e): _event_page(story, e) for e in story.events}


def _event_page(story: Story, e: Event) -> str:
    if e.date is None or not split_timeline(story):
        return TIMELINE
    return period_page(period_of(e))


def period_of(e: Event) -> str:
    """The event's period: the month of its date, or its year when the text gives only a
    year ("2005", "before 2015")."""
    return "Undated" if e.date is None else _period(e.date)


@lru_cache(maxsize=4096)
def _period(date: DateValue) -> str:
    """The period of a date (remembered: every link to an event asks for it)."""
    if date.precision == "year":
        return date.iso[:4]
    return long_date(DateValue(date.sort_key[:7], "month"))


def period_anchor(period: str) -> str:
    return "period-" + _slug(period)


@lru_cache(maxsize=4096)
def period_page(period: str) -> str:
    return f"timeline/{_slug(period)}.md"


def _slug(period: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", period.lower()).strip("-")


@per_story
def _latest(story: Story) -> dt.date | None:
    return max((a.published for a in story.articles if a.published), default=None)


def _ahead(e: Event, latest: dt.date | None) -> bool:
    """Not over by the newest article's publication date (or no date to tell)."""
    if e.date is None or latest is None:
        return True
    return e.date.days()[1] >= latest
