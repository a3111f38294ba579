"""An article's text and metadata from its bytes: plain text, a web page, a PDF or a Word file. The text is
what the quote offsets index; the original bytes are kept beside it (see `analysis.data.ingest.store`)."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import PurePath

from analysis.data.curation import CurationError, check_text

FORMATS = ("txt", "md", "html", "pdf", "docx")
SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
CONTENT_TYPES = {"text/plain": "txt", "text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf"}
MIN_WORDS = 80  # fewer is a paywall stub, a cookie wall or a page with no article on it
PAGE_BREAK = "\f"  # between the pages of a PDF, as pdftotext writes them
MAX_ORIGINAL_BYTES = 10_000_000


@dataclass(frozen=True)
class Document:
    text: str
    format: str
    text_extractor: str  # the library and version that turned the original into the text ("" for text)
    title: str = ""
    author: str = ""
    outlet: str = ""
    published: dt.date | None = None


def format_of(name: str) -> str:
    """The format a file name says, or CurationError naming the formats that can be added."""
    suffix = PurePath(name or "").suffix.lower()
    if suffix not in SUFFIXES:
        raise CurationError(
            f"{name or 'The file'}: only {', '.join(sorted(SUFFIXES))} files can be added "
            f"(got {suffix or 'no extension'})."
        )
    return SUFFIXES[suffix]


def read_document(data: bytes, fmt: str, *, url: str = "") -> Document:
    """The article in `data` (bytes of format `fmt`), or CurationError saying why it cannot be one."""
    if not data.strip():
        raise CurationError("The article is empty: paste or upload its text.")
    if len(data) > MAX_ORIGINAL_BYTES:
        raise CurationError(f"The file is {len(data) / 1e6:.1f} MB; the limit is {MAX_ORIGINAL_BYTES // 1_000_000} MB.")
    if fmt in ("txt", "md"):
        return Document(check_text(data), fmt, "")
    reader = {"html": _html, "pdf": _pdf, "docx": _docx}[fmt]
    document = reader(data, url)
    words = len(document.text.split())
    if words < MIN_WORDS:
        raise CurationError(
            f"Only {words} words of article text were found (at least {MIN_WORDS} are needed): this looks like "
            "a paywall, a cookie notice or a page with no article on it. Save the article's text and add that."
        )
    return replace(document, text=check_text(document.text))


def _paragraphs(lines) -> str:
    """Paragraphs one blank line apart, each on one line: how the other articles are stored."""
    return "\n\n".join(" ".join(line.split()) for line in lines if line.strip())


def _html(data: bytes, url: str) -> Document:
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            data, url=url or None, include_comments=False, include_tables=False, with_metadata=True
        )
    except (ValueError, TypeError) as error:
        raise CurationError(f"The page could not be read as HTML ({error}).") from None
    if found is None or not (found.text or "").strip():
        raise CurationError("No article text was found on the page (a front page, a search page or an app shell?).")
    return Document(
        _paragraphs(found.text.splitlines()),
        "html",
        f"trafilatura {version('trafilatura')}",
        title=found.title or "",
        author=found.author or "",
        outlet=found.sitename or "",
        published=_date(found.date),
    )


def _pdf(data: bytes, url: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise CurationError("The PDF is encrypted: save an unprotected copy (or its text) and add that.")
        pages = [_paragraphs(re.split(r"\n\s*\n", page.extract_text() or "")) for page in reader.pages]
        info = reader.metadata or {}
    except CurationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        reason = type(error).__name__
        raise CurationError(f"The PDF could not be read: it is damaged or not a PDF ({reason}).") from None
    return Document(
        f"\n\n{PAGE_BREAK}\n\n".join(p for p in pages if p),
        "pdf",
        f"pypdf {version('pypdf')}",
        title=str(info.get("/Title") or ""),
        author=str(info.get("/Author") or ""),
    )


def _docx(data: bytes, url: str) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError, OSError) as error:
        raise CurationError(f"The Word file could not be read: it is damaged or not a .docx ({error}).") from None
    except Exception as error:  # zipfile.BadZipFile and lxml errors from a malformed package
        raise CurationError(f"The Word file could not be read ({type(error).__name__}).") from None
    properties = document.core_properties  # its dates are the file's, not the article's: not used
    return Document(
        _paragraphs(p.text for p in document.paragraphs),
        "docx",
        f"python-docx {version('python-docx')}",
        title=properties.title or "",
        author=properties.author or "",
    )


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None
