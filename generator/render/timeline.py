"""The timeline page: what is expected next, then every dated event grouped by period
(oldest or newest first, as the story's settings say), a visual timeline drawn by Mermaid
(:mod:`.diagram`), and a way to jump to the events of each person, organisation or place.
A story too long for one page gets one page per period (:mod:`.periods`).

Every event keeps its stable anchor (its id, and any id it had before) on exactly one
``.event`` paragraph; article text goes through the page's term linker (escaped, with
glossary tooltips), and into the Mermaid diagram only as short, sanitised labels.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..models import Actor, Citation, Event, Story
from .common import (
    TIMELINE,
    actor_index,
    actor_page,
    article_by_id,
    events_by_actor,
    front_matter,
    long_date,
    per_story,
    plural,
    rel,
    sentence_anchor,
    short_date,
    source_page,
    url_of,
)
from .diagram import by_period, diagram, short_label, sort_key
from .escape import attr, md
from .periods import (
    event_page,
    period_anchor,
    period_of,
    period_page,
    split_timeline,
    still_ahead,
)
from .terms import Linker, TermLinks

UNDATED = "Undated"
ALSO_WORDS = 30
LIST_LABEL_WORDS = 14
# At scale: the actors listed with their events on the timeline page (the others' anchors
# forward to their own pages), and the soonest events shown under "What's next".
BY_ACTOR = 40
NEXT_AT_SCALE = 30
def timeline(story: Story, terms: TermLinks) -> str:
    """The timeline page."""
    link = terms.linker(TIMELINE)
    out = [front_matter(f"Timeline: {story.title}",
                        f"What happened, and what is expected next, in the story {story.title}, "
                        "each event cited to its source sentence."),
           "# Timeline\n\n"]
    if not story.events:
        out.append("No dated events were found in the articles.\n")
        return "".join(out)
    # "What's next" is what is still to come after the newest article; what was expected in an
    # older article and is now past stays in its period, marked as expected at the time.
    expected = sorted((e for e in story.events if e.date and still_ahead(story, e)),
                      key=sort_key)
    ahead = {id(e) for e in expected}
    happened = [e for e in story.events if e.date and id(e) not in ahead]
    undated = [e for e in story.events if e.date is None]
    groups = by_period(happened)
    order = list(groups) if story.timeline_order == "oldest" else list(reversed(groups))
    out.append(_intro(story, happened, expected))
    out.append(_jump_list(story))
    out.append(diagram(groups, expected))
    split = split_timeline(story)
    if expected:
        out.append("## What's next {: #whats-next }\n\n"
                   "Events the articles present as still to come, soonest first.\n\n")
        if split:  # the soonest, linking to their periods' pages (which hold them all)
            out.extend(_line(story, e) for e in expected[:NEXT_AT_SCALE])
            if len(expected) > NEXT_AT_SCALE:
                out.append(f"\n{plural(len(expected) - NEXT_AT_SCALE, 'more event')} still to "
                           "come are on the pages of their periods.")
            out.append("\n")
        else:
            out.extend(_entry(story, e, link) for e in expected)
    if split:  # every period with a page is in the index, including those still ahead
        groups = by_period(e for e in story.events if e.date)
        order = list(groups) if story.timeline_order == "oldest" else list(reversed(groups))
    for period in order:
        events = groups[period] if story.timeline_order == "oldest" else groups[period][::-1]
        out.append(f"## {md(period)} {{: #{period_anchor(period)} }}\n\n")
        if split:  # the period's own page holds its events; old links are sent on there
            out.append(f"[{plural(len(events), 'event')}]({rel(TIMELINE, period_page(period))})"
                       f": {md(short_label(events[0].text, LIST_LABEL_WORDS))}\n\n"
                       + _moved_anchors(events) + "\n\n")
        else:
            out.extend(_entry(story, e, link) for e in events)
    if undated:
        out.append("## Undated background {: #undated }\n\n"
                   "The articles give no date for these, so they are not placed on the "
                   "timeline.\n\n")
        out.extend(_entry(story, e, link) for e in undated)
    out.append(_by_actor(story))
    return "".join(out)


def period_pages(story: Story, terms: TermLinks) -> dict[str, str]:
    """In a story too long for one timeline page, one page per period of past events."""
    if not split_timeline(story):
        return {}
    groups = by_period(e for e in story.events if e.date)
    periods = list(groups) if story.timeline_order == "oldest" else list(reversed(groups))
    pages = {}
    for n, period in enumerate(periods):
        page = period_page(period)
        events = groups[period] if story.timeline_order == "oldest" else groups[period][::-1]
        around = [f"[{label}: {md(other)}]({rel(page, period_page(other))})"
                  for label, other in (("Before", periods[n - 1] if n else None),
                                       ("After", periods[n + 1] if n + 1 < len(periods) else None))
                  if other is not None]
        nav = " · ".join([f"[The whole timeline]({rel(page, TIMELINE, period_anchor(period))})",
                          *around])
        link = terms.linker(page)
        pages[page] = "".join([
            front_matter(f"{period}: Timeline: {story.title}",
                         f"What happened in {period} in the story {story.title}, each event cited "
                         "to its source sentence."),
            f"# {md(period)}\n\n{plural(len(events), 'event')} · {nav}\n\n",
            *(_entry(story, e, link, page) for e in events),
            f"{nav}\n"])
    return pages


def _moved_anchors(events: Iterable[Event]) -> str:
    """An anchor for each moved event (and its former ids) that a script follows to the
    event's own page, so a link to ``/timeline/#id`` still arrives at the event."""
    out: list[str] = []
    for e in events:
        target = url_of(period_page(period_of(e)), e.id).removeprefix(url_of(TIMELINE))
        out.extend(f'<a id="{attr(i)}" data-moved="{attr(target)}"></a>' for i in (e.id, *e.former_ids))
    return "".join(out)


