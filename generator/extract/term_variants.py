"""Variants of one term: an abbreviation and its expansion, plurals for recounting, and the
candidates that only reword or wrap a chosen entry ("prorogation of <Body>", "anti-X").

Spelling, hyphenation, case and plural of ordinary words already share one merge key
(:func:`generator.extract.term_words.text_key` with the last word's lemma).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .term_words import HYPHENS, STANCE_PREFIXES, text_key

if TYPE_CHECKING:
    from spacy.tokens import Span

    from .term_candidates import Candidate

CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "&"})


def token_key(text: str) -> str:
    """A token for recounting a known form, case kept (a name is not the common word), a
    plural "s" dropped ("MPs" -> "MP")."""
    return text[:-1] if len(text) > 2 and text.endswith("s") and not text.endswith("ss") else text


def _is_abbreviation(text: str) -> bool:
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def abbreviations(sent: Span) -> list[tuple[int, int, str]]:
    """Expansions the text introduces, as (start, end, abbreviation): "Long Name (LN)" and
    "LN (Long Name)"; the initials of the capitalised words must spell the abbreviation."""
    doc, out = sent.doc, []
    for tok in sent:
        if tok.text != "(":
            continue
        close = next((t.i for t in doc[tok.i : min(sent.end, tok.i + 8)] if t.text == ")"), None)
        if close is None:
            continue
        if close == tok.i + 2 and _is_abbreviation(doc[tok.i + 1].text):
            short = doc[tok.i + 1].text  # "Long Name (LN)"
            start = tok.i
            while start > sent.start and (
                doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in CONNECTORS
            ):
                start -= 1
                ws = [t.text for t in doc[start : tok.i]]
                if ws[0][:1].isupper() and _initials(ws) == short:
                    out.append((start, tok.i, short))
                    break
        elif tok.i > sent.start and _is_abbreviation(doc[tok.i - 1].text):
            short = doc[tok.i - 1].text  # "LN (Long Name)"
            inner = [t.text for t in doc[tok.i + 1 : close]]
            if inner and inner[0][:1].isupper() and _initials(inner) == short:
                out.append((tok.i + 1, close, short))
    return out


def wraps(cand: Candidate, chosen_words: set[str]) -> bool:
    """A stance or compound that only wraps a chosen one-word term ("anti-X" when X is an
    entry): its words other than stance prefixes are all chosen."""
    parts: set[str] = set()
    for form in cand.forms:
        for w in form.split():
            parts |= {text_key(p) for p in _split_hyphens(w)}
    rest = parts - STANCE_PREFIXES
    return bool(rest) and rest <= chosen_words and len(parts) > len(rest)


def _split_hyphens(word: str) -> list[str]:
    out, cur = [], ""
    for ch in word:
        if ch in HYPHENS:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [*out, cur]


def object_of_body(cand: Candidate) -> str | None:
    """For "<noun> of <Body>" ("prorogation of <Body>"), the noun's key: a use of that term
    with its object named, a variant of the noun's own entry when it has one."""
    if "of" not in cand.kinds:
        return None
    form = max(cand.forms, key=lambda f: (cand.forms[f], f))
    head, _, obj = form.partition(" of ")
    if obj[:1].isupper() and " " not in obj and " " not in head:
        return text_key(head)
    return None
