"""Candidate terms: every pattern hit in every sentence, grouped by spelling-insensitive key.

A candidate keeps what the later steps need: its surface forms, the sentences that use it
(and how well each explains it), the patterns that found it and how rare its telling word is.
Names found by their introduction ("known as X", "Long Name (LN)", "The X is the ...") are
counted again wherever they recur, since no pattern fires at a plain later mention.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

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
    lemma,
    pos,
    text_key,
    units,
    word_zipf,
)
from .term_words import display as display_form
from .text import ent_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

CREDIT = re.compile(r"(image|photo|photograph|picture)s?\s*:", re.IGNORECASE)  # "Image: Name."
# Kinds found only where a term is introduced: their later uses are counted by their forms.
INTRODUCED = frozenset({"named", "institution", "abbrev", "coinage", "provision"})
# Kinds whose hit may be (or contain) an actor's name: the pattern shows it is explained.
NAME_KINDS = frozenset({"institution", "of"})

SCARE_WORDS = 6  # quoted phrases up to this long are not speech
Sid = tuple[str, int, int]  # article id, paragraph index, sentence index
SpanId = tuple[str, int, int, int]  # article id, paragraph index, token start, token end
# A sentence's pattern hits, each with its rarity and definition strength, and the
# abbreviations it introduces: a pure function of the sentence, so cacheable per article.
# (Also each token's key, for recounting introduced names.)
SentenceHits = tuple[tuple[tuple[Hit, "Measured"], ...], tuple[tuple[int, int, str], ...],
                     tuple[str, ...]]


class Measured(NamedTuple):
    """What one hit's tokens say, read once from the Doc (a pure function of the sentence)."""

    rarity: float
    strength: int
    key: str  # merge key (see _key)
    form: str  # as shown: a name the text introduces as written, else display form
    tokens: tuple[str, ...]  # token keys, for recounts
    before: str  # the word before, lower-cased ("" at the sentence start)
    named: bool  # a proper noun before it picks out which one ("the <Place> run-off")
    quoted: bool
    plural: bool
    inside_name: bool  # starts or ends inside a longer name: not a term on its own
    filler: bool  # one filler word ("issue", "thing")


@dataclass(frozen=True)
class Sentence:
    citation: Citation
    span: Span
    source: str  # the article's outlet
    rank: tuple[int, int]  # (article position, sentence position): reading order
    caption: bool = False
    quoted: tuple[bool, ...] = ()  # per token of the span: inside quotation marks
    skip: bool = False  # a quote in another language, or a picture credit: no terms here


@dataclass
class Use:
    """How one sentence uses a candidate: how well it explains it (0-3), whether every use
    in it is quoted speech, and whether a name picks out which one ("the <Place> run-off")."""

    strength: int = 0
    quoted: bool = True
    named: bool = False


@dataclass
class Candidate:
    forms: Counter[str] = field(default_factory=Counter)
    before: Counter[str] = field(default_factory=Counter)  # the word before each use
    sentences: dict[Sid, Sentence] = field(default_factory=dict)
    uses: dict[Sid, Use] = field(default_factory=dict)
    spans: set[SpanId] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    tokens: set[tuple[str, ...]] = field(default_factory=set)  # forms as token keys, for recounts
    heads: Counter[str] = field(default_factory=Counter)  # nouns after a modifier
    rarity: float = 8.0  # zipf frequency of the rarest telling word
    plural: int = 0

    @property
    def defined(self) -> int:
        return max((u.strength for u in self.uses.values()), default=0)

    def absorb(self, other: Candidate) -> None:
        """Merge another candidate's uses into this one (a variant of the same term)."""
        self.forms.update(other.forms)
        self.before.update(other.before)
        self.heads.update(other.heads)
        self.sentences.update(other.sentences)
        for sid, use in other.uses.items():
            _merge_use(self.uses, sid, use)
        self.spans |= other.spans
        self.tokens |= other.tokens
        self.plural += other.plural


