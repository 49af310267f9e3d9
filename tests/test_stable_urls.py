"""Published URLs never break: rebuild after adding an article and renaming an actor.

Runs the real model (a few seconds); the seeds are copied so the repository is untouched.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from generator.annotate import DEFAULT_MODEL, load_model
from generator.pipeline import build

pytestmark = pytest.mark.model

NEW_ARTICLE = """---
title: A follow-up report
source: Example Wire
published: 2026-03-02
---

{name} said on Monday that the plan would be published in full later this month.

Officials said the consultation would run until the summer.
"""


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_model(DEFAULT_MODEL)


def urls_of(site: Path) -> set[str]:
    """Every page of a built site, plus every anchor other sites may link to."""
    urls = {str(p.relative_to(site)) for p in site.rglob("*.html")}
    data = json.loads((site / "api/story.json").read_text(encoding="utf-8"))
    urls |= {item["url"] for key in ("actors", "events", "glossary") for item in data[key]}
    return urls


def resolves(site: Path, url: str) -> bool:
    """True if ``url`` (relative, maybe with an anchor) leads somewhere in ``site``."""
    path, _, anchor = url.partition("#")
    page = site / path
    if page.is_dir() or not path:
        page = page / "index.html"
    if not page.is_file():
        return False
    html = page.read_text(encoding="utf-8")
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html)
    if target:  # a redirect page: follow it, relative to the page's folder
        here = posixpath.dirname(str(page.relative_to(site)))
        return resolves(site, posixpath.normpath(posixpath.join(here, target.group(1))) + "/")
    return not anchor or f'id="{anchor}"' in html


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_urls_survive_a_new_article_and_a_rename(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "slugs.yml").unlink(missing_ok=True)  # start as if nothing was published
    first = tmp_path / "first"
    build(seeds, tmp_path / "docs", first, config_file=ROOT / "mkdocs.yml", nlp=nlp)
    before = urls_of(first)
    data = json.loads((first / "api/story.json").read_text(encoding="utf-8"))
    person = next(a for a in data["actors"] if a["kind"] == "person")

    # Two builds of the same seeds are byte-identical; with no new ids the registry is
    # left as it is.
    registry = seeds / "slugs.yml"
    recorded = (registry.read_bytes(), registry.stat().st_mtime_ns)
    again = tmp_path / "again"
    build(seeds, tmp_path / "docs", again, config_file=ROOT / "mkdocs.yml", nlp=nlp)
    assert digest(first) == digest(again)
    assert (registry.read_bytes(), registry.stat().st_mtime_ns) == recorded

    (seeds / "zz-follow-up.md").write_text(NEW_ARTICLE.format(name=person["name"]), encoding="utf-8")
    story = (seeds / "story.yml").read_text(encoding="utf-8") if (seeds / "story.yml").exists() else ""
    story += f'\nactors:\n  rename:\n    "{person["name"]}": "{person["name"]} (renamed)"\n'
    (seeds / "story.yml").write_text(story, encoding="utf-8")
    second = tmp_path / "second"
    build(seeds, tmp_path / "docs", second, config_file=ROOT / "mkdocs.yml", nlp=nlp)

    after = json.loads((second / "api/story.json").read_text(encoding="utf-8"))
    renamed = next(a for a in after["actors"] if a["name"].endswith("(renamed)"))
    assert renamed["id"] != person["id"]
    broken = sorted(url for url in before if not resolves(second, url))
    assert broken == []
    assert resolves(second, person["url"])  # through the redirect page
    assert registry.read_bytes() != recorded[0]  # the new ids are recorded
