"""Read and validate the curated tables.

`load` either returns every table typed and cross-checked, or raises one `DataError` that lists every
problem it found, each naming the file, row, column, value and what was expected.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis import schema
from analysis.schema import COLUMNS, ID_COLUMN, STANCE_DTYPE, STANCE_SCORES, Problem

SEED_PATH_PREFIX = "seeds/"


class DataError(Exception):
    """The tables are not valid. `problems` holds each one; str() lists them a line each."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True, eq=False)
class Tables:
    sources: pd.DataFrame
    actors: pd.DataFrame
    targets: pd.DataFrame
    statements: pd.DataFrame
    events: pd.DataFrame
    texts: Mapping[str, str] = field(repr=False)
    # Statements joined with their actor, target and source: what filters and metrics work on.
    view: pd.DataFrame = field(repr=False)
    fingerprint: str = ""


def fingerprint(data_dir: Path | str, seeds_dir: Path | str) -> str:
    """A content hash of every table and seed file: the cache key for everything derived from them."""
    digest = hashlib.sha256()
    for directory, pattern in ((Path(data_dir), "*.csv"), (Path(seeds_dir), "*")):
        if not directory.is_dir():
            digest.update(f"missing:{directory}".encode())
            continue
        for path in sorted(directory.glob(pattern)):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def seed_file(seeds_dir: Path, relative_path: str) -> Path | None:
    """Where a source's `path` points inside seeds_dir, or None when it could escape that folder."""
    if not relative_path.startswith(SEED_PATH_PREFIX):
        return None
    name = relative_path[len(SEED_PATH_PREFIX):]
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        return None
    return seeds_dir / name


