"""python -m benchmarks.ingest [--files N] [--write]: `ingest DIR --extract` over an archive of N articles.

The archive is generated: each article is five paragraphs drawn at random from the blind corpus's dev
split (the extractor's tuning set, never its sealed test splits), so the articles read like news, are not
copies of each other, and carry positions to extract. The real command runs in a subprocess on a copy of the
project's data, into a new story; the wall-clock time, the files and words per second and the statements
saved go to the "Archive ingest" section of BENCHMARKS.md with --write.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from benchmarks import loadtest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "blind" / "dev"
SECTION = "## Archive ingest"
BUDGET_S_PER_1000 = 60  # on 2 cores: the budget scales with the number of files
STORY = "archive-benchmark"


def paragraphs() -> list[str]:
    found = []
    for path in sorted(CORPUS.glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").splitlines()[1:] if len(p.split()) > 12]
    return found


def write_archive(folder: Path, files: int, *, seed: int = 7) -> int:
    """N articles in folder (sub-folders of 1,000); returns the number of words."""
    pool, rng, words = paragraphs(), random.Random(seed), 0
    for n in range(files):
        chosen = rng.sample(pool, 5)
        text = f"Archive article {n:05d}\n\n" + "\n\n".join(chosen) + "\n"
        path = folder / f"part-{n // 1000:02d}" / f"article-{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def run(files: int, work: Path) -> dict:
    shutil.rmtree(work, ignore_errors=True)
    data, seeds, archive = work / "data", work / "seeds", work / "archive"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns(".cache", "*.lock", "changes.jsonl"))
    shutil.copytree(ROOT / "seeds", seeds)
    words = write_archive(archive, files)
    cli = [sys.executable, "-m", "analysis"]
    where = ["--data", str(data), "--seeds", str(seeds)]
    story = ["story", "add", STORY, "--title", "Archive benchmark", "--target-label", "The policy"]
    subprocess.run([*cli, *story, *where], check=True, cwd=ROOT, capture_output=True)
    started = time.perf_counter()
    done = subprocess.run(
        [*cli, "ingest", str(archive), "--story", STORY, "--extract", *where],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ingest failed ({done.returncode}):\n{done.stderr[-2000:]}")
    statements = pd.read_csv(data / "statements.csv", dtype=str, keep_default_na=False)
    sources = pd.read_csv(data / "sources.csv", dtype=str, keep_default_na=False)
    return {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "files": files,
        "words": words,
        "seconds": round(seconds, 1),
        "files_per_s": round(files / seconds, 1),
        "words_per_s": round(words / seconds),
        "sources_added": int((sources["story_id"] == STORY).sum()),
        "near_copies": int(((sources["story_id"] == STORY) & (sources["copy_of"] != "")).sum()),
        "statements": int(statements["source_id"].isin(sources.loc[sources["story_id"] == STORY, "source_id"]).sum()),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "summary": done.stdout.splitlines()[0] if done.stdout else "",
        "budget_s": BUDGET_S_PER_1000 * files / 1000,
    }


def section(result: dict) -> str:
    met = "met" if result["seconds"] <= result["budget_s"] else "NOT met"
    return f"""{SECTION}

Measured on {result["date"]} with {result["cores"]} cores by `make bench-ingest` (`python -m benchmarks.ingest
--files {result["files"]} --write`): `python -m analysis ingest ARCHIVE --story {STORY} --extract` on a copy of
the project's data, over {result["files"]:,} generated articles of five paragraphs each from the blind corpus's
dev split. The command reads one file at a time, saves every 200 new sources in one safe save, and extracts
each saved batch on every core (a process pool), then saves its statements in one save.

| figure | value |
|---|---|
| files | {result["files"]:,} ({result["words"]:,} words) |
| wall clock | {result["seconds"]:,} s |
| budget ({BUDGET_S_PER_1000} s per 1,000 files on 2 cores) | {result["budget_s"]:,.0f} s: {met} |
| files per second | {result["files_per_s"]} |
| words per second | {result["words_per_s"]:,} |
| sources added (of which near copies) | {result["sources_added"]:,} ({result["near_copies"]:,}) |
| unreviewed statements saved | {result["statements"]:,} |
| peak memory of one process of the run | {result["peak_rss_mb"]:,} MB |

The command's summary line: `{result["summary"]}`.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--write", action="store_true", help="put the figures in BENCHMARKS.md")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "stance-dashboard-ingest-bench")
    args = parser.parse_args(argv)
    result = run(args.files, args.work)
    text = section(result)
    print(text)
    if args.write:
        loadtest.write_section(text, ROOT / "BENCHMARKS.md", section=SECTION)
    return 0


if __name__ == "__main__":
    sys.exit(main())
