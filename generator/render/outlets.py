"""The sources page: the articles, what each outlet contributed, and where outlets differ
(the names they use for the same person, organisation or term; what only one reports)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..models import Story
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
    for outlet in outlets:
        articles = [a for a in story.articles if a.source == outlet]
        out.append(f"## {md(outlet)}\n\n")
        out.extend(f"- [{md(a.title)}]({rel(SOURCES, source_page(a.id))}), {short_date(a.published)}\n"
                   for a in articles)
        events = [e for e in story.events if any(outlet_of[c.article] == outlet for c in e.sources)]
        only = [e for e in events if all(outlet_of[c.article] == outlet for c in e.sources)]
        quotes = sum(1 for a in story.actors for q in a.quotes if outlet_of[q.citation.article] == outlet)
        actors = [a for a in story.actors if any(outlet_of[c.article] == outlet for c in a.citations)]
        out.append(f"\nContributed {plural(len(events), 'event')}, {plural(quotes, 'quote')} and "
                   f"mentions of {plural(len(actors), 'actor')}.")
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
        sentences = [(outlet_of[c.article], c.text) for c in actor.citations]
        forms = _forms_by_outlet([actor.name, *actor.aliases], sentences)
        if _differ(forms):
            rows.append((f"[{md(actor.name)}]({rel(SOURCES, actor_page(actor.id))})", forms))
    for term in story.terms:
        sentences = [(outlet_of[c.article], c.text) for c in term.sources]
        forms = _forms_by_outlet([term.term, *term.variants], sentences)
        if _differ(forms):
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


def _differ(forms: dict[str, set[str]]) -> bool:
    """True when at least two outlets use the name and their sets of forms differ."""
    used = [frozenset(f.lower() for f in v) for v in forms.values() if v]
    return len(used) > 1 and len(set(used)) > 1


