"""Typed Parquet copies of validated tables, so a start with unchanged data skips parsing and validation."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

from analysis.data.schema import STANCE_DTYPE, TABLES

FRAMES = (*TABLES, "view")


def _paths(cache_dir: Path, key: str) -> dict[str, Path]:
    return {name: cache_dir / f"{key[:24]}-{name}.parquet" for name in FRAMES}


def read(cache_dir: Path, key: str) -> dict[str, pd.DataFrame] | None:
    """The frames saved for this content key, or None (missing, half-written or foreign files)."""
    paths = _paths(cache_dir, key)
    if not all(path.exists() for path in paths.values()):
        return None
    try:
        frames = {name: pd.read_parquet(path) for name, path in paths.items()}
    except Exception:  # whatever pyarrow raises for a damaged file: rebuild it from the CSVs
        return None
    for name in ("statements", "view"):
        frames[name]["stance"] = frames[name]["stance"].astype(STANCE_DTYPE)
    return {name: single_chunk(frame) for name, frame in frames.items()}


def single_chunk(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each text column in one contiguous Arrow array. Parquet reads a column in pieces (one
    per row group), and picking a few rows from a column in pieces gathers all of it first."""
    combined = {}
    for column in frame.columns:
        values = frame[column].array
        if isinstance(values, ArrowStringArray):
            pieces = values.__arrow_array__()
            if isinstance(pieces, pa.ChunkedArray) and pieces.num_chunks > 1:
                combined[column] = pd.Series(
                    ArrowStringArray(pieces.combine_chunks(), dtype=values.dtype), index=frame.index, name=column
                )
    return frame.assign(**combined) if combined else frame


def write(cache_dir: Path, key: str, frames: dict[str, pd.DataFrame]) -> None:
    """Best effort: in a read-only folder every start is simply a cold one."""
    try:
        cache_dir.mkdir(exist_ok=True)
        for stale in cache_dir.glob("*.parquet"):
            stale.unlink()
        for name, path in _paths(cache_dir, key).items():
            temporary = path.with_suffix(".tmp")
            frames[name].to_parquet(temporary, index=False)
            os.replace(temporary, path)
    except OSError:
        pass
