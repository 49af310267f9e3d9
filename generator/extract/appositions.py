"""Roles said about a person in a phrase beside the name rather than as a title.

- after the name: "A B, the general secretary of X,", "A B, X's chief of staff,",
  "A B, one of X's aides";
- before the name: "The mayor of London, A B,", "a Republican, A B,";
- as a predicate: "A B was serving as X's lawyer", "A B is the former delegate to X",
  "A B, who succeeded him as Foreign Secretary";
- in an introduction: "a university student named A", "a protester using the pseudonym A".

Each returns the role's words, or "" when the sentence says no such thing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .lexicon import (
    HONORIFICS,
    NAMING_WORDS,
    PSEUDONYM_WORDS,
    SPEECH_VERBS,
    is_role_noun,
    singular,
)

_END = {",", ".", ";", ":", "(", ")", "—", "–", "“", "”", '"'}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}
_NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "several", "some", "both"}
_MODIFIERS = {"former", "then", "acting", "interim", "newly", "new", "current", "outgoing",
              "incoming", "ex", "late", "deputy", "vice", "senior", "junior"}
_PREDICATE_VERBS = {"be", "serve", "become", "remain", "succeed", "appoint", "elect", "name",
                    "nominate", "begin", "continue", "work", "act", "install", "swear"}
# Verbs whose "as" role belongs to their object when they have one.
_OBJECT_VERBS = {"appoint", "elect", "name", "nominate", "install"}
_MAX_WORDS = 14


def after(doc: Doc, start: int, end: int) -> str:
    """ "A B, the general secretary of X," / "A B, X's chief of staff," → the description.

    A peerage title in apposition ("A B, Lord C, the Lord President") is skipped.
    """
    i = end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].text in HONORIFICS:
        j = i + 2
        while j < len(doc) and doc[j].text[:1].isupper() and doc[j].text != ",":
            j += 1
        i = j
    if i >= len(doc) or doc[i].text != ",":
        return ""
    first = i + 1
    if first >= len(doc):
        return ""
    opener = doc[first]
    possessive = _possessive_owner_end(doc, first)
    one_of = opener.lower_ == "one" and first + 1 < len(doc) and doc[first + 1].lower_ == "of"
    if not (opener.lower_ in ("the", "a", "an") or is_role_noun(opener.text) or opener.lower_ in _MODIFIERS
            or possessive or one_of):
        return ""
    name_root = doc[start:end].root
    stop = first
    while stop < len(doc) and doc[stop].text not in _END:
        token = doc[stop]
        if token.lower_ in ("who", "which"):
            return ""  # a clause, not a description
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "VBN":
            if token.i == name_root.head.i and stop > first + 1:
                break  # "A B, the Lord President of the court decided": the name's own verb
            return ""
        stop += 1
    words = doc[first:stop]
    if len(words) == 2 and words[0].lower_ in ("a", "an") and words[1].ent_type_ == "NORP":
        return words[1].text  # "A B, a Democrat,"
    if not 1 < len(words) <= _MAX_WORDS or not any(is_role_noun(t.text) for t in words):
        return ""
    return _strip_determiner(words)


def before(doc: Doc, start: int) -> str:
    """ "The mayor of London, A B," / "a Republican, A B," / "Two Democratic
    Representatives, A B and C D" → the description (a plural made singular)."""
    comma = start - 1
    if comma < 1 or doc[comma].text != ",":
        return ""
    first = comma
    while first > 0 and doc[first - 1].text not in _END and doc[first - 1].pos_ not in ("VERB", "AUX") \
            and doc[first - 1].lower_ not in ("and", "but", "or", "that") and comma - first < _MAX_WORDS:
        first -= 1
    words = doc[first:comma]
    owner = _possessive_owner_end(doc, first) if words else False
    if not words or (words[0].lower_ not in _DETERMINERS | _NUMBERS and not owner):
        return ""
    # The description opens its clause, or follows a reporting verb ("argued the
    # government's lawyer, A B"): "after meeting the president, A B" describes no one.
    prev = doc[first - 1] if first > 0 and not doc[first].is_sent_start else None
    if prev is not None and prev.text not in (",", ";", ":") and not (
            prev.pos_ == "VERB" and prev.lemma_.lower() in SPEECH_VERBS):
        return ""
    body = [t for t in words if t.lower_ not in _DETERMINERS | _NUMBERS]
    if owner:  # "A's spokeswoman, B": the role is the owner's spokeswoman
        body = list(words)
        while body and body[0].text.rstrip(".") in HONORIFICS:
            body.pop(0)
    if not body:
        return ""
    roles = [t for t in body if is_role_noun(t.text) and t.pos_ in ("NOUN", "PROPN")]
    if not roles and not (len(body) == 1 and body[0].ent_type_ == "NORP"):
        return ""  # "a Republican, A B": a party word alone describes a member
    text = doc[body[0].i : body[-1].i + 1].text
    last = body[-1]
    if is_role_noun(last.text) and singular(last.text) != last.text:
        text = text[: len(text) - len(last.text)] + singular(last.text)
    return text


