"""Clean one Doc's named entities into name spans, before any story-wide decision.

The small English model draws entity edges in ways that follow patterns, fixed here
per span: a determiner or possessive at an edge ("the", "'s"), a title or honorific
inside a person's name ("Queen X II"), a given name left outside ("Superintendent
[Yolanda] Yu Hoi-kwan"), a table line's count glued on ("X Party - 11"), a
possessive joining two names ("A B's Party"), a title word tagged as a name ("Home"
in "Home Secretary").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from .evidence import name_shaped
from .lexicon import (
    COMPASS,
    HONORIFICS,
    NAMING_WORDS,
    PLACE_NOUNS,
    PSEUDONYM_WORDS,
    SPEECH_VERBS,
    is_role_noun,
    is_roman,
)

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# Labels the model gives organisations by mistake; kept only where the same name is an ORG
# elsewhere in the story.
WEAK_ORG_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
POSSESSIVE = {"'s", "’s", "'", "’"}
LOCATIVE = {"in", "at", "near", "across", "around", "outside", "inside", "throughout", "from"}
_DETERMINERS = {"the", "a", "an"}
_DASHES = {"-", "–", "—"}
# Words that stay outside a person's name even when capitalised and next to it.
_NOT_GIVEN_NAMES = {"the", "former", "new", "then", "late", "acting", "interim", "current",
                    "outgoing", "incoming", "deputy", "vice", "senior", "junior", "ex"}


def clean_spans(doc: Doc) -> Iterator[tuple[Span, str]]:
    """The doc's entities with edges trimmed and possessive pairs split, with their labels."""
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS | WEAK_ORG_LABELS:
            continue
        span = _trim(ent)
        if span is None:
            continue
        label = ent.label_
        last = span[-1]
        if label == "PERSON" and last.tag_ == "NNPS" and not is_roman(last.text):
            continue  # "Hong Kongers": a plural is a group of people, not a person
        if label == "PERSON" and len(span) > 1 and last.lower_ in PLACE_NOUNS:
            label = "GPE"  # "Causeway Bay": a name ending in a place noun is a place
        # "Home" in "Home Secretary": a name directly followed by a capitalised role noun
        # is part of a title, not an entity of its own.
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and is_role_noun(nxt.text) \
                and nxt.ent_type_ != "PERSON":
            continue
        if label == "PERSON":
            span = _strip_title(span)
            span = _extend_left(span)
        yield from _split_possessive(span, label)
    yield from _peerage_appositions(doc)
    yield from _untagged_speakers(doc)


def _trim(ent: Span) -> Span | None:
    """Drop determiners, possessives and a table line's trailing count ("- 11 seats")."""
    doc = ent.doc
    tokens = list(ent)
    while tokens and tokens[0].lower_ in _DETERMINERS:
        tokens = tokens[1:]
    # A number belongs to a name ("Channel 4") unless a dash sets it apart as a count.
    for n, token in enumerate(tokens):
        if n and token.text in _DASHES and n + 1 < len(tokens) and tokens[n + 1].like_num:
            tokens = tokens[:n]
            break
    while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].text in _DASHES
                      or not tokens[-1].text.strip("'’")):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return doc[tokens[0].i : tokens[-1].i + 1]


def _strip_title(span: Span) -> Span:
    """ "Queen Elizabeth II" names Elizabeth II: a capitalised office noun heading a person's
    name is her title (found again by the role rules), not part of the name."""
    start = span.start
    while start < span.end - 1 and span.doc[start].text[:1].isupper() \
            and is_role_noun(span.doc[start].text) and span.doc[start].text not in HONORIFICS:
        start += 1
    return span.doc[start : span.end]


def looks_like_given_name(token: Token) -> bool:
    """A capitalised proper noun that could open a name: not a title, honorific, compass
    word or part of another entity."""
    text = token.text
    return (token.pos_ == "PROPN" and text[:1].isupper() and text.replace("-", "").isalpha()
            and not text.isupper() and not token.ent_type_ and text not in HONORIFICS
            and text not in COMPASS and not is_role_noun(text)
            and token.lower_ not in _NOT_GIVEN_NAMES | NAMING_WORDS | PSEUDONYM_WORDS)


def _extend_left(span: Span) -> Span:
    """ "Superintendent Yolanda [Yu Hoi-kwan]": the model often starts a name late; take in
    up to two adjacent capitalised words that are not titles (the name's given names)."""
    doc = span.doc
    start = span.start
    while start > 0 and span.start - start < 2 and looks_like_given_name(doc[start - 1]):
        start -= 1
    return doc[start : span.end]


def _split_possessive(span: Span, label: str) -> Iterable[tuple[Span, str]]:
    """ "A B's Party" is two names: the owner, and what they own (an organisation).

    Only person entities are split: in an organisation's own name ("People's Army") the
    possessive belongs to the name.
    """
    doc = span.doc
    if label != "PERSON":
        yield span, label
        return
    for token in span:
        if token.text in POSSESSIVE and span.start < token.i < span.end - 1:
            owner = doc[span.start : token.i]
            owned_end = span.end
            # The owned name often runs past the entity ("Reform" + "UK").
            while owned_end < len(doc) and ((doc[owned_end].pos_ == "PROPN" and doc[owned_end].is_title)
                                            or (doc[owned_end].is_upper and doc[owned_end].is_alpha)):
                owned_end += 1
            yield owner, label
            yield doc[token.i + 1 : owned_end], "ORG"
            return
    yield span, label


def _peerage_appositions(doc: Doc) -> Iterator[tuple[Span, str]]:
    """ "Colin Sutherland, Lord Carloway, ...": an honorific and a name in apposition to a
    person is another name of that person; the model rarely tags it."""
    for ent in doc.ents:
        i = ent.end
        if ent.label_ != "PERSON" or i + 2 >= len(doc) or doc[i].text != ",":
            continue
        if doc[i + 1].text in HONORIFICS and not doc[i + 2].ent_type_:
            end = i + 2
            while end < len(doc) and looks_like_given_name(doc[end]):
                end += 1
            if end > i + 2 and end < len(doc) and doc[end].text == ",":
                yield doc[i + 1 : end], "PERSON"


def _untagged_speakers(doc: Doc) -> Iterator[tuple[Span, str]]:
    """ "Regina Ip said": a two- or three-word proper name the model left untagged is a
    person's when it is the subject of a reporting verb."""
    for token in doc:
        if token.ent_type_ or token.pos_ != "PROPN" or token.dep_ != "nsubj" \
                or token.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                and not doc[start - 1].ent_type_:
            start -= 1
        span = doc[start : token.i + 1]
        before = doc[start - 1] if start > 0 else None
        if 2 <= len(span) <= 3 and name_shaped(span.text.split()) \
                and (before is None or before.lower_ not in ("the", "a", "an")) \
                and not any(is_role_noun(t.text) for t in span):
            yield span, "PERSON"
