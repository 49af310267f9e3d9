"""Assemble stage: run the extractors and join their findings into one :class:`Story`.

Editorial overrides from ``story.yml`` are applied here, after extraction, so the
editor always has the last word; stable ids are assigned last.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from . import __version__
from .errors import InputError
from .extract.actors import ActorDraft, extract_actors
from .extract.figures import extract_figures
from .extract.findings import ArticleFindings, find_in_article
from .extract.glossary import TermDraft, extract_terms
from .extract.mentions import extract_mentions
from .extract.quotes import QuoteFinding, extract_quotes
from .extract.summary import key_sentences
from .extract.timeline import EventDraft, extract_events
from .memo import Memo
from .models import (
    Actor,
    AnnotatedArticle,
    Citation,
    Event,
    ModelInfo,
    Problem,
    Quote,
    Registry,
    Role,
    Seeds,
    Story,
    StoryConfig,
    Term,
)
from .registry import assign
from .slugs import slugify


def assemble(seeds: Seeds, annotated: Sequence[AnnotatedArticle], model: ModelInfo,
             findings: dict[str, ArticleFindings] | None = None, memo: Memo | None = None,
             ) -> Story:
    """Extract actors, quotes, events and terms, then join them into the story.

    ``findings`` holds each article's own findings (by article id) when they were computed
    or cached before; the others are computed here. The dict is consumed (emptied): each
    kind of finding is let go as soon as its step is done, which keeps a long story's peak
    memory down. ``memo`` holds the previous run's per-article work of the story-wide
    steps (see :mod:`generator.memo`).
    """
    found = dict(findings or {})
    if findings is not None:
        findings.clear()
    for item in annotated:
        if item.article.id not in found:
            found[item.article.id] = find_in_article(item)
    mentions = {k: f.mentions for k, f in found.items()}
    dated = {k: f.dated for k, f in found.items()}
    hits = {k: f.term_hits for k, f in found.items()}
    numbers = {k: f.figures for k, f in found.items()}
    lead = {k: f.lead for k, f in found.items()}
    found.clear()
    cast = extract_actors(annotated, extract_mentions(annotated, mentions, memo), memo)
    del mentions
    drafts, gone = _apply_overrides(cast.actors, seeds.config)
    registry = seeds.registry
    placed = assign(registry.actors, [(d.name, d.aliases) for d in drafts], fallback="actor")
    actors = _actors(drafts, placed.ids, extract_quotes(annotated, cast, memo), gone)
    ids = {draft.key: actor.id for draft, actor in zip(drafts, actors, strict=True)}
    ids.update({old: ids[new] for old, new in gone.items() if new in ids})
    names = {word for a in actors for word in (a.name, *a.aliases)}
    events, event_entries = _events(extract_events(annotated, cast, dated), ids, registry.events)
    summary = key_sentences(annotated, cast, found=lead)
    del dated, lead, cast  # the glossary, the largest step, runs without them
    terms, term_entries = _terms(
        extract_terms(annotated, exclude={n.lower() for n in names}, overrides=seeds.config.terms,
                      found=hits),
        registry.terms)
    del hits
    articles = tuple(sorted(seeds.articles, key=lambda a: (a.published or _NO_DATE, a.id)))
    title = seeds.config.title or _default_title(articles)
    return Story(
        title=title,
        slug=slugify(title, fallback="story"),
        description=seeds.config.description or _default_description(articles),
        articles=articles,
        actors=actors,
        events=events,
        terms=terms,
        model=model,
        generator_version=__version__,
        timeline_order=seeds.config.timeline_order,
        problems=seeds.problems,
        registry=Registry(actors=placed.entries, terms=term_entries, events=event_entries),
        redirects=placed.redirects,
        figures=extract_figures(annotated, numbers),
        key_sentences=summary,
    )


_NO_DATE = __import__("datetime").date.max


def _default_title(articles: Sequence[object]) -> str:
    first = articles[0]
    return str(getattr(first, "title", "Story"))


def _default_description(articles: Sequence[object]) -> str:
    n = len(articles)
    outlets = sorted({str(getattr(a, "source", "")) for a in articles})
    return f"An explainer built from {n} article{'s' if n != 1 else ''} ({', '.join(outlets)})."


def _apply_overrides(
    drafts: Sequence[ActorDraft], config: StoryConfig
) -> tuple[list[ActorDraft], dict[str, str]]:
    """Apply rename, merge, hide and role overrides; an unknown actor is an error.

    Returns the actors left and where merged-away actors went (old key → new key).
    """
    problems: list[Problem] = []
    by_key = {d.key: d for d in drafts}
    order = list(drafts)
    gone: dict[str, str] = {}  # merged-away key → surviving key ("" when hidden)

    def find(name: str) -> str | None:
        wanted = name.strip().lower()
        for d in by_key.values():
            if wanted == d.name.lower() or wanted in (a.lower() for a in d.aliases):
                return d.key
        return None

    for item in config.actors:
        key = find(item.target)
        if key is None:
            problems.append(Problem(config.path or "story.yml",
                                    f"actors.{item.action}: no actor called '{item.target}'", item.line))
            continue
        d = by_key[key]
        if item.action == "rename":
            by_key[key] = replace(d, name=item.value, aliases=tuple(sorted({*d.aliases, d.name})))
        elif item.action == "hide":
            del by_key[key]
            gone[key] = ""
        elif item.action == "role":
            by_key[key] = replace(d, roles=(*d.roles, Role(item.value, d.citations[0])))
        elif item.action == "split":
            alias = next((a for a in d.aliases if a.lower() == item.value.strip().lower()), None)
            if alias is None:
                problems.append(Problem(config.path or "story.yml",
                                        f"actors.split: '{item.value}' is not a name of '{d.name}'",
                                        item.line))
                continue
            kept, apart = _split(d, alias)
            by_key[key] = kept
            by_key[apart.key] = apart
            order.append(apart)
        elif item.action == "merge":
            into_key = find(item.value)
            if into_key is None or into_key == key:
                problems.append(Problem(config.path or "story.yml",
                                        f"actors.merge: no other actor called '{item.value}'",
                                        item.line))
                continue
            into = by_key[into_key]
            by_key[into_key] = replace(
                into, aliases=tuple(sorted({*into.aliases, *d.aliases, d.name} - {into.name})),
                roles=into.roles + d.roles, mentions=into.mentions + d.mentions,
                citations=tuple(sorted({*into.citations, *d.citations})))
            del by_key[key]
            gone[key] = into_key
    if problems:
        raise InputError(problems)
    for old, new in gone.items():  # follow chains: a merged into b, b merged into c
        while new in gone:
            new = gone[new]
        gone[old] = new
    return [by_key[d.key] for d in order if d.key in by_key], gone


def _split(d: ActorDraft, alias: str) -> tuple[ActorDraft, ActorDraft]:
    """Undo a wrong merge: the sentences naming the actor only by ``alias`` go to a new
    actor of that name (quotes stay where they were: an editor can hide or move them)."""
    others = sorted((n for n in (d.name, *d.aliases) if n != alias), key=len, reverse=True)
    pattern = re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])")

    def names_alias(text: str) -> bool:
        for other in others:  # "Biden" inside "Joe Biden" is not "Biden" alone
            text = text.replace(other, " ")
        return bool(pattern.search(text))

    moved = tuple(c for c in d.citations if names_alias(c.text))
    moved_set = set(moved)
    apart = ActorDraft(key=f"{d.key}|{alias}", name=alias, kind=d.kind, aliases=(),
                       roles=tuple(r for r in d.roles if r.citation in moved_set),
                       citations=moved, mentions=len(moved))
    kept = replace(d, aliases=tuple(a for a in d.aliases if a != alias),
                   roles=tuple(r for r in d.roles if r.citation not in moved_set),
                   citations=tuple(c for c in d.citations if c not in moved_set),
                   mentions=max(d.mentions - len(moved), 0))
    return kept, apart


def _actors(
    drafts: Sequence[ActorDraft], ids: Sequence[str], quotes: Sequence[QuoteFinding],
    gone: dict[str, str],
) -> tuple[Actor, ...]:
    said: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        if q.speaker:
            said[gone.get(q.speaker, q.speaker)].append(Quote(q.text, q.citation, q.speaker_text))
        elif q.about:
            said[gone.get(q.about, q.about)].append(
                Quote(q.text, q.citation, q.speaker_text, unnamed_source=True))
    actors = []
    for i, d in enumerate(drafts):
        actors.append(Actor(
            id=ids[i], name=d.name, kind=d.kind, aliases=d.aliases, roles=d.roles,
            quotes=tuple(said.get(d.key, [])), mentions=d.mentions,
            articles=tuple(sorted({c.article for c in d.citations})), citations=d.citations))
    return tuple(actors)


def _events(
    drafts: Sequence[EventDraft], ids: dict[str, str], entries: Sequence[tuple[str, tuple[str, ...]]]
) -> tuple[tuple[Event, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """Events with stable ids: an event keeps the id of any registered event whose
    sentences it reports, so adding an article never moves an anchor."""
    items = []
    for d in drafts:
        words = re.findall(r"[A-Za-z]+", d.text)[:6]
        items.append((f"{d.date.iso} {' '.join(words)}", [_source_key(c) for c in d.sources]))
    placed = assign(entries, items, fallback="event", claim_by_keys=True)
    former = _former(placed.redirects)
    events = tuple(
        Event(id=slug, date=d.date, date_text=d.date_text, expected=d.expected, text=d.text,
              sources=d.sources, actors=tuple(sorted({ids[k] for k in d.actors if k in ids})),
              former_ids=former.get(slug, ()))
        for d, slug in zip(drafts, placed.ids, strict=True))
    return events, placed.entries


def _terms(
    drafts: Sequence[TermDraft], entries: Sequence[tuple[str, tuple[str, ...]]]
) -> tuple[tuple[Term, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    ordered = sorted(drafts, key=lambda d: d.term.lower())
    placed = assign(entries, [(d.term, d.variants) for d in ordered], fallback="term")
    former = _former(placed.redirects)
    terms = tuple(
        Term(id=slug, term=d.term, definition=d.definition, sources=d.sources,
             definition_source=d.definition_source,
             variants=tuple(v for v in d.variants if v.lower() != d.term.lower()),
             editor_definition=d.editor_definition, former_ids=former.get(slug, ()))
        for d, slug in zip(ordered, placed.ids, strict=True))
    return terms, placed.entries


def _former(redirects: Sequence[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """New id → the old ids that now lead to it (kept as extra anchors on its page)."""
    found: dict[str, list[str]] = defaultdict(list)
    for old, new in redirects:
        if new:
            found[new].append(old)
    return {new: tuple(sorted(olds)) for new, olds in found.items()}


def _source_key(c: Citation) -> str:
    return f"{c.article}#s{c.paragraph}-{c.sentence}"
