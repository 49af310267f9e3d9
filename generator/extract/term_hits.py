"""Reading one article for terms: its sentences (with quoted speech marked) and every
pattern hit in them, each measured once (merge key, form, rarity, how well the sentence
explains it). All of it depends on the article alone, so it is cached with its findings;
:mod:`.term_candidates` groups the hits story-wide.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from sys import intern
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy

from ..models import AnnotatedArticle, Citation
from .term_definitions import strength
from .term_patterns import Hit, find
from .term_variants import abbreviations, token_key
from .term_words import (
    FILLER,
    HYPHENS,
    QUOTES,
    is_foreign,
    pos,
    text_key,
    units,
    word_zipf,
)
from .term_words import display as display_form
from .text import citation, sentence_starts, span_text
from .token_table import LastTable, Tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


CREDIT = re.compile(r"(image|photo|photograph|picture)s?\s*:", re.IGNORECASE)  # "Image: Name."
# Kinds found only where a term is introduced: their later uses are counted by their forms.
INTRODUCED = frozenset({"named", "institution", "abbrev", "coinage", "provision"})

SCARE_WORDS = 6  # quoted phrases up to this long are not speech
Sid = tuple[str, int, int]  # article id, paragraph index, sentence index
# One hit and its measurement as one plain tuple: a Hit's fields, then Measured's (see
# ``FIELDS``). Kept so in an article's cached findings: a rebuild of 1,000 articles reads
# 140,000 hits, and unpickling two named tuples per hit ran Python code for each (0.21 s
# of the findings' 0.29 s; as plain tuples, 0.10 s).
FlatHit = tuple[Any, ...]
# A sentence's pattern hits, each with its rarity and definition strength, and the
# abbreviations it introduces: a pure function of the sentence, so cacheable per article.
SentenceHits = tuple[tuple[FlatHit, ...], tuple[tuple[int, int, str], ...]]


class Measured(NamedTuple):
    """What one hit's tokens say, read once from the Doc (a pure function of the sentence)."""

    rarity: float
    strength: int
    key: str  # merge key (see merge_key)
    form: str  # as shown: a name the text introduces as written, else display form
    tokens: tuple[str, ...]  # token keys, for recounts
    before: str  # the word before, lower-cased ("" at the sentence start)
    named: bool  # a proper noun before it picks out which one ("the <Place> run-off")
    quoted: bool
    plural: bool
    inside_name: bool  # starts or ends inside a longer name: not a term on its own
    filler: bool  # one filler word ("issue", "thing")


FIELDS = (*Hit._fields, *Measured._fields)  # of a FlatHit


def flatten(hit: Hit, m: Measured) -> FlatHit:
    """A hit and its measurement as a :data:`FlatHit`."""
    return (*hit, *m)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the story: tokens ``start`` to ``end`` of ``doc``."""

    citation: Citation
    doc: Doc
    start: int
    end: int
    source: str  # the article's outlet
    rank: tuple[int, int]  # (article position, sentence position): reading order
    caption: bool = False
    quoted: tuple[bool, ...] = ()  # per token of the span: inside quotation marks
    skip: bool = False  # a quote in another language, or a picture credit: no terms here

    @cached_property
    def span(self) -> Span:
        """The sentence as a Span, made when first asked for: most sentences of a rebuild
        are only counted, and a Span needs the Doc of an article read from the cache."""
        return self.doc[self.start : self.end]


def sentences(articles: Sequence[AnnotatedArticle],
              found: Mapping[str, Mapping[Sid, SentenceHits]] | None = None,
              table: LastTable | None = None) -> dict[str, list[Sentence]]:
    """Body and caption sentences by article, in reading order, with quotation marks tracked
    (``found``: the articles' cached hits, which hold exactly their sentences with terms;
    ``table``: where to get token tables, when the caller needs them too)."""
    out: dict[str, list[Sentence]] = {}
    table = table if table is not None else LastTable()
    for position, art in enumerate(articles):
        own = (found or {}).get(art.article.id)
        sents = out.setdefault(art.article.id, [])
        for ap in art.paragraphs:
            if ap.paragraph.kind not in {"body", "caption"}:
                continue
            doc = ap.doc
            inside = _quote_flags(doc)
            split = doc.has_annotation("SENT_START")
            starts = (sentence_starts(doc) if len(doc) else []) if split else [0]
            for i, (start, end) in enumerate(pairwise([*starts, len(doc)])):
                # (a split Doc's citations are made once, often read back from the cache)
                cite = (citation(art.article.id, ap.paragraph.index, doc, start) if split
                        else Citation(art.article.id, ap.paragraph.index, i, span_text(doc[:]).strip()))
                skip = ((art.article.id, ap.paragraph.index, i) not in own if own is not None
                        else bool(CREDIT.match(cite.text)) or is_foreign(table(doc), start, end))
                sents.append(Sentence(cite, doc, start, end, art.article.source, (position, len(sents)),
                                      ap.paragraph.kind == "caption", inside[start:end], skip))
    return out


def _quote_flags(doc: Doc) -> tuple[bool, ...]:
    """For each token, whether it is quoted speech: between quotation marks that hold more
    than a few words, or that stay open to the end of the paragraph. Short quoted phrases
    ("one country, two systems", "riots") are the writer's coinages or scare quotes."""
    flags = [False] * len(doc)
    # Only the quotation-mark tokens matter: found at once from the token array, and read
    # as the marks they are (no Token made, nor a Doc read from the cache).
    orth = doc.to_array("ORTH")
    marks = {doc.vocab.strings.add(q): q for q in QUOTES}
    start: int | None = None
    for i in numpy.flatnonzero(numpy.isin(orth, list(marks))).tolist():
        text = marks[int(orth[i])]
        opening = text == "“" or (text == '"' and start is None)
        if opening and start is None:
            start = i
        elif not opening and start is not None:
            if i - start - 1 > SCARE_WORDS:
                flags[start : i + 1] = [True] * (i + 1 - start)
            start = None
    if start is not None:
        flags[start:] = [True] * (len(doc) - start)
    return tuple(flags)


