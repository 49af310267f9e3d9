"""Glossary extraction: the policy, legal and procedural terms a general reader needs explained.

Generic heuristics only (POS patterns, word rarity, recurrence, definitional phrasing) on docs
that arrive already annotated; nothing about any particular story is built in.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from generator.models import AnnotatedArticle, Citation, TermOverride

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MAX_TERMS = 12
MIN_SCORE = 3.5

# Heads naming a rule, procedure or status: "<noun|proper adj> <head>" is a likely term.
CONCEPT_HEADS = _words(
    "model system scheme act bill order status policy inquiry procedure rule law treaty "
    "agreement deal referendum motion amendment ruling mandate regime programme program "
    "hearing trial vote election process clause test doctrine approach plan"
)
# Heads naming a body: a term after a noun ("district council"), a name after a proper
# adjective ("Republican committee"), so only the first counts.
BODY_HEADS = _words("council tribunal committee assembly commission")
# Tokens of these entities never belong in a term (names, dates, numbers); NORP and LAW may.
BLOCKED_ENTS = _words(
    "PERSON GPE ORG LOC FAC DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY EVENT "
    "WORK_OF_ART PRODUCT LANGUAGE"
)
# Generic nouns never worth an entry on their own, whatever their frequency.
FILLER = _words(
    "people person thing way idea time year day week month country party result "
    "government number part side case lot kind sort fact issue area level group member "
    "official source report statement comment view place"
)
# Verbs that, right after a term as subject, introduce what it is or does.
DEFINING_VERBS = _words("mean refer allow give let require enable permit provide involve")
AGENT_SUFFIXES = ("er", "or", "ist", "man", "ers", "ors", "ists", "men")
PREPOSITIONS = _words("in on at under by into out of for")
# A sentence that draws its point from the one before: "That is why we will follow X".
ANAPHORIC = re.compile(
    r"^\W*(?:(?:this|that|it|which)(?:\s+is|'s|’s)\s+(?:why|how|what)|so|thus|therefore|hence)\b",
    re.IGNORECASE,
)
HYPHENS = frozenset("-‐‑")
QUOTES = frozenset('"“”')
CREDIT = re.compile(r"(image|photo|photograph|picture)s?\s*:", re.IGNORECASE)  # "Image: Name."
FOREIGN_LANGS = ("es", "fr", "de", "it", "pt", "nl")

Sid = tuple[str, int, int]  # article id, paragraph index, sentence index
SpanId = tuple[str, int, int, int]  # article id, paragraph index, token start, token end


@dataclass(frozen=True)
class TermDraft:
    """A glossary entry before ids are assigned; ``score`` ranks entries (higher first)."""

    term: str
    variants: tuple[str, ...]
    definition: str
    definition_source: Citation | None
    sources: tuple[Citation, ...]
    editor_definition: bool
    score: float


@dataclass(frozen=True)
class _Sentence:
    citation: Citation
    span: Span
    source: str  # the article's outlet
    rank: tuple[int, int]  # (article position, sentence position): reading order


@dataclass
class _Candidate:
    forms: Counter[str] = field(default_factory=Counter)
    before: Counter[str] = field(default_factory=Counter)  # the word before each use
    sentences: dict[Sid, _Sentence] = field(default_factory=dict)
    defining: dict[Sid, int] = field(default_factory=dict)  # how well each sentence explains it
    spans: set[SpanId] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    rarity: float = 8.0  # zipf frequency of the rarest telling word
    plural: int = 0


@lru_cache(maxsize=16384)
def _zipf(word: str, lang: str = "en") -> float:
    return float(zipf_frequency(word, lang))


def _text_key(text: str) -> str:
    """Spelling-insensitive key: "The By-election" and "byelection" -> "byelection"."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", text.strip().lower()))


def _word_zipf(word: str) -> float:
    """Rarity of a word; a hyphenated compound is judged by its closed form when that is known."""
    parts = [p for p in re.split(r"[-‐‑]", word.lower()) if p]
    closed = _zipf("".join(parts))
    return closed if closed > 0 or len(parts) < 2 else min(_zipf(p) for p in parts)


