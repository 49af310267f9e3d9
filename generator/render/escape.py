"""Escaping of article text for Markdown and HTML: text from seeds is never markup."""

from __future__ import annotations

import html
import re
from functools import lru_cache

# Characters Python-Markdown (with the tables extension) accepts backslash escapes for and
# would otherwise read as inline syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_LINE_START = re.compile(r"^(\s*)(?:([-+])|(\d+)([.)]))")
# Control characters have no place in text, and Python-Markdown uses \x02 and \x03 to
# mark its own placeholders: they are removed before anything else.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@lru_cache(maxsize=1 << 16)
def md(text: str) -> str:
    """Text for Markdown: HTML special characters as entities, Markdown punctuation escaped.

    Newlines become spaces so no block syntax (lists, headings, tables) can start. (Kept
    for reuse: a long story shows the same names and sentences on many pages.)
    """
    text = str(text)
    flat = text if is_flat(text) else " ".join(_CONTROL.sub("", text).split())
    # html.escape(flat, quote=False) and the double quote, without its Python frame.
    escaped = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    # A function as the replacement: a template ("\\\1") is expanded by Python code per match.
    escaped = _MARKDOWN_SPECIAL.sub(_backslash, escaped)
    start = _LINE_START.match(escaped)  # "^" without MULTILINE: only the start can match
    return escaped if start is None else _escape_line_start(start) + escaped[start.end():]


def is_flat(text: str) -> bool:
    """Is the text already on one line, without control characters, and with its spaces
    collapsed (``" ".join(text.split()) == text``)? Most texts are: this test is a few
    times quicker than splitting and joining them again, or searching for controls.

    A printable text has no control characters and no whitespace but the space (tabs,
    line breaks and other spaces are not printable), so only its spaces need a look.
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _backslash(match: re.Match[str]) -> str:
    return "\\" + match.group()


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def attr(text: str) -> str:
    """Text for an HTML attribute value written between double quotes."""
    text = str(text)
    return html.escape(text if is_flat(text) else " ".join(_CONTROL.sub("", text).split()), quote=True)
