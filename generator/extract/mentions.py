"""Clean the model's named entities into mentions, deciding each name's label story-wide.

The small English model mislabels names in ways that follow patterns: possessives
swallowed into a name ("A B's Party"), parts of a title tagged as an organisation
("Home" in "Home Secretary"), coordinated place names split into people
("X and Y" constituencies), a person tagged as an organisation although she is the
subject of "said". The rules fix the patterns, never particular names: span edges in
:mod:`.spans`, context in :mod:`.evidence`, story-wide votes in :mod:`.labels`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..memo import Memo
from ..models import AnnotatedArticle
from .evidence import PERSON, PLACE, name_shaped
from .labels import Coordination, Where, coordinations, decide_labels, known_names
from .name_search import apply_known_names
from .names import Mention, make_mention, normalise
from .spans import LOCATIVE, PLACE_LABELS, POSSESSIVE, clean_spans
from .text import citation, sentence_index

__all__ = ["PLACE_LABELS", "POSSESSIVE", "ArticleMentions", "Mention", "article_mentions",
           "citation", "extract_mentions", "normalise", "sentence_index"]
_LIST_GLUE = {",", "and", "or"}
_CREDIT_WORDS = {"image", "photo", "picture", "photograph", "credit", "credits", "source"}


def extract_mentions(articles: Sequence[AnnotatedArticle],
                     found: Mapping[str, ArticleMentions] | None = None,
                     memo: Memo | None = None) -> tuple[Mention, ...]:
    """Every named person, organisation and place, with labels agreed across the story.

    ``found`` holds each article's own mentions when they were computed (or cached) before;
    ``memo`` the previous run's per-article searches for known names.
    """
    raw: list[Mention] = []
    docs: dict[Where, Doc] = {}
    kinds: dict[Where, tuple[bool, bool]] = {}
    coordinated: list[Coordination] = []
    for annotated in articles:
        own = (found or {}).get(annotated.article.id) or article_mentions(annotated)
        raw.extend(own.mentions)
        coordinated.extend(own.coordinated)
        for ap in annotated.paragraphs:
            where = (annotated.article.id, ap.paragraph.index)
            if where in own.kinds:
                docs[where], kinds[where] = ap.doc, own.kinds[where]
    raw = apply_known_names(raw, known_names(raw, docs, coordinated), docs, kinds, memo)
    return decide_labels(raw)


@dataclass(frozen=True)
class ArticleMentions:
    """One article's names before the story-wide vote, and each paragraph's (caption, prose)
    flags: a pure function of the article's Docs, so it can be cached with them."""

    mentions: tuple[Mention, ...]
    kinds: dict[Where, tuple[bool, bool]]
    coordinated: tuple[Coordination, ...]  # "X and Y" that may be one place, in order


def article_mentions(annotated: AnnotatedArticle) -> ArticleMentions:
    """The names the model found in one article, cleaned, without picture credits."""
    raw: list[Mention] = []
    kinds: dict[Where, tuple[bool, bool]] = {}
    coordinated: list[Coordination] = []
    for ap in annotated.paragraphs:
        if ap.paragraph.kind not in ("body", "caption"):
            continue
        doc = ap.doc
        where = (annotated.article.id, ap.paragraph.index)
        caption, prose = ap.paragraph.kind == "caption", is_prose(doc)
        kinds[where] = (caption, prose)
        coordinated.extend(coordinations(doc))
        credits = _credit_sentences(doc)
        found = [make_mention(span, label, *where, caption=caption, prose=prose)
                 for span, label in clean_spans(doc)]
        found = [m for m in found if m.sentence not in credits]
        raw.extend(_list_evidence(found, doc))
    return ArticleMentions(tuple(raw), kinds, tuple(coordinated))


def is_prose(doc: Doc) -> bool:
    """A sentence-like paragraph: it opens with a word or a quotation, and it is not a
    short verbless line with a count in it.

    Table rows and chart legends ("██ X Party - 11 seats") are not prose; the names in
    them are organisations or places far more often than people.
    """
    text = doc.text.lstrip()
    if not text or not (text[0].isalnum() or text[0] in "\"“‘'([*"):
        return False
    return not (len(doc) <= 12 and any(t.like_num for t in doc)
                and not any(t.pos_ in ("VERB", "AUX") for t in doc))


def _credit_sentences(doc: Doc) -> set[int]:
    """Sentences that are picture credits ("Image: A Name."): they name no actor."""
    found = set()
    for i, token in enumerate(doc):
        if token.lower_ in _CREDIT_WORDS and i + 1 < len(doc) and doc[i + 1].text == ":" \
                and (token.is_sent_start or i == 0):
            found.add(sentence_index(doc, i))
    return found


def _list_evidence(found: Sequence[Mention], doc: Doc) -> list[Mention]:
    """Names listed together ("A, B and C") are of one kind: a name the model doubts in a
    list of people is a person; a person or organisation in a list of places after "at",
    "in"... is a place."""
    ordered = sorted(found, key=lambda m: m.start)
    groups: list[list[Mention]] = []
    for m in ordered:
        prev = groups[-1][-1] if groups else None
        glue = doc[prev.end : m.start] if prev is not None else None
        if prev is not None and glue is not None and len(glue) and all(t.lower_ in _LIST_GLUE for t in glue):
            groups[-1].append(m)
        else:
            groups.append([m])
    out: list[Mention] = []
    for group in groups:
        for m in group:
            others = [o.label for o in group if o is not m]
            if not others or m.evidence:
                out.append(m)
            elif all(label == "PERSON" for label in others) and m.label != "PERSON" \
                    and name_shaped(m.text.split()) and len(m.text.split()) > 1:
                out.append(_with_evidence(m, PERSON))
            elif any(label in PLACE_LABELS for label in others) and m.label in ("PERSON", "ORG") \
                    and not any(o.evidence for o in group) and _locative_before(doc, group[0].start):
                out.append(_with_evidence(m, PLACE))
            else:
                out.append(m)
    return out


def _with_evidence(m: Mention, evidence: str) -> Mention:
    return Mention(m.text, m.label, m.article, m.paragraph, m.sentence, m.start, m.end, m.caption,
                   m.honorific, evidence, m.quoted, m.prose)


def _locative_before(doc: Doc, start: int) -> bool:
    """A locative preposition shortly before a list: "at the park, X and Y"."""
    return any(t.lower_ in LOCATIVE for t in doc[max(0, start - 4) : start])
