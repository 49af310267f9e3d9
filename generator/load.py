"""Load stage: read the seed articles and ``story.yml``, validated once, at the edge.

Every problem is collected with its file and line; errors stop the run together,
warnings travel on in :class:`~generator.models.Seeds`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import yaml
from markdown_it import MarkdownIt

from . import config as story_config
from .errors import InputError
from .models import Article, Paragraph, ParagraphKind, Problem, Registry, Seeds
from .registry import REGISTRY_FILE, parse_registry
from .slugs import slugify, unique_slug

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
KNOWN_KEYS = ("title", "source", "published", "url", "author", "licence", "license")
MAX_BYTES = 2_000_000  # larger "articles" are almost certainly not articles
T = TypeVar("T")

# A picture credit closing a paragraph: "(Name Surname/Agency)" or "(Photo: ...)".
_CREDIT = re.compile(
    r"\s*\((?P<credit>(?:(?:photo(?:graph)?|picture|image|credit)s?\s*:\s*[^()]{2,80})"
    r"|(?:[A-Z][^()/]{1,60}/[^()/]{1,40}))\)\s*$",
    re.IGNORECASE,
)
# Captions that end with "Photograph: Name/Agency" or "Image: Name (site)."
_PHOTOGRAPH = re.compile(
    r"\s*(?:Photograph|Photo|Picture|Image|Illustration|Credit):\s*(?P<credit>[^.:]{2,80})\.?$"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A paragraph that is only a dateline: "Wednesday, September 25, 2019".
_DATELINE = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\s*$"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])")


class Reading(NamedTuple):
    """What parsing an article file's text gave, before the checks that depend on its name
    or on the day (the id, a date in the future)."""

    meta: dict[str, Any]
    meta_lines: tuple[str, ...]  # the front matter's lines, to name where a key is set
    paragraphs: tuple[Paragraph, ...]


class Reread:
    """Earlier parses of seed files (articles and the slug registry) by their bytes' digest:
    the previous run's (``old``), and the ones this run used (``kept``, for the next run).

    Parsing YAML and Markdown was a tenth of a rebuild of 1,000 articles; a file whose bytes
    are unchanged parses the same, so only changed files are parsed again. Only clean
    parses are kept: a file with problems is parsed (and reported) every time.
    """

    def __init__(self, old: Mapping[str, Any] | None = None) -> None:
        self._old = dict(old or {})
        self.kept: dict[str, Any] = {}

    def get(self, kind: str, data: bytes, parse: Callable[[list[Problem]], T | None],
            problems: list[Problem]) -> T | None:
        """``parse(problems)`` for ``data``, or its earlier result."""
        key = _key(kind, data)
        value: T | None = self._old.get(key)
        if value is None:
            found: list[Problem] = []
            value = parse(found)
            problems.extend(found)
            if value is None or found:
                return value
        self.kept[key] = value
        return value

    def add(self, kind: str, data: bytes, value: Any) -> None:
        """Keep ``value`` as the parse of ``data``, made some other way (by the writer)."""
        self.kept[_key(kind, data)] = value

    @property
    def changed(self) -> bool:
        """Whether the next run would find anything different from what this one found."""
        return self.kept.keys() != self._old.keys()


def _key(kind: str, data: bytes) -> str:
    return f"{kind}:{hashlib.sha256(data).hexdigest()}"


def load_seeds(seeds_dir: Path, reread: Reread | None = None) -> Seeds:
    """Read every article in ``seeds_dir`` and its optional ``story.yml``; ``reread`` holds
    earlier parses of unchanged files."""
    reread = reread or Reread()
    if not seeds_dir.is_dir():
        raise InputError([Problem(str(seeds_dir), "seeds folder not found")])
    problems: list[Problem] = []
    config = story_config.load_story_config(seeds_dir / "story.yml", problems)
    registry = Registry()
    registry_path = seeds_dir / REGISTRY_FILE
    if registry_path.is_file():
        data = registry_path.read_bytes()
        registry = reread.get(
            "registry", data,
            lambda found: parse_registry(data.decode("utf-8"), str(registry_path), found),
            problems) or Registry()
    fatal = [p for p in problems if p.severity == "error"]  # settings: nothing builds right
    articles: list[Article] = []
    seen: dict[str, str] = {}
    ids: set[str] = set()
    for path in sorted(seeds_dir.iterdir()):
        if not _is_article_file(path):
            continue
        found: list[Problem] = []
        article = load_article(path, found, display=_display(path, seeds_dir), reread=reread)
        problems.extend(p for p in found if p.severity == "warning")
        errors = [p for p in found if p.severity == "error"]
        if article is None or errors:
            # One broken article does not stop the others: it is skipped, in one line.
            reasons = "; ".join(p.message for p in errors) or "unreadable"
            problems.append(Problem(errors[0].path if errors else str(path),
                                    f"article skipped: {reasons}",
                                    line=errors[0].line if errors else None, severity="warning"))
            continue
        digest = hashlib.sha256(
            "\n".join(p.text for p in article.paragraphs).encode("utf-8")
        ).hexdigest()
        if digest in seen:
            problems.append(Problem(article.path, f"article skipped: same text as {seen[digest]}",
                                    severity="warning"))
            continue
        seen[digest] = article.path
        if article.id in ids:
            new_id = unique_slug(article.id, ids)
            problems.append(Problem(article.path, f"another file also makes the id '{article.id}'; "
                                                  f"this one is '{new_id}'", severity="warning"))
            article = replace(article, id=new_id)
        ids.add(article.id)
        articles.append(article)
    if not articles and not fatal:
        fatal.append(Problem(str(seeds_dir), "no usable articles (*.md, *.markdown, *.txt) found"))
    if fatal:
        raise InputError(fatal + [p for p in problems if p not in fatal and p.severity == "warning"
                                  and "article skipped" in p.message])
    return Seeds(config=config, articles=tuple(articles), problems=tuple(problems),
                 registry=registry)


def _is_article_file(path: Path) -> bool:
    # README files document a seeds folder; they are not articles.
    return (
        path.is_file()
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and not path.name.lower().startswith(("readme", "."))
    )


def _display(path: Path, seeds_dir: Path) -> str:
    return str(seeds_dir / path.name) if not seeds_dir.is_absolute() else str(path)


def load_article(path: Path, problems: list[Problem], *, display: str | None = None,
                 reread: Reread | None = None) -> Article | None:
    """Parse one article file; record problems and return None if it cannot be used."""
    name = display or str(path)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        problems.append(Problem(name, f"file is {len(raw):,} bytes, over the {MAX_BYTES:,} limit"))
        return None
    if b"\x00" in raw:
        problems.append(Problem(name, "binary file, not an article"))
        return None
    plain = path.suffix.lower() == ".txt"
    reading = (reread or Reread()).get(
        "text" if plain else "markdown", raw, lambda found: _read(raw, name, plain, found), problems)
    if reading is None:
        return None
    if not any(p.kind == "body" for p in reading.paragraphs):
        problems.append(Problem(name, "article has no body text"))
        return None
    return _article(path, name, reading.meta, reading.meta_lines, reading.paragraphs, problems)


def _read(raw: bytes, name: str, plain: bool, problems: list[Problem]) -> Reading | None:
    """The front matter and paragraphs of a file's bytes (problems name the file)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(name, "not UTF-8 text", line=line))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)  # control characters are never article text
    meta, body, body_line = _split_front_matter(text, name, problems)
    if meta is None:
        return None
    return Reading(meta, tuple(text.split("\n")[:body_line]),
                   _paragraphs(body, body_line, plain=plain))


