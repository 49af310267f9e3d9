"""Per-Doc helpers shared by the extractors: sentence lookup, quotation marks, citations,
and finding tokens by their lower-case form without a Python object per token.

Looking a sentence up by walking ``doc.sents`` for every mention is quadratic in the
paragraph's length; the sentence starts and the quoted-token mask are computed once per
Doc and kept in ``doc.user_data``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import NamedTuple

import numpy
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from ..annotate import TEXT
from ..models import Citation
from ..stored import lower_form

_STARTS = "explainer.sentence_starts"
_ENTS = "explainer.ents"
_ENT_STARTS = "explainer.ent_starts"
_QUOTED = "explainer.quoted"
_CITATIONS = "explainer.citations"
_IDS = StringStore()  # only asked for ids, never added to
OPENING = {"“", "«"}
CLOSING = {"”", "»"}
STRAIGHT = {'"', "''", "``"}


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence's first token (cached on the Doc)."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = [s.start for s in doc.sents] if len(doc) else [0]
        doc.user_data[_STARTS] = starts
    return starts


def span_text(span: Span) -> str:
    """``span.text``, cut from the text the Doc was made from (kept on it when annotated)
    rather than joined from a Python object per token."""
    doc = span.doc
    if span.start == span.end:
        return ""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text[span.start_char : span.end_char]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc (spaCy rebuilds the tuple from every token on
    each access, and ``Span.ents`` does so for every sentence)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def ents_in(span: Span) -> list[Span]:
    """The entities lying wholly inside ``span``, like ``span.ents``."""
    doc = span.doc
    ents = doc_ents(doc)
    starts = doc.user_data.get(_ENT_STARTS)
    if starts is None:
        starts = doc.user_data[_ENT_STARTS] = [e.start for e in ents]
    found = []
    # Entities never overlap and come in order: only those from the span's start are read.
    for i in range(bisect_left(starts, span.start), len(ents)):
        if starts[i] >= span.end:
            break
        if ents[i].end <= span.end:
            found.append(ents[i])
    return found


def sentence_index(doc: Doc, token_i: int) -> int:
    """0-based index of the sentence holding token ``token_i``."""
    return max(0, bisect_right(sentence_starts(doc), token_i) - 1)


def sentence_of(doc: Doc, token_i: int) -> Span:
    """The sentence holding token ``token_i``."""
    starts = sentence_starts(doc)
    n = sentence_index(doc, token_i)
    end = starts[n + 1] if n + 1 < len(starts) else len(doc)
    return doc[starts[n] : end]


def citation(article: str, paragraph: int, doc: Doc, token_i: int) -> Citation:
    """Cite the sentence holding token ``token_i`` (made once per sentence: a long story
    cites the same sentences tens of thousands of times)."""
    n = sentence_index(doc, token_i)
    made = doc.user_data.setdefault(_CITATIONS, {})
    cite = made.get((article, paragraph, n))
    if cite is None:
        cite = made[(article, paragraph, n)] = Citation(
            article, paragraph, n, span_text(sentence_of(doc, token_i)).strip())
    return cite


# One paragraph's sentences as a cached article keeps them: each sentence's first token and
# its citation.
SentenceTable = tuple[tuple[int, ...], tuple[Citation, ...]]


def sentence_table(article: str, paragraph: int, doc: Doc) -> SentenceTable:
    """Every sentence of a paragraph's Doc: its first token and its citation (none for a Doc
    without sentence boundaries)."""
    if len(doc) and not doc.has_annotation("SENT_START"):
        return (), ()
    starts = sentence_starts(doc)
    return tuple(starts), tuple(citation(article, paragraph, doc, i) for i in starts)


def restore_sentences(doc: Doc, table: SentenceTable) -> None:
    """Give a Doc the sentence starts and citations :func:`sentence_table` took from it
    when its article was first read: a rebuild of 1,000 articles cites 34,000 sentences of
    unchanged ones, and reading their citations back cost 0.03-0.06 s against about 0.3 s
    for working them out again."""
    starts, cites = table
    if not starts:
        return
    doc.user_data[_STARTS] = list(starts)
    doc.user_data[_CITATIONS] = {(c.article, c.paragraph, c.sentence): c for c in cites}


def quoted(doc: Doc) -> list[bool]:
    """For each token, whether it stands between quotation marks (cached on the Doc).

    Curly marks open and close; straight double quotes toggle. A paragraph whose quotation
    is left open runs to its end (the quote continues in the next paragraph).
    """
    mask = doc.user_data.get(_QUOTED)
    if mask is None:
        mask, inside, after = [False] * len(doc), False, 0
        # Only the quotation marks change the state: found at once from the token array,
        # and read as the marks they are (no Token made, nor a Doc read from the cache).
        orth = doc.to_array("ORTH")
        marks = {doc.vocab.strings.add(m): m for m in (*OPENING, *CLOSING, *STRAIGHT)}
        for i in numpy.flatnonzero(numpy.isin(orth, list(marks))).tolist():
            if inside:
                mask[after:i] = [True] * (i - after)
            text = marks[int(orth[i])]
            inside = text in OPENING or (text in STRAIGHT and not inside)
            after = i + 1
        if inside:
            mask[after:] = [True] * (len(doc) - after)
        doc.user_data[_QUOTED] = mask
    return mask


def is_quoted(doc: Doc, start: int, end: int) -> bool:
    """True when every token of ``doc[start:end]`` is inside quotation marks."""
    mask = quoted(doc)
    return all(mask[start:end])


class Words(NamedTuple):
    """Some tokens of a Doc as written, read from its arrays (no Token made, nor a Doc read
    from the cache): each word and whether whitespace follows it."""

    words: list[str]
    spaces: list[bool]

    def text(self, a: int = 0, b: int | None = None) -> str:
        """The text of words ``a`` to ``b``, as ``Span.text`` gives it."""
        b = len(self.words) if b is None else b
        return "".join(w + " " * s for w, s in zip(self.words[a : b - 1], self.spaces[a : b - 1],
                                                 strict=True)) + self.words[b - 1] if b > a else ""


def span_words(doc: Doc, start: int, end: int) -> Words:
    """Tokens ``start`` to ``end`` of ``doc`` (see :class:`Words`)."""
    strings = doc.vocab.strings
    return Words([strings[h] for h in doc.to_array("ORTH")[start:end].tolist()],
                 doc.to_array("SPACY")[start:end].astype(bool).tolist())


# A word's lower-case form's id, by the word's id, and the form by its id (once per word
# and run).
_LOWER_ID: dict[int, int] = {}
_LOWER_TEXT: dict[int, str] = {}


def lower_ids(doc: Doc) -> list[int]:
    """``Doc.to_array("LOWER")`` as a list, from the words as written (see
    :func:`generator.stored.lower_form`): a Doc read from the cache has no lexemes."""
    ids = doc.to_array("ORTH").tolist() if len(doc) else []
    try:
        return list(map(_LOWER_ID.__getitem__, ids))
    except KeyError:  # words new to this run
        for h in set(ids).difference(_LOWER_ID):
            form = lower_form(doc.vocab, h)
            _LOWER_ID[h] = lower = _IDS[form]
            _LOWER_TEXT[lower] = form
        return list(map(_LOWER_ID.__getitem__, ids))


def lower_text(lower_id: int) -> str:
    """The lower-case form with this id, as :func:`lower_ids` gave it."""
    return _LOWER_TEXT[lower_id]


def first_word_ids(words: Iterable[str]) -> frozenset[int]:
    """The ids of the lower-case forms a phrase's first word can have in a Doc (with
    straight or curly apostrophes), for :func:`starts_among`. A word's id is the same in
    every string store: its hash, or for common words spaCy's fixed symbol id."""
    return frozenset(_IDS[form] for w in words for form in (w, w.replace("'", "’")))


def starts_among(doc: Doc, ids: frozenset[int]) -> list[int]:
    """Indices of the tokens whose lower-case form is one of ``ids`` (read from the Doc's
    token array, without making a Python object per token)."""
    if not len(doc) or not ids:
        return []
    return [i for i, h in enumerate(lower_ids(doc)) if h in ids]
