"""Read and validate the curated tables.

`load` either returns every table typed and cross-checked, or raises one `DataError` that lists every
problem it found, each naming the file, row, column, value and what was expected.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import filelock
import pandas as pd

from analysis import parquet_cache, schema, validation
from analysis.schema import COLUMNS, STANCE_DTYPE, STANCE_SCORES, Problem
from analysis.selection import Selection


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
    # sha256 of each table file as loaded: the `base` a later save is checked against.
    file_hashes: Mapping[str, str] = field(default_factory=dict, repr=False)
    # Arrays derived from `view` once per dataset (codes, sort orders): see analysis/selection.py.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def source_ids(self) -> list[str]:
        if "source_ids" not in self.derived:
            self.derived["source_ids"] = self.sources["source_id"].astype(str).tolist()
        return self.derived["source_ids"]

    def selection(self) -> Selection:
        """Every statement, as a Selection that shares this dataset's derived arrays."""
        return Selection(self.view, shared=self.derived)


CACHE_VERSION = "1"


def table_hashes(data_dir: Path | str) -> dict[str, str]:
    """sha256 of every CSV in data_dir, by file name: read once, used for the cache key and stale checks."""
    data_dir = Path(data_dir)
    return {path.name: file_sha256(path) for path in sorted(data_dir.glob("*.csv"))} if data_dir.is_dir() else {}


def fingerprint(data_dir: Path | str, seeds_dir: Path | str, *, hashes: Mapping[str, str] | None = None) -> str:
    """The cache key for everything derived from the data: the bytes of every table, and the name, size
    and modification time of every seed (seeds are never edited, and their hashes are checked on a cold
    load, so reading them all again on every start would only cost time)."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for name, sha in (table_hashes(data_dir) if hashes is None else hashes).items():
        digest.update(f"{name}\0{sha}\0".encode())
    seeds_dir = Path(seeds_dir)
    for path in sorted(seeds_dir.iterdir()) if seeds_dir.is_dir() else []:
        if path.is_file():
            info = path.stat()
            digest.update(f"{path.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


class SourceTexts(Mapping):
    """Source texts by source_id, read from seeds/ when first asked for: a warm start reads none."""

    def __init__(self, paths: Mapping[str, Path], preloaded: Mapping[str, str] | None = None):
        self._paths = dict(paths)
        self._texts = dict(preloaded or {})

    def __getitem__(self, source_id: str) -> str:
        if source_id not in self._texts:
            self._texts[source_id] = self._paths[source_id].read_text(encoding="utf-8")
        return self._texts[source_id]

    def __iter__(self):
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


CATEGORICAL_VIEW_COLUMNS = ("source_id", "actor_id", "target_id", "mode", "date_precision", "origin", "actor_name",
                            "bloc", "kind", "country", "party", "target_label", "source_title")


def _read_fast(path: Path, table: str) -> pd.DataFrame | None:
    """pandas' C parser for a well-formed file (a million rows in a second or two); None sends the file
    to the careful reader, which names every problem."""
    try:
        frame = pd.read_csv(path, dtype="str", keep_default_na=False, na_filter=False, encoding="utf-8-sig",
                            engine="c")
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError):
        return None
    if list(frame.columns) != list(COLUMNS[table]) or frame.isna().to_numpy().any():
        return None
    return frame


def read_raw(path: Path, table: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one CSV with every cell as text. Returns (frame, problems); frame is None if unusable."""
    name = path.name
    if not path.is_file():
        return None, [Problem(name, None, None, str(path), "the file to exist")]
    raw = path.read_bytes()
    if b"\0" not in raw:
        fast = _read_fast(path, table)
        if fast is not None:
            return fast, []
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
    # Categories make filtering and grouping a million rows fast, and the frames small.
    for column in CATEGORICAL_VIEW_COLUMNS:
        view[column] = view[column].astype("category")
    return view


def read_tables(data_dir: Path) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Every table as read from its CSV (cells as text), and the problems that stopped any from being read."""
    raw: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for table in schema.TABLES:
        frame, read_problems = read_raw(data_dir / f"{table}.csv", table)
        problems += read_problems
        if frame is not None:
            raw[table] = frame
    return raw, problems


def load(data_dir: Path | str = "data", seeds_dir: Path | str = "seeds", *, cache: bool = True) -> Tables:
    """Read, validate and type every table. Raises DataError listing every problem found.

    The first load of a given content validates everything and leaves typed Parquet copies in
    data/.cache/; later loads of the same content (same table bytes, same seed files) read those.
    """
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    hashes = table_hashes(data_dir)
    key = fingerprint(data_dir, seeds_dir, hashes=hashes)
    file_hashes = {table: hashes.get(f"{table}.csv", "") for table in schema.TABLES}
    cache_dir = data_dir / ".cache"
    if cache:
        frames = parquet_cache.read(cache_dir, key)
        if frames is not None:
            view = frames.pop("view")
            sources = frames["sources"]
            texts = SourceTexts({sid: validation.seed_file(seeds_dir, path)
                                 for sid, path in zip(sources["source_id"], sources["path"])})
            return Tables(**frames, texts=texts, view=view, fingerprint=key, file_hashes=file_hashes)
    raw, problems = read_tables(data_dir)
    texts, found = validation.validate(raw, seeds_dir)
    problems += found
    if problems or len(raw) < len(schema.TABLES):
        raise DataError(problems)
    typed = _typed(raw)
    tables = Tables(
        **typed,
        texts=SourceTexts({sid: validation.seed_file(seeds_dir, path)
                           for sid, path in zip(typed["sources"]["source_id"], typed["sources"]["path"])}, texts),
        view=statement_view(typed["statements"], typed["actors"], typed["targets"], typed["sources"]),
        fingerprint=key,
        file_hashes=file_hashes,
    )
    if cache:
        parquet_cache.write(cache_dir, key, {**{t: getattr(tables, t) for t in schema.TABLES}, "view": tables.view})
    return tables


# --- Saving -------------------------------------------------------------------------------------------

CHANGE_LOG = "changes.jsonl"
LOCK_FILE = ".data.lock"


class StaleError(Exception):
    """The file changed on disk since it was loaded; the save was refused and nothing was written."""


class LockTimeout(Exception):
    """Another save held the data lock for too long; nothing was written."""


def file_sha256(path: Path) -> str:
    if not path.exists():
        return ""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


def to_csv_bytes(frame: pd.DataFrame, table: str) -> bytes:
    """A table as the CSV files in data/ are written: UTF-8, a header, \\n line ends, minimal quoting."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS[table])
    writer.writerows(frame[list(COLUMNS[table])].astype(str).itertuples(index=False, name=None))
    return buffer.getvalue().encode("utf-8")


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync it, then rename it over `path`: a reader (or
    a crash) sees either the old file or the new one, never a mix."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        _fsync_directory(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _records(frame: pd.DataFrame, table: str) -> dict[str, dict[str, str]]:
    id_column = schema.ID_COLUMN[table]
    return {row[id_column]: row for row in frame[list(COLUMNS[table])].astype(str).to_dict("records")}


