"""Clean the model's named entities into mentions, deciding each name's label story-wide.

The small English model mislabels names in ways that follow patterns: possessives
swallowed into a name ("A B's Party"), parts of a title tagged as an organisation
("Home" in "Home Secretary"), coordinated place names split into people
("X and Y" constituencies). These rules fix the patterns, never particular names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..models import AnnotatedArticle, Citation
from .lexicon import COMPASS, HONORIFICS, PLACE_NOUNS, ROLE_NOUNS

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
# Labels the model gives organisations by mistake; kept only where the same name is an ORG
# elsewhere in the story.
WEAK_ORG_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
POSSESSIVE = {"'s", "’s", "'", "’"}
LOCATIVE = {"in", "at", "near", "across", "around", "outside", "inside", "throughout"}


@dataclass(frozen=True)
class Mention:
    """One cleaned name in one sentence; ``start``/``end`` are token offsets in the doc."""

    text: str
    label: str
    article: str
    paragraph: int
    sentence: int
    start: int
    end: int
    caption: bool = False
    honorific: str = ""  # "Ms", "Sir"... stripped from the name but kept for aliases

    @property
    def key(self) -> str:
        return normalise(self.text)


def normalise(text: str) -> str:
    """Compare names ignoring case, a leading "the" and curly apostrophes."""
    text = text.replace("’", "'").strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.lower().split())


def sentence_index(doc: Doc, token_i: int) -> int:
    """0-based index of the sentence holding token ``token_i``."""
    for n, sent in enumerate(doc.sents):
        if sent.start <= token_i < sent.end:
            return n
    return 0


def citation(article: str, paragraph: int, doc: Doc, token_i: int) -> Citation:
    """Cite the sentence holding token ``token_i``."""
    n = sentence_index(doc, token_i)
    sent = list(doc.sents)[n]
    return Citation(article, paragraph, n, sent.text.strip())


def extract_mentions(articles: Sequence[AnnotatedArticle]) -> tuple[Mention, ...]:
    """Every named person, organisation and place, with labels agreed across the story."""
    raw: list[Mention] = []
    for annotated in articles:
        for ap in annotated.paragraphs:
            if ap.paragraph.kind not in ("body", "caption"):
                continue
            for span, label in _clean_spans(ap.doc):
                raw.append(_mention(span, label, annotated.article.id, ap.paragraph.index,
                                    caption=ap.paragraph.kind == "caption"))
    raw = _apply_known_names(raw, _known_names(raw, articles), articles)
    return _decide_labels(raw)


def _mention(span: Span, label: str, article: str, paragraph: int, *, caption: bool) -> Mention:
    before = span.doc[span.start - 1] if span.start > 0 else None
    if label == "PERSON" and before is not None and before.lower_ in LOCATIVE:
        label = "GPE"  # "in Causeway Bay": people are not where things happen "in"
    honorific = ""
    tokens = list(span)
    while len(tokens) > 1 and tokens[0].text.rstrip(".") in HONORIFICS:
        honorific = (honorific + " " + tokens[0].text).strip()
        tokens = tokens[1:]
    start, end = tokens[0].i, tokens[-1].i + 1
    honorific = honorific or _honorific_before(span.doc, start)
    text = span.doc[start:end].text
    return Mention(text, label, article, paragraph, sentence_index(span.doc, start), start, end,
                   caption, honorific)


def _clean_spans(doc: Doc) -> Iterable[tuple[Span, str]]:
    """The doc's entities with determiners, possessives and title words trimmed."""
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS | WEAK_ORG_LABELS:
            continue
        tokens = list(ent)
        while tokens and tokens[0].lower_ in ("the", "a", "an"):
            tokens = tokens[1:]
        while tokens and (tokens[-1].text in POSSESSIVE or not tokens[-1].text.strip("'’")):
            tokens = tokens[:-1]
        if not tokens:
            continue
        span = doc[tokens[0].i : tokens[-1].i + 1]
        label = ent.label_
        if label == "PERSON" and tokens[-1].tag_ == "NNPS":
            continue  # "Hong Kongers": a plural is a group of people, not a person
        if label == "PERSON" and len(tokens) > 1 and tokens[-1].lower_ in PLACE_NOUNS:
            label = "GPE"  # "Causeway Bay": a name ending in a place noun is a place
        # "Home" in "Home Secretary": a name directly followed by a capitalised role noun
        # is part of a title, not an entity of its own.
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in ROLE_NOUNS:
            continue
        yield from _split_possessive(span, label)


