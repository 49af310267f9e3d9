"""The data contract between pipeline stages: typed, frozen dataclasses.

Each stage takes the previous stage's values and returns new ones; nothing here
does I/O. The JSON in ``story.json`` is rendered from :class:`Story`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # spaCy is imported only where a Doc is really needed
    from spacy.tokens import Doc

ParagraphKind = Literal["body", "caption", "dateline", "heading"]
ActorKind = Literal["person", "organisation", "place"]
Precision = Literal["day", "week", "month", "year"]
Severity = Literal["warning", "error"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file, reported with its location."""

    path: str
    message: str
    line: int | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


# ---------------------------------------------------------------- load stage


@dataclass(frozen=True)
class Paragraph:
    """One block of an article body; captions and datelines are not body text."""

    index: int
    text: str
    kind: ParagraphKind = "body"
    line: int = 0
    credit: str | None = None  # picture credit, for captions


@dataclass(frozen=True)
class Article:
    """One seed article with its validated metadata."""

    id: str
    path: str
    title: str
    source: str
    published: dt.date | None
    paragraphs: tuple[Paragraph, ...]
    url: str | None = None
    author: str | None = None
    licence: str | None = None
    title_derived: bool = False  # True when the title came from the lede

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind == "body")


@dataclass(frozen=True)
class ActorOverride:
    """An editor's correction from ``story.yml``; ``line`` points at it."""

    action: Literal["rename", "merge", "split", "hide", "role"]
    target: str
    value: str = ""
    line: int = 0


@dataclass(frozen=True)
class TermOverride:
    """An editor's glossary entry to add (with optional definition) or remove."""

    term: str
    remove: bool = False
    definition: str | None = None
    line: int = 0


@dataclass(frozen=True)
class StoryConfig:
    """Settings from the optional ``story.yml``; defaults when it is absent."""

    title: str | None = None
    description: str | None = None
    model: str | None = None
    timeline_order: Literal["oldest", "newest"] = "oldest"
    actors: tuple[ActorOverride, ...] = ()
    terms: tuple[TermOverride, ...] = ()
    path: str | None = None


@dataclass(frozen=True)
class Registry:
    """For each kind, (id, keys) pairs: names for actors and terms, source sentences for
    events (see :mod:`generator.registry`)."""

    actors: tuple[tuple[str, tuple[str, ...]], ...] = ()
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    events: tuple[tuple[str, tuple[str, ...]], ...] = ()



@dataclass(frozen=True)
class Seeds:
    """Everything the load stage read: settings, articles, the slug registry and warnings."""

    config: StoryConfig
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()
    registry: Registry = field(default_factory=Registry)


# ------------------------------------------------------------ annotate stage


@dataclass(frozen=True)
class AnnotatedParagraph:
    paragraph: Paragraph
    doc: Doc


@dataclass(frozen=True)
class AnnotatedArticle:
    article: Article
    paragraphs: tuple[AnnotatedParagraph, ...]


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str


# ------------------------------------------------------------- extract stage


@dataclass(frozen=True, order=True)
class Citation:
    """Where a fact came from: article, paragraph and sentence (0-based), and its text."""

    article: str
    paragraph: int
    sentence: int
    text: str


@dataclass(frozen=True)
class DateValue:
    """A date at the precision the text supports (ISO 8601: day, week, month or year)."""

    iso: str
    precision: Precision
    relation: Literal["on", "before", "after", "since"] = "on"

    def spoken(self, *, weekday: bool = False) -> str:
        """As a reader says it, at its own precision: "5 July 2021", "the week of 12
        July 2021", "before 2015" (with ``weekday``, "Monday 5 July 2021")."""
        if self.precision == "day":
            day = dt.date.fromisoformat(self.iso)
            text = f"{day:%A} " * weekday + f"{day.day} {day:%B %Y}"
        elif self.precision == "week":
            monday = dt.date.fromisoformat(self.sort_key)
            text = f"the week of {monday.day} {monday:%B %Y}"
        elif self.precision == "month":
            text = dt.date.fromisoformat(self.iso + "-01").strftime("%B %Y")
        else:
            text = self.iso
        return {"on": "", "before": "before ", "after": "after ", "since": "since "}[self.relation] + text

    def days(self) -> tuple[dt.date, dt.date]:
        """The first and last day the value covers."""
        if self.precision == "day":
            day = dt.date.fromisoformat(self.iso)
            return day, day
        if self.precision == "week":
            monday = dt.date.fromisoformat(self.sort_key)
            return monday, monday + dt.timedelta(days=6)
        if self.precision == "month":
            year, month = int(self.iso[:4]), int(self.iso[5:7])
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return dt.date(year, month, 1), following - dt.timedelta(days=1)
        return dt.date(int(self.iso), 1, 1), dt.date(int(self.iso), 12, 31)

    @property
    def sort_key(self) -> str:
        """A string that sorts chronologically across precisions (weeks become their Monday)."""
        if self.precision == "week":
            year, week = self.iso.split("-W")
            return dt.date.fromisocalendar(int(year), int(week), 1).isoformat()
        return self.iso


@dataclass(frozen=True)
class Role:
    text: str
    citation: Citation


@dataclass(frozen=True)
class Quote:
    text: str
    citation: Citation
    speaker_text: str = ""  # how the article named the speaker ("she", "a party source")
    unnamed_source: bool = False  # words of a source close to the actor, not the actor's own


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    quotes: tuple[Quote, ...] = ()
    mentions: int = 0
    articles: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()  # every sentence that mentions the actor


@dataclass(frozen=True)
class Event:
    id: str
    date: DateValue | None
    date_text: str
    expected: bool
    text: str
    sources: tuple[Citation, ...]
    actors: tuple[str, ...] = ()  # actor ids
    former_ids: tuple[str, ...] = ()  # ids published before, kept as anchors


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    sources: tuple[Citation, ...]
    variants: tuple[str, ...] = ()
    definition_source: Citation | None = None
    editor_definition: bool = False
    former_ids: tuple[str, ...] = ()  # ids published before, kept as anchors


@dataclass(frozen=True)
class Figure:
    """A number and what it counts ("14,980 votes"), cited to its sentence."""

    value: str
    label: str
    citation: Citation


@dataclass(frozen=True)
class Story:
    """The whole explainer, ready to render."""

    title: str
    slug: str
    description: str
    articles: tuple[Article, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    terms: tuple[Term, ...]
    model: ModelInfo
    generator_version: str
    timeline_order: Literal["oldest", "newest"] = "oldest"
    problems: tuple[Problem, ...] = field(default=())
    registry: Registry = field(default_factory=Registry)
    redirects: tuple[tuple[str, str], ...] = ()  # old actor id → new id ("" if gone)
    figures: tuple[Figure, ...] = ()
    key_sentences: tuple[Citation, ...] = ()  # the story so far, in the articles' own words
