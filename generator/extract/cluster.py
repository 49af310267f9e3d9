"""Which mentions name the same actor: full names, surnames, honorifics, variants.

A person's longest full name anchors the cluster; shorter forms of it ("Pedro
Pierluisi" for "Pedro R. Pierluisi Urrutia", "Rivera Schatz" for "Thomas Rivera
Schatz") join it. A bare surname joins the one person with that surname; when two
people share it (relatives), it joins the person named nearest before it in the same
article, and across the story a surname stands for at most one of them (the one it
most often follows); its other uses are left out rather than risk a wrong merge. A
surname introduced as a name of its own ("a student named Wong") is a new person.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from .evidence import NAMING
from .names import Mention, normalise
from .spans import PLACE_LABELS

_PEERAGE = {"Lord", "Lady", "Baroness", "Baron", "Sir", "Dame"}


@lru_cache(maxsize=1 << 16)
def org_key(text: str) -> str:
    """Organisation names compared without "the", "party" or a plural ("Liberals") (kept for
    reuse: a long story names the same organisations tens of thousands of times)."""
    words = normalise(text).replace("'", "").split()
    if len(words) > 1 and words[-1] == "party":
        words = words[:-1]
    if words and len(words[-1]) > 4 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def full_name_keys(mentions: Sequence[Mention]) -> dict[str, str]:
    """Each multi-word person name → the longest form of that name in the story."""
    names = sorted({m.key for m in mentions if m.label == "PERSON" and len(m.key.split()) > 1},
                   key=lambda k: (-len(k.split()), -len(k), k))
    full: dict[str, str] = {}
    # Longer names seen so far, by first word and by each later word: a name is compared
    # only with the names that could contain it.
    by_first: dict[str, list[str]] = defaultdict(list)
    by_later: dict[str, list[str]] = defaultdict(list)
    for name in names:
        words = name.split()
        # "Pedro Pierluisi" is "Pedro R. Pierluisi Urrutia": same first name, words included;
        # "Pierluisi Urrutia" is too: only the words after a longer name's first one.
        longer = {full[o] for o in by_first[words[0]] if set(words) <= set(o.split())}
        longer |= {full[o] for o in by_later[words[-1]]
                   if len(o.split()) > len(words) and set(words) <= set(o.split()[1:])}
        full[name] = next(iter(longer)) if len(longer) == 1 else name
        by_first[words[0]].append(name)
        for word in set(words[1:]):
            by_later[word].append(name)
    return full


def cluster(mentions: Sequence[Mention]) -> list[tuple[Mention, str]]:
    """Assign each mention an actor key; mentions no actor can claim are left out."""
    full = full_name_keys(mentions)
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name, key in full.items():
        for word in name.split()[1:]:
            by_surname[word].add(key)
    org_clusters = {org_key(m.text) for m in mentions if m.label == "ORG"}
    assigned: list[tuple[Mention, str]] = []
    shared: list[tuple[Mention, str, str]] = []  # (mention, surname, person it follows)
    recent: dict[tuple[str, str], str] = {}  # (article, surname) → last full name used
    last: tuple[Mention, str] | None = None  # the previous person mention and its key
    for m in sorted(mentions, key=lambda m: (m.article, m.paragraph, m.start)):
        if m.label != "PERSON":
            key = _other_key(m, org_clusters)
            if key:
                assigned.append((m, key))
            continue
        words = m.key.split()
        if len(words) > 1:
            key = full.get(m.key, m.key)
            for word in words[1:]:
                recent[(m.article, word)] = key
        elif last is not None and _peerage_apposition(m, last[0]):
            key = last[1]  # "Colin Sutherland, Lord Carloway,"
        else:
            word = words[0]
            owners = by_surname.get(word, set())
            if m.evidence == NAMING or not owners:
                key = m.key  # a person known by one name only
            elif len(owners) == 1:
                key = next(iter(owners))
            elif (m.article, word) in recent:
                shared.append((m, word, recent[(m.article, word)]))  # decided below
                continue
            else:
                continue  # two people share this surname and the article names neither
        assigned.append((m, "person:" + key))
        last = (m, key)
    assigned.extend(_shared_surnames(shared))
    return assigned


def _other_key(m: Mention, org_clusters: set[str]) -> str:
    if m.label == "NORP":
        key = org_key(m.text)
        return "org:" + key if key in org_clusters else ""
    if m.label in PLACE_LABELS:
        return "place:" + m.key
    return "org:" + org_key(m.text)


def _peerage_apposition(m: Mention, prev: Mention) -> bool:
    """A peerage title in apposition right after a full name names the same person."""
    return (m.honorific in _PEERAGE and prev.article == m.article and prev.paragraph == m.paragraph
            and prev.end == m.start - 2 and len(prev.key.split()) > 1)


def _shared_surnames(shared: Sequence[tuple[Mention, str, str]]) -> list[tuple[Mention, str]]:
    """A surname two people share stands, story-wide, for the one it most often follows."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for _, word, key in shared:
        votes[word][key] += 1
    winners = {}
    for word, counts in votes.items():
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            winners[word] = ranked[0][0]
    return [(m, "person:" + key) for m, word, key in shared if winners.get(word) == key]
