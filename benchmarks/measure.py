"""Each benchmark figure, measured on a synthetic dataset. Timings are medians; the machine is shared."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from analysis.data import store, synth
from analysis.data.paths import PROJECT_ROOT as ROOT
from analysis.extract import extract
from analysis.present import export, pages, registry
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope

AS_OF = dt.date(2026, 11, 29)
SPECS = (
    FilterSpec(),
    FilterSpec(blocs=("Opposition",)),
    FilterSpec(stances=("supportive", "cautious")),
    FilterSpec(targets=("tariffs",)),
    FilterSpec(blocs=("Government", "Business"), targets=("trade-deal",)),
)
APP_PAGES = {page: pages.BY_ID[page].script for page in pages.TIMED}


def dataset(statements: int, work: Path) -> Path:
    folder = work / f"synth-{statements}"
    if not synth.is_current(folder, statements, seed=7):
        shutil.rmtree(folder, ignore_errors=True)
        synth.generate(statements, folder, seed=7)
    return folder


def load_seconds(folder: Path) -> dict[str, float]:
    shutil.rmtree(folder / "data" / ".cache", ignore_errors=True)
    started = time.perf_counter()
    store.load(folder / "data", folder / "seeds")
    cold = time.perf_counter() - started
    warm = []
    for _ in range(3):
        started = time.perf_counter()
        store.load(folder / "data", folder / "seeds")
        warm.append(time.perf_counter() - started)
    return {"cold": round(cold, 2), "warm": round(statistics.median(warm), 2)}


def compute_ms(folder: Path, *, specs=SPECS, rounds: int = 5) -> dict[str, float]:
    """Per page, the median wall time of its page model (the function the page calls, with its figures built
    rather than taken from the app's cache) for one filter change, over every spec in `rounds` rounds. A
    round visits every page in turn, so a slow spell of the shared machine lands on all pages alike instead
    of deciding one page's median."""
    tables = store.load(folder / "data", folder / "seeds")
    times: dict[str, list[float]] = {page: [] for page in pages.TIMED}
    for page in pages.TIMED:
        pages.run(page, tables, specs[0], as_of=AS_OF)  # warm-up: imports, first-use caches
    for _ in range(rounds):
        for page in pages.TIMED:
            for spec in specs:
                started = time.perf_counter()
                pages.run(page, tables, spec, as_of=AS_OF)
                times[page].append((time.perf_counter() - started) * 1000)
    return {page: round(statistics.median(samples), 1) for page, samples in times.items()}


def payload_kb(folder: Path) -> dict[str, float]:
    """The serialized size of every element a page sends, after an AppTest run of the real app."""
    from streamlit.testing.v1 import AppTest

    os.environ["DASHBOARD_DATA_DIR"] = str(folder / "data")
    os.environ["DASHBOARD_SEEDS_DIR"] = str(folder / "seeds")
    result = {}
    try:
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run()  # one session, one load
        for page, path in APP_PAGES.items():
            app.switch_page(path).run()
            if app.exception:
                raise RuntimeError(f"{page}: {app.exception[0].message}")
            size = sum(
                len(node.proto.SerializeToString())
                for node in _elements(app._tree)
                if getattr(node, "proto", None) is not None
            )
            result[page] = round(size / 1024, 1)
    finally:
        os.environ.pop("DASHBOARD_DATA_DIR", None)
        os.environ.pop("DASHBOARD_SEEDS_DIR", None)
    return result


def _elements(node):
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    values = children.values() if isinstance(children, dict) else children
    for child in values:
        yield from _elements(child)


def rss_mb(folder: Path) -> float:
    """Peak resident memory of a process that loads the tables and does every page's work."""
    script = (
        f"import datetime as dt; from analysis.data import store; from analysis.present import pages;"
        f"from analysis.query.filters import FilterSpec;"
        f"t = store.load({str(folder / 'data')!r}, {str(folder / 'seeds')!r});"
        f"[pages.run(p, t, FilterSpec(), as_of=dt.date(2026, 11, 29)) for p in pages.TIMED]"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(peak, before) / 1024, 1)


def extract_wps(folder: Path) -> float:
    """Words per second on one core over generated articles (the synthetic sources)."""
    tables = store.load(folder / "data", folder / "seeds")
    texts = [tables.texts[s] for s in list(tables.texts)[:40]]
    extract(texts[0], actors=tables.actors, targets=tables.targets)  # warm-up: spaCy, lexicon
    words = sum(len(t.split()) for t in texts)
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            extract(text, actors=tables.actors, targets=tables.targets, main_target="reform-bill")
        runs.append(time.perf_counter() - started)
    return round(words / statistics.median(runs))


LOAD_SCRIPT = """
import json, time
started = time.perf_counter()
import pandas, spacy
imported = time.perf_counter()
from analysis.extract import extract
extract("The minister said the plan was good.", main_target="main")
print(json.dumps({"libraries": imported - started, "models": time.perf_counter() - imported}))
"""


def extract_load_s(runs: int = 3) -> dict[str, float]:
    """A new process's first extraction, in two parts (medians of `runs` processes): importing the
    libraries (spaCy, pandas), then loading what the extractor loads (the parser, the learned models, the
    lexicon and the gazetteer's patterns) and reading one sentence: the model load of issue 12's budget."""
    parts: dict[str, list[float]] = {"libraries": [], "models": []}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", LOAD_SCRIPT], cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"the load measurement failed:\n{done.stderr}")
        for key, seconds in json.loads(done.stdout.strip().splitlines()[-1]).items():
            parts[key].append(seconds)
    return {key: round(statistics.median(values), 2) for key, values in parts.items()}


def exports(folder: Path) -> dict[str, float]:
    tables = store.load(folder / "data", folder / "seeds")
    fig = registry.figure("blocs", Scope.of(tables, FilterSpec(), as_of=AS_OF))
    export.figure_png(fig, width=1280, height=720)  # warm-up: the kaleido server starts once per process
    png = []
    for _ in range(5):
        started = time.perf_counter()
        export.figure_png(fig, width=1280, height=720)
        png.append(time.perf_counter() - started)
    started = time.perf_counter()
    export.deck(tables, FilterSpec(), title="Benchmark deck", as_of=AS_OF)
    return {"deck_s": round(time.perf_counter() - started, 2), "png_s": round(statistics.median(png), 3)}


STORIES = 1_000


def story_dataset(statements: int, work: Path, *, stories: int = STORIES) -> Path:
    folder = work / f"synth-{statements}-stories-{stories}"
    if not synth.is_current(folder, statements, stories=stories, seed=7):
        shutil.rmtree(folder, ignore_errors=True)
        synth.generate(statements, folder, seed=7, stories=stories)
    return folder


def story_switch_ms(folder: Path, *, rounds: int = 5) -> dict[str, float]:
    """Per page, the median ms from picking a story not opened before to the page's model done on it: the
    story cut out of the whole dataset, then the page's work on that story. Also the cut alone ("cut") and
    the Stories page's summary of every story ("stories")."""
    from analysis.data import stories as story_records
    from analysis.present.pages.stories import stories_page

    tables = store.load(folder / "data", folder / "seeds")
    ids = story_records.story_ids(tables)
    # a story not opened before, each time
    fresh = iter(ids[:: max(1, len(ids) // (rounds * (len(pages.TIMED) + 1) + 1))])
    pages.run(pages.TIMED[0], tables.story(next(fresh)), FilterSpec(), as_of=AS_OF)  # warm-up
    times: dict[str, list[float]] = {"cut": [], **{page: [] for page in pages.TIMED}}
    for _ in range(rounds):
        started = time.perf_counter()
        tables.story(next(fresh))
        times["cut"].append((time.perf_counter() - started) * 1000)
        for page in pages.TIMED:
            started = time.perf_counter()
            pages.run(page, tables.story(next(fresh)), FilterSpec(), as_of=AS_OF)
            times[page].append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    stories_page(tables, as_of=AS_OF)
    result = {key: round(statistics.median(samples), 1) for key, samples in times.items()}
    result["stories"] = round((time.perf_counter() - started) * 1000, 1)
    return result