def _lemma(tok: Token) -> str:
    return str(tok.lemma_ or tok.text).lower()


def _pos(doc: Doc, unit: tuple[int, int]) -> str:
    return str(doc[unit[1] - 1].pos_)


def _is_proper_adj(tok: Token) -> bool:
    """A nationality-style adjective ("Danish"), not one capitalised by starting a sentence."""
    if tok.ent_type_ == "NORP":
        return True
    return tok.pos_ == "ADJ" and tok.text[:1].isupper() and not tok.is_sent_start


def _display(span: Span) -> str:
    """Surface form, lowercase except for proper adjectives ("Danish model")."""
    return "".join((t.text if _is_proper_adj(t) else t.lower_) + t.whitespace_ for t in span).strip()


def _sentences(articles: Sequence[AnnotatedArticle]) -> dict[str, list[_Sentence]]:
    out: dict[str, list[_Sentence]] = {}
    for pos, art in enumerate(articles):
        sents = out.setdefault(art.article.id, [])
        for ap in art.paragraphs:
            doc = ap.doc
            spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
            for i, span in enumerate(spans):
                cite = Citation(art.article.id, ap.paragraph.index, i, span.text.strip())
                sents.append(_Sentence(cite, span, art.article.source, (pos, len(sents))))
    return out


def _is_foreign(sent: Span) -> bool:
    """A quote in another language: most of its words are commoner elsewhere than in English."""
    words = [t.lower_ for t in sent if t.is_alpha]
    foreign = sum(_zipf(w) < max(_zipf(w, lang) for lang in FOREIGN_LANGS) - 0.5 for w in words)
    return len(words) >= 4 and foreign > 0.4 * len(words)


def _units(span: Span) -> list[tuple[int, int]]:
    """Token ranges of words, re-joining compounds spaCy splits ("by", "-", "election")."""
    doc, units, i = span.doc, [], span.start
    while i < span.end:
        j = i + 1
        while (
            j + 1 < span.end
            and doc[j].text in HYPHENS
            and not doc[j - 1].whitespace_
            and not doc[j].whitespace_
            and doc[j - 1].is_alpha
            and doc[j + 1].is_alpha
        ):
            j += 2
        units.append((i, j))
        i = j
    return units


def _unit_ok(doc: Doc, unit: tuple[int, int]) -> bool:
    """A word that may be part of a term: alphabetic, not in a name or date, known English."""
    toks = doc[unit[0] : unit[1]]
    if any(t.ent_type_ in BLOCKED_ENTS or not (t.is_alpha or t.text in HYPHENS) for t in toks):
        return False
    return _word_zipf(toks.text) > 1.0  # unknown words are typos, foreign words or names


