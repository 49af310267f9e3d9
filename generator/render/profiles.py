"""Markdown for the people, organisations and places: an index and one page each."""

from __future__ import annotations

from collections import Counter

from ..models import Actor, Citation, Story
from .common import (
    ACTORS,
    TIMELINE,
    actor_page,
    cite,
    front_matter,
    long_date,
    plural,
    rel,
    source_page,
)
from .escape import md
from .terms import Linker, TermLinks

PRONOUNS = {"he", "she", "they", "him", "her", "them"}
FRAGMENT_WORDS = 6  # quotes shorter than this are shown with their sentence
KIND_TITLES = {"person": "People", "organisation": "Organisations", "place": "Places"}
KIND_NAMES = {"person": "Person", "organisation": "Organisation", "place": "Place"}


def index(story: Story) -> str:
    """Everyone in the story, grouped by kind, most mentioned first."""
    out = [front_matter(f"Who's who: {story.title}",
                        f"The people, organisations and places in the story {story.title}."),
           "# Who's who\n\n"]
    for kind, heading in KIND_TITLES.items():
        actors = [a for a in story.actors if a.kind == kind]
        if not actors:
            continue
        out.append(f"## {heading}\n\n| Name | Role | Mentions |\n|---|---|---|\n")
        for a in actors:
            role = md(a.roles[0].text) if a.roles else ""
            out.append(f"| [{md(a.name)}]({rel(ACTORS, actor_page(a.id))}) | {role} | {a.mentions} |\n")
        out.append("\n")
    return "".join(out)


def profile(story: Story, actor: Actor, terms: TermLinks) -> str:
    """One actor: roles, quotes, events, company kept and articles, every line cited."""
    page = actor_page(actor.id)
    link = terms.linker(page)
    summary = actor.roles[0].text if actor.roles else KIND_NAMES[actor.kind]
    out = [front_matter(actor.name, f"{actor.name}: {summary}. In the story {story.title}."),
           f"# {md(actor.name)}\n\n"]
    facts = [f"*{KIND_NAMES[actor.kind]}*",
             f"mentioned {plural(actor.mentions, 'time')} in {plural(len(actor.articles), 'article')}"]
    out.append(" · ".join(facts) + "\n\n")
    if actor.aliases:
        out.append(f"**Also called:** {md(', '.join(actor.aliases))}\n\n")
    if actor.roles:
        out.append("## Roles\n\n")
        out.extend(f"- {link(r.text)} ({cite(story, r.citation, page)})\n" for r in actor.roles)
        out.append("\n")
    own = [q for q in actor.quotes if not q.unnamed_source]
    others = [q for q in actor.quotes if q.unnamed_source]
    if own:
        out.append("## What they said\n\n")
        out.extend(_quote(story, q.text, _speaker(q.speaker_text, actor.name), q.citation, page, link)
                   for q in own)
        out.append("\n")
    if others:
        out.append("## Said by sources close to them\n\n"
                   "These are the words of people the articles do not name, not the actor's own.\n\n")
        out.extend(_quote(story, q.text, q.speaker_text, q.citation, page, link) for q in others)
        out.append("\n")
    events = [e for e in story.events if actor.id in e.actors]
    if events:
        out.append("## In the timeline\n\n")
        for e in events:
            when = long_date(e.date) if e.date else "Undated"
            expected = " (expected)" if e.expected else ""
            out.append(f"- [**{md(when)}**]({rel(page, TIMELINE, e.id)}){expected}: {link(e.text)}\n")
        out.append("\n")
    company = _company(story, actor)
    if company:
        out.append("## Appears with\n\n")
        out.extend(f"- [{md(a.name)}]({rel(page, actor_page(a.id))}) "
                   f"({plural(n, 'shared sentence')})\n" for a, n in company)
        out.append("\n")
    out.append("## Mentioned in\n\n")
    for article in story.articles:
        if article.id in actor.articles:
            out.append(f"- [{md(article.title)}]({rel(page, source_page(article.id))}), "
                       f"{md(article.source)}\n")
    return "".join(out)


def _speaker(text: str, name: str) -> str:
    """Who said it, by name: "she" in the article is shown as the person's name."""
    return name if not text or text.lower() in PRONOUNS else text


def _quote(story: Story, text: str, speaker: str, citation: Citation, page: str, link: Linker) -> str:
    """One quote as a list item: the words, then who said them and where.

    A fragment of a few words means little alone, so its whole sentence is shown too.
    """
    context = ""
    if len(text.split()) < FRAGMENT_WORDS and citation.text.strip() != text.strip():
        context = f"<br><small>In full: {md(citation.text)}</small>"
    return (f"- “{link(text)}”{context}<br><small>{md(speaker)}, "
            f"{cite(story, citation, page)}</small>\n")


def _company(story: Story, actor: Actor, limit: int = 8) -> list[tuple[Actor, int]]:
    """Other actors mentioned in the same sentences, most shared first."""
    mine = {(c.article, c.paragraph, c.sentence) for c in actor.citations}
    counts: Counter[str] = Counter()
    for other in story.actors:
        if other.id != actor.id:
            shared = mine & {(c.article, c.paragraph, c.sentence) for c in other.citations}
            if shared:
                counts[other.id] = len(shared)
    by_id = {a.id: a for a in story.actors}
    ranked = sorted(counts, key=lambda i: (-counts[i], by_id[i].name))[:limit]
    return [(by_id[i], counts[i]) for i in ranked]
