"""Write stage: put the rendered files into the docs folder, all or nothing.

The generator owns only the files it wrote (listed in a manifest); hand-written pages
beside them are never touched, and a path already taken by one is an error.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import ExplainerError
from .render.common import MARKER

MANIFEST = ".explainer-manifest.json"


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


def write_docs(files: dict[str, str], docs_dir: Path) -> WriteReport:
    """Replace the previously generated files in ``docs_dir`` with ``files``."""
    for name in files:
        if _outside(name):
            raise ExplainerError(f"refusing to write outside the docs folder: {name}")
    docs_dir.mkdir(parents=True, exist_ok=True)
    previous = _read_manifest(docs_dir)
    for name in sorted(files):
        if name in previous:  # ours already
            continue
        target = docs_dir / name
        if target.exists() and not _is_generated(target):
            raise ExplainerError(
                f"{target}: a hand-written file is in the way of a generated page; "
                "move or rename it (the generator never overwrites hand-written pages)"
            )
    # Only pages whose bytes changed are staged and moved: unchanged ones keep their mtimes
    # (so `serve` does not rebuild for nothing) and cost one read.
    # (Each page is encoded when it is needed, never all at once: at thousands of articles
    # the pages take as much memory as everything else.)
    folder = os.path.join(docs_dir, "")  # with its separator: names are relative (checked above)
    changed = [name for name in sorted(files)
               if not _holds(folder + name, files[name].encode("utf-8"))]
    staging = docs_dir.parent / f".{docs_dir.name}.explainer-staging"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for name in changed:
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[name].encode("utf-8"))
        for name in changed:
            target = docs_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    written, unchanged = len(changed), len(files) - len(changed)
    removed = 0
    for name in sorted(previous - set(files)):
        stale = docs_dir / name
        if stale.is_file():
            stale.unlink()
            removed += 1
            _remove_empty_parents(stale.parent, docs_dir)
    manifest = json.dumps({"generated": sorted(files)}, indent=1) + "\n"
    (docs_dir / MANIFEST).write_text(manifest, encoding="utf-8")
    return WriteReport(written, unchanged, removed)


def _holds(path: str, data: bytes) -> bool:
    """Does the file hold exactly these bytes?

    Three system calls (open, one read of one byte more than expected, close): ``open()``
    and ``read()`` of a file object make ten, a stat, a seek and a terminal check among
    them, which was most of the time a rebuild spent writing unchanged pages.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        # A longer file gives one byte too many, a shorter one too few: either differs.
        return os.read(fd, len(data) + 1) == data
    except OSError:
        return False
    finally:
        os.close(fd)


def _outside(name: str) -> bool:
    """Is the path absolute, does it climb out with "..", or does it name nothing?

    What ``PurePosixPath(name)`` tells, from the text: building one path object per page
    (and again for each manifest entry) cost a third of writing an unchanged story.
    """
    parts = name.split("/")
    return name.startswith("/") or ".." in parts or set(parts) <= _NO_NAME


_NO_NAME = frozenset({"", "."})  # the parts of a path that name nothing


def _read_manifest(docs_dir: Path) -> set[str]:
    try:
        data = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
        return {str(p) for p in data.get("generated", []) if ".." not in str(p).split("/")}
    except (OSError, ValueError, AttributeError):
        return set()


def _is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return MARKER in handle.read(4096)
    except OSError:
        return False


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def write_registry(text: str, path: Path) -> str | None:
    """Save the slug registry if it changed; returns a warning if it cannot be saved."""
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return None
        if not path.parent.stat().st_mode & 0o222:
            # A folder nobody may write to (even when running as root) is read-only input.
            return "the seeds folder is read-only; new ids were not recorded"
        staging = path.with_name(f".{path.name}.explainer-staging")
        staging.write_text(text, encoding="utf-8", newline="\n")
        os.replace(staging, path)
    except OSError as exc:
        return (f"could not save the slug registry ({exc.strerror or exc}); "
                "ids of new entries may change until it is saved")
    return None
