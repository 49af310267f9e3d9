"""Who says a quote: the speaker of the reporting verb that introduces it.

The cue is a reporting verb outside any quotation near the quote: first the verbs whose
clause holds the quote ("calling the investigation “Soviet-style”"), the nearest first,
then any other in the quote's sentences (or in a short sentence after it: "“...”, she
said."). A verb inside an aside ("— which the BBC noted as unusual —") cues only quotes
in the same aside. The speaker is the verb's subject, the agent of a passive ("described
by A as"), or the noun after an inverted verb ("said a protester"). In the subject's
phrase, a person named outside any prepositional phrase is the speaker ("Party leader
and Prime Minister A B"); "he"/"she" is the nearest person who agrees with the pronoun;
a phrase like "a source close to A" or "One MP" is an unnamed source, related to the
actor it names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .actors import Cast
from .gender import pronoun_gender
from .lexicon import SPEECH_VERBS, UNNAMED_SPEAKERS, WEAK_SPEECH_VERBS, is_role_noun
from .text import quoted, sentence_of

_PRONOUNS = {"he", "she"}
_INDEFINITE = {"a", "an", "one", "two", "three", "several", "some", "another", "many"}
_DASHES = {"—", "–", "--"}
_SHORT_SENTENCE = 6


@dataclass(frozen=True)
class Speaker:
    """An actor key (None for an unnamed source), how the text names the speaker, and the
    actor an unnamed source is related to."""

    key: str | None
    text: str
    about: str | None = None


def speaker_of_quote(doc: Doc, first: int, last: int, quoted: Sequence[tuple[int, int]],
                     where: tuple[str, int], cast: Cast) -> Speaker | None:
    """The speaker of the quote on tokens ``first``..``last``; ``quoted`` are the token
    ranges of all the paragraph's quotations (verbs inside them are not cues)."""
    for verb in _cues(doc, first, last, quoted):
        speaker = speaker_of_verb(verb, where, cast)
        if speaker is not None:
            return speaker
    return None


def _cues(doc: Doc, first: int, last: int, quoted: Sequence[tuple[int, int]]) -> list[Token]:
    start_sent, end_sent = sentence_of(doc, first), sentence_of(doc, last)
    if start_sent.start > 0 and first - start_sent.start <= 1 \
            and doc[start_sent.start - 1].text not in (".", "!", "?", "”", '"'):
        start_sent = sentence_of(doc, start_sent.start - 1)  # "A said he was “x” and “...B”"
    window = list(doc[start_sent.start : end_sent.end])
    # A quote that ends its sentence is often attributed in a short next one.
    if end_sent.end < len(doc):
        following = sentence_of(doc, end_sent.end)
        if len(following) <= _SHORT_SENTENCE:
            window.extend(following)
    asides = _asides(doc[start_sent.start : end_sent.end])
    quote_aside = next((a for a in asides if a[0] <= first < a[1]), None)
    verbs = []
    for t in window:
        if not is_cue(t) or any(s <= t.i <= e for s, e in quoted):
            continue
        aside = next((a for a in asides if a[0] <= t.i < a[1]), None)
        if aside is not None and aside != quote_aside:
            continue  # "— which the BBC noted as unusual —" reports no one's words here
        verbs.append(t)

    def rank(verb: Token) -> tuple[int, int]:
        # Verbs whose clause holds the quote first (the nearest ancestor first), then by
        # distance in tokens.
        depth = _depth_above(doc[first], verb)
        distance = first - verb.i if verb.i < first else verb.i - last
        return (0, depth) if depth >= 0 else (1, distance)

    return sorted(verbs, key=rank)


def is_cue(t: Token) -> bool:
    """A reporting verb: "said", "tweeted", "continued" (alone, not "continue to")."""
    lemma = t.lemma_.lower()
    if t.pos_ not in ("VERB", "AUX") or lemma not in SPEECH_VERBS:
        return False
    return not (lemma in WEAK_SPEECH_VERBS and any(c.dep_ in ("xcomp", "dobj") for c in t.children))


def _depth_above(token: Token, verb: Token) -> int:
    """How many steps up from ``token`` the ``verb`` is, or -1 when it is not above it."""
    depth = 0
    while token.i != verb.i:
        if token.head.i == token.i or depth > 12:
            return -1
        token = token.head
        depth += 1
    return depth


def _asides(sent: Span) -> list[tuple[int, int]]:
    """Token ranges between paired dashes: asides inside a sentence."""
    marks = [t.i for t in sent if t.text in _DASHES]
    return [(marks[n], marks[n + 1]) for n in range(0, len(marks) - 1, 2)]


def speaker_of_verb(verb: Token, where: tuple[str, int], cast: Cast) -> Speaker | None:
    """The speaker of one reporting verb, or None when it has none the story can name."""
    subject = subject_of(verb)
    return resolve(subject, where, cast) if subject is not None else None


