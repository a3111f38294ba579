"""Every check a set of tables must pass: the schema of each table, unique ids, references between
tables, quotes verbatim at their offsets in sources whose sha256 still matches, and dates that agree
with their precision. Used by `store.load` and, before anything is written, by `saving.save`."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from analysis.data import schema
from analysis.data.schema import ID_COLUMN, Problem

SEED_PATH_PREFIX = "seeds/"


def seed_file(seeds_dir: Path, relative_path: str) -> Path | None:
    """Where a source's `path` points inside seeds_dir, or None when it could escape that folder."""
    if not relative_path.startswith(SEED_PATH_PREFIX):
        return None
    name = relative_path[len(SEED_PATH_PREFIX) :]
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        return None
    return seeds_dir / name


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
            if check.startswith("one of ") and isinstance(case.failure_case, str):
                near = [
                    option
                    for option in check[len("one of ") :].split(", ")
                    if option == case.failure_case.strip().lower()
                ]
                if near:
                    expected += f" (in lower case, without spaces: {near[0]!r})"
            problems.append(
                Problem(file, row, case.column, "" if pd.isna(case.failure_case) else str(case.failure_case), expected)
            )
        return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))
    return []


def _duplicate_problems(frame: pd.DataFrame, table: str) -> list[Problem]:
    values = schema.row_ids(frame, table)
    if len(set(values)) == len(values):
        return []
    column = schema.id_label(table)
    first_row: dict[str, int] = {}
    problems = []
    for number, value in enumerate(values, start=1):
        if value in first_row:
            problems.append(
                Problem(f"{table}.csv", number, column, value, f"a unique id (row {first_row[value]} has it already)")
            )
        else:
            first_row[value] = number
    return problems


def _reference_problems(
    frame: pd.DataFrame, table: str, column: str, known: set[str], target: str, *, many: bool = False
) -> list[Problem]:
    if not many and frame[column].isin(known).all():
        return []
    problems = []
    for number, value in enumerate(frame[column].tolist(), start=1):
        values = [v for v in value.split("|") if v] if many else [value]
        for item in values:
            if item not in known:
                problems.append(Problem(f"{table}.csv", number, column, item, f"an id from {target}"))
    return problems


# (sha256, bytes or None) of seed files this process has read, by (path, size, modification time): a save
# checks every source, and reading and hashing thousands of unchanged files made an archive's saves grow.
_SEEDS_READ: dict[tuple[str, int, int], tuple[str, bytes | None]] = {}
_SEEDS_KEPT = 50_000


def _read_seed(path: Path, *, keep: bool = True) -> tuple[str, bytes | None] | None:
    """(sha256, bytes) of a seed file (bytes None with keep=False), or None when it is not a file."""
    if not path.is_file():
        return None
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key in _SEEDS_READ and (_SEEDS_READ[key][1] is not None or not keep):
        return _SEEDS_READ[key]
    raw = path.read_bytes()
    found = (hashlib.sha256(raw).hexdigest(), raw if keep else None)
    if len(_SEEDS_READ) > _SEEDS_KEPT:
        _SEEDS_READ.clear()
    _SEEDS_READ[key] = found
    return found


def _source_texts(sources: pd.DataFrame, seeds_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    texts, problems = {}, []
    for number, row in enumerate(sources.itertuples(index=False), start=1):
        path = seed_file(seeds_dir, row.path)
        if path is None:
            problems.append(
                Problem(
                    "sources.csv", number, "path", row.path, "a file name under seeds/, such as 'seeds/article.txt'"
                )
            )
            continue
        try:  # a name too long for the file system, a folder, a file this user may not read: all problems
            raw = _read_seed(path)
        except (OSError, ValueError) as error:
            problems.append(
                Problem(
                    "sources.csv",
                    number,
                    "path",
                    row.path,
                    f"a readable file in {seeds_dir} ({getattr(error, 'strerror', None) or error})",
                )
            )
            continue
        if raw is None:
            problems.append(Problem("sources.csv", number, "path", row.path, f"a file that exists in {seeds_dir}"))
            continue
        actual, raw = raw
        if actual != row.sha256:
            problems.append(
                Problem(
                    "sources.csv",
                    number,
                    "sha256",
                    row.sha256,
                    f"the sha256 of {row.path}, which is {actual} (seeds must never be edited)",
                )
            )
            continue
        try:
            texts[row.source_id] = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Problem("sources.csv", number, "path", row.path, "a UTF-8 text file"))
        problems += _original_problems(row, number, seeds_dir)
    return texts, problems


