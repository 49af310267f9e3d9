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
    assert err.count("\n") == 1 and "a.md:3: error: malformed front matter" in err
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
