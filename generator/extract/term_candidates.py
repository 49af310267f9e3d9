"""Candidate terms: every pattern hit in every sentence (read per article in
:mod:`.term_hits`), grouped story-wide by spelling-insensitive key.

A candidate keeps what the later steps need: its surface forms, the sentences that use it
(and how well each explains it), the patterns that found it and how rare its telling word is.
Names found by their introduction ("known as X", "Long Name (LN)", "The X is the ...") are
counted again wherever they recur, since no pattern fires at a plain later mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, MutableMapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from .term_hits import (
    FIELDS,
    INTRODUCED,
    FlatHit,
    Sentence,
    SentenceHits,
    Sid,
    flatten,
    measure,
    merge_key,
    sentence_hits,
)
from .term_patterns import Hit
from .term_variants import token_key
from .term_words import HYPHENS, text_key
from .text import first_word_ids, span_words, starts_among
from .token_table import LastTable, TokenView

# Kinds whose hit may be (or contain) an actor's name: the pattern shows it is explained.
NAME_KINDS = frozenset({"institution", "of"})
SpanId = tuple[str, int, int, int]  # article id, paragraph index, token start, token end
_IOB_I, _IOB_B = 1, 3  # ENT_IOB values: inside, beginning of an entity


@dataclass(slots=True)
class Use:
    """How one sentence uses a candidate: how well it explains it (0-3), whether every use
    in it is quoted speech, and whether a name picks out which one ("the <Place> run-off")."""

    strength: int = 0
    quoted: bool = True
    named: bool = False


_STRENGTH = attrgetter("strength")  # (read by map: asked of every candidate, in the gate)


@dataclass(slots=True)
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
        return max(map(_STRENGTH, self.uses.values()), default=0)

    def absorb(self, other: Candidate) -> None:
        """Merge another candidate's uses into this one (a variant of the same term)."""
        self.forms.update(other.forms)
        self.before.update(other.before)
        self.heads.update(other.heads)
        self.sentences.update(other.sentences)
        for sid, use in other.uses.items():
            _use(self.uses, sid, use.strength, use.quoted, use.named)
        self.spans |= other.spans
        self.tokens |= other.tokens
        self.plural += other.plural


def _use(uses: dict[Sid, Use], sid: Sid, strength: int, quoted: bool, named: bool) -> None:
    """Record how a sentence uses a candidate: its best explanation, quoted only if every
    use in it is, named if any is."""
    old = uses.get(sid)
    if old is None:
        uses[sid] = Use(strength, quoted, named)
        return
    old.strength = max(old.strength, strength)
    old.quoted = old.quoted and quoted
    old.named = old.named or named


def collect(
    flat: dict[str, list[Sentence]], exclude: Collection[str],
    found: MutableMapping[str, dict[Sid, SentenceHits]] | None = None,
) -> tuple[dict[str, Candidate], set[SpanId]]:
    """Candidates by merge key, and the spans of actor names (their words are no terms either).

    ``found`` holds each article's pattern hits when they were computed (or cached) before;
    it is consumed: an article's hits are let go once grouped, since a long story's hits
    take more memory than the candidates made of them.
    """
    names = {text_key(n) for n in exclude}
    # Multi-word names also block terms containing them ("green party policy"); one-word names
    # only themselves, or "council" would block "district council".
    long_names = {re.sub(r"^the ", "", n.strip().lower()) for n in exclude}
    long_names = {n for n in long_names if " " in n}
    blocked: set[SpanId] = set()
    cands: dict[str, Candidate] = defaultdict(Candidate)
    aliases: dict[str, str] = {}  # abbreviation key -> key of its expansion
    named: dict[str, bool] = {}  # form -> whether it is (or holds) an actor's name
    table = LastTable()  # for sentences whose hits were not found before
    for article, sents in flat.items():
        own = found.pop(article, None) if found is not None else None
        for s in sents:
            if s.skip:
                continue
            sid = (s.citation.article, s.citation.paragraph, s.citation.sentence)
            pattern_hits = (own[sid] if own is not None and sid in own
                            else sentence_hits(s, table(s.doc)))
            for hit in _hits(s, pattern_hits, names, aliases, cands):
                if hit[_INSIDE_NAME]:
                    continue
                form = hit[_FORM]
                is_name = named.get(form)
                if is_name is None:  # forms recur thousands of times: each is judged once
                    is_name = named[form] = (text_key(form) in names
                                             or _contains_name(form, long_names))
                if is_name and hit[_KIND] not in NAME_KINDS:
                    blocked.add((s.citation.article, s.citation.paragraph, hit[_A], hit[_B]))
                    continue  # an actor's name is never a term, unless the text explains it
                if hit[_FILLER]:
                    continue
                _add(cands[hit[_KEY]], s, sid, hit)
    for short, key in aliases.items():
        if short in cands and short != key:
            cands[key].absorb(cands.pop(short))
    _recount(cands, flat, names)
    return cands, blocked


