"""The library API: load → annotate → per-article findings → assemble → render → write,
then build the site.

Parses and findings come from the cache when an article is unchanged, and so does an
article's share of the story-wide steps when what it sees of the story is unchanged
(:mod:`generator.memo`). Everything is gathered and rendered before the first file is
written.
"""

from __future__ import annotations

import gc
import html
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .annotate import DEFAULT_MODEL, annotate, load_model, model_info
from .assemble import assemble
from .cache import (
    ParseCache,
    get_frequencies,
    get_readings,
    prune_daily,
    put_frequencies,
    put_readings,
)
from .extract.findings import find_in_article, restore
from .extract.term_words import frequency_source, known_frequencies, learn_frequencies
from .load import Reread, load_seeds
from .memo import Memo
from .models import Problem, Registry, Story
from .registry import REGISTRY_FILE, dump_registry, reloaded
from .render import DEFAULT_SITE_URL, render
from .site import build_site
from .write import WriteReport, write_docs, write_registry

if TYPE_CHECKING:
    from spacy.language import Language


class CacheUse(NamedTuple):
    """What a run took from the cache: parses, articles' findings, and the per-article
    work of story-wide steps (see :mod:`generator.memo`)."""

    parses: int = 0
    parsed: int = 0
    findings: int = 0
    steps_reused: int = 0
    steps_redone: int = 0


_NO_CACHE = CacheUse()


@dataclass(frozen=True)
class Result:
    story: Story
    files: dict[str, str]
    report: WriteReport | None
    warnings: tuple[Problem, ...]
    timings: tuple[tuple[str, float], ...] = ()  # (stage, seconds), for --verbose
    cache: CacheUse = _NO_CACHE


@dataclass(frozen=True)
class Options:
    """How to run: which model, how many processes, where the parse cache lives (None: no
    cache), whether to extend the seeds' slug registry, and a progress callback that gets
    (articles done so far, total)."""

    model: str | None = None
    jobs: int = 1
    cache_dir: Path | None = None
    save_registry: bool = True
    progress: Callable[[int, int], None] | None = None


class _Clock:
    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps.append((stage, now - self._last))
        self._last = now


def make_story(seeds_dir: Path, *, model: str | None = None, nlp: Language | None = None,
               options: Options | None = None) -> Story:
    """Read and understand the seeds; no file is written."""
    with _fewer_collections():
        return _make(seeds_dir, nlp, _options(options, model, True), _Clock()).story


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the garbage collector rarely while a story is built, and not at all once the
    articles are parsed (see :func:`_stop_collecting`).

    A build creates millions of small objects (mentions, hits, citations) that live until
    the end; Python's default thresholds make the collector walk them again and again,
    which cost about a fifth of a rebuild's time on 1,000 articles. The data is acyclic
    in the main, so collecting every 100,000 allocations instead of 700 changed the peak
    memory of the benchmark builds by under 2%. On the way out, what the build left alive
    is moved to the oldest generation without being walked (freeze, then unfreeze).
    """
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        if not frozen:  # a caller's own frozen objects stay frozen
            gc.freeze()
            gc.unfreeze()
        gc.set_threshold(*before)


def _stop_collecting() -> None:
    """No automatic collections for the rest of the build (inside :func:`_fewer_collections`).

    After the parse, the objects are the story's own: cyclic ones are few (the Spans kept
    in Docs' user_data, which :func:`_make` lets go by hand), so reference counting frees
    nearly everything, and each collection only walked the cached findings and the
    extraction's results again: a rebuild of 1,000 articles took 0.91 times as long
    without them, with the same peak memory. The parse itself keeps collecting: spaCy's
    objects are not ours to vouch for.
    """
    gc.set_threshold(0)


class _Made(NamedTuple):
    story: Story
    cache: CacheUse  # what came from the cache
    before: Registry  # the slug registry as the seeds had it
    reread: Reread  # the seed files' parses, kept for the next run


def _make(seeds_dir: Path, nlp: Language | None, options: Options, clock: _Clock) -> _Made:
    """The story, and what the steps after it need to know of how it was made."""
    reread = Reread(get_readings(options.cache_dir, seeds_dir) if options.cache_dir else None)
    seeds = load_seeds(seeds_dir, reread)
    if options.cache_dir and reread.changed:
        put_readings(options.cache_dir, seeds_dir, reread.kept)
    clock.lap("load")
    if nlp is None:
        nlp = load_model(options.model or seeds.config.model or DEFAULT_MODEL)
    info = model_info(nlp)
    clock.lap("model")
    cache = ParseCache(options.cache_dir, info) if options.cache_dir else None
    cached = {}
    if cache is not None:
        for i, article in enumerate(seeds.articles):
            docs = cache.get(article, nlp.vocab)
            if docs is not None:
                cached[i] = docs
    total, done = len(seeds.articles), 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if options.progress:
            options.progress(done, total)

    annotated = annotate(seeds.articles, nlp, cached=cached, n_process=max(1, options.jobs),
                         progress=advance)
    if cache is not None:
        for i, item in enumerate(annotated):
            if i not in cached:
                cache.put(item.article, [ap.doc for ap in item.paragraphs])
    _stop_collecting()
    clock.lap("annotate")
    learned = get_frequencies(cache.folder, frequency_source()) if cache is not None else {}
    learn_frequencies(learned)
    findings = {}
    for item in annotated:  # each article's own findings: from the cache, or found now
        found = cache.get_findings(item.article) if cache is not None else None
        if found is None:
            found = find_in_article(item)
            if cache is not None:
                cache.put_findings(item.article, found)
        else:
            restore(item, found)
        findings[item.article.id] = found
    memo = Memo()
    if cache is not None:
        prune_daily(cache.folder)
        memo = Memo({a.id: cache.findings_key(a) for a in seeds.articles},
                    cache.get_steps(seeds_dir))
    clock.lap("findings")
    story = assemble(seeds, annotated, info, findings, memo)
    for item in annotated:
        for ap in item.paragraphs:
            # Extraction keeps Spans in each Doc's user_data, which refer back to the Doc:
            # without this, the Docs would wait for the garbage collector (see _render).
            ap.doc.user_data.clear()
    if cache is not None:
        cache.put_steps(seeds_dir, memo.kept)
        if len(table := known_frequencies()) > len(learned):  # words looked up for the first time
            put_frequencies(cache.folder, frequency_source(), table)
    clock.lap("extract")
    if cache is None:
        return _Made(story, _NO_CACHE, seeds.registry, reread)
    return _Made(story, CacheUse(cache.hits, cache.misses, cache.findings_hits, memo.hits,
                                 memo.misses), seeds.registry, reread)


def generate(seeds_dir: Path, docs_dir: Path, *, model: str | None = None,
             nlp: Language | None = None, save_registry: bool = True,
             options: Options | None = None) -> Result:
    """Write the Markdown pages and ``api/story.json`` for the seeds into ``docs_dir``,
    and extend the seeds' slug registry (unless ``save_registry`` is False)."""
    options = _options(options, model, save_registry)
    clock = _Clock()
    made, files = _made_and_rendered(seeds_dir, nlp, options, clock)
    return _commit(made, files, seeds_dir, docs_dir, options, clock)


