"""Bad input never crashes, never loses output and never injects markup.

Property-based tests (hypothesis) fuzz the loader, slugs and escaping; end-to-end tests
with the real model build a hostile seed and a broken run.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.annotate import DEFAULT_MODEL, load_model
from generator.errors import ExplainerError, InputError
from generator.load import load_seeds
from generator.pipeline import build
from generator.render.escape import is_flat, md
from generator.slugs import slugify

MARKDOWN = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "abbr", "toc"])


@given(st.text())
def test_slugs_use_a_safe_alphabet_and_are_never_empty(text: str) -> None:
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert ".." not in slug and "/" not in slug and "\\\\" not in slug


@pytest.mark.parametrize("text", ["../../etc/passwd", "C:\\\\Windows\\\\system32", "", "   ", "..", "///"])
def test_path_like_names_stay_inside(text: str) -> None:
    slug = slugify(text)
    assert slug and "/" not in slug and "." not in slug


@given(st.text(max_size=300))
def test_escaped_text_renders_as_the_same_text_and_no_markup(text: str) -> None:
    MARKDOWN.reset()
    out = MARKDOWN.convert("Before " + md(text) + " after.")
    inner = re.sub(r"^<p>|</p>$", "", out)
    assert "<" not in inner.replace("&lt;", "")  # no element of any kind
    visible = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", text)
    assert " ".join(html.unescape(inner).split()) == " ".join(f"Before {visible} after.".split())


@given(st.text(max_size=60) | st.text(alphabet=" \t\n\x0b\x85\xa0\u2028ab", max_size=12))
def test_text_called_flat_needs_no_cleaning(text: str) -> None:
    # ``md`` and ``attr`` skip the control-character search and the split/join for it
    if is_flat(text):
        assert " ".join(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", text).split()) == text


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_any_file_content_loads_or_fails_cleanly(tmp_path: Path, content: bytes) -> None:
    folder = tmp_path / "seeds"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "article.md").write_bytes(content)
    try:
        seeds = load_seeds(folder)
    except InputError as exc:
        assert all("\\n" not in str(p) for p in exc.problems)
    else:
        assert len(seeds.articles) == 1


# ------------------------------------------------------------------ end to end


HOSTILE = """---
title: "<script>alert('title')</script> Mayor's <img src=x onerror=alert(1)> plan"
source: "Evil <b>Wire</b>"
published: 2026-03-01
url: "javascript:alert('url')"
author: "{{ config.site_name }}"
---

Mayor Ann Lee said on Monday: "The <script>alert('body')</script> bridge will close [click](javascript:alert(1)) next week."

The council, led by <img src=x onerror=alert(2)> Tom Ray, voted on Friday. | a | b |
|---|---|

{{ config.extra }} and {% raw %} --8<-- "/etc/passwd" and <a href="javascript:alert(3)">link</a>.

Ann Lee, the mayor of Testville, said the so-called "bridge toll" scheme would start in 2027.
"""


class _Audit(HTMLParser):
    """Collects any element or attribute that could only have come from the hostile text."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or (value and "javascript:" in value.lower()):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("img", "b"):
            self.found.append(f"<{tag}>")
        self._script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and "alert" in data:
            self.found.append(f"<script>{data[:40]}")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_model(DEFAULT_MODEL)


@pytest.mark.model
def test_hostile_seed_appears_as_text_only(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "evil.md").write_text(HOSTILE, encoding="utf-8")
    build(seeds, tmp_path / "docs", tmp_path / "site", config_file=ROOT / "mkdocs.yml", nlp=nlp)
    found = []
    for page in (tmp_path / "site").rglob("*.html"):
        audit = _Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.name}: {f}" for f in audit.found]
    assert found == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in home  # shown, as text


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.model
def test_failed_runs_leave_docs_and_site_as_they_were(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    (docs / "about.md").write_text("# Written by hand\n", encoding="utf-8")
    build(seeds, docs, site, config_file=ROOT / "mkdocs.yml", nlp=nlp)
    before = (_digest(docs), _digest(site))
    assert (docs / "about.md").read_text(encoding="utf-8") == "# Written by hand\n"

    # An override naming nobody: the input cannot be used.
    (seeds / "story.yml").write_text("actors:\n  hide: [Nobody At All]\n", encoding="utf-8")
    with pytest.raises(InputError, match="no actor called 'Nobody At All'"):
        build(seeds, docs, site, config_file=ROOT / "mkdocs.yml", nlp=nlp)
    assert (_digest(docs), _digest(site)) == before

    # A site configuration that fails in strict mode: nothing changes either.
    (seeds / "story.yml").unlink()
    (seeds / "extra.md").write_text("---\ntitle: Extra\nsource: S\npublished: 2026-03-01\n---\n\n"
                                    "The mayor spoke on Monday.\n", encoding="utf-8")
    broken = tmp_path / "mkdocs.yml"
    broken.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}") + "\nnot_a_setting: 1\n",
        encoding="utf-8")
    with pytest.raises(ExplainerError):
        build(seeds, docs, site, config_file=broken, nlp=nlp)
    assert (_digest(docs), _digest(site)) == before


@given(st.text(max_size=200), st.text(max_size=400))
def test_front_matter_is_valid_yaml_for_any_title(title: str, description: str) -> None:
    import yaml

    from generator.render.common import front_matter

    meta = yaml.safe_load(front_matter(title, description).split("---\n")[1])
    assert isinstance(meta["title"], str) and isinstance(meta["description"], str)
    assert "<" not in meta["title"] and "<" not in meta["description"]
