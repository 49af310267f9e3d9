"""End to end with the real spaCy model: the seeds become a strict MkDocs site.

These are the few tests that load the trained pipeline; it is loaded once per session.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, SHARED

from generator.annotate import DEFAULT_MODEL, load_model
from generator.pipeline import Options, build, generate
from generator.render import schema_text

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_model(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def seeds_site(nlp, tmp_path_factory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("seeds-site")
    build(ROOT / "seeds", out / "docs", out / "site", config_file=ROOT / "mkdocs.yml", nlp=nlp,
          save_registry=False)
    return out


def story_json(folder: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((folder / "docs/api/story.json").read_text(encoding="utf-8"))


def test_site_is_built_strictly_with_every_kind_of_page(seeds_site: Path) -> None:
    site = seeds_site / "site"
    for page in ("index.html", "timeline/index.html", "actors/index.html", "glossary/index.html",
                 "sources/index.html", "api/index.html", "api/story.json", "search/search_index.json"):
        assert (site / page).is_file(), page
    data = story_json(seeds_site)
    for actor in data["actors"]:
        assert (site / actor["url"] / "index.html").is_file()
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html and "cdn.jsdelivr" not in html


def test_story_json_follows_its_schema(seeds_site: Path) -> None:
    jsonschema.validate(story_json(seeds_site), json.loads(schema_text()))


def test_seed_people_each_once_with_a_role_and_no_photographer(seeds_site: Path) -> None:
    data = story_json(seeds_site)
    people = [a for a in data["actors"] if a["kind"] == "person"]
    names = [p["name"] for p in people]
    assert len(names) == len(set(names)) >= 10
    assert all(p["roles"] for p in people), [p["name"] for p in people if not p["roles"]]
    credits = {"Stefan Rousseau"}  # the picture credit in the seed captions
    assert not credits & {n for p in people for n in (p["name"], *p["aliases"])}
    surnames = [p["name"].split()[-1] for p in people]
    assert len(surnames) == len(set(surnames)), "one profile per person"


def test_seed_timeline_and_glossary(seeds_site: Path) -> None:
    data = story_json(seeds_site)
    dates = {e["date"] for e in data["events"] if not e["expected"]}
    assert "2026-02-26" in dates  # the by-election, "Thursday" before publication
    expected = [e for e in data["events"] if e["expected"]]
    assert expected and all(e["date"] == "2026-W10" for e in expected)
    assert all(e["sources"] for e in data["events"])
    terms = {t["term"].lower() for t in data["glossary"]}
    assert {"by-election", "indefinite leave to remain", "danish model"} <= terms


def test_same_seeds_give_byte_identical_docs(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = generate(ROOT / "seeds", tmp_path / "a", nlp=nlp, save_registry=False).files
    second = generate(ROOT / "seeds", tmp_path / "b", nlp=nlp, save_registry=False).files
    assert first == second
    for name in first:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_docs_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Set and dict order of strings changes with PYTHONHASHSEED: no page may show it."""
    import os
    import shutil
    import subprocess
    import sys

    for seed in ("1", "2"):
        seeds = tmp_path / f"seeds-{seed}"
        shutil.copytree(ROOT / "seeds", seeds)
        subprocess.run([sys.executable, "-m", "generator", "generate", "-q", "--no-cache",
                        "--seeds", str(seeds), "--docs", str(tmp_path / seed)],
                       check=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed})
    first = sorted(p.relative_to(tmp_path / "1") for p in (tmp_path / "1").rglob("*"))
    assert first == sorted(p.relative_to(tmp_path / "2") for p in (tmp_path / "2").rglob("*"))
    for name in first:
        if (tmp_path / "1" / name).is_file():
            assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_a_warm_cache_gives_the_same_docs(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plain = generate(ROOT / "seeds", tmp_path / "a", nlp=nlp, save_registry=False)
    options = Options(cache_dir=tmp_path / "cache", save_registry=False)
    cold = generate(ROOT / "seeds", tmp_path / "b", nlp=nlp, options=options)
    warm = generate(ROOT / "seeds", tmp_path / "c", nlp=nlp, options=options)
    n = len(plain.story.articles)
    assert cold.cache[:3] == (0, n, 0)
    assert warm.cache[:3] == (n, 0, n)  # every parse and every article's findings reused
    assert warm.cache.steps_redone == 0 and warm.cache.steps_reused > 0
    assert plain.files == cold.files == warm.files


def test_a_build_leaves_the_garbage_collector_as_it_found_it(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Builds stop automatic collections after the parse; callers must not notice."""
    import gc

    before = gc.get_threshold()
    generate(ROOT / "seeds", tmp_path / "a", nlp=nlp, save_registry=False)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own frozen objects stay frozen
    try:
        generate(ROOT / "seeds", tmp_path / "b", nlp=nlp, save_registry=False)
        assert gc.get_threshold() == before and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_run_that_writes_the_registry_keeps_its_parse_for_the_next(
    nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    import shutil

    import generator.load

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "slugs.yml").unlink(missing_ok=True)
    options = Options(cache_dir=tmp_path / "cache")
    first = generate(seeds, tmp_path / "a", nlp=nlp, options=options)
    text = (seeds / "slugs.yml").read_text(encoding="utf-8")  # written by the first run

    def no_parse(*args: object) -> None:
        raise AssertionError("the registry was parsed again")

    monkeypatch.setattr(generator.load, "parse_registry", no_parse)
    again = generate(seeds, tmp_path / "b", nlp=nlp, options=options)
    assert again.files == first.files and (seeds / "slugs.yml").read_text(encoding="utf-8") == text


def test_a_rebuild_after_one_article_changed_is_a_fresh_build(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Reused story-wide work must never show. One article gains a new title holder, a quote,
    and a person whose surname is a capitalised word of the other article (so the other
    article can now hold a known name, the surname alone): the other article's share of the
    story-wide steps must be redone, and the rebuild must equal a build without any cache."""
    import re
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    options = Options(cache_dir=tmp_path / "cache", save_registry=False)
    first = generate(seeds, tmp_path / "a", nlp=nlp, options=options)
    path, other = sorted(seeds.glob("*.md"))[:2]
    named = {w.lower() for a in first.story.actors for n in (a.name, *a.aliases) for w in n.split()}
    name = next(f"Adaeze {w}" for w in re.findall(r"(?<=[a-z,] )([A-Z][a-z]{3,})\b",
                                                  other.read_text("utf-8"))
                if w.lower() not in named
                and f"Adaeze {w}" in {e.text for e in nlp(f"Minister Adaeze {w} said.").ents})
    path.write_text(path.read_text(encoding="utf-8") + (
        f"\n\nHealth Secretary {name} met {first.story.actors[0].name} on Monday. "
        f"\u201cWe agreed on the next steps for the whole country,\u201d {name} said "
        "afterwards. The Health Secretary will report next week.\n"), encoding="utf-8")
    rebuilt = generate(seeds, tmp_path / "b", nlp=nlp, options=options)
    fresh = generate(seeds, tmp_path / "c", nlp=nlp, save_registry=False)
    assert rebuilt.cache.parsed == 1 and rebuilt.cache.steps_reused > 0
    assert rebuilt.cache.steps_redone > 4  # the changed article's four steps, and more
    assert rebuilt.files == fresh.files
    assert rebuilt.files != first.files


STORIES = sorted(p for p in (SHARED / "stories").glob("*") if p.is_dir()) if SHARED.is_dir() else []


@pytest.mark.skipif(not STORIES, reason="../shared/stories is not beside the project")
@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_unseen_stories_build(story: Path, nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    build(story, tmp_path / "docs", tmp_path / "site", config_file=ROOT / "mkdocs.yml", nlp=nlp,
          save_registry=False)
    data = story_json(tmp_path)
    jsonschema.validate(data, json.loads(schema_text()))
    assert data["actors"] and data["events"]
    assert (tmp_path / "site/index.html").is_file()
