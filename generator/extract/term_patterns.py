"""Where a sentence may name a term: part-of-speech and dependency patterns over one sentence.

Each pattern yields a :class:`Hit`, a token range with the pattern that found it. Patterns are
kinds of English phrasing (a noun before a procedural head, a hyphenated stance, a quoted
coinage before "model", a name introduced by "known as"), never words of a story.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from .lexicon import ROLE_NOUNS
from .term_words import (
    BODY_HEADS,
    CONCEPT_HEADS,
    FILLER,
    GENERIC_HEADS,
    HYPHENS,
    NAMING_CUES,
    NUMERIC_ENTS,
    PROVISION_NOUNS,
    QUOTES,
    STANCE_PREFIXES,
    Unit,
    is_proper_adj,
    lemma,
    pos,
    unit_ok,
    units,
    word_zipf,
)
from .text import ents_in

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .token_table import Tokens

NOUNS = frozenset({"NOUN"})
# Nouns a body is described as: "The <Body> is the highest court ...".
INSTITUTION_NOUNS = frozenset(
    "court council assembly body chamber house parliament legislature tribunal committee commission "
    "authority".split()
)
STATUS_ZIPF = 4.7  # "a territory", "a monarchy" name a status; "a nation", "an island" do not
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
CUE_STARTS = frozenset(cue[0] for cue in NAMING_CUES)
ARTICLES = frozenset({"a", "an", "the"})
_CONCEPT_OR_BODY = CONCEPT_HEADS | BODY_HEADS
_CONCEPT_OR_GENERIC = CONCEPT_HEADS | GENERIC_HEADS


class Hit(NamedTuple):
    """Tokens ``a:b`` may be a term, found by pattern ``kind``; defining cues are looked for
    after token ``end``; ``strength`` is what the pattern itself says about the sentence
    explaining it (see :func:`generator.extract.term_definitions.strength`); ``head`` is the
    noun a modifier was found before ("camp" after "pro-...")."""

    a: int
    b: int
    kind: str
    end: int
    strength: int = 0
    head: str = ""


def find(sent: Span, tt: Tokens) -> Iterator[Hit]:
    """Every candidate range in a sentence, each with the pattern that found it (``tt``: the
    token table of the sentence's Doc)."""
    us = units(tt, sent.start, sent.end)
    yield from _compounds(tt, us)
    yield from _phrases(tt, us)
    yield from _runs(tt, us)
    yield from _quoted(sent, tt)
    yield from _named(sent, tt)
    yield from _copular(sent, tt)


def _compounds(tt: Tokens, us: list[Unit]) -> Iterator[Hit]:
    """Hyphenated words: nouns ("run-off"), and stances modifying a noun ("pro-...")."""
    for k, u in enumerate(us):
        if u[1] - u[0] < 2 or not unit_ok(tt, u):
            continue
        nxt = us[k + 1] if k + 1 < len(us) else None
        stance = tt.lower[u[0]] in STANCE_PREFIXES
        if stance and nxt and pos(tt, nxt) in {"NOUN", "PROPN"} and tt.alpha[nxt[0]]:
            head = nxt[1] - 1
            if tt.ent_type[head] not in NUMERIC_ENTS:
                yield Hit(u[0], u[1], "stance", nxt[1], head=tt.text[head])
                continue
        modifier = nxt is not None and pos(tt, nxt) in {"NOUN", "PROPN"}
        if pos(tt, u) in {"NOUN", "PROPN"} and not modifier:
            yield Hit(u[0], u[1], "hyphen", u[1])  # "run-off", not "high-profile" in "a ... case"


def _phrases(tt: Tokens, us: list[Unit]) -> Iterator[Hit]:
    """"<rare adj> <noun> to <verb>", "<noun> of <noun>" and "Article <number>"."""
    for k, u in enumerate(us):
        nxt = us[k + 1 : k + 5]
        first = u[0]
        if tt.lower[first] in PROVISION_NOUNS and tt.text[first][:1].isupper() and nxt:
            num = nxt[0][0]
            if tt.like_num[num] and not tt.alpha[num] and nxt[0][1] - nxt[0][0] == 1:
                yield Hit(u[0], nxt[0][1], "provision", nxt[0][1])  # "Article 50"
        # "<rare adj> <noun> to <verb>" used intransitively names a status ("... leave to
        # remain"); a verb with an object is a purpose clause ("the model to restore order").
        if len(nxt) == 4 and tt.pos[first] == "ADJ" and pos(tt, nxt[0]) in NOUNS:
            to, verb, after = nxt[1][0], nxt[2][0], nxt[3][0]
            if (
                tt.lower[to] == "to"
                and tt.pos[verb] in {"VERB", "AUX"}
                and tt.pos[after] in {"ADP", "PUNCT", "CCONJ", "SCONJ"}
                and tt.text[after] not in QUOTES
                and word_zipf(tt.text[first]) <= 4.5
                and tt.lemma[nxt[0][1] - 1] not in FILLER
                and unit_ok(tt, u)
                and unit_ok(tt, nxt[0])
            ):
                yield Hit(u[0], nxt[2][1], "to-verb", nxt[2][1])
        # "<noun> of <bare noun>": "articles of impeachment", "abuse of power"; and of a
        # one-word institution: "obstruction of <Body>"
        if len(nxt) >= 2 and pos(tt, u) in NOUNS and tt.lower[nxt[0][0]] == "of":
            obj = nxt[1]
            if not (len(nxt) < 3 or pos(tt, nxt[2]) not in NOUNS) or not unit_ok(tt, u):
                continue
            common = pos(tt, obj) in NOUNS and tt.text[obj[0]].islower() and unit_ok(tt, obj)
            body = (_is_body_name(tt, obj) and tt.text[first].islower()
                    and tt.lemma[first] not in ROLE_NOUNS)
            if common or body:
                yield Hit(u[0], obj[1], "of", obj[1])


def _is_body_name(tt: Tokens, unit: Unit) -> bool:
    i = unit[0]
    return (
        unit[1] - unit[0] == 1
        and tt.pos[i] == "PROPN"
        and tt.text[i][:1].isupper()
        and tt.ent_type[i] in {"", "ORG"}
        and (i + 1 >= tt.n or tt.pos[i + 1] != "PROPN")
    )


def _runs(tt: Tokens, us: list[Unit]) -> Iterator[Hit]:
    """Runs of adjectives and nouns ending in a noun: every noun sub-run, and "<adj> <nouns>"."""
    run: list[Unit] = []
    for u in [*us, (-1, -1)]:
        if u[0] >= 0 and pos(tt, u) in {"ADJ", "NOUN"} and unit_ok(tt, u):
            run.append(u)
            continue
        while run and pos(tt, run[-1]) not in NOUNS:
            run.pop()
        for i in range(len(run)):
            for j in range(i + 1, min(i + 3, len(run)) + 1):
                piece = run[i:j]
                if any(pos(tt, p) not in NOUNS for p in piece[1:]):
                    continue
                first = piece[0][0]
                if tt.pos[first] == "ADJ" and (j - i < 2 or word_zipf(tt.text[first]) > 5.0):
                    continue  # a lone adjective, or a very common one ("new", "public")
                head, kind = tt.lemma[piece[-1][1] - 1], "chunk"
                if j - i >= 2:
                    mod = piece[-2][1] - 1
                    if (tt.pos[mod] == "NOUN" and head in _CONCEPT_OR_BODY) or (
                        is_proper_adj(tt, mod) and head in _CONCEPT_OR_GENERIC
                    ):
                        kind = "pattern"  # "tariff bill", "the Swiss model"
                yield Hit(first, piece[-1][1], kind, piece[-1][1])
        run = []


def _quoted(sent: Span, tt: Tokens) -> Iterator[Hit]:
    """Short quoted phrases: "coinages" named as a model or policy, and quoted nouns."""
    text = tt.text
    marks = [i for i in range(sent.start, sent.end) if text[i] in QUOTES]
    for o, c in zip(marks[::2], marks[1::2], strict=False):
        inner = [i for i in range(o + 1, c) if not (i == o + 1 and tt.lower[i] in ARTICLES)]
        if not inner or len(inner) > 6 or any(tt.ent_type[i] == "PERSON" for i in inner):
            continue
        a, b = inner[0], inner[-1] + 1
        after = c + 1 if c + 1 < sent.end else None
        wordy = all(tt.alpha[i] or text[i] in HYPHENS or text[i] == "," for i in inner)
        if wordy and len(inner) >= 2 and after is not None and tt.lemma[after] in _CONCEPT_OR_GENERIC:
            yield Hit(a, b, "coinage", after + 1)  # the "..." model
        elif len(inner) <= 4 and tt.pos[b - 1] == "NOUN" and all(unit_ok(tt, v) for v in units(tt, a, b)):
            yield Hit(a, b, "quote", c + 1)


def _named(sent: Span, tt: Tokens) -> Iterator[Hit]:
    """A name given to what was just described: "known as X", "which has been termed X"."""
    doc = sent.doc
    for k in range(sent.start, sent.end):
        if tt.lower[k] not in CUE_STARTS:
            continue
        tok = doc[k]
        cue = _cue_end(tok, sent)
        if cue is None:
            continue
        i = cue + (1 if cue < sent.end and doc[cue].text in QUOTES else 0)
        if i < sent.end and doc[i].ent_type_ in PLACE_ENTS:
            continue  # "a region known as X" names a place
        j = i
        while j < sent.end and j - i < 4 and _name_word(doc[j]):
            j += 1
        while j > i and doc[j - 1].pos_ not in {"NOUN", "PROPN"}:
            j -= 1
        if j > i:  # "so-called X" only marks a name; "known as X" names what it described
            yield Hit(i, j, "named", j, strength=1 if tok.lower_ == "so" else 2)


def _cue_end(tok: Token, sent: Span) -> int | None:
    """The index after a naming cue that starts at ``tok``, if one does."""
    doc = sent.doc
    for cue in NAMING_CUES:
        end = tok.i + len(cue)
        if end <= sent.end and tuple(t.lower_ for t in doc[tok.i : end]) == cue:
            if cue[0] in {"called", "termed", "dubbed"} and tok.tag_ != "VBN":
                return None  # "X called Y a Z" reports speech; "a holiday called X" names
            if cue == ("called",) and tok.i > sent.start and doc[tok.i - 1].text in HYPHENS:
                return None  # the end of "so-called"
            return end
    return None


def _name_word(tok: Token) -> bool:
    return (
        tok.is_alpha
        and tok.pos_ in {"PROPN", "NOUN", "ADJ"}
        and tok.ent_type_ not in NUMERIC_ENTS
        and word_zipf(tok.text) > 1.0
    )


def _copular(sent: Span, tt: Tokens) -> Iterator[Hit]:
    """"<Place> is a <status>" and "The <Institution> is the <description>"."""
    doc = sent.doc
    for k in range(sent.start, sent.end):
        if tt.dep[k] != "nsubj" or tt.lemma[tt.head[k]] != "be" or tt.head[k] < k:
            continue
        tok = doc[k]
        verb = tok.head
        attr = next((c for c in verb.rights if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if attr is None or any(c.dep_ == "neg" for c in verb.children):
            continue
        det = attr.left_edge
        status = lemma(attr) not in FILLER | ROLE_NOUNS and word_zipf(lemma(attr)) <= STATUS_ZIPF
        if tok.ent_type_ == "GPE" and det.lower_ in {"a", "an"} and status:
            start = det.i + 1
            while start < attr.i and doc[start].pos_ == "ADV":
                start += 1
            if all(unit_ok(tt, u) for u in units(tt, start, attr.i + 1)):
                yield Hit(start, attr.i + 1, "status", attr.i + 1, strength=2)
                if start < attr.i:
                    yield Hit(attr.i, attr.i + 1, "status", attr.i + 1, strength=2)
        elif (
            tok.ent_type_ == "ORG"
            and tok.text[:1].isupper()
            and det.pos_ == "DET"
            and verb.tag_ == "VBZ"
            and lemma(attr) in INSTITUTION_NOUNS
        ):
            # "The <Body> is the ...": the name is the whole subject, in the present tense
            ent = next((e for e in ents_in(sent) if e.start <= tok.i < e.end), None)
            if ent is None or ent.end != verb.i or lemma(doc[ent.end - 1]) in FILLER:
                continue
            start = ent.start + (doc[ent.start].lower_ == "the")
            if tok.left_edge.i in {ent.start, start} or doc[tok.left_edge.i].lower_ == "the":
                yield Hit(start, ent.end, "institution", ent.end, strength=3)
