"""Many sessions: one `streamlit run` server, 20 browser contexts at once (one Debian chromium), each
changing a sidebar filter in a loop for 60 s. Reports errors, p50/p95 update latency and the server's
memory from start to end.

    python -m benchmarks.loadtest [--sessions 20] [--seconds 60] [--write]     (or `make loadtest`)

An update is timed from the moment the filter changes (Enter in the Bloc box, or Backspace) to the
moment a chart's subtitle, which states the filters, shows the new filter. An error is an update that
does not arrive within --timeout seconds, an exception shown on the page, a JavaScript error, or an
error in the server's log. Exit status 1 if there was any error or the memory kept growing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from analysis.data.paths import PROJECT_ROOT as ROOT
from benchmarks import e2e, server

CHROMIUM = server.CHROMIUM
CHROMIUM_ARGS = [
    *server.CHROMIUM_ARGS,
    # 20 pages in one browser: keep the hidden ones running at full speed.
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
]
SUBTITLES = ".js-plotly-plot .main-svg .gtitle-subtitle"
BLOCS = ("Observers", "US agencies", "Venezuelan government", "US Republicans")  # each matches one option only
SECTION = "## Many sessions"
# The server's memory may grow while its caches fill; after that it must level off. Budget: at the end at
# most this much above what it was once every session had loaded its first page.
GROWTH_BUDGET = 1.25
FIRST_PAGE_TIMEOUT = 300  # seconds

# True once some subtitle shows `wanted` (no filter: the "no filters" sentence, and no bloc in any).
UPDATED = """([selector, wanted, blocs]) => {
  const texts = [...document.querySelectorAll(selector)].map(e => e.textContent.replace(/\\s+/g, ''));
  if (wanted === null) {
    return texts.some(t => t.includes('nofilters')) && !texts.some(t => blocs.some(b => t.includes(b)));
  }
  return texts.some(t => t.includes(wanted));
}"""


@dataclass
class Session:
    number: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmRSS for pid {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used (fields 14 and 15 of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve(log_path: Path) -> tuple[subprocess.Popen, str]:
    return e2e.serve(ROOT / "dashboard.py", {}, log_path=log_path)


async def _update(page, action, wanted: str | None, session: Session, timeout_s: float) -> None:
    started = time.perf_counter()
    await action()
    try:
        await page.wait_for_function(
            UPDATED,
            arg=[SUBTITLES, wanted and re.sub(r"\s+", "", wanted), [re.sub(r"\s+", "", b) for b in BLOCS]],
            timeout=timeout_s * 1000,
            polling=50,
        )
    except Exception as error:
        session.errors.append(f"no update within {timeout_s:g} s ({type(error).__name__})")
        if os.environ.get("LOADTEST_DEBUG"):
            shown = await page.locator(SUBTITLES).all_text_contents()
            print(f"session {session.number}: waited for {wanted!r}, subtitles: {shown}", file=sys.stderr)
        return
    session.latencies_ms.append((time.perf_counter() - started) * 1000)
    if await page.get_by_test_id("stException").count():
        session.errors.append("an exception is shown on the page")


async def run_session(
    browser, url: str, session: Session, *, state: dict, seconds: float, timeout_s: float, loaded: asyncio.Event
) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1600})
    page = await context.new_page()
    page.on("pageerror", lambda error: session.errors.append(f"JavaScript error: {error}"))
    first_page = True
    try:
        await page.goto(url, timeout=FIRST_PAGE_TIMEOUT * 1000)  # all at once, on a cold server: not timed
        await page.wait_for_selector(SUBTITLES, timeout=FIRST_PAGE_TIMEOUT * 1000)
    except Exception as error:
        session.errors.append(f"the first page did not load ({type(error).__name__})")
        first_page = False
    state["loaded"] += 1
    if state["loaded"] == state["sessions"]:  # the last one in starts everyone's clock
        state["end_at"] = time.monotonic() + seconds
        loaded.set()
    await loaded.wait()
    widget = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Bloc")
    step = session.number
    while first_page and time.monotonic() < state["end_at"]:
        bloc = BLOCS[step % len(BLOCS)]
        step += 1
        try:
            await widget.locator("input").click(timeout=timeout_s * 1000)
            await page.keyboard.type(bloc)

            async def choose() -> None:
                await page.keyboard.press("Enter")

            await _update(page, choose, bloc, session, timeout_s)
            await page.keyboard.press("Escape")
            await widget.locator("input").click(timeout=timeout_s * 1000)

            async def clear() -> None:  # Backspace removes the chosen bloc (sturdier than "Clear all")
                await page.keyboard.press("Backspace")

            await _update(page, clear, None, session, timeout_s)
            await page.keyboard.press("Escape")
        except Exception as error:
            session.errors.append(f"the filter could not be changed ({type(error).__name__})")
            await asyncio.sleep(1)
    await context.close()


async def drive(url: str, pid: int, *, sessions: int, seconds: float, timeout_s: float) -> dict:
    from playwright.async_api import async_playwright

    samples: list[tuple[float, float]] = []
    records = [Session(n) for n in range(sessions)]
    state = {"loaded": 0, "sessions": sessions, "end_at": None}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        started = time.monotonic()
        rss_start = rss_mb(pid)
        loaded = asyncio.Event()
        finished = asyncio.Event()

        async def sampler() -> None:
            while not finished.is_set():
                samples.append((round(time.monotonic() - started, 1), rss_mb(pid)))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(finished.wait(), 2)

        sampling = asyncio.create_task(sampler())
        tasks = [
            asyncio.create_task(
                run_session(browser, url, record, state=state, seconds=seconds, timeout_s=timeout_s, loaded=loaded)
            )
            for record in records
        ]
        await loaded.wait()
        rss_loaded, cpu_loaded, wall_loaded = rss_mb(pid), cpu_seconds(pid), time.monotonic()
        await asyncio.gather(*tasks)
        rss_end, cpu_end, wall_end = rss_mb(pid), cpu_seconds(pid), time.monotonic()
        load_average = float(Path("/proc/loadavg").read_text().split()[0])
        finished.set()
        await sampling
        await browser.close()
    await asyncio.sleep(5)
    return {
        "sessions": records,
        "rss_start": rss_start,
        "rss_loaded": rss_loaded,
        "rss_end": rss_end,
        "rss_after_close": rss_mb(pid),
        "samples": samples,
        "loop_s": wall_end - wall_loaded,
        "server_cpu_share": (cpu_end - cpu_loaded) / (wall_end - wall_loaded),
        "load_average": load_average,
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else float("nan")


def server_log_errors(log_path: Path) -> list[str]:
    text = log_path.read_text(errors="replace")
    return [line for line in text.splitlines() if re.search(r"Traceback|\bERROR\b|Exception", line)]


def summarise(result: dict, log_errors: list[str], *, sessions: int, seconds: float) -> dict:
    latencies = [ms for s in result["sessions"] for ms in s.latencies_ms]
    errors = [e for s in result["sessions"] for e in s.errors] + [f"server log: {line}" for line in log_errors]
    growth = result["rss_end"] / result["rss_loaded"] if result["rss_loaded"] else float("inf")
    return {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "sessions": sessions,
        "seconds": seconds,
        "updates": len(latencies),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:10],
        "p50_ms": round(percentile(latencies, 0.50)),
        "p95_ms": round(percentile(latencies, 0.95)),
        "max_ms": round(max(latencies)) if latencies else None,
        "rss_start_mb": result["rss_start"],
        "rss_loaded_mb": result["rss_loaded"],
        "rss_end_mb": result["rss_end"],
        "rss_after_close_mb": result["rss_after_close"],
        "growth": round(growth, 2),
        "memory_ok": growth <= GROWTH_BUDGET,
        "loop_s": round(result["loop_s"]),
        "server_cpu_share": round(result["server_cpu_share"], 2),
        "load_average": result["load_average"],
        "samples": result["samples"],
    }


def markdown(summary: dict) -> str:
    samples = summary["samples"]
    shown = samples[:: max(1, len(samples) // 12)]
    met = "met" if summary["memory_ok"] else "NOT met"
    reading = ""
    if summary["server_cpu_share"] < 0.5:
        reading = (
            f"\nThe server used {summary['server_cpu_share']:g} of a core during the loop: the latency is the "
            f"{summary['sessions']} browser pages (and anything else running) competing for the cores (load "
            f"average {summary['load_average']:g}), not the server's work.\n"
        )
    verdict = "none" if summary["errors"] == 0 else f"{summary['errors']}: " + "; ".join(summary["error_kinds"])
    return f"""{SECTION}

