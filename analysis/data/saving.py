"""Saving the curated tables: locked, stale-checked, validated, crash-safe, and logged.

A save runs under one lock for the data folder and goes through these steps:
  1. the stale check (sha256 of each file against the `base` it was loaded with) and full validation;
  2. each new table is written to `.<table>.csv.pending` and fsynced;
  3. the journal (`.save-journal.json`: the change-log lines to append, the log's size before them and
     the sha256 of each new table) is written atomically. This is the commit point;
  4. the log lines are appended to changes.jsonl in one write, and fsynced;
  5. each pending file is renamed over its table (parents before children, so a reader between two
     renames never meets a statement whose actor is missing), and the folder is fsynced;
  6. the journal is removed.
A save that stops before 3 (a crash, a full disk) leaves the tables and the log as they were; its
pending files are removed by the next save. One that stops after 3 is finished by the next save or by
`recover`, which repeat steps 4-6 (they can be repeated safely). Either way each table file is at all
times one whole version, old or new, and the log never holds half a record.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import filelock
import pandas as pd

from analysis.data import schema, validation
from analysis.data.schema import COLUMNS
from analysis.data.store import DataError, file_sha256, read_tables

CHANGE_LOG = "changes.jsonl"
LOCK_FILE = ".data.lock"
JOURNAL = ".save-journal.json"
PENDING_SUFFIX = ".pending"
# Bytes per write call when a file is written. Crash tests make it small, to stop a save at many points.
WRITE_CHUNK = 1 << 20


class SaveError(Exception):
    """A save was refused or could not be done. The message says what happened and what to do next."""


class StaleError(SaveError):
    """The file changed on disk since it was loaded; the save was refused and nothing was written."""


class LockTimeout(SaveError):
    """Another save held the data lock for too long; nothing was written."""


class WriteError(SaveError):
    """The disk refused a write (full, read-only, no permission). `saved` says whether the change is on
    disk anyway (the failure came after the commit point, so the next save finishes it)."""

    def __init__(self, message: str, *, saved: bool = False):
        super().__init__(message)
        self.saved = saved


def _checkpoint(step: str) -> None:
    """Called between the fine-grained steps of a save; does nothing. The crash tests replace it to stop a
    saving process at each step and kill it there."""


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


def _write_synced(descriptor: int, data: bytes, step: str) -> None:
    """Write all of `data` to an open file in WRITE_CHUNK pieces, then fsync it."""
    view, written = memoryview(data), 0
    while written < len(view):
        written += os.write(descriptor, view[written : written + WRITE_CHUNK])
        _checkpoint(f"{step}: wrote {written} of {len(view)} bytes")
    os.fsync(descriptor)
    _checkpoint(f"{step}: fsynced")


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync it, then rename it over `path`: a reader (or
    a crash) sees either the old file or the new one, never a mix."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            _write_synced(handle, data, path.name)
        finally:
            os.close(handle)
        os.replace(temporary, path)
        _checkpoint(f"{path.name}: renamed into place")
        _fsync_directory(path.parent)
        _checkpoint(f"{path.name}: folder fsynced")
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _appended_only(before: pd.DataFrame | None, after: pd.DataFrame, table: str) -> bool:
    if before is None or len(after) <= len(before) or not len(before):
        return False
    columns = list(COLUMNS[table])
    head = after.iloc[: len(before)][columns].astype(str).reset_index(drop=True)
    return head.equals(before[columns].astype(str).reset_index(drop=True))


def _records(frame: pd.DataFrame, table: str) -> dict[str, dict[str, str]]:
    rows = frame[list(COLUMNS[table])].astype(str).to_dict("records")
    return dict(zip(schema.row_ids(frame, table), rows))


def _change_record(table: str, before: pd.DataFrame | None, after: pd.DataFrame, *, reason: str) -> dict:
    if _appended_only(before, after, table):  # rows added at the end: only they are new (an archive's saves)
        old, new = {}, _records(after.iloc[len(before) :], table)
    else:
        old = _records(before, table) if before is not None else {}
        new = _records(after, table)
    changed = sorted(i for i in old.keys() | new.keys() if old.get(i) != new.get(i))
    return {
        "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "table": table,
        "reason": reason,
        "row_ids": changed,
        "before": {i: old.get(i) for i in changed},
        "after": {i: new.get(i) for i in changed},
    }


def _pending(data_dir: Path, table: str) -> Path:
    return data_dir / f".{table}.csv{PENDING_SUFFIX}"


def _write_error(error: OSError, data_dir: Path, *, saved: bool = False) -> WriteError:
    """The message a person sees when the disk refuses a write: what happened, in plain words, and what
    to do next."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        what, todo = (
            f"The disk is full (no space left for the data folder {data_dir})",
            "Free some space on that disk, then save again.",
        )
    elif error.errno == errno.EROFS:
        what, todo = f"The data folder {data_dir} is on a read-only disk", "Move it to a writable disk."
    elif error.errno in (errno.EACCES, errno.EPERM):
        what, todo = f"This user may not write in the data folder {data_dir}", "Fix the folder's permissions."
    else:
        what, todo = (
            f"Writing to the data folder {data_dir} failed ({error.strerror or error})",
            "Check the disk, then save again.",
        )
    if saved:
        return WriteError(
            f"{what}. The change was recorded but not finished; the next save finishes it. {todo}", saved=True
        )
    return WriteError(f"{what}. Nothing was saved: the tables are as they were. {todo}")


