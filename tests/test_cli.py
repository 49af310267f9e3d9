"""The command line: one-line errors naming the file, exit codes, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main


def test_bad_seed_gives_one_line_per_problem_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\ntitle: [broken\n---\n\nBody.\n")
    code = main(["generate", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")])
    err = capsys.readouterr().err
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 2
    assert any("a.md:3: warning: article skipped: malformed front matter" in line for line in lines)
    assert any("no usable articles" in line for line in lines)
    assert "Traceback" not in err
    assert not (tmp_path / "docs").exists()


def test_missing_seeds_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--seeds", str(tmp_path / "none")]) == 2
    assert "seeds folder not found" in capsys.readouterr().err


def test_unknown_model_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Someone did something on Friday.\n")
    code = main(["generate", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"),
                 "--model", "no_such_model_xyz"])
    err = capsys.readouterr().err
    assert code == 3
    assert "spaCy model 'no_such_model_xyz' is not installed" in err
    assert "Traceback" not in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


GOOD = """---
title: Council shuts the bridge
source: Daily One
published: 2026-03-04
---

Mayor Ann Lee closed the bridge on Monday. The council will vote on a toll next week.
"""

BAD_CASES = {
    "malformed.md": "---\ntitle: [oops\n---\n\nBody text.\n",
    "typo.md": "---\ntitle: T\nsource: S\npublised: 2026-03-01\n---\n\nThe mayor spoke on Tuesday.\n",
    "notadate.md": "---\ntitle: T\nsource: S\npublished: yesterday\n---\n\nBody text.\n",
    "future.md": "---\ntitle: T\nsource: S\npublished: 2999-01-01\n---\n\nThe vote is on Friday.\n",
    "untitled.md": "---\nsource: S\npublished: 2026-03-01\n---\n\nThe mayor left office on Sunday.\n",
    "empty.md": "---\ntitle: T\nsource: S\npublished: 2026-03-01\n---\n\n",
    "latin1.txt": "Caf\xe9 owners protested.".encode("latin-1"),
    "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00",
    "huge.txt": "word " * 500_000,
    "zz-duplicate.md": GOOD,
    "Council Shuts.md": GOOD.replace("Monday", "Tuesday"),
    "council-shuts.md": GOOD.replace("Monday", "Wednesday"),
}


@pytest.mark.model
def test_mixed_folder_builds_the_good_and_reports_each_bad_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.md").write_text(GOOD, encoding="utf-8")
    for name, content in BAD_CASES.items():
        path = seeds / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    args = ["generate", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")]
    assert main(args) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    reported = {Path(line.split(": ")[1].split(":")[0]).name for line in lines}
    assert reported == set(BAD_CASES) - {"Council Shuts.md"}  # the first of two same ids is fine
    assert len(lines) == len(reported)
    assert "Traceback" not in err
    assert (tmp_path / "docs/api/story.json").is_file()
    assert main([*args, "--warnings-as-errors"]) == 5
