"""Find every use of the story's known names in every paragraph (the model misses many).

Known names come from :func:`.labels.known_names`; each article is searched only for the
names that can start in it, so its search is reused while those names stay the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import partial
from itertools import chain, pairwise
from operator import attrgetter

from spacy.tokens import Doc

from ..memo import Memo
from .labels import Where, lowered_words
from .lexicon import HONORIFICS
from .names import Mention, make_mention


def apply_known_names(
    raw: Sequence[Mention], names: Mapping[tuple[str, ...], str], docs: Mapping[Where, Doc],
    kinds: Mapping[Where, tuple[bool, bool]], memo: Memo | None = None,
) -> list[Mention]:
    """Find every use of each known name, longest first, replacing what it overlaps.

    Names are indexed by their first two words, so each paragraph is searched only for
    the names whose start it holds. ``kinds`` gives each paragraph's (caption, prose)
    flags. Each article sees only those names, so an article whose names did not change
    between runs is not searched again (``memo``).
    """
    by_start: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for phrase, label in names.items():
        by_start[phrase[:2]].append((phrase, label))
    for group in by_start.values():
        group.sort()
    one_word = {start[0] for start in by_start if len(start) == 1}
    by_article: dict[str, list[tuple[Where, Doc]]] = defaultdict(list)
    for where, doc in docs.items():
        by_article[where[0]].append((where, doc))
    memo = memo or Memo()
    found: list[Mention] = []
    for article, paragraphs in by_article.items():
        part = tuple((where[1], *kinds[where], _names_in(lowered_words(doc), by_start, one_word))
                     for where, doc in paragraphs)
        found.extend(memo.reuse("known names", article, part,
                                partial(_known_in, paragraphs)))
    # Overlap is read from the positions the found names cover, a set per paragraph: one
    # set of (article, paragraph, position) took a tuple per token of every mention.
    covered: dict[Where, set[int]] = defaultdict(set)
    for m in found:
        covered[m.article, m.paragraph].update(range(m.start, m.end))
    kept = [m for m in raw if covered[m.article, m.paragraph].isdisjoint(range(m.start, m.end))]
    return sorted(kept + found, key=attrgetter("article", "paragraph", "start"))


def _names_in(words: Sequence[str],
              by_start: Mapping[tuple[str, ...], list[tuple[tuple[str, ...], str]]],
              one_word: set[str]) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The known names (with labels) whose first two words (one for a one-word name)
    occur in ``words`` in a row, sorted.

    Indexed by first word alone, a paragraph held hundreds of names that could not occur
    in it (every name starting with a country's name), and sorting and digesting them
    took a third of this step. A name that cannot start in ``words`` is never found
    there, so the search finds the same. Each group is sorted, and names of different
    groups compare as their starts do, so the groups in order of their starts give the
    names in order.
    """
    # One-word names are looked up by word (``one_word``): a tuple per token cost more.
    starts: list[tuple[str, ...]] = [(w,) for w in one_word.intersection(words)]
    starts += by_start.keys() & pairwise(words)
    starts.sort()
    return tuple(chain.from_iterable(map(by_start.__getitem__, starts)))


def _known_in(paragraphs: Sequence[tuple[Where, Doc]],
              part: Sequence[tuple[int, bool, bool, tuple[tuple[tuple[str, ...], str], ...]]],
              ) -> tuple[Mention, ...]:
    """The uses of known names in one article's paragraphs; ``part`` holds, per paragraph,
    its index, (caption, prose) flags and the names that can occur in it."""
    found: list[Mention] = []
    for (where, doc), (_, caption, prose, known) in zip(paragraphs, part, strict=True):
        names = dict(known)
        by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in names:
            by_first[phrase[0]].append(phrase)
        words = lowered_words(doc)
        matches = [(i, p) for i, w in enumerate(words) for p in by_first.get(w, ())
                   if words[i : i + len(p)] == p and _stands_alone(doc, i, len(p))]
        taken: set[int] = set()
        # Longest names first: "Ayton and Beeton" wins over "New Ayton".
        for i, phrase in sorted(matches, key=lambda ip: (-len(ip[1]), ip[0])):
            span = range(i, i + len(phrase))
            if taken.intersection(span):
                continue
            taken.update(span)
            found.append(make_mention(doc[i : i + len(phrase)], names[phrase], *where,
                                      caption=caption, prose=prose))
    return tuple(found)


def _stands_alone(doc: Doc, i: int, n: int) -> bool:
    """A lone surname must look like a name and not be part of another one."""
    if n > 1:
        return True
    token = doc[i]
    if not token.is_title:
        return False
    prev = doc[i - 1] if i > 0 else None
    return bool(prev is None or not prev.is_title or prev.text.rstrip(".") in HONORIFICS
                or token.is_sent_start)
