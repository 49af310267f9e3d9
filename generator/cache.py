"""The parse cache: each article's spaCy annotations and own findings, outside ``docs/``.

A parse is keyed by the article's text, the model's name and version and the generator's
version; an article's findings (:mod:`generator.extract.findings`) also by the article's
metadata and a fingerprint of the generator's source code, so editing a rule never reuses
findings made by the old one. Any change makes a new key. Entries carry a checksum and are
verified on read; a corrupt or mismatching entry is ignored (and recomputed), never trusted.
The story-wide steps' per-article work (:mod:`generator.memo`) is kept in one file per seeds
folder, keyed inside by the same article keys as the findings; so are the seed files' own
parses (:class:`generator.load.Reread`), keyed by each file's bytes. The word frequencies
looked up so far are kept in one table per code and wordfreq version.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from . import __version__
from .memo import Stored, is_stored
from .models import Article, ModelInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from .extract.findings import ArticleFindings
    from .stored import Lexicon

# The token attributes extraction reads; sentence boundaries follow from the parse.
# Morphological features are not among them (the lemmatizer used them during the parse):
# restoring them registers every token's features anew, a tenth of reading an entry.
ATTRS = ("ORTH", "SPACY", "TAG", "POS", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE",
         "SENT_START")
# The columns holding strings (as ids in the Docs' string store), which a reader must know.
_STRING_COLUMNS = [ATTRS.index(a) for a in ("ORTH", "TAG", "LEMMA", "DEP", "ENT_TYPE")]
_MAGIC = b"story-explainer-cache-4\n"
# Entries nobody has read for this long are removed (every read renews an entry), so the
# cache keeps what current stories use and forgets removed articles and old versions.
MAX_AGE_DAYS = 30
_PRUNED = "last-pruned"  # marker file: when the folder was last pruned


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
        self.findings_hits = 0
        self.findings_misses = 0
        # findings keys by id(article), with the article kept so the id stays its own: the
        # pipeline asks twice per article, and each time reprs the whole article
        self._findings_keys: dict[int, tuple[Article, str]] = {}
        self._lexicon: Lexicon | None = None  # the words of the Docs read, for all of them

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
        """The article's paragraph Docs if a valid entry exists, else None (each a
        :class:`~generator.stored.StoredDoc`, which makes the real Doc only if asked for
        more than the story-wide steps read)."""
        body = _read(self._path(self.key(article)))
        try:
            if body is None:
                raise ValueError("missing")
            if self._lexicon is None or self._lexicon.vocab is not vocab:
                from .stored import Lexicon

                self._lexicon = Lexicon(vocab)
            docs, lengths = _docs_from(pickle.loads(body), vocab, self._lexicon)
            # The key and checksum vouch for the entry; the tokens must still span exactly
            # the paragraphs' text.
            if lengths != [len(p.text) for p in article.paragraphs]:
                raise ValueError("stale")
        except Exception:  # missing or corrupt in any way: parse again
            self.misses += 1
            return None
        self.hits += 1
        return docs

    def put(self, article: Article, docs: Sequence[Doc]) -> None:
        """Store an article's Docs; a cache that cannot be written is simply skipped."""
        _write(self._path(self.key(article)),
               pickle.dumps(_arrays_of(docs), protocol=pickle.HIGHEST_PROTOCOL))

    def findings_key(self, article: Article) -> str:
        known = self._findings_keys.get(id(article))
        if known is not None and known[0] is article:
            return known[1]
        digest = hashlib.sha256(self.key(article).encode("ascii"))
        digest.update(code_fingerprint().encode("ascii"))
        # The article as read (id, date, paragraph kinds...), but not where the seeds folder
        # happens to be: moving it, or running from elsewhere, keeps the findings.
        digest.update(repr(replace(article, path=Path(article.path).name)).encode("utf-8"))
        self._findings_keys[id(article)] = (article, digest.hexdigest())
        return digest.hexdigest()

    def get_findings(self, article: Article) -> ArticleFindings | None:
        """The article's own findings if a valid entry exists, else None."""
        from .extract.findings import ArticleFindings

        body = _read(self.folder / "findings" / f"{self.findings_key(article)}.pickle")
        try:
            if body is None:
                raise ValueError("missing")
            # Only entries this program wrote and whose checksum holds are unpickled.
            found: Any = pickle.loads(body)
            if not isinstance(found, ArticleFindings):
                raise ValueError("not findings")
        except Exception:
            self.findings_misses += 1
            return None
        self.findings_hits += 1
        return found

    def put_findings(self, article: Article, findings: ArticleFindings) -> None:
        _write(self.folder / "findings" / f"{self.findings_key(article)}.pickle",
               pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL))

    def get_steps(self, seeds_dir: Path) -> Stored:
        """What the story-wide steps kept from the last run on ``seeds_dir`` ({} if none)."""
        body = _read(_seeds_file(self.folder, "steps", seeds_dir))
        try:
            if body is None:
                raise ValueError("missing")
            stored: Any = pickle.loads(body)  # written by this program, checksum verified
            if not is_stored(stored):
                raise ValueError("not steps")
        except Exception:
            return {}
        return cast("Stored", stored)

    def put_steps(self, seeds_dir: Path, stored: Stored) -> None:
        """Keep this run's per-article step results (only the current articles') for the next."""
        _write(_seeds_file(self.folder, "steps", seeds_dir),
               pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL))


