"""Fetching an article from a link, safely: http(s) only, at most 5 redirects, 10 MB and 20 s, the content
types an article comes in, and never an address inside this machine or its network (server-side request
forgery) unless the team allows its intranet."""

from __future__ import annotations

import ipaddress
import os
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from analysis.data.curation import CurationError
from analysis.data.ingest.formats import CONTENT_TYPES, MAX_ORIGINAL_BYTES

MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
TOTAL_SECONDS = 20.0  # a server that trickles bytes forever is cut off here
ALLOW_PRIVATE_ENV = "DASHBOARD_ALLOW_PRIVATE_ADDRESSES"
# Cloud metadata services hand out credentials: refused even when private addresses are allowed.
METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
USER_AGENT = "StanceDashboard/1 (+local analyst tool)"


@dataclass(frozen=True)
class Fetched:
    url: str  # the address the bytes came from, after redirects
    format: str
    data: bytes


def private_allowed() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")


def check_address(address: str, *, allow_private: bool) -> None:
    """CurationError unless `address` is a public one (or a loopback/private one, when allowed)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip in METADATA:
        raise CurationError(f"The link leads to {ip}, a cloud metadata address: not fetched, ever.")
    if ip.is_link_local or ip.is_multicast or ip.is_unspecified:
        raise CurationError(f"The link leads to {ip}, which is not a public address: not fetched.")
    if ip.is_loopback or ip.is_private:
        if allow_private:
            return
        raise CurationError(
            f"The link leads to {ip}, an address inside this machine or its network: not fetched. "
            f"To read an intranet, set {ALLOW_PRIVATE_ENV}=1 (or pass --allow-private-addresses)."
        )
    if not ip.is_global:
        raise CurationError(f"The link leads to {ip}, which is not a public address: not fetched.")


def check_url(url: str, *, allow_private: bool) -> None:
    """The link's scheme, and every address its host name resolves to."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CurationError(f"Only http:// and https:// links can be fetched (got {url[:80]!r}).")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as error:
        raise CurationError(f"The host {parts.hostname!r} could not be found ({error}).") from None
    for info in infos:
        check_address(info[4][0], allow_private=allow_private)


def fetch(url: str, *, allow_private: bool | None = None, accept: Mapping[str, str] = CONTENT_TYPES) -> Fetched:
    """The bytes at `url`, following at most MAX_REDIRECTS redirects, each hop checked; or CurationError.
    `accept` maps the content types taken to the format they are read as."""
    allow = private_allowed() if allow_private is None else allow_private
    started = time.monotonic()
    with httpx.Client(timeout=TIMEOUT, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url, allow_private=allow)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    return _body(response, url, started, accept)
            except httpx.TimeoutException:
                raise CurationError(f"The server took too long to answer ({url[:80]}).") from None
            except httpx.HTTPError as error:
                raise CurationError(f"The page could not be fetched: {type(error).__name__} ({url[:80]}).") from None
    raise CurationError(f"The link redirects more than {MAX_REDIRECTS} times (a redirect loop?): not fetched.")


def _body(response: httpx.Response, url: str, started: float, accept: Mapping[str, str]) -> Fetched:
    if response.status_code >= 400:
        raise CurationError(f"The server answered {response.status_code} {response.reason_phrase} for {url[:80]}.")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in accept:
        wanted = "a feed" if set(accept.values()) == {"feed"} else "web pages, PDFs and plain text"
        raise CurationError(f"The link gives {kind or 'no content type'}; only {wanted} can be read.")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_ORIGINAL_BYTES:
        raise CurationError(f"The page is {int(declared) / 1e6:.0f} MB; the limit is 10 MB: not fetched.")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_ORIGINAL_BYTES:
            raise CurationError("The page is over 10 MB: not fetched.")
        if time.monotonic() - started > TOTAL_SECONDS:
            raise CurationError(f"The server took over {TOTAL_SECONDS:.0f} s to send the page: not fetched.")
        chunks.append(chunk)
    return Fetched(str(response.url), accept[kind], b"".join(chunks))