def _original_problems(row, number: int, seeds_dir: Path) -> list[Problem]:
    """The original a text was taken from (a web page, a PDF): there, and unchanged, when one is named."""
    if not row.original and not row.original_sha256:
        return []
    if not row.original or not row.original_sha256:
        column = "original" if not row.original else "original_sha256"
        return [Problem("sources.csv", number, column, "", "both the original's path and its sha256, or neither")]
    path = seed_file(seeds_dir, row.original)
    if path is None or not path.is_file():
        return [Problem("sources.csv", number, "original", row.original, f"a file that exists in {seeds_dir}")]
    actual, _ = _read_seed(path, keep=False)
    if actual != row.original_sha256:
        expected = f"the sha256 of {row.original}, which is {actual} (originals must never be edited)"
        return [Problem("sources.csv", number, "original_sha256", row.original_sha256, expected)]
    return []


def _span_problems(frame: pd.DataFrame, table: str, texts: Mapping[str, str]) -> list[Problem]:
    problems = []
    file = f"{table}.csv"
    columns = (frame["source_id"].tolist(), frame["start"].tolist(), frame["end"].tolist(), frame["quote"].tolist())
    for number, (source_id, start_text, end_text, quote) in enumerate(zip(*columns), start=1):
        text = texts.get(source_id)
        if text is None or not (
            start_text.isascii() and start_text.isdigit() and end_text.isascii() and end_text.isdigit()
        ):
            continue  # an unreadable source or a malformed offset is reported elsewhere
        start, end = int(start_text), int(end_text)
        if not start < end <= len(text):
            problems.append(
                Problem(
                    file,
                    number,
                    "end" if start < end else "start",
                    f"{start}..{end}",
                    f"offsets with start < end <= {len(text)} (the length of the source text)",
                )
            )
        elif text[start:end] != quote:
            actual = text[start:end] if end - start <= 160 else text[start : start + 150] + "…"
            problems.append(
                Problem(file, number, "quote", quote, f"the source text at {start}..{end}, which is {actual!r}")
            )
    return problems


def _date_problems(frame: pd.DataFrame, table: str, date_column: str) -> list[Problem]:
    """A date must agree with its precision: a month is stored as its first day, a year as 1 January."""
    expectations = {
        "unknown": "an empty date when the precision is 'unknown'",
        "day": "a date when the precision is 'day'",
        "month": "the first day of the month when the precision is 'month'",
        "year": "1 January when the precision is 'year'",
        "decade": "1 January of the decade's first year when the precision is 'decade'",
    }
    values, precisions = frame[date_column].astype(str), frame["date_precision"].astype(str)
    valid = schema.calendar_dates(values)  # a bad precision or date is reported by the schema
    accepted = {
        "unknown": values == "",
        "day": values != "",
        "month": values.str.endswith("-01"),
        "year": values.str[5:] == "01-01",
        "decade": (values.str[3] == "0") & (values.str[5:] == "01-01"),
    }
    problems = []
    for precision, expectation in expectations.items():
        bad = (precisions == precision) & valid & ~accepted[precision].fillna(False)
        for number in (bad.to_numpy().nonzero()[0] + 1).tolist():
            problems.append(Problem(f"{table}.csv", number, date_column, values.iloc[number - 1], expectation))
    return sorted(problems, key=lambda p: p.row)


