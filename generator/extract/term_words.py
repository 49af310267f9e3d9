"""Word-level helpers for the glossary: closed lists of general English, rarity, spelling keys.

Nothing here names a term, person or place of any story; the lists are kinds of words
(heads that name a procedure, prefixes of stance, connectives that continue a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .token_table import Tokens


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


# Word -> its English zipf frequency, as looked up this run or (through the parse cache)
# earlier ones. Values depend only on wordfreq's list, which the cache key covers.
_FREQUENCIES: dict[str, float] = {}


def zipf(word: str) -> float:
    """How common ``word`` is in English (wordfreq's zipf scale, 0 when unknown)."""
    found = _FREQUENCIES.get(word)
    if found is None:
        found = _FREQUENCIES[word] = float(_zipf_frequency()(word, "en"))
    return found


@cache
def _zipf_frequency() -> Callable[[str, str], float]:
    # Imported on the first word not already known: importing wordfreq and reading its
    # English list take about a quarter of a second, a thirtieth of a rebuild of 1,000
    # articles in which one article was edited and every word it asks about was seen before.
    from wordfreq import zipf_frequency

    return zipf_frequency


def known_frequencies() -> dict[str, float]:
    """Every word frequency looked up so far (or learnt), for the cache to keep."""
    return dict(_FREQUENCIES)


def learn_frequencies(table: Mapping[str, float]) -> None:
    """Take word frequencies looked up by an earlier run (see :func:`frequency_source`)."""
    _FREQUENCIES.update(table)


def frequency_source() -> str:
    """Which wordfreq answers :func:`zipf`: its location and its module's size and time,
    so a table kept by the cache is not reused after wordfreq is upgraded (found without
    importing it)."""
    spec = find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return "none"
    stat = Path(spec.origin).stat()
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


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


def is_proper_adj(tt: Tokens, i: int) -> bool:
    """A nationality-style adjective ("Swiss"), not one capitalised by starting a sentence."""
    if tt.ent_type[i] == "NORP" and tt.pos[i] != "PROPN":
        return True
    return tt.pos[i] == "ADJ" and tt.text[i][:1].isupper() and not tt.sent_start[i]


def display(tt: Tokens, a: int, b: int) -> str:
    """Surface form, lowercase except for proper adjectives and names ("Swiss model")."""
    out = []
    for i in range(a, b):
        text = tt.text[i]
        upper = text[:1].isupper()
        keep = is_proper_adj(tt, i) or (upper and tt.pos[i] == "PROPN")
        keep = keep or (upper and i > a and tt.text[i - 1] in HYPHENS)
        out.append((text if keep else tt.lower[i]) + (" " if tt.space[i] else ""))
    return "".join(out).strip()


Unit = tuple[int, int]  # token range of one word; hyphenated compounds are one unit


def units(tt: Tokens, start: int, end: int) -> list[Unit]:
    """Token ranges of words in ``start:end``, re-joining compounds spaCy splits ("by", "-",
    "election")."""
    text, space, alpha = tt.text, tt.space, tt.alpha
    out, i = [], start
    while i < end:
        j = i + 1
        while (
            j + 1 < end
            and text[j] in HYPHENS
            and not space[j - 1]
            and not space[j]
            and alpha[j - 1]
            and alpha[j + 1]
        ):
            j += 2
        out.append((i, j))
        i = j
    return out


def pos(tt: Tokens, unit: Unit) -> str:
    """The part of speech of a word: its last token's, read as NOUN when a lowercase word is
    tagged as a name ("secretary of state")."""
    i = unit[1] - 1
    tag = tt.pos[i]
    return "NOUN" if tag == "PROPN" and tt.text[i].islower() else tag


def _blocked(tt: Tokens, i: int) -> bool:
    ent = tt.ent_type[i]
    if ent in NUMERIC_ENTS:
        return True
    return ent in BLOCKED_ENTS and not tt.text[i].islower()  # entity labels on lowercase
    # words are the tagger's guesses ("state" in "secretary of state"); names are capitalised


def unit_ok(tt: Tokens, unit: Unit) -> bool:
    """A word that may be part of a term: alphabetic, not in a name or date, known English.

    In a hyphenated compound opened by a lowercase word, a name may follow ("pro-Beijing")."""
    a, b = unit
    text, alpha, ent = tt.text, tt.alpha, tt.ent_type
    if b - a == 1:  # most words: the checks below for one token, without their loops
        word, label = text[a], ent[a]
        if not (alpha[a] or word in HYPHENS) or label in NUMERIC_ENTS:
            return False
        return not (label in BLOCKED_ENTS and not word.islower()) and word_zipf(word) > 1.0
    if any(not (alpha[i] or text[i] in HYPHENS) for i in range(a, b)):
        return False
    if b - a > 1 and text[a].islower():
        if any(ent[i] in NUMERIC_ENTS or ent[i] == "PERSON" for i in range(a, b)):
            return False
    elif any(_blocked(tt, i) for i in range(a, b)):
        return False
    return word_zipf(tt.span_text(a, b)) > 1.0  # unknown words are typos, foreign words or names


def is_foreign(tt: Tokens, start: int, end: int) -> bool:
    """A quote in another language (the sentence ``start:end``): hardly any English function
    words, and many of its words unknown to English. (Cheap on purpose: it runs on every
    sentence of the story.)"""
    ws = [i for i in range(start, end) if tt.alpha[i]]
    stop = tt.stop
    if len(ws) < 4 or sum(stop[i] for i in ws) >= FOREIGN_STOPWORDS * len(ws):
        return False
    lower = tt.lower
    return sum(zipf(lower[i]) < 2.0 for i in ws) > 0.4 * len(ws)