def _spans(sent: Span) -> Iterator[tuple[int, int, str]]:
    """Candidate token ranges in a sentence, each with the pattern that found it."""
    doc, units = sent.doc, _units(sent)
    nouns = {"NOUN"}
    for k, u in enumerate(units):
        nxt = units[k + 1 : k + 5]
        if u[1] - u[0] > 1 and _pos(doc, u) in {"NOUN", "PROPN"} and _unit_ok(doc, u):
            yield u[0], u[1], "hyphen"  # "by-election"
        # "<rare adj> <noun> to <verb>" used intransitively names a status ("indefinite leave
        # to remain"); a verb with an object is a purpose clause ("the model to restore order").
        if len(nxt) == 4 and doc[u[0]].pos_ == "ADJ" and _pos(doc, nxt[0]) in nouns:
            to, verb, after = doc[nxt[1][0]], doc[nxt[2][0]], doc[nxt[3][0]]
            if (
                to.lower_ == "to"
                and verb.pos_ in {"VERB", "AUX"}
                and after.pos_ in {"ADP", "PUNCT", "CCONJ", "SCONJ"}
                and after.text not in QUOTES
                and _word_zipf(doc[u[0]].text) <= 4.5
                and _lemma(doc[nxt[0][1] - 1]) not in FILLER
                and _unit_ok(doc, u)
                and _unit_ok(doc, nxt[0])
            ):
                yield u[0], nxt[2][1], "to-verb"
        # "<noun> of <bare noun>": "articles of impeachment", "abuse of power"
        if len(nxt) >= 2 and _pos(doc, u) in nouns and doc[nxt[0][0]].lower_ == "of":
            obj = nxt[1]
            if (
                _pos(doc, obj) in nouns
                and (len(nxt) < 3 or _pos(doc, nxt[2]) not in nouns)
                and doc[obj[0]].text.islower()
                and _unit_ok(doc, u)
                and _unit_ok(doc, obj)
            ):
                yield u[0], obj[1], "of"
    # Runs of adjectives and nouns ending in a noun: every noun sub-run, and "<adj> <nouns>".
    run: list[tuple[int, int]] = []
    for u in [*units, (-1, -1)]:
        if u[0] >= 0 and _pos(doc, u) in {"ADJ", "NOUN"} and _unit_ok(doc, u):
            run.append(u)
            continue
        while run and _pos(doc, run[-1]) not in nouns:
            run.pop()
        for i in range(len(run)):
            for j in range(i + 1, min(i + 3, len(run)) + 1):
                piece = run[i:j]
                if any(_pos(doc, p) not in nouns for p in piece[1:]):
                    continue
                first = doc[piece[0][0]]
                if first.pos_ == "ADJ" and (j - i < 2 or _word_zipf(first.text) > 5.0):
                    continue  # a lone adjective, or a very common one ("new", "public")
                head, kind = _lemma(doc[piece[-1][1] - 1]), "chunk"
                if j - i >= 2:
                    mod = doc[piece[-2][1] - 1]
                    if (mod.pos_ == "NOUN" and head in CONCEPT_HEADS | BODY_HEADS) or (
                        _is_proper_adj(mod) and head in CONCEPT_HEADS
                    ):
                        kind = "pattern"  # "extradition bill", "the Danish model"
                yield piece[0][0], piece[-1][1], kind
        run = []
    # Short "quoted coinages" ending in a noun.
    marks = [t.i for t in sent if t.text in QUOTES]
    for o, c in itertools.pairwise(marks):
        inner = [v for v in _units(doc[o + 1 : c]) if doc[v[0]].pos_ != "DET"]
        if 1 <= c - o - 1 <= 4 and doc[c - 1].pos_ == "NOUN" and all(_unit_ok(doc, v) for v in inner):
            yield inner[0][0], inner[-1][1], "quote"


def _rarity(doc: Doc, a: int, b: int, kind: str) -> float:
    """Zipf frequency of the rarest telling word (lower = rarer).

    Plain adjectives do not count in chunks ("hardline policies" is not a term), but do where a
    pattern makes them part of the name ("indefinite leave"). The head is judged by its lemma,
    since plurals are rarer than their words.
    """
    units = _units(doc[a:b])
    if kind == "to-verb":
        units = units[:2]
    elif kind != "hyphen" and len(units) > 1:
        proper = kind == "pattern"  # "Danish" is what makes "the Danish model" a term
        keep = [u for u in units if _pos(doc, u) == "NOUN" or (proper and _is_proper_adj(doc[u[0]]))]
        units = keep or units
    words = [_lemma(doc[v - 1]) if v == b and v - u == 1 else doc[u:v].text for u, v in units]
    return min((_word_zipf(w) for w in words), default=8.0)


