"""One Doc's token attributes as plain Python lists, read from its arrays in one go.

The glossary's patterns look at every word of every sentence, most of them several times
(part of speech, entity type, spelling, the words around it). Through spaCy each look makes a
``Token`` and decodes a string; here each column is decoded once per Doc, on first use, and a
look is a list index. Tables are built per article and let go after it: kept for a whole
story they would cost more memory than the Docs themselves. Where a Doc is looked at in only a
few places (story-wide recounts), :class:`TokenView` reads the same columns from the Tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IS_ALPHA,
    IS_STOP,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.parts_of_speech import NAMES as POS_NAMES

from ..stored import lexical_flag
from .text import span_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

_IOB = ("", "I", "O", "B")
T = TypeVar("T")


class Tokens(Protocol):
    """What the glossary's patterns read of a Doc, token by index (see :class:`TokenTable`)."""

    @property
    def doc(self) -> Doc: ...
    @property
    def n(self) -> int: ...
    @property
    def text(self) -> Sequence[str]: ...
    @property
    def lower(self) -> Sequence[str]: ...
    @property
    def tag(self) -> Sequence[str]: ...
    @property
    def dep(self) -> Sequence[str]: ...
    @property
    def ent_type(self) -> Sequence[str]: ...
    @property
    def pos(self) -> Sequence[str]: ...
    @property
    def lemma(self) -> Sequence[str]: ...
    @property
    def iob(self) -> Sequence[str]: ...
    @property
    def alpha(self) -> Sequence[bool]: ...
    @property
    def stop(self) -> Sequence[bool]: ...
    @property
    def like_num(self) -> Sequence[bool]: ...
    @property
    def sent_start(self) -> Sequence[bool]: ...
    @property
    def space(self) -> Sequence[bool]: ...
    @property
    def head(self) -> Sequence[int]: ...
    def appositions_of(self, head: int) -> Sequence[int]: ...
    def left_edge(self, i: int, start: int) -> int: ...
    def span_text(self, a: int, b: int) -> str: ...


def left_edge(head: Sequence[int], i: int, start: int) -> int:
    """``Token.left_edge``: the first token of token ``i``'s subtree (in its sentence, which
    starts at ``start``), read from each token's head."""
    for j in range(start, i):
        k, steps = j, i - start
        while k != i and head[k] != k and steps:  # up from j: does it reach i?
            k, steps = head[k], steps - 1
        if k == i:
            return j
    return i


