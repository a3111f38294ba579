"""The stance cue lexicon (data/lexicon.csv: cue, stance, strength, note), compiled to one regex.

A cue is lower-case words; a trailing * matches any word ending (condemn* = condemns, condemned,
condemnation), and "..." up to three words ("voted ... against" = "voted en bloc against"). British and
American spellings are separate rows."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from analysis.data import paths
from analysis.data.schema import STANCES


@dataclass(frozen=True)
class Cue:
    text: str
    stance: str
    strength: int
    source: str = "lexicon"  # or "vader": a word of the VADER lexicon read by its valence (valence.py)


WORD = re.compile(r"[\w][\w'’\-]*")


@dataclass(frozen=True)
class Lexicon:
    """Cues indexed by their first word, so that a text is scanned word by word and only the few cues
    that can start at a word are tried (one big alternation regex was ten times slower)."""

    cues: tuple[Cue, ...]
    exact: dict[str, tuple[tuple[re.Pattern, Cue], ...]]
    prefixes: dict[str, tuple[tuple[str, re.Pattern, Cue], ...]]

    def find(self, text: str, start: int = 0, end: int | None = None):
        """(start, end, Cue) for each cue in text[start:end]; the longest cue wins where cues overlap."""
        end = len(text) if end is None else end
        cursor = start
        for word in WORD.finditer(text, start, end):
            if word.start() < cursor:
                continue
            lowered = word.group().lower()
            exact, prefixed = self.exact.get(lowered, ()), self.prefixes.get(lowered[:3], ())
            if not exact and not prefixed:
                continue  # most words start no cue: skip them before building any list
            candidates = list(exact)
            candidates += [(pattern, cue) for prefix, pattern, cue in prefixed if lowered.startswith(prefix)]
            best = None
            for pattern, cue in candidates:
                match = pattern.match(text, word.start(), end)
                if match and (best is None or match.end() > best[1]):
                    best = (match.start(), match.end(), cue)
            if best:
                cursor = best[1]
                yield best


def _regex(cue: str) -> str:
    pattern = ""
    for word in cue.split():
        if word == "...":  # up to three words between ("voted en bloc against", "voted four to two for")
            pattern += r"(?:(?!(?:against|for|not|no)\b)[\w'’\-]+\s+){0,3}?"
            continue
        pattern += re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "") + r"\s+"
    return r"(?<![\w-])(" + pattern.removesuffix(r"\s+") + r")(?![\w-])"


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """The cue lexicon at `path`, by default the data folder's (`paths.lexicon_file`), read once per file."""
    return _load(Path(path) if path is not None else paths.lexicon_file())


@functools.cache
def _load(path: Path) -> Lexicon:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    problems = [
        f"{Path(path).name}, row {i}: stance {row['stance']!r} is not one of {', '.join(STANCES)}"
        for i, row in enumerate(rows, start=1)
        if row["stance"] not in STANCES
    ]
    if problems:
        raise ValueError("\n".join(problems))
    cues = sorted(
        (Cue(row["cue"].strip().lower(), row["stance"], int(row["strength"] or 1)) for row in rows),
        key=lambda cue: (-len(cue.text.replace("*", "")), cue.text),
    )
    exact: dict[str, list] = {}
    prefixes: dict[str, list] = {}
    for cue in cues:
        pattern = re.compile(_regex(cue.text), re.IGNORECASE)
        first = cue.text.split()[0]
        if first.endswith("*"):
            stem = first.rstrip("*")
            prefixes.setdefault(stem[:3], []).append((stem, pattern, cue))
        else:
            exact.setdefault(first, []).append((pattern, cue))
    return Lexicon(
        cues=tuple(cues),
        exact={k: tuple(v) for k, v in exact.items()},
        prefixes={k: tuple(v) for k, v in prefixes.items()},
    )
