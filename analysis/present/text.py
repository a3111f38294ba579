"""Small text helpers: a quote's surrounding sentence, and markdown escaping for anything from data."""

from __future__ import annotations

import itertools
import re
import string

# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket), white space, and a
# capital, digit or opening quote, unless the full stop closes an initial ("U.S.") or a title ("Gen.").
# Good enough to show a quote in its context; the extractor brings a real segmenter.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "sen",
    "rep",
    "gov",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "etc",
    "lt",
    "col",
    "capt",
    "prof",
    "sgt",
    "adm",
    "maj",
    "pres",
    "amb",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
}
_MARKDOWN_SPECIAL = set(string.punctuation)
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\v\f\u2028\u2029\x85][\s]*")
# GitHub-flavoured markdown links bare URLs and e-mail addresses even with their punctuation escaped (it
# finds them in the text once the escapes are read), but only where one starts a word. An invisible
# WORD JOINER in front of each keeps it plain text.
_AUTOLINK_START = re.compile(r"(?<![\w\u2060])(?=(?:https?:|www\.|[\w.+-]+@[\w-]))", re.IGNORECASE)
WORD_JOINER = "\u2060"


def _ends_sentence(text: str, match: re.Match) -> bool:
    if text[match.start()] != ".":
        return True
    word = text[: match.start()].rsplit(None, 1)[-1].lstrip("(\"“‘'") if text[: match.start()].strip() else ""
    return not (len(word) == 1 or (len(word) > 1 and word[-2] == ".") or word.lower() in _ABBREVIATIONS)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start of the sentence holding `start` and the end of the sentence holding `end`."""
    ends = [m for m in _SENTENCE_END.finditer(text) if _ends_sentence(text, m)]
    left = max((m.end() for m in ends if m.end() <= start), default=0)
    right = min((m.end() for m in ends if m.start() >= end - 1), default=len(text))
    newline_before = text.rfind("\n", 0, start)
    newline_after = text.find("\n", end)
    left = max(left, newline_before + 1)
    right = min(right, newline_after) if newline_after != -1 else right
    return left, max(right, end)


def in_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(before, quote, after): the quote with the rest of its sentence(s) on either side."""
    left, right = sentence_bounds(text, start, end)
    return text[left:start], text[start:end], text[end:right].rstrip()


def cue_in_sentence(text: str, *, sentence: tuple[int, int], cue: tuple[int, int]) -> list[tuple[str, bool]]:
    """A proposal's sentence cut around its cue: [(piece, is_cue), ...], the cue clipped to the sentence.
    With no cue inside the sentence, the whole sentence is one plain piece."""
    start, end = sentence
    cue_start, cue_end = max(cue[0], start), min(cue[1], end)
    if cue_end <= cue_start:
        return [(text[start:end], False)]
    pieces = [(text[start:cue_start], False), (text[cue_start:cue_end], True), (text[cue_end:end], False)]
    return [(piece, is_cue) for piece, is_cue in pieces if piece]


def escape_markdown(text: str) -> str:
    """Escape every ASCII punctuation mark so that data reads as literal text in st.markdown:
    no links (not even bare URLs), images, emphasis, colour directives, emoji codes, LaTeX or HTML."""
    text = _AUTOLINK_START.sub(WORD_JOINER, text)
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)
    # Line breaks in data must not start headings, lists or code blocks; show them as spaces.
    return _LINE_BREAKS.sub(" ", escaped)


def span_segments(text: str, spans: list[tuple[int, int, str]]) -> list[list[tuple[int, int, tuple[str, ...]]]]:
    """Cut `text` into paragraphs of segments for highlighting. `spans` are (start, end, key) and may
    overlap. Each segment is (start, end, keys of the spans covering it); paragraphs split at newlines,
    which no segment includes."""
    cuts = {0, len(text)}
    for start, end, _ in spans:
        cuts.update((max(0, start), min(len(text), end)))
    cuts.update(i for i, ch in enumerate(text) if ch == "\n")
    cuts.update(i + 1 for i, ch in enumerate(text) if ch == "\n")
    bounds = sorted(cuts)
    paragraphs: list[list[tuple[int, int, tuple[str, ...]]]] = [[]]
    for left, right in itertools.pairwise(bounds):
        if text[left:right] == "\n":
            paragraphs.append([])
            continue
        keys = tuple(key for start, end, key in spans if start <= left and right <= end)
        paragraphs[-1].append((left, right, keys))
    return [paragraph for paragraph in paragraphs if paragraph]
