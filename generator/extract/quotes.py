"""Direct quotes and who said them.

A quote is text between quotation marks with a speaker: the subject of a reporting
verb next to it ("X said", "she will warn"). A paragraph that opens a quotation with
no cue of its own continues the previous paragraph's speaker. Quoted words with no
speaker nearby are scare quotes, not quotes. Unnamed sources stay unnamed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..models import AnnotatedArticle, Citation
from .actors import Cast
from .lexicon import SPEECH_VERBS, UNNAMED_SPEAKERS
from .mentions import sentence_index

_OPEN = "“\"‘"
_QUOTE = re.compile(r"[“\"]([^”\"]+)(?:[”\"]|$)")
_PRONOUNS = {"he", "she", "they"}


@dataclass(frozen=True)
class QuoteFinding:
    """A quote with its speaker: an actor key, or None with ``speaker_text`` for a source
    the article does not name; ``about`` is the actor such a source is close to."""

    text: str
    citation: Citation
    speaker: str | None
    speaker_text: str
    about: str | None = None


def extract_quotes(articles: Sequence[AnnotatedArticle], cast: Cast) -> tuple[QuoteFinding, ...]:
    """All attributed quotes in the body text, in reading order."""
    found: list[QuoteFinding] = []
    for annotated in articles:
        previous: QuoteFinding | None = None
        open_quote = False  # did the previous paragraph leave a quotation open?
        for ap in annotated.paragraphs:
            if ap.paragraph.kind != "body":
                continue
            text, doc = ap.paragraph.text, ap.doc
            spans = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text)]
            continues = open_quote and text[:1] in _OPEN
            open_quote = _leaves_open(text)
            paragraph_found = []
            for n, (start, end) in enumerate(spans):
                quote = text[start:end].strip().rstrip(",")
                if not quote:
                    continue
                where = _sentence_of(doc, start)
                cite = Citation(annotated.article.id, ap.paragraph.index, sentence_index(doc, where.i),
                                where.sent.text.strip())
                speaker = _speaker(doc, start, end, spans, annotated.article.id, ap.paragraph.index, cast)
                if speaker is None and n == 0 and continues and previous is not None:
                    speaker = (previous.speaker, previous.speaker_text, previous.about)
                if speaker is None:
                    continue  # scare quotes: no one says these words
                if len(quote.split()) < 2 and not speaker[0]:
                    continue
                if _labelled_by_other(doc, start):
                    continue  # "the party's “open borders” policy": someone's label, not a quote
                finding = QuoteFinding(quote, cite, *speaker)
                paragraph_found.append(finding)
            found.extend(paragraph_found)
            if paragraph_found:
                previous = paragraph_found[-1]
            elif not continues:
                previous = None
    return tuple(found)


def _labelled_by_other(doc: Doc, char: int) -> bool:
    """A short quoted phrase right after a possessive names another's policy or phrase."""
    i = _sentence_of(doc, char).i
    while i > 0 and doc[i - 1].text in ("“", '"', "‘"):
        i -= 1
    return i > 0 and doc[i - 1].tag_ == "POS"


def _leaves_open(text: str) -> bool:
    """True when a paragraph opens a quotation it never closes (continued next paragraph)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _sentence_of(doc: Doc, char: int) -> Token:
    for token in doc:
        if token.idx + len(token) > char:
            return token
    return doc[-1]


def _speaker(
    doc: Doc, start: int, end: int, spans: Sequence[tuple[int, int]], article: str, paragraph: int,
    cast: Cast,
) -> tuple[str | None, str, str | None] | None:
    """(actor key, how the text names the speaker, related actor) or None if no speaker."""
    inside = [(s - 1, e + 1) for s, e in spans]
    first = _sentence_of(doc, start).sent
    last = _sentence_of(doc, max(start, end - 1)).sent
    window = list(doc[first.start : last.end])
    # A quote that ends its sentence is often attributed in a short next one: "...". she said.
    if last.end < len(doc):
        following = doc[last.end].sent
        if len(following) <= 6:
            window.extend(following)
    verbs = [t for t in window if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")
             and not any(s <= t.idx < e for s, e in inside)]
    # Prefer the verb nearest the quote.
    verbs.sort(key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    for verb in verbs:
        subject = _subject(verb)
        if subject is not None:
            resolved = _resolve(subject, article, paragraph, cast)
            if resolved is not None:
                return resolved
    return None


def _subject(verb: Token) -> Token | None:
    """The subject of a reporting verb, looking through coordination and relative clauses."""
    token = verb
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in ("who", "that") and token.dep_ == "relcl":
            return token.head  # "Angela Rayner, who said ..."
        if subject is not None:
            return subject
        if token.dep_ == "relcl" or (token.head.pos_ in ("PROPN", "NOUN") and token.dep_ != "ROOT" \
                and token.head.dep_ == "ROOT"):
            return token.head
        if token.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or token.head is token:
            return None
        token = token.head
    return None


def _resolve(
    subject: Token, article: str, paragraph: int, cast: Cast
) -> tuple[str | None, str, str | None] | None:
    phrase = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    key = cast.at(article, paragraph, subject.i)
    if key is None:
        # The subject's own name may sit in a compound ("Green leader Zack Polanski").
        key = next((k for t in phrase if (k := cast.at(article, paragraph, t.i))
                    and t.head == subject), None)
    if key is not None and subject.lower_ not in UNNAMED_SPEAKERS:
        # The speaker's name: the run of tokens around the subject that name the same actor.
        start = end = next((t.i for t in phrase if cast.at(article, paragraph, t.i) == key),
                           subject.i)
        while start > 0 and cast.at(article, paragraph, start - 1) == key:
            start -= 1
        while end + 1 < len(subject.doc) and cast.at(article, paragraph, end + 1) == key:
            end += 1
        return key, subject.doc[start : end + 1].text, None
    if subject.lower_ in _PRONOUNS - {"they"}:
        person = cast.last_person_before(article, paragraph, subject.i)
        return (person, subject.text, None) if person else None
    if subject.lower_ in UNNAMED_SPEAKERS:
        about = next((k for t in phrase if (k := cast.at(article, paragraph, t.i))), None)
        return None, phrase.text, about
    return None
