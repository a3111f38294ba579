"""store.load on broken tables: every problem is found, named precisely, and nothing else is reported."""

import csv

import pandas as pd
import pytest

from analysis.data import store
from analysis.data.schema import STANCE_DTYPE, typed_schemas
from conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"


def rewrite(data_dir, table, row, column, value):
    """Set one cell (row is 1-based, header excluded) of data_dir/table.csv."""
    path = data_dir / f"{table}.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    records[row][records[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(records)


def cell(data_dir, table, row, column):
    with open(data_dir / f"{table}.csv", encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle))
    return records[row][records[0].index(column)]


def problems_of(data_dir, seeds_dir):
    with pytest.raises(store.DataError) as caught:
        store.load(data_dir, seeds_dir)
    return caught.value.problems


def where(problems):
    return sorted((p.file, p.row, p.column) for p in problems)


def break_duplicate_id(data, seeds):
    rewrite(data, "statements", 3, "statement_id", cell(data, "statements", 2, "statement_id"))
    return ("statements.csv", 3, "statement_id")


def break_unknown_stance(data, seeds):
    rewrite(data, "statements", 5, "stance", "supportve")
    return ("statements.csv", 5, "stance")


def break_dangling_actor(data, seeds):
    rewrite(data, "statements", 7, "actor_id", "nobody-at-all")
    return ("statements.csv", 7, "actor_id")


def break_quote_offsets(data, seeds):
    rewrite(data, "statements", 9, "start", str(int(cell(data, "statements", 9, "start")) + 1))
    rewrite(data, "statements", 9, "end", str(int(cell(data, "statements", 9, "end")) + 1))
    return ("statements.csv", 9, "quote")


def break_seed_file(data, seeds):
    seed = seeds / "2025-11-cartel-de-los-soles-fto.txt"  # the first source's seed
    seed.write_bytes(seed.read_bytes().replace(b"Sunday", b"Monday"))
    return ("sources.csv", 1, "sha256")


@pytest.mark.parametrize(
    "breaker", [break_duplicate_id, break_unknown_stance, break_dangling_actor, break_quote_offsets, break_seed_file]
)
def test_each_breakage_gives_exactly_its_problem(data_copy, breaker):
    data, seeds = data_copy
    expected = breaker(data, seeds)
    assert where(problems_of(data, seeds)) == [expected]


def test_all_table_breakages_are_reported_in_one_pass(data_copy):
    data, seeds = data_copy
    expected = [
        breaker(data, seeds)
        for breaker in (break_duplicate_id, break_unknown_stance, break_dangling_actor, break_quote_offsets)
    ]
    problems = problems_of(data, seeds)
    assert where(problems) == sorted(expected)
    message = "\n".join(map(str, problems))
    assert "statements.csv, row 5 (line 6), column 'stance': got 'supportve'; expected one of condemning" in message
    assert "row 2 has it already" in message


def bad_cells() -> list[dict[str, str]]:
    """One bad cell per row of tests/corpus/bad_cells.csv: where it is, its value, and words the problem
    must contain."""
    with open(CORPUS / "bad_cells.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("case", bad_cells(), ids=lambda case: f"{case['table']}-{case['column']}-{case['value']}")
def test_bad_cells_name_file_row_column_and_expectation(data_copy, case):
    data, seeds = data_copy
    table, row, column = case["table"], int(case["row"]), case["column"]
    rewrite(data, table, row, column, case["value"])
    problems = problems_of(data, seeds)
    mine = [p for p in problems if (p.file, p.row, p.column) == (f"{table}.csv", row, column)]
    assert mine, problems
    assert case["expected_words"] in mine[0].expected


@pytest.mark.parametrize(
    ("content", "expected_words"),
    [
        (b"", "a header row"),
        (b"statement_id;source_id;actor_id\n", "the header"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"statement_id,source_id\x00\n", "NUL"),
    ],
)
def test_unreadable_files_are_reported_by_name(data_copy, content, expected_words):
    data, seeds = data_copy
    (data / "statements.csv").write_bytes(content)
    problems = problems_of(data, seeds)
    assert [p.file for p in problems] == ["statements.csv"]
    assert expected_words in problems[0].expected


def test_wrong_field_count_names_the_row(data_copy):
    data, seeds = data_copy
    path = data / "statements.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].rstrip("\n") + ",extra\n"
    path.write_text("".join(lines), encoding="utf-8")
    assert where(problems_of(data, seeds)) == [("statements.csv", 4, None)]


def test_a_bom_and_crlf_line_endings_are_accepted(data_copy):
    data, seeds = data_copy
    path = data / "actors.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert len(store.load(data, seeds).actors) > 0


def test_missing_file_is_named(data_copy):
    data, seeds = data_copy
    (data / "events.csv").unlink()
    assert [p.file for p in problems_of(data, seeds)] == ["events.csv"]


def test_loaded_tables_are_typed(tables):
    for name, schema in typed_schemas().items():
        schema.validate(getattr(tables, name))
    assert tables.statements["stance"].dtype == STANCE_DTYPE
    assert tables.statements["stance"].cat.ordered
    assert pd.api.types.is_integer_dtype(tables.statements["start"])
    assert tables.view["score"].between(-1, 1).all()


def test_fingerprint_changes_when_a_table_changes(data_copy):
    data, seeds = data_copy
    before = store.fingerprint(data, seeds)
    rewrite(data, "actors", 1, "name", "Renamed")
    assert store.fingerprint(data, seeds) != before
