"""Column names, the stance scale and the pandera schemas of the curated tables.

This is the one place that says what a valid table looks like. The stores, filters, charts and
exports all take their column names and the stance scale from here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    import pandera.pandas as pa

# The stance scale, from most opposed to most supportive. Scores put neutral at 0 and run from
# -1 (condemning) to +1 (supportive), so a mean score reads as a net-support index. The three
# opposing grades are evenly spaced; the scale has one supportive grade, as the coding does.
STANCES: tuple[str, ...] = ("condemning", "opposed", "cautious", "neutral", "supportive")
STANCE_SCORES: dict[str, float] = {
    "condemning": -1.0,
    "opposed": -2 / 3,
    "cautious": -1 / 3,
    "neutral": 0.0,
    "supportive": 1.0,
}
STANCE_DTYPE = pd.CategoricalDtype(categories=list(STANCES), ordered=True)

ACTOR_KINDS = ("person", "government", "legislators", "party", "agency", "organization", "commentators")
MODES = ("direct", "reported", "characterized")
ORIGINS = ("curated", "extracted")
DATE_PRECISIONS = ("day", "month", "year", "decade", "unknown")
EVENT_ROLES = ("background", "trigger", "milestone")
STORY_STATUSES = ("active", "archived")
# What an article was added as: its text is stored as UTF-8 either way, the original beside it when it differs.
SOURCE_FORMATS = ("txt", "md", "html", "pdf", "docx")
DEMO_MARK = "(fictional demo)"  # in a story's title: a made-up story to show the tool, never the default

# \Z, not $: pandera matches with re.match, and "$" also matches before a final line break ("s001\n").
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z"
ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"
SHA256_PATTERN = r"^[0-9a-f]{64}\Z"
URL_PATTERN = r"^(https?://\S+)?\Z"
# The dates a typed table can hold (datetime64[ns] runs from 1677-09-21 to 2262-04-11).
FIRST_YEAR, LAST_YEAR = 1678, 2261

# The columns of each table, in file order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "stories": ("story_id", "title", "description", "created", "status", "default_target", "feeds"),
    "sources": (
        "source_id",
        "story_id",
        "title",
        "outlet",
        "published",
        "date_precision",
        "url",
        "path",
        "sha256",
        "format",
        "original",
        "original_sha256",
        "text_extractor",
        "copy_of",
        "added",
        "date_note",
    ),
    "actors": ("actor_id", "name", "kind", "country", "bloc", "party", "aliases"),
    "targets": ("target_id", "story_id", "label", "description", "keywords"),
    "statements": (
        "statement_id",
        "source_id",
        "actor_id",
        "target_id",
        "stance",
        "quote",
        "start",
        "end",
        "cue",
        "summary",
        "mode",
        "date",
        "date_precision",
        "confidence",
        "origin",
        "reviewed",
    ),
    "events": (
        "event_id",
        "story_id",
        "date",
        "date_precision",
        "role",
        "title",
        "description",
        "actor_ids",
        "source_id",
        "quote",
        "start",
        "end",
        "date_note",
    ),
    # A story may regroup actors into blocs of its own ("Venezuela's allies" only makes sense in one story).
    "story_blocs": ("story_id", "actor_id", "bloc"),
}
TABLES: tuple[str, ...] = tuple(COLUMNS)
ID_COLUMN = {
    "stories": "story_id",
    "story_blocs": ("story_id", "actor_id"),  # a pair: one bloc per actor per story
    "sources": "source_id",
    "actors": "actor_id",
    "targets": "target_id",
    "statements": "statement_id",
    "events": "event_id",
}
# Columns that may be left empty; every other column must hold a value.
OPTIONAL = {
    "stories": {"description", "default_target", "feeds"},
    "story_blocs": set(),
    "sources": {
        "outlet",
        "url",
        "date_note",
        "title",
        "published",
        "original",
        "original_sha256",
        "text_extractor",
        "copy_of",
    },
    "actors": {"country", "party", "aliases"},
    "targets": {"description", "keywords"},
    "statements": {"cue", "summary", "date"},
    "events": {"description", "actor_ids", "date", "date_note"},
}
BOOL_TEXT = {"true": True, "false": False}


def row_ids(frame: pd.DataFrame, table: str) -> list[str]:
    """Each row's id: its id column, or its id columns joined by '/' for a table keyed by a pair."""
    key = ID_COLUMN[table]
    if isinstance(key, str):
        return frame[key].astype(str).tolist()
    return ["/".join(parts) for parts in zip(*(frame[column].astype(str).tolist() for column in key))]


