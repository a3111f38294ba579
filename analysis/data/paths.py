"""Where the data lives: the one place that reads DASHBOARD_DATA_DIR and DASHBOARD_SEEDS_DIR.

The app, the command line and the benchmarks ask here, so they all open the same folders. Nothing depends
on the working directory: the defaults are the project's own data/ and seeds/.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_ENV = "DASHBOARD_DATA_DIR"
SEEDS_ENV = "DASHBOARD_SEEDS_DIR"
GEODATA_DIR = PROJECT_ROOT / "analysis" / "geodata"  # map outlines and country names, shipped with the code
LEXICON_NAME = "lexicon.csv"


def data_dir() -> Path:
    """The curated tables: $DASHBOARD_DATA_DIR, else the project's data/."""
    return Path(os.environ.get(DATA_ENV) or PROJECT_ROOT / "data")


def seeds_dir() -> Path:
    """The source documents: $DASHBOARD_SEEDS_DIR, else the project's seeds/."""
    return Path(os.environ.get(SEEDS_ENV) or PROJECT_ROOT / "seeds")


def lexicon_file() -> Path:
    """The extractor's cue lexicon: the data folder's own lexicon.csv, else the project's (a generated
    dataset, such as `python -m analysis synth` writes, brings no lexicon of its own)."""
    own = data_dir() / LEXICON_NAME
    return own if own.is_file() else PROJECT_ROOT / "data" / LEXICON_NAME