class TokenTable:
    """Columns of one Doc, each a list indexed like the Doc's tokens (``lemma`` as
    :func:`generator.extract.term_words.lemma` reads it: lower case, the text when unset)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        self._strings = doc.vocab.strings

    def _column(self, attr: int, lower: bool = False) -> list[str]:
        # each distinct string is decoded once: a Doc holds few distinct tags or labels
        uniq, inverse = numpy.unique(self.doc.to_array(attr), return_inverse=True)
        strings = self._strings
        names = [strings[h].lower() if lower else strings[h] for h in uniq.tolist()]
        return numpy.array(names, dtype=object)[inverse].tolist()

    def _flags(self, attr: int) -> list[bool]:
        return self.doc.to_array(attr).astype(bool).tolist()

    text = cached_property(lambda self: self._column(ORTH))
    lower = cached_property(lambda self: self._column(LOWER))
    tag = cached_property(lambda self: self._column(TAG))
    dep = cached_property(lambda self: self._column(DEP))
    ent_type = cached_property(lambda self: self._column(ENT_TYPE))
    alpha = cached_property(lambda self: self._flags(IS_ALPHA))
    stop = cached_property(lambda self: self._flags(IS_STOP))
    like_num = cached_property(lambda self: self._flags(LIKE_NUM))
    space = cached_property(lambda self: self._flags(SPACY))  # followed by whitespace

    @cached_property
    def pos(self) -> list[str]:
        return [POS_NAMES[p] for p in self.doc.to_array(POS).tolist()]

    @cached_property
    def lemma(self) -> list[str]:
        lemmas = self._column(LEMMA, lower=True)
        if "" in lemmas:  # no lemma: the word itself
            lemmas = [lem or text.lower() for lem, text in zip(lemmas, self.text, strict=True)]
        return lemmas

    @cached_property
    def iob(self) -> list[str]:
        return [_IOB[i] for i in self.doc.to_array(ENT_IOB).tolist()]

    @cached_property
    def sent_start(self) -> list[bool]:
        """``Token.is_sent_start`` is true (not false, nor unknown)."""
        return (self.doc.to_array(SENT_START) == 1).tolist()

    @cached_property
    def head(self) -> list[int]:
        """Each token's head, as a token index (HEAD is stored relative, as unsigned)."""
        rel = self.doc.to_array(HEAD).astype(numpy.int64)
        return (rel + numpy.arange(self.n, dtype=numpy.int64)).tolist()

    @cached_property
    def _appositions(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i, (dep, head) in enumerate(zip(self.dep, self.head, strict=True)):
            if dep == "appos" and head < i:
                out.setdefault(head, []).append(i)
        return out

    def appositions_of(self, head: int) -> Sequence[int]:
        """The appositions after a token (``Token.rights`` with dep appos)."""
        return self._appositions.get(head, ())

    def left_edge(self, i: int, start: int) -> int:
        return left_edge(self.head, i, start)

    def span_text(self, a: int, b: int) -> str:
        """``doc[a:b].text``."""
        if b - a == 1:
            return self.text[a]
        text, space = self.text, self.space
        return "".join(text[i] + " " * space[i] for i in range(a, b - 1)) + text[b - 1]


class _Column(Sequence[T]):
    """One attribute of a Doc's tokens, read from its token array at each look."""

    def __init__(self, values: Any, read: Callable[[int], T]) -> None:
        self._values, self._read = values, read

    def __len__(self) -> int:
        return len(self._values)

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> list[T]: ...
    def __getitem__(self, i: int | slice) -> T | list[T]:
        read, values = self._read, self._values
        if isinstance(i, slice):
            return [read(v) for v in values[i].tolist()]
        return read(int(values[i]))


class TokenView:
    """The columns of :class:`TokenTable`, each token decoded when looked at: cheaper than
    decoding whole columns when only a few tokens of a Doc are looked at. It reads the
    Doc's arrays, never its Tokens, so the Doc of an article read from the cache is not
    made (:class:`~generator.stored.StoredDoc`)."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.n = doc, len(doc)
        vocab = doc.vocab
        strings = vocab.strings
        orth = doc.to_array(ORTH)
        self._orth = orth
        word = strings.__getitem__
        self.text: _Column[str] = _Column(orth, word)
        self.lower: _Column[str] = _Column(orth, lambda h: word(h).lower())
        self.tag: _Column[str] = _Column(doc.to_array(TAG), word)
        self._dep = doc.to_array(DEP)
        self.dep: _Column[str] = _Column(self._dep, word)
        self.ent_type: _Column[str] = _Column(doc.to_array(ENT_TYPE), word)
        self.pos: _Column[str] = _Column(doc.to_array(POS), POS_NAMES.__getitem__)
        self.iob: _Column[str] = _Column(doc.to_array(ENT_IOB), _IOB.__getitem__)
        lemmas = doc.to_array(LEMMA)
        # as term_words.lemma reads a Token: lower case, the text when unset
        self.lemma: _Column[str] = _Column(numpy.arange(self.n), lambda i: (
            word(int(lemmas[i])) or word(int(orth[i]))).lower())
        self.alpha: _Column[bool] = _Column(orth, partial(lexical_flag, vocab, IS_ALPHA))
        self.stop: _Column[bool] = _Column(orth, partial(lexical_flag, vocab, IS_STOP))
        self.like_num: _Column[bool] = _Column(orth, partial(lexical_flag, vocab, LIKE_NUM))
        self.sent_start: _Column[bool] = _Column(doc.to_array(SENT_START), (1).__eq__)
        self.space: _Column[bool] = _Column(doc.to_array(SPACY), bool)
        self._head = doc.to_array(HEAD).astype(numpy.int64) + numpy.arange(self.n, dtype=numpy.int64)
        self.head: _Column[int] = _Column(self._head, int)

    def appositions_of(self, head: int) -> Sequence[int]:
        """``Token.rights`` with dep appos: the tokens after ``head`` that it governs."""
        appos = self.doc.vocab.strings.add("appos")
        return [int(j) + head + 1 for j in numpy.flatnonzero(
            (self._head[head + 1 :] == head) & (self._dep[head + 1 :] == appos)).tolist()]

    def left_edge(self, i: int, start: int) -> int:
        return left_edge(self.head, i, start)

    def span_text(self, a: int, b: int) -> str:
        return span_words(self.doc, a, b).text()


class LastTable:
    """The table (or view) of the Doc asked for last: a walk over sentences in reading order
    builds each Doc's table once and holds only one at a time."""

    def __init__(self, make: Callable[[Doc], Tokens] = TokenTable) -> None:
        self._make = make
        self._table: Tokens | None = None

    def __call__(self, doc: Doc) -> Tokens:
        if self._table is None or self._table.doc is not doc:
            self._table = self._make(doc)
        return self._table
