"""e2e_ms: in Debian's chromium, the time from changing one sidebar filter to the chart showing the new
data, on the real app and on a bare Streamlit page with the same widgets (the floor Streamlit sets)."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
TITLE = ".js-plotly-plot .main-svg .gtitle"


def serve(script: Path, env: dict[str, str], *, log_path: Path | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run script` on a free port of 127.0.0.1 (its output in `log_path`, if given), once healthy."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    output = log_path.open("w") if log_path else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true", "--server.address",
         "127.0.0.1", "--server.port", str(port), "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"], cwd=ROOT, env={**os.environ, **env},
        stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    see = f"; see {log_path}" if log_path else ""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode} for {script}{see}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"streamlit did not answer /_stcore/health within 120 s for {script}{see}")


def _time_filter_changes(url: str, values: list[str], *, label: str, repeats: int) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1600})
        page.goto(url)
        page.wait_for_selector(TITLE, timeout=600_000)
        widget = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=label)
        times = []
        for i in range(repeats):
            before = page.locator(TITLE).first.text_content()
            widget.locator("input").click()
            started = time.perf_counter()
            page.keyboard.type(values[i % len(values)])
            page.keyboard.press("Enter")
            page.wait_for_function("([selector, old]) => { const e = document.querySelector(selector);"
                                   " return e && e.textContent !== old; }", arg=[TITLE, before], timeout=120_000)
            times.append((time.perf_counter() - started) * 1000)
            page.keyboard.press("Escape")
            clear = widget.get_by_role("button", name="Clear all")
            if clear.count():
                clear.first.click()
                page.wait_for_function("([selector, old]) => { const e = document.querySelector(selector);"
                                       " return e && e.textContent === old; }", arg=[TITLE, before], timeout=120_000)
        browser.close()
    return statistics.median(times)


# Each change picks a bloc not picked before, so every rerun is a new filter (no figure comes from the cache).
NEW_FILTERS = ["Opposition", "Business", "Observers", "Government", "Civil society", "Rival states", "Allies abroad"]


def e2e_ms(folder: Path, *, repeats: int = len(NEW_FILTERS)) -> float:
    process, url = serve(ROOT / "dashboard.py", {"DASHBOARD_DATA_DIR": str(folder / "data"),
                                                   "DASHBOARD_SEEDS_DIR": str(folder / "seeds")})
    try:
        return round(_time_filter_changes(url, NEW_FILTERS, label="Bloc", repeats=repeats))
    finally:
        process.terminate()
        process.wait(timeout=30)


def bare_ms(*, repeats: int = len(NEW_FILTERS)) -> float:
    process, url = serve(ROOT / "benchmarks" / "bare_app.py", {})
    try:
        return round(_time_filter_changes(url, ["a", "b", "c"], label="Bloc", repeats=repeats))
    finally:
        process.terminate()
        process.wait(timeout=30)
