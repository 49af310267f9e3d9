"""Escaping of article text for Markdown and HTML: text from seeds is never markup."""

from __future__ import annotations

import html
import re

# Characters Python-Markdown (with the tables extension) accepts backslash escapes for and
# would otherwise read as inline syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LINE_START = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)]))")


def md(text: str) -> str:
    """Text for Markdown: HTML special characters as entities, Markdown punctuation escaped.

    Newlines become spaces so no block syntax (lists, headings, tables) can start.
    """
    flat = " ".join(str(text).split())
    escaped = html.escape(flat, quote=False).replace('"', "&quot;")
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def attr(text: str) -> str:
    """Text for an HTML attribute value written between double quotes."""
    return html.escape(" ".join(str(text).split()), quote=True)