def subject_of(verb: Token) -> Token | None:
    """The subject of a reporting verb, looking through coordination, relative clauses,
    passives ("described by A as") and inversion ("said a protester")."""
    mask = quoted(verb.doc)
    token = verb
    for _ in range(3):
        # Of two subjects ("Party leader and Prime Minister A B said"), the nearer; words
        # inside the quotation are never its speaker.
        subject = max((c for c in token.children if c.dep_ == "nsubj" and not mask[c.i]),
                      key=lambda c: (c.i < token.i, c.i), default=None)
        agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children
                      if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        if subject is not None and subject.lower_ in ("who", "that") and token.dep_ == "relcl":
            return token.head  # "Angela Rayner, who said ..."
        if subject is not None:
            return subject
        passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            return None  # "were described as": no one named says it
        after = next((c for c in token.children if c.i > token.i and c.pos_ in ("NOUN", "PROPN")
                      and c.dep_ in ("dobj", "attr", "npadvmod", "oprd")), None)
        if after is not None and token.i == verb.i and _after_quote(verb):
            return after  # "“...,” said a protester using the pseudonym A"
        if token.dep_ == "relcl" or (token.head.pos_ in ("PROPN", "NOUN") and token.dep_ != "ROOT"
                                     and token.head.dep_ == "ROOT"):
            return token.head
        if token.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or token.head.i == token.i:
            return None
        if token.tag_ == "VBG" and token.dep_ == "advcl" and verb.doc[max(token.i - 1, 0)].text == ",":
            # ", dismissing as “...”": the main clause's subject speaks (the highest verb
            # above that is not inside the quotation).
            top = token
            while top.head.i != top.i and not mask[top.head.i]:
                top = top.head
            if top.i != token.i:
                token = top
                continue
        token = token.head
    return None


def _after_quote(verb: Token) -> bool:
    """Whether a verb directly follows a closing quotation mark (an inverted cue)."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text in (",", "."):
        i -= 1
    return i >= 0 and verb.doc[i].text in ("”", '"', "''", "’")


def resolve(subject: Token, where: tuple[str, int], cast: Cast) -> Speaker | None:
    """Who a subject names: a person, a pronoun's person, an unnamed source, an actor."""
    article, paragraph = where
    doc = subject.doc
    phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
    direct = [t for t in phrase
              if cast.at(article, paragraph, t.i) and not _behind_preposition(t, subject)]
    people = [t for t in direct if cast.kind(cast.at(article, paragraph, t.i) or "") == "person"]
    if subject.lower_ in _PRONOUNS:
        key = resolve_pronoun(subject, where, cast)
        return Speaker(key, subject.text) if key else None
    named = people or ([subject] if cast.at(article, paragraph, subject.i) else [])
    if people or (named and not _unnamed(subject, people)):
        token = min(named, key=lambda t: abs(t.i - subject.i))
        key = cast.at(article, paragraph, token.i)
        start = end = token.i
        while start > 0 and cast.at(article, paragraph, start - 1) == key:
            start -= 1
        while end + 1 < len(doc) and cast.at(article, paragraph, end + 1) == key:
            end += 1
        return Speaker(key, doc[start : end + 1].text)
    if _unnamed(subject, people):
        about = next((k for t in phrase if (k := cast.at(article, paragraph, t.i))), None)
        return Speaker(None, phrase.text, about)
    return None


def _unnamed(subject: Token, people: Sequence[Token]) -> bool:
    """ "a source close to A", "Senior party sources", "One MP": someone the article
    does not name."""
    if subject.pos_ != "NOUN" or any(t.i == subject.i for t in people):
        return False
    if subject.lower_ in UNNAMED_SPEAKERS:
        return True
    return any(c.dep_ in ("det", "nummod", "amod") and c.lower_ in _INDEFINITE for c in subject.children)


def _behind_preposition(token: Token, subject: Token) -> bool:
    """Whether a prepositional phrase or a possessive lies between ``token`` and the
    subject it hangs from ("a source close [to A]", "[A's] spokeswoman")."""
    while token.i != subject.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ == "of" and token.head.text[:1].isupper() \
                and is_role_noun(token.head.text):
            pass  # "First Minister of Scotland A B": part of a title, not a barrier
        elif token.dep_ in ("prep", "agent", "poss"):
            return True  # "a source close to A", "A's spokeswoman": not A's own words
        token = token.head
    return False


def resolve_pronoun(pronoun: Token, where: tuple[str, int], cast: Cast) -> str | None:
    """ "she" is the most recent person the story calls "she"; failing that, the most recent
    person whose gender it does not know; failing that, the most recent person."""
    article, paragraph = where
    candidates = cast.people_before(article, paragraph, pronoun.i)
    if not candidates:
        return None
    gender = pronoun_gender(pronoun.text)
    agreeing = [k for k in candidates if cast.gender.get(k) == gender]
    unknown = [k for k in candidates if k not in cast.gender]
    return (agreeing or unknown or candidates)[0]