def _change_record(table: str, before: pd.DataFrame | None, after: pd.DataFrame, *, reason: str) -> dict:
    old = _records(before, table) if before is not None else {}
    new = _records(after, table)
    changed = sorted(i for i in old.keys() | new.keys() if old.get(i) != new.get(i))
    return {"time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "table": table, "reason": reason,
            "row_ids": changed, "before": {i: old.get(i) for i in changed}, "after": {i: new.get(i) for i in changed}}


def save(data_dir: Path | str, seeds_dir: Path | str, changes: Mapping[str, pd.DataFrame], *,
         base: Mapping[str, str], reason: str = "", lock_timeout: float = 10.0) -> dict[str, str]:
    """Replace whole tables, safely. Returns the new sha256 of each saved file.

    `changes` maps a table name to its complete new content (text cells, in the file's columns); `base`
    maps each of those tables to the sha256 of the file as it was loaded. Under a file lock, the save is
    refused with StaleError if any file changed since (someone else saved), and with DataError if the
    tables would no longer validate together. Otherwise each file is replaced atomically and the change
    is appended to changes.jsonl (time, table, row ids, before/after).
    """
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    try:
        with filelock.FileLock(data_dir / LOCK_FILE, timeout=lock_timeout):
            for table in changes:
                if file_sha256(data_dir / f"{table}.csv") != base.get(table):
                    raise StaleError(f"{table}.csv changed since you loaded it (someone else saved). Reload the "
                                     "page to see the new data, then make your change again. Nothing was saved.")
            raw, problems = read_tables(data_dir)
            if problems:
                raise DataError(problems)
            new_raw = {**raw, **{table: frame[list(COLUMNS[table])].astype(str) for table, frame in changes.items()}}
            _, problems = validation.validate(new_raw, seeds_dir)
            if problems:
                raise DataError(problems)
            written = {}
            log_lines = []
            for table in changes:
                data = to_csv_bytes(new_raw[table], table)
                atomic_write(data_dir / f"{table}.csv", data)
                written[table] = hashlib.sha256(data).hexdigest()
                log_lines.append(json.dumps(_change_record(table, raw.get(table), new_raw[table], reason=reason),
                                            ensure_ascii=False))
            _append_log(data_dir / CHANGE_LOG, log_lines)
            return written
    except filelock.Timeout as error:
        raise LockTimeout(f"Another save is still running (the data lock was held for over {lock_timeout:g} s). "
                          "Nothing was saved; try again in a moment.") from error


def _append_log(path: Path, lines: list[str]) -> None:
    """One write of whole lines, then fsync: a record is never half there."""
    if not lines:
        return
    with open(path, "ab") as stream:
        stream.write(("\n".join(lines) + "\n").encode("utf-8"))
        stream.flush()
        os.fsync(stream.fileno())


def add_seed(seeds_dir: Path | str, name: str, text: str) -> tuple[str, str]:
    """Store a new document under seeds/ (atomically, never overwriting a different file).
    Returns (the `path` for sources.csv, its sha256)."""
    seeds_dir = Path(seeds_dir)
    data = text.encode("utf-8")
    target = seeds_dir / name
    if validation.seed_file(seeds_dir, f"seeds/{name}") != target:
        raise ValueError(f"not a plain file name: {name!r}")
    digest = hashlib.sha256(data).hexdigest()
    if target.exists():
        if file_sha256(target) != digest:
            raise FileExistsError(f"seeds/{name} already exists with other text; choose another title")
    else:
        atomic_write(target, data)
    return f"seeds/{name}", digest


def replay(start: Mapping[str, pd.DataFrame], log_path: Path | str) -> dict[str, pd.DataFrame]:
    """Apply changes.jsonl to the tables as they were before it: the result must equal the files now."""
    tables = {name: _records(frame, name) for name, frame in start.items()}
    with open(log_path, encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            rows = tables.setdefault(record["table"], {})
            for row_id in record["row_ids"]:
                after = record["after"][row_id]
                if after is None:
                    rows.pop(row_id, None)
                else:
                    rows[row_id] = after
    return {name: pd.DataFrame(list(rows.values()), columns=list(COLUMNS[name]), dtype=str)
            for name, rows in tables.items()}
