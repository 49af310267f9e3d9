"""What each article added to the story: the updates page and its Atom feed.

Computed from the seeds alone (first appearance in publication order), so every rebuild
gives the same page and feed without any stored state.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

from ..models import Actor, Article, Citation, Event, Quote, Story, Term
from .common import (
    FEED,
    GLOSSARY,
    UPDATES,
    actor_page,
    front_matter,
    per_story,
    plural,
    rel,
    short_date,
    source_page,
)
from .escape import md
from .periods import event_page

_ARTICLE = attrgetter("article")


@dataclass(frozen=True)
class Added:
    """What one article brought that no earlier article had."""

    article: Article
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    quotes: tuple[tuple[Actor, Quote], ...]
    terms: tuple[Term, ...]

    def summary(self) -> str:
        parts = [plural(len(self.actors), "new actor"), plural(len(self.events), "new event"),
                 plural(len(self.quotes), "quote"), plural(len(self.terms), "new term")]
        return ", ".join(parts)


@per_story
def additions(story: Story) -> list[Added]:
    """For each article in publication order, what it added first (worked out once: the
    page and the feed both show it)."""
    order = {a.id: i for i, a in enumerate(story.articles)}
    never = len(order)  # after every article: for what no article of the story cites

    def first(citations: Iterable[Citation]) -> int:
        # An article outside the story counts as `never`, which no other position exceeds;
        # map() keeps the loop over the citations (tens of thousands) out of Python code.
        return min(map(order.get, map(_ARTICLE, citations), repeat(never)), default=never)

    actor_first = {a.id: first(a.citations) for a in story.actors}
    event_first = {e.id: first(e.sources) for e in story.events}
    term_first = {t.id: first(t.sources) for t in story.terms}
    actors: dict[int, list[Actor]] = defaultdict(list)
    events: dict[int, list[Event]] = defaultdict(list)
    quotes: dict[str, list[tuple[Actor, Quote]]] = defaultdict(list)
    terms: dict[int, list[Term]] = defaultdict(list)
    for a in story.actors:
        actors[actor_first[a.id]].append(a)
        for q in a.quotes:
            if not q.unnamed_source:
                quotes[q.citation.article].append((a, q))
    for e in story.events:
        events[event_first[e.id]].append(e)
    for t in story.terms:
        terms[term_first[t.id]].append(t)
    return [Added(article, tuple(actors[i]), tuple(events[i]), tuple(quotes[article.id]),
                  tuple(terms[i])) for i, article in enumerate(story.articles)]


def updates_page(story: Story) -> str:
    """Newest article first: what each one added, with links into the site."""
    out = [front_matter(f"Updates: {story.title}",
                        f"What each article added to the explainer of {story.title}, newest first."),
           "# Updates\n\n",
           f"What each article added to the story, newest first. Subscribe with the "
           f"[Atom feed]({rel(UPDATES, FEED)}).\n\n"]
    for added in reversed(additions(story)):
        a = added.article
        out.append(f"## {md(a.source)}, {short_date(a.published)}: {md(a.title)} {{: #{a.id} }}\n\n")
        out.append(f"[The article's cited sentences]({rel(UPDATES, source_page(a.id))}) · "
                   f"{added.summary()}\n\n")
        if added.actors:
            out.append("**New in the story:** " + ", ".join(
                f"[{md(x.name)}]({rel(UPDATES, actor_page(x.id))})" for x in added.actors[:20])
                + (" and more" if len(added.actors) > 20 else "") + "\n\n")
        if added.events:
            out.append("**Events:**\n\n" + "".join(
                f"- [{md(e.date_text or 'undated')}]({rel(UPDATES, event_page(story, e), e.id)}): "
                f"{md(e.text)}\n"
                for e in added.events[:10]) + "\n")
        if added.quotes:
            out.append("**Quotes:**\n\n" + "".join(
                f"- [{md(x.name)}]({rel(UPDATES, actor_page(x.id))}): “{md(q.text)}”\n"
                for x, q in added.quotes[:10]) + "\n")
        if added.terms:
            out.append("**Terms:** " + ", ".join(
                f"[{md(t.term)}]({rel(UPDATES, GLOSSARY, t.id)})" for t in added.terms) + "\n\n")
    return "".join(out)


def atom_feed(story: Story, site_url: str) -> str:
    """An Atom feed with one entry per article; ids and dates come from the seeds only."""
    base = site_url.rstrip("/") + "/"
    found = additions(story)
    dates = [a.published for a in story.articles if a.published]
    updated = f"{max(dates).isoformat()}T00:00:00Z" if dates else "1970-01-01T00:00:00Z"
    x = html.escape
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"  <title>{x(story.title)}</title>",
             f"  <subtitle>{x(story.description)}</subtitle>",
             f"  <id>urn:story-explainer:{story.slug}</id>",
             f'  <link rel="alternate" href="{x(base)}updates/"/>',
             f'  <link rel="self" href="{x(base)}feed.xml"/>',
             f"  <updated>{updated}</updated>",
             "  <author><name>Story Explainer</name></author>"]
    for added in reversed(found):
        a = added.article
        when = f"{a.published.isoformat()}T00:00:00Z" if a.published else updated
        items = [f"<li>{x(e.date_text or 'undated')}: {x(e.text)}</li>" for e in added.events[:10]]
        content = (f"<p>{x(added.summary())}</p>" + (f"<ul>{''.join(items)}</ul>" if items else ""))
        lines += ["  <entry>",
                  f"    <title>{x(a.source)}: {x(a.title)}</title>",
                  f"    <id>urn:story-explainer:{story.slug}:{a.id}</id>",
                  f'    <link rel="alternate" href="{x(base)}updates/#{a.id}"/>',
                  f"    <updated>{when}</updated>",
                  f"    <summary>{x(added.summary())}</summary>",
                  f'    <content type="html">{x(content)}</content>',
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