def article_hits(annotated: AnnotatedArticle) -> dict[Sid, SentenceHits]:
    """Every sentence's pattern hits in one article (see :func:`sentence_hits`)."""
    table = LastTable()
    return {(s.citation.article, s.citation.paragraph, s.citation.sentence):
            sentence_hits(s, table(s.doc))
            for sents in sentences([annotated], table=table).values() for s in sents if not s.skip}


def sentence_hits(s: Sentence, tt: Tokens) -> SentenceHits:
    """A sentence's hits (``tt``: its Doc's token table)."""
    hits = tuple(flatten(hit, measure(s, hit, tt)) for hit in find(s.span, tt))
    return hits, tuple(abbreviations(s.span))


def measure(s: Sentence, hit: Hit, tt: Tokens) -> Measured:
    """Read everything collecting needs about one hit from the Doc's token table, once."""
    a, b, kind = hit.a, hit.b, hit.kind
    before = a - 1 if a > s.start else None
    # a name the text introduces is shown as written ("Gross Domestic Product")
    form = tt.span_text(a, b) if kind in INTRODUCED else display_form(tt, a, b)
    iob = tt.iob
    inside = ((iob[a] == "I" and kind not in {"named", "abbrev", "institution"})
              # starts inside a name: "(Puerto) Rican constitution"
              or (b < tt.n and iob[b] == "I" and kind not in {"named", "coinage"}))
    # Interned: the same words recur in hundreds of thousands of hits across a long story.
    return Measured(
        rarity=rarity(tt, a, b, kind), strength=strength(tt, s.start, s.end, a, hit.end),
        key=intern(merge_key(tt, a, b)), form=intern(form),
        tokens=tuple(intern(token_key(t)) for t in tt.text[a:b]),
        before=intern(tt.lower[before]) if before is not None else "",
        named=before is not None and tt.pos[before] == "PROPN"
        and tt.ent_type[before] not in {"DATE", "TIME"},
        quoted=bool(s.quoted) and s.quoted[a - s.start],
        plural=tt.tag[b - 1] in {"NNS", "NNPS"}, inside_name=inside,
        filler=b - a == 1 and tt.lemma[a] in FILLER)


def merge_key(tt: Tokens, a: int, b: int) -> str:
    """Merge key: spelling-insensitive, with the last word as its lemma (plurals merge)."""
    return text_key("".join(tt.lower[a : b - 1]) + tt.lemma[b - 1])


def rarity(tt: Tokens, a: int, b: int, kind: str) -> float:
    """Zipf frequency of the rarest telling word (lower = rarer).

    Plain adjectives do not count in chunks ("hardline policies" is not a term), but do where a
    pattern makes them part of the name ("indefinite detention", "the Swiss model", a status).
    The head is judged by its lemma, since plurals are rarer than their words.
    """
    us = units(tt, a, b)
    if kind == "to-verb":
        us = us[:2]
    elif kind in {"chunk", "pattern", "of"} and len(us) > 1:
        proper = kind == "pattern"
        keep = [u for u in us if pos(tt, u) == "NOUN" or (proper and tt.ent_type[u[0]] == "NORP")]
        us = keep or us
    ws = [tt.lemma[v - 1] if v == b and v - u == 1 else tt.span_text(u, v) for u, v in us]
    return min((word_zipf(w) for w in ws if w.isalpha() or set(w) & HYPHENS), default=8.0)
