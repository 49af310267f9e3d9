"""``story.json``: the story as machine-readable data (schema version 1)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring
from typing import Any

from ..models import Citation, Story
from .common import GLOSSARY, actor_page, url_of
from .periods import event_page

SCHEMA_VERSION = 1


def _source(c: Citation) -> dict[str, Any]:
    return {"article": c.article, "paragraph": c.paragraph, "index": c.sentence, "sentence": c.text}


def story_data(story: Story) -> dict[str, Any]:
    """The JSON document as Python values (every list in a fixed order)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "story": {"title": story.title, "slug": story.slug, "description": story.description},
        "generator": {"version": story.generator_version,
                      "model": f"{story.model.name}=={story.model.version}"},
        "articles": [
            {"id": a.id, "title": a.title, "source": a.source,
             "published": a.published.isoformat() if a.published else None, "url": a.url}
            for a in story.articles
        ],
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
             "roles": [{"text": r.text, "source": _source(r.citation)} for r in a.roles],
             "quotes": [{"text": q.text, "article": q.citation.article,
                         "sentence": q.citation.text, "speaker": q.speaker_text,
                         "unnamed_source": q.unnamed_source} for q in a.quotes],
             "mentions": a.mentions, "articles": list(a.articles), "url": url_of(actor_page(a.id))}
            for a in story.actors
        ],
        "events": [
            {"id": e.id, "date": e.date.iso if e.date else None,
             "precision": e.date.precision if e.date else None,
             "relation": e.date.relation if e.date else None,
             "date_text": e.date_text, "expected": e.expected, "text": e.text,
             "actors": list(e.actors), "sources": [_source(c) for c in e.sources],
             "url": url_of(event_page(story, e), e.id)}
            for e in story.events
        ],
        "glossary": [
            {"id": t.id, "term": t.term, "variants": list(t.variants), "definition": t.definition,
             "definition_by_editor": t.editor_definition,
             "definition_source": _source(t.definition_source) if t.definition_source else None,
             "sources": [_source(c) for c in t.sources], "url": url_of(GLOSSARY, t.id)}
            for t in story.terms
        ],
    }


def story_json(story: Story) -> str:
    """Deterministic JSON text: sorted keys, two-space indent, UTF-8, final newline."""
    out: list[str] = []
    _encode(story_data(story), "\n", out, {})
    out.append("\n")  # in the join: adding it to the text would copy megabytes again
    return "".join(out)


def to_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)``, about twice as fast.

    (With an indent, ``json`` uses its pure-Python encoder, which took a sixth of the
    rendering of a 1,000-article story.)
    """
    out: list[str] = []
    _encode(value, "\n", out, {})
    return "".join(out)


_STRING = json.JSONEncoder(ensure_ascii=False).encode
# The text of the leaves the story holds (by exact type), as ``json`` writes them; other
# values (floats, subclasses) go through _STRING.
_LEAVES: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,  # what _STRING does with a str, without its Python frame
    int: int.__repr__,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): {None: "null"}.__getitem__,
}
# A dict's keys in sorted order, each with the text before its value ("{" or ",", the
# line break and indent, the quoted key and ": "), by the keys as the dict lists them and
# the indent.
_Shapes = dict[tuple[Any, ...], list[tuple[Any, str]]]


def _encode(value: Any, newline: str, out: list[str], shapes: _Shapes) -> None:
    """Append the text of ``value``, nested lines starting with ``newline``.

    A leaf inside a list or dict is written with its key or comma, without a call of its
    own: story.json has hundreds of thousands of them. Its dicts are records of a few
    kinds, so the sorted, quoted keys of each kind are worked out once (``shapes``), not
    for each of the thousands of records.
    """
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        kind = (inner, *value)
        shape = shapes.get(kind)
        if shape is None:
            shape = shapes[kind] = _shape(value, inner)
        for key, head in shape:
            item = value[key]
            leaf = _LEAVES.get(type(item))
            if leaf is None:
                out.append(head)
                _encode(item, inner, out, shapes)
            else:
                out.append(head + leaf(item))
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        lead = "[" + inner
        for item in value:
            leaf = _LEAVES.get(type(item))
            if leaf is None:
                out.append(lead)
                _encode(item, inner, out, shapes)
            else:
                out.append(lead + leaf(item))
            lead = "," + inner
        out.append(newline + "]")
    else:
        out.append(_STRING(value))


def _shape(keys: Iterable[Any], inner: str) -> list[tuple[Any, str]]:
    """The keys in the order ``sort_keys`` writes them, each with the text before its value
    (a key that is not a string is quoted as ``json`` does: ``1`` as ``"1"``)."""
    return [(key, f"{',' if n else '{'}{inner}{_STRING(key if isinstance(key, str) else _STRING(key))}: ")
            for n, key in enumerate(sorted(keys))]