Measured on {summary["date"]} with {summary["cores"]} cores by `make loadtest` (`python -m benchmarks.loadtest
--write`): one `streamlit run` server on the project's data, {summary["sessions"]} browser contexts in one
Debian chromium, each changing the Bloc filter in a loop (choose one of four blocs, then remove it) for
{summary["seconds"]:g} s after all of them had loaded their first page. An update is timed from the change to
the chart subtitle showing the new filter. The browser runs on the same {summary["cores"]} cores as the server, so
the latencies include the {summary["sessions"]} pages' own rendering; for one session alone see e2e_ms above.

| figure | value |
|---|---|
| updates (none begun after {summary["seconds"]:g} s; the last ended at {summary["loop_s"]} s) | {summary["updates"]} |
| errors | {verdict} |
| p50 update latency | {summary["p50_ms"]:,} ms |
| p95 update latency | {summary["p95_ms"]:,} ms |
| slowest update | {summary["max_ms"]:,} ms |
| server CPU during the loop (1.0 = one core busy) | {summary["server_cpu_share"]:g} |
| machine load average (1 min) at the end | {summary["load_average"]:g} |
| server RSS at start (no session) | {summary["rss_start_mb"]:,} MB |
| server RSS once all {summary["sessions"]} sessions had loaded | {summary["rss_loaded_mb"]:,} MB |
| server RSS at the end | {summary["rss_end_mb"]:,} MB |
| server RSS 5 s after the sessions closed | {summary["rss_after_close_mb"]:,} MB |
| growth from loaded to end (budget ≤ {GROWTH_BUDGET:g}×) | {summary["growth"]:g}× ({met}) |

