"""The sources page: the articles, what each outlet contributed, and where outlets differ
(the names they use for the same person, organisation or term; what only one reports)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from ..models import Article, Citation, Event, Story
from .common import (
    GLOSSARY,
    SOURCES,
    actor_page,
    front_matter,
    plural,
    rel,
    short_date,
    source_page,
)
from .escape import md
from .periods import event_page

MAX_ONLY = 8


def sources_page(story: Story) -> str:
    out = [front_matter(f"Sources: {story.title}",
                        "The articles this explainer is built from, and how the outlets compare."),
           "# Sources\n\n", "Every fact on this site links to the sentence it came from.\n\n"]
    outlet_of = {a.id: a.source for a in story.articles}
    outlets = sorted(set(outlet_of.values()))
    share = _shares(story, outlet_of)
    for outlet in outlets:
        out.append(f"## {md(outlet)}\n\n")
        out.extend(f"- [{md(a.title)}]({rel(SOURCES, source_page(a.id))}), {short_date(a.published)}\n"
                   for a in share.articles[outlet])
        events, only = share.events[outlet], share.only[outlet]
        out.append(f"\nContributed {plural(len(events), 'event')}, "
                   f"{plural(share.quotes[outlet], 'quote')} and "
                   f"mentions of {plural(share.actors[outlet], 'actor')}.")
        if len(outlets) > 1 and only:
            out.append(f" Only {md(outlet)} reports:\n\n")
            out.extend(f"- [{md(e.date_text or 'undated')}]"
                       f"({rel(SOURCES, event_page(story, e), e.id)}): {md(e.text)}\n"
                       for e in only[:MAX_ONLY])
            if len(only) > MAX_ONLY:
                out.append(f"- and {plural(len(only) - MAX_ONLY, 'more event')}\n")
        out.append("\n\n")
    if len(outlets) > 1:
        out.append(_differences(story, outlet_of))
    return "".join(out)


class _Shares(NamedTuple):
    """What each outlet contributed, in the story's order: its articles, the events it
    reports (and those only it reports), its quotes and the actors it mentions (counts)."""

    articles: dict[str, list[Article]]
    events: dict[str, list[Event]]
    only: dict[str, list[Event]]
    quotes: Counter[str]
    actors: Counter[str]


def _shares(story: Story, outlet_of: dict[str, str]) -> _Shares:
    """Every outlet's share, from one pass over the story (not one pass per outlet)."""
    share = _Shares(defaultdict(list), defaultdict(list), defaultdict(list), Counter(), Counter())
    for a in story.articles:
        share.articles[a.source].append(a)
    for e in story.events:
        reporting = {outlet_of.get(c.article) for c in e.sources}
        for outlet in reporting:
            if outlet is not None:
                share.events[outlet].append(e)
                if len(reporting) == 1:
                    share.only[outlet].append(e)
    for actor in story.actors:
        share.quotes.update(outlet_of[q.citation.article] for q in actor.quotes)
        share.actors.update(o for o in {outlet_of.get(c.article) for c in actor.citations}
                            if o is not None)
    return share


def _forms_by_outlet(names: list[str], sentences: list[tuple[str, str]]) -> dict[str, set[str]]:
    """For each outlet, which of ``names`` its sentences use (as written)."""
    found: dict[str, set[str]] = defaultdict(set)
    lowered = [name.lower() for name in names]
    for outlet, text in sentences:
        lower = text.lower()
        for name, low in zip(names, lowered, strict=True):
            if low in lower:  # a cheap test first: most names are not in most sentences
                found[outlet].update(_whole_word_uses(name, low, text, lower))
    return found


def _whole_word_uses(name: str, low: str, text: str, lower: str) -> list[str]:
    """Each use of ``name`` in ``text`` as a whole word, whatever its case, as written.

    Found with ``str.find`` on the lower-cased text (a story has thousands of names, and a
    regular expression for each costs more to compile than to run); a text whose length
    changes when lower-cased falls back to the expression."""
    if len(lower) != len(text):
        return [m.group(0) for m in _whole_word(name).finditer(text)]
    uses, i = [], lower.find(low)
    while i >= 0:
        j = i + len(low)
        if not (i and _word_char(text[i - 1])) and not (j < len(text) and _word_char(text[j])):
            uses.append(text[i:j])
        i = lower.find(low, i + 1)
    return uses


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


@lru_cache(maxsize=4096)
def _whole_word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)


def _differences(story: Story, outlet_of: dict[str, str]) -> str:
    """Names for the same thing that differ between outlets, side by side."""
    rows = []
    for actor in story.actors:
        if actor.kind == "place":
            continue
        forms = _differing_forms([actor.name, *actor.aliases], actor.citations, outlet_of)
        if forms:
            rows.append((f"[{md(actor.name)}]({rel(SOURCES, actor_page(actor.id))})", forms))
    for term in story.terms:
        forms = _differing_forms([term.term, *term.variants], term.sources, outlet_of)
        if forms:
            rows.append((f"[{md(term.term)}]({rel(SOURCES, GLOSSARY, term.id)})", forms))
    if not rows:
        return ""
    outlets = sorted({o for _, forms in rows for o in forms})
    out = ["## Where the outlets differ\n\n", "The same person, organisation or term, as each "
           "outlet writes it.\n\n", "| | " + " | ".join(md(o) for o in outlets) + " |\n",
           "|---|" + "---|" * len(outlets) + "\n"]
    for label, forms in rows:
        cells = [md(", ".join(sorted(forms.get(o, set()), key=lambda f: (f.lower(), f)))) or "—"
                 for o in outlets]
        out.append(f"| {label} | " + " | ".join(cells) + " |\n")
    return "".join(out) + "\n"


def _differing_forms(names: list[str], citations: Sequence[Citation],
                     outlet_of: dict[str, str]) -> dict[str, set[str]] | None:
    """The forms of ``names`` each outlet uses in these sentences, if they differ."""
    sentences = [(outlet_of[c.article], c.text) for c in citations]
    if len({outlet for outlet, _ in sentences}) < 2:
        return None  # one outlet has nothing to differ from: the forms need not be looked for
    forms = _forms_by_outlet(names, sentences)
    return forms if _differ(forms) else None


def _differ(forms: dict[str, set[str]]) -> bool:
    """True when at least two outlets use the name and their sets of forms differ."""
    used = [frozenset(f.lower() for f in v) for v in forms.values() if v]
    return len(used) > 1 and len(set(used)) > 1