def _defining_strength(sent: Span, a: int, b: int) -> int:
    """How clearly the sentence explains the term at doc[a:b]: 0 (merely uses it) to 3."""
    doc = sent.doc
    n0, n1 = (doc[i] if i < sent.end else None for i in (b, b + 1))
    before = doc[a - 1] if a > sent.start else None
    prev2 = [t.lower_ for t in doc[max(sent.start, a - 2) : a]]
    if n0 is None or n1 is None:
        return 0
    if n0.text in {"—", "–", "("} and n1.pos_ in {"DET", "ADJ"}:
        return 3  # a gloss: "the prorogation — a procedural suspension —"
    for tok in doc[b : sent.end]:  # "X, an unpaid role" (apposition needs the parser)
        if tok.dep_ == "appos" and tok.head.i == b - 1 and tok.left_edge.lower_ in {"a", "an"}:
            return 2
    if (n0.text == "," and n1.lower_ == "which") or (n0.lower_ == "that" and n1.lower_ == "would"):
        return 2  # "X, which ...", "a law that would allow ..."
    if before is None or before.pos_ in {"DET", "SCONJ", "PUNCT", "CCONJ"}:  # X is the subject
        verb, passive = _lemma(n0), n1.tag_ in {"VBN", "VBG"}
        if verb == "be" and n1.pos_ in {"DET", "ADJ", "NOUN"} and not passive:
            return 2  # "prorogation is a political tool"
        if verb in DEFINING_VERBS and not passive:
            return 2  # "X means ...", "X allows ..."
    if prev2[-1:] == ["called"] or prev2 == ["known", "as"]:
        return 2
    return 1 if sent[0].lower_ == "under" else 0  # "Under a system ..., refugees can apply for X"


def _collect(
    flat: dict[str, list[_Sentence]], exclude: Collection[str]
) -> tuple[dict[str, _Candidate], set[SpanId]]:
    """Candidates by merge key, and the spans of actor names (their words are no terms either)."""
    names = {_text_key(n) for n in exclude}
    blocked: set[SpanId] = set()
    # Multi-word names also block terms containing them ("reform uk policy"); one-word names
    # only themselves, or "council" would block "district council".
    long_names = [f" {re.sub(r'^the ', '', n.strip().lower())} " for n in exclude]
    long_names = [n for n in long_names if n.count(" ") > 2]
    cands: dict[str, _Candidate] = defaultdict(_Candidate)
    for sents in flat.values():
        for s in sents:
            if _is_foreign(s.span) or CREDIT.match(s.citation.text):
                continue
            doc = s.span.doc
            for a, b, kind in _spans(s.span):
                if doc[a].ent_iob_ == "I" or (b < len(doc) and doc[b].ent_iob_ == "I"):
                    continue  # starts or ends inside a name: "(Puerto) Rican constitution"
                form = _display(doc[a:b])
                padded = f" {form.lower()} "
                if _text_key(form) in names or any(n in padded for n in long_names):
                    blocked.add((s.citation.article, s.citation.paragraph, a, b))
                    continue  # an actor's name is never a term
                if b - a == 1 and _lemma(doc[a]) in FILLER:
                    continue
                head_key = "".join(t.lower_ for t in doc[a : b - 1]) + _lemma(doc[b - 1])
                cand = cands[_text_key(head_key)]
                span = (s.citation.article, s.citation.paragraph, a, b)
                cand.kinds.add(kind)
                cand.rarity = min(cand.rarity, _rarity(doc, a, b, kind))
                if span in cand.spans:  # found by two patterns: count the use once
                    continue
                sid = (s.citation.article, s.citation.paragraph, s.citation.sentence)
                cand.spans.add(span)
                cand.forms[form] += 1
                cand.before[doc[a - 1].lower_ if a > s.span.start else ""] += 1
                cand.plural += doc[b - 1].tag_ in {"NNS", "NNPS"}
                cand.sentences[sid] = s
                strength = _defining_strength(s.span, a, b)
                cand.defining[sid] = max(cand.defining.get(sid, 0), strength)
    return cands, blocked


def _in_title(cand: _Candidate, titles: Sequence[str]) -> bool:
    """A headline naming the term (word for word, plural allowed) marks it as central."""
    for title in titles:
        words = " " + " ".join(re.findall(r"[a-z0-9]+", title.lower())) + " "
        for form in cand.forms:
            f = " ".join(re.findall(r"[a-z0-9]+", form.lower()))
            if f" {f} " in words or f" {f}s " in words or f" {_text_key(form)} " in words:
                return True
    return False


