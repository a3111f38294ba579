"""Shared fixtures: the project's real tables, a copy of them to break, and a real app server."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from benchmarks import server  # how scripts start the app and chromium

ROOT = Path(__file__).resolve().parent.parent


def shipped_fit(path: Path) -> dict:
    """A learned model the extractor ships, read back, after checking it was fitted on dev splits only: a
    sealed test split or a validation split fitted on would make its scores mean nothing."""
    import json

    fitted = json.loads(path.read_text(encoding="utf-8"))
    splits = fitted["fitted_on"].split()
    assert splits and all(Path(split).name.startswith("dev") for split in splits), fitted["fitted_on"]
    return fitted


DATA_DIR = ROOT / "data"
SEEDS_DIR = ROOT / "seeds"
CHROMIUM = Path(server.CHROMIUM)


SEED_STORY = "cartel-de-los-soles-fto"  # the first story: the seed article and its 25 curated statements
DEMO_STORY = "marrow-gorge-dam-demo"  # the fictional demo story
# A made-up article for the tests that set up a new story (the CLI's and the app's).
MERGER_ARTICLE = """EU blocks the Northline rail merger

The European Commission on Monday vetoed the merger of Northline and Baltrail, saying it would raise fares.

Northline's chief executive, Anna Berg, said the company would appeal the veto. "This decision is a mistake
that will cost passengers dearly," Berg said.

The works council welcomed the veto, calling it a victory for rail workers.

Analysts said the ruling was expected.
"""


@pytest.fixture(scope="session")
def every_story():
    from analysis.data import store

    return store.load(DATA_DIR, SEEDS_DIR)


@pytest.fixture(scope="session")
def tables(every_story):
    """The project's tables: every story."""
    return every_story


@pytest.fixture(scope="session")
def seed_tables(every_story):
    """The first story alone, as the app shows it when that story is picked."""
    return every_story.story(SEED_STORY)


def copy_data(folder: Path) -> tuple[Path, Path]:
    """Copy data/ and seeds/ into `folder`; returns the two copies."""
    data, seeds = folder / "data", folder / "seeds"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns(".cache", ".data.lock", "changes.jsonl"))
    shutil.copytree(SEEDS_DIR, seeds)
    return data, seeds


@pytest.fixture
def data_copy(tmp_path) -> tuple[Path, Path]:
    """A writable copy of data/ and seeds/ for tests that break things."""
    return copy_data(tmp_path)


class AppServer:
    """`streamlit run dashboard.py` on 127.0.0.1 (benchmarks/server.py), started and stopped by PID."""

    def __init__(self, env: dict[str, str] | None = None, *, script: Path | None = None, config_only: bool = False):
        """`config_only`: pass nothing but the port, so every other setting (the address too) comes from
        .streamlit/config.toml, as for someone who types `streamlit run dashboard.py`."""
        self.log_path = Path(tempfile.mkstemp(prefix="stance-dashboard-streamlit-", suffix=".log")[1])
        self.log = self.log_path.open("w")
        try:
            self.process, self.url = server.start(
                script or ROOT / "dashboard.py", env=env, log=self.log, config_only=config_only
            )
        except server.ServerError as error:
            self.log.close()
            raise RuntimeError(f"{error}:\n{self.log_text()}") from None
        self.port = int(self.url.rsplit(":", 1)[1])

    def log_text(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        server.stop(self.process)
        self.log.close()


@pytest.fixture(scope="session")
def app_server():
    running = AppServer()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium) or `apt-get install -y chromium`."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=server.CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 2400}, device_scale_factor=1)
    page = context.new_page()
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    import tally

    summary = tally.lines()
    if summary:
        terminalreporter.section("hostile input and faults: what was tried")
        for line in summary:
            terminalreporter.write_line(line)


def open_app(data: Path, seeds: Path, monkeypatch, *, page: str | None = None, timeout: int = 60):
    """The real app (AppTest) over the given data and seeds folders, run once, on `page` if given."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout).run()
    if page:
        at.switch_page(page).run()
    return at


def extract_rows(text: str, *, arbiter: bool = True, **options) -> list[tuple[str, str]]:
    """(actor, stance) of each row the extractor proposes for `text`, against the target "main"."""
    from analysis.extract import extract

    table = extract(text, main_target="main", arbiter=arbiter, **options)
    return [(r.actor, r.stance) for r in table.itertuples()]


def extract_holders_of(text: str, words: str, *, arbiter: bool = True, **options) -> list[str]:
    """The actors of the rows the extractor proposes for `text` whose quote holds `words`."""
    from analysis.extract import extract

    table = extract(text, main_target="main", arbiter=arbiter, **options)
    return list(table[table["quote"].str.contains(words, regex=False)]["actor"])


def table_after_lede(lede: str, body: str):
    """The rows proposed for a round test's sentences written after its lede (no arbiter: the rules' own reading)."""
    from analysis.extract import extract

    return extract(lede + body + "\n", main_target="main", arbiter=False)


def holders_after_lede(lede: str, body: str, words: str) -> list[str]:
    """The actors of the rows proposed for a round test's sentences after its lede whose quote holds `words`."""
    return extract_holders_of(lede + body + "\n", words, arbiter=False)


def extract_actors(text: str, *, arbiter: bool = True, **options) -> set[str]:
    return {actor for actor, _ in extract_rows(text, arbiter=arbiter, **options)}


def extract_cues(text: str, *, arbiter: bool = True, **options) -> set[tuple[str, str]]:
    """(cue, stance) of each row the extractor proposes for `text`, against the target "main"."""
    from analysis.extract import extract

    table = extract(text, main_target="main", arbiter=arbiter, **options)
    return set(zip(table["cue"], table["stance"]))


def misparsed(rows: str):
    """A sentence as the parser might misread it: "word/TAG/relation<head" per token, for the parse repairs'
    tests (the trained parser misreads the corpus's sentences only with some names)."""
    from analysis.extract.nodes import Node, Parsed

    parsed, idx = Parsed(), 0
    for i, row in enumerate(rows.split()):
        text, tag, rest = row.split("/")
        dep, head = rest.split("<")
        parsed.append(Node(parsed, i, text, idx, tag, dep, " "))
        parsed[-1].head = int(head)  # resolved below, once every node exists
        idx += len(text) + 1
    for node in parsed:
        node.head = parsed[node.head]
        if node.head is not node:
            node.head.children.append(node)
    return parsed
