"""The library API: load → annotate → assemble → render → write, then build the site.

Everything is gathered and rendered before the first file is written.
"""

from __future__ import annotations

import os
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
    story = make_story(seeds_dir, model=model, nlp=nlp)
    files = render(story, site_url=os.environ.get("SITE_URL") or DEFAULT_SITE_URL)
    report = write_docs(files, docs_dir)
    warnings = list(story.problems)
    if save_registry:
        trouble = write_registry(dump_registry(story.registry), seeds_dir / REGISTRY_FILE)
        if trouble:
            warnings.append(Problem(str(seeds_dir / REGISTRY_FILE), trouble, severity="warning"))
    return Result(story, files, report, tuple(warnings))


def build(seeds_dir: Path, docs_dir: Path, site_dir: Path, *, config_file: Path,
          model: str | None = None, nlp: Language | None = None,
          save_registry: bool = True) -> Result:
    """Generate, then build the site with MkDocs in strict mode."""
    result = generate(seeds_dir, docs_dir, model=model, nlp=nlp, save_registry=save_registry)
    dates = [a.published for a in result.story.articles if a.published]
    build_site(config_file, docs_dir, site_dir, result.story.title, max(dates, default=None))
    return result
