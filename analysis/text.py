"""Small text helpers: a quote's surrounding sentence, and markdown escaping for anything from data."""

from __future__ import annotations

import re
import string

# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) and white space.
# Good enough to show a quote in its context; the extractor brings a real segmenter.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_MARKDOWN_SPECIAL = set(string.punctuation)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start of the sentence holding `start` and the end of the sentence holding `end`."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, max(start, 0)):
        left = match.end()
    right_match = _SENTENCE_END.search(text, max(end - 1, start))
    right = right_match.end() if right_match else len(text)
    newline_before = text.rfind("\n", 0, start)
    newline_after = text.find("\n", end)
    left = max(left, newline_before + 1)
    right = min(right, newline_after) if newline_after != -1 else right
    return left, max(right, end)


def in_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, quote, after): the quote with the rest of its sentence(s) on either side."""
    left, right = sentence_bounds(text, start, end)
    return text[left:start], text[start:end], text[end:right].rstrip()


def escape_markdown(text: str) -> str:
    """Escape every ASCII punctuation mark so that data reads as literal text in st.markdown:
    no links, images, emphasis, colour directives, emoji codes, LaTeX or HTML."""
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)
    # Line breaks in data must not start headings or lists; show them as spaces.
    return " ".join(escaped.split())
