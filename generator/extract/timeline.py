"""Timeline events: each dated clause of narration, with its date resolved against the
article's publication date, marked as happened or expected, and merged across outlets.

Each date is read with the tense of its own clause, found in the dependency parse: "On
Wednesday, she announced that her government will withdraw the bill" is a past Wednesday, and
in "Yesterday, she confirmed a vote will be held today" only "today" is still to come. A
sentence can hold two events ("Clinton was impeached in 1998, and Johnson in 1868"): see
SPLIT_CLAUSES.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..models import AnnotatedArticle, Citation, DateValue
from .actors import Cast
from .dates import MONTHS, Tense, clause_tense, direction, find_date_expressions, resolve_date

# Two reports are of one event when they share this much of their content words.
SAME_EVENT_OVERLAP = 0.3
# Two reports in different articles that share this much but give different dates (at most
# DISAGREEMENT_DAYS apart) are one event the sources date differently.
DISAGREEMENT_OVERLAP = 0.5
DISAGREEMENT_DAYS = 7
# One event per dated clause ("Clinton was impeached in 1998, and Johnson in 1868" gives two).
# The slug registry keeps such events apart (it matches registered names first), but both
# events would show the whole sentence as their text until a clause can stand alone; so for
# now a sentence gives one event: its first main-clause date.
SPLIT_CLAUSES = False
# A sentence with fewer English function words than this share is in another language.
ENGLISH_STOPWORDS = 0.15
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_QUOTE_MARKS = "“”\"‘’"
_VERBS = {"VERB", "AUX"}
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "acl", "conj", "xcomp", "parataxis", "csubj",
                "csubjpass", "pcomp"}
_SUBCLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "conj"}
_OWN_SUBJECT = {"nsubj", "nsubjpass", "aux", "auxpass", "expl"}
# Clauses that describe a noun: a second date there is background, not a second event.
_MODIFIER_CLAUSES = {"relcl", "acl"}
_LIMIT_WORDS = {"until", "till", "through"}
_DEADLINE_WORDS = {"by", "before"}
# Between two dates of one clause, a coordination makes them two events ("Clinton was
# impeached in 1998, and Johnson in 1868").
_COORDINATION = re.compile(r"\b(?:and|but|or|while|whereas)\b|;")
_TIME_NOUNS = {"summer", "spring", "autumn", "fall", "winter", "end", "start", "beginning",
               "middle", "half", "quarter", "year", "month", "week", "part", "parts", "rest"}
# Words for one kind of happening: two reports of the same day using words of one kind
# ("Thursday's poll", "Thursday's election") report one event. General news vocabulary; any
# compound ending in "election" counts as "election" (see _kind_words).
SAME_KIND = (
    frozenset({"election", "poll", "vote", "ballot", "referendum", "primary", "caucus"}),
    frozenset({"protest", "march", "rally", "demonstration", "demonstrator", "protester",
               "marcher"}),
    frozenset({"speech", "address"}),
    frozenset({"ruling", "judgment", "judgement", "verdict"}),
    frozenset({"resignation", "resign"}),
    frozenset({"strike", "walkout"}),
)


@dataclass(frozen=True)
class EventDraft:
    """An event before ids are assigned; ``actors`` holds actor keys."""

    date: DateValue
    date_text: str
    expected: bool
    text: str
    sources: tuple[Citation, ...]
    actors: tuple[str, ...]
    lemmas: frozenset[str]
    order: tuple[str, int, int, int, int]  # first report's (published, article, paragraph,
    # sentence, character): reading order
    subject: str | None = None  # actor key of the subject of the date's clause


@dataclass(frozen=True)
class Found:
    """One date of a sentence, read in its clause."""

    date: DateValue
    text: str
    expected: bool
    start: int  # character offsets in the sentence
    end: int
    clause: int  # index of the clause's head token
    modifier: bool = False  # in a clause describing a noun ("a lawsuit filed on Sunday")


def extract_events(articles: Sequence[AnnotatedArticle], cast: Cast) -> tuple[EventDraft, ...]:
    """Dated events from every article's narration, one per thing that happened."""
    drafts: list[EventDraft] = []
    outlets: dict[str, tuple[str, dt.date | None]] = {}
    for position, annotated in enumerate(articles):
        article = annotated.article
        outlets[article.id] = (article.source, article.published)
        published = article.published.isoformat() if article.published else ""
        previous: DateValue | None = None
        for ap in annotated.paragraphs:
            if ap.paragraph.kind != "body":
                continue
            quoted = quoted_spans(ap.doc.text)
            for n, sent in enumerate(ap.doc.sents):
                text = sent.text.strip()
                if not text or text[0] in _QUOTE_MARKS or not is_english(sent):
                    continue  # a quotation is what someone said, not narration
                found = dates_in(sent, article.published, previous, quoted)
                if not found:
                    continue
                previous = found[-1].date
                keys = tuple(sorted({k for t in sent
                                     if (k := cast.at(article.id, ap.paragraph.index, t.i))}))
                citation = Citation(article.id, ap.paragraph.index, n, text)
                for f in found:
                    subject = _subject(ap.doc[f.clause], cast, article.id, ap.paragraph.index)
                    drafts.append(EventDraft(
                        date=f.date, date_text=f.text, expected=f.expected,
                        text=_narration(text),
                        sources=(citation,), actors=keys, lemmas=_content(sent, f.text),
                        order=(published, position, ap.paragraph.index, n, f.start),
                        subject=subject))
    return _merge(drafts, outlets)


