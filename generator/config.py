"""The optional ``story.yml``: the story's own settings and editorial overrides.

Read with line numbers so every problem points at the line to fix.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from .models import ActorOverride, Problem, StoryConfig, TermOverride

TOP_KEYS = ("title", "description", "model", "timeline", "actors", "terms")
ACTOR_KEYS = ("rename", "merge", "split", "hide", "roles")
TERM_KEYS = ("add", "remove", "define")


# libyaml's parser when PyYAML was built with it (it is in the wheels): the same results,
# about ten times faster on a registry of thousands of ids.
FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FAST_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping key."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = _LineDict(loader.construct_mapping(node, deep=True))
    mapping.lines = {
        loader.construct_object(key, deep=True): key.start_mark.line + 1 for key, _ in node.value
    }
    return mapping


class _LineDict(dict[Any, Any]):
    lines: dict[Any, int]


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_story_config(path: Path, problems: list[Problem]) -> StoryConfig:
    """Read ``story.yml`` if present; append every problem found to ``problems``."""
    if not path.exists():
        return StoryConfig()
    name = str(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except UnicodeDecodeError:
        problems.append(Problem(name, "not UTF-8 text"))
        return StoryConfig()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(
            Problem(name, f"malformed YAML: {getattr(exc, 'problem', exc)}",
                    line=mark.line + 1 if mark else None)
        )
        return StoryConfig()
    if data is None:
        return StoryConfig(path=name)
    if not isinstance(data, _LineDict):
        problems.append(Problem(name, "story.yml must be a mapping of settings", line=1))
        return StoryConfig(path=name)
    _unknown_keys(data, TOP_KEYS, name, problems, "")
    timeline = _mapping(data, "timeline", name, problems)
    order = timeline.get("order", "oldest")
    if order not in ("oldest", "newest"):
        problems.append(Problem(name, "timeline.order must be 'oldest' or 'newest'",
                                line=timeline.lines.get("order") if timeline else None))
        order = "oldest"
    return StoryConfig(
        title=_text(data, "title", name, problems),
        description=_text(data, "description", name, problems),
        model=_text(data, "model", name, problems),
        timeline_order=order,
        actors=_actor_overrides(_mapping(data, "actors", name, problems), name, problems),
        terms=_term_overrides(_mapping(data, "terms", name, problems), name, problems),
        path=name,
    )


def _unknown_keys(
    data: _LineDict, known: tuple[str, ...], name: str, problems: list[Problem], prefix: str
) -> None:
    for key in data:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean '{prefix}{close[0]}'?)" if close else ""
            problems.append(Problem(name, f"unknown setting '{prefix}{key}'{hint}",
                                    line=data.lines.get(key)))


def _mapping(data: _LineDict, key: str, name: str, problems: list[Problem]) -> _LineDict:
    value = data.get(key)
    if value is None:
        empty = _LineDict()
        empty.lines = {}
        return empty
    if not isinstance(value, _LineDict):
        problems.append(Problem(name, f"'{key}' must be a mapping", line=data.lines.get(key)))
        empty = _LineDict()
        empty.lines = {}
        return empty
    return value


def _text(data: _LineDict, key: str, name: str, problems: list[Problem]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, (str, int, float)):
        problems.append(Problem(name, f"'{key}' must be text", line=data.lines.get(key)))
        return None
    return " ".join(str(value).split()) or None


def _pairs(data: _LineDict, key: str, name: str, problems: list[Problem]) -> list[tuple[str, Any, int]]:
    """Entries of a sub-setting given either as a list of names or a name → value mapping."""
    value = data.get(key)
    line = data.lines.get(key, 0)
    if value is None:
        return []
    if isinstance(value, list):
        return [(str(item), None, line) for item in value if isinstance(item, (str, int))]
    if isinstance(value, _LineDict):
        return [(str(k), v, value.lines.get(k, line)) for k, v in value.items()]
    problems.append(Problem(name, f"'{key}' must be a list or a mapping", line=line))
    return []


def _actor_overrides(data: _LineDict, name: str, problems: list[Problem]) -> tuple[ActorOverride, ...]:
    _unknown_keys(data, ACTOR_KEYS, name, problems, "actors.")
    found: list[ActorOverride] = []
    for target, value, line in _pairs(data, "rename", name, problems):
        found.append(ActorOverride("rename", target, str(value or ""), line))
    for target, value, line in _pairs(data, "merge", name, problems):
        found.append(ActorOverride("merge", target, str(value or ""), line))
    for target, value, line in _pairs(data, "split", name, problems):
        for alias in value if isinstance(value, list) else [value]:
            found.append(ActorOverride("split", target, str(alias or ""), line))
    for target, _, line in _pairs(data, "hide", name, problems):
        found.append(ActorOverride("hide", target, "", line))
    for target, value, line in _pairs(data, "roles", name, problems):
        for role in value if isinstance(value, list) else [value]:
            found.append(ActorOverride("role", target, str(role or ""), line))
    for item in found:
        if item.action in ("rename", "merge", "split", "role") and not item.value.strip():
            problems.append(Problem(name, f"actors.{item.action} for '{item.target}' needs a value",
                                    line=item.line))
    return tuple(found)


def _term_overrides(data: _LineDict, name: str, problems: list[Problem]) -> tuple[TermOverride, ...]:
    _unknown_keys(data, TERM_KEYS, name, problems, "terms.")
    found: list[TermOverride] = []
    for term, value, line in _pairs(data, "add", name, problems):
        found.append(TermOverride(term, definition=str(value) if value else None, line=line))
    for term, _, line in _pairs(data, "remove", name, problems):
        found.append(TermOverride(term, remove=True, line=line))
    for term, value, line in _pairs(data, "define", name, problems):
        found.append(TermOverride(term, definition=str(value) if value else None, line=line))
    return tuple(found)
