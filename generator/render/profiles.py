"""Markdown for the people, organisations and places: an index and one page each."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby

from ..models import Actor, Article, Citation, Event, Quote, Story
from .common import (
    ACTORS,
    actor_page,
    article_by_id,
    articles_of,
    cite,
    events_by_actor,
    front_matter,
    long_date,
    per_story,
    plural,
    rel,
    source_page,
)
from .connections import company_index
from .escape import md
from .periods import event_page
from .terms import Linker, TermLinks

PRONOUNS = {"he", "she", "they", "him", "her", "them"}
SAME_QUOTE = 0.6  # share of words two reports of one quote have in common
FRAGMENT_WORDS = 6  # quotes shorter than this are shown with their sentence
TOP_IN_INDEX = 50  # actors per kind in the index table; the rest are listed A to Z
KIND_TITLES = {"person": "People", "organisation": "Organisations", "place": "Places"}
KIND_NAMES = {"person": "Person", "organisation": "Organisation", "place": "Place"}
_WORD = re.compile(r"\w+")


def index(story: Story) -> str:
    """Everyone in the story, grouped by kind, most mentioned first."""
    out = [front_matter(f"Who's who: {story.title}",
                        f"The people, organisations and places in the story {story.title}."),
           "# Who's who\n\n"]
    for kind, heading in KIND_TITLES.items():
        actors = [a for a in story.actors if a.kind == kind]
        if not actors:
            continue
        out.append(f"## {heading}\n\n")
        # A long list is split: the most mentioned first, then everyone else A to Z.
        top, rest = actors[:TOP_IN_INDEX], sorted(actors[TOP_IN_INDEX:], key=lambda a: a.name.lower())
        out.append("| Name | Role | Mentions |\n|---|---|---|\n")
        for a in top:
            role = md(a.roles[0].text) if a.roles else ""
            out.append(f"| [{md(a.name)}]({rel(ACTORS, actor_page(a.id))}) | {role} | {a.mentions} |\n")
        out.append("\n")
        if rest:
            out.append(f"### All other {heading.lower()}, A to Z\n\n")
            for letter, group in groupby(rest, key=lambda a: _letter(a.name)):
                links = ", ".join(f"[{md(a.name)}]({rel(ACTORS, actor_page(a.id))})" for a in group)
                out.append(f"**{letter}** {links}\n\n")
    return "".join(out)


def _letter(name: str) -> str:
    first = name.strip()[:1].upper()
    return first if first.isalpha() else "#"


def profile(story: Story, actor: Actor, terms: TermLinks,
            company: dict[str, list[tuple[Actor, int]]] | None = None) -> str:
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
        for group in _same_words(own):
            q = group[0]
            out.append(_quote(story, q.text, _speaker(q.speaker_text, actor.name), q.citation, page, link))
            out.extend(_also(story, other, page) for other in group[1:])
        out.append("\n")
    if others:
        out.append("## Said by sources close to them\n\n"
                   "These are the words of people the articles do not name, not the actor's own.\n\n")
        for group in _same_words(others):
            q = group[0]
            out.append(_quote(story, q.text, q.speaker_text, q.citation, page, link))
            out.extend(_also(story, other, page) for other in group[1:])
        out.append("\n")
    shared = _shared(story)
    events = events_by_actor(story).get(actor.id, [])
    if events:
        out.append("## In the timeline\n\n")
        for e in events:
            out.append(f"{shared.event_start(e, page)}{link(e.text)}\n")
        out.append("\n")
    company_kept = (company if company is not None else company_index(story)).get(actor.id, [])
    if company_kept:
        out.append("## Appears with\n\n")
        out.extend(shared.companion(a, n, page) for a, n in company_kept)
        out.append("\n")
    out.append("## Mentioned in\n\n")
    out.append(shared.mentioned_in(actor.articles, page))
    return "".join(out)


class _Shared:
    """Lines that read the same on every profile, made once per story: the profiles are all
    in one folder, so a link reads the same from each, and a long story lists the same
    events, companions and articles on many of them (1,000 articles: 7,000 event lines
    for 2,700 events, 27,000 companion lines for 8,300 distinct ones, 8,400 "Mentioned in"
    lists for 2,700 distinct sets of articles)."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self._events: dict[int, str] = {}  # by id(event): hashing an event hashes its fields
        self._companions: dict[tuple[str, int], str] = {}
        self._mentioned: dict[tuple[str, ...], str] = {}
        self._articles: dict[str, str] = {}

    def event_start(self, e: Event, page: str) -> str:
        """An event's line up to its text (which links glossary terms, page by page)."""
        start = self._events.get(id(e))
        if start is None:
            when = long_date(e.date) if e.date else "Undated"
            expected = " (expected)" if e.expected else ""
            target = rel(page, event_page(self.story, e), e.id)
            start = self._events[id(e)] = f"- [**{md(when)}**]({target}){expected}: "
        return start

    def companion(self, a: Actor, n: int, page: str) -> str:
        """The line of an actor named in ``n`` of the sentences that name the profile's."""
        line = self._companions.get((a.id, n))
        if line is None:
            line = self._companions[a.id, n] = (f"- [{md(a.name)}]({rel(page, actor_page(a.id))}) "
                                                f"({plural(n, 'shared sentence')})\n")
        return line

    def mentioned_in(self, article_ids: tuple[str, ...], page: str) -> str:
        """The list of the articles that mention an actor."""
        text = self._mentioned.get(article_ids)
        if text is None:
            text = self._mentioned[article_ids] = "".join(
                self._article_line(article, page) for article in articles_of(self.story, article_ids))
        return text

    def _article_line(self, article: Article, page: str) -> str:
        line = self._articles.get(article.id)
        if line is None:
            line = self._articles[article.id] = (
                f"- [{md(article.title)}]({rel(page, source_page(article.id))}), {md(article.source)}\n")
        return line


@per_story
def _shared(story: Story) -> _Shared:
    return _Shared(story)


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def _same_words(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """Quotes grouped when they are the same words reported twice (by two outlets, or
    worded slightly differently); a group keeps the first report first."""
    groups: list[list[Quote]] = []
    firsts: list[frozenset[str]] = []  # the words of each group's first quote
    for q in quotes:
        words = _words(q.text)
        group = _group_of(words, groups, firsts) if len(words) >= 4 else None
        if group is not None:
            group.append(q)
        else:
            groups.append([q])
            firsts.append(words)
    return groups


def _group_of(words: frozenset[str], groups: list[list[Quote]],
              firsts: list[frozenset[str]]) -> list[Quote] | None:
    """The first group whose first quote shares enough of these words, if any."""
    n = len(words)
    for group, first in zip(groups, firsts, strict=True):
        m = len(first)
        # The share is at most the smaller set's size over the larger's (and so is its
        # rounded value): sets of very different sizes need not be intersected.
        if (m / n if m < n else n / m) < SAME_QUOTE:
            continue
        common = len(first & words)
        # |first ∪ words| is counted from the intersection, without building the union.
        if common and common / (m + n - common) >= SAME_QUOTE:
            return group
    return None


def _also(story: Story, q: Quote, page: str) -> str:
    """A second report of the same quote, its wording shown when it differs."""
    article = article_by_id(story, q.citation.article)
    return (f"    - Also reported by {md(article.source)} ({md(q.speaker_text)}): “{md(q.text)}” "
            f"({cite(story, q.citation, page)})\n")


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