# ------------------------------------------------------------------ one sentence


def dates_in(
    sent: Span, anchor: dt.date | None, previous: DateValue | None,
    quoted: Sequence[tuple[int, int]] = (),
) -> list[Found]:
    """Every date of the sentence outside quotation marks, each read with its own clause's
    tense; dates of one clause that name the same time keep the most precise ("next month
    on August 2" is 2 August); the same date twice is kept once."""
    items: list[Found] = []
    for start, end, expression in find_date_expressions(sent.text):
        at = sent.start_char + start
        if any(a <= at < b for a, b in quoted):
            continue
        span = sent.doc.char_span(at, sent.start_char + end, alignment_mode="expand")
        if span is None or _comparison(span) or _attributive(span, expression):
            continue
        head, tense = tense_of(span)
        value = resolve_date(expression, anchor, future=tense == "future",
                             nearest=tense == "near", previous=previous)
        if items and _adjacent(sent.text, items[-1].end, start) and items[-1].clause == head.i:
            # "next Wednesday, July 31", "next month on August 2": one time, said twice; the
            # second is read near the first.
            near = resolve_date(expression, bounds(items[-1].date)[0], nearest=True)
            value = near if near is not None and value is not None else value
        if value is None:
            continue
        items.append(Found(value, expression, is_expected(value, anchor, tense, expression),
                           start, end, head.i, head.dep_ in _MODIFIER_CLAUSES))
        previous = value
    return _combine(items, sent.text)


def tense_of(span: Span) -> tuple[Token, Tense]:
    """The clause of a date and the time its verb points to.

    A to-infinitive has no tense of its own and takes its governing clause's ("will comply
    with the request to suspend Parliament in September" is future). A date after "until" or
    "by" is a limit, often still to come, and a present-tense verb ("the deadline is October
    31") says nothing of the past: both take the nearest candidate date.
    """
    head, tokens = clause_of(span)
    tense = clause_tense(_text(tokens), past_verb=_past_verb(head))
    governing = head
    while tense == "past" and _infinitive(governing) and governing.head.i != governing.i:
        governing, tokens = clause_of(governing.doc[governing.head.i : governing.head.i + 1])
        tense = clause_tense(_text(tokens), past_verb=_past_verb(governing))
    if tense == "past" and (_limit(span, past=_past_verb(governing))
                            or _present(head) or _present(governing)):
        tense = "near"
    return head, tense


