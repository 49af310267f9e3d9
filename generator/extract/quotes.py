"""Direct quotes and who said them.

A quote is text between quotation marks with a speaker (:mod:`.speakers`): the subject
of a reporting verb next to it ("X said", "she will warn"). Quotes with no cue of their
own keep the previous speaker when the text says it is still them:

- a paragraph that opens a quotation with no cue continues the previous paragraph's
  quotation (quotes over several paragraphs);
- a sentence-long quote later in a paragraph after an attributed one ("“A,” she said.
  “B.”") is the last speaker's;
- a quote in a sentence whose subject is the previous quote's speaker ("She will also
  set out her vision to “...”").

Quoted words with no speaker nearby are scare quotes, not quotes. Unnamed sources stay
unnamed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Doc

from ..memo import Memo
from ..models import AnnotatedArticle, Citation
from .actors import Cast, CastPart
from .speakers import Speaker, resolve, speaker_of_quote
from .text import citation, sentence_of

_OPEN = "“\"‘"
_QUOTE = re.compile(r"[“\"]([^”\"]+)(?:[”\"]|$)")
_SENTENCE_LIKE = 4  # words: a quote this long that opens with a capital is a full sentence


@dataclass(frozen=True)
class QuoteFinding:
    """A quote with its speaker: an actor key, or None with ``speaker_text`` for a source
    the article does not name; ``about`` is the actor such a source is close to."""

    text: str
    citation: Citation
    speaker: str | None
    speaker_text: str
    about: str | None = None


def extract_quotes(articles: Sequence[AnnotatedArticle], cast: Cast,
                   memo: Memo | None = None) -> tuple[QuoteFinding, ...]:
    """All attributed quotes in the body text, in reading order. An article's quotes depend
    on the actors it mentions only, so an article whose cast is as in the previous run is
    not read again (``memo``)."""
    memo = memo or Memo()
    found: list[QuoteFinding] = []
    for annotated, part in zip(articles, cast.parts(a.article.id for a in articles), strict=True):
        found.extend(memo.reuse("quotes", annotated.article.id, part,
                                partial(_quotes_in, annotated)))
    return tuple(found)


def _quotes_in(annotated: AnnotatedArticle, part: CastPart) -> tuple[QuoteFinding, ...]:
    """The attributed quotes of one article, which sees the part of the cast in it."""
    cast = Cast.of_part(part)
    found: list[QuoteFinding] = []
    previous: tuple[Speaker, int] | None = None  # last speaker and its paragraph's index
    open_quote = False  # did the previous paragraph leave a quotation open?
    body = [ap for ap in annotated.paragraphs if ap.paragraph.kind == "body"]
    for n_paragraph, ap in enumerate(body):
        text, doc = ap.paragraph.text, ap.doc
        where = (annotated.article.id, ap.paragraph.index)
        spans = [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text)]
        tokens = [_tokens(doc, s, e) for s, e in spans]
        continues = open_quote and text[:1] in _OPEN
        open_quote = _leaves_open(text)
        last_speaker: Speaker | None = None
        for n, ((start, end), (first, last)) in enumerate(zip(spans, tokens, strict=True)):
            quote = text[start:end].strip().rstrip(",").strip()
            if not quote or first > last:
                continue
            speaker = speaker_of_quote(doc, first, last, tokens, where, cast)
            if speaker is None:
                speaker = _uncued(quote, n, continues, last_speaker, previous, n_paragraph,
                                  doc, first, where, cast)
            if speaker is None:
                continue  # scare quotes: no one says these words
            if len(quote.split()) < 2 and not speaker.key:
                continue
            last_speaker = speaker
            previous = (speaker, n_paragraph)
            cite = citation(where[0], where[1], doc, first)
            found.append(QuoteFinding(quote, cite, speaker.key, speaker.text, speaker.about))
    return tuple(found)


def _uncued(quote: str, n: int, continues: bool, last_speaker: Speaker | None,
            previous: tuple[Speaker, int] | None, n_paragraph: int, doc: Doc, first: int,
            where: tuple[str, int], cast: Cast) -> Speaker | None:
    """The speaker of a quote with no reporting verb of its own, when the text says it
    still is the previous speaker; None otherwise."""
    if previous is None:
        return None
    speaker, at = previous
    if n == 0 and continues and at == n_paragraph - 1:
        return speaker  # a paragraph continuing an open quotation
    opening = quote.lstrip(".…[ ")[:1]
    sentence_like = len(quote.split()) >= _SENTENCE_LIKE and opening.isupper()
    if n > 0 and last_speaker is not None and sentence_like:
        return last_speaker  # "“A,” she said. “B.”"
    if speaker.key and at >= n_paragraph - 1 and _subject_is(doc, first, speaker.key, where, cast):
        return speaker  # "She will also set out her vision to “...”"
    return None


def _subject_is(doc: Doc, first: int, key: str, where: tuple[str, int], cast: Cast) -> bool:
    """Whether the main subject of the quote's sentence names the person ``key``."""
    sent = sentence_of(doc, first)
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i >= first:
        return False
    found = resolve(subject, where, cast)
    return found is not None and found.key == key


def _tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The first and last token of the characters ``start``..``end``."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    if span is None or not len(span):
        first = next((t.i for t in doc if t.idx + len(t) > start), len(doc))
        last = next((t.i for t in reversed(doc) if t.idx < end), -1)
        return first, last
    return span.start, span.end - 1


def _leaves_open(text: str) -> bool:
    """True when a paragraph opens a quotation it never closes (continued next paragraph)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1
