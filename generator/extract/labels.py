"""Decide each name's label once for the whole story, by evidence across every mention.

The model labels each occurrence on its own, and often differently ("Pierluisi" is a
person here and an organisation there). A name's label is voted story-wide: each
mention's label counts once, and what the words around a mention say (the subject of
"said", a title before it, "the X district") counts more. Multi-word names found
anywhere are then looked for everywhere (the model misses many; :mod:`.name_search`), and
a surname of a person named in full is that person's wherever it stands alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from sys import intern

from spacy.tokens import Doc

from .evidence import NAMING, PERSON, PLACE, name_shaped
from .lexicon import COMPASS, is_role_noun
from .names import Mention, normalise
from .spans import PLACE_LABELS, WEAK_ORG_LABELS
from .text import Words, lower_ids, lower_text, span_words

Where = tuple[str, int]  # (article, paragraph)
_WORDS = "explainer.lowered_words"
_WORD_OF: dict[int, str] = {}  # lower-case form id → word, as lowered_words gives it
_EVIDENCE_WEIGHT = 3
_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", *sorted(WEAK_ORG_LABELS))


def votes_of(mentions: Iterable[Mention]) -> dict[str, Counter[str]]:
    """Label votes per name: one per mention, more for what its context says.

    A person label in a line that is not prose (a table row) does not count.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.prose or m.label != "PERSON":
            votes[m.key][m.label] += 1
        if m.evidence in (PERSON, NAMING):
            votes[m.key]["PERSON"] += _EVIDENCE_WEIGHT
        elif m.evidence == PLACE:
            votes[m.key]["GPE"] += _EVIDENCE_WEIGHT
    return votes


def best(counts: Counter[str]) -> str:
    """The most voted label; ties go to the more specific kind of name."""
    return min(counts, key=lambda label: (-counts[label], _PRIORITY.index(label)))


def known_names(raw: Sequence[Mention], docs: Mapping[Where, Doc],
                coordinated: Iterable[Coordination]) -> dict[tuple[str, ...], str]:
    """Multi-token names with their voted label, surnames of people named in full, and
    coordinated place names ("X and Y", from the paragraphs' :func:`coordinations`), as
    token words."""
    votes = votes_of(raw)
    decided = {k: best(v) for k, v in votes.items() if v}
    people = {k for k, label in decided.items() if label == "PERSON" and len(k.split()) > 1}
    others = {k for k, label in decided.items() if label != "PERSON"}
    tagged = Counter(m.key for m in raw if m.label == "PERSON")
    names: dict[tuple[str, ...], str] = {}
    glued: set[tuple[str, ...]] = set()
    recurring: set[tuple[str, ...]] = set()
    for m in raw:
        if m.key not in decided or m.end - m.start < 2:
            continue
        doc = docs[(m.article, m.paragraph)]
        phrase = lowered_words(doc)[m.start : m.end]
        if phrase in glued:
            continue
        written = span_words(doc, m.start, m.end) if len(phrase) > 2 else None
        n = _glued(written, others, people) if written else 0
        if written and n:
            # "Scotland Nicola Sturgeon", "Amnesty International Man-kei Tam": a place,
            # organisation or title run into a person's name is two names.
            glued.add(phrase)
            names.pop(phrase, None)
            names[phrase[n:]] = "PERSON"
            if n > 1:
                names[phrase[:n]] = decided.get(normalise(written.text(0, n)), m.label)
            continue
        names.setdefault(phrase, decided[m.key])
        if decided[m.key] == "PERSON" and tagged[m.key] >= 2:
            recurring.add(phrase)
    # Surnames of people named in full: the model often misses them when they stand alone.
    for phrase, label in list(names.items()):
        if label == "PERSON" and phrase[-1].isalpha():
            names.setdefault((phrase[-1],), "PERSON")
    place_words = {m.key for m in raw if m.label in PLACE_LABELS}
    for words, parts, compass in coordinated:
        if any(tuple(p.split()) in recurring for p in parts):
            continue  # "X and Jane Doe" joins a person, not two halves of a place
        if compass or any(p in place_words for p in parts):
            names[words] = "GPE"
    return names


def _glued(name: Words, others: set[str], people: set[str]) -> int:
    """Where a person's name starts inside a longer name, after a known place,
    organisation or title; 0 when it does not (always for two words or fewer)."""
    role = False  # a title among the head's words, read once per word
    for n in range(1, len(name.words) - 1):
        role = role or is_role_noun(name.words[n - 1])
        if not role and normalise(name.text(0, n)) not in others:
            continue
        tail = name.text(n)
        words = tail.split()
        if normalise(tail) in people or (len(words) >= 2 and name_shaped(words)):
            return n
    return 0


# "X and Y" acting as one unit: its words, its two halves, and whether a word is a
# compass point ("North")
Coordination = tuple[tuple[str, ...], tuple[str, str], bool]


def coordinations(doc: Doc) -> tuple[Coordination, ...]:
    """ "X and Y" that may be one place name: capitalised runs either side of "and", the
    coordination acting as one unit (before a noun, "the X and Y council", or after
    "for"/"in"/"of"). A pure function of the Doc, kept with an article's findings; the
    story decides which are places (:func:`known_names`): those with a part that is a place
    elsewhere, or with a compass word."""
    found = []
    words_of = lowered_words(doc)
    for i in _positions(words_of, "and"):
        if i == 0 or i + 1 >= len(doc):
            continue
        left = _title_run(doc, i - 1, step=-1)
        if not left:
            continue
        right = _title_run(doc, i + 1, step=1)
        if not right:
            continue
        words = tuple(t.lower_ for t in doc[left[0] : right[-1] + 1])
        parts = (" ".join(doc[i].lower_ for i in left), " ".join(doc[i].lower_ for i in right))
        before = doc[left[0] - 1] if left[0] > 0 else None
        after = doc[right[-1] + 1] if right[-1] + 1 < len(doc) else None
        unit = (before is not None and before.lower_ in ("for", "in", "of")) or (
            after is not None and after.pos_ in ("NOUN", "PROPN") and not after.is_title
        ) or (after is not None and after.text == "," and right[-1] + 2 < len(doc)
              and doc[right[-1] + 2].ent_type_ in PLACE_LABELS)
        if unit:
            found.append((words, parts, any(w.title() in COMPASS for w in words)))
    return tuple(found)


