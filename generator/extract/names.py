"""A mention: one cleaned name in one sentence, and how a span of a Doc becomes one."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from sys import intern
from typing import overload

from spacy.tokens import Doc, Span

from .evidence import person_evidence, place_evidence
from .lexicon import HONORIFICS
from .spans import LOCATIVE
from .text import is_quoted, sentence_index


class _Key:
    """``Mention.key``: the name as compared, made once per mention on first use and kept
    in the instance as ``functools.cached_property`` keeps it.

    ``cached_property`` takes a lock on each first use (Python 3.11), which with the
    normalising cost more than all later uses of the keys of the story's ~80,000
    mentions; texts repeat, so each distinct text is normalised once.
    """

    @overload
    def __get__(self, m: None, owner: type | None = None) -> _Key: ...
    @overload
    def __get__(self, m: Mention, owner: type | None = None) -> str: ...
    def __get__(self, m: Mention | None, owner: type | None = None) -> str | _Key:
        if m is None:
            return self
        key: str = _normalised(m.text)
        m.__dict__["key"] = key  # frozen: stored as cached_property stores it
        return key


@dataclass(frozen=True)
class Mention:
    """One cleaned name in one sentence; ``start``/``end`` are token offsets in the doc.

    ``evidence`` is what the surrounding words say the name is ("person", "naming",
    "place" or ""); ``quoted`` is True for a name inside quotation marks; ``prose`` is
    False in a line that is not a sentence (a table row, a legend).
    """

    text: str
    label: str
    article: str
    paragraph: int
    sentence: int
    start: int
    end: int
    caption: bool = False
    honorific: str = ""  # "Ms", "Sir"... stripped from the name but kept for aliases
    evidence: str = ""
    quoted: bool = False
    prose: bool = True

    key = _Key()  # normalise(text), made on first use

    def relabel(self, label: str) -> Mention:
        return replace(self, label=label)


def normalise(text: str) -> str:
    """Compare names ignoring case, a leading "the" and curly apostrophes."""
    text = text.replace("’", "'").strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.lower().split())


_normalised = lru_cache(maxsize=None)(normalise)


def make_mention(span: Span, label: str, article: str, paragraph: int, *, caption: bool = False,
                 prose: bool = True) -> Mention:
    """The mention of ``span``: honorifics stripped into ``honorific``, context read."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if label == "PERSON" and before is not None and before.lower_ in LOCATIVE:
        label = "GPE"  # "in Causeway Bay": people are not where things happen "in"
    honorific = ""
    start, end = span.start, span.end
    while end - start > 1 and doc[start].text.rstrip(".") in HONORIFICS:
        honorific = (honorific + " " + doc[start].text).strip()
        start += 1
    honorific = honorific or honorific_before(doc, start)
    evidence = person_evidence(doc, start, end) or place_evidence(doc, start, end)
    # Interned: a long story names the same people and places tens of thousands of times.
    return Mention(intern(doc[start:end].text), intern(label), article, paragraph,
                   sentence_index(doc, start), start, end, caption, honorific, evidence,
                   is_quoted(doc, start, end), prose)


def honorific_before(doc: Doc, i: int) -> str:
    """ "Ms" in "Ms Lee", or "" when no honorific precedes token ``i``."""
    return doc[i - 1].text if i > 0 and doc[i - 1].text.rstrip(".") in HONORIFICS else ""