def _qualifies(cand: _Candidate, in_title: bool) -> bool:
    """Gate before ranking: rare and central, or term-shaped and recurring or explained."""
    n, rare = len(cand.sentences), cand.rarity
    defined = max(cand.defining.values(), default=0)
    backed = n >= 2 or defined >= 2 or in_title  # more than a passing mention
    if all(" " not in f and not set(f) & HYPHENS for f in cand.forms):  # one word
        if min(cand.forms).endswith(AGENT_SUFFIXES):
            return False  # agent nouns ("protester", "governor") name people, not concepts
        if cand.plural * 2 > sum(cand.forms.values()):
            return False  # mostly plural: countable things or people ("placards")
        if len(cand.before) == 1 and min(cand.before) in PREPOSITIONS:
            return False  # always "in jeopardy": an idiom, not a term
        return rare <= 4.0 and (n >= 3 or defined >= 3 or in_title)
    if "to-verb" in cand.kinds:
        return rare <= 4.5
    if "pattern" in cand.kinds:
        if any(f[:1].isupper() for f in cand.forms):
            return True  # "<proper adjective> <head>" is a coinage: "the Danish model"
        return (rare <= 4.5 and backed) or in_title or defined >= 2
    if "hyphen" in cand.kinds:
        return rare <= 4.0 and (n >= 2 or defined >= 2)
    if "of" in cand.kinds:
        return n >= 2 and (rare <= 4.3 or in_title or n >= 3)
    return rare <= 4.0 and backed


def _score(cand: _Candidate, in_title: bool) -> float:
    """Recurrence across articles and outlets, rarity, explanation and pattern bonuses."""
    articles = {sid[0] for sid in cand.sentences}
    outlets = {s.source for s in cand.sentences.values()}
    score = 1.2 * math.log2(1 + len(cand.sentences))
    score += 0.8 * min(len(articles) - 1, 3) + 1.0 * min(len(outlets) - 1, 2)
    score += 1.5 * max(0.0, 5.0 - cand.rarity)
    score += 0.6 * max(cand.defining.values(), default=0)
    score += 2.0 * bool(cand.kinds & {"pattern", "to-verb"}) + 1.0 * ("hyphen" in cand.kinds)
    score += 0.5 * ("quote" in cand.kinds) + 1.5 * in_title
    return round(score, 3)


def _definition(cand: _Candidate, flat: dict[str, list[_Sentence]]) -> tuple[str, Citation]:
    """The best explaining sentence, else the first use; after an anaphoric opener ("That is
    why we will follow X") the previous sentence carries the content, so it is prepended."""
    best = min(cand.sentences.items(), key=lambda kv: (-cand.defining[kv[0]], kv[1].rank))[1]
    if max(cand.defining.values()) == 0 and best.rank[1] > 0 and ANAPHORIC.match(best.span.text):
        prev = flat[best.citation.article][best.rank[1] - 1].citation
        return f"{prev.text} {best.citation.text}", prev
    return best.citation.text, best.citation


def _citations(sents: Collection[_Sentence]) -> tuple[Citation, ...]:
    return tuple(s.citation for s in sorted(sents, key=lambda s: s.rank))


