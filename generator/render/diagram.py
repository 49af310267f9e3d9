"""The timeline's diagram: a Mermaid timeline with one column per period and a few short
labels in each. Article text reaches Mermaid only as short, sanitised labels."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..models import Event
from .periods import period_of

# The diagram stays readable: a few short labels per period.
DIAGRAM_LABEL_WORDS = 9
DIAGRAM_LABEL_CHARS = 60
DIAGRAM_EVENTS_PER_PERIOD = 4
DIAGRAM_COLUMNS = 8  # in all, of which at most DIAGRAM_NEXT_COLUMNS for what is next
DIAGRAM_NEXT_COLUMNS = 2
# Our own setting, never article text: labels large enough to read once the diagram is
# scaled to the page's width.
_DIAGRAM_SETTINGS = '%%{init: {"themeVariables": {"fontSize": "20px"}}}%%'
# What may reach Mermaid from article text: letters, digits, spaces and plain punctuation.
# Everything else (":" and "#" break timeline entries; "<", ">", "&", quotes, braces, "%"
# could start markup, entities or directives) becomes a space.
_UNSAFE_FOR_MERMAID = re.compile(r"[^\w\s,.'’()?!…-]|_")
_DATE_WORD = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight"
    r"|tomorrow|morning|afternoon|evening|night|week|weekend|month|year|january|february|march"
    r"|april|may|june|july|august|september|october|november|december|then|\d{1,4}(?:st|nd|rd|th)?)"
)
# A date phrase opening a sentence, dropped from short labels ("On Friday, ...", "Last week, ").
_LEADING_DATE = re.compile(
    r"^(?:(?:on|in|by|since|before|after|until|earlier|later|last|next|this|early|late|the)\s+)*"
    rf"{_DATE_WORD}(?:,?\s+{_DATE_WORD})*(?:'s)?,\s+",
    re.IGNORECASE,
)


def diagram(groups: dict[str, list[Event]], expected: Sequence[Event]) -> str:
    """A Mermaid timeline: one column per period, a few short labels in each; the oldest
    periods share a column when there are too many to read."""
    ahead = _columns(by_period(expected), DIAGRAM_NEXT_COLUMNS)
    past = _columns(groups, DIAGRAM_COLUMNS - len(ahead))
    lines = ["```mermaid", _DIAGRAM_SETTINGS, "timeline"]
    if past:
        lines.append("    section What happened")
        lines.extend(_diagram_period(period, events) for period, events in past.items())
    if ahead:
        lines.append("    section What's next")
        lines.extend(_diagram_period(period, events) for period, events in ahead.items())
    lines.append("```")
    return "\n".join(lines) + "\n\n" if past or ahead else ""


def _columns(groups: dict[str, list[Event]], limit: int) -> dict[str, list[Event]]:
    """At most ``limit`` columns: the oldest periods are joined ("1950 to 2016")."""
    periods = list(groups.items())
    if len(periods) <= max(limit, 1):
        return dict(periods)
    keep = max(limit, 1) - 1
    old, recent = periods[: len(periods) - keep], periods[len(periods) - keep :]
    first, last = old[0][0], old[-1][0]
    label = first if first == last else f"{first} to {last}"
    return {label: [e for _, events in old for e in events], **dict(recent)}


def _diagram_period(period: str, events: Sequence[Event]) -> str:
    labels = [mermaid_text(short_label(e.text, DIAGRAM_LABEL_WORDS, DIAGRAM_LABEL_CHARS))
              for e in events[:DIAGRAM_EVENTS_PER_PERIOD]]
    if len(events) > DIAGRAM_EVENTS_PER_PERIOD:
        labels.append(f"and {len(events) - DIAGRAM_EVENTS_PER_PERIOD} more")
    labels = [label or "event" for label in labels]
    head = f"        {mermaid_text(period)} : {labels[0]}"
    return "\n".join([head, *(f"            : {label}" for label in labels[1:])])


def mermaid_text(text: str) -> str:
    """Text safe inside a Mermaid timeline entry: plain words and punctuation only, on one
    line, never a directive, an entity, markup or an entry separator."""
    cleaned = _UNSAFE_FOR_MERMAID.sub(" ", re.sub(r"<[^>]*>", " ", str(text)))
    return " ".join(cleaned.split()).strip(" -").replace(" …", "…")


def short_label(text: str, words: int, chars: int = 200, *, strip_date: bool = True) -> str:
    """The start of an event's text, without a leading date phrase, cut at a word."""
    body = (_LEADING_DATE.sub("", text.strip(), count=1) if strip_date else "") or text.strip()
    body = body[:1].upper() + body[1:]
    cut = body.split()
    short = " ".join(cut[:words])
    if len(short) > chars:
        short = short[:chars].rsplit(" ", 1)[0]
    return short.rstrip(",;:") + ("…" if short != " ".join(cut) else "")


def sort_key(e: Event) -> str:
    return e.date.sort_key if e.date else ""


def by_period(events: Iterable[Event]) -> dict[str, list[Event]]:
    """Events by period, oldest period first: the month of the date, or its year when the
    text gives only a year ("2005", "before 2015")."""
    groups: dict[str, list[Event]] = defaultdict(list)
    for e in sorted(events, key=sort_key):
        groups[period_of(e)].append(e)
    return dict(groups)