def _split_possessive(span: Span, label: str) -> Iterable[tuple[Span, str]]:
    """ "A B's Party" is two names: the owner, and what they own (an organisation).

    Only person entities are split: in an organisation's own name ("People's Army") the
    possessive belongs to the name.
    """
    doc = span.doc
    if label != "PERSON":
        yield span, label
        return
    for token in span:
        if token.text in POSSESSIVE and span.start < token.i < span.end - 1:
            owner = doc[span.start : token.i]
            owned_end = span.end
            # The owned name often runs past the entity ("Reform" + "UK").
            while (owned_end < len(doc) and doc[owned_end].pos_ == "PROPN" and doc[owned_end].is_title) \
                    or (owned_end < len(doc) and doc[owned_end].is_upper and doc[owned_end].is_alpha):
                owned_end += 1
            yield owner, label
            yield doc[token.i + 1 : owned_end], "ORG"
            return
    yield span, label


def _known_names(raw: Sequence[Mention], articles: Sequence[AnnotatedArticle]) -> dict[tuple[str, ...], str]:
    """Multi-word names and the label most of their mentions carry.

    Coordinated names ("X and Y") count as one place when a part is tagged a place
    anywhere in the story or carries a compass word ("North"), and the coordination is
    used as one unit: before a noun ("the X and Y by-election") or after "for"/"in".
    """
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for m in raw:
        words = tuple(m.key.split())
        if len(words) > 1:
            votes[words][m.label] += 1
    names = {words: _best(counts) for words, counts in votes.items()}
    people = {words for words, label in names.items() if label == "PERSON"}
    recurring = {words for words in people if votes[words]["PERSON"] >= 2}
    # "Hong Kong Carrie Lam": a title or place run into a person's name is two names.
    for words in list(names):
        if any(len(p) < len(words) and words[-len(p):] == p for p in people):
            del names[words]
    # Surnames of people named in full: the model often misses them when they stand alone.
    for words, label in list(names.items()):
        if label == "PERSON" and words[-1].isalpha():
            names.setdefault((words[-1],), "PERSON")
    place_words = {m.key for m in raw if m.label in PLACE_LABELS}
    for annotated in articles:
        for ap in annotated.paragraphs:
            doc = ap.doc
            for token in doc:
                if token.lower_ != "and" or token.i == 0 or token.i + 1 >= len(doc):
                    continue
                left = _title_run(doc, token.i - 1, step=-1)
                right = _title_run(doc, token.i + 1, step=1)
                if not left or not right:
                    continue
                words = tuple(t.lower_ for t in doc[left[0] : right[-1] + 1])
                parts = (" ".join(doc[i].lower_ for i in left), " ".join(doc[i].lower_ for i in right))
                if any(tuple(p.split()) in recurring for p in parts):
                    continue  # "X and Jane Doe" joins a person, not two halves of a place
                placey = any(p in place_words for p in parts) or any(w.title() in COMPASS for w in words)
                before = doc[left[0] - 1] if left[0] > 0 else None
                after = doc[right[-1] + 1] if right[-1] + 1 < len(doc) else None
                unit = (before is not None and before.lower_ in ("for", "in", "of")) or (
                    after is not None and after.pos_ in ("NOUN", "PROPN") and not after.is_title
                ) or (after is not None and after.text == "," and right[-1] + 2 < len(doc)
                      and doc[right[-1] + 2].ent_type_ in PLACE_LABELS)
                if placey and unit:
                    names[words] = "GPE"
    return names


def _best(counts: Counter[str]) -> str:
    """The most frequent label; ties go to the more specific kind of name."""
    priority = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", *sorted(WEAK_ORG_LABELS))
    return min(counts, key=lambda label: (-counts[label], priority.index(label)))


def _title_run(doc: Doc, i: int, *, step: int) -> list[int]:
    """Indices of the run of capitalised words from ``i`` going ``step``-wards (sorted)."""
    run = []
    while 0 <= i < len(doc) and doc[i].is_title and doc[i].is_alpha and doc[i].lower_ not in ("the",):
        run.append(i)
        i += step
    if step < 0 and run and doc[run[-1]].lower_ == "new" and len(run) > 1:
        run.pop()  # "New X and Y MP": "new" describes the MP
    return sorted(run)


