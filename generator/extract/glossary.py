"""Glossary extraction: find the policy, legal and procedural terms a reader needs explained.

Works on already-annotated docs with generic heuristics (POS patterns, word rarity, recurrence,
definitional phrasing); nothing about any particular story is built in.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

from generator.models import AnnotatedArticle, AnnotatedParagraph, Citation, TermOverride

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_TERMS = 12
MIN_SCORE = 3.5

# Head nouns that name a rule, procedure or status: "<adj|noun> <head>" is a likely term.
CONCEPT_HEADS = frozenset(
    "model system scheme act bill order status policy inquiry procedure rule law treaty "
    "agreement deal referendum motion amendment ruling mandate regime programme program "
    "hearing trial vote election process clause test doctrine approach plan".split()
)
# Heads that name a body: a term after a noun ("district council"), a name after a proper
# adjective ("Republican committee").
BODY_HEADS = frozenset("council tribunal committee assembly commission".split())
# Entity labels whose tokens never belong in a term (names, dates, numbers).
BLOCKED_ENTS = frozenset(
    "PERSON GPE ORG LOC FAC DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY EVENT "
    "WORK_OF_ART PRODUCT LANGUAGE".split()
)
# Generic nouns that are never worth a glossary entry however they are used.
FILLER = frozenset(
    "people person thing way idea time year day week month country party result government "
    "number part side case lot kind sort fact issue area level group member official source "
    "report statement comment view way place thing".split()
)
# Verbs that, right after a term, usually introduce what it is or does.
DEFINING_VERBS = frozenset(
    "be mean refer allow give let require enable permit provide involve stipulate".split()
)
AGENT_SUFFIXES = ("er", "or", "ist", "man", "ers", "ors", "ists", "men")
PREPOSITIONS = frozenset("in on at under by into out of for".split())
ANAPHORIC_OPENERS = frozenset("this that these those it so such thus therefore which".split())
HYPHENS = frozenset("-‐‑")
QUOTES = frozenset("\"“”")
CREDIT = re.compile(r"(image|photo|photograph|picture)s?\s*:", re.IGNORECASE)  # "Image: Name."
FOREIGN_LANGS = ("es", "fr", "de", "it", "pt", "nl")


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
    article: AnnotatedArticle
    citation: Citation
    span: Span
    order: int  # position of the sentence in its article


@dataclass
class _Candidate:
    forms: Counter[str] = field(default_factory=Counter)
    before: Counter[str] = field(default_factory=Counter)  # the word before each use
    sentences: dict[tuple[str, int, int], _Sentence] = field(default_factory=dict)
    defining: dict[tuple[str, int, int], int] = field(default_factory=dict)
    kinds: set[str] = field(default_factory=set)
    spans: set[tuple[str, int, int, int]] = field(default_factory=set)  # article, para, start, end
    rarity_zipf: float = 8.0
    plural: int = 0
    uses: int = 0


@lru_cache(maxsize=8192)
def _zipf(word: str, lang: str = "en") -> float:
    return float(zipf_frequency(word, lang))


def _text_key(text: str) -> str:
    """Spelling-insensitive key: "The By-election" / "byelection" -> "byelection"."""
    text = re.sub(r"^the\s+", "", text.strip().lower())
    return re.sub(r"[^a-z0-9]", "", text)


def _word_zipf(word: str) -> float:
    """Rarity of one word; hyphenated compounds are judged by their closed form when known."""
    word = word.lower()
    if any(h in word for h in HYPHENS):
        closed = _zipf(re.sub(r"[-‐‑]", "", word))
        return closed if closed > 0 else min(_zipf(p) for p in re.split(r"[-‐‑]", word) if p)
    return _zipf(word)


def _sentences(article: AnnotatedArticle) -> Iterator[_Sentence]:
    order = 0
    for ap in article.paragraphs:
        doc: Doc = ap.doc
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for i, sent in enumerate(sents):
            cite = Citation(article.article.id, ap.paragraph.index, i, sent.text.strip())
            yield _Sentence(article, cite, sent, order)
            order += 1


def _is_foreign(sent: Span) -> bool:
    """A quote in another language: most of its words are commoner elsewhere than in English."""
    words = [t.lower_ for t in sent if t.is_alpha]
    if len(words) < 4:
        return False
    foreign = sum(_zipf(w) < max(_zipf(w, lang) for lang in FOREIGN_LANGS) - 0.5 for w in words)
    return foreign / len(words) > 0.4


def _units(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of words, joining spaCy's split hyphenated compounds ("by", "-", "election")."""
    units: list[tuple[int, int]] = []
    i, end = sent.start, sent.end
    doc = sent.doc
    while i < end:
        j = i + 1
        while (
            j + 1 < end
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


def _unit_ok(doc: Doc, a: int, b: int) -> bool:
    """A word that may be part of a term: alphabetic, not a name/date, known English."""
    for tok in doc[a:b]:
        if tok.ent_type_ in BLOCKED_ENTS or tok.like_num:
            return False
    text = doc[a:b].text
    if not all(t.is_alpha or t.text in HYPHENS for t in doc[a:b]):
        return False
    return _word_zipf(text) > 1.0  # unknown words are typos, foreign words or names


def _pos(doc: Doc, a: int, b: int) -> str:
    return str(doc[b - 1].pos_)


def _is_proper_adj(tok: Token) -> bool:
    return tok.text[:1].isupper() and (tok.ent_type_ == "NORP" or tok.pos_ == "ADJ")


def _display(doc: Doc, a: int, b: int) -> str:
    """Surface form, lowercased except for proper adjectives ("Danish model")."""
    return "".join(
        (t.text if _is_proper_adj(t) else t.lower_) + (t.whitespace_ if t.i < b - 1 else "")
        for t in doc[a:b]
    )


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def _key(doc: Doc, a: int, b: int) -> str:
    """Merge key: lowercase, no spaces or hyphens, head noun lemmatised (plurals merge)."""
    parts = [t.lower_ for t in doc[a : b - 1]] + [_lemma(doc[b - 1])]
    return _text_key("".join(parts))


def _defining_strength(sent: Span, a: int, b: int) -> int:
    """How clearly the sentence explains the term at doc[a:b] (0 = it merely uses it)."""
    doc = sent.doc
    nxt = list(doc[b : min(b + 3, sent.end)]) + [None, None, None]  # type: ignore[list-item]
    before = doc[a - 1] if a > sent.start else None
    prev = [t.lower_ for t in doc[max(sent.start, a - 2) : a]]
    n0, n1 = nxt[0], nxt[1]
    if n0 is not None and n0.text in {"—", "–", "("} and n1 is not None and n1.pos_ in {"DET", "ADJ"}:
        return 3  # "the prorogation — a procedural suspension —"
    for tok in doc[b : sent.end]:
        # "X, a ..." apposition (needs the parser); indefinite article only, not "X, the PM"
        if tok.dep_ == "appos" and tok.head.i == b - 1 and doc[tok.left_edge.i].lower_ in {"a", "an"}:
            return 2
    if n0 is not None and n0.text == "," and n1 is not None and n1.lower_ == "which":
        return 2  # "X, which ..."
    if n0 is not None and n0.lower_ in {"that", "which"} and n1 is not None and n1.lower_ == "would":
        return 2  # "a law that would allow ..."
    subject = before is None or before.pos_ in {"DET", "SCONJ", "PUNCT", "CCONJ"}
    if subject and n0 is not None and n1 is not None and n0.pos_ in {"AUX", "VERB"}:
        verb = _lemma(n0)
        if verb == "be" and (n1.pos_ in {"DET", "ADJ", "NOUN"} and n1.tag_ not in {"VBN", "VBG"}):
            return 2  # "prorogation is a political tool"
        if verb in DEFINING_VERBS and verb != "be" and n1.tag_ not in {"VBN", "VBG"}:
            return 2  # "X means ...", "X allows ..."
    if prev and (prev[-1] in {"called", "so-called"} or prev[-2:] == ["known", "as"]):
        return 2
    if sent[0].lower_ == "under":
        return 1  # "Under a system introduced in 2005, refugees can apply for X"
    return 0


def _spans(sent: Span) -> Iterator[tuple[int, int, str]]:
    """Candidate token ranges in a sentence, with the pattern that found each."""
    doc = sent.doc
    units = _units(sent)
    for k, (a, b) in enumerate(units):
        if b - a > 1 and _pos(doc, a, b) in {"NOUN", "PROPN"} and _unit_ok(doc, a, b):
            yield a, b, "hyphen"
        # (c) "<adj> <noun> to <verb>": "indefinite leave to remain"
        if k + 3 < len(units) and doc[a].pos_ == "ADJ" and _pos(doc, *units[k + 1]) == "NOUN":
            t, v = doc[units[k + 2][0]], doc[units[k + 3][0]]
            after = doc[units[k + 4][0]] if k + 4 < len(units) else None
            # Only an intransitive, rare-adjective use names a status ("leave to remain");
            # "the Danish model to restore order" is a purpose clause.
            intransitive = after is None or after.pos_ in {"ADP", "PUNCT", "CCONJ", "SCONJ"}
            if t.lower_ == "to" and v.pos_ in {"VERB", "AUX"} and v.tag_ in {"VB", ""}:
                if intransitive and after is not None and after.text not in QUOTES:
                    noun = doc[units[k + 1][1] - 1]
                    if _word_zipf(doc[a].text) <= 4.5 and _lemma(noun) not in FILLER and all(
                        _unit_ok(doc, *u) for u in units[k : k + 2]
                    ):
                        yield a, units[k + 3][1], "to-verb"
        # "<noun> of <noun>" with a bare second noun: "articles of impeachment"
        if k + 2 < len(units) and _pos(doc, a, b) == "NOUN" and doc[units[k + 1][0]].lower_ == "of":
            c, d = units[k + 2]
            after = units[k + 3] if k + 3 < len(units) else None
            if _pos(doc, c, d) == "NOUN" and (after is None or _pos(doc, *after) != "NOUN"):
                if _unit_ok(doc, a, b) and _unit_ok(doc, c, d) and doc[c].text.islower():
                    yield a, d, "of"
    # Chunks: runs of ADJ/NOUN words ending in a noun; emit noun sub-runs and "<adj> <nouns>".
    run: list[tuple[int, int]] = []
    for unit in [*units, (-1, -1)]:
        ok = unit[0] >= 0 and _pos(doc, *unit) in {"ADJ", "NOUN"} and _unit_ok(doc, *unit)
        if ok:
            run.append(unit)
            continue
        while run and _pos(doc, *run[-1]) != "NOUN":
            run.pop()
        for i in range(len(run)):
            for j in range(i + 1, min(i + 3, len(run)) + 1):
                piece = run[i:j]
                if any(_pos(doc, *u) != "NOUN" for u in piece[1:]):
                    continue
                if _pos(doc, *piece[0]) == "ADJ" and (j - i < 2 or _word_zipf(doc[piece[0][0]].text) > 5.0):
                    continue  # lone or very common adjectives ("new", "public") add nothing
                head, mod = doc[piece[-1][1] - 1], doc[piece[-2][1] - 1] if j - i >= 2 else None
                kind = "chunk"
                if mod is not None and _lemma(head) in CONCEPT_HEADS | BODY_HEADS:
                    if mod.pos_ == "NOUN" or _is_proper_adj(mod) and _lemma(head) in CONCEPT_HEADS:
                        kind = "pattern"  # (b) "the Danish model", "extradition bill"
                yield piece[0][0], piece[-1][1], kind
        run = []
    # (e) short "quoted coinages"
    toks = list(sent)
    opens = [t.i for t in toks if t.text in QUOTES]
    for o, c in zip(opens, opens[1:], strict=False):
        if 1 <= c - o - 1 <= 4 and doc[c - 1].pos_ == "NOUN":
            inner = [(u, v) for u, v in _units(doc[o + 1 : c]) if doc[u].pos_ != "DET"]
            if inner and all(_unit_ok(doc, *u) for u in inner):
                yield inner[0][0], inner[-1][1], "quote"


def _rarity(doc: Doc, a: int, b: int, kind: str) -> float:
    """Zipf frequency of the rarest telling word (lower = rarer).

    Plain adjectives are skipped in chunks ("hardline policies" is not rare, "technical
    recession" is), but count in the patterns where they carry the meaning ("indefinite leave").
    """
    units = _units(doc[a:b])
    if kind == "to-verb":
        units = units[:2]
    elif kind in {"chunk", "quote"} and len(units) > 1:
        units = [u for u in units if _pos(doc, *u) == "NOUN"] or units
    elif kind == "pattern":
        units = [u for u in units if _pos(doc, *u) == "NOUN" or _is_proper_adj(doc[u[0]])]
    # The head is judged by its lemma: plurals ("speeches") are rarer than the word is.
    words = [
        _lemma(doc[v - 1]) if v == b and v - u == 1 else doc[u:v].text
        for u, v in units
        if doc[u].pos_ not in {"ADP", "PART"}
    ]
    return min((_word_zipf(w) for w in words), default=8.0)


def _excluded(form: str, exclude: Collection[str]) -> bool:
    words = f" {form.lower()} "
    key = _text_key(form)
    for name in exclude:
        name = re.sub(r"^the\s+", "", name.strip().lower())
        # Multi-word names also block terms containing them ("reform uk policy"); a one-word
        # name ("council") only blocks itself, or no term with that word could survive.
        if name and (key == _text_key(name) or " " in name and f" {name} " in words):
            return True
    return False


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def _in_title(cand: _Candidate, titles: Sequence[str]) -> bool:
    """A headline naming the term (word for word, plural allowed) marks it as central."""
    for title in titles:
        words = _words(title)
        closed = {w for w in words.split()}
        for form in cand.forms:
            f = _words(form).strip()
            if f" {f} " in words or f" {f}s " in words or _text_key(form) in closed:
                return True
    return False


def _qualifies(cand: _Candidate, in_title: bool) -> bool:
    """Gate before ranking: a term must be rare, or a recognised pattern that recurs or is explained."""
    n = len(cand.sentences)
    defined = max(cand.defining.values(), default=0)
    backed = n >= 2 or defined >= 2 or in_title  # used more than in passing
    rare = cand.rarity_zipf
    single = all(" " not in f and not any(h in f for h in HYPHENS) for f in cand.forms)
    if single:
        lemma = min(cand.forms)
        if lemma.endswith(AGENT_SUFFIXES) and defined < 2:
            return False  # agent nouns ("protester", "governor") name people, not concepts
        if cand.plural * 2 > cand.uses:
            return False  # mostly plural: countable things or people ("placards"), not concepts
        if len(cand.before) == 1 and min(cand.before) in PREPOSITIONS:
            return False  # always "in jeopardy", "under way": an idiom, not a term
        # A lone word must be central: used often, glossed outright, or in a headline.
        return rare <= 4.0 and (n >= 3 or defined >= 3 or in_title)
    if "to-verb" in cand.kinds:
        return rare <= 4.5
    if "pattern" in cand.kinds:
        if any(f[:1].isupper() for f in cand.forms):
            return True  # "<proper adjective> <head>": "the Danish model", "the Swiss system"
        return rare <= 4.5 and backed or in_title or defined >= 2
    if "hyphen" in cand.kinds:
        return rare <= 4.0 and (n >= 2 or defined >= 2)
    if "of" in cand.kinds:
        return n >= 2 and (rare <= 4.3 or in_title or n >= 3)
    return rare <= 4.0 and backed


def _score(cand: _Candidate, in_title: bool) -> float:
    """Recurrence across articles and outlets, rarity, explanation and pattern bonuses."""
    arts = {s.article.article.id for s in cand.sentences.values()}
    outlets = {s.article.article.source for s in cand.sentences.values()}
    score = 1.2 * math.log2(1 + len(cand.sentences))
    score += min(len(arts) - 1, 3) * 0.8 + min(len(outlets) - 1, 2) * 1.0
    score += max(0.0, 5.0 - cand.rarity_zipf) * 1.5
    score += min(max(cand.defining.values(), default=0), 3) * 0.6
    if cand.kinds & {"pattern", "to-verb"}:
        score += 2.0
    if "hyphen" in cand.kinds:
        score += 1.0
    if "quote" in cand.kinds:
        score += 0.5
    if in_title:
        score += 1.5
    single = all(" " not in f for f in cand.forms)
    if single and cand.plural * 2 > cand.uses:
        score -= 1.0  # plural-dominant single nouns are things or people, not concepts
    return round(score, 3)


def _definition(cand: _Candidate, flat: dict[str, list[_Sentence]]) -> tuple[str, Citation]:
    """Best explaining sentence; with an anaphoric opener ("That is why ...") add the one before."""
    keyed = sorted(
        cand.sentences.items(), key=lambda kv: (-cand.defining.get(kv[0], 0), kv[1].order)
    )
    best = keyed[0][1]
    if cand.defining.get(keyed[0][0], 0) == 0:
        words = [t.lower_ for t in best.span if not t.is_punct]
        first = words[0] if words else ""
        sents = flat[best.citation.article]
        if first in ANAPHORIC_OPENERS and best.order > 0:
            prev = sents[best.order - 1]
            return f"{prev.citation.text} {best.citation.text}", prev.citation
    return best.citation.text, best.citation


def _find_uses(term: str, flat: dict[str, list[_Sentence]]) -> list[_Sentence]:
    parts = [re.escape(p) for p in re.split(r"[\s\-‐‑]+", term.strip()) if p]
    if not parts:
        return []
    rx = re.compile(r"\b" + r"[\s\-‐‑]?".join(parts) + r"(s|es)?\b", re.IGNORECASE)
    return [s for sents in flat.values() for s in sents if rx.search(s.citation.text)]


def extract_terms(
    articles: Sequence[AnnotatedArticle],
    *,
    exclude: Collection[str] = (),
    overrides: Sequence[TermOverride] = (),
) -> tuple[TermDraft, ...]:
    """The story's glossary, best first: at most ``MAX_TERMS`` found plus the editor's additions."""
    flat = {a.article.id: list(_sentences(a)) for a in articles}
    titles = [a.article.title for a in articles if a.article.title and not a.article.title_derived]
    cands: dict[str, _Candidate] = defaultdict(_Candidate)
    for sents in flat.values():
        for s in sents:
            if _is_foreign(s.span) or CREDIT.match(s.citation.text):
                continue
            doc = s.span.doc
            for a, b, kind in _spans(s.span):
                if doc[a].lower_ == "the":
                    a += 1
                form = _display(doc, a, b)
                if _excluded(form, exclude) or _lemma(doc[b - 1]) in FILLER and a + 1 == b:
                    continue
                cand = cands[_key(doc, a, b)]
                span = (s.citation.article, s.citation.paragraph, a, b)
                if span in cand.spans:  # found by two patterns: count the use once
                    cand.kinds.add(kind)
                    continue
                cand.forms[form] += 1
                cand.before[doc[a - 1].lower_ if a > s.span.start else ""] += 1
                cand.kinds.add(kind)
                cand.uses += 1
                cand.spans.add(span)
                cand.plural += doc[b - 1].tag_ in {"NNS", "NNPS"}
                sid = (s.citation.article, s.citation.paragraph, s.citation.sentence)
                cand.sentences[sid] = s
                cand.defining[sid] = max(cand.defining.get(sid, 0), _defining_strength(s.span, a, b))
                cand.rarity_zipf = min(cand.rarity_zipf, _rarity(doc, a, b, kind))

    scored = []
    for key, cand in cands.items():
        in_title = _in_title(cand, titles)
        if _qualifies(cand, in_title):
            scored.append((_score(cand, in_title), key))
    scored.sort(key=lambda x: (-x[0], x[1]))
    chosen: list[TermDraft] = []
    covered: set[tuple[str, int, int, int]] = set()
    chosen_words: set[str] = set()
    removed = {_text_key(o.term) for o in overrides if o.remove}
    for score, key in scored:
        cand = cands[key]
        if score < MIN_SCORE or len(chosen) >= MAX_TERMS:
            break
        variants = tuple(sorted(cand.forms))
        if key in removed or removed & {_text_key(v) for v in variants}:
            continue
        # A word mostly used inside a chosen longer term ("inquiry" in "impeachment inquiry")
        # is explained by that entry.
        inside = sum(any(_within(sp, c) for c in covered) for sp in cand.spans)
        if inside * 2 >= len(cand.spans):
            continue
        # "impeachment investigation" adds only a generic noun to the chosen "impeachment".
        if cand.kinds <= {"chunk", "quote"} and any(w in chosen_words for w in _key_words(cand)):
            continue
        term = sorted(cand.forms, key=lambda f: (-cand.forms[f], not any(h in f for h in HYPHENS), f))[0]
        definition, source = _definition(cand, flat)
        sources = tuple(s.citation for s in sorted(cand.sentences.values(), key=_order(articles)))
        chosen.append(TermDraft(term, variants, definition, source, sources, False, score))
        covered |= cand.spans
        if len(_key_words(cand)) == 1:
            chosen_words |= _key_words(cand)
    return _apply_overrides(chosen, overrides, flat, articles)


def _key_words(cand: _Candidate) -> set[str]:
    """The words of a candidate's commonest form, spelling-normalised."""
    form = max(cand.forms, key=lambda f: (cand.forms[f], f))
    return {_text_key(w) for w in form.split()}


def _within(inner: tuple[str, int, int, int], outer: tuple[str, int, int, int]) -> bool:
    """True when span ``inner`` lies inside the different span ``outer`` of the same paragraph."""
    return inner[:2] == outer[:2] and outer[2] <= inner[2] and inner[3] <= outer[3] and inner != outer


def _order(articles: Sequence[AnnotatedArticle]):  # type: ignore[no-untyped-def]
    rank = {a.article.id: i for i, a in enumerate(articles)}
    return lambda s: (rank[s.citation.article], s.order)


def _apply_overrides(
    chosen: list[TermDraft],
    overrides: Sequence[TermOverride],
    flat: dict[str, list[_Sentence]],
    articles: Sequence[AnnotatedArticle],
) -> tuple[TermDraft, ...]:
    out = list(chosen)
    for ov in overrides:
        if ov.remove or ov.definition is None and not ov.term.strip():
            continue
        key = _text_key(ov.term)
        idx = next(
            (i for i, d in enumerate(out) if key in {_text_key(v) for v in (d.term, *d.variants)}),
            None,
        )
        if idx is not None:
            if ov.definition:
                d = out[idx]
                out[idx] = TermDraft(d.term, d.variants, ov.definition, None, d.sources, True, d.score)
            continue
        uses = sorted(_find_uses(ov.term, flat), key=_order(articles))
        sources = tuple(s.citation for s in uses)
        if ov.definition:
            out.append(TermDraft(ov.term, (ov.term,), ov.definition, None, sources, True, 0.0))
        else:
            text, src = (uses[0].citation.text, uses[0].citation) if uses else ("", None)
            out.append(TermDraft(ov.term, (ov.term,), text, src, sources, False, 0.0))
    return tuple(sorted(out, key=lambda d: (-d.score, d.term.lower(), d.term)))
