"""The library API: load → annotate → assemble → render → write, then build the site.

Everything is gathered and rendered before the first file is written.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .annotate import DEFAULT_MODEL, annotate, load_model, model_info
from .assemble import assemble
from .load import load_seeds
from .models import Problem, Story
from .registry import REGISTRY_FILE, dump_registry
from .render import DEFAULT_SITE_URL, render
from .site import build_site
from .write import WriteReport, write_docs, write_registry

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class Result:
    story: Story
    files: dict[str, str]
    report: WriteReport | None
    warnings: tuple[Problem, ...]


def make_story(seeds_dir: Path, *, model: str | None = None, nlp: Language | None = None) -> Story:
    """Read and understand the seeds; no file is written."""
    seeds = load_seeds(seeds_dir)
    if nlp is None:
        nlp = load_model(model or seeds.config.model or DEFAULT_MODEL)
    return assemble(seeds, annotate(seeds.articles, nlp), model_info(nlp))


def generate(seeds_dir: Path, docs_dir: Path, *, model: str | None = None,
             nlp: Language | None = None, save_registry: bool = True) -> Result:
    """Write the Markdown pages and ``api/story.json`` for the seeds into ``docs_dir``,
    and extend the seeds' slug registry (unless ``save_registry`` is False)."""
    story, files = _story_files(seeds_dir, model, nlp)
    return _commit(story, files, seeds_dir, docs_dir, save_registry)


def build(seeds_dir: Path, docs_dir: Path, site_dir: Path, *, config_file: Path,
          model: str | None = None, nlp: Language | None = None,
          save_registry: bool = True) -> Result:
    """Generate, then build the site with MkDocs in strict mode.

    The site is first built from a trial copy of the docs folder, so a failing MkDocs
    build leaves both the previous docs and the previous site exactly as they were.
    """
    story, files = _story_files(seeds_dir, model, nlp)
    dates = [a.published for a in story.articles if a.published]
    with tempfile.TemporaryDirectory(prefix=".explainer-trial-", dir=docs_dir.parent) as tmp:
        trial = Path(tmp) / docs_dir.name
        if docs_dir.is_dir():
            shutil.copytree(docs_dir, trial)
        write_docs(files, trial)
        # Themes insert the site name unescaped: it is escaped once here.
        build_site(config_file, trial, site_dir, html.escape(story.title), max(dates, default=None))
    return _commit(story, files, seeds_dir, docs_dir, save_registry)


def _story_files(seeds_dir: Path, model: str | None, nlp: Language | None) -> tuple[Story, dict[str, str]]:
    story = make_story(seeds_dir, model=model, nlp=nlp)
    return story, render(story, site_url=os.environ.get("SITE_URL") or DEFAULT_SITE_URL)


def _commit(story: Story, files: dict[str, str], seeds_dir: Path, docs_dir: Path,
            save_registry: bool) -> Result:
    """Write the docs (and the registry): the last step, once everything else worked."""
    report = write_docs(files, docs_dir)
    warnings = list(story.problems)
    if save_registry:
        trouble = write_registry(dump_registry(story.registry), seeds_dir / REGISTRY_FILE)
        if trouble:
            warnings.append(Problem(str(seeds_dir / REGISTRY_FILE), trouble, severity="warning"))
    return Result(story, files, report, tuple(warnings))
