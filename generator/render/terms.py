"""Glossary terms linked where they are used: the first use of each term on a page links
to its entry, with the definition as the link's title (a tooltip in the site's theme)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..models import Story, Term
from .common import GLOSSARY, rel
from .escape import is_flat, md

TOOLTIP_CHARS = 220


class TermLinks:
    """Records which pages use which terms while the pages are rendered."""

    def __init__(self, story: Story) -> None:
        self.uses: dict[str, set[str]] = defaultdict(set)  # term id → pages
        self._terms = {t.id: t for t in story.terms}
        forms: dict[str, Term] = {}
        for t in story.terms:
            for form in (t.term, *t.variants):
                forms.setdefault(form.lower(), t)
        self._forms = forms
        # ASCII forms can only be found in an ASCII text whose lower case holds them (see
        # _find); None when some form is not ASCII.
        self._ascii_forms = _shortest(forms) if all(f.isascii() for f in forms) else None
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        self._matches: dict[str, tuple[str, list[re.Match[str]]]] = {}
        self._pattern = (re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ordered)) + r")(?![\w-])",
                                    re.IGNORECASE) if ordered else None)

    def matches(self, text: str) -> tuple[str, list[re.Match[str]]]:
        """The text with its spaces collapsed, and the uses of terms in it (remembered: the
        same sentences and names are shown on many pages)."""
        found = self._matches.get(text)
        if found is None:
            flat = text if is_flat(text) else " ".join(str(text).split())
            found = self._matches[text] = (flat, self._find(flat))
        return found

    def _find(self, flat: str) -> list[re.Match[str]]:
        """The uses of terms in a text whose spaces are collapsed."""
        if self._pattern is None:
            return []
        if self._ascii_forms is not None and flat.isascii():
            # Between ASCII characters, ignoring case is comparing lower cases: a text
            # holding none of the forms so has no match, which is quicker to find out than
            # to try the pattern at each of its characters.
            lower = flat.lower()
            if not any(map(lower.__contains__, self._ascii_forms)):
                return []
        return list(self._pattern.finditer(flat))

    def linker(self, page: str) -> Linker:
        return Linker(self, page)


class Linker:
    """Escapes text for one page, linking the first use of each term on that page."""

    def __init__(self, links: TermLinks, page: str) -> None:
        self._links = links
        self._page = page
        self._seen: set[str] = set()

    def __call__(self, text: str) -> str:
        flat, matches = self._links.matches(text)
        if not matches:
            return md(flat)
        out, pos = [], 0
        for match in matches:
            term = self._links._forms[match.group(1).lower()]
            if term.id in self._seen:
                continue
            self._seen.add(term.id)
            self._links.uses[term.id].add(self._page)
            title = term.definition if len(term.definition) <= TOOLTIP_CHARS else \
                term.definition[: TOOLTIP_CHARS - 1].rsplit(" ", 1)[0] + "…"
            target = rel(self._page, GLOSSARY, term.id)
            out.append(_md_spaced(flat[pos : match.start()]))
            out.append(f'[{md(match.group(1))}]({target} "{md(title)}"){{: .term }}')
            pos = match.end()
        out.append(_md_spaced(flat[pos:]))
        return "".join(out)


def _shortest(forms: Iterable[str]) -> tuple[str, ...]:
    """The forms that hold no other: a text holds some form if and only if it holds one
    of these."""
    kept: list[str] = []
    for form in sorted(forms, key=len):
        if not any(shorter in form for shorter in kept):
            kept.append(form)
    return tuple(kept)


def _md_spaced(text: str) -> str:
    """Escape a piece of a sentence, keeping the spaces at its ends."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + md(text) + trail
