"""Glossary extraction: the policy, legal and procedural terms a general reader needs explained.

Generic heuristics only (POS patterns, word rarity, recurrence, definitional phrasing) on docs
that arrive already annotated; nothing about any particular story is built in. The steps:
candidates (:mod:`.term_candidates`, found by :mod:`.term_patterns`), a gate and a score
(:mod:`.term_scoring`), the choice below, which folds variants into the entries they reword
(:mod:`.term_variants`), and a definition for each (:mod:`.term_definitions`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, MutableMapping, Sequence
from dataclasses import dataclass
from functools import cache, partial

from ..models import AnnotatedArticle, Citation, TermOverride
from .term_candidates import Candidate, SpanId, collect
from .term_definitions import Places, definition, place_index
from .term_hits import INTRODUCED, Sentence, SentenceHits, Sid, sentences
from .term_scoring import MIN_SCORE, Titles, qualifies, score
from .term_variants import object_of_body, wraps
from .term_words import GROUP_HEADS, HYPHENS, text_key

MAX_TERMS = 12


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


class _Covered:
    """Token spans already accounted for (actor names, chosen terms), by paragraph."""

    def __init__(self, spans: Collection[SpanId]) -> None:
        self._by_paragraph: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
        self.add(spans)

    def add(self, spans: Collection[SpanId]) -> None:
        for art, par, a, b in spans:
            self._by_paragraph[(art, par)].append((a, b))

    def within(self, span: SpanId) -> bool:
        """True when ``span`` lies inside a different covered span of its paragraph."""
        art, par, a, b = span
        return any(x <= a and b <= y and (x, y) != (a, b) for x, y in self._by_paragraph[(art, par)])


def extract_terms(
    articles: Sequence[AnnotatedArticle],
    *,
    exclude: Collection[str] = (),
    overrides: Sequence[TermOverride] = (),
    found: MutableMapping[str, dict[Sid, SentenceHits]] | None = None,
) -> tuple[TermDraft, ...]:
    """The story's glossary, best first: up to ``MAX_TERMS`` found terms plus editor additions.

    ``exclude`` holds lowercase actor names that must never be terms; ``overrides`` remove
    entries (matched by spelling-insensitive key) or add them / set an editor's definition;
    ``found`` holds each article's pattern hits when computed (or cached) before (consumed).
    """
    flat = sentences(articles, found)
    cands, blocked = collect(flat, exclude, found)
    titles = Titles(a.article.title for a in articles if a.article.title and not a.article.title_derived)
    scored = []
    for key, cand in cands.items():
        if not cand.forms:
            continue  # only ever seen inside a longer term or a quotation: nothing to show
        in_title = titles.name(cand)
        if qualifies(cand, in_title):
            scored.append((score(cand, in_title), key))
    chosen = _choose(scored, cands, blocked, {text_key(o.term) for o in overrides if o.remove})
    # Every sentence's places are indexed only if a chosen term needs them: few do.
    places = cache(partial(place_index, flat))
    drafts = [_draft(cand, value, flat, places) for value, cand in chosen]
    return _apply_overrides(drafts, overrides, flat)


def _choose(
    scored: list[tuple[float, str]],
    cands: dict[str, Candidate],
    blocked: Collection[SpanId],
    removed: set[str],
) -> list[tuple[float, Candidate]]:
    """The best candidates, up to the cap, each once: variants that only reword, wrap or
    sit inside a chosen entry are folded into it or left out."""
    # "<noun> of <Body>" is a use of the noun's own entry, when it gets one.
    wrappers = [(head, cand) for cand in cands.values() if (head := object_of_body(cand))]
    qualified = {key for _, key in scored}
    wrapping = {id(cand) for head, cand in wrappers if head in qualified}
    qualified_words = {key for key in qualified if cands[key].forms and " " not in min(cands[key].forms)}
    chosen: list[tuple[float, Candidate]] = []
    covered = _Covered(blocked)
    chosen_words: dict[str, Candidate] = {}  # one-word terms chosen so far, by key
    chosen_mods: dict[str, Candidate] = {}  # the modifiers of multi-word terms chosen so far
    for value, key in sorted(scored, key=lambda x: (-x[0], x[1])):
        cand = cands[key]
        if value < MIN_SCORE or len(chosen) >= MAX_TERMS:
            break
        if ({key} | {text_key(f) for f in cand.forms}) & removed:
            continue
        if id(cand) in wrapping:
            continue
        # A word mostly used inside a chosen longer term ("inquiry" in "impeachment inquiry")
        # is explained by that entry; one mostly inside an actor's name is part of the name.
        inside = sum(covered.within(sp) for sp in cand.spans)
        if inside * 2 >= len(cand.spans):
            continue
        # A plain chunk around a chosen word ("impeachment investigation") adds a generic noun;
        # "anti-X" adds only a prefix to the entry X (or would have, but for the cap).
        words = {text_key(w) for f in cand.forms for w in f.split()}
        plain = cand.kinds <= {"chunk", "quote"}
        if (plain and words & chosen_words.keys()) or wraps(cand, qualified_words):
            continue
        # A one-off rewording of a chosen term ("extradition law" after "extradition bill").
        mods = words - {text_key(_head_word(cand))}
        if len(cand.sentences) == 1 and len(words) > 1 and mods and mods <= chosen_mods.keys():
            chosen_mods[min(mods)].absorb(cand)
            continue
        chosen.append((value, cand))
        covered.add(cand.spans)
        if all(" " not in f for f in cand.forms):  # one word, however spelt ("MP", "MPs")
            chosen_words.update(dict.fromkeys(words | {key}, cand))
        elif not cand.kinds & INTRODUCED:  # "<modifier> <head>" entries, not names
            chosen_mods.update(dict.fromkeys(mods, cand))
    for head, cand in wrappers:
        if head in chosen_words:
            chosen_words[head].absorb(cand)
    return chosen


def _head_word(cand: Candidate) -> str:
    """The last word of the commonest form: "bill" in "extradition bill"."""
    return max(cand.forms, key=lambda f: (cand.forms[f], f)).split()[-1]


def _display(cand: Candidate) -> str:
    """The commonest spelling (ties: hyphenated, then alphabetical); a stance modifier with
    the noun it mostly qualifies, or the group it names ("the pro-... camp")."""
    term = min(cand.forms, key=lambda f: (-cand.forms[f], not set(f) & HYPHENS, f))
    modifying = sum(cand.heads.values()) * 2 > sum(cand.forms.values())
    if "stance" in cand.kinds and modifying and " " not in term:
        head, count = max(cand.heads.items(), key=lambda kv: (kv[1], kv[0]))
        group = [h for h in cand.heads if h.lower() in GROUP_HEADS]
        if group:
            return f"{term} {min(group).lower()}"
        if count * 2 > sum(cand.heads.values()):
            return f"{term} {head if head[:1].isupper() and head[1:].islower() else head.lower()}"
    return term


def _draft(cand: Candidate, value: float, flat: dict[str, list[Sentence]],
           places: Callable[[], Places]) -> TermDraft:
    term = _display(cand)
    text, source = definition(cand, term, flat, places)
    spellings: dict[str, str] = {}  # one variant per spelling whatever its case, the commonest
    for form, _ in sorted(cand.forms.items(), key=lambda kv: (-kv[1], kv[0])):
        spellings.setdefault(form.lower(), form)
    spellings[term.lower()] = term
    variants = tuple(sorted(spellings.values()))
    return TermDraft(term, variants, text, source, _citations(cand.sentences.values()), False, value)


def _citations(sents: Collection[Sentence]) -> tuple[Citation, ...]:
    return tuple(s.citation for s in sorted(sents, key=lambda s: s.rank))


def _apply_overrides(
    drafts: list[TermDraft], overrides: Sequence[TermOverride], flat: dict[str, list[Sentence]]
) -> tuple[TermDraft, ...]:
    """Editor additions and definitions; additions are kept whatever the cap."""
    out = list(drafts)
    for ov in overrides:
        key = text_key(ov.term)
        if ov.remove or not key:
            continue
        found = [i for i, d in enumerate(out) if key in {text_key(v) for v in d.variants}]
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
