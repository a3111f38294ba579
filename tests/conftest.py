"""Shared fixtures: the project's real tables, a copy of them to break, and a real app server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SEEDS_DIR = ROOT / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def tables():
    from analysis.data import store

    return store.load(DATA_DIR, SEEDS_DIR)


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AppServer:
    """`streamlit run dashboard.py` on 127.0.0.1, started and stopped by PID."""

    def __init__(self, env: dict[str, str] | None = None, *, script: Path | None = None,
                 config_only: bool = False):
        """`config_only`: pass nothing but the port, so every other setting (the address too) comes from
        .streamlit/config.toml, as for someone who types `streamlit run dashboard.py`."""
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(tempfile.gettempdir()) / f"stance-dashboard-streamlit-{self.port}.log"
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "dashboard.py"),
             *(["--server.port", str(self.port)] if config_only else [
                 "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(self.port),
                 "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"])],
            cwd=ROOT, env={**os.environ, **(env or {})}, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with code {self.process.returncode}:\n{self.log_text()}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not answer /_stcore/health within 60 s:\n{self.log_text()}")

    def log_text(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture(scope="session")
def app_server():
    server = AppServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium) or "
                    "`apt-get install -y chromium`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
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
