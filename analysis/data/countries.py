"""The shipped country table's short names (`analysis/geodata/countries.csv`), by ISO alpha-3 code."""

from __future__ import annotations

import csv
import functools

from analysis.data import paths

COUNTRIES_FILE = paths.GEODATA_DIR / "countries.csv"


@functools.cache
def short_names() -> dict[str, str]:
    """{"JPN": "Japan", "COD": "DR Congo", ...}"""
    with open(COUNTRIES_FILE, encoding="utf-8", newline="") as handle:
        return {row["alpha3"]: row["short"] for row in csv.DictReader(handle)}