def _merge_use(uses: dict[Sid, Use], sid: Sid, use: Use) -> None:
    old = uses.setdefault(sid, Use())
    old.strength = max(old.strength, use.strength)
    old.quoted = old.quoted and use.quoted
    old.named = old.named or use.named


def sentences(articles: Sequence[AnnotatedArticle],
              found: Mapping[str, Mapping[Sid, SentenceHits]] | None = None,
              ) -> dict[str, list[Sentence]]:
    """Body and caption sentences by article, in reading order, with quotation marks tracked
    (``found``: the articles' cached hits, which hold exactly their sentences with terms)."""
    out: dict[str, list[Sentence]] = {}
    for position, art in enumerate(articles):
        own = (found or {}).get(art.article.id)
        sents = out.setdefault(art.article.id, [])
        for ap in art.paragraphs:
            if ap.paragraph.kind not in {"body", "caption"}:
                continue
            doc = ap.doc
            inside = _quote_flags(doc)
            spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
            for i, span in enumerate(spans):
                cite = Citation(art.article.id, ap.paragraph.index, i, span.text.strip())
                skip = ((art.article.id, ap.paragraph.index, i) not in own if own is not None
                        else bool(CREDIT.match(cite.text)) or is_foreign(span))
                sents.append(Sentence(cite, span, art.article.source, (position, len(sents)),
                                      ap.paragraph.kind == "caption", inside[span.start : span.end], skip))
    return out


def _quote_flags(doc: Doc) -> tuple[bool, ...]:
    """For each token, whether it is quoted speech: between quotation marks that hold more
    than a few words, or that stay open to the end of the paragraph. Short quoted phrases
    ("one country, two systems", "riots") are the writer's coinages or scare quotes."""
    flags = [False] * len(doc)
    # Only the quotation-mark tokens matter: found at once from the token array.
    marks = numpy.isin(doc.to_array("ORTH"), [doc.vocab.strings.add(q) for q in QUOTES])
    start: int | None = None
    for i in numpy.flatnonzero(marks).tolist():
        tok = doc[i]
        opening = tok.text == "“" or (tok.text == '"' and start is None)
        if opening and start is None:
            start = tok.i
        elif not opening and start is not None:
            if tok.i - start - 1 > SCARE_WORDS:
                flags[start : tok.i + 1] = [True] * (tok.i + 1 - start)
            start = None
    if start is not None:
        flags[start:] = [True] * (len(doc) - start)
    return tuple(flags)


def collect(
    flat: dict[str, list[Sentence]], exclude: Collection[str],
    found: Mapping[str, Mapping[Sid, SentenceHits]] | None = None,
) -> tuple[dict[str, Candidate], set[SpanId]]:
    """Candidates by merge key, and the spans of actor names (their words are no terms either).

    ``found`` holds each article's pattern hits when they were computed (or cached) before.
    """
    names = {text_key(n) for n in exclude}
    # Multi-word names also block terms containing them ("reform uk policy"); one-word names
    # only themselves, or "council" would block "district council".
    long_names = {re.sub(r"^the ", "", n.strip().lower()) for n in exclude}
    long_names = {n for n in long_names if " " in n}
    blocked: set[SpanId] = set()
    cands: dict[str, Candidate] = defaultdict(Candidate)
    aliases: dict[str, str] = {}  # abbreviation key -> key of its expansion
    for article, sents in flat.items():
        own = (found or {}).get(article)
        for s in sents:
            if s.skip:
                continue
            sid = (s.citation.article, s.citation.paragraph, s.citation.sentence)
            pattern_hits = own[sid] if own is not None and sid in own else sentence_hits(s)
            for hit, m in _hits(s, pattern_hits, names, aliases, cands):
                if m.inside_name:
                    continue
                is_name = text_key(m.form) in names or _contains_name(m.form, long_names)
                if is_name and hit.kind not in NAME_KINDS:
                    blocked.add((s.citation.article, s.citation.paragraph, hit.a, hit.b))
                    continue  # an actor's name is never a term, unless the text explains it
                if m.filler:
                    continue
                _add(cands[m.key], s, hit, m)
    for short, key in aliases.items():
        if short in cands and short != key:
            cands[key].absorb(cands.pop(short))
    _recount(cands, flat, names, found or {})
    return cands, blocked