def get_frequencies(folder: Path, source: str) -> dict[str, float]:
    """Word frequencies looked up by earlier runs of this code on the same wordfreq
    (``source``, see :func:`generator.extract.term_words.frequency_source`); {} if none."""
    body = _read(_frequencies_file(folder, source))
    try:
        if body is None:
            raise ValueError("missing")
        table: Any = pickle.loads(body)  # written by this program, checksum verified
        if not (isinstance(table, dict)
                and all(type(k) is str and type(v) is float for k, v in table.items())):
            raise ValueError("not frequencies")
    except Exception:
        return {}
    return cast("dict[str, float]", table)


def put_frequencies(folder: Path, source: str, table: dict[str, float]) -> None:
    """Keep the word frequencies looked up so far, for the next run."""
    _write(_frequencies_file(folder, source), pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))


def _frequencies_file(folder: Path, source: str) -> Path:
    where = hashlib.sha256(f"{code_fingerprint()}\0{source}".encode()).hexdigest()
    return folder / "frequencies" / f"{where}.pickle"


def get_readings(folder: Path, seeds_dir: Path) -> dict[str, Any]:
    """The parses of seed files kept by the last run on ``seeds_dir`` ({} if none, or if
    they were made by other code)."""
    body = _read(_seeds_file(folder, "readings", seeds_dir))
    try:
        if body is None:
            raise ValueError("missing")
        code, entries = pickle.loads(body)  # written by this program, checksum verified
        if code != code_fingerprint() or not isinstance(entries, dict):
            raise ValueError("other code")
    except Exception:
        return {}
    return entries


def put_readings(folder: Path, seeds_dir: Path, entries: dict[str, Any]) -> None:
    """Keep this run's parses of seed files (see :class:`generator.load.Reread`)."""
    _write(_seeds_file(folder, "readings", seeds_dir),
           pickle.dumps((code_fingerprint(), entries), protocol=pickle.HIGHEST_PROTOCOL))


def _seeds_file(folder: Path, kind: str, seeds_dir: Path) -> Path:
    """The file of one seeds folder's ``kind`` of entries (steps, readings)."""
    where = hashlib.sha256(str(seeds_dir.resolve()).encode("utf-8")).hexdigest()
    return folder / kind / f"{where}.pickle"


