"""Fixture articles for the ingest tests, written for this project (no outlet's text is copied), and a
local web server on 127.0.0.1 that serves them, with redirects, a slow page and an endless body."""

from __future__ import annotations

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import docx

# An invented story (fictional places and people), long enough to pass the 80-word floor.
ARTICLE_PARAGRAPHS = [
    "The harbour council of Port Alderny voted on Tuesday to close the old ferry terminal and move the "
    "crossings to a new pier north of the town, ending a dispute that has run for three years.",
    "Mayor Orla Venn welcomed the decision, calling it a fair settlement for the island's families and its "
    "fishermen. The new pier will be safer in winter storms, she said.",
    "The Ferry Workers' Guild criticised the vote, arguing that forty jobs at the old terminal would be lost "
    "and that the council had ignored its proposals for a phased move over five years.",
    "Councillor Hew Marran, who abstained, said the council should publish the full cost before any "
    "contract is signed.",
]
ARTICLE_TEXT = "\n\n".join(ARTICLE_PARAGRAPHS)
# Another story from the same island: a different article, not a copy.
OTHER_TEXT = (
    "Skerrin Bay school reopens after the storm\n\n"
    "The primary school at Skerrin Bay reopened on Monday, six weeks after the October storm tore off part of "
    "its roof. Parents lined the harbour road to welcome the first class back.\n\n"
    "Head teacher Ansel Drumm thanked the volunteers who cleared the playground and the county engineers who "
    "rebuilt the hall in record time. The county board praised the repairs but warned that two other schools "
    "on the island still need new roofs before the winter gales arrive in earnest."
)

ARTICLE_HTML = f"""<!doctype html>
<html><head>
<title>Port Alderny closes its old ferry terminal | The Alderny Gazette</title>
<meta property="og:title" content="Port Alderny closes its old ferry terminal">
<meta property="og:site_name" content="The Alderny Gazette">
<meta name="author" content="Mira Tollan">
<meta property="article:published_time" content="2026-11-17T09:30:00Z">
<script>window.trackers = ["SCRIPT-TEXT-MUST-NOT-APPEAR"];</script>
<style>.ad {{ color: red }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> NAVIGATION-MUST-NOT-APPEAR</nav>
<div class="ad">ADVERT-MUST-NOT-APPEAR: buy ferry tickets now</div>
<article>
<h1>Port Alderny closes its old ferry terminal</h1>
{"".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)}
<p style="display:none">HIDDEN-TEXT-MUST-NOT-APPEAR</p>
</article>
<section class="comments" id="comments"><h3>Comments</h3>
<div class="comment"><p>COMMENT-MUST-NOT-APPEAR: what a disgrace this whole council is, honestly.</p></div>
</section>
<footer>Copyright The Alderny Gazette. FOOTER-MUST-NOT-APPEAR</footer>
</body></html>"""

STUB_HTML = """<!doctype html><html><head><title>Subscribe</title></head><body><article>
<h1>Port Alderny closes its old ferry terminal</h1><p>The harbour council voted on Tuesday to close the
terminal. Subscribe to read the rest of this article.</p></article></body></html>"""

FRONT_HTML = """<!doctype html><html><head><title>The Alderny Gazette</title></head><body>
<nav><a href="/a">News</a> <a href="/b">Sport</a> <a href="/c">Weather</a></nav></body></html>"""


def feed_xml(base: str, links: list[str]) -> str:
    """An RSS 2.0 feed whose entries link to these paths on the fixture site, newest first."""
    items = "".join(
        f"<item><title>Entry {n}</title><link>{base}{link}</link><guid>{n}</guid>"
        f"<pubDate>Tue, {17 - n % 10:02d} Nov 2026 09:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>{items}</channel></rss>'


# The same article under two links, and its text as plain text (a near copy: no headline).
FEED_LINKS = ["/article.html", "/hops/1", "/notes.txt"]


def text_pdf(pages: list[list[str]]) -> bytes:
    """A small PDF whose pages hold these lines, in Helvetica: built by hand, so the test needs no writer."""
    objects: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    pages_id = 1 + 2 * len(pages) + 1
    kids = []
    for lines in pages:
        shown = b" ".join(
            b"(" + line.replace("(", r"\(").replace(")", r"\)").encode("latin-1") + b") '" for line in lines
        )
        stream = b"BT /F1 11 Tf 50 780 Td 14 TL " + shown + b" ET"
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        contents = len(objects)
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> "
            b"/Contents %d 0 R >>" % (pages_id, contents)
        )
        kids.append(len(objects))
    objects.append(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(objects), xref)
    return out


def article_pdf() -> bytes:
    """The article over two pages, a line per sentence-ish chunk, paragraphs a blank line apart."""
    first, second = ARTICLE_PARAGRAPHS[:2], ARTICLE_PARAGRAPHS[2:]

    def lines(paragraphs):
        out = []
        for paragraph in paragraphs:
            words = paragraph.split()
            out += [" ".join(words[i : i + 12]) for i in range(0, len(words), 12)] + [""]
        return out

    return text_pdf([lines(first), lines(second)])


def article_docx() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Port Alderny closes its old ferry terminal"
    for paragraph in ARTICLE_PARAGRAPHS:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output quiet
        pass

    def _send(self, status: int, body: bytes, kind: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: C901 - one route per branch, as a fixture server
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        route = parts.path
        html = "text/html; charset=utf-8"
        if route == "/article.html":
            self._send(200, ARTICLE_HTML.encode(), html)
        elif route == "/stub.html":
            self._send(200, STUB_HTML.encode(), html)
        elif route == "/front.html":
            self._send(200, FRONT_HTML.encode(), html)
        elif route == "/statement.pdf":
            self._send(200, article_pdf(), "application/pdf")
        elif route == "/notes.txt":
            self._send(200, ARTICLE_TEXT.encode(), "text/plain; charset=utf-8")
        elif route == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif route == "/feed.xml":
            base = f"http://{self.headers['Host']}"
            self._send(200, feed_xml(base, FEED_LINKS).encode(), "application/rss+xml")
        elif route == "/big-feed.xml":  # 10,000 entries
            base = f"http://{self.headers['Host']}"
            links = [f"/article.html?n={n}" for n in range(10_000)]
            self._send(200, feed_xml(base, links).encode(), "application/rss+xml")
        elif route == "/not-a-feed.xml":
            self._send(200, b"<html><body>This is a web page, not a feed</body></html>", "application/xml")
        elif route == "/to":  # a redirect to any address (?url=...)
            self._send(302, b"", html, {"Location": query["url"][0]})
        elif route.startswith("/hops/"):  # /hops/N redirects N times, then the article
            left = int(route.rsplit("/", 1)[1])
            self._send(302, b"", html, {"Location": f"/hops/{left - 1}" if left > 1 else "/article.html"})
        elif route == "/loop":
            self._send(302, b"", html, {"Location": "/loop"})
        elif route == "/huge":  # says 50 MB up front
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            self.wfile.write(b"<html>" + b" " * 1000)
        elif route == "/endless":  # no length, never ends
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"<p>" + b"more " * 2000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                return
        elif route == "/slow":
            time.sleep(float(query.get("seconds", ["5"])[0]))
            self._send(200, ARTICLE_HTML.encode(), html)
        else:
            self._send(404, b"not here", "text/plain")


class LocalSite:
    """The fixture server on 127.0.0.1 and a free port, in a thread, for the length of a `with`."""

    def __enter__(self) -> LocalSite:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