def build(seeds_dir: Path, docs_dir: Path, site_dir: Path, *, config_file: Path,
          model: str | None = None, nlp: Language | None = None,
          save_registry: bool = True, options: Options | None = None) -> Result:
    """Generate, then build the site with MkDocs in strict mode.

    The site is first built from a trial copy of the docs folder, so a failing MkDocs
    build leaves both the previous docs and the previous site exactly as they were.
    """
    options = _options(options, model, save_registry)
    clock = _Clock()
    made, files = _made_and_rendered(seeds_dir, nlp, options, clock)
    story = made.story
    dates = [a.published for a in story.articles if a.published]
    with tempfile.TemporaryDirectory(prefix=".explainer-trial-", dir=docs_dir.parent) as tmp:
        trial = Path(tmp) / docs_dir.name
        if docs_dir.is_dir():
            shutil.copytree(docs_dir, trial)
        write_docs(files, trial)
        # Themes insert the site name unescaped: it is escaped once here.
        build_site(config_file, trial, site_dir, html.escape(story.title), max(dates, default=None))
    clock.lap("site")
    return _commit(made, files, seeds_dir, docs_dir, options, clock)


def _made_and_rendered(seeds_dir: Path, nlp: Language | None, options: Options, clock: _Clock,
                       ) -> tuple[_Made, dict[str, str]]:
    """The story and its pages, all in memory: nothing is written yet."""
    with _fewer_collections():
        made = _make(seeds_dir, nlp, options, clock)
        files = _render(made.story)
    clock.lap("render")
    return made, files


def _options(options: Options | None, model: str | None, save_registry: bool) -> Options:
    options = options or Options()
    return replace(options, model=model or options.model,
                   save_registry=save_registry and options.save_registry)


def _render(story: Story) -> dict[str, str]:
    _release_memory()  # the Docs and findings are gone: let the pages reuse their memory
    return render(story, site_url=os.environ.get("SITE_URL") or DEFAULT_SITE_URL)


def _release_memory() -> None:
    """Hand freed memory back to the system (glibc keeps it otherwise), so the peak of a
    long story is the larger of extraction and rendering, not their sum.

    The Docs are freed as soon as they are let go (their user_data is cleared in _make),
    so no collection is needed first: walking every live object took 0.2 s at 1,000
    articles, for a few thousand small cyclic objects."""
    import ctypes

    # The process's own symbols, glibc's among them (``ctypes.util.find_library`` would
    # run ``ldconfig -p`` to find it: a process of its own on every build). Not glibc:
    # nothing to hand back.
    with suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def _commit(made: _Made, files: dict[str, str], seeds_dir: Path, docs_dir: Path,
            options: Options, clock: _Clock) -> Result:
    """Write the docs, and the registry if it gained ids: the last step, once everything
    else worked."""
    story = made.story
    report = write_docs(files, docs_dir)
    warnings = list(story.problems)
    if options.save_registry and story.registry != made.before:
        text = dump_registry(story.registry)
        trouble = write_registry(text, seeds_dir / REGISTRY_FILE)
        if trouble:
            warnings.append(Problem(str(seeds_dir / REGISTRY_FILE), trouble, severity="warning"))
        elif options.cache_dir:
            # The next run reads what was just written: it finds the parse already made
            # (0.2 s at 1,000 articles, and every run that adds an article adds ids).
            made.reread.add("registry", text.encode("utf-8"), reloaded(story.registry))
            put_readings(options.cache_dir, seeds_dir, made.reread.kept)
    clock.lap("write")
    return Result(story, files, report, tuple(warnings), tuple(clock.laps), made.cache)
