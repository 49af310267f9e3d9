"""Build or serve the MkDocs site from a docs folder, in strict mode.

The story's title becomes the site name at build time, so generator settings never go
into ``mkdocs.yml`` as unknown keys. The previous site stays until a build succeeds.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from .errors import SiteError


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().splitlines()[0])


def _config(config_file: Path, docs_dir: Path, site_dir: Path, site_name: str | None,
            strict: bool = True) -> object:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        raise SiteError(f"{config_file}: MkDocs configuration not found "
                        "(run from the project folder or pass --config)")
    overrides: dict[str, Any] = {"docs_dir": str(docs_dir.resolve()),
                                 "site_dir": str(site_dir.resolve()), "strict": strict}
    if site_name:
        overrides["site_name"] = site_name
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        return load_config(config_file=str(config_file), **overrides)
    except (MkDocsException, SystemExit) as exc:
        detail = "; ".join(collect.messages) or str(exc).splitlines()[0]
        raise SiteError(f"{config_file}: {detail}") from exc
    finally:
        logger.removeHandler(collect)


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, site_name: str | None,
               build_date: dt.date | None = None) -> None:
    """Build the site into ``site_dir``; any MkDocs warning fails the build.

    ``build_date`` (the newest article's date) stands in for the clock in the sitemap, so
    the same seeds always give a byte-identical site.
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    if build_date is not None and "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = dt.datetime.combine(build_date, dt.time(), tzinfo=dt.UTC).timestamp()
        os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch))

    staging = site_dir.parent / f".{site_dir.name}.explainer-staging"
    shutil.rmtree(staging, ignore_errors=True)
    config = _config(config_file, docs_dir, staging, site_name)
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build(config)  # type: ignore[arg-type]
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        detail = "; ".join(collect.messages) or str(exc).splitlines()[0]
        raise SiteError(f"MkDocs build failed in strict mode: {detail}") from exc
    finally:
        logger.removeHandler(collect)
    if collect.messages:  # belt and braces: strict mode should already have raised
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteError(f"MkDocs build warned: {'; '.join(collect.messages)}")
    old = site_dir.parent / f".{site_dir.name}.explainer-old"
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def serve_site(config_file: Path, docs_dir: Path, site_name: str | None, dev_addr: str) -> None:
    """Preview the site locally with live reload."""
    from mkdocs.commands.serve import serve

    overrides: dict[str, Any] = {"docs_dir": str(docs_dir.resolve()), "dev_addr": dev_addr}
    if site_name:
        overrides["site_name"] = site_name
    serve(config_file=str(config_file), **overrides)
