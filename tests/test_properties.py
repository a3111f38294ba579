"""Property tests (hypothesis): random input into the entry points that take outside data.

Each must return a valid result or raise the project's own error type, never another exception, and
within a time bound: random bytes as a table file into `store.load` (Tables or DataError); random table
bytes into both CSV readers (the fast one must agree with the careful one); random URL query strings into
`FilterSpec.from_query_params` (a spec that applies, round-trips and explains what it ignored); random
text into the extractor (proposals whose quotes are the text at their offsets).
"""

from __future__ import annotations

import datetime as dt
import shutil
import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import tally
from analysis.data import csvfile, store
from analysis.data.schema import COLUMNS, MODES, STANCES, TABLES
from analysis.extract import PROPOSAL_COLUMNS, extract
from analysis.present import wording
from analysis.query import filters
from analysis.query.filters import CHOICES, FilterSpec
from conftest import DATA_DIR, SEEDS_DIR

ORIGINAL = {table: (DATA_DIR / f"{table}.csv").read_bytes() for table in TABLES}
SEED_TEXT = (SEEDS_DIR / "2025-11-cartel-de-los-soles-fto.txt").read_text(encoding="utf-8")
# Bytes that matter to a CSV reader or a decoder, spliced into real files.
TRICKY_BYTES = [
    b'"',
    b'""',
    b",",
    b"\n",
    b"\r",
    b"\r\n",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\t",
    b" ",
    b"-",
    b"0",
    b"9",
    b"|",
    "é".encode(),
    "٧".encode(),
    b'",',
    b',"',
    b'"\n',
]
BOUND = settings(database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """A real table file with a few bytes inserted, deleted or replaced: close enough to valid to reach
    deep into the reader and the validation."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "tricky"]))
        if kind == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=6))
        elif kind == "delete":
            del data[position : position + draw(st.integers(1, 60))]
        elif kind == "replace":
            data[position : position + 1] = draw(st.binary(min_size=1, max_size=1))
        else:
            data[position:position] = draw(st.sampled_from(TRICKY_BYTES))
    return bytes(data)


def table_bytes(table: str):
    return st.one_of(
        mutated(ORIGINAL[table]),
        st.binary(max_size=3000),
        st.text(max_size=400).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from([*TRICKY_BYTES, b"a", b"s001", b"true"]), max_size=60).map(b"".join),
        st.just(ORIGINAL[table].splitlines(keepends=True)[0]),  # the header alone
    )


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("properties")
    shutil.copytree(DATA_DIR, folder / "data", ignore=shutil.ignore_patterns(".cache", ".data.lock", "changes.jsonl"))
    shutil.copytree(SEEDS_DIR, folder / "seeds")
    return folder / "data", folder / "seeds"


def _problem_errors(problems) -> list[str]:
    errors = [] if problems else ["DataError with no problems"]
    for problem in problems:
        if problem.file not in {f"{t}.csv" for t in TABLES} or not problem.expected:
            errors.append(f"a problem without its file or expectation: {problem!r}")
        if problem.row is not None and not (isinstance(problem.row, int) and problem.row >= 1):
            errors.append(f"a row that is not a 1-based number: {problem!r}")
        if problem.column is not None and not isinstance(problem.column, str):
            errors.append(f"a column that is not a name: {problem!r}")
        if len(str(problem)) > 600:
            errors.append(f"a problem too long to read: {str(problem)[:120]}")
    return errors


@settings(BOUND, max_examples=40)
@given(table=st.sampled_from(TABLES), data=st.data())
def test_store_load_gives_tables_or_data_error(scratch, table, data):
    data_dir, seeds_dir = scratch
    content = data.draw(table_bytes(table), label="content")
    path = data_dir / f"{table}.csv"
    path.write_bytes(content)
    started = time.perf_counter()
    try:
        outcome = store.load(data_dir, seeds_dir, cache=False)
    except Exception as error:  # DataError is the allowed one; anything else is judged a failure below
        outcome = error
    finally:
        path.write_bytes(ORIGINAL[table])
    elapsed = time.perf_counter() - started
    event(f"store.load: {type(outcome).__name__}")
    if isinstance(outcome, store.DataError):
        errors = _problem_errors(outcome.problems)
        str(outcome).encode("utf-8")  # printable: no lone surrogates from undecodable bytes
    elif isinstance(outcome, store.Tables):
        errors = [] if len(outcome.view) == len(outcome.statements) else ["a view that lost statements"]
    else:
        errors = [f"{type(outcome).__name__} escaped store.load: {outcome}"]
    if elapsed > 10:
        errors.append(f"took {elapsed:.1f} s")
    tally.record("property: store.load", ok=not errors)
    assert not errors, errors


@settings(BOUND, max_examples=300)
@given(table=st.sampled_from(TABLES), data=st.data())
def test_the_fast_csv_reader_agrees_with_the_careful_one(table, data):
    """Whatever the fast (pyarrow) path accepts, the careful (csv, strict) reader reads the same way."""
    content = data.draw(table_bytes(table), label="content")
    name, columns = f"{table}.csv", COLUMNS[table]
    try:
        frame, problems = csvfile.read(content, name, columns)
        careful_frame, careful_problems = csvfile.read_careful(content, name, columns)
    except Exception as error:  # the readers report problems; they never raise
        frame = careful_frame = None
        problems, careful_problems, errors = [], [], [f"{type(error).__name__}: {error}"]
    else:
        errors = []
    if errors:
        pass
    elif (frame is None) != (careful_frame is None):
        errors.append(
            f"fast: {'a frame' if frame is not None else problems}; "
            f"careful: {'a frame' if careful_frame is not None else careful_problems}"
        )
    elif frame is not None:
        try:
            pd.testing.assert_frame_equal(frame, careful_frame)
        except AssertionError as error:
            errors.append(f"different cells: {error}")
    else:
        errors += [f"different problems: {problems} / {careful_problems}"] if problems != careful_problems else []
        errors += _problem_errors(problems)
    tally.record("property: csv readers agree", ok=not errors)
    assert not errors, errors


@pytest.fixture(scope="module")
def vocabulary(tables):
    view = tables.view
    return {
        "source": set(tables.sources["source_id"]),
        "bloc": set(view["bloc"].astype(str)),
        "kind": set(view["kind"].astype(str)),
        "country": set(view["country"].astype(str)) - {""},
        "actor": set(tables.actors["actor_id"]),
        "target": set(tables.targets["target_id"]),
    }


KNOWN_VALUES = [
    "supportive",
    "condemning",
    "Venezuela's allies",
    "US Republicans",
    "china",
    "fto-designation",
    "government",
    "VEN",
    "2025-11-16",
    "2025-11-24",
    "0001-01-01",
    "9999-12-31",
    "2025-W47-1",
    "1",
    "0",
    "true",
    "",
    " ",
    "caution",
    "%00",
    "'; DROP TABLE",
    "<script>",
    "\x00",
    "(",
    "[a-z",
]
KEYS = [*(choice.key for choice in CHOICES), "from", "to", "q", "reviewed", "view", "shot", "statement", "read"]
query_values = st.one_of(st.sampled_from(KNOWN_VALUES), st.text(max_size=30), st.text(min_size=195, max_size=230))
query_params = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), st.text(max_size=12)),
    st.one_of(st.lists(query_values, max_size=5), st.lists(st.sampled_from(KNOWN_VALUES), min_size=49, max_size=52)),
    max_size=8,
)


def spec_problems(params, vocabulary, tables) -> list[str]:
    """What is wrong with the spec a URL gives: values outside the vocabulary, dates that are not dates,
    notes or a sentence that are not text, an unknown key ignored without a note, more rows than the view,
    or a spec that does not survive the round trip through the URL. An exception is a problem too."""
    try:
        spec, notes = FilterSpec.from_query_params(params, vocabulary=vocabulary, other_keys=("view", "shot"))
        rows = filters.apply(spec, tables.view)
        sentence = wording.describe(spec, rows=rows)
        again = FilterSpec.from_query_params(spec.to_query_params(), vocabulary=vocabulary)
    except Exception as error:  # from_query_params never raises: any exception is a failure
        return [f"{type(error).__name__}: {error}"]
    errors = [
        f"{choice.field} holds unknown values: {getattr(spec, choice.field)}"
        for choice in CHOICES
        if not set(getattr(spec, choice.field)) <= (set(STANCES) if choice.key == "stance" else vocabulary[choice.key])
    ]
    errors += [
        f"{name} is not a date"
        for name in ("date_from", "date_to")
        if getattr(spec, name) is not None and not isinstance(getattr(spec, name), dt.date)
    ]
    if not all(isinstance(note, str) for note in notes) or not isinstance(sentence, str):
        errors.append("notes or description that are not text")
    unknown = [key for key in params if key not in KEYS]
    if unknown and not notes:
        errors.append(f"ignored {unknown} without a note")
    if len(rows) > len(tables.view):
        errors.append("more rows than the view")
    if again != (spec, []):
        errors.append(f"does not round-trip: {spec} -> {again}")
    return errors


@settings(BOUND, max_examples=150)
@given(params=query_params)
def test_query_params_give_a_spec_that_applies_and_round_trips(params, vocabulary, tables):
    started = time.perf_counter()
    errors = spec_problems(params, vocabulary, tables)
    if time.perf_counter() - started > 5:
        errors.append("took more than 5 s")
    tally.record("property: FilterSpec.from_query_params", ok=not errors)
    assert not errors, errors


SEED_WORDS = SEED_TEXT.split()
TOKENS = [
    *SEED_WORDS,
    "Russia",
    "China",
    "Maduro",
    "Rubio",
    "Republicans",
    "Democrats",
    "condemned",
    "praised",
    "rejected",
    "welcomed",
    "said",
    "urged caution",
    ".",
    ",",
    ";",
    "—",
    "“",
    "”",
    '"',
    "'",
    "\n",
    "\n\n",
    "?",
    "Sen.",
    "U.S.",
    "(",
    ")",
    "",
    " ",
]
texts = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=120).map(" ".join),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map("".join),
    st.text(max_size=400),
    st.integers(0, len(SEED_TEXT)).flatmap(lambda start: st.just(SEED_TEXT[start : start + 3000])),
)


@settings(BOUND, max_examples=100)
@given(text=texts)
def test_the_extractor_gives_proposals_whose_quotes_are_the_text_at_their_offsets(text, tables):
    started = time.perf_counter()
    try:
        proposals = extract(text, actors=tables.actors, targets=tables.targets, main_target="fto-designation")
    except Exception as error:
        proposals, errors = None, [f"{type(error).__name__}: {error}"]
    else:
        errors = [] if list(proposals.columns) == PROPOSAL_COLUMNS else ["wrong columns"]
        for row in proposals.itertuples(index=False):
            if not (0 <= row.start < row.end <= len(text)) or text[row.start : row.end] != row.quote:
                errors.append(f"quote {row.quote!r} is not text[{row.start}:{row.end}]")
            if row.stance not in STANCES or row.mode not in MODES or not 0 < row.confidence <= 1:
                errors.append(f"an invalid proposal: {row}")
    if time.perf_counter() - started > 10:
        errors.append(f"took {time.perf_counter() - started:.1f} s for {len(text)} characters")
    tally.record("property: extract", ok=not errors)
    assert not errors, errors


def test_the_property_strategies_reach_both_outcomes(scratch):
    """The load property is only worth something if its inputs both load and fail: check one of each."""
    data_dir, seeds_dir = scratch
    path = data_dir / "targets.csv"
    outcomes = []
    harmless = ORIGINAL["targets"].replace(b"Drug-trafficking", b"Drug trafficking")
    for content in (harmless, b"\xff" + ORIGINAL["targets"]):
        path.write_bytes(content)
        try:
            outcomes.append(type(store.load(data_dir, seeds_dir, cache=False)).__name__)
        except store.DataError:
            outcomes.append("DataError")
        finally:
            path.write_bytes(ORIGINAL["targets"])
    assert outcomes == ["Tables", "DataError"]