def is_expected(value: DateValue, anchor: dt.date | None, tense: Tense, expression: str) -> bool:
    """Yet to happen at publication? The expression's own direction decides first ("earlier
    this week" is past, "next week" future), then the date (a day before publication has
    happened; a day after it has not; "until October 14" after publication is still to come),
    then, for a period containing the publication date, the tense of the clause."""
    pointing = direction(expression)
    if pointing is not None:
        return pointing == "future"
    if anchor is not None:
        first, last = bounds(value)
        if last < anchor:
            return False
        if first > anchor:
            return True
    return tense == "future"


def bounds(value: DateValue) -> tuple[dt.date, dt.date]:
    """The first and last day a date value covers."""
    if value.precision == "day":
        day = dt.date.fromisoformat(value.iso)
        return day, day
    if value.precision == "week":
        monday = dt.date.fromisoformat(value.sort_key)
        return monday, monday + dt.timedelta(days=6)
    if value.precision == "month":
        year, month = int(value.iso[:4]), int(value.iso[5:7])
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    return dt.date(int(value.iso), 1, 1), dt.date(int(value.iso), 12, 31)


def _combine(items: Sequence[Found], sentence: str) -> list[Found]:
    """The dates of one sentence as events: one per distinct date (with SPLIT_CLAUSES; else
    the first), except that dates of one clause naming the same time keep the most precise,
    two dates of one clause are one event unless coordinated, and a date in a clause
    describing a noun ("a lawsuit filed on Sunday", "which it joined in 1973") is only
    background when the sentence has another date."""
    kept: list[Found] = []
    for item in items:
        for i, other in enumerate(kept):
            if other.date == item.date and other.expected == item.expected:
                kept[i] = replace(other, text=_joined(other, item, sentence))
                break
            if other.clause != item.clause:
                continue
            if _within(item.date, other.date):
                kept[i] = replace(item, text=_joined(other, item, sentence), start=other.start)
                break
            if _within(other.date, item.date):
                kept[i] = replace(other, text=_joined(other, item, sentence))
                break
            if not _COORDINATION.search(sentence[other.end : item.start]):
                break  # "ruled today on the suspension until October 14": one event
        else:
            kept.append(item)
    main = [f for f in kept if not f.modifier] or kept[:1]
    if SPLIT_CLAUSES or not main:
        return main
    # One event: the first date, unless a later clause sets it aside ("was set to meet on
    # Wednesday, but announced it would meet on Monday": Monday is the news).
    chosen = main[0]
    for later in main[1:]:
        if re.search(r"\b(?:but|however|instead)\b", sentence[chosen.end : later.start], re.I):
            chosen = later
    return [chosen]


def _within(inner: DateValue, outer: DateValue) -> bool:
    if inner.relation != "on" or outer.relation != "on" or inner == outer:
        return False
    (a, b), (c, d) = bounds(inner), bounds(outer)
    return c <= a and b <= d


def _adjacent(sentence: str, end: int, start: int) -> bool:
    return end <= start and bool(re.fullmatch(r"[\s,]*(?:on|in|at)?[\s,]*", sentence[end:start]))


def _joined(first: Found, second: Found, sentence: str) -> str:
    """"next month on August 2": adjacent expressions are quoted together."""
    if _adjacent(sentence, first.end, second.start):
        return sentence[first.start : second.end]
    return second.text if _within(second.date, first.date) else first.text