def member_of(doc: Doc, start: int, end: int) -> str:
    """ "only two presidents have been impeached: A B and C D" → "president": a name in
    apposition to a plural office noun (directly or through a list) is one of them."""
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    if root.dep_ != "appos" or head.i >= start or head.pos_ != "NOUN" or not is_role_noun(head.text) \
            or singular(head.text) == head.text:
        return ""
    left = head.i
    while left > 0 and doc[left - 1].dep_ in ("amod", "compound") and doc[left - 1].head.i == head.i:
        left -= 1
    return doc[left : head.i].text_with_ws + singular(head.text)


def predicate(doc: Doc, start: int, end: int) -> str:
    """ "A B was serving as X's lawyer", "A B is the former delegate to X", "A B became
    leader of X", "A B, who succeeded him as Foreign Secretary" → the role."""
    root = doc[start:end].root
    if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
        root = root.head  # "A's brother, B, is a councillor": B is
    verbs = [c for c in root.children if c.dep_ == "relcl"
             and any(s.lower_ == "who" and s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    if root.dep_ in ("nsubj", "nsubjpass"):
        verbs.insert(0, root.head)
    for verb in verbs:
        role = _predicate_role(verb)
        if role:
            return role
    return ""


def _predicate_role(verb: Token) -> str:
    if verb.lemma_.lower() not in _PREDICATE_VERBS:
        return ""
    if verb.lemma_.lower() in _OBJECT_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        return ""  # "A appointed B as secretary of state": the role is B's
    if any(c.dep_ == "neg" for c in verb.children):
        return ""
    for head in (verb, *[c for c in verb.children if c.dep_ == "xcomp"]):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                noun = next((c for c in child.children if c.dep_ == "pobj"), None)
                if noun is not None:
                    return _noun_phrase(noun)
            if child.dep_ in ("attr", "oprd") and head.lemma_.lower() in ("be", "become", "remain"):
                return _noun_phrase(child)
    return ""


def introduction(doc: Doc, start: int) -> str:
    """ "a university student named A" → "university student"; "a protester using the
    pseudonym A" → "protester"."""
    i = start - 1
    if i > 0 and doc[i].lower_ in ("the", "a"):
        i -= 1
    if i < 1 or doc[i].lower_ not in NAMING_WORDS | PSEUDONYM_WORDS:
        return ""
    token: Token = doc[i]
    for _ in range(3):  # up from "named"/"pseudonym" to the noun it describes
        token = token.head
        if token.pos_ == "NOUN" and token.i < i and is_role_noun(token.text):
            left = token.i
            while left > 0 and doc[left - 1].dep_ in ("compound", "amod") and doc[left - 1].head.i == token.i:
                left -= 1
            return doc[left : token.i + 1].text
    return ""


def _noun_phrase(noun: Token) -> str:
    """A role noun's phrase, without its determiner or clauses; "" if it names no office."""
    doc = noun.doc
    left, right = noun.left_edge.i, noun.i
    for t in doc[noun.i + 1 : noun.right_edge.i + 1]:
        if t.text in _END or t.pos_ in ("VERB", "AUX") or t.lower_ in ("who", "which", "that"):
            break
        right = t.i
    words = doc[left : right + 1]
    if not 0 < len(words) <= _MAX_WORDS or not any(is_role_noun(t.text) for t in words):
        return ""
    while len(words) > 1 and words[0].lower_ in _DETERMINERS:
        words = words[1:]
    # "A and B are members of X": each is a member.
    return "".join((singular(t.text) if t.i == noun.i and is_role_noun(t.text) else t.text) + t.whitespace_
                   for t in words).strip()


def _strip_determiner(words: Span) -> str:
    while len(words) > 1 and words[0].lower_ in _DETERMINERS:
        words = words[1:]
    return words.text


def _possessive_owner_end(doc: Doc, first: int) -> bool:
    """ "X's" or "X Y's" opening a description: an owner's name and a possessive."""
    j = first
    while j < min(first + 4, len(doc)) and doc[j].text[:1].isupper():
        j += 1
    return j > first and j < len(doc) and doc[j].tag_ == "POS"
