"""Roles of people as the articles give them, each with the sentence it came from.

The constructions news style uses: a title before the name ("Home Secretary A B",
"Secretary of State A B", "X Party MP (Member of Parliament) A B", "party leader and
Prime Minister A B"), a plural title before a list of names ("Representatives A B,
C D and E F"), a bracket after the name ("(Norwich South)"), an owner's possessive of
an organisation ("A B's Party", which makes A B its leader), and the phrases beside the
name in :mod:`.appositions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import appositions
from .lexicon import HONORIFICS, is_role_noun, singular
from .names import Mention
from .spans import POSSESSIVE

_STOP_LEFT = {"the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "by", "and",
              "with", "to", "for", "from", "as", "at", "in", "on"}
_MODIFIERS = {"former", "then", "acting", "interim", "newly", "new", "current", "outgoing",
              "incoming", "ex", "late", "deputy", "vice", "senior", "junior"}
_PAST = {"former", "ex", "then", "late", "outgoing"}
_LIST_GLUE = {",", "and"}


@dataclass(frozen=True)
class RoleFinding:
    """A role for the person mentioned at ``mention``; ``title`` is True for a title before
    a name, which may also stand for the person alone ("the Home Secretary")."""

    mention: Mention
    text: str
    title: bool = False
    organisation: str = ""  # for "A's Party": the organisation's mention text


def find_roles(
    mention: Mention, doc: Doc, others: Sequence[Mention] = (),
    labels: dict[int, str] | None = None,
) -> list[RoleFinding]:
    """Every role the text gives the person at ``mention``; ``others`` are the paragraph's
    other cleaned mentions, which tell names apart from title words. ``labels`` (token →
    label of the paragraph's mentions) may be passed when it was built once per paragraph;
    only tokens before the mention are looked up in it."""
    found: list[RoleFinding] = []
    if labels is None:
        labels = token_labels(others)
    bracket = _bracket_after(mention, doc)
    titles = titles_before(mention.start, doc, labels)
    for n, (title, plural) in enumerate(titles):
        text = f"{title} ({bracket})" if bracket and n == 0 else title
        found.append(RoleFinding(mention, text, title=not plural))
    first = _first_in_list(mention, others, doc)
    if first is not mention:
        # "Representatives A B, C D and E F": a plural title before a list is each one's.
        for title, plural in titles_before(first.start, doc, labels):
            if plural:
                found.append(RoleFinding(mention, title))
        shared = appositions.before(doc, first.start)
        if shared:
            found.append(RoleFinding(mention, shared))
    for text in (appositions.after(doc, mention.start, mention.end), appositions.before(doc, mention.start),
                 appositions.predicate(doc, mention.start, mention.end),
                 appositions.member_of(doc, mention.start, mention.end),
                 appositions.introduction(doc, mention.start - _honorific_width(mention, doc))):
        if text:
            found.append(RoleFinding(mention, text))
    for org in (m for m in others if m.label == "ORG"):
        after = mention.end
        # "A B's Liberals" (not "A B's White House staff", where the name describes a noun).
        if org.start == after + 1 and doc[after].text in POSSESSIVE \
                and not (org.end < len(doc) and doc[org.end].pos_ == "NOUN"):
            found.append(RoleFinding(mention, f"leader of {org.text}", organisation=org.text))
    return found


def token_labels(mentions: Sequence[Mention]) -> dict[int, str]:
    """Each token of the mentions, with its mention's label."""
    return {t: m.label for m in mentions for t in range(m.start, m.end)}


def titles_before(start: int, doc: Doc, labels: dict[int, str]) -> list[tuple[str, bool]]:
    """The titles just before a name, nearest first: "Prime Minister" then "Conservative
    Party leader" in "Conservative Party leader and Prime Minister A B"; each with whether
    it was plural ("Representatives A B, C D": made singular, shared by the list)."""
    found: list[tuple[str, bool]] = []
    i = start - 1
    while doc[i].text.rstrip(".") in HONORIFICS if i >= 0 else False:
        i -= 1
    while i >= 0 and len(found) < 3:
        words, i = _title_run(i, doc, labels)
        for title in _titles_of(words):
            found.append(title)
        # "leader and Prime Minister": a second title joined by "and".
        if not words or i < 1 or doc[i].lower_ != "and" or not is_role_noun(doc[i - 1].text):
            break
        i -= 1
    return found


def _title_run(i: int, doc: Doc, labels: dict[int, str]) -> tuple[list[Token], int]:
    """The run of title words ending at token ``i``, and the index where it stopped."""
    words: list[Token] = []
    while i >= 0:
        token = doc[i]
        label = labels.get(i, "")
        if token.text == ")" and not words:
            # "X Party MP (Member of Parliament) A B": a gloss in brackets is skipped.
            opening = next((j for j in range(i - 1, max(i - 8, -1), -1) if doc[j].text == "("), None)
            if opening is None:
                break
            i = opening - 1
            continue
        if label == "PERSON":
            break
        if token.lower_ == "of" and words and i > 0 and is_role_noun(doc[i - 1].text) \
                and all(w.text[:1].isupper() or labels.get(w.i) for w in words):
            words.insert(0, token)  # "Secretary of State", "First Minister of Scotland"
            i -= 1
            continue
        if (token.lower_ in _STOP_LEFT and not label) or not (
                token.pos_ in ("NOUN", "PROPN", "ADJ") or token.lower_ in _MODIFIERS or label
                or token.text == "-"):
            break
        words.insert(0, token)
        i -= 1
    # Trim words that are not part of the title, from the left, until it starts well:
    # punctuation ("now-former"), a lowercase word that modifies nothing in the title
    # ("to impeach President A"), an adjective before another.
    while words and (words[0].is_punct or (
            words[0].is_lower and words[0].dep_ not in ("compound", "amod", "nmod", "nummod")
            and words[0].lower_ not in _MODIFIERS and not is_role_noun(words[0].text)) or (
            len(words) > 1 and words[0].pos_ == "ADJ" and words[0].lower_ not in _MODIFIERS
            and not words[0].is_title and words[1].pos_ == "ADJ")):
        words.pop(0)
    return words, i


def _titles_of(words: list[Token]) -> list[tuple[str, bool]]:
    """The title(s) in a run of words: it ends at its last office noun, or runs on through
    "of X" to the name; a past-tense modifier inside starts a second title ("Democratic
    challenger former Vice President")."""
    roles = [n for n, w in enumerate(words) if is_role_noun(w.text)]
    if not roles:
        return []
    last = roles[-1]
    if not (last + 1 < len(words) and words[last + 1].lower_ == "of"):
        words = words[: last + 1]
    cut = next((n for n, w in enumerate(words) if n and w.lower_ in _PAST
                and any(is_role_noun(x.text) for x in words[:n])), None)
    parts = [words[cut:], words[:cut]] if cut else [words]
    titles: list[tuple[str, bool]] = []
    for part in parts:
        text = part[0].doc[part[0].i : part[-1].i + 1].text if part else ""
        head = part[-1] if part else None
        plural = head is not None and is_role_noun(head.text) and singular(head.text) != head.text
        if plural and head is not None:
            text = text[: len(text) - len(head.text)] + singular(head.text)
        if text:
            titles.append((text, plural))
    return titles


def _first_in_list(mention: Mention, others: Sequence[Mention], doc: Doc) -> Mention:
    """The first name of the list ("A, B and C") the mention ends, or the mention itself."""
    ends = {m.end: m for m in others if m.label == "PERSON"}
    first = mention
    for _ in range(8):
        i = first.start
        j = i
        while j > 0 and doc[j - 1].text in _LIST_GLUE:
            j -= 1
        prev = ends.get(j)
        if j == i or prev is None:
            break
        first = prev
    return first


def _honorific_width(mention: Mention, doc: Doc) -> int:
    return len(mention.honorific.split()) if mention.honorific and mention.start > 0 \
        and doc[mention.start - 1].text.rstrip(".") in HONORIFICS else 0


def _bracket_after(mention: Mention, doc: Doc) -> str:
    """A short bracket right after a name, as with a constituency: "(Norwich South)"."""
    i = mention.end
    if i + 2 < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i + 1, min(i + 8, len(doc))) if doc[j].text == ")"), None)
        if close and close > i + 1 and all(t.is_title or t.is_punct or t.lower_ in ("and", "of")
                                           for t in doc[i + 1 : close]):
            return doc[i + 1 : close].text
    return ""
