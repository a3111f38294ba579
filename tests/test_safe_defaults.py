"""Safe defaults, checked: the effective Streamlit config, what the server listens on, what a crash shows
in the browser, and the pinned Streamlit version."""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from pathlib import Path

import pytest

from analysis.data.ingest import formats
from conftest import ROOT, AppServer

# Streamlit's published security advisories are all fixed in 1.59 and later (the floor).
STREAMLIT_FLOOR = (1, 59)
MAX_UPLOAD_MB = 10  # an article's PDF or saved web page; the app refuses more (formats.MAX_ORIGINAL_BYTES)


@pytest.fixture
def effective_config(monkeypatch):
    """The config exactly as `streamlit run` reads it from the project root: defaults, then
    ~/.streamlit/config.toml, then ./.streamlit/config.toml (relative to the working directory), then
    STREAMLIT_* environment variables. Parsed again here, not taken from any cached copy."""
    from streamlit import config

    monkeypatch.chdir(ROOT)
    config.get_config_options(force_reparse=True)
    yield config
    config.get_config_options(force_reparse=True)


def test_the_effective_config_is_safe(effective_config):
    get = effective_config.get_option
    project_file = str(ROOT / ".streamlit" / "config.toml")
    assert effective_config.get_where_defined("server.address") == project_file  # the file is what was read
    assert get("server.address") == "127.0.0.1"
    assert get("server.enableXsrfProtection") is True
    assert get("server.enableCORS") is True
    assert 1 <= get("server.maxUploadSize") <= MAX_UPLOAD_MB
    assert get("server.maxUploadSize") * 1_000_000 >= formats.MAX_ORIGINAL_BYTES  # what the label promises
    assert get("browser.gatherUsageStats") is False
    # "none": no exception type, message or traceback reaches the browser. The legacy `false` means
    # "stacktrace" in Streamlit 1.67, so it would not do.
    assert get("client.showErrorDetails") == "none"
    # What Streamlit itself makes of the value for an uncaught exception (private, but pinned above).
    from streamlit.elements.exception import _error_detail_visibility

    shown = _error_detail_visibility(True)
    assert not (shown.show_message or shown.show_trace or shown.show_type)
    assert get("client.toolbarMode") == "minimal"


def test_requirements_pin_a_streamlit_without_open_advisories():
    import streamlit

    pins = re.findall(r"^streamlit==([\d.]+)\s*$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.M)
    assert len(pins) == 1, "requirements.txt pins streamlit exactly once"
    assert tuple(int(part) for part in pins[0].split(".")[:2]) >= STREAMLIT_FLOOR
    assert streamlit.__version__ == pins[0]  # the tests run what users install


# --- what the server listens on -----------------------------------------------------------------------


def _address(hex_address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """/proc/net/tcp{,6} print each 32-bit word of an address in host (little-endian) byte order."""
    raw = bytes.fromhex(hex_address)
    unswapped = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    return ipaddress.ip_address(unswapped)


def _listening(pid: int) -> list[tuple[ipaddress.IPv4Address | ipaddress.IPv6Address, int, bool]]:
    """(address, port, owned by pid) for every TCP socket in the LISTEN state in pid's network namespace."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        target = os.readlink(f"/proc/{pid}/fd/{fd}") if os.path.islink(f"/proc/{pid}/fd/{fd}") else ""
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    found = []
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A":  # TCP_LISTEN
                address, port = local.split(":")
                found.append((_address(address), int(port, 16), inode in inodes))
    return found


def _other_local_addresses() -> list[str]:
    """This machine's non-loopback IPv4 addresses (from the routing table's local entries)."""
    text = Path("/proc/net/fib_trie").read_text() if Path("/proc/net/fib_trie").exists() else ""
    found = re.findall(r"\|--\s+([\d.]+)\s*\n\s*/32 host LOCAL", text)
    return sorted({a for a in found if not ipaddress.ip_address(a).is_loopback})


@pytest.mark.parametrize("config_only", [False, True], ids=["with-address-flag", "config-file-only"])
def test_the_server_listens_on_loopback_only(config_only):
    server = AppServer(config_only=config_only)
    try:
        sockets = _listening(server.process.pid)
        own = [(address, port) for address, port, owned in sockets if owned]
        assert own, f"no listening socket found for pid {server.process.pid}"
        assert {port for _, port in own} == {server.port}
        assert all(address == ipaddress.ip_address("127.0.0.1") for address, _ in own), own
        wildcard = [(a, p) for a, p, _ in sockets if p == server.port and a.is_unspecified]
        assert wildcard == [], f"something listens on all interfaces on port {server.port}: {wildcard}"
        # And from the network side: the port refuses connections on the machine's other addresses.
        for address in _other_local_addresses():
            with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
                probe.settimeout(3)
                probe.connect((address, server.port))
    finally:
        server.stop()


# --- what a crash shows in the browser ----------------------------------------------------------------

CRASHING_SCRIPT = """
import streamlit as st
st.write("before the crash")
raise RuntimeError("SECRET-DETAIL in /srv/private/path.csv")
"""


@pytest.mark.browser
def test_an_uncaught_error_shows_no_details_in_the_browser(tmp_path, page):
    """Started from the project root with the project's config: the browser gets a generic message, not
    the exception's type, message or traceback (they go to the server's console)."""
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_SCRIPT, encoding="utf-8")
    server = AppServer(script=script, config_only=True)
    try:
        page.goto(server.url)
        page.get_by_text("before the crash").wait_for(timeout=60_000)
        page.get_by_test_id("stException").wait_for(timeout=60_000)
        shown = page.locator("body").inner_text()
        assert "SECRET-DETAIL" not in shown and "/srv/private" not in shown
        assert "RuntimeError" not in shown and "Traceback" not in shown and "crash.py" not in shown
        assert "SECRET-DETAIL" in server.log_text()  # the details are in the server's log instead
    finally:
        server.stop()
