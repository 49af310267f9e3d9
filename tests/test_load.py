"""Load stage: front matter, plain text, captions, and problems reported with file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.load import load_seeds


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


ARTICLE = """---
title: A headline
source: The Outlet
published: 2026-02-28
url: https://example.org/a
---

First paragraph of the *story*.

A minister, pictured at the event (Jane Doe/Agency)

## A subheading

Last paragraph.
"""


def test_markdown_article_with_front_matter(tmp_path: Path) -> None:
    write(tmp_path, "one.md", ARTICLE)
    seeds = load_seeds(tmp_path)
    (article,) = seeds.articles
    assert article.id == "one"
    assert article.title == "A headline"
    assert article.published == dt.date(2026, 2, 28)
    assert [p.kind for p in article.paragraphs] == ["body", "caption", "heading", "body"]
    assert article.paragraphs[0].text == "First paragraph of the story."
    assert article.paragraphs[0].line == 8
    caption = article.paragraphs[1]
    assert caption.text == "A minister, pictured at the event"
    assert caption.credit == "Jane Doe/Agency"
    assert seeds.problems == ()


def test_plain_text_article_gets_warnings_and_a_title_from_its_lede(tmp_path: Path) -> None:
    write(tmp_path, "plain.txt", "The council voted to close the library. It had been open.\n\nMore.")
    seeds = load_seeds(tmp_path)
    (article,) = seeds.articles
    assert article.title == "The council voted to close the library"
    assert article.title_derived
    assert article.source == "Unknown source"
    assert article.published is None
    messages = " | ".join(str(p) for p in seeds.problems)
    assert "no title" in messages and "no source" in messages and "no published date" in messages
    assert all(p.severity == "warning" and p.path.endswith("plain.txt") for p in seeds.problems)


def test_dateline_paragraph_is_not_body(tmp_path: Path) -> None:
    write(tmp_path, "d.md", "---\ntitle: T\nsource: S\npublished: 2019-09-25\n---\n\n"
          "Wednesday, September 25, 2019\n\nBody text here.\n")
    (article,) = load_seeds(tmp_path).articles
    assert [p.kind for p in article.paragraphs] == ["dateline", "body"]


def test_a_sentence_ending_with_a_bracket_is_not_a_caption(tmp_path: Path) -> None:
    write(tmp_path, "c.md", "---\ntitle: T\nsource: S\npublished: 2019-09-25\n---\n\n"
          "The vote passed (Yes/No counts below).\n")
    (article,) = load_seeds(tmp_path).articles
    assert article.paragraphs[0].kind == "body"


@pytest.mark.parametrize(
    ("name", "content", "message", "line"),
    [
        ("bad.md", "---\ntitle: [unclosed\n---\n\nBody.\n", "malformed front matter", 3),
        ("open.md", "---\ntitle: T\n\nBody.\n", "never closed", 1),
        ("date.md", "---\ntitle: T\nsource: S\npublished: soon\n---\n\nBody.\n", "not an ISO date", 4),
        ("empty.md", "---\ntitle: T\nsource: S\npublished: 2020-01-01\n---\n\n", "no body text", None),
        ("list.md", "---\n- a\n- b\n---\n\nBody.\n", "must be a mapping", 2),
        ("latin1.txt", "caf\xe9 au lait".encode("latin-1"), "not UTF-8", 1),
        ("binary.md", b"\x00\x01\x02binary", "binary file", None),
    ],
)
def test_a_bad_article_is_skipped_in_one_line_and_the_rest_loads(
    tmp_path: Path, name: str, content: str | bytes, message: str, line: int | None
) -> None:
    write(tmp_path, "good.md", ARTICLE)
    write(tmp_path, name, content)
    seeds = load_seeds(tmp_path)
    assert [a.id for a in seeds.articles] == ["good"]
    (problem,) = seeds.problems
    assert problem.path.endswith(name)
    assert problem.message.startswith("article skipped: ") and message in problem.message
    assert problem.line == line
    assert "\n" not in str(problem)


def test_only_bad_articles_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\n\nBody.\n")
    with pytest.raises(InputError) as caught:
        load_seeds(tmp_path)
    messages = [str(p) for p in caught.value.problems]
    assert any("no usable articles" in m for m in messages)
    assert any("bad.md:3" in m and "malformed front matter" in m for m in messages)


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\ntitle: [x\n---\n\nBody.\n")
    write(tmp_path, "b.md", "---\ntitle: T\nsource: S\npublished: nope\n---\n\nBody.\n")
    with pytest.raises(InputError) as caught:
        load_seeds(tmp_path)
    names = sorted(Path(p.path).name for p in caught.value.problems)
    assert set(names) == {tmp_path.name, "a.md", "b.md"}


def test_unknown_key_is_a_warning_with_a_suggestion_and_its_line(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\ntitle: T\nsource: S\npublised: 2020-01-01\n---\n\nBody.\n")
    seeds = load_seeds(tmp_path)
    assert len(seeds.articles) == 1
    typo = next(p for p in seeds.problems if "publised" in p.message)
    assert "did you mean 'published'" in typo.message and typo.line == 4
    assert any("no published date" in p.message for p in seeds.problems)


def test_future_date_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\ntitle: T\nsource: S\npublished: 2999-01-01\n---\n\nBody.\n")
    (problem,) = load_seeds(tmp_path).problems
    assert "in the future" in problem.message and problem.line == 4


def test_files_whose_ids_collide_both_load(tmp_path: Path) -> None:
    write(tmp_path, "A story.md", ARTICLE)
    write(tmp_path, "a-story.md", ARTICLE.replace("First paragraph", "Other paragraph"))
    seeds = load_seeds(tmp_path)
    assert sorted(a.id for a in seeds.articles) == ["a-story", "a-story-2"]
    assert "also makes the id" in str(seeds.problems[0])


def test_huge_file_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "good.md", ARTICLE)
    write(tmp_path, "huge.txt", "word " * 500_000)
    seeds = load_seeds(tmp_path)
    assert "over the" in seeds.problems[0].message


def test_duplicate_article_is_skipped_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "b.md", ARTICLE)
    seeds = load_seeds(tmp_path)
    assert [a.id for a in seeds.articles] == ["a"]
    assert "article skipped: same text as" in str(seeds.problems[0])


def test_readme_and_settings_are_not_articles(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "# About these seeds\n")
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "story.yml", "title: My story\ndescription: What it is about.\n")
    seeds = load_seeds(tmp_path)
    assert [a.id for a in seeds.articles] == ["a"]
    assert seeds.config.title == "My story"


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no usable articles"):
        load_seeds(tmp_path)


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_seeds(tmp_path / "nope")


def test_story_yml_problems_name_their_lines(tmp_path: Path) -> None:
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "story.yml", "title: T\ntimline:\n  order: newest\nactors:\n  renam:\n    A: B\n")
    with pytest.raises(InputError) as caught:
        load_seeds(tmp_path)
    found = {(p.line, p.message) for p in caught.value.problems}
    assert (2, "unknown setting 'timline' (did you mean 'timeline'?)") in found
    assert (5, "unknown setting 'actors.renam' (did you mean 'actors.rename'?)") in found


def test_story_yml_overrides_are_read(tmp_path: Path) -> None:
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "story.yml", "actors:\n  rename:\n    Old Name: New Name\n  hide: [Someone]\n"
          "terms:\n  remove: [jargon]\n  define:\n    a term: What it means.\n")
    config = load_seeds(tmp_path).config
    assert [(o.action, o.target, o.value, o.line) for o in config.actors] == [
        ("rename", "Old Name", "New Name", 3), ("hide", "Someone", "", 4)]
    assert [(t.term, t.remove, t.definition) for t in config.terms] == [
        ("jargon", True, None), ("a term", False, "What it means.")]


def test_malformed_story_yml_is_an_error_with_line(tmp_path: Path) -> None:
    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "story.yml", "title: T\ndescription: [oops\n")
    with pytest.raises(InputError) as caught:
        load_seeds(tmp_path)
    (problem,) = caught.value.problems
    assert problem.path.endswith("story.yml") and problem.line is not None


def test_unchanged_files_are_not_parsed_again_and_load_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.load as load
    from generator.load import Reread

    write(tmp_path, "a.md", ARTICLE)
    write(tmp_path, "b.txt", "A plain article with no front matter at all.\n")
    write(tmp_path, "c.md", "---\ntitle: [unclosed\n---\nBody.\n")  # malformed: never kept
    write(tmp_path, "slugs.yml", "actors:\n  jane-doe: [jane doe]\n")
    first = Reread()
    cold = load_seeds(tmp_path, first)
    assert first.changed and len(first.kept) == 3  # two articles and the registry
    parsed: list[bytes] = []
    real = load._read
    monkeypatch.setattr(load, "_read", lambda raw, *a: parsed.append(raw) or real(raw, *a))
    again = Reread(first.kept)
    warm = load_seeds(tmp_path, again)
    assert warm == cold  # the same articles, registry and problems, in the same order
    assert parsed == [(tmp_path / "c.md").read_bytes()]  # only the broken file, to report it
    assert not again.changed
    write(tmp_path, "b.txt", "A plain article, now edited.\n")
    edited = Reread(first.kept)
    load_seeds(tmp_path, edited)
    assert edited.changed and len(parsed) == 3


def test_readings_are_kept_for_the_same_code_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.cache as cache

    cache.put_readings(tmp_path, tmp_path / "seeds", {"markdown:00": "kept"})
    assert cache.get_readings(tmp_path, tmp_path / "seeds") == {"markdown:00": "kept"}
    assert cache.get_readings(tmp_path, tmp_path / "other") == {}
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "edited")
    assert cache.get_readings(tmp_path, tmp_path / "seeds") == {}
