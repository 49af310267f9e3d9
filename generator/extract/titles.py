"""Titles used in place of a name ("the Home Secretary", "the Queen").

A title stands for a person only when the story ties it to exactly one person (a title
before that person's name, "Home Secretary A B"); a title two people hold, at the same
time or one after the other, stands for no one. Past titles ("former", "then") never do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from ..models import AnnotatedArticle
from .labels import lowered_words
from .names import Mention
from .roles import RoleFinding
from .text import first_word_ids, is_quoted, sentence_index, starts_among

_PAST_TITLE = {"former", "ex", "then", "late", "outgoing", "acting", "interim", "now-former"}
# Words that say when a title is held, not which title: "Current Prime Minister A" holds
# the same title as "Prime Minister B" before her.
_TIME_WORDS = {"current", "new", "newly", "incoming", "sitting", "present"}


def title_map(
    findings: Mapping[Mention, list[RoleFinding]], key_of: Mapping[Mention, str]
) -> dict[tuple[str, ...], str]:
    """Titles the story ties to exactly one person, and that person's key."""
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for m, found in findings.items():
        for f in found:
            words = tuple(f.text.split(" (")[0].lower().split())
            while len(words) > 1 and words[0] in _TIME_WORDS:
                words = words[1:]
            if f.title and words and words[0] not in _PAST_TITLE and not words[0].endswith("-"):
                holders[words].add(key_of[m])
    return {title: next(iter(keys)) for title, keys in holders.items() if len(keys) == 1}


def title_mentions(
    articles: Sequence[AnnotatedArticle], titles: Mapping[tuple[str, ...], str]
) -> list[tuple[Mention, str]]:
    """ "the Home Secretary" standing alone, as a mention of the one person who holds it.

    Titles are indexed by their first word, so each token is compared only with the
    titles that start with it.
    """
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for title in titles:
        by_first[title[0]].append(title)
    for group in by_first.values():
        group.sort(key=len, reverse=True)
    firsts = first_word_ids(by_first)
    found: list[tuple[Mention, str]] = []
    for a in articles:
        for ap in a.paragraphs:
            if ap.paragraph.kind != "body":
                continue
            doc = ap.doc
            for i in starts_among(doc, firsts):  # only tokens that can start a title
                if i == 0 or doc[i - 1].lower_ != "the":
                    continue
                for title in by_first.get(doc[i].lower_, ()):
                    n = len(title)
                    after = doc[i + n] if i + n < len(doc) else None
                    if (tuple(t.lower_ for t in doc[i : i + n]) == title
                            and (after is None or not after.text[:1].isupper())
                            and not _apposition(doc, i - 1)):
                        text = "the " + doc[i : i + n].text
                        found.append((Mention(text, "PERSON", a.article.id, ap.paragraph.index,
                                              sentence_index(doc, i), i, i + n,
                                              quoted=is_quoted(doc, i, i + n)), titles[title]))
                        break
    return found


def titles_in(article: AnnotatedArticle, titles: Mapping[tuple[str, ...], str],
              ) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The titles (with their holders) whose first word occurs in the article's body, sorted:
    the only ones :func:`title_mentions` can find there."""
    words: set[str] = set()
    for ap in article.paragraphs:
        if ap.paragraph.kind == "body":
            words.update(lowered_words(ap.doc))
    # lowered_words has straight apostrophes; titles are matched on the tokens' own forms
    return tuple(sorted((t, k) for t, k in titles.items() if t[0].replace("’", "'") in words))


def _apposition(doc: Doc, i: int) -> bool:
    """ "A B, the general secretary of X": a title right after a name describes that name
    (a role, found elsewhere), it does not stand for a person."""
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].pos_ == "PROPN"