def _arrays_of(docs: Sequence[Doc]) -> tuple[tuple[str, ...], tuple[int, ...],
                                              list[tuple[Any, list[bool]]]]:
    """Docs as their token arrays (``ATTRS``) and spaces, with the strings the arrays name
    and their ids.

    Like spaCy's ``DocBin`` without its generality: reading a ``DocBin`` makes a lexeme
    for every string it holds (tags, lemmas, labels too) and decodes msgpack through a
    registry lookup per entry, which cost more than rebuilding the Docs themselves."""
    import numpy

    ids: set[int] = set()
    arrays = []
    for doc in docs:
        array = doc.to_array(list(ATTRS))
        ids.update(numpy.unique(array[:, _STRING_COLUMNS]).tolist())
        arrays.append((array, array[:, ATTRS.index("SPACY")].astype(bool).tolist()))
    named = sorted((docs[0].vocab.strings[i], i) for i in ids if i) if docs else []
    return tuple(t for t, _ in named), tuple(i for _, i in named), arrays


def _docs_from(stored: Any, vocab: Vocab, lexicon: Lexicon) -> tuple[list[Doc], list[int]]:
    """The Docs written by :func:`_arrays_of`, on ``vocab``, as :class:`StoredDoc`\\ s
    (typed as the Docs they stand in for), and the length of each one's text (the words'
    lengths and the spaces after them: ``len(doc.text)`` without making the Doc)."""
    from .stored import StoredDoc

    strings, ids, arrays = stored
    # Only strings new to this run go into the vocabulary's store (and each must have the
    # id the entry gives it): an article's words are mostly the story's usual ones, and
    # adding all of every entry's strings was the largest part of reading it once no Doc
    # was made.
    text_of = dict(zip(ids, strings, strict=True))
    add = vocab.strings.add
    for h in text_of.keys() - lexicon.added:
        if add(text_of[h]) != h:
            raise ValueError("string id")
        lexicon.added.add(h)
    lengths = dict(zip(ids, map(len, strings), strict=True))
    orth, space = ATTRS.index("ORTH"), ATTRS.index("SPACY")
    docs, sizes = [], []
    for array, spaces in arrays:
        docs.append(cast("Doc", StoredDoc(vocab, ATTRS, array, spaces, lexicon)))
        sizes.append(sum(map(lengths.__getitem__, array[:, orth].tolist()))
                     + int(array[:, space].sum()))
    return docs, sizes


@cache
def code_fingerprint() -> str:
    """A digest of the generator's own source: findings made by other code are not reused."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def prune_daily(folder: Path, *, now: float | None = None) -> int:
    """:func:`prune`, at most once a day: entries expire after a month, and scanning every
    entry took about a fiftieth of a rebuild of 1,000 articles."""
    now = time.time() if now is None else now
    marker = folder / _PRUNED
    try:
        if now - marker.stat().st_mtime < 86400:
            return 0
    except OSError:
        pass
    removed = prune(folder, now=now)
    try:
        marker.touch()
        os.utime(marker, (now, now))
    except OSError:
        pass
    return removed


def prune(folder: Path, *, max_age_days: float = MAX_AGE_DAYS, now: float | None = None) -> int:
    """Remove entries not read for ``max_age_days``; returns how many went."""
    cutoff = (time.time() if now is None else now) - max_age_days * 86400
    removed = 0
    for path in (*folder.glob("??/*.spacy"), *folder.glob("findings/*.pickle"),
                 *folder.glob("steps/*.pickle"), *folder.glob("readings/*.pickle"),
                 *folder.glob("frequencies/*.pickle"),
                 *folder.glob("**/*.tmp")):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def _read(path: Path) -> bytes | None:
    """An entry's body if the file exists and its checksum holds (reading renews it)."""
    try:
        raw = path.read_bytes()
        os.utime(path)
    except OSError:
        return None
    body = raw[len(_MAGIC) + 64 :]
    stored = raw[len(_MAGIC) : len(_MAGIC) + 64].decode("ascii", "replace")
    if not raw.startswith(_MAGIC) or hashlib.sha256(body).hexdigest() != stored:
        return None
    return body


def _write(path: Path, body: bytes) -> None:
    """Write an entry atomically; a cache that cannot be written is simply skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_suffix(f".{os.getpid()}.tmp")
        staging.write_bytes(_MAGIC + hashlib.sha256(body).hexdigest().encode("ascii") + body)
        os.replace(staging, path)
    except OSError:
        pass