Server RSS over the run (seconds since the browser started: MB): {", ".join(f"{t:g}: {m:g}" for t, m in shown)}.
{reading}"""


def write_section(text: str, path: Path, *, section: str = SECTION) -> None:
    """Replace a section of BENCHMARKS.md ("Many sessions" by default), or add it at the end."""
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start = current.find(section)
    if start == -1:
        updated = current.rstrip("\n") + "\n\n" + text
    else:
        following = current.find("\n## ", start + len(section))
        updated = current[:start] + text + (current[following + 1 :] if following != -1 else "")
    path.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument(
        "--seconds",
        type=float,
        default=float(os.environ.get("LOADTEST_SECONDS", 60)),
        help="length of the filter-changing loop (default 60; LOADTEST_SECONDS for a smoke run)",
    )
    parser.add_argument("--timeout", type=float, default=60, help="seconds an update may take before it is an error")
    parser.add_argument("--write", action="store_true", help="put the figures in BENCHMARKS.md")
    args = parser.parse_args(argv)
    log_path = Path(tempfile.gettempdir()) / f"stance-dashboard-loadtest-{os.getpid()}.log"
    process, url = serve(log_path)
    try:
        result = asyncio.run(
            drive(url, process.pid, sessions=args.sessions, seconds=args.seconds, timeout_s=args.timeout)
        )
    finally:
        server.stop(process)
    summary = summarise(result, server_log_errors(log_path), sessions=args.sessions, seconds=args.seconds)
    text = markdown(summary)
    print(text)
    if args.write:
        write_section(text, ROOT / "BENCHMARKS.md")
        print("Wrote the Many sessions section of BENCHMARKS.md", file=sys.stderr)
    return 0 if summary["errors"] == 0 and summary["memory_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