def _split_front_matter(
    text: str, name: str, problems: list[Problem]
) -> tuple[dict[str, Any] | None, str, int]:
    """Return (metadata, body, first line of body); metadata is {} with no front matter."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = re.search(r"^(?:---|\.\.\.)\s*$", text[4:], re.MULTILINE)
    if end is None:
        problems.append(Problem(name, "front matter opened with '---' is never closed", line=1))
        return None, "", 0
    block = text[4 : 4 + end.start()]
    body = text[4 + end.end() :]
    body_line = text[: 4 + end.end()].count("\n") + 1
    try:
        meta = yaml.load(block, Loader=story_config.FAST_LOADER) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or "invalid YAML"
        problems.append(Problem(name, f"malformed front matter: {reason}", line=line))
        return None, "", 0
    if not isinstance(meta, dict):
        problems.append(Problem(name, "front matter must be a mapping of keys to values", line=2))
        return None, "", 0
    return meta, body, body_line


def _paragraphs(body: str, first_line: int, *, plain: bool) -> tuple[Paragraph, ...]:
    blocks = _plain_blocks(body) if plain else _markdown_blocks(body)
    paragraphs = []
    for index, (line, kind, text) in enumerate(blocks):
        text = re.sub(r"\s+", " ", text).strip()
        credit = None
        if kind == "body":
            kind, text, credit = _classify(text)
        paragraphs.append(Paragraph(index, text, kind, line + first_line - 1, credit))
    return tuple(p for p in paragraphs if p.text)


def _plain_blocks(body: str) -> list[tuple[int, ParagraphKind, str]]:
    blocks: list[tuple[int, ParagraphKind, str]] = []
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", body):
        blocks.append((body[: match.start()].count("\n") + 1, "body", match.group()))
    return blocks


@cache
def _markdown() -> MarkdownIt:
    """One parser for every article: building its rule chains costs more than a parse."""
    return MarkdownIt("commonmark")


def _markdown_blocks(body: str) -> list[tuple[int, ParagraphKind, str]]:
    """Paragraphs and headings from Markdown, as plain text with their first line."""
    tokens = _markdown().parse(body)
    blocks: list[tuple[int, ParagraphKind, str]] = []
    for i, token in enumerate(tokens):
        if token.type != "inline" or i == 0:
            continue
        opener = tokens[i - 1]
        kind: ParagraphKind = "heading" if opener.type == "heading_open" else "body"
        line = (opener.map[0] + 1) if opener.map else 1
        parts = []
        for child in token.children or []:
            if child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif child.type == "image":
                parts.append(child.content)
        blocks.append((line, kind, "".join(parts)))
    return blocks


def _classify(text: str) -> tuple[ParagraphKind, str, str | None]:
    """Tell picture captions and datelines from body paragraphs."""
    if _DATELINE.match(text):
        return "dateline", text, None
    for pattern in (_CREDIT, _PHOTOGRAPH):
        match = pattern.search(text)
        # A credit only makes a caption when what precedes it does not end a sentence:
        # captions are unpunctuated, body text quoting "(A/B)" ends with a full stop.
        before = text[: match.start()].rstrip() if match else ""
        # "Image: X" after a full stop still ends a caption; a bracketed credit does not.
        if match and (pattern is _PHOTOGRAPH or not before.endswith((".", "?", "!", "”", '"'))):
            return "caption", text[: match.start()].strip(), match.group("credit").strip()
    return "body", text, None


def _key_line(lines: Sequence[str], key: object) -> int | None:
    """The file line (1-based) where a front matter key is set."""
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), None)


def _article(
    path: Path, name: str, meta: dict[str, Any], meta_lines: Sequence[str],
    paragraphs: tuple[Paragraph, ...], problems: list[Problem],
) -> Article | None:
    before = len([p for p in problems if p.severity == "error"])
    for key in meta:
        if str(key) not in KNOWN_KEYS:
            close = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(Problem(name, f"unknown front matter key '{key}'{hint}; ignored",
                                    line=_key_line(meta_lines, key), severity="warning"))
    title = _text_field(meta, "title", name, problems)
    derived = False
    if not title:
        title = _title_from_lede(paragraphs)
        derived = True
        problems.append(
            Problem(name, f"no title; using the lede: {title!r}", severity="warning")
        )
    source = _text_field(meta, "source", name, problems)
    if not source:
        source = "Unknown source"
        problems.append(Problem(name, "no source; shown as 'Unknown source'", severity="warning"))
    published = _date_field(meta.get("published"), name, problems, _key_line(meta_lines, "published"))
    if published and published > dt.date.today():
        problems.append(Problem(name, f"'published' date {published} is in the future",
                                line=_key_line(meta_lines, "published"), severity="warning"))
    if "published" not in meta:
        problems.append(
            Problem(name, "no published date; relative dates stay unresolved", severity="warning")
        )
    if len([p for p in problems if p.severity == "error"]) > before:
        return None
    return Article(
        id=slugify(path.stem),
        path=name,
        title=title,
        source=source,
        published=published,
        paragraphs=paragraphs,
        url=_text_field(meta, "url", name, problems),
        author=_text_field(meta, "author", name, problems),
        licence=_text_field(meta, "licence", name, problems)
        or _text_field(meta, "license", name, problems),
        title_derived=derived,
    )


def _text_field(meta: dict[str, Any], key: str, name: str, problems: list[Problem]) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        problems.append(Problem(name, f"'{key}' must be text, not a {type(value).__name__}", 2))
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _date_field(value: Any, name: str, problems: list[Problem], line: int | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        problems.append(Problem(name, f"'published' is not an ISO date (YYYY-MM-DD): {value!r}", line))
        return None


def _title_from_lede(paragraphs: tuple[Paragraph, ...]) -> str:
    """The lede's first sentence, shortened to a headline-like length."""
    lede = next(p.text for p in paragraphs if p.kind == "body")
    sentence = _SENTENCE_END.split(lede, maxsplit=1)[0].rstrip(".")
    words = sentence.split()
    return " ".join(words[:14]) + ("…" if len(words) > 14 else "")
