"""Reading one table file: fast when it is well formed, careful (every problem named) when it is not.

`read` returns the table with every cell as text, or the problems that stop it from being read, each
naming the file, the row (1-based, the header not counted), the column where one can be named, and
what was expected. A well-formed file goes through pyarrow's CSV reader (a million rows in about a
second); anything else goes through the careful reader, which is slow but explains itself. The two
agree: the fast reader accepts only what the careful one accepts, and returns the same cells.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from analysis.data.schema import Problem

# The careful reader stops listing a file's problems after this many and says how many it left out.
MAX_PROBLEMS = 20
OTHER_DELIMITERS = (";", "\t", "|")
_QUOTE = ord('"')
_FIELD_EDGE = np.zeros(256, dtype=bool)
_FIELD_EDGE[[ord(","), ord("\n"), ord("\r")]] = True
# A bad byte, decoded with surrogateescape, or a NUL.
_BAD_CHARACTER = re.compile("[\udc80-\udcff\x00]")
# Where the careful scanner stops: a quote, a delimiter or a line end.
_SPECIAL = re.compile('[",\r\n]')
_LINE_END = re.compile(r"\r\n|\r|\n")

# A field as long as a whole document is legal; csv's default limit of 128 KiB per field is not a rule of
# the format, and the fast reader has no such limit.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))


def read(raw: bytes, name: str, columns: Sequence[str]) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The table in `raw` (the bytes of file `name`) with `columns`, cells as text; or (None, problems)."""
    if b"\0" not in raw and quoting_is_strict(raw):
        fast = read_fast(raw, columns)
        if fast is not None:
            return fast, []
    return read_careful(raw, name, columns)


def quoting_is_strict(raw: bytes) -> bool:
    """True when every double quote opens a field, closes one just before a comma or line end, or is
    part of a doubled quote inside a quoted field. pyarrow quietly accepts text after a closing quote
    ('"a"b' reads as 'ab'); csv's strict mode refuses it, and such a file goes to the careful reader.

    Vectorised over runs of consecutive quotes: outside a quoted field a run must start a field; an odd
    run toggles between outside and inside; a run that ends outside must be followed by a field edge.
    """
    data = np.frombuffer(raw, dtype=np.uint8)
    quotes = np.flatnonzero(data == _QUOTE)
    if quotes.size == 0:
        return True
    breaks = np.flatnonzero(np.diff(quotes) != 1) + 1
    starts = quotes[np.concatenate(([0], breaks))]
    ends = quotes[np.concatenate((breaks - 1, [quotes.size - 1]))]
    odd = (ends - starts + 1) % 2
    inside_after = np.cumsum(odd) % 2
    inside_before = np.concatenate(([0], inside_after[:-1]))
    before = np.where(starts > 0, data[np.maximum(starts - 1, 0)], ord("\n"))
    after = np.where(ends + 1 < data.size, data[np.minimum(ends + 1, data.size - 1)], ord("\n"))
    opens_a_field = (inside_before == 1) | _FIELD_EDGE[before]
    closes_before_an_edge = (inside_after == 1) | _FIELD_EDGE[after]
    return bool(opens_a_field.all() and closes_before_an_edge.all() and inside_after[-1] == 0)


def read_fast(raw: bytes, columns: Sequence[str]) -> pd.DataFrame | None:
    """pyarrow's CSV reader for a well-formed file; None sends the file to the careful reader. pyarrow
    refuses a row with a wrong number of fields and bytes that are not UTF-8, and skips blank lines, as
    the careful reader does."""
    try:
        table = pa_csv.read_csv(
            io.BytesIO(raw),
            read_options=pa_csv.ReadOptions(block_size=1 << 24),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types={column: pa.string() for column in columns},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=True,
            ),
        )
        if table.column_names != list(columns):  # names are decoded here: a bad byte raises UnicodeDecodeError
            return None
    except (pa.ArrowException, ValueError, OSError):
        return None
    return table.to_pandas()


