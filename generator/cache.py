"""The parse cache: each article's spaCy annotations, stored outside ``docs/``.

An entry is keyed by the article's text, the model's name and version and the generator's
version, so any change makes a new key. Entries carry a checksum and are verified on
read; a corrupt or mismatching entry is ignored (and re-parsed), never trusted.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .models import Article, ModelInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# The token attributes extraction reads; sentence boundaries follow from the parse.
ATTRS = ("ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE",
         "SENT_START")
_MAGIC = b"story-explainer-cache-1\n"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/story-explainer`` (``~/.cache/story-explainer``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "story-explainer"


class ParseCache:
    """Read and write cached parses for one model, in one folder."""

    def __init__(self, folder: Path, model: ModelInfo) -> None:
        self.folder = folder
        self.model = model
        self.hits = 0
        self.misses = 0

    def key(self, article: Article) -> str:
        digest = hashlib.sha256()
        for part in (__version__, self.model.name, self.model.version):
            digest.update(part.encode("utf-8") + b"\0")
        for paragraph in article.paragraphs:
            digest.update(paragraph.text.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.spacy"

    def get(self, article: Article, vocab: Vocab) -> list[Doc] | None:
        """The article's paragraph Docs if a valid entry exists, else None."""
        from spacy.tokens import DocBin

        path = self._path(self.key(article))
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        body = raw[len(_MAGIC) + 64 :]
        stored = raw[len(_MAGIC) : len(_MAGIC) + 64].decode("ascii", "replace")
        try:
            if not raw.startswith(_MAGIC) or hashlib.sha256(body).hexdigest() != stored:
                raise ValueError("checksum")
            docs = list(DocBin(attrs=ATTRS).from_bytes(body).get_docs(vocab))
        except Exception:  # corrupt in any way: parse again
            self.misses += 1
            return None
        if [d.text for d in docs] != [p.text for p in article.paragraphs]:
            self.misses += 1
            return None
        self.hits += 1
        return docs

    def put(self, article: Article, docs: Sequence[Doc]) -> None:
        """Store an article's Docs; a cache that cannot be written is simply skipped."""
        from spacy.tokens import DocBin

        body = DocBin(attrs=ATTRS, docs=docs).to_bytes()
        path = self._path(self.key(article))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            staging = path.with_suffix(f".{os.getpid()}.tmp")
            staging.write_bytes(_MAGIC + hashlib.sha256(body).hexdigest().encode("ascii") + body)
            os.replace(staging, path)
        except OSError:
            pass