def _apply_known_names(
    raw: Sequence[Mention], names: dict[tuple[str, ...], str], articles: Sequence[AnnotatedArticle]
) -> list[Mention]:
    """Find every use of each multi-word name, longest first, replacing what it overlaps."""
    found: list[Mention] = []
    covered: set[tuple[str, int, int]] = set()  # (article, paragraph, token)
    ordered = sorted(names, key=lambda words: (-len(words), words))
    for annotated in articles:
        for ap in annotated.paragraphs:
            if ap.paragraph.kind not in ("body", "caption"):
                continue
            doc = ap.doc
            words = [t.lower_.replace("’", "'") for t in doc]
            where = (annotated.article.id, ap.paragraph.index)
            for phrase in ordered:
                n = len(phrase)
                for i in range(len(words) - n + 1):
                    if tuple(words[i : i + n]) != phrase:
                        continue
                    # A lone surname must look like a name and not be part of another one.
                    if n == 1 and (not doc[i].is_title or (i > 0 and doc[i - 1].is_title
                                   and doc[i - 1].text.rstrip(".") not in HONORIFICS
                                   and not doc[i - 1].is_sent_start)):
                        continue
                    if any((*where, j) in covered for j in range(i, i + n)):
                        continue
                    found.append(Mention(doc[i : i + n].text, names[phrase], *where,
                                         sentence_index(doc, i), i, i + n,
                                         ap.paragraph.kind == "caption", _honorific_before(doc, i)))
                    covered.update((*where, j) for j in range(i, i + n))
    kept = [m for m in raw
            if not any((m.article, m.paragraph, j) in covered for j in range(m.start, m.end))]
    return sorted(kept + found, key=lambda m: (m.article, m.paragraph, m.start))


def _honorific_before(doc: Doc, i: int) -> str:
    return doc[i - 1].text if i > 0 and doc[i - 1].text.rstrip(".") in HONORIFICS else ""


def _decide_labels(raw: Sequence[Mention]) -> tuple[Mention, ...]:
    """One label per name for the whole story, by evidence across every mention."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in raw:
        votes[m.key][m.label] += 1
    lone_people = {k for k, v in votes.items()
                   if len(k.split()) == 1 and v["PERSON"] >= 2 and _best(v) == "PERSON"}
    full_names = {m.key for m in raw if m.label == "PERSON" and len(m.key.split()) > 1}
    # A name mislabelled as an organisation that holds a person's surname after its first
    # word ("Ricardo Rosselló Nevares" when "Rosselló" alone is a person) is that person.
    for m in raw:
        words = m.key.split()
        if len(words) > 1 and any(w in lone_people for w in words[1:]) and \
                (len(words) > 2 or words[-1] in lone_people):
            full_names.add(m.key)
    # Any word after the first of a full name can stand for the person ("Vázquez" for
    # "Wanda Vázquez Garced").
    surnames = {word for name in full_names for word in name.split()[1:]}
    org_names = {k for k, v in votes.items() if v["ORG"]}

    def label_of(m: Mention) -> str | None:
        key = m.key
        counts = votes[key]
        words = key.split()
        if len(words) == 1 and key in surnames and not counts["GPE"] + counts["LOC"]:
            return "PERSON"  # a surname of someone named in full elsewhere
        if m.honorific:
            return "PERSON"
        if key in full_names and (counts["PERSON"] >= counts["ORG"] or not counts["PERSON"]):
            return "PERSON"
        best = _best(counts)
        if best in WEAK_ORG_LABELS:
            return "ORG" if key in org_names else None
        if best == "PERSON" and len(words) == 1:
            return None  # news names people in full; a lone word never so named is doubtful
        return best

    cleaned: list[Mention] = []
    for m in raw:
        label = label_of(m)
        if label is None or not _plausible(m, label, votes):
            continue
        cleaned.append(Mention(m.text, label, m.article, m.paragraph, m.sentence, m.start, m.end,
                               m.caption, m.honorific))
    return tuple(cleaned)


def _plausible(m: Mention, label: str, votes: dict[str, Counter[str]]) -> bool:
    """Drop fragments the model tags as names: lowercase words, plurals as people."""
    words = m.text.replace("’", "'").split()
    if not any(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    if label == "PERSON":
        last = words[-1]
        if last.lower() in ROLE_NOUNS or last.endswith(("s'", "s’")) or (last.isupper() and len(last) > 1):
            return False  # "Labour MPs", "Conservative MEPs": groups, not a person
    return True
