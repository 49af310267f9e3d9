"""The slug registry (``seeds/slugs.yml``): every id ever published, so URLs never break.

Ids are matched to this run's actors, terms and events by what they are called (names,
aliases, variants) or, for events, by the sentences that report them. An id that no
longer matches anything by its main name is kept as a redirect to where it went.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from .config import FAST_DUMPER, FAST_LOADER
from .models import Problem, Registry
from .slugs import slugify, unique_slug

HEADER = (
    "# Published ids of this story's people, terms and events: other sites link to them.\n"
    "# `explainer generate` reads and extends this file; commit it with the seeds.\n"
    "# An id whose entity was renamed or merged keeps working as a redirect.\n"
)
SECTIONS = ("actors", "terms", "events")
REGISTRY_FILE = "slugs.yml"


@dataclass(frozen=True)
class Assignment:
    """Ids for this run: item index → id, and old id → the id it now redirects to."""

    ids: tuple[str, ...]
    redirects: tuple[tuple[str, str], ...]
    entries: tuple[tuple[str, tuple[str, ...]], ...]


def key(text: str) -> str:
    """Names compared without case, punctuation or spacing ("Run-off" = "runoff")."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def parse_registry(text: str, name: str, problems: list[Problem]) -> Registry:
    """Validate the registry's YAML; problems are appended with the file name."""
    try:
        data = yaml.load(text, Loader=FAST_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(name, f"malformed YAML: {getattr(exc, 'problem', exc)}",
                                line=mark.line + 1 if mark else None))
        return Registry()
    if not isinstance(data, dict) or set(data) - set(SECTIONS):
        problems.append(Problem(name, f"must be a mapping with only {', '.join(SECTIONS)}"))
        return Registry()
    sections: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for section in SECTIONS:
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            problems.append(Problem(name, f"'{section}' must map ids to lists of names"))
            entries = {}
        pairs = []
        for slug, keys in entries.items():
            if slugify(str(slug)) != str(slug) or not isinstance(keys, list):
                problems.append(Problem(name, f"{section}: bad entry '{slug}' (a slug mapping "
                                              "to a list)"))
                continue
            pairs.append((str(slug), tuple(str(k) for k in keys)))
        sections[section] = tuple(pairs)
    return Registry(**sections)


def reloaded(registry: Registry) -> Registry:
    """What :func:`parse_registry` gives for :func:`dump_registry`'s text, without parsing."""
    return Registry(**{section: tuple(sorted((slug, tuple(keys))
                                             for slug, keys in getattr(registry, section)))
                       for section in SECTIONS})


def dump_registry(registry: Registry) -> str:
    """Deterministic YAML text of the registry."""
    data: dict[str, Any] = {
        section: {slug: list(keys) for slug, keys in sorted(getattr(registry, section))}
        for section in SECTIONS
    }
    return HEADER + yaml.dump(data, Dumper=FAST_DUMPER, allow_unicode=True, sort_keys=True,
                               width=100)


def assign(
    entries: Sequence[tuple[str, tuple[str, ...]]],
    items: Sequence[tuple[str, Iterable[str]]],
    *,
    fallback: str,
    claim_by_keys: bool = False,
) -> Assignment:
    """Give each item (its display name, its keys) an id, reusing registered ids.

    An entry belongs to the item whose display name is the entry's first key. An entry
    left over redirects to an item sharing any key with it (a rename or a merge), or to
    nothing ("") when its entity is gone. With ``claim_by_keys`` (events, whose "name" is
    only their date and first words), an item that shares a key keeps a left-over id.
    """
    ids: list[str | None] = [None] * len(items)
    names = [key(name) for name, _ in items]
    all_keys = [{key(k) for k in (name, *keys)} for name, keys in items]
    taken = {slug for slug, _ in entries}
    by_name: dict[str, list[int]] = {}  # indexes, so thousands of entries stay quick
    by_key: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        by_name.setdefault(name, []).append(i)
    for i, keyset in enumerate(all_keys):
        for k in keyset:
            by_key.setdefault(k, []).append(i)
    # An entry first claims the item shown exactly by its first key, and only then one whose
    # name differs in case or punctuation alone: "US" and "U.S." can be two actors, and in
    # one pass, the entry sorted first would claim whichever of them came first.
    exact: dict[str, list[int]] = {}
    for i, (name, _) in enumerate(items):
        exact.setdefault(name, []).append(i)
    unmatched: list[tuple[str, tuple[str, ...]]] = []
    for slug, keys in sorted(entries):
        found = next((i for i in exact.get(keys[0], ()) if ids[i] is None), None) if keys else None
        if found is None:
            unmatched.append((slug, keys))
        else:
            ids[found] = slug
    pending: list[tuple[str, set[str]]] = []
    for slug, keys in unmatched:
        main = key(keys[0]) if keys else ""
        found = next((i for i in by_name.get(main, ()) if ids[i] is None), None)
        if found is None:
            pending.append((slug, {key(k) for k in keys}))
        else:
            ids[found] = slug
    moved: list[tuple[str, int | None]] = []
    for slug, wanted in pending:
        found = min((i for k in wanted for i in by_key.get(k, ())), default=None)
        if claim_by_keys and found is not None and ids[found] is None:
            ids[found] = slug
        else:
            moved.append((slug, found))
    final = [slug or unique_slug(items[i][0], taken, fallback=fallback) for i, slug in enumerate(ids)]
    redirects = tuple((old, "" if i is None else final[i]) for old, i in moved)
    updated = dict(entries)
    for i, (name, item_keys) in enumerate(items):
        merged = list(updated.get(final[i], ()))
        for k in (name, *item_keys):
            if k not in merged:
                merged.append(k)
        updated[final[i]] = tuple(merged)
    return Assignment(tuple(final), redirects, tuple(sorted(updated.items())))