def _hits(s: Sentence, found: SentenceHits, names: set[str], aliases: dict[str, str],
          cands: dict[str, Candidate]) -> Sequence[FlatHit]:
    """The pattern hits of a sentence, and the expansions of abbreviations it introduces
    (recorded in ``aliases``, the abbreviation's token in its expansion's candidate)."""
    if not found[1]:  # (most sentences introduce no abbreviation)
        return found[0]
    doc = s.doc
    hits = list(found[0])
    for a, b, short in found[1]:
        if not {text_key(span_words(doc, a, b).text()), text_key(short)} & names:
            tt = TokenView(doc)
            aliases[text_key(short)] = merge_key(tt, a, b)
            cands[merge_key(tt, a, b)].tokens.add((token_key(short),))
            hit = Hit(a, b, "abbrev", b, strength=1)
            hits.append(flatten(hit, measure(s, hit, tt)))
    return hits


def _contains_name(form: str, long_names: set[str]) -> bool:
    ws = form.lower().split()
    # (plain loops: a generator made for each of a long story's tens of thousands of forms,
    # most of them one or two words, cost more than the look-ups)
    for i in range(len(ws) - 1):
        for j in range(i + 2, len(ws) + 1):
            if " ".join(ws[i:j]) in long_names:
                return True
    return False


def _add(cand: Candidate, s: Sentence, sid: Sid, hit: FlatHit) -> None:
    """Record one use of a candidate (in sentence ``s``, whose id is ``sid``)."""
    (a, b, kind, _, hit_strength, head, rarity, strength, _, form, tokens, before, named, quoted,
     plural, _, _) = hit  # (FIELDS, checked below)
    cand.kinds.add(kind)
    if rarity < cand.rarity:
        cand.rarity = rarity
    _use(cand.uses, sid, hit_strength if hit_strength > strength else strength, quoted, named)
    if head:
        cand.heads[head] += 1
    span = (sid[0], sid[1], a, b)
    if span in cand.spans:  # found by two patterns: count the use once
        return
    cand.spans.add(span)
    cand.tokens.add(tokens)
    # (Counter's "+= 1" calls its Python __missing__ for each new form: most are new)
    cand.forms[form] = cand.forms.get(form, 0) + 1
    cand.before[before] = cand.before.get(before, 0) + 1
    cand.plural += plural
    cand.sentences[sid] = s


_UNPACKED = ("a", "b", "kind", "end", "strength", "head", "rarity", "strength", "key", "form",
             "tokens", "before", "named", "quoted", "plural", "inside_name", "filler")
assert FIELDS == _UNPACKED, "_add unpacks a FlatHit by position"
_A, _B, _KIND = FIELDS.index("a"), FIELDS.index("b"), FIELDS.index("kind")
_KEY, _FORM = FIELDS.index("key"), FIELDS.index("form")
_INSIDE_NAME, _FILLER = FIELDS.index("inside_name"), FIELDS.index("filler")