def is_english(sent: Span) -> bool:
    """False for a sentence in another language (a quote given in the original)."""
    words = [t for t in sent if t.is_alpha]
    return len(words) < 6 or sum(t.is_stop for t in words) / len(words) >= ENGLISH_STOPWORDS


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; a quotation may run over several sentences
    of the paragraph ("… In mid-August, the forecast was cut," she said)."""
    spans: list[tuple[int, int]] = []
    curly: int | None = None
    straight: int | None = None
    for i, ch in enumerate(text):
        if ch == "“" and curly is None:
            curly = i
        elif ch == "”" and curly is not None:
            spans.append((curly, i))
            curly = None
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i))
                straight = None
    spans.extend((start, len(text)) for start in (curly, straight) if start is not None)
    return spans


# ------------------------------------------------------------------ clauses


def clause_of(span: Span) -> tuple[Token, list[Token]]:
    """The clause a date belongs to: its head (the verb the date hangs from, followed up
    through "set to meet"-style chains and shared auxiliaries) and its tokens, without the
    clauses embedded in it ("announced [that it will withdraw]")."""
    head = span.root
    while not (head.pos_ in _VERBS and head.dep_ in _CLAUSE_DEPS) and head.head.i != head.i:
        head = head.head
    while head.head.i != head.i and (
        head.dep_ == "xcomp"
        or (head.dep_ == "conj" and not any(c.dep_ in _OWN_SUBJECT for c in head.children))
    ):
        head = head.head
    inside = set(range(span.start, span.end))
    skip: set[int] = set()
    for t in head.subtree:
        if t.i == head.i or t.i in skip or t.dep_ not in _SUBCLAUSE_DEPS or t.pos_ not in _VERBS:
            continue
        if t.dep_ == "conj" and not any(c.dep_ in _OWN_SUBJECT for c in t.children):
            continue  # "would meet in September and reconvene in October": one clause
        below = {x.i for x in t.subtree}
        if not below & inside:
            skip |= below
    return head, sorted((t for t in head.subtree if t.i not in skip), key=lambda t: t.i)


def _text(tokens: Iterable[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens)


def _infinitive(head: Token) -> bool:
    """"to suspend": a to-infinitive, with no tense of its own."""
    return head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _limit(span: Span, *, past: bool) -> bool:
    """"until October 14": the date is a limit; so is "by October 31", unless the verb is in
    the past ("by Sunday afternoon, he had said")."""
    words = _LIMIT_WORDS if past else _LIMIT_WORDS | _DEADLINE_WORDS
    if span[0].lower_ in words:
        return True
    return span.start > span.sent.start and span.doc[span.start - 1].lower_ in words


def _present(head: Token) -> bool:
    """A present-tense finite verb, not a perfect: "the deadline is", "demands include"."""
    finite = [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() != "have" for t in finite) and \
        not any(t.lemma_.lower() == "have" and t.tag_ in ("VBZ", "VBP") for t in finite)


def _subject(head: Token, cast: Cast, article: str, paragraph: int) -> str | None:
    """The actor doing (or undergoing) what the clause says: "the House passed …" → House."""
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for t in (child, *child.subtree):
                if key := cast.at(article, paragraph, t.i):
                    return key
    return None


def _past_verb(head: Token) -> bool:
    """The clause's finite verb is in the past tense ("announced", "was held")."""
    return head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                     for c in head.children)


def _comparison(span: Span) -> bool:
    """A date used to compare, not to date: "higher than last year", "the worst since 2009"."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.sent.start, span.start - 2) : span.start]]
    if before[-1:] == ["than"] or (before[-2:-1] == ["than"] and before[-1] in ("in", "on", "at")):
        return True
    if span[0].lower_ == "since":  # "the worst since 2009", "the first time since June"
        window = doc[max(span.sent.start, span.start - 10) : span.start]
        return any(t.tag_ in ("JJS", "RBS") or t.lower_ == "first" for t in window)
    return False


def _attributive(span: Span, expression: str) -> bool:
    """A bare year or month naming a thing, not dating the clause: "a 2005 law", "the 2017
    election", "October elections", "the Tenure of Office Act of 1867" (but "the summer of
    1868" is a date)."""
    bare = expression.strip()
    if not (re.fullmatch(r"\d{4}", bare) or bare.lower() in MONTHS):
        return False
    token = span.root
    head = token.head
    if token.dep_ in ("nummod", "compound", "amod", "nmod") and head.i > token.i:
        return head.pos_ in ("NOUN", "PROPN")
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    return (before is not None and before.lower_ == "of" and token.head.i == before.i
            and before.head.pos_ in ("NOUN", "PROPN") and before.head.lower_ not in _TIME_NOUNS
            and before.head.lower_ not in MONTHS)


# ------------------------------------------------------------------ event text