def read_raw(path: Path, table: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one CSV with every cell as text. Returns (frame, problems); frame is None if unusable."""
    name = path.name
    if not path.is_file():
        return None, [Problem(name, None, None, str(path), "the file to exist")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, None, None, f"byte 0x{raw[error.start]:02x} on line {line}",
                              "UTF-8 text (re-save the file as UTF-8)")]
    if "\0" in text:
        line = text[: text.index("\0")].count("\n") + 1
        return None, [Problem(name, None, None, f"a NUL byte on line {line}", "text without NUL bytes")]
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        return None, [Problem(name, None, None, str(error), "well-formed CSV (check the quoting)")]
    expected = list(COLUMNS[table])
    if not records:
        return None, [Problem(name, None, None, "an empty file", "a header row: " + ",".join(expected))]
    header, body = records[0], records[1:]
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = "; ".join(filter(None, [
            f"missing {', '.join(missing)}" if missing else "",
            f"unexpected {', '.join(extra)}" if extra else "",
            "columns out of order" if not missing and not extra else "",
        ]))
        return None, [Problem(name, None, None, ",".join(header)[:200] + f" ({detail})",
                              "the header " + ",".join(expected))]
    problems = [
        Problem(name, number, None, f"{len(record)} fields", f"{len(expected)} fields, as in the header")
        for number, record in enumerate(body, start=1)
        if len(record) != len(expected) and record
    ]
    if problems:
        return None, problems
    rows = [record for record in body if record]
    frame = pd.DataFrame(rows, columns=expected, dtype=str) if rows else pd.DataFrame(
        {column: pd.Series([], dtype=str) for column in expected})
    return frame, []


def _schema_problems(frame: pd.DataFrame, table: str, file: str) -> list[Problem]:
    try:
        schema.raw_schemas()[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        problems = []
        for case in errors.failure_cases.itertuples(index=False):
            index = case.index
            row = int(index) + 1 if index is not None and not pd.isna(index) else None
            check = str(case.check)
            expected = check if " " in check or check.startswith("one of") else f"to pass {check}"
            problems.append(Problem(file, row, case.column, "" if pd.isna(case.failure_case)
                                    else str(case.failure_case), expected))
        return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))
    return []


def _duplicate_problems(frame: pd.DataFrame, table: str) -> list[Problem]:
    column = ID_COLUMN[table]
    first_row: dict[str, int] = {}
    problems = []
    for number, value in enumerate(frame[column], start=1):
        if value in first_row:
            problems.append(Problem(f"{table}.csv", number, column, value,
                                    f"a unique id (row {first_row[value]} has it already)"))
        else:
            first_row[value] = number
    return problems


def _reference_problems(frame: pd.DataFrame, table: str, column: str, known: set[str], target: str,
                        *, many: bool = False) -> list[Problem]:
    problems = []
    for number, value in enumerate(frame[column], start=1):
        values = [v for v in value.split("|") if v] if many else [value]
        for item in values:
            if item not in known:
                problems.append(Problem(f"{table}.csv", number, column, item, f"an id from {target}"))
    return problems


def _source_texts(sources: pd.DataFrame, seeds_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    texts, problems = {}, []
    for number, row in enumerate(sources.itertuples(index=False), start=1):
        path = seed_file(seeds_dir, row.path)
        if path is None:
            problems.append(Problem("sources.csv", number, "path", row.path,
                                    "a file name under seeds/, such as 'seeds/article.txt'"))
            continue
        if not path.is_file():
            problems.append(Problem("sources.csv", number, "path", row.path, f"a file that exists in {seeds_dir}"))
            continue
        raw = path.read_bytes()
        actual = hashlib.sha256(raw).hexdigest()
        if actual != row.sha256:
            problems.append(Problem("sources.csv", number, "sha256", row.sha256,
                                    f"the sha256 of {row.path}, which is {actual} (seeds must never be edited)"))
            continue
        try:
            texts[row.source_id] = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Problem("sources.csv", number, "path", row.path, "a UTF-8 text file"))
    return texts, problems


def _span_problems(frame: pd.DataFrame, table: str, texts: Mapping[str, str]) -> list[Problem]:
    problems = []
    for number, row in enumerate(frame.itertuples(index=False), start=1):
        text = texts.get(row.source_id)
        if text is None or not (row.start.isascii() and row.start.isdigit() and row.end.isascii()
                                and row.end.isdigit()):
            continue  # an unreadable source or a malformed offset is reported elsewhere
        start, end = int(row.start), int(row.end)
        file = f"{table}.csv"
        if not start < end <= len(text):
            problems.append(Problem(file, number, "end" if start < end else "start", f"{start}..{end}",
                                    f"offsets with start < end <= {len(text)} (the length of the source text)"))
        elif text[start:end] != row.quote:
            problems.append(Problem(file, number, "quote", row.quote,
                                    f"the source text at {start}..{end}, which is {text[start:end]!r}"))
    return problems


def _date_problems(frame: pd.DataFrame, table: str, date_column: str) -> list[Problem]:
    """A date must agree with its precision: a month is stored as its first day, a year as 1 January."""
    rules = {
        "unknown": (lambda d: d == "", "an empty date when the precision is 'unknown'"),
        "day": (lambda d: d != "", "a date when the precision is 'day'"),
        "month": (lambda d: d.endswith("-01"), "the first day of the month when the precision is 'month'"),
        "year": (lambda d: d[5:] == "01-01", "1 January when the precision is 'year'"),
        "decade": (lambda d: d[3] == "0" and d[5:] == "01-01",
                   "1 January of the decade's first year when the precision is 'decade'"),
    }
    problems = []
    for number, (value, precision) in enumerate(zip(frame[date_column], frame["date_precision"]), start=1):
        rule = rules.get(precision)
        if rule is None or not schema.is_calendar_date(value):
            continue  # a bad precision or date is reported by the schema
        accepted, expectation = rule
        if not accepted(value):
            problems.append(Problem(f"{table}.csv", number, date_column, value, expectation))
    return problems


def _typed(raw: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    def dates(series: pd.Series) -> pd.Series:
        return pd.to_datetime(series.replace("", None), format="%Y-%m-%d").astype("datetime64[ns]")

    sources = raw["sources"].assign(published=lambda f: dates(f["published"]), added=lambda f: dates(f["added"]))
    statements = raw["statements"].assign(
        stance=lambda f: f["stance"].astype(STANCE_DTYPE),
        start=lambda f: f["start"].astype("int64"),
        end=lambda f: f["end"].astype("int64"),
        date=lambda f: dates(f["date"]),
        confidence=lambda f: f["confidence"].astype("float64"),
        reviewed=lambda f: f["reviewed"].map(schema.BOOL_TEXT).astype(bool),
    )
    events = raw["events"].assign(
        date=lambda f: dates(f["date"]),
        start=lambda f: f["start"].astype("int64"),
        end=lambda f: f["end"].astype("int64"),
    )
    return {**raw, "sources": sources, "statements": statements, "events": events}


def statement_view(statements: pd.DataFrame, actors: pd.DataFrame, targets: pd.DataFrame,
                   sources: pd.DataFrame) -> pd.DataFrame:
    """Statements with the actor's name, bloc, kind and country, the target label and the source title."""
    actor_part = actors.rename(columns={"name": "actor_name"})[
        ["actor_id", "actor_name", "bloc", "kind", "country", "party"]]
    target_part = targets.rename(columns={"label": "target_label"})[["target_id", "target_label"]]
    source_part = sources.rename(columns={"title": "source_title"})[["source_id", "source_title"]]
    view = (statements.merge(actor_part, on="actor_id", how="left")
            .merge(target_part, on="target_id", how="left")
            .merge(source_part, on="source_id", how="left"))
    view["score"] = view["stance"].map(STANCE_SCORES).astype("float64")
    return view


def load(data_dir: Path | str = "data", seeds_dir: Path | str = "seeds") -> Tables:
    """Read, validate and type every table. Raises DataError listing every problem found.

    Cross-table checks run even when a table has bad cells, so one pass reports everything; a check
    only skips the cells that another problem already names.
    """
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    raw: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for table in schema.TABLES:
        frame, read_problems = read_raw(data_dir / f"{table}.csv", table)
        problems += read_problems
        if frame is not None:
            raw[table] = frame
            problems += _schema_problems(frame, table, f"{table}.csv")
            problems += _duplicate_problems(frame, table)

    ids = {table: set(frame[ID_COLUMN[table]]) for table, frame in raw.items()}
    texts: dict[str, str] = {}
    if "sources" in raw:
        texts, text_problems = _source_texts(raw["sources"], seeds_dir)
        problems += text_problems
    references = (("statements", "source_id", "sources", False), ("statements", "actor_id", "actors", False),
                  ("statements", "target_id", "targets", False), ("events", "source_id", "sources", False),
                  ("events", "actor_ids", "actors", True))
    for table, column, target, many in references:
        if table in raw and target in raw:
            problems += _reference_problems(raw[table], table, column, ids[target], f"{target}.csv", many=many)
    for table, date_column in (("sources", "published"), ("statements", "date"), ("events", "date")):
        if table in raw:
            problems += _date_problems(raw[table], table, date_column)
            if table != "sources":
                problems += _span_problems(raw[table], table, texts)
    if problems or len(raw) < len(schema.TABLES):
        raise DataError(problems)

    typed = _typed(raw)
    return Tables(
        **typed,
        texts=texts,
        view=statement_view(typed["statements"], typed["actors"], typed["targets"], typed["sources"]),
        fingerprint=fingerprint(data_dir, seeds_dir),
    )
