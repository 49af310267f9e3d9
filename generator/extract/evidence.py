"""Local evidence that a name is a person or a place, read from the words around it.

The model's label is one vote; the sentence often says more. A name that is the subject
of "said" in a sentence that goes on with "she"/"he" (an organisation says things too),
that follows a title ("Secretary of Justice X"), that a role apposition describes ("X,
the mayor of Y,"), that a "who" clause follows, or that is introduced as a name ("a
student named X") is a person's. A name followed by a place noun ("the X district") is a
place's.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from .lexicon import (
    COMPASS,
    HONORIFICS,
    NAMING_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PSEUDONYM_WORDS,
    SPEECH_VERBS,
    is_role_noun,
    is_roman,
)
from .text import quoted, sentence_of

_PERSONAL = {"he", "she", "him", "her", "his", "himself", "herself"}
PERSON = "person"
NAMING = "naming"
PLACE = "place"
_PARTICLES = {"van", "von", "de", "da", "del", "di", "du", "la", "le", "bin", "al", "el", "der", "dos"}
_APPOSITION_STOP = {",", ".", ";", ":", "(", "—", "–", "“", '"'}


def name_shaped(words: Sequence[str]) -> bool:
    """Could these words be a person's name? Capitalised words, initials, hyphenated parts
    and particles, with no organisation, place or office noun among them."""
    if not 1 <= len(words) <= 5:
        return False
    for n, w in enumerate(words):
        low = w.lower()
        if low in ORG_NOUNS or low in PLACE_NOUNS or (n == len(words) - 1 and (
                is_role_noun(w) or (n and w in COMPASS))):
            return False  # "X Party MPs", "Townsville South"
        if low in _PARTICLES and 0 < n < len(words) - 1:
            continue  # "Jeff Van Drew", "Luis de la Cruz"
        if is_roman(w) or (len(w) == 2 and w[0].isupper() and w[1] == "."):
            continue  # "Elizabeth II", "Van Drew", an initial: "Pedro R. Pierluisi"
        bare = w.replace("-", "").replace("'", "").replace("’", "")
        if not (w[:1].isupper() and bare.isalpha() and not w.isupper()):
            return False
    return True


def person_evidence(doc: Doc, start: int, end: int) -> str:
    """PERSON or NAMING when the context says the name at ``doc[start:end]`` is a person's."""
    span = doc[start:end]
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.text.rstrip(".") in HONORIFICS:
        return PERSON
    if _introduced_as_name(doc, start):
        return NAMING
    if not name_shaped(span.text.split()) or (before is not None and before.lower_ in ("the", "a", "an")):
        return ""
    if before is not None and before.pos_ == "ADP":
        return ""  # "the MP for X Y": a name after a preposition is no subject or holder
    if len(span) > 1 and _speech_subject(span) and _pronoun_after(doc, end):
        return PERSON  # "A B said she ...": organisations say things too, but are no "she"
    if before is not None and before.text[:1].isupper() and is_role_noun(before.text) \
            and not before.text.isupper() and len(span) > 1:
        return PERSON  # "Secretary of Justice Wanda Vázquez Garced"
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who":
        return PERSON
    if _role_apposition(doc, end):
        return PERSON
    return ""


def place_evidence(doc: Doc, start: int, end: int) -> str:
    """PLACE for a name directly followed by a lowercase place noun ("the X district")."""
    after = doc[end] if end < len(doc) else None
    if after is not None and after.is_lower and after.lower_ in PLACE_NOUNS:
        return PLACE
    return ""


def _introduced_as_name(doc: Doc, start: int) -> bool:
    """ "using the pseudonym X", or "a student named X" after a noun for a person."""
    before = doc[start - 1] if start > 0 else None
    if before is None:
        return False
    if before.lower_ in PSEUDONYM_WORDS:
        return True
    if before.lower_ not in NAMING_WORDS or start < 2:
        return False
    noun = doc[start - 2]
    return noun.pos_ == "NOUN" and (is_role_noun(noun.text) or noun.lower_ in PERSON_NOUNS)


def _speech_subject(span: Span) -> bool:
    root: Token = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ == "VERB" \
        and root.head.lemma_.lower() in SPEECH_VERBS


def _pronoun_after(doc: Doc, end: int) -> bool:
    """A "he" or "she" after the name in its sentence, outside quotation marks."""
    mask = quoted(doc)
    sent = sentence_of(doc, end - 1)
    return any(t.lower_ in _PERSONAL and not mask[t.i] for t in doc[end : sent.end])


def _role_apposition(doc: Doc, end: int) -> bool:
    """ "X, the mayor of Y," / "X, Y's governor,": a comma, then a short phrase headed by an
    office noun before the next comma."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    i = end + 1
    if doc[i].lower_ in ("the", "a", "an"):
        i += 1
    else:  # a possessive owner first: "X, Puerto Rico's governor,"
        j = i
        while j < min(i + 4, len(doc)) and doc[j].text[:1].isupper():
            j += 1
        if j == i or j >= len(doc) or doc[j].tag_ != "POS":
            return False
        i = j + 1
    for j in range(i, min(i + 10, len(doc))):
        t = doc[j]
        if t.text in _APPOSITION_STOP or t.lower_ == "of" or t.pos_ in ("VERB", "AUX"):
            break
        if is_role_noun(t.text) and not t.text.isupper():
            return True
    return False
