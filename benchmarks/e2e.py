"""e2e_ms: in Debian's chromium, the time from changing one sidebar filter to the chart showing the new
data, on the real app and on a bare Streamlit page with the same widgets (the floor Streamlit sets)."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

from analysis.data.paths import PROJECT_ROOT
from benchmarks import server

TITLE = ".js-plotly-plot .main-svg .gtitle"


def serve(script: Path, env: dict[str, str], *, log_path: Path | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run script` on a free port of 127.0.0.1 (its output in `log_path`, if given), once healthy."""
    log = log_path.open("w") if log_path else None
    try:
        return server.start(script, env=env, log=log, timeout=120)
    except server.ServerError as error:
        raise RuntimeError(f"{error}{f'; see {log_path}' if log_path else ''}") from None


def _time_filter_changes(
    urls: list[str], values: list[str], *, label: str, repeats: int, warmup: str
) -> list[list[float]]:
    """For each app in `urls`, the times of `repeats` changes of its `label` filter to each of `values`, after
    one untimed change to `warmup` (a server's first filter change builds the per-dataset sort orders the
    others reuse). The apps take turns, change by change, so a slow spell of the shared machine falls on all
    of them alike and their ratio stays fair."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=server.CHROMIUM, args=server.CHROMIUM_ARGS)
        pages = []
        for url in urls:
            page = browser.new_page(viewport={"width": 1400, "height": 1600})
            page.goto(url)
            page.wait_for_selector(TITLE, timeout=600_000)
            pages.append(page)
        times: list[list[float]] = [[] for _ in urls]
        for i in range(-1, repeats):
            for page, samples in zip(pages, times):
                elapsed = _change(page, warmup if i < 0 else values[i % len(values)], label=label)
                if i >= 0:
                    samples.append(elapsed)
        browser.close()
    return times


def _change(page, value: str, *, label: str) -> float:
    """Pick `value` in the sidebar filter `label`, time until the chart title changes, then clear it again."""
    widget = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text=label)
    before = page.locator(TITLE).first.text_content()
    widget.locator("input").click()
    started = time.perf_counter()
    page.keyboard.type(value)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([selector, old]) => { const e = document.querySelector(selector); return e && e.textContent !== old; }",
        arg=[TITLE, before],
        timeout=120_000,
    )
    elapsed = (time.perf_counter() - started) * 1000
    page.keyboard.press("Escape")
    clear = widget.get_by_role("button", name="Clear all")
    if clear.count():
        clear.first.click()
        page.wait_for_function(
            "([selector, old]) => { const e = document.querySelector(selector); return e && e.textContent === old; }",
            arg=[TITLE, before],
            timeout=120_000,
        )
    return elapsed


# Each change picks a bloc not picked before, so every rerun is a new filter (no figure comes from the cache).
NEW_FILTERS = ["Opposition", "Business", "Observers", "Government", "Civil society", "Rival states", "Allies abroad"]
WARMUP_FILTER = "Ruling party"


def e2e_ms(folders: list[Path], *, repeats: int = len(NEW_FILTERS), rounds: int = 2) -> list[float]:
    """e2e_ms of the app on each dataset in `folders`: servers side by side, one per dataset, started afresh
    for each of `rounds` rounds (so that every timed filter is new to its server); the median of all changes."""
    samples: list[list[float]] = [[] for _ in folders]
    for _ in range(rounds):
        servers = [
            serve(
                PROJECT_ROOT / "dashboard.py",
                {"DASHBOARD_DATA_DIR": str(folder / "data"), "DASHBOARD_SEEDS_DIR": str(folder / "seeds")},
            )
            for folder in folders
        ]
        try:
            times = _time_filter_changes(
                [url for _, url in servers], NEW_FILTERS, label="Bloc", repeats=repeats, warmup=WARMUP_FILTER
            )
        finally:
            for process, _ in servers:
                server.stop(process)
        for pooled, measured in zip(samples, times):
            pooled += measured
    return [round(statistics.median(pooled)) for pooled in samples]


def bare_ms(*, repeats: int = len(NEW_FILTERS)) -> float:
    process, url = serve(PROJECT_ROOT / "benchmarks" / "bare_app.py", {})
    try:
        times = _time_filter_changes([url], ["a", "b", "c"], label="Bloc", repeats=2 * repeats, warmup="d")
        return round(statistics.median(times[0]))
    finally:
        server.stop(process)