def _narration(text: str) -> str:
    """The sentence without a quotation it introduces ("X said on Friday: “...”")."""
    cut = re.search(r"[:,]\s*[“\"]", text)
    if cut and cut.start() > 20:
        text = text[: cut.start()].rstrip() + "."
    return re.sub(r"^(?:But|And|Meanwhile,)\s+", "", text).strip()


def _content(sent: Span, date_text: str) -> frozenset[str]:
    skip = set(date_text.lower().split())
    return frozenset(t.lemma_.lower() for t in sent if t.pos_ in _CONTENT_POS and not t.is_stop
                     and t.lower_ not in skip and t.is_alpha)


# ------------------------------------------------------------------ merging


def _merge(
    drafts: Sequence[EventDraft], outlets: dict[str, tuple[str, dt.date | None]]
) -> tuple[EventDraft, ...]:
    """Join reports of the same event: the same date and enough shared content words, words
    for the same kind of happening, or (in different articles) the same subject; reports in
    different articles that agree on everything but the date are one event whose sources
    disagree, and say so."""
    merged: list[EventDraft] = []
    disputed: dict[int, list[EventDraft]] = {}
    # Only events within DISAGREEMENT_DAYS of a report can join it, and only if they share a
    # content word, a kind of happening or the subject (every test below needs one of these):
    # an index of (week, key) to the events covering that week keeps the search local and
    # small instead of comparing every pair of events.
    index: dict[tuple[int, str], set[int]] = {}
    least = min(SAME_EVENT_OVERLAP, DISAGREEMENT_OVERLAP)
    for draft in sorted(drafts, key=lambda d: (d.date.sort_key, d.order)):
        first, last = bounds(draft.date)
        window = range((first.toordinal() - DISAGREEMENT_DAYS) // 7,
                       (last.toordinal() + DISAGREEMENT_DAYS) // 7 + 1)
        shared: dict[int, int] = {}
        for lemma in draft.lemmas:
            for i in set().union(*(index.get((week, lemma), ()) for week in window)):
                shared[i] = shared.get(i, 0) + 1
        nearby = {i for i, n in shared.items()
                  if n / (len(merged[i].lemmas) + len(draft.lemmas) - n) >= least}
        for key in _index_keys(draft, words=False):
            for week in window:
                nearby.update(index.get((week, key), ()))
        for i in sorted(nearby):
            event = merged[i]
            if any(c in event.sources for c in draft.sources):
                continue  # two dates of one sentence are two events
            if event.expected == draft.expected and _same_time(event.date, draft.date) and (
                    _overlap(event.lemmas, draft.lemmas) >= SAME_EVENT_OVERLAP
                    or _same_kind(event, draft) or _same_subject(event, draft)):
                merged[i] = _join(event, draft)
                break
            if _disagree(event, draft, outlets):
                disputed.setdefault(i, [event]).append(draft)
                merged[i] = _join(event, draft)
                break
        else:
            i = len(merged)
            merged.append(draft)
        _add_to_index(index, i, merged[i], draft)
    for i, versions in disputed.items():
        merged[i] = replace(merged[i], text=merged[i].text + " " + _date_note(versions, outlets),
                            date_text=" / ".join(dict.fromkeys(v.date_text for v in versions)))
    return tuple(_note_figures(e, outlets) for e in merged)


def _index_keys(draft: EventDraft, *, words: bool = True) -> set[str]:
    """What another report must share with this one to be compared with it."""
    keys = {f"kind:{n}" for n, kind in enumerate(SAME_KIND) if _kind_words(draft.lemmas) & kind}
    if draft.subject is not None:
        keys.add(f"subject:{draft.subject}")
    return keys | set(draft.lemmas) if words else keys


def _add_to_index(index: dict[tuple[int, str], set[int]], i: int, event: EventDraft,
                  draft: EventDraft) -> None:
    """File event ``i`` (which ``draft`` joined or started) under its weeks and keys."""
    start, end = bounds(event.date)
    keys = _index_keys(draft)
    for week in range(start.toordinal() // 7, end.toordinal() // 7 + 1):
        for key in keys:
            index.setdefault((week, key), set()).add(i)


def _join(event: EventDraft, draft: EventDraft) -> EventDraft:
    date = draft.date if _same_time(event.date, draft.date) and draft.date.relation == "on" \
        else event.date  # "since June" and "began in June": in June
    return replace(event, date=date, sources=event.sources + draft.sources,
                   actors=tuple(sorted(set(event.actors) | set(draft.actors))),
                   lemmas=event.lemmas | draft.lemmas)


def _same_time(a: DateValue, b: DateValue) -> bool:
    """The same date; "since June" and "in June" both date a beginning in June."""
    return a == b or (a.iso == b.iso and a.precision == b.precision
                      and {a.relation, b.relation} <= {"on", "since"})


def _same_kind(a: EventDraft, b: EventDraft) -> bool:
    first, second = _kind_words(a.lemmas), _kind_words(b.lemmas)
    return any(first & kind and second & kind for kind in SAME_KIND)


def _kind_words(lemmas: frozenset[str]) -> set[str]:
    """Lemmas with compounds of a kind word folded onto it ("re-election" → "election")."""
    return {"election" if w.endswith("election") else w for w in lemmas}


def _same_subject(a: EventDraft, b: EventDraft) -> bool:
    """Different articles saying what one actor did at one time: one event, in their words
    ("the House impeached the President on Wednesday" / "On December 18, the House passed
    two articles of impeachment")."""
    return (a.subject is not None and a.subject == b.subject
            and not {c.article for c in a.sources} & {c.article for c in b.sources})


def _disagree(a: EventDraft, b: EventDraft, outlets: dict[str, tuple[str, dt.date | None]]) -> bool:
    """Two articles report the same thing on different (but close) dates."""
    if a.expected != b.expected or a.date == b.date or a.date.relation != b.date.relation:
        return False
    if {c.article for c in a.sources} & {c.article for c in b.sources}:
        return False
    (a0, a1), (b0, b1) = bounds(a.date), bounds(b.date)
    gap = max((b0 - a1).days, (a0 - b1).days, 0)
    return gap <= DISAGREEMENT_DAYS and _overlap(a.lemmas, b.lemmas) >= DISAGREEMENT_OVERLAP


def _date_note(versions: Iterable[EventDraft], outlets: dict[str, tuple[str, dt.date | None]]) -> str:
    parts: dict[str, list[str]] = {}
    for v in versions:
        for c in v.sources:
            parts.setdefault(v.date.spoken(), []).append(outlets[c.article][0])
    listed = "; ".join(f"{when} ({', '.join(dict.fromkeys(who))})" for when, who in parts.items())
    return f"(The sources give different dates: {listed}.)"


_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:%|per\s?cent\b|million\b"
                     r"|billion\b|thousand\b))?\s+([a-z][a-z-]+)")


def _note_figures(event: EventDraft, outlets: dict[str, tuple[str, dt.date | None]]) -> EventDraft:
    """When the articles of one event give different numbers of the same thing ("14,980
    votes" and "14,890 votes"), the event says so."""
    seen: dict[str, dict[str, set[str]]] = {}  # noun → article → the figures it gives
    for c in event.sources:
        for number, scale, noun in _FIGURE.findall(c.text):
            seen.setdefault(noun, {}).setdefault(c.article, set()).add(f"{number}{scale}".strip())
    notes = []
    for noun, by_article in seen.items():
        figures: dict[str, list[str]] = {}
        for article, given in by_article.items():
            if len(given) == 1:
                figures.setdefault(next(iter(given)), []).append(outlets[article][0])
        if len(by_article) > 1 and len(figures) > 1 and all(len(g) == 1 for g in by_article.values()):
            listed = "; ".join(f"{figure} {noun} ({', '.join(dict.fromkeys(who))})"
                               for figure, who in figures.items())
            notes.append(f"(The sources give different figures: {listed}.)")
    return replace(event, text=" ".join([event.text, *notes])) if notes else event



def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