# ------------------------------------------------------------------ parts of the page


def _intro(story: Story, happened: Sequence[Event], expected: Sequence[Event]) -> str:
    order = "oldest first" if story.timeline_order == "oldest" else "newest first"
    counts = plural(len(happened), "event")
    if expected:
        counts += f", and {len(expected)} still to come,"
    return (f"{counts} from {plural(len(story.articles), 'article')}, {order}. Relative dates "
            "(\u201con Friday\u201d, \u201cnext week\u201d) are worked out from each article's "
            "publication date; every entry links to the sentences that report it. An event "
            "reported by several articles is listed once, citing each of them.\n\n")


def _jump_list(story: Story) -> str:
    involved = _actors_with_events(story)
    if not involved:
        return ""
    links = " · ".join(f"[{md(a.name)}](#{_actor_anchor(a)})" for a, _ in involved[:BY_ACTOR])
    more = (f" · and {len(involved) - BY_ACTOR} more, on their own pages"
            if len(involved) > BY_ACTOR else "")
    return f"**Jump to the events of:** {links}{more}\n\n"


def _line(story: Story, e: Event) -> str:
    """An event in one line, linking to where it is shown."""
    return (f"- [**{md(_when(e))}**]({rel(TIMELINE, event_page(story, e), e.id)}): "
            f"{md(short_label(e.text, LIST_LABEL_WORDS))}\n")


def _entry(story: Story, e: Event, link: Linker, page: str = TIMELINE) -> str:
    """One event: its date, text, outlet badges, the date as written, and who was involved."""
    when = _when(e)
    expected = _expected_mark(story, e)
    also = _also(story, e, link)
    details = [f"Reported by {_badges(story, e.sources, page)}"]
    if e.date_text:
        details.append(f"date given as \u201c{md(e.date_text)}\u201d")
    people = _actors_of(story, e)
    if people:
        details.append("who: " + ", ".join(
            f"[{md(a.name)}]({rel(page, actor_page(a.id))})" for a in people))
    return (f"{_anchors(e.former_ids)}**{md(when)}**{expected}: {link(e.text)}<br>\n"
            f"<small>{also}{' · '.join(details)}</small>\n"
            f"{{: #{e.id} .event }}\n\n")