def _story_problems(raw: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """Links that must stay inside one story: a statement's target and source, an event and its source, a
    story and its default target. (A dangling id is reported once, by the reference checks.)"""
    needed = ("stories", "sources", "targets", "statements", "events")
    if not all(table in raw for table in needed):
        return []
    known = set(raw["stories"]["story_id"])  # a story that does not exist is reported once, as a reference
    source_story = {s: k for s, k in zip(raw["sources"]["source_id"], raw["sources"]["story_id"]) if k in known}
    target_story = {t: k for t, k in zip(raw["targets"]["target_id"], raw["targets"]["story_id"]) if k in known}
    problems = []
    statements = raw["statements"]
    for number, (source, target) in enumerate(zip(statements["source_id"], statements["target_id"]), start=1):
        story = source_story.get(source)
        if story is not None and target in target_story and target_story[target] != story:
            problems.append(
                Problem(
                    "statements.csv", number, "target_id", target, f"a target of story '{story}' (its source's story)"
                )
            )
    events = raw["events"]
    for number, (story, source) in enumerate(zip(events["story_id"], events["source_id"]), start=1):
        if story in known and source in source_story and source_story[source] != story:
            problems.append(
                Problem("events.csv", number, "source_id", source, f"a source of story '{story}' (the event's story)")
            )
    problems += _copy_problems(raw["sources"], source_story)
    stories = raw["stories"]
    for number, (story, target) in enumerate(zip(stories["story_id"], stories["default_target"]), start=1):
        if target and target in target_story and target_story[target] != story:
            problems.append(Problem("stories.csv", number, "default_target", target, f"a target of story '{story}'"))
    return problems


def _copy_problems(sources: pd.DataFrame, source_story: Mapping[str, str]) -> list[Problem]:
    """A near copy points at its original: another source of its story that is not a copy itself."""
    copies = dict(zip(sources["source_id"], sources["copy_of"]))
    problems = []
    for number, (source, original) in enumerate(copies.items(), start=1):
        if not original or original not in copies:  # a dangling id is reported by the reference checks
            continue
        if original == source or copies[original]:
            expected = "the id of the original, another source that is not a copy itself"
        elif source in source_story and source_story.get(original) != source_story[source]:
            expected = f"a source of story '{source_story[source]}' (the copy's story)"
        else:
            continue
        problems.append(Problem("sources.csv", number, "copy_of", original, expected))
    return problems


REFERENCES = (
    ("sources", "story_id", "stories", False),
    ("targets", "story_id", "stories", False),
    ("events", "story_id", "stories", False),
    ("story_blocs", "story_id", "stories", False),
    ("story_blocs", "actor_id", "actors", False),
    ("stories", "default_target", "targets", True),
    ("sources", "copy_of", "sources", True),
    ("statements", "source_id", "sources", False),
    ("statements", "actor_id", "actors", False),
    ("statements", "target_id", "targets", False),
    ("events", "source_id", "sources", False),
    ("events", "actor_ids", "actors", True),
)


def validate(
    raw: Mapping[str, pd.DataFrame], seeds_dir: Path, *, checked: Collection[str] = ()
) -> tuple[dict[str, str], list[Problem]]:
    """Check tables read as text. Returns (source texts by source_id, problems).

    Cross-table checks run even when a table has bad cells, so one pass reports everything; a check
    only skips the cells that another problem already names. `checked` names tables whose exact content
    already passed the checks that look at one table alone (schema, dates): a save passes the tables it
    does not change, so it re-checks only what it changes and the links between tables.
    """
    problems: list[Problem] = []
    for table, frame in raw.items():
        if table not in checked:
            problems += _schema_problems(frame, table, f"{table}.csv")
        problems += _duplicate_problems(frame, table)
    ids = {table: set(frame[ID_COLUMN[table]]) for table, frame in raw.items() if isinstance(ID_COLUMN[table], str)}
    texts: dict[str, str] = {}
    if "sources" in raw:
        texts, text_problems = _source_texts(raw["sources"], seeds_dir)
        problems += text_problems
    for table, column, target, many in REFERENCES:
        if table in raw and target in raw:
            problems += _reference_problems(raw[table], table, column, ids[target], f"{target}.csv", many=many)
    problems += _story_problems(raw)
    for table, date_column in (("sources", "published"), ("statements", "date"), ("events", "date")):
        if table in raw:
            if table not in checked:
                problems += _date_problems(raw[table], table, date_column)
            if table != "sources":
                problems += _span_problems(raw[table], table, texts)
    return texts, problems
