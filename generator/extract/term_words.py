"""Word-level helpers for the glossary: closed lists of general English, rarity, spelling keys.

Nothing here names a term, person or place of any story; the lists are kinds of words
(heads that name a procedure, prefixes of stance, connectives that continue a sentence).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from wordfreq import zipf_frequency

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Heads naming a particular rule, procedure or status: "<noun> <head>" is a likely term
# ("extradition bill", "impeachment inquiry").
CONCEPT_HEADS = words(
    "scheme act bill order status inquiry procedure treaty agreement deal referendum motion "
    "amendment ruling mandate regime programme program hearing trial vote election clause test "
    "doctrine"
)
# Heads too vague to make a term after a plain noun ("asylum system", "justice system"); they
# do after a proper adjective or a quoted coinage ("the Swiss model", "the '...' model").
GENERIC_HEADS = words("model system policy rule law approach plan process principle formula strategy")
# Heads naming a body: a term after a noun ("district council"), a name after a proper
# adjective ("Republican committee"), so only the first counts.
BODY_HEADS = words("council tribunal committee assembly commission")
# Entities whose capitalised tokens never belong in a term (names, dates, numbers).
BLOCKED_ENTS = words(
    "PERSON GPE ORG LOC FAC DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY EVENT "
    "WORK_OF_ART PRODUCT LANGUAGE"
)
# Entities that stay blocked even on a lowercase word: numbers and times ("five", "fortnight").
NUMERIC_ENTS = words("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY")
# Generic nouns never worth an entry on their own, whatever their frequency.
FILLER = words(
    "people person thing way idea time year day week month country party result "
    "government number part side case lot kind sort fact issue area level group member "
    "official source report statement comment view place"
)
# Verbs that, right after a term as subject, introduce what it is or does.
DEFINING_VERBS = words("mean refer allow give let require enable permit provide involve")
AGENT_SUFFIXES = ("er", "or", "ist", "man", "ers", "ors", "ists", "men")
PREPOSITIONS = words("in on at under by into out of for")
# Prefixes that make a hyphenated modifier a stance or status ("pro-...", "non-voting").
STANCE_PREFIXES = words("pro anti non no")
# Nouns naming a grouping of people by stance: "the pro-... camp".
GROUP_HEADS = words("camp bloc movement wing faction lobby caucus")
# Words that introduce a name for what was just described: "known as X", "termed X".
NAMING_CUES = (("known", "as"), ("termed",), ("dubbed",), ("so", "-", "called"), ("called",))
# Nouns that number a provision of a law or treaty: "Article 50", "Section 30".
PROVISION_NOUNS = words("article section clause amendment chapter paragraph")
HYPHENS = frozenset("-‐‑")
QUOTES = frozenset('"“”')
# English text is about half function words; a sentence with under this share is not English.
FOREIGN_STOPWORDS = 0.15


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str = "en") -> float:
    return float(zipf_frequency(word, lang))


@lru_cache(maxsize=1 << 16)
def word_zipf(word: str) -> float:
    """Rarity of a word; a hyphenated compound is judged by its closed form when that is known,
    and an unknown compound of known parts ("pro-...", "no-deal") counts as a rare coinage.
    (Kept for reuse: every candidate word of every sentence asks, and words recur.)"""
    parts = [p for p in re.split(r"[-‐‑]", word.lower()) if p]
    closed = zipf("".join(parts))
    if closed > 0 or len(parts) < 2:
        return closed
    return min(3.0, min(zipf(p) for p in parts)) if all(zipf(p) > 0 for p in parts) else 0.0


_THE = re.compile(r"^the\s+")
_NOT_KEY = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=1 << 16)
def text_key(text: str) -> str:
    """Spelling-insensitive key: "The Run-off" and "runoff" -> "runoff" (kept for reuse: a
    long story asks for the same few thousand forms hundreds of thousands of times)."""
    return _NOT_KEY.sub("", _THE.sub("", text.strip().lower()))


def lemma(tok: Token) -> str:
    return str(tok.lemma_ or tok.text).lower()


def is_proper_adj(tok: Token) -> bool:
    """A nationality-style adjective ("Swiss"), not one capitalised by starting a sentence."""
    if tok.ent_type_ == "NORP" and tok.pos_ != "PROPN":
        return True
    return tok.pos_ == "ADJ" and tok.text[:1].isupper() and not tok.is_sent_start


def display(span: Span) -> str:
    """Surface form, lowercase except for proper adjectives and names ("Swiss model")."""
    out = []
    for t in span:
        upper = t.text[:1].isupper()
        keep = is_proper_adj(t) or (upper and t.pos_ == "PROPN")
        keep = keep or (upper and t.i > span.start and span.doc[t.i - 1].text in HYPHENS)
        out.append((t.text if keep else t.lower_) + t.whitespace_)
    return "".join(out).strip()


Unit = tuple[int, int]  # token range of one word; hyphenated compounds are one unit


def units(span: Span) -> list[Unit]:
    """Token ranges of words, re-joining compounds spaCy splits ("by", "-", "election")."""
    doc, out, i = span.doc, [], span.start
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
        out.append((i, j))
        i = j
    return out


def pos(doc: Doc, unit: Unit) -> str:
    """The part of speech of a word: its last token's, read as NOUN when a lowercase word is
    tagged as a name ("secretary of state")."""
    tok = doc[unit[1] - 1]
    return "NOUN" if tok.pos_ == "PROPN" and tok.text.islower() else str(tok.pos_)


def _blocked(tok: Token) -> bool:
    if tok.ent_type_ in NUMERIC_ENTS:
        return True
    return tok.ent_type_ in BLOCKED_ENTS and not tok.text.islower()  # entity labels on lowercase
    # words are the tagger's guesses ("state" in "secretary of state"); names are capitalised


def unit_ok(doc: Doc, unit: Unit) -> bool:
    """A word that may be part of a term: alphabetic, not in a name or date, known English.

    In a hyphenated compound opened by a lowercase word, a name may follow ("pro-Beijing")."""
    toks = doc[unit[0] : unit[1]]
    if any(not (t.is_alpha or t.text in HYPHENS) for t in toks):
        return False
    if len(toks) > 1 and toks[0].text.islower():
        if any(t.ent_type_ in NUMERIC_ENTS or t.ent_type_ == "PERSON" for t in toks):
            return False
    elif any(_blocked(t) for t in toks):
        return False
    return word_zipf(toks.text) > 1.0  # unknown words are typos, foreign words or names


def is_foreign(sent: Span) -> bool:
    """A quote in another language: hardly any English function words, and many of its words
    unknown to English. (Cheap on purpose: it runs on every sentence of the story.)"""
    ws = [t for t in sent if t.is_alpha]
    if len(ws) < 4 or sum(t.is_stop for t in ws) >= FOREIGN_STOPWORDS * len(ws):
        return False
    return sum(zipf(t.lower_) < 2.0 for t in ws) > 0.4 * len(ws)
