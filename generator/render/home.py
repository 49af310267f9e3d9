"""The home page: the story in thirty seconds, every line cited.

What happened so far (the articles' own key sentences), the figures that matter, what
happens next, the latest developments, who matters, and the terms to know.
"""

from __future__ import annotations

from collections import Counter

from ..models import Citation, Event, Story
from .common import (
    ACTORS,
    CONNECTIONS,
    GLOSSARY,
    HOME,
    SOURCES,
    TIMELINE,
    UPDATES,
    actor_page,
    cite,
    front_matter,
    long_date,
    plural,
    rel,
)
from .escape import md
from .periods import event_page, still_ahead
from .terms import Linker, TermLinks

MAX_FIGURES = 6
MAX_LATEST = 4
MAX_PEOPLE = 8


def home(story: Story, terms: TermLinks) -> str:
    link = terms.linker(HOME)
    out = [front_matter(story.title, story.description), f"# {md(story.title)}\n\n",
           f"{link(story.description)}\n\n"]
    expected = [e for e in story.events if still_ahead(story, e)][: MAX_LATEST * 2]
    happened = sorted((e for e in story.events if not e.expected and e.date), key=_when)[-MAX_LATEST:]
    # A sentence shown below as an event is not repeated in the summary.
    shown = {(c.article, c.paragraph, c.sentence) for e in expected + happened for c in e.sources}
    summary = [c for c in story.key_sentences if (c.article, c.paragraph, c.sentence) not in shown]
    if summary:
        out.append("## The story so far\n\n")
        out.extend(f"- {link(c.text)} ({cite(story, c, HOME)})\n" for c in summary)
        out.append("\n")
    figures = _figures(story)
    if figures:
        out.append("## Key figures\n\n")
        for labels, c in figures:
            out.append(f"- **{md('; '.join(labels))}**: {link(c.text)} ({cite(story, c, HOME)})\n")
        out.append("\n")
    if expected:
        out.append("## What's next\n\n")
        out.extend(_event_line(story, e, link) for e in expected)
        out.append("\n")
    if happened:
        out.append("## Latest developments\n\n")
        out.extend(_event_line(story, e, link) for e in reversed(happened))
        out.append(f"\n[The full timeline]({rel(HOME, TIMELINE)})\n\n")
    people = [a for a in story.actors if a.kind == "person"][:MAX_PEOPLE]
    if people:
        out.append("## Who's who\n\n")
        for a in people:
            role = f": {link(a.roles[0].text)}" if a.roles else ""
            out.append(f"- [{md(a.name)}]({rel(HOME, actor_page(a.id))}){role}\n")
        out.append(f"\n[Everyone in the story]({rel(HOME, ACTORS)}) · "
                   f"[who appears with whom]({rel(HOME, CONNECTIONS)})\n\n")
    if story.terms:
        out.append("## Terms to know\n\n")
        out.append(" · ".join(f"[{md(t.term)}]({rel(HOME, GLOSSARY, t.id)})" for t in story.terms)
                   + "\n\n")
    outlets = Counter(a.source for a in story.articles)
    reported = ", ".join(f"{md(name)} ({plural(n, 'article')})" for name, n in sorted(outlets.items()))
    out.append(f"## Sources\n\nReported by {reported}: [how the outlets compare]({rel(HOME, SOURCES)}) "
               f"and [what each article added]({rel(HOME, UPDATES)}).\n")
    return "".join(out)


def _when(e: Event) -> str:
    return e.date.sort_key if e.date else ""


def _event_line(story: Story, e: Event, link: Linker) -> str:
    when = long_date(e.date) if e.date else "Undated"
    first = {c.article: c for c in reversed(e.sources)}  # one link per article, its first sentence
    sources = ", ".join(cite(story, first[a], HOME) for a in dict.fromkeys(c.article for c in e.sources))
    return f"- [**{md(when)}**]({rel(HOME, event_page(story, e), e.id)}): {link(e.text)} ({sources})\n"


def _figures(story: Story) -> list[tuple[list[str], Citation]]:
    """The first mention of each distinct figure, grouped by sentence, up to a handful."""
    seen: set[str] = set()
    by_sentence: dict[Citation, list[str]] = {}
    for f in story.figures:
        if f.value not in seen:
            seen.add(f.value)
            by_sentence.setdefault(f.citation, []).append(f.label)
    return [(labels, c) for c, labels in by_sentence.items()][:MAX_FIGURES]
