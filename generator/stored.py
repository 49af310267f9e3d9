"""A paragraph's Doc as the parse cache keeps it: token arrays, made into a spaCy ``Doc``
only when something needs one.

Making the Docs of a long story's unchanged articles was a tenth of a rebuild: a Python
call per token, and spaCy working out two dozen attributes for every word new to the
process. The story-wide steps mostly read a few columns (lower-case words, quotation
marks, sentence starts) and the Doc's ``user_data``; a :class:`StoredDoc` serves those from
the arrays and builds the real Doc on the first request for anything else (a token, a
span, the entities), handing it the same ``user_data``. Tests check that every column it
serves equals the real Doc's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import IDS, IS_ALPHA, IS_STOP, LIKE_NUM, LOWER, SENT_START

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Columns worked out from each distinct word, as spaCy does when it makes a new lexeme.
_LEXICAL = (LOWER, IS_ALPHA, IS_STOP, LIKE_NUM)


class StoredDoc:
    """A Doc's token arrays (``attrs`` columns, one row per token) on ``vocab``, standing
    in for the Doc: length, ``user_data``, ``vocab``, ``to_array`` of the stored and
    lexical columns and whether sentences are set are read without making it; anything
    else is asked of the real Doc, made once (:attr:`doc`)."""

    def __init__(self, vocab: Vocab, attrs: Sequence[str], array: Any, spaces: list[bool],
                 lexicon: Lexicon) -> None:
        self.vocab = vocab
        self.user_data: dict[Any, Any] = {}
        self._attrs = tuple(IDS[a] for a in attrs)
        self._names = tuple(attrs)
        self._array = array
        self._spaces = spaces
        self._lexicon = lexicon
        # lexical columns worked out so far (LOWER is asked for twice: for the words, and
        # for where a name may start)
        self._columns: dict[int, numpy.ndarray] = {}
        self._doc: Doc | None = None

    @property
    def doc(self) -> Doc:
        """The real Doc, made on first use; it shares this one's ``user_data``."""
        if self._doc is None:
            from spacy.tokens import Doc

            orth = self._attrs.index(IDS["ORTH"])
            doc = Doc(self.vocab, words=self._array[:, orth].tolist(), spaces=self._spaces)
            doc = doc.from_array(list(self._names), self._array)
            doc.user_data = self.user_data
            self._doc = doc
        return self._doc

    def __len__(self) -> int:
        return len(self._spaces)

    def to_array(self, attr: int | str) -> numpy.ndarray:
        """``Doc.to_array`` of one attribute (other requests go to the real Doc)."""
        key = IDS[attr] if isinstance(attr, str) else attr
        if not isinstance(key, int):
            return self.doc.to_array(attr)
        if key in self._attrs:
            return self._array[:, self._attrs.index(key)]
        if key in _LEXICAL and self._doc is None:
            column = self._columns.get(key)
            if column is None:
                column = self._columns[key] = self._lexicon.column(self.to_array("ORTH"), key)
            return column
        return self.doc.to_array(attr)

    def has_annotation(self, attr: str, **kwargs: Any) -> bool:
        """``Doc.has_annotation``; sentence starts are read from the array (the first token's
        does not count, as in spaCy)."""
        if attr != "SENT_START" or kwargs or self._doc is not None or SENT_START not in self._attrs:
            return bool(self.doc.has_annotation(attr, **kwargs))
        column = self._array[:, self._attrs.index(SENT_START)]
        return len(column) < 2 or bool(column[1:].any())

    def __getitem__(self, i: Any) -> Any:
        return self.doc[i]

    def __iter__(self) -> Any:
        return iter(self.doc)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.doc, name)


class Lexicon:
    """What a run has learnt of the words of the Docs read from the cache (one per
    vocabulary): the strings already in the vocabulary's store, and the lexical attributes
    as the words' lexemes have (or would have) them. A story's articles share most of
    their words, and working these out for each Doc again cost as much as making its
    lexemes."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab: Any = vocab  # (spaCy's stubs lack ``in`` and ``lex_attr_getters``)
        self._known: dict[int, dict[int, int]] = {attr: {} for attr in _LEXICAL}
        self.added: set[int] = set()  # ids of the strings put in the vocabulary's store

    def column(self, orth: numpy.ndarray, attr: int) -> numpy.ndarray:
        """``attr`` of each word of ``orth`` (ids of words in the vocabulary's strings)."""
        known, ids = self._known[attr], orth.tolist()
        try:
            values = list(map(known.__getitem__, ids))
        except KeyError:  # words new to this run
            for h in set(ids).difference(known):
                known[h] = self._value(h, attr)
            values = list(map(known.__getitem__, ids))
        return numpy.array(values, dtype=numpy.uint64)

    def _value(self, orth: int, attr: int) -> int:
        if attr == LOWER:
            return int(self.vocab.strings.add(lower_form(self.vocab, orth)))
        return int(lexical_flag(self.vocab, attr, orth))


_LOWER_FORM: dict[int, str] = {}  # a word's id → its lower-case form (once per word and run)


def lower_form(vocab: Any, orth: int) -> str:
    """``Token.lower_`` of word ``orth``: its lexeme's, or for a word without one (in a
    :class:`StoredDoc`) what spaCy would give it."""
    form = _LOWER_FORM.get(orth)
    if form is None:
        if orth in vocab:
            form = str(vocab[orth].lower_)
        else:
            form = str(vocab.lex_attr_getters.get(LOWER, str.lower)(vocab.strings[orth]))
        _LOWER_FORM[orth] = form
    return form


def lexical_flag(vocab: Any, attr: int, orth: int) -> bool:
    """A lexical flag (``IS_ALPHA``, ``IS_STOP`` ...) of word ``orth``, as its lexeme has
    (or would have) it, without making the lexeme."""
    if orth in vocab:
        return bool(vocab[orth].check_flag(attr))
    return bool(vocab.lex_attr_getters[attr](vocab.strings[orth]))