def _recount(cands: dict[str, Candidate], flat: dict[str, list[Sentence]], names: set[str]) -> None:
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
    # Only the tokens that can start a form are read (with the few after them); they are
    # found at once from each Doc's array of lower-case forms.
    firsts = first_word_ids(f for k in index for f in (k.lower(), k.lower() + "s"))
    starts: dict[int, list[int]] = {}  # by id(doc): the tokens that can start a form
    table = LastTable(TokenView)  # a few recounted uses per Doc: read them from its Tokens
    for sents in flat.values():
        for s in sents:
            if s.skip:
                continue
            doc = s.doc
            found = starts.get(id(doc))
            if found is None:
                found = starts[id(doc)] = starts_among(doc, firsts)
            n = bisect_left(found, s.start)
            if n == len(found) or found[n] >= s.end:
                continue
            within = found[n : bisect_left(found, s.end, n)]
            sid = (s.citation.article, s.citation.paragraph, s.citation.sentence)
            for a, b, key in _matches(s, within, index, names):
                hit = Hit(a, b, "use", b)
                _add(cands[key], s, sid, flatten(hit, measure(s, hit, table(doc))))


def _matches(
    s: Sentence, starts: Sequence[int], index: dict[str, list[tuple[tuple[str, ...], str]]],
    names: set[str],
) -> Iterable[tuple[int, int, str]]:
    """Where forms in ``index`` are used in sentence ``s``, of those starting at ``starts`` (in
    order: the tokens whose lower-case form may start one; no other token can).

    Read from the Doc's token arrays: no Token is made, nor the Doc of an article read from
    the cache (:class:`~generator.stored.StoredDoc`)."""
    doc = s.doc
    strings = doc.vocab.strings
    orth, space = doc.to_array("ORTH"), doc.to_array("SPACY")
    iob, ent_type = doc.to_array("ENT_IOB"), doc.to_array("ENT_TYPE")

    def text(i: int) -> str:
        return strings[int(orth[i])]

    for a in starts:
        k = token_key(text(a))
        forms = [*index.get(k, ()), *(index.get(k.lower(), ()) if k.lower() != k else ())]
        if not forms:
            continue
        # the token keys from ``a`` on, as far as the longest form (within the sentence)
        keys = [k, *(token_key(text(t)) for t in range(a + 1, min(
            s.end, a + max(len(toks) for toks, _ in forms))))]
        lower = [w.lower() for w in keys]
        for toks, key in forms:
            if tuple(keys[:1] if len(toks) == 1 else lower[: len(toks)]) != toks:
                continue
            b = a + len(toks)
            glued = (a > 0 and text(a - 1) in HYPHENS and not space[a - 1]) or (
                b < len(orth) and text(b) in HYPHENS and not space[b - 1]
            )
            ent = _entity_at(iob, ent_type, a)
            # inside a longer name ("the X Party") it is part of that name, unless the name only
            # places it ("the X of <Country>")
            name = text_key(span_words(doc, *ent).text()) if ent is not None else ""
            longer = bool(name) and name != text_key(span_words(doc, a, b).text())
            placed = b < len(orth) and text(b).lower() in {"of", "in"}
            inside_name = longer and not placed and name in names
            if not glued and not inside_name:
                yield a, b, key


def _entity_at(iob: Any, ent_type: Any, i: int) -> tuple[int, int] | None:
    """The token range of the entity holding token ``i``, as ``Doc.ents`` has it (a "B"
    token and the "I" tokens after it), from the Doc's ENT_IOB and ENT_TYPE arrays."""
    if not ent_type[i] or iob[i] not in (_IOB_I, _IOB_B):
        return None
    start = i
    while iob[start] == _IOB_I:
        start -= 1
        if start < 0 or iob[start] not in (_IOB_I, _IOB_B):
            return None
    if not ent_type[start]:
        return None
    end = i + 1
    while end < len(iob) and iob[end] == _IOB_I:
        end += 1
    return start, end