def article_hits(annotated: AnnotatedArticle) -> dict[Sid, SentenceHits]:
    """Every sentence's pattern hits in one article (see :func:`sentence_hits`)."""
    return {(s.citation.article, s.citation.paragraph, s.citation.sentence): sentence_hits(s)
            for sents in sentences([annotated]).values() for s in sents if not s.skip}


def sentence_hits(s: Sentence) -> SentenceHits:
    hits = tuple((hit, measure(s, hit)) for hit in find(s.span))
    return hits, tuple(abbreviations(s.span)), tuple(token_key(t.text) for t in s.span)


def measure(s: Sentence, hit: Hit) -> Measured:
    """Read everything collecting needs about one hit from the Doc, once."""
    doc = s.span.doc
    a, b, kind = hit.a, hit.b, hit.kind
    before = doc[a - 1] if a > s.span.start else None
    # a name the text introduces is shown as written ("Gross Domestic Product")
    form = doc[a:b].text if kind in INTRODUCED else display_form(doc[a:b])
    inside = ((doc[a].ent_iob_ == "I" and kind not in {"named", "abbrev", "institution"})
              # starts inside a name: "(Puerto) Rican constitution"
              or (b < len(doc) and doc[b].ent_iob_ == "I" and kind not in {"named", "coinage"}))
    return Measured(
        rarity=rarity(doc, a, b, kind), strength=strength(s.span, a, hit.end),
        key=_key(doc, a, b), form=form, tokens=tuple(token_key(t.text) for t in doc[a:b]),
        before=before.lower_ if before is not None else "",
        named=before is not None and before.pos_ == "PROPN"
        and before.ent_type_ not in {"DATE", "TIME"},
        quoted=bool(s.quoted) and s.quoted[a - s.span.start],
        plural=doc[b - 1].tag_ in {"NNS", "NNPS"}, inside_name=inside,
        filler=b - a == 1 and lemma(doc[a]) in FILLER)


def _hits(s: Sentence, found: SentenceHits, names: set[str], aliases: dict[str, str],
          cands: dict[str, Candidate]) -> list[tuple[Hit, Measured]]:
    """The pattern hits of a sentence, and the expansions of abbreviations it introduces
    (recorded in ``aliases``, the abbreviation's token in its expansion's candidate)."""
    doc = s.span.doc
    hits = list(found[0])
    for a, b, short in found[1]:
        if not {text_key(doc[a:b].text), text_key(short)} & names:
            aliases[text_key(short)] = _key(doc, a, b)
            cands[_key(doc, a, b)].tokens.add((token_key(short),))
            hit = Hit(a, b, "abbrev", b, strength=1)
            hits.append((hit, measure(s, hit)))
    return hits


def _contains_name(form: str, long_names: set[str]) -> bool:
    ws = form.lower().split()
    return any(" ".join(ws[i:j]) in long_names for i in range(len(ws)) for j in range(i + 2, len(ws) + 1))


def _key(doc: Doc, a: int, b: int) -> str:
    """Merge key: spelling-insensitive, with the last word as its lemma (plurals merge)."""
    return text_key("".join(t.lower_ for t in doc[a : b - 1]) + lemma(doc[b - 1]))


