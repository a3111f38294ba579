"""Counts of what the hostile-input and fault tests tried, printed as one line per family at the end of
the run ("tables: tried 23, failed 0"), so a reader sees how much was attempted, not just that it passed."""

from __future__ import annotations

from collections import defaultdict

_TRIED: dict[str, int] = defaultdict(int)
_FAILED: dict[str, int] = defaultdict(int)


def record(family: str, *, ok: bool) -> None:
    """Count one attempt in `family`; call it before asserting, so a failure is counted too."""
    _TRIED[family] += 1
    if not ok:
        _FAILED[family] += 1


def lines() -> list[str]:
    return [f"{family}: tried {_TRIED[family]}, failed {_FAILED[family]}" for family in sorted(_TRIED)]