def _expected_mark(story: Story, e: Event) -> str:
    if not e.expected:
        return ""
    return " *(expected)*" if still_ahead(story, e) else " *(expected at the time)*"


def _also(story: Story, e: Event, link: Linker) -> str:
    """The other sentences reporting a merged event, in their own words."""
    lines = []
    first = e.sources[0].text if e.sources else ""
    for c in e.sources[1:]:
        if c.text != first:
            article = article_by_id(story, c.article)
            lines.append(f"Also: \u201c{link(short_label(c.text, ALSO_WORDS, 400, strip_date=False))}"
                         f"\u201d ({md(article.source)}, {short_date(article.published)})<br>")
    return "\n".join(lines) + ("\n" if lines else "")


def _badges(story: Story, sources: Iterable[Citation], page: str = TIMELINE) -> str:
    """One badge per source sentence, naming its outlet and date, linking to the sentence."""
    out: list[str] = []
    seen: dict[str, int] = defaultdict(int)
    for c in sources:
        article = article_by_id(story, c.article)
        seen[article.id] += 1
        label = f"{article.source}, {short_date(article.published)}" + (
            f" ({seen[article.id]})" if seen[article.id] > 1 else "")
        title = f"{article.source}: {article.title}"
        target = rel(page, source_page(article.id), sentence_anchor(c))
        out.append(f'[{md(label)}]({target} "{md(title)}"){{: .md-tag }}')
    return " ".join(out)


def _by_actor(story: Story) -> str:
    involved = _actors_with_events(story)
    if not involved:
        return ""
    out = ["## Events by person, organisation and place {: #by-actor }\n\n"]
    if len(involved) > BY_ACTOR:
        # The rest are listed on their own pages; their anchors here forward there.
        out.append(f"The {BY_ACTOR} most involved; the events of the other "
                   f"{len(involved) - BY_ACTOR} are listed on their own pages.\n\n")
        out.append("".join(
            f'<a id="{attr(_actor_anchor(a))}" '
            f'data-moved="../{attr(url_of(actor_page(a.id), "in-the-timeline"))}"></a>'
            for a, _ in involved[BY_ACTOR:]) + "\n\n")
    for actor, events in involved[:BY_ACTOR]:
        out.append(f"**[{md(actor.name)}]({rel(TIMELINE, actor_page(actor.id))})** "
                   f"({plural(len(events), 'event')})\n{{: #{_actor_anchor(actor)} }}\n\n")
        for e in events:
            where = event_page(story, e)
            target = f"#{e.id}" if where == TIMELINE else rel(TIMELINE, where, e.id)
            out.append(f"- [{md(_when(e))}]({target}){_expected_mark(story, e)}: "
                       f"{md(short_label(e.text, LIST_LABEL_WORDS))}\n")
        out.append("\n")
    return "".join(out)


# ------------------------------------------------------------------ helpers


def _when(e: Event) -> str:
    return long_date(e.date) if e.date else UNDATED


def _actor_anchor(actor: Actor) -> str:
    return f"events-of-{actor.id}"


def _actors_of(story: Story, e: Event) -> list[Actor]:
    by_id = actor_index(story)
    return [by_id[i] for i in e.actors if i in by_id]


@per_story
def _actors_with_events(story: Story) -> list[tuple[Actor, list[Event]]]:
    """Actors in at least one event, most involved first; their events in date order
    (worked out once: the jump list and the list by actor both show them)."""
    by_id = actor_index(story)
    found = [(by_id[i], sorted(events, key=sort_key)) for i, events in events_by_actor(story).items()
             if i in by_id]
    return sorted(found, key=lambda item: (-len(item[1]), item[0].name.lower()))


def _anchors(ids: Iterable[str]) -> str:
    """Empty anchors for ids published before, so old links still land here."""
    return "".join(f'<a id="{attr(i)}"></a>' for i in ids)
