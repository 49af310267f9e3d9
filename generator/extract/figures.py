"""Key figures: numbers the story turns on (votes, majorities, percentages, sums), each
with the words that say what it counts and the sentence it came from."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence

from spacy.tokens import Span

from ..models import AnnotatedArticle, Citation, Figure

FIGURE_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
# A bare small number ("two", "3") is rarely a figure worth a headline; these need digits
# and either a thousands separator, a percentage, a currency or at least three digits.
_BIG = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*(?:%|per ?cent|million|billion|bn|m\b)|\d{3,}|[£$€]")
_YEAR = re.compile(r"^(?:1[89]|20)\d{2}$")


def extract_figures(articles: Sequence[AnnotatedArticle],
                    found: Mapping[str, tuple[Figure, ...]] | None = None) -> tuple[Figure, ...]:
    """Every notable number in the narration, in reading order (``found``: each article's
    figures when they were computed, or cached, before)."""
    out: list[Figure] = []
    for annotated in articles:
        own = (found or {}).get(annotated.article.id)
        out.extend(own if own is not None else article_figures(annotated))
    return tuple(out)


def article_figures(annotated: AnnotatedArticle) -> tuple[Figure, ...]:
    """One article's notable numbers: a pure function of its Docs."""
    found: list[Figure] = []
    for ap in annotated.paragraphs:
        if ap.paragraph.kind != "body":
            continue
        ents = [e for e in ap.doc.ents if e.label_ in FIGURE_LABELS and not _YEAR.match(e.text)
                and _BIG.search(e.text)]
        if not ents:
            continue
        sents = list(ap.doc.sents)
        starts = [s.start for s in sents]
        for ent in ents:  # one pass over entities, each placed in its sentence by bisection
            n = bisect_right(starts, ent.start) - 1
            sent = sents[n]
            if _in_quote(sent, ent):
                continue
            cite = Citation(annotated.article.id, ap.paragraph.index, n, sent.text.strip())
            found.append(Figure(ent.text, _counted(ent), cite))
    return tuple(found)


def _counted(ent: Span) -> str:
    """The noun the number counts: "14,980 votes", "a majority of 4,402", "95% of …"."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 5]
    noun = next((t for t in after if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is not None and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "DET") or t.tag_ == "VBN"
                                for t in doc[ent.end : noun.i + 1]):
        end = noun.i + 1
        while end < len(doc) and doc[end].pos_ == "NOUN":  # the whole compound: "asylum seekers"
            end += 1
        return doc[ent.start : end].text
    # "a majority of 4,402": the noun comes before, joined by "of".
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].pos_ == "NOUN":
        start = ent.start - 3 if ent.start >= 3 and doc[ent.start - 3].pos_ == "DET" else ent.start - 2
        return doc[start : ent.end].text
    return ent.text


def _in_quote(sent: Span, ent: Span) -> bool:
    before = sent.text[: ent.start_char - sent.start_char]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
