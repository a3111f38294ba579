"""FilterSpec: table-driven apply/describe, the URL round trip, and bad URL params never raising."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.data.schema import STANCES
from analysis.present.wording import describe
from analysis.query.filters import FilterSpec, Labels, apply
from frames import SMALL


@pytest.mark.parametrize(
    ("spec", "expected_ids"),
    [
        (FilterSpec(), ["a1", "a2", "a3", "a4", "a5"]),
        (FilterSpec(blocs=("Bloc A",)), ["a1", "a2"]),
        (FilterSpec(blocs=("Bloc A", "Observers")), ["a1", "a2", "a4"]),
        (FilterSpec(stances=("cautious",)), ["a2"]),
        (FilterSpec(stances=("condemning", "opposed")), ["a3", "a5"]),
        (FilterSpec(targets=("talks",)), ["a4", "a5"]),
        (FilterSpec(countries=("RUS",)), ["a3", "a5"]),
        (FilterSpec(kinds=("commentators",)), ["a4"]),
        (FilterSpec(actors=("gov-c",), targets=("plan",)), ["a3"]),
        (FilterSpec(query="CAUTION"), ["a2"]),
        (FilterSpec(query="gov c"), ["a3", "a5"]),
        (FilterSpec(blocs=("Bloc A",), stances=("condemning",)), []),
        (FilterSpec(date_from=dt.date(2025, 11, 17)), []),
        (FilterSpec(date_to=dt.date(2025, 11, 16)), ["a1", "a2", "a3", "a4", "a5"]),
    ],
)
def test_apply(spec, expected_ids):
    before = SMALL.copy(deep=True)
    result = apply(spec, SMALL)
    assert result["statement_id"].tolist() == expected_ids
    pd.testing.assert_frame_equal(SMALL, before)


@pytest.mark.parametrize(
    ("spec", "with_rows", "expected"),
    [
        (FilterSpec(), False, "All statements"),
        (FilterSpec(), True, "5 statements by 4 actors · no filters"),
        (FilterSpec(blocs=("Bloc A",)), True, "2 statements by 2 actors · bloc: Bloc A"),
        (FilterSpec(blocs=("Bloc B", "Bloc A")), False, "blocs: Bloc A, Bloc B"),
        (
            FilterSpec(stances=("cautious",), query="caution"),
            True,
            "1 statement by 1 actor · stance: cautious · matching “caution”",
        ),
        (FilterSpec(targets=("plan",)), False, "target: The plan"),
        (FilterSpec(date_from=dt.date(2025, 1, 1), reviewed_only=True), False, "dated from 2025-01-01 · reviewed only"),
    ],
)
def test_describe(spec, with_rows, expected):
    labels = Labels(targets={"plan": "The plan"})
    rows = apply(spec, SMALL) if with_rows else None
    assert describe(spec, rows=rows, labels=labels) == expected


def test_equal_selections_give_equal_specs():
    assert FilterSpec(blocs=("b", "a", "a")) == FilterSpec(blocs=("a", "b"))
    assert hash(FilterSpec(blocs=("b", "a"))) == hash(FilterSpec(blocs=("a", "b")))


names = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() == s and s)
specs = st.builds(
    FilterSpec,
    sources=st.lists(names, max_size=3).map(tuple),
    blocs=st.lists(names, max_size=3).map(tuple),
    kinds=st.lists(names, max_size=3).map(tuple),
    countries=st.lists(st.sampled_from(["USA", "VEN", "RUS"]), max_size=3).map(tuple),
    actors=st.lists(names, max_size=3).map(tuple),
    stances=st.lists(st.sampled_from(STANCES), max_size=3).map(tuple),
    targets=st.lists(names, max_size=3).map(tuple),
    date_from=st.none() | st.dates(),
    date_to=st.none() | st.dates(),
    query=st.text(max_size=40),
    reviewed_only=st.booleans(),
)


@given(specs)
def test_url_round_trip(spec):
    restored, notes = FilterSpec.from_query_params(spec.to_query_params())
    assert notes == []
    assert restored == spec


@given(
    st.dictionaries(
        st.text(max_size=20), st.lists(st.text(max_size=300), max_size=60) | st.text(max_size=300), max_size=8
    )
)
def test_arbitrary_params_never_raise(params):
    spec, notes = FilterSpec.from_query_params(params, vocabulary={"bloc": {"Bloc A"}})
    assert isinstance(spec, FilterSpec)
    assert all(isinstance(n, str) for n in notes)
    assert set(spec.blocs) <= {"Bloc A"}
    assert set(spec.stances) <= set(STANCES)


@pytest.mark.parametrize(
    ("params", "expected_spec", "note_words"),
    [
        ({"bloc": ["Bloc A", "Nope"]}, FilterSpec(blocs=("Bloc A",)), "Ignored bloc 'Nope'"),
        ({"stance": "Supportive"}, FilterSpec(), "not a known stance"),
        ({"colour": "red"}, FilterSpec(), "unknown URL parameter 'colour'"),
        ({"from": "2025-13-01"}, FilterSpec(), "expected a date"),
        ({"q": "x" * 500}, FilterSpec(), "longer than 200"),
        ({"bloc": ["Bloc A"] * 80}, FilterSpec(), "more than 50 values"),
        ({"reviewed": "maybe"}, FilterSpec(), "expected 1 or 0"),
    ],
)
def test_bad_params_are_ignored_and_reported(params, expected_spec, note_words):
    spec, notes = FilterSpec.from_query_params(params, vocabulary={"bloc": {"Bloc A"}})
    assert spec == expected_spec
    assert any(note_words in note for note in notes), notes


def test_app_keys_are_left_alone():
    spec, notes = FilterSpec.from_query_params({"view": "map", "bloc": "Bloc A"}, other_keys=("view",))
    assert notes == [] and spec.blocs == ("Bloc A",)
