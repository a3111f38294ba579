"""Near copies: the same wire story republished by other outlets, with a new headline, a dateline or a
sentence trimmed. MinHash over five-word shingles finds candidates (datasketch's LSH), and the exact
Jaccard of the shingles decides, so a copy is linked to its original and counted once."""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
THRESHOLD = 0.8  # Jaccard of the shingles: a republished story keeps far more, two stories on one event far less
PERMUTATIONS = 128
WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


class CopyIndex:
    """The originals seen so far; `original_of(text)` names the one a text copies, if any."""

    def __init__(self) -> None:
        # The LSH bands are tuned below the threshold, so that candidates at the threshold are not missed;
        # the exact Jaccard then decides.
        self._lsh = MinHashLSH(threshold=THRESHOLD * 0.85, num_perm=PERMUTATIONS)
        self._shingles: dict[str, set[str]] = {}

    def _minhash(self, shingled: set[str]) -> MinHash:
        minhash = MinHash(num_perm=PERMUTATIONS)
        minhash.update_batch([s.encode("utf-8") for s in shingled])
        return minhash

    def add(self, source_id: str, text: str) -> None:
        shingled = shingles(text)
        if source_id in self._shingles or not shingled:
            return
        self._shingles[source_id] = shingled
        self._lsh.insert(source_id, self._minhash(shingled))

    def original_of(self, text: str) -> tuple[str, float]:
        """(the source this text is a near copy of, the Jaccard of their shingles), or ("", 0.0)."""
        shingled = shingles(text)
        if not shingled:
            return "", 0.0
        scored = [(jaccard(shingled, self._shingles[c]), c) for c in self._lsh.query(self._minhash(shingled))]
        best = max(scored, default=(0.0, ""))
        return (best[1], best[0]) if best[0] >= THRESHOLD else ("", 0.0)
