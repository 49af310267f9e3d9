"""One Doc's token attributes as plain Python lists, read from its arrays in one go.

The glossary's patterns look at every word of every sentence, most of them several times
(part of speech, entity type, spelling, the words around it). Through spaCy each look makes a
``Token`` and decodes a string; here each column is decoded once per Doc, on first use, and a
look is a list index. Tables are built per article and let go after it: kept for a whole
story they would cost more memory than the Docs themselves.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from spacy.tokens import Doc

_IOB = ("", "I", "O", "B")


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

    @cached_property
    def text(self) -> list[str]:
        return self._column(ORTH)

    @cached_property
    def lower(self) -> list[str]:
        return self._column(LOWER)

    @cached_property
    def tag(self) -> list[str]:
        return self._column(TAG)

    @cached_property
    def dep(self) -> list[str]:
        return self._column(DEP)

    @cached_property
    def ent_type(self) -> list[str]:
        return self._column(ENT_TYPE)

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
    def alpha(self) -> list[bool]:
        return self.doc.to_array(IS_ALPHA).astype(bool).tolist()

    @cached_property
    def stop(self) -> list[bool]:
        return self.doc.to_array(IS_STOP).astype(bool).tolist()

    @cached_property
    def like_num(self) -> list[bool]:
        return self.doc.to_array(LIKE_NUM).astype(bool).tolist()

    @cached_property
    def sent_start(self) -> list[bool]:
        """``Token.is_sent_start`` is true (not false, nor unknown)."""
        return (self.doc.to_array(SENT_START) == 1).tolist()

    @cached_property
    def space(self) -> list[bool]:
        """Whether a token is followed by whitespace."""
        return self.doc.to_array(SPACY).astype(bool).tolist()

    @cached_property
    def head(self) -> list[int]:
        """Each token's head, as a token index (HEAD is stored relative, as unsigned)."""
        rel = self.doc.to_array(HEAD).astype(numpy.int64)
        return (rel + numpy.arange(self.n, dtype=numpy.int64)).tolist()

    @cached_property
    def appositions(self) -> dict[int, list[int]]:
        """Appositions by their head, for heads before them (``Token.rights`` with dep appos)."""
        out: dict[int, list[int]] = {}
        for i, (dep, head) in enumerate(zip(self.dep, self.head, strict=True)):
            if dep == "appos" and head < i:
                out.setdefault(head, []).append(i)
        return out

    def span_text(self, a: int, b: int) -> str:
        """``doc[a:b].text``."""
        if b - a == 1:
            return self.text[a]
        text, space = self.text, self.space
        return "".join(text[i] + " " * space[i] for i in range(a, b - 1)) + text[b - 1]


class LastTable:
    """The table of the Doc asked for last: a walk over sentences in reading order builds
    each Doc's table once and holds only one at a time."""

    def __init__(self) -> None:
        self._table: TokenTable | None = None

    def __call__(self, doc: Doc) -> TokenTable:
        if self._table is None or self._table.doc is not doc:
            self._table = TokenTable(doc)
        return self._table