def _title_run(doc: Doc, i: int, *, step: int) -> list[int]:
    """Indices of the run of capitalised words from ``i`` going ``step``-wards (sorted)."""
    run = []
    while 0 <= i < len(doc):
        token = doc[i]
        if not (token.is_title and token.is_alpha) or token.lower_ == "the":
            break
        run.append(i)
        i += step
    if step < 0 and run and doc[run[-1]].lower_ == "new" and len(run) > 1:
        run.pop()  # "New X and Y MP": "new" describes the MP
    return sorted(run)


def _positions(words: tuple[str, ...], word: str) -> Iterator[int]:
    """Where ``word`` stands in ``words`` (searched by ``tuple.index``, not token by token)."""
    i = -1
    while True:
        try:
            i = words.index(word, i + 1)
        except ValueError:
            return
        yield i


def lowered_words(doc: Doc) -> tuple[str, ...]:
    """The paragraph's tokens as known names are matched: lower case, straight apostrophes
    (made once per Doc).

    Read from the Doc's lower-case forms (:func:`.text.lower_ids`): a Python object per
    token would cost more than the matching."""
    words = doc.user_data.get(_WORDS)
    if words is None:
        ids = lower_ids(doc)
        # Each word is made once per run, interned: a long story holds millions of tokens
        # but only tens of thousands of words. (An id names the same word in every string
        # store.)
        for h in set(ids).difference(_WORD_OF):
            w = lower_text(h)
            _WORD_OF[h] = intern(w.replace("’", "'") if "’" in w else w)
        words = doc.user_data[_WORDS] = tuple(map(_WORD_OF.__getitem__, ids))
    return words


def decide_labels(raw: Sequence[Mention]) -> tuple[Mention, ...]:
    """One label per name for the whole story; mentions that name nothing are dropped."""
    votes = votes_of(raw)
    lone_people = {k for k, v in votes.items()
                   if len(k.split()) == 1 and v["PERSON"] >= 2 and best(v) == "PERSON"}
    full_names = {k for k, v in votes.items() if len(k.split()) > 1 and best(v) == "PERSON"}
    # A name mislabelled as an organisation that holds a person's surname after its first
    # word ("Luis Rivera Marín" when "Rivera" is a surname, "Ricardo Rosselló Nevares" when
    # "Rosselló" alone is a person) is a person's name too.
    known = lone_people | {w for name in full_names for w in name.split()[1:]}
    # Once per distinct text (a key is a function of its text): the story's ~50,000
    # mentions hold a few thousand texts, and the rule reads nothing else.
    for text, key in {m.text: m.key for m in raw}.items():
        words = key.split()
        if len(words) > 1 and any(w in known for w in words[1:]) and name_shaped(text.split()) \
                and key not in full_names and (len(words) > 2 or words[-1] in known):
            full_names.add(key)
    # Any word after the first of a full name can stand for the person ("Vázquez" for
    # "Wanda Vázquez Garced").
    surnames = {word for name in full_names for word in name.split()[1:]}
    org_names = {k for k, v in votes.items() if v["ORG"]}
    spoken_outside = {m.key for m in raw if not m.quoted}

    def label_of(key: str) -> str | None:
        counts = votes[key]
        words = key.split()
        if not counts:
            return None  # only a table line names it as a person
        if len(words) == 1 and key in surnames and \
                counts["GPE"] + counts["LOC"] <= counts["PERSON"] + counts["ORG"]:
            return "PERSON"  # a surname of someone named in full elsewhere
        if key in full_names and (counts["PERSON"] >= counts["ORG"] or not counts["PERSON"]):
            return "PERSON" if key in spoken_outside else None
        label = best(counts)
        if label in WEAK_ORG_LABELS:
            return "ORG" if key in org_names else None
        if label == "PERSON" and (len(words) == 1 or key not in spoken_outside):
            # News names people in full; a lone word never so named is doubtful, and
            # capitalised words only ever inside quotes ("Witch Hunt") are no one.
            return None
        return label

    # A mention's fate depends only on its text (its key with it), whether an honorific
    # or "named" introduces it, and whether it has an honorific at all: decided once per
    # such triple, not for each mention (the votes and checks took a third of this step).
    verdicts: dict[tuple[str, bool, bool], str | None] = {}
    cleaned: list[Mention] = []
    for m in raw:
        case = (m.text, bool(m.honorific), m.evidence == NAMING)
        if case in verdicts:
            label = verdicts[case]
        else:
            label = "PERSON" if case[1] or case[2] else label_of(m.key)
            if label is not None and not _plausible(m, label):
                label = None
            verdicts[case] = label
        if label is not None:
            cleaned.append(m if label == m.label else m.relabel(label))
    return tuple(cleaned)


def _plausible(m: Mention, label: str) -> bool:
    """Drop fragments the model tags as names: lowercase words, plurals as people."""
    words = m.text.replace("’", "'").split()
    if not any(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    if label == "PERSON":
        return name_shaped(words) or bool(m.honorific)
    return True