def id_label(table: str) -> str:
    """The id column (or columns) a duplicate is reported in."""
    key = ID_COLUMN[table]
    return key if isinstance(key, str) else "+".join(key)


# Columns that the joined statement view adds from the other tables.
VIEW_COLUMNS = ("actor_name", "bloc", "kind", "country", "party", "target_label", "source_title", "score")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, precise enough to fix without guessing."""

    file: str
    row: int | None  # 1-based data row (the header is not counted); None for a whole-file problem
    column: str | None
    value: str
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row} (line {self.row + 1})"
        if self.column:
            where += f", column '{self.column}'"
        value = self.value if len(self.value) <= 80 else self.value[:77] + "..."
        shown = f"got {value!r}" if self.value != "" else "got an empty value"
        return f"{where}: {shown}; expected {self.expected}"


@functools.cache
def iso_countries() -> frozenset[str]:
    import pycountry

    return frozenset({"", *(country.alpha_3 for country in pycountry.countries)})


def calendar_dates(values: pd.Series) -> pd.Series:
    """True where a text is empty or a real YYYY-MM-DD date (vectorised: it runs over a million rows)."""
    text = values.astype(str)
    shaped = text.str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
    parsed = pd.to_datetime(text.where(shaped), format="%Y-%m-%d", errors="coerce")
    in_range = pd.to_numeric(text.str[:4].where(shaped), errors="coerce").between(FIRST_YEAR, LAST_YEAR)
    return (text == "") | (shaped & parsed.notna() & in_range)


def _pandera():
    """pandera, imported when a schema is first built: the extractor reads only the column names and the
    stance scale from this module, and importing pandera was a fifth of its start-up."""
    import pandera.pandas as pa

    return pa


def _text(table: str, column: str, *checks: pa.Check) -> pa.Column:
    pa = _pandera()
    required = [] if column in OPTIONAL[table] else [pa.Check.str_length(min_value=1, error="a non-empty value")]
    return pa.Column(str, checks=[*required, *checks], nullable=False)


def _one_of(values) -> pa.Check:
    return _pandera().Check.isin(list(values), error="one of " + ", ".join(values))


_UNIQUE = {"unique": True}


@functools.cache  # built once: building them took half of every validation (each save validates all tables)
def raw_schemas() -> dict[str, pa.DataFrameSchema]:
    """Schemas for the tables as read from CSV, every cell still text.

    Validating text first lets each error show the value exactly as it stands in the file.
    """
    pa = _pandera()
    slug = pa.Check.str_matches(SLUG_PATTERN, error="a lower-case slug such as 'us-state-department'")
    date = pa.Check(calendar_dates, error=f"a calendar date as YYYY-MM-DD, from {FIRST_YEAR} to {LAST_YEAR}")
    offset = pa.Check.str_matches(r"^[0-9]+\Z", error="a whole number of characters, 0 or more (digits 0-9)")
    return {
        "stories": pa.DataFrameSchema(
            {
                "story_id": _text("stories", "story_id", slug),
                "title": _text("stories", "title"),
                "description": _text("stories", "description"),
                "created": _text("stories", "created", date),
                "status": _text("stories", "status", _one_of(STORY_STATUSES)),
                "default_target": _text("stories", "default_target"),
                "feeds": _text(
                    "stories",
                    "feeds",
                    pa.Check.str_matches(
                        r"^(https?://[^\s|]+(\|https?://[^\s|]+)*)?\Z",
                        error="empty or http(s) feed URLs separated by |",
                    ),
                ),
            },
            strict=True,
            ordered=True,
        ),
        "sources": pa.DataFrameSchema(
            {
                "source_id": _text("sources", "source_id", slug),
                "story_id": _text("sources", "story_id"),
                "title": _text("sources", "title"),
                "outlet": _text("sources", "outlet"),
                "published": _text("sources", "published", date),
                "date_precision": _text("sources", "date_precision", _one_of(DATE_PRECISIONS)),
                "url": _text("sources", "url", pa.Check.str_matches(URL_PATTERN, error="empty or an http(s) URL")),
                "path": _text(
                    "sources", "path", pa.Check.str_matches(r"^[^/\\][^\\]*$", error="a path relative to the project")
                ),
                "sha256": _text(
                    "sources", "sha256", pa.Check.str_matches(SHA256_PATTERN, error="64 lower-case hex digits")
                ),
                "format": _text("sources", "format", _one_of(SOURCE_FORMATS)),
                "original": _text(
                    "sources",
                    "original",
                    pa.Check.str_matches(r"^([^/\\][^\\]*)?$", error="empty or a path relative to the project"),
                ),
                "original_sha256": _text(
                    "sources",
                    "original_sha256",
                    pa.Check.str_matches(r"^([0-9a-f]{64})?\Z", error="empty or 64 lower-case hex digits"),
                ),
                "text_extractor": _text("sources", "text_extractor"),
                "copy_of": _text("sources", "copy_of"),
                "added": _text("sources", "added", date),
                "date_note": _text("sources", "date_note"),
            },
            strict=True,
            ordered=True,
        ),
        "actors": pa.DataFrameSchema(
            {
                "actor_id": _text("actors", "actor_id", slug),
                "name": _text("actors", "name"),
                "kind": _text("actors", "kind", _one_of(ACTOR_KINDS)),
                "country": _text(
                    "actors",
                    "country",
                    pa.Check(
                        lambda s: s.isin(iso_countries()),
                        error="empty or an ISO 3166 alpha-3 country code such as 'USA'",
                    ),
                ),
                "bloc": _text("actors", "bloc"),
                "party": _text("actors", "party"),
                "aliases": _text("actors", "aliases"),
            },
            strict=True,
            ordered=True,
        ),
        "targets": pa.DataFrameSchema(
            {
                "target_id": _text("targets", "target_id", slug),
                "story_id": _text("targets", "story_id"),
                "label": _text("targets", "label"),
                "description": _text("targets", "description"),
                "keywords": _text("targets", "keywords"),
            },
            strict=True,
            ordered=True,
        ),
        "statements": pa.DataFrameSchema(
            {
                "statement_id": _text("statements", "statement_id", slug),
                "source_id": _text("statements", "source_id"),
                "actor_id": _text("statements", "actor_id"),
                "target_id": _text("statements", "target_id"),
                "stance": _text("statements", "stance", _one_of(STANCES)),
                "quote": _text("statements", "quote"),
                "start": _text("statements", "start", offset),
                "end": _text("statements", "end", offset),
                "cue": _text("statements", "cue"),
                "summary": _text("statements", "summary"),
                "mode": _text("statements", "mode", _one_of(MODES)),
                "date": _text("statements", "date", date),
                "date_precision": _text("statements", "date_precision", _one_of(DATE_PRECISIONS)),
                "confidence": _text(
                    "statements",
                    "confidence",
                    pa.Check(
                        lambda s: s.str.fullmatch(r"[0-9]*\.?[0-9]+") & pd.to_numeric(s, errors="coerce").between(0, 1),
                        error="a number from 0 to 1, such as 0.8",
                    ),
                ),
                "origin": _text("statements", "origin", _one_of(ORIGINS)),
                "reviewed": _text("statements", "reviewed", _one_of(BOOL_TEXT)),
            },
            strict=True,
            ordered=True,
        ),
        "events": pa.DataFrameSchema(
            {
                "event_id": _text("events", "event_id", slug),
                "story_id": _text("events", "story_id"),
                "date": _text("events", "date", date),
                "date_precision": _text("events", "date_precision", _one_of(DATE_PRECISIONS)),
                "role": _text("events", "role", _one_of(EVENT_ROLES)),
                "title": _text("events", "title"),
                "description": _text("events", "description"),
                "actor_ids": _text("events", "actor_ids"),
                "source_id": _text("events", "source_id"),
                "quote": _text("events", "quote"),
                "start": _text("events", "start", offset),
                "end": _text("events", "end", offset),
                "date_note": _text("events", "date_note"),
            },
            strict=True,
            ordered=True,
        ),
        "story_blocs": pa.DataFrameSchema(
            {
                "story_id": _text("story_blocs", "story_id"),
                "actor_id": _text("story_blocs", "actor_id"),
                "bloc": _text("story_blocs", "bloc"),
            },
            strict=True,
            ordered=True,
        ),
    }


def typed_schemas() -> dict[str, pa.DataFrameSchema]:
    """Schemas for the typed tables that `store.load` returns: a contract for callers and tests."""
    pa = _pandera()

    def text_columns(table: str, *names: str) -> dict[str, pa.Column]:
        return {name: pa.Column(str) for name in names}

    return {
        "stories": pa.DataFrameSchema(
            {
                **text_columns("stories", "story_id", "title", "description", "status", "default_target", "feeds"),
                "created": pa.Column("datetime64[ns]", nullable=True),
            },
            unique=["story_id"],
        ),
        "story_blocs": pa.DataFrameSchema(
            text_columns("story_blocs", *COLUMNS["story_blocs"]), unique=["story_id", "actor_id"]
        ),
        "sources": pa.DataFrameSchema(
            {
                **text_columns(
                    "sources",
                    "source_id",
                    "story_id",
                    "title",
                    "outlet",
                    "date_precision",
                    "url",
                    "path",
                    "sha256",
                    "format",
                    "original",
                    "original_sha256",
                    "text_extractor",
                    "copy_of",
                    "date_note",
                ),
                "published": pa.Column("datetime64[ns]", nullable=True),
                "added": pa.Column("datetime64[ns]", nullable=True),
            },
            unique=["source_id"],
        ),
        "actors": pa.DataFrameSchema(text_columns("actors", *COLUMNS["actors"]), unique=["actor_id"]),
        "targets": pa.DataFrameSchema(text_columns("targets", *COLUMNS["targets"]), unique=["target_id"]),
        "statements": pa.DataFrameSchema(
            {
                **text_columns(
                    "statements",
                    "statement_id",
                    "source_id",
                    "actor_id",
                    "target_id",
                    "quote",
                    "cue",
                    "summary",
                    "mode",
                    "date_precision",
                    "origin",
                ),
                "stance": pa.Column(STANCE_DTYPE),
                "start": pa.Column("int64", pa.Check.ge(0)),
                "end": pa.Column("int64", pa.Check.ge(0)),
                "date": pa.Column("datetime64[ns]", nullable=True),
                "confidence": pa.Column("float64", pa.Check.in_range(0, 1)),
                "reviewed": pa.Column(bool),
            },
            unique=["statement_id"],
        ),
        "events": pa.DataFrameSchema(
            {
                **text_columns(
                    "events",
                    "event_id",
                    "story_id",
                    "date_precision",
                    "role",
                    "title",
                    "description",
                    "actor_ids",
                    "source_id",
                    "quote",
                    "date_note",
                ),
                "date": pa.Column("datetime64[ns]", nullable=True),
                "start": pa.Column("int64"),
                "end": pa.Column("int64"),
            },
            unique=["event_id"],
        ),
    }


def slug(text: str) -> str:
    """An id that matches SLUG_PATTERN, from a name: accents dropped, lower case, words joined by hyphens
    ('Ministère des Affaires' -> 'ministere-des-affaires'); 'actor' when no letter or digit is left. The
    extractor makes its actor ids the same way (analysis.extract.actors.slug)."""
    return "-".join(re.findall(r"[a-z0-9]+", "".join(map(_fold, text)))) or "actor"


@functools.lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    """A character lower-cased and without its accent, one character for one."""
    base = unicodedata.normalize("NFKD", ch)[0]
    low = base.casefold()
    return low if len(low) == 1 else base