def _add(cand: Candidate, s: Sentence, hit: Hit, m: Measured) -> None:
    """Record one use of a candidate."""
    span = (s.citation.article, s.citation.paragraph, hit.a, hit.b)
    sid = (s.citation.article, s.citation.paragraph, s.citation.sentence)
    cand.kinds.add(hit.kind)
    cand.rarity = min(cand.rarity, m.rarity)
    _merge_use(cand.uses, sid, Use(max(hit.strength, m.strength), m.quoted, m.named))
    if hit.head:
        cand.heads[hit.head] += 1
    if span in cand.spans:  # found by two patterns: count the use once
        return
    cand.spans.add(span)
    cand.tokens.add(m.tokens)
    cand.forms[m.form] += 1
    cand.before[m.before] += 1
    cand.plural += m.plural
    cand.sentences[sid] = s


def rarity(doc: Doc, a: int, b: int, kind: str) -> float:
    """Zipf frequency of the rarest telling word (lower = rarer).

    Plain adjectives do not count in chunks ("hardline policies" is not a term), but do where a
    pattern makes them part of the name ("indefinite detention", "the Swiss model", a status).
    The head is judged by its lemma, since plurals are rarer than their words.
    """
    us = units(doc[a:b])
    if kind == "to-verb":
        us = us[:2]
    elif kind in {"chunk", "pattern", "of"} and len(us) > 1:
        proper = kind == "pattern"
        keep = [u for u in us if pos(doc, u) == "NOUN" or (proper and doc[u[0]].ent_type_ == "NORP")]
        us = keep or us
    ws = [lemma(doc[v - 1]) if v == b and v - u == 1 else doc[u:v].text for u, v in us]
    return min((word_zipf(w) for w in ws if w.isalpha() or set(w) & HYPHENS), default=8.0)


def _recount(cands: dict[str, Candidate], flat: dict[str, list[Sentence]], names: set[str],
             found: Mapping[str, Mapping[Sid, SentenceHits]]) -> None:
    """Count every later use of an introduced name, however it was tagged there."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for key, cand in cands.items():
        if cand.kinds & INTRODUCED:
            for toks in cand.tokens:
                # one capitalised word is a name ("Remain"), matched as written; a longer form
                # is matched whatever its case ("members of Parliament")
                match = toks if len(toks) == 1 else tuple(t.lower() for t in toks)
                index[match[0]].append((match, key))
    if not index:
        return
    for article, sents in flat.items():
        own = found.get(article) or {}
        for s in sents:
            if s.skip:
                continue
            cached = own.get((s.citation.article, s.citation.paragraph, s.citation.sentence))
            keys = cached[2] if cached is not None else tuple(token_key(t.text) for t in s.span)
            for a, b, key in _matches(s.span, keys, index, names):
                hit = Hit(a, b, "use", b)
                _add(cands[key], s, hit, measure(s, hit))


def _matches(
    sent: Span, keys: Sequence[str], index: dict[str, list[tuple[tuple[str, ...], str]]],
    names: set[str],
) -> Iterable[tuple[int, int, str]]:
    doc = sent.doc
    lower = [k.lower() for k in keys]
    for i, k in enumerate(keys):
        for toks, key in [*index.get(k, ()), *(index.get(lower[i], ()) if lower[i] != k else ())]:
            j = i + len(toks)
            if tuple(keys[i:j] if len(toks) == 1 else lower[i:j]) != toks:
                continue
            a, b = sent.start + i, sent.start + j
            glued = (a > 0 and doc[a - 1].text in HYPHENS and not doc[a - 1].whitespace_) or (
                b < len(doc) and doc[b].text in HYPHENS and not doc[b - 1].whitespace_
            )
            ent = ent_at(doc, a)
            # inside a longer name ("the X Party") it is part of that name, unless the name only
            # places it ("the X of <Country>")
            name = text_key(ent.text) if ent is not None else ""
            longer = bool(name) and name != text_key(doc[a:b].text)
            placed = b < len(doc) and doc[b].lower_ in {"of", "in"}
            inside_name = longer and not placed and name in names
            if not glued and not inside_name:
                yield a, b, key
