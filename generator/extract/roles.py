"""Roles of people as the articles give them, each with the sentence it came from.

Three constructions cover most of news style: a title before the name ("Home Secretary
A B"), an apposition after it ("A B, the general secretary of X,"), and an owner's
possessive of an organisation ("A B's Party", which makes A B its leader).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import HONORIFICS, ROLE_NOUNS
from .mentions import POSSESSIVE, Mention

_STOP_LEFT = {"the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "by", "and"}
_MODIFIERS = {"former", "then", "acting", "interim", "newly", "new", "current", "outgoing",
              "incoming", "ex", "late", "deputy", "vice", "senior", "junior"}


@dataclass(frozen=True)
class RoleFinding:
    """A role for the person mentioned at ``mention``; ``title`` is True for a title before
    a name, which may also stand for the person alone ("the Home Secretary")."""

    mention: Mention
    text: str
    title: bool = False
    organisation: str = ""  # for "A's Party": the organisation's mention text


def find_roles(
    mention: Mention, doc: Doc, others: Sequence[Mention] = ()
) -> list[RoleFinding]:
    """Every role the text gives the person at ``mention``; ``others`` are the paragraph's
    other cleaned mentions, which tell names apart from title words."""
    found = []
    labels = {t: m.label for m in others for t in range(m.start, m.end)}
    title = _title_before(mention, doc, labels)
    bracket = _bracket_after(mention, doc)
    if title:
        text = f"{title} ({bracket})" if bracket else title
        found.append(RoleFinding(mention, text, title=True))
    apposition = _apposition(mention, doc)
    if apposition:
        found.append(RoleFinding(mention, apposition))
    for org in (m for m in others if m.label == "ORG"):
        after = mention.end
        if org.start == after + 1 and doc[after].text in POSSESSIVE:
            found.append(RoleFinding(mention, f"leader of {org.text}", organisation=org.text))
    return found


def _title_before(mention: Mention, doc: Doc, labels: dict[int, str]) -> str:
    """The run of title words just before a name: "Danish immigration minister"."""
    i = mention.start - 1
    while i >= 0 and doc[i].text.rstrip(".") in HONORIFICS:
        i -= 1
    words: list[Token] = []
    while i >= 0:
        token = doc[i]
        label = labels.get(i, "")
        if label == "PERSON" or (token.lower_ in _STOP_LEFT and not label):
            break
        if not (token.pos_ in ("NOUN", "PROPN", "ADJ") or token.lower_ in _MODIFIERS or label
                or token.text == "-"):
            break
        words.insert(0, token)
        i -= 1
    # Trim words that are not part of the title, from the left, until it starts well.
    while words and words[0].pos_ == "ADJ" and words[0].lower_ not in _MODIFIERS \
            and not words[0].is_title and len(words) > 1 and words[1].pos_ == "ADJ":
        words.pop(0)
    if not words or not any(w.lower_ in ROLE_NOUNS for w in words):
        return ""
    # The title must end in an office noun: "Green leader" yes, "Labour voters" no.
    while words and words[-1].lower_ not in ROLE_NOUNS:
        words.pop()
    return doc[words[0].i : words[-1].i + 1].text if words else ""


def _bracket_after(mention: Mention, doc: Doc) -> str:
    """A short bracket right after a name, as with a constituency: "(Norwich South)"."""
    i = mention.end
    if i + 2 < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(i + 8, len(doc))) if doc[j].text == ")"), None)
        if close and close > i + 1 and all(t.is_title or t.is_punct or t.lower_ in ("and", "of")
                                           for t in doc[i + 1 : close]):
            return doc[i + 1 : close].text
    return ""


def _apposition(mention: Mention, doc: Doc) -> str:
    """ "A B, the general secretary of X, ..." gives "general secretary of X"."""
    i = mention.end
    if i >= len(doc) or doc[i].text != ",":
        return ""
    start = i + 1
    if start >= len(doc) or (doc[start].lower_ not in ("the", "a", "an") and \
            not (doc[start].lower_ in ROLE_NOUNS or doc[start].lower_ in _MODIFIERS)):
        return ""
    end = start
    while end < len(doc) and doc[end].text not in (",", ".", ";", ":", "(", "—", "–", "“", '"'):
        token = doc[end]
        if (token.pos_ in ("VERB", "AUX") and token.tag_ != "VBN") or token.lower_ in ("who", "which"):
            return ""  # a clause, not a description
        end += 1
    words = doc[start:end]
    if not 1 < len(words) <= 14:
        return ""
    if not any(t.lower_ in ROLE_NOUNS or t.pos_ == "NOUN" for t in words):
        return ""
    if words[0].lower_ in ("the", "a", "an"):
        words = words[1:]
    return words.text
