"""Definitions from the text: how well a sentence explains a term, and which run of sentences
to quote for it.

The best explaining sentence wins (a gloss, "X is a ...", "X, meaning ...", "known as X"),
with the sentence before it when it opens by pointing back ("Since then, ...") and the ones
after that elaborate it ("Specifically, ..."). A "<nationality> model" used only in passing is
explained by what the text says of that country: its rules and how they changed. A term no
sentence explains gets the sentence that best shows how the story uses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..models import Citation
from .term_words import DEFINING_VERBS, lemma
from .text import ents_in

if TYPE_CHECKING:

    from .term_candidates import Candidate
    from .term_hits import Sentence
    from .token_table import Tokens

MAX_RUN = 3  # sentences in one definition
MAX_WORDS = 40  # tokens in a sentence that still reads as a definition
Places = dict[tuple[str, str], list["Sentence"]]  # (entity label, name) -> sentences naming it
# A sentence that draws its point from the one before: "That is why ...", "Since then, ...".
ANAPHORIC = re.compile(
    r"^\W*(?:(?:this|that|it|which)(?:\s+is|'s|’s)\s+(?:why|how|what)|so|thus|therefore|hence"
    r"|since then|after that|until then)\b",
    re.IGNORECASE,
)
# A sentence that says more about the one before: "Specifically, ...", "But the rules changed".
ELABORATING = re.compile(
    r"^\W*(?:specifically|in particular|in other words|that means|this means|but|however|since then"
    r"|after that|instead|now|today)\b",
    re.IGNORECASE,
)
# Lemmas of verbs and nouns that state a rule or a change to one (general English).
RULE_WORDS = frozenset(
    "allow require permit grant ban entitle oblige force restrict limit rule law guarantee qualify "
    "change introduce replace abolish tighten reduce cut".split()
)


def strength(tt: Tokens, start: int, end: int, a: int, b: int) -> int:
    """How clearly the sentence ``start:end`` explains the term at ``a:b``: 0 (merely uses
    it) to 3 (``tt``: the token table of its Doc)."""
    if b + 1 >= end:
        return 0
    lower, pos = tt.lower, tt.pos
    before = a - 1 if a > start else None
    prev2 = lower[max(start, a - 2) : a]
    if before is not None and tt.dep[before] in {"compound", "amod", "nmod"} and a <= tt.head[before] < b:
        return 0  # "a no-deal X, meaning ...": the gloss is of the longer phrase
    t0, l0, l1 = tt.text[b], lower[b], lower[b + 1]
    if t0 in {"—", "–", "("} and pos[b + 1] in {"DET", "ADJ"}:
        return 3  # a gloss: "the prorogation — a procedural suspension —"
    if t0 in {",", "—", "–"} and l1 in {"meaning", "i.e."}:
        return 3  # "the X model, meaning ..."
    for i in tt.appositions_of(b - 1):  # "X, an unpaid role" (apposition needs the parser)
        if i < end and lower[tt.left_edge(i, start)] in {"a", "an"}:
            return 2
    if (t0 == "," and l1 == "which") or (l0 == "that" and l1 == "would"):
        return 2  # "X, which ...", "a law that would allow ..."
    if t0 == "," and l1 in {"a", "an", "the"} and any(
        lower[i] in {"which", "that"} and pos[i - 1] == "NOUN" for i in range(b + 2, min(end, b + 6))
    ):
        return 2  # "X, the position which becomes ..."
    if before is None or pos[before] in {"DET", "SCONJ", "PUNCT", "CCONJ"}:  # X is the subject
        verb, passive = tt.lemma[b], tt.tag[b + 1] in {"VBN", "VBG"}
        if verb == "be" and pos[b + 1] == "DET" and not passive:
            return 2  # "prorogation is a political tool" (not "X is affordable")
        if verb == "be" and l1 in {"defined", "known"}:
            return 2  # "X is defined as ..."
        if verb in DEFINING_VERBS and not passive:
            return 2  # "X means ...", "X allows ..."
    if prev2[-1:] == ["called"] or prev2 == ["known", "as"]:
        return 2
    return 1 if lower[start] == "under" else 0  # "Under a system ..., refugees can apply for X"


def definition(
    cand: Candidate, term: str, flat: dict[str, list[Sentence]], places: Callable[[], Places]
) -> tuple[str, Citation]:
    """The definition text of a chosen candidate (shown as ``term``) and the sentence it
    starts at (``places`` gives the story's :func:`place_index`, asked only when needed)."""
    order = sorted(cand.uses, key=lambda sid: _preference(cand, sid, term.lower()))
    best = cand.sentences[order[0]]
    use = cand.uses[order[0]]
    if use.strength < 2:
        explained = _place_explanation(cand, flat, places)
        if explained:
            return _text(explained), explained[0].citation
    run = _run(best, flat, elaborate=use.strength >= 2)
    return _text(run), run[0].citation


def _preference(cand: Candidate, sid: tuple[str, int, int], term: str) -> tuple[object, ...]:
    """Sort key, best first: explaining, spoken by the writer (not quoted), in the body (not a
    caption), short enough to read as a definition, using the term as shown, with a name
    saying which one it is ("the <Place> run-off"), earliest."""
    use, sent = cand.uses[sid], cand.sentences[sid]
    long = sent.end - sent.start > MAX_WORDS
    shown = term in sent.citation.text.lower()
    return (-use.strength, use.quoted, sent.caption, long, not shown, not use.named, sent.rank)


def _run(best: Sentence, flat: dict[str, list[Sentence]], elaborate: bool) -> list[Sentence]:
    """The sentence, after the one it points back to, and before those that elaborate it."""
    sents = flat[best.citation.article]
    i = best.rank[1]
    run = [best]
    if i > 0 and ANAPHORIC.match(best.citation.text) and not sents[i - 1].caption:
        run.insert(0, sents[i - 1])
    while elaborate and len(run) < MAX_RUN and i + 1 < len(sents):
        i += 1
        nxt = sents[i]
        if nxt.caption or not ELABORATING.match(nxt.citation.text) or any(nxt.quoted[:1]):
            break
        run.append(nxt)
    return run


def _text(run: Sequence[Sentence]) -> str:
    return " ".join(s.citation.text for s in run)


def place_adjective(cand: Candidate) -> str | None:
    """The nationality adjective of a "<Swiss> model" term, if the term is one."""
    form = max(cand.forms, key=lambda f: (cand.forms[f], f))
    first = form.split()[0]
    if "pattern" in cand.kinds and first[:1].isupper() and first.isalpha() and " " in form:
        return first
    return None


def _place_explanation(
    cand: Candidate, flat: dict[str, list[Sentence]], index: Callable[[], Places]
) -> list[Sentence]:
    """For "<nationality> <model>": the writer's sentences about that country that state its
    rules, with the ones that go on to say how they changed."""
    adjective = place_adjective(cand)
    if adjective is None:
        return []
    places = index()
    used = set(cand.sentences)
    articles = {sid[0] for sid in used}
    about = {id(s): s for name in _places_for(adjective, places) for s in places[name]}
    for sent in sorted(about.values(), key=lambda s: (s.citation.article not in articles, s.rank)):
        sid = (sent.citation.article, sent.citation.paragraph, sent.citation.sentence)
        if sid in used or sent.caption or any(sent.quoted):
            continue
        if any(lemma(t) in RULE_WORDS for t in sent.span):
            run = [sent]
            sents = flat[sent.citation.article]
            i = sent.rank[1]
            while len(run) < MAX_RUN and i + 1 < len(sents):
                i += 1
                nxt = sents[i]
                if nxt.caption or any(nxt.quoted) or not ELABORATING.match(nxt.citation.text):
                    break
                run.append(nxt)
            return run
    return []


def _places_for(adjective: str, places: Places) -> list[tuple[str, str]]:
    """The keys of the place an adjective names: the adjective itself, and the place sharing
    its first letter and the longest common start ("Swiss" -> the one named most in "S")."""
    found = [("NORP", adjective)] if ("NORP", adjective) in places else []
    best: tuple[int, int, str] | None = None
    for (label, place), sents in places.items():
        if label != "GPE" or place[:1] != adjective[:1]:
            continue
        common = next((i for i, (x, y) in enumerate(zip(place, adjective, strict=False)) if x != y),
                      min(len(place), len(adjective)))
        key = (common, len(sents), place)
        if best is None or key > best:
            best = key
    return found + ([("GPE", best[2])] if best else [])


def place_index(flat: dict[str, list[Sentence]]) -> Places:
    """Sentences by the places and nationality words they name, in reading order."""
    out: Places = {}
    for sents in flat.values():
        for sent in sents:
            for ent in ents_in(sent.span):
                if ent.label_ in {"GPE", "NORP"}:
                    name = ent.text.removeprefix("the ").strip()
                    bucket = out.setdefault((ent.label_, name), [])
                    if not bucket or bucket[-1] is not sent:
                        bucket.append(sent)
    return out
