"""PNG and SVG images of figures, rendered by kaleido 1.x in Debian's chromium.

One kaleido server is started per process, on first use, and reused: after warm-up an image takes a
fraction of a second instead of several seconds.
"""

from __future__ import annotations

import functools
import shutil
import threading

import kaleido
import plotly.graph_objects as go

INSTALL_HINT = (
    "PNG/SVG export needs Chromium. On Debian or Ubuntu run `sudo apt-get install -y chromium` "
    "(or `make test`, which installs it), then try again."
)
_LOCK = threading.Lock()  # kaleido's sync server handles one request at a time


class ExportError(RuntimeError):
    """An export could not be made; the message says what to do."""


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@functools.cache
def _server() -> None:
    if chromium_path() is None:
        raise ExportError(INSTALL_HINT)
    # mathjax=False: the charts use no LaTeX, and the default would fetch MathJax from a CDN.
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)


def _render(fig: go.Figure, opts: dict) -> bytes:
    try:
        _server()
        with _LOCK:
            return kaleido.calc_fig_sync(fig, opts=opts)
    except ExportError:
        raise
    except Exception as error:  # kaleido raises several types for a missing or broken browser
        if chromium_path() is None or "chrom" in str(error).lower():
            raise ExportError(f"{INSTALL_HINT} ({type(error).__name__}: {error})") from error
        raise


def figure_png(fig: go.Figure, *, width: int, height: int, scale: float = 2) -> bytes:
    """The figure as PNG bytes, width × scale by height × scale pixels."""
    return _render(fig, {"format": "png", "width": width, "height": height, "scale": scale})


def figure_svg(fig: go.Figure, *, width: int, height: int) -> bytes:
    """The figure as SVG bytes (text stays text, so titles and quotes remain searchable)."""
    return _render(fig, {"format": "svg", "width": width, "height": height})