def read_careful(raw: bytes, name: str, columns: Sequence[str]) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Python's csv module in strict mode, reporting each problem where it is."""
    expected = list(columns)
    header_text = ",".join(expected)
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    records, lines, parse_problem = _records(text, name, expected)
    problems: list[Problem] = []
    if not records and parse_problem is None:
        return None, [Problem(name, None, None, "an empty file", "a header row: " + header_text)]
    problems += _character_problems(records, lines, name, expected, text)
    if records and not any(problem.row is None for problem in problems):  # a header of bad bytes says enough
        problems += _header_problems(records[0], name, expected)
    if not problems:
        for number, record in enumerate(records[1:], start=1):
            if len(record) != len(expected):
                problems.append(_field_count_problem(record, number, lines[number], name, expected))
    if parse_problem is not None:
        problems.append(parse_problem)
    if problems:
        return None, _capped(problems, name)
    body = records[1:]
    frame = (
        pd.DataFrame(body, columns=expected, dtype=str)
        if body
        else pd.DataFrame({column: pd.Series([], dtype=str) for column in expected})
    )
    return frame, []


def _records(text: str, name: str, expected: list[str]) -> tuple[list[list[str]], list[int], Problem | None]:
    """The non-blank records up to the first CSV error, the line each starts on, and that error."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    lines: list[int] = []
    while True:
        first_line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return records, lines, None
        except csv.Error as error:
            return records, lines, _quoting_problem(text, first_line, reader.line_num, error, records, name, expected)
        if record:  # a blank line is not a record (a line of spaces is: one field, as pyarrow reads it too)
            records.append(record)
            lines.append(first_line)


def _quoting_problem(
    text: str,
    first_line: int,
    last_line: int,
    error: csv.Error,
    records: list[list[str]],
    name: str,
    expected: list[str],
) -> Problem:
    row = len(records) if records else None  # records[0] is the header: the failing record is data row len()
    line_start = _offset_of_line(text, first_line)
    field = _broken_field(text, line_start)
    column = expected[field] if row is not None and field is not None and field < len(expected) else None
    reason = str(error)
    if "unexpected end of data" in reason or "EOF" in reason:
        detail = f"a quoted value that opens on line {first_line} and never closes"
        wanted = 'a closing double quote for every opening one (write a quote inside a value as "")'
    elif "expected after" in reason and last_line > first_line:
        detail = f"a quoted value that opens on line {first_line} and runs on to line {last_line}"
        wanted = (
            f"a closing double quote for it on line {first_line} (text follows the quote that closes it on "
            f'line {last_line}; write a quote inside a value as "")'
        )
    elif "expected after" in reason:
        detail = f"text after the closing quote of a value on line {last_line}"
        wanted = 'a comma or a line end right after a closing double quote (write a quote inside a value as "")'
    else:
        detail = f"{reason} (line {last_line})"
        wanted = "well-formed CSV (check the quoting)"
    return Problem(name, row, column, detail, wanted)


def _offset_of_line(text: str, line: int) -> int:
    """Where 1-based `line` starts, counting \\r\\n, \\r and \\n as line ends, as csv does."""
    offset = 0
    for _ in range(line - 1):
        match = _LINE_END.search(text, offset)
        if match is None:
            return len(text)
        offset = match.end()
    return offset


def _broken_field(text: str, start: int) -> int | None:
    """The 0-based field of the record starting at `start` whose quoting breaks, or None."""
    field, position, at_field_start = 0, start, True
    while position < len(text):
        if text[position] == '"' and at_field_start:
            position += 1
            while True:  # inside a quoted value: only a quote can end it
                closing = text.find('"', position)
                if closing < 0:
                    return field  # never closed
                if text.startswith('""', closing):
                    position = closing + 2
                    continue
                position = closing + 1
                break
            if position < len(text) and text[position] not in ",\r\n":
                return field  # text after the closing quote
            at_field_start = False
            continue
        match = _SPECIAL.search(text, position)
        if match is None:
            return None
        position = match.start()
        character = text[position]
        if character == ",":
            field, position, at_field_start = field + 1, position + 1, True
        elif character == '"':
            position, at_field_start = position + 1, False  # a quote inside an unquoted value is literal
        else:
            return None  # the record ended without a quoting problem
    return None


def _shown(value: str, at: int = 0, width: int = 30) -> str:
    """Part of a cell around position `at`, bad bytes written as \\xNN and NUL as \\x00, so the value can
    be printed and shown in the app."""
    left = max(0, at - width)
    piece = value[left : at + width]
    piece = piece.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace").replace("\x00", "\\x00")
    return ("…" if left else "") + piece + ("…" if at + width < len(value) else "")


def _character_problems(
    records: list[list[str]], lines: list[int], name: str, expected: list[str], text: str
) -> list[Problem]:
    """Bytes that are not UTF-8 and NUL bytes, by row and column."""
    if not _BAD_CHARACTER.search(text):
        return []
    problems = []
    for number, (record, line) in enumerate(zip(records, lines)):
        for index, value in enumerate(record):
            match = _BAD_CHARACTER.search(value)
            if match is None:
                continue
            row = number or None  # number 0 is the header
            column = expected[index] if row is not None and index < len(expected) else None
            bad = match.group(0)
            if bad == "\x00":
                problems.append(
                    Problem(
                        name,
                        row,
                        column,
                        f"a NUL byte on line {line}: {_shown(value, match.start())}",
                        "text without NUL bytes (is this a binary file?)",
                    )
                )
            else:
                byte = bad.encode("utf-8", "surrogateescape")[0]
                problems.append(
                    Problem(
                        name,
                        row,
                        column,
                        f"byte 0x{byte:02x} on line {line}: {_shown(value, match.start())}",
                        "UTF-8 text (re-save the file as UTF-8)",
                    )
                )
    return problems


def _header_problems(header: list[str], name: str, expected: list[str]) -> list[Problem]:
    if header == expected:
        return []
    wanted = "the header " + ",".join(expected)
    shown = _shown(",".join(header)[:200], 0, 200)
    delimiter = next((d for d in OTHER_DELIMITERS if len(header) == 1 and d in header[0]), None)
    if delimiter:
        return [
            Problem(
                name,
                None,
                None,
                f"{shown} (columns separated by {delimiter!r})",
                wanted + ", with commas between the columns",
            )
        ]
    problems = _missing_columns(header, name, expected, shown, wanted)
    problems += _unexpected_columns(header, name, expected, shown, wanted)
    return problems or [Problem(name, None, None, f"{shown} (columns out of order)", wanted)]


def _missing_columns(header: list[str], name: str, expected: list[str], shown: str, wanted: str) -> list[Problem]:
    problems = []
    for column in expected:
        if column not in header:
            near = [h for h in header if h.strip().lower() == column.lower()]
            hint = f" (is {near[0]!r} meant to be it?)" if near else ""
            problems.append(Problem(name, None, column, f"{shown} (missing {column!r}{hint})", wanted))
    return problems


def _unexpected_columns(header: list[str], name: str, expected: list[str], shown: str, wanted: str) -> list[Problem]:
    """Columns the table does not have, and columns given more than once."""
    problems = []
    for column in dict.fromkeys(header):
        if column not in expected:
            problems.append(Problem(name, None, _shown(column, 0, 40), f"{shown} (unexpected {column!r})", wanted))
        elif header.count(column) > 1:
            problems.append(
                Problem(
                    name,
                    None,
                    column,
                    f"{shown} ({column!r} {header.count(column)} times)",
                    wanted + ", each column once",
                )
            )
    return problems


def _field_count_problem(record: list[str], number: int, line: int, name: str, expected: list[str]) -> Problem:
    if len(record) < len(expected):
        missing = expected[len(record)]
        return Problem(
            name,
            number,
            missing,
            f"{len(record)} fields on line {line}: the row ends before {missing!r}",
            f"{len(expected)} fields, as in the header",
        )
    extra = _shown(",".join(record[len(expected) :]), 0, 40)
    return Problem(
        name,
        number,
        None,
        f"{len(record)} fields on line {line}: more than the header, {extra!r} "
        "left over (a comma inside a value that is not in double quotes?)",
        f"{len(expected)} fields, as in the header",
    )


def _capped(problems: list[Problem], name: str) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [
        *problems[:MAX_PROBLEMS],
        Problem(
            name,
            None,
            None,
            f"{rest} more problems of these kinds, not listed",
            "the problems above fixed first; then check the file again",
        ),
    ]