def _discard_uncommitted(data_dir: Path) -> None:
    """Remove what a save that stopped before its commit point left behind: pending tables, temp files."""
    for path in [
        *data_dir.glob(f".*.csv{PENDING_SUFFIX}"),
        *data_dir.glob(".*.csv.*.tmp"),
        *data_dir.glob(f".{JOURNAL}.*.tmp"),
    ]:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _append_at(path: Path, size: int, data: bytes) -> None:
    """Make `path` its first `size` bytes followed by `data`, fsynced. Repeating it gives the same file, so
    an append that a crash cut short is completed, not doubled. `data` goes in one write call (a loop only
    on a short write), so a record is never half there."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)
    try:
        current = os.fstat(descriptor).st_size
        if current < size:
            raise SaveError(
                f"{path.name} is shorter than when the interrupted save began ({current} < {size} "
                "bytes): it was edited by hand. Restore it from git, then save again."
            )
        if current > size:
            os.ftruncate(descriptor, size)
            _checkpoint(f"{path.name}: cut back to {size} bytes")
        os.lseek(descriptor, size, os.SEEK_SET)
        view, written = memoryview(data), 0
        while written < len(view):
            written += os.write(descriptor, view[written:])
        _checkpoint(f"{path.name}: appended {len(view)} bytes")
        os.fsync(descriptor)
        _checkpoint(f"{path.name}: fsynced")
    finally:
        os.close(descriptor)


def _finish(data_dir: Path, plan: Mapping, *, recovering: bool) -> None:
    """Steps 4-6 of a save whose journal is on disk: append the log lines, rename the pending tables into
    place, remove the journal. Safe to repeat after a crash at any point."""
    _append_at(data_dir / CHANGE_LOG, plan["log_size"], plan["log_append"].encode("utf-8"))
    for table, digest in plan["tables"].items():
        pending, target = _pending(data_dir, table), data_dir / f"{table}.csv"
        if pending.exists():
            if recovering and file_sha256(pending) != digest:
                raise SaveError(
                    f"An interrupted save cannot be finished: {pending.name} is damaged. Delete "
                    f"{JOURNAL} and {pending.name} in {data_dir}; the change log then has one "
                    "record too many (the last), which you should remove by hand."
                )
            os.replace(pending, target)
            _checkpoint(f"{table}.csv: renamed into place")
        elif file_sha256(target) != digest:
            raise SaveError(
                f"An interrupted save cannot be finished: {table}.csv was changed by hand since. "
                f"Check it, then delete {JOURNAL} in {data_dir}."
            )
    _fsync_directory(data_dir)
    _checkpoint("renames fsynced")
    (data_dir / JOURNAL).unlink()
    _checkpoint("journal removed")
    _fsync_directory(data_dir)
    _checkpoint("done")


def _recover(data_dir: Path) -> bool:
    """Under the lock: finish a save that stopped after its commit point and remove what one that stopped
    before it left behind. Returns True if a save was finished."""
    journal = data_dir / JOURNAL
    finished = False
    if journal.exists():
        _finish(data_dir, json.loads(journal.read_text(encoding="utf-8")), recovering=True)
        finished = True
    _discard_uncommitted(data_dir)
    return finished


def recover(data_dir: Path | str, *, lock_timeout: float = 10.0) -> bool:
    """Finish or clear an interrupted save (every save does this first). True if a save was finished."""
    data_dir = Path(data_dir)
    try:
        with filelock.FileLock(data_dir / LOCK_FILE, timeout=lock_timeout):
            try:
                return _recover(data_dir)
            except OSError as error:
                raise _write_error(error, data_dir, saved=True) from error
    except filelock.Timeout as error:
        raise LockTimeout(
            f"Another save is still running (the data lock was held for over {lock_timeout:g} s). "
            "Try again in a moment."
        ) from error


def _commit(
    data_dir: Path, raw: Mapping[str, pd.DataFrame], new_raw: Mapping[str, pd.DataFrame], tables: list[str], reason: str
) -> dict[str, str]:
    """Steps 2-6 of a save (see the top of this section). Returns the new sha256 of each table."""
    contents = {table: to_csv_bytes(new_raw[table], table) for table in tables}
    log_path = data_dir / CHANGE_LOG
    plan = {
        "log_size": log_path.stat().st_size if log_path.exists() else 0,
        "log_append": "".join(
            json.dumps(_change_record(table, raw.get(table), new_raw[table], reason=reason), ensure_ascii=False) + "\n"
            for table in tables
        ),
        "tables": {table: hashlib.sha256(data).hexdigest() for table, data in contents.items()},
    }
    try:
        for table, data in contents.items():
            descriptor = os.open(_pending(data_dir, table), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            try:
                _write_synced(descriptor, data, f"{table}.csv (pending)")
            finally:
                os.close(descriptor)
        _fsync_directory(data_dir)
        _checkpoint("pending files fsynced")
        atomic_write(data_dir / JOURNAL, json.dumps(plan, ensure_ascii=False).encode("utf-8"))
    except OSError as error:  # before the commit point (or at it, if the journal's rename is in doubt): undo
        (data_dir / JOURNAL).unlink(missing_ok=True)
        _discard_uncommitted(data_dir)
        raise _write_error(error, data_dir) from error
    try:
        _finish(data_dir, plan, recovering=False)
    except OSError as error:
        # After the commit point. While no table has been renamed, the save can still be undone: cut the
        # log back first, then remove the journal (a crash in between is finished by the next save).
        if any(not _pending(data_dir, table).exists() for table in tables):
            raise _write_error(error, data_dir, saved=True) from error
        try:
            if plan["log_size"]:
                _append_at(log_path, plan["log_size"], b"")
            else:
                log_path.unlink(missing_ok=True)
            (data_dir / JOURNAL).unlink()
            _discard_uncommitted(data_dir)
        except OSError:
            raise _write_error(error, data_dir, saved=True) from error
        raise _write_error(error, data_dir) from error
    return dict(plan["tables"])


# sha256 of table files this process has seen pass the checks that look at one table alone: a later save
# that leaves such a file as it is does not check it again (validating every table took most of a save).
_CHECKED: dict[str, str] = {}


def save(
    data_dir: Path | str,
    seeds_dir: Path | str,
    changes: Mapping[str, pd.DataFrame],
    *,
    base: Mapping[str, str],
    reason: str = "",
    lock_timeout: float = 10.0,
) -> dict[str, str]:
    """Replace whole tables, safely. Returns the new sha256 of each saved file.

    `changes` maps a table name to its complete new content (text cells, in the file's columns); `base`
    maps each of those tables to the sha256 of the file as it was loaded. Under a file lock, an interrupted
    earlier save is finished or cleared first; then the save is refused with StaleError if any file changed
    since it was loaded (someone else saved), and with DataError if the tables would no longer validate
    together. Otherwise every file is replaced atomically, all or none, and the change is appended to
    changes.jsonl (time, table, row ids, before/after). A disk that refuses a write raises WriteError.
    """
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)

    def refuse_if_stale() -> None:
        for table in changes:
            if file_sha256(data_dir / f"{table}.csv") != base.get(table):
                raise StaleError(
                    f"{table}.csv changed since you loaded it (someone else saved). Reload the "
                    "page to see the new data, then make your change again. Nothing was saved."
                )

    refuse_if_stale()  # a quick look first: a save that is stale already fails without queueing for the lock
    try:
        with filelock.FileLock(data_dir / LOCK_FILE, timeout=lock_timeout, poll_interval=0.01):
            _checkpoint("locked")
            try:
                _recover(data_dir)
            except OSError as error:
                raise _write_error(error, data_dir) from error
            refuse_if_stale()  # the check that counts: under the lock, after any interrupted save is finished
            _checkpoint("stale check passed")
            unchanged = {
                table: file_sha256(data_dir / f"{table}.csv") for table in schema.TABLES if table not in changes
            }
            raw, problems = read_tables(data_dir)
            if problems:
                raise DataError(problems)
            new_raw = {**raw, **{table: frame[list(COLUMNS[table])].astype(str) for table, frame in changes.items()}}
            _, problems = validation.validate(
                new_raw,
                seeds_dir,
                checked={table for table, digest in unchanged.items() if _CHECKED.get(table) == digest},
            )
            if problems:
                raise DataError(problems)
            _checkpoint("validated")
            written = _commit(data_dir, raw, new_raw, [t for t in schema.TABLES if t in changes], reason)
            _CHECKED.update({**unchanged, **written})
            return written
    except filelock.Timeout as error:
        raise LockTimeout(
            f"Another save is still running (the data lock was held for over {lock_timeout:g} s). "
            "Nothing was saved; try again in a moment."
        ) from error


def add_seed(seeds_dir: Path | str, name: str, content: str | bytes) -> tuple[str, str]:
    """Store a new document (its text, or an original's bytes) under seeds/, atomically, never overwriting
    a different file. Returns (the `path` for sources.csv, its sha256)."""
    seeds_dir = Path(seeds_dir)
    data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
    target = seeds_dir / name
    if validation.seed_file(seeds_dir, f"seeds/{name}") != target:
        raise ValueError(f"not a plain file name: {name!r}")
    digest = hashlib.sha256(data).hexdigest()
    if target.exists():
        if file_sha256(target) != digest:
            raise FileExistsError(f"seeds/{name} already exists with other text; choose another title")
    else:
        try:
            atomic_write(target, data)
        except OSError as error:
            raise _write_error(error, seeds_dir) from error
    return f"seeds/{name}", digest


def replay(start: Mapping[str, pd.DataFrame], log_path: Path | str) -> dict[str, pd.DataFrame]:
    """Apply changes.jsonl to the tables as they were before it: the result must equal the files now.
    A last line without its newline is an append that a crash cut short (the next save repairs it): skipped."""
    tables = {name: _records(frame, name) for name, frame in start.items()}
    with open(log_path, encoding="utf-8", newline="") as stream:
        for line in stream:
            if not line.endswith("\n"):
                break
            record = json.loads(line)
            rows = tables.setdefault(record["table"], {})
            for row_id in record["row_ids"]:
                after = record["after"][row_id]
                if after is None:
                    rows.pop(row_id, None)
                else:
                    rows[row_id] = after
    return {
        name: pd.DataFrame(list(rows.values()), columns=list(COLUMNS[name]), dtype=str) for name, rows in tables.items()
    }


def append_record(data_dir: Path | str, file_name: str, record: dict, *, lock_timeout: float = 10.0) -> None:
    """Append one JSON line to a record file of the data folder (briefings, rejections), in one write,
    fsynced, under the data folder's lock: a crash leaves at most a cut last line, which readers skip."""
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
    data_dir = Path(data_dir)
    with (
        filelock.FileLock(data_dir / LOCK_FILE, timeout=lock_timeout),
        open(data_dir / file_name, "a", encoding="utf-8") as stream,
    ):
        stream.write(line)
        stream.flush()
        os.fsync(stream.fileno())


def read_records(data_dir: Path | str, file_name: str) -> list[dict]:
    """Every whole JSON line of a record file (none if it does not exist)."""
    path = Path(data_dir) / file_name
    if not path.is_file():
        return []
    found = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            try:
                found.append(json.loads(line))
            except ValueError:
                continue
    return found
