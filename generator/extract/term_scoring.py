"""Which candidates are terms, and how strongly: a gate per pattern, then one score.

The gate asks for what makes a phrase worth a glossary entry on any story: rare in general
English, or shaped like a term and recurring, or explained where it is used. The score ranks
the survivors by recurrence across articles and outlets, rarity and explanation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .lexicon import ROLE_NOUNS
from .term_words import AGENT_SUFFIXES, HYPHENS, PREPOSITIONS, text_key

if TYPE_CHECKING:
    from .term_candidates import Candidate

MIN_SCORE = 3.5
MAX_TITLE_WORDS = 6
BONUS = {"pattern": 2.0, "to-verb": 2.0, "coinage": 2.0, "named": 2.0, "provision": 2.0,
         "status": 1.5, "institution": 1.5, "hyphen": 1.0, "stance": 1.0, "abbrev": 1.0, "quote": 0.5}


class Titles:
    """The word n-grams of the articles' headlines, for telling whether one names a term."""

    def __init__(self, titles: Iterable[str]) -> None:
        self.grams: set[str] = set()
        for title in titles:
            ws = re.findall(r"[a-z0-9]+", title.lower())
            for i in range(len(ws)):
                for j in range(i + 1, min(len(ws), i + MAX_TITLE_WORDS) + 1):
                    self.grams.add(" ".join(ws[i:j]))
                    self.grams.add("".join(ws[i:j]))

    def name(self, cand: Candidate) -> bool:
        """A headline naming the term (word for word, plural allowed) marks it as central."""
        for form in cand.forms:
            f = " ".join(re.findall(r"[a-z0-9]+", form.lower()))
            if f in self.grams or f"{f}s" in self.grams or text_key(form) in self.grams:
                return True
        return False


def _one_word(cand: Candidate) -> bool:
    return all(" " not in f and HYPHENS.isdisjoint(f) for f in cand.forms)


def _person_word(word: str) -> bool:
    """An agent or office noun names a person ("protester", "envoy"), its "-ship" the office."""
    stem = word.removesuffix("ship")
    return word.endswith(AGENT_SUFFIXES) or word in ROLE_NOUNS or (stem != word and stem in ROLE_NOUNS)


def qualifies(cand: Candidate, in_title: bool) -> bool:
    """Gate before ranking: rare and central, or term-shaped and recurring or explained."""
    # (``cand.defined`` reads every use: asked last, only where the cheaper tests leave it open)
    n, rare, kinds = len(cand.sentences), cand.rarity, cand.kinds
    backed = n >= 2 or in_title or cand.defined >= 2  # more than a passing mention
    if "institution" in kinds:
        return True  # a body the text stops to explain: "The X is the highest court ..."
    if "named" in kinds and (n >= 2 or in_title):
        return True  # a name the text gives to what it describes, and uses again
    if "abbrev" in kinds and n >= 3:
        return True  # an abbreviation the text spells out, and uses
    if "provision" in kinds and backed:
        return True
    if "coinage" in kinds and backed:
        return True
    if "status" in kinds and rare <= 4.5:
        return True  # "<Place> is a <status>"
    if _one_word(cand):
        word = min(cand.forms).lower()
        if _person_word(word):
            return False
        if cand.plural * 2 > sum(cand.forms.values()):
            return False  # mostly plural: countable things or people ("placards")
        if len(cand.before) == 1 and min(cand.before) in PREPOSITIONS:
            return False  # always "in jeopardy": an idiom, not a term
        return rare <= 3.8 and (n >= 3 or in_title or cand.defined >= 3)
    if "stance" in kinds:
        return (n >= 2 and rare <= 3.5) or rare <= 2.0  # "pro-...", or a rare one ("non-voting")
    if "to-verb" in kinds:
        return rare <= 4.5
    if "pattern" in kinds:
        if any(f[:1].isupper() for f in cand.forms):
            return True  # "<proper adjective> <head>" is a coinage: "the Swiss model"
        return (rare <= 4.5 and backed) or in_title or cand.defined >= 2
    if "hyphen" in kinds:
        return rare <= 4.0 and (n >= 2 or cand.defined >= 2)
    if "of" in kinds:
        return n >= 2 and (rare <= 4.3 or in_title or n >= 3)
    if "chunk" not in kinds:
        return False
    # common words that make a term together ("triple lock") show it by being explained
    # and recurring across articles
    return (rare <= 3.8 and backed) or (cand.defined >= 2 and (
        rare <= 4.0 or len({sid[0] for sid in cand.sentences}) >= 2))


def score(cand: Candidate, in_title: bool) -> float:
    """Recurrence across articles and outlets, rarity, explanation and pattern bonuses."""
    articles = {sid[0] for sid in cand.sentences}
    outlets = {s.source for s in cand.sentences.values()}
    value = 1.2 * math.log2(1 + len(cand.sentences))
    value += 0.8 * min(len(articles) - 1, 3) + 1.0 * min(len(outlets) - 1, 2)
    value += 1.5 * max(0.0, 5.0 - cand.rarity)
    value += 0.6 * cand.defined
    value += max((BONUS.get(k, 0.0) for k in cand.kinds), default=0.0) + 1.5 * in_title
    return round(value, 3)