def extract_terms(
    articles: Sequence[AnnotatedArticle],
    *,
    exclude: Collection[str] = (),
    overrides: Sequence[TermOverride] = (),
) -> tuple[TermDraft, ...]:
    """The story's glossary, best first: up to ``MAX_TERMS`` found terms plus editor additions.

    ``exclude`` holds lowercase actor names that must never be terms; ``overrides`` remove
    entries (matched by spelling-insensitive key) or add them / set an editor's definition.
    """
    flat = _sentences(articles)
    cands, blocked = _collect(flat, exclude)
    titles = [a.article.title for a in articles if a.article.title and not a.article.title_derived]
    scored = []
    for key, cand in cands.items():
        in_title = _in_title(cand, titles)
        if _qualifies(cand, in_title):
            scored.append((_score(cand, in_title), key))
    removed = {_text_key(o.term) for o in overrides if o.remove}
    chosen: list[TermDraft] = []
    covered = set(blocked)  # spans already accounted for: actor names, then chosen terms
    chosen_words: set[str] = set()  # one-word terms chosen so far
    chosen_mods: set[str] = set()  # the modifiers of multi-word terms chosen so far
    for score, key in sorted(scored, key=lambda x: (-x[0], x[1])):
        cand = cands[key]
        if score < MIN_SCORE or len(chosen) >= MAX_TERMS:
            break
        if ({key} | {_text_key(f) for f in cand.forms}) & removed:
            continue
        # A word mostly used inside a chosen longer term ("inquiry" in "impeachment inquiry")
        # is explained by that entry; one mostly inside an actor's name is part of the name.
        inside = sum(any(_within(sp, c) for c in covered) for sp in cand.spans)
        if inside * 2 >= len(cand.spans):
            continue
        # A plain chunk around a chosen word ("impeachment investigation") adds a generic noun.
        words = {_text_key(w) for f in cand.forms for w in f.split()}
        if cand.kinds <= {"chunk", "quote"} and words & chosen_words:
            continue
        # A one-off rewording of a chosen term ("extradition law" after "extradition bill").
        mods = words - {_text_key(_term_head(cand))}
        if len(cand.sentences) == 1 and len(words) > 1 and mods and mods <= chosen_mods:
            continue
        # Display the commonest spelling; ties go to the hyphenated form, then alphabetical.
        term = min(cand.forms, key=lambda f: (-cand.forms[f], not set(f) & HYPHENS, f))
        definition, source = _definition(cand, flat)
        variants = tuple(sorted(cand.forms))
        sources = _citations(cand.sentences.values())
        chosen.append(TermDraft(term, variants, definition, source, sources, False, score))
        covered |= cand.spans
        if len(words) == 1:
            chosen_words |= words
        else:
            chosen_mods |= mods
    return _apply_overrides(chosen, overrides, flat)


def _term_head(cand: _Candidate) -> str:
    """The last word of the commonest form: "bill" in "extradition bill"."""
    return max(cand.forms, key=lambda f: (cand.forms[f], f)).split()[-1]


def _within(inner: SpanId, outer: SpanId) -> bool:
    """True when ``inner`` lies inside the different span ``outer`` of the same paragraph."""
    same_paragraph = inner[:2] == outer[:2] and inner != outer
    return same_paragraph and outer[2] <= inner[2] and inner[3] <= outer[3]


def _apply_overrides(
    drafts: list[TermDraft], overrides: Sequence[TermOverride], flat: dict[str, list[_Sentence]]
) -> tuple[TermDraft, ...]:
    """Editor additions and definitions; additions are kept whatever the cap."""
    out = list(drafts)
    for ov in overrides:
        key = _text_key(ov.term)
        if ov.remove or not key:
            continue
        found = [i for i, d in enumerate(out) if key in {_text_key(v) for v in d.variants}]
        if found:
            d = out[found[0]]
            if ov.definition:
                out[found[0]] = TermDraft(d.term, d.variants, ov.definition, None, d.sources, True, d.score)
            continue
        # Not found automatically: cite every sentence using it (hyphen/space/plural tolerant).
        parts = [re.escape(p) for p in re.split(r"[\s\-‐‑]+", ov.term.strip()) if p]
        rx = re.compile(r"\b" + r"[\s\-‐‑]?".join(parts) + r"(?:s|es)?\b", re.IGNORECASE)
        uses = [s for sents in flat.values() for s in sents if rx.search(s.citation.text)]
        sources = _citations(uses)
        term = ov.term.strip()
        if ov.definition:
            out.append(TermDraft(term, (term,), ov.definition, None, sources, True, 0.0))
        else:
            first = sources[0] if sources else None
            text = first.text if first else ""
            out.append(TermDraft(term, (term,), text, first, sources, False, 0.0))
    return tuple(sorted(out, key=lambda d: (-d.score, d.term.lower(), d.term)))
