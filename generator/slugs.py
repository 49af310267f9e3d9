"""Safe, stable slugs: lowercase ASCII letters, digits and single hyphens, never empty."""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 80


def slugify(text: str, *, fallback: str = "item") -> str:
    """Turn any text into a URL- and file-safe slug that cannot escape a folder."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"['’]s\b", "s", ascii_text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    slug = slug[:MAX_LENGTH].rstrip("-")
    return slug or fallback


def unique_slug(text: str, taken: set[str], *, fallback: str = "item") -> str:
    """A slug not yet in ``taken`` (suffixed -2, -3, ...); adds it to ``taken``."""
    base = slugify(text, fallback=fallback)
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug
