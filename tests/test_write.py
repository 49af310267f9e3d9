"""Write stage: generated files replace generated files only; hand-written pages stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ExplainerError
from generator.render.common import MARKER
from generator.write import MANIFEST, write_docs

PAGE = f"# Page\n\n{MARKER}\n"


def test_writes_files_and_a_manifest(tmp_path: Path) -> None:
    report = write_docs({"index.md": PAGE, "actors/a.md": PAGE}, tmp_path / "docs")
    assert (tmp_path / "docs/actors/a.md").read_text() == PAGE
    assert (tmp_path / "docs" / MANIFEST).is_file()
    assert (report.written, report.unchanged, report.removed) == (2, 0, 0)


def test_stale_generated_files_are_removed_and_hand_written_ones_kept(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_docs({"index.md": PAGE, "actors/old.md": PAGE}, docs)
    (docs / "about.md").write_text("# Written by hand\n")
    report = write_docs({"index.md": PAGE, "actors/new.md": PAGE}, docs)
    assert not (docs / "actors/old.md").exists()
    assert (docs / "actors/new.md").exists()
    assert (docs / "about.md").read_text() == "# Written by hand\n"
    assert (report.written, report.unchanged, report.removed) == (1, 1, 1)


def test_a_hand_written_page_in_the_way_is_an_error_and_nothing_changes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "glossary.md").write_text("# My own glossary\n")
    with pytest.raises(ExplainerError, match="hand-written"):
        write_docs({"index.md": PAGE, "glossary.md": PAGE}, docs)
    assert (docs / "glossary.md").read_text() == "# My own glossary\n"
    assert not (docs / "index.md").exists()


@pytest.mark.parametrize("name", ["../escape.md", "/etc/passwd", "a/../../b.md", "", ".", "./", "a/.."])
def test_paths_outside_the_docs_folder_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExplainerError, match="outside"):
        write_docs({name: PAGE}, tmp_path / "docs")
