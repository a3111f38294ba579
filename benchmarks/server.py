"""The app under a real `streamlit run` on 127.0.0.1, and Debian's chromium to look at it: started the same
way by the browser tests, the benchmark and the load test."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from analysis.data.paths import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# Local only, no file watcher, no usage statistics: how scripts run the app.
STREAMLIT_FLAGS = [
    "--server.headless",
    "true",
    "--server.address",
    "127.0.0.1",
    "--server.fileWatcherType",
    "none",
    "--browser.gatherUsageStats",
    "false",
]


class ServerError(RuntimeError):
    """The server exited, or did not answer its health check in time."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(
    script: Path, *, env: dict[str, str] | None = None, log=None, config_only: bool = False, timeout: float = 60
) -> tuple[subprocess.Popen, str]:
    """`streamlit run script` on a free port of 127.0.0.1, once it answers /_stcore/health: (process, url).
    Its output goes to `log` (an open file), if given. `config_only` passes nothing but the port, so that
    every other setting comes from .streamlit/config.toml, as for someone who types `streamlit run`."""
    port = free_port()
    flags = ["--server.port", str(port)] if config_only else [*STREAMLIT_FLAGS, "--server.port", str(port)]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), *flags],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"streamlit exited with code {process.returncode} for {script}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.3)
    stop(process)
    raise ServerError(f"streamlit did not answer /_stcore/health within {timeout:g} s for {script}")


def stop(process: subprocess.Popen) -> None:
    """End the server this process started (by its PID), politely first."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
