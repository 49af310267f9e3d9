"""Which people the story refers to as "she" and which as "he".

Pronoun speakers ("she will warn") are resolved to a person who agrees with the
pronoun. The evidence is the story's own: honorifics ("Ms", "Sir"), gendered role
nouns ("queen", "son"), and the pronouns of sentences that name one person only
("Carmen Cruz said she would ..."), including a next sentence that opens with one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from .labels import lowered_words
from .lexicon import FEMALE_HONORIFICS, FEMALE_PRONOUNS, MALE_HONORIFICS, MALE_PRONOUNS
from .names import Mention
from .roles import RoleFinding
from .text import quoted, sentence_starts

_FEMALE_ROLES = {"queen", "princess", "wife", "mother", "daughter", "sister", "chairwoman",
                 "spokeswoman", "congresswoman", "councilwoman", "businesswoman", "baroness"}
_MALE_ROLES = {"king", "prince", "husband", "father", "son", "brother", "congressman",
               "councilman", "businessman", "baron"}


_PRONOUN_GENDER = {**dict.fromkeys(FEMALE_PRONOUNS, "f"), **dict.fromkeys(MALE_PRONOUNS, "m")}


def pronoun_gender(word: str) -> str:
    """ "f" for she/her, "m" for he/him/his, "" otherwise."""
    return _PRONOUN_GENDER.get(word.lower(), "")


def genders(
    members: Mapping[str, Sequence[Mention]], roles: Mapping[str, Sequence[RoleFinding]],
    docs: Mapping[tuple[str, int], Doc],
) -> dict[str, str]:
    """Person key → "f" or "m", for the people the evidence agrees on."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    by_paragraph: dict[tuple[str, int], list[tuple[Mention, str]]] = defaultdict(list)
    for key, ms in members.items():
        if not key.startswith("person:"):
            continue
        for m in ms:
            honorific = m.honorific.split()[0].rstrip(".") if m.honorific else ""
            if honorific in FEMALE_HONORIFICS:
                votes[key]["f"] += 2
            elif honorific in MALE_HONORIFICS:
                votes[key]["m"] += 2
            by_paragraph[(m.article, m.paragraph)].append((m, key))
        for f in roles.get(key, ()):
            words = set(f.text.lower().split())
            votes[key]["f"] += 2 * bool(words & _FEMALE_ROLES)
            votes[key]["m"] += 2 * bool(words & _MALE_ROLES)
    for where, found in by_paragraph.items():
        _pronoun_votes(docs[where], found, votes)
    result = {}
    for key, counts in votes.items():
        if counts["f"] > counts["m"]:
            result[key] = "f"
        elif counts["m"] > counts["f"]:
            result[key] = "m"
    return result


def _pronoun_votes(doc: Doc, found: Sequence[tuple[Mention, str]],
                   votes: dict[str, Counter[str]]) -> None:
    """Pronouns outside quotes in a sentence naming one person only (and at the start of
    the next sentence, when that one names no one) refer to that person."""
    starts = sentence_starts(doc)
    # Read from the Doc's lower-case words (made once per Doc for the known names), not
    # from a Token per word; the quotation mask only where a pronoun stands.
    words = lowered_words(doc)
    keys_in: dict[int, set[str]] = defaultdict(set)
    first: dict[int, int] = {}
    for m, key in found:
        keys_in[m.sentence].add(key)
        first[m.sentence] = min(first.get(m.sentence, m.start), m.start)
    for n, keys in keys_in.items():
        if len(keys) != 1:
            continue
        key = next(iter(keys))
        end = starts[n + 1] if n + 1 < len(starts) else len(doc)
        for i in range(first[n], end):
            g = _PRONOUN_GENDER.get(words[i])
            if g and not quoted(doc)[i]:
                votes[key][g] += 1
        if n + 1 < len(starts) and n + 1 not in keys_in:
            g = _PRONOUN_GENDER.get(words[starts[n + 1]])
            if g:
                votes[key][g] += 1
