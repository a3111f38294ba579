"""What makes speed possible: valid synthetic data, a cache that follows the CSVs, and capped figures."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.data import store, synth
from analysis.data.schema import STANCES
from analysis.present import figures, registry, wording
from analysis.query import aggregates, filters, listings
from analysis.query.aggregates import present_counts
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope
from analysis.query.selection import Selection


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    return synth.generate(5_000, tmp_path_factory.mktemp("synth") / "five-thousand", seed=3)


def test_synthetic_data_is_valid_marked_and_deterministic(synthetic, tmp_path):
    tables = store.load(synthetic / "data", synthetic / "seeds", cache=False)
    assert len(tables.statements) == 5_000 and len(tables.actors) == 100
    assert (synthetic / "SYNTHETIC").exists()
    assert tables.sources["title"].str.startswith("SYNTHETIC").all()
    counts = present_counts(tables.view["actor_id"])
    assert counts.iloc[0] > 10 * counts.iloc[-1]  # skewed: a few actors say most
    assert tables.view["target_id"].nunique() >= 5
    assert (tables.view["date"].max() - tables.view["date"].min()).days > 180
    again = synth.generate(5_000, tmp_path / "again", seed=3)
    for table in ("statements", "actors", "sources"):
        assert (again / "data" / f"{table}.csv").read_bytes() == (synthetic / "data" / f"{table}.csv").read_bytes()


def test_the_warm_load_equals_the_cold_one_and_follows_a_changed_csv(data_copy):
    data, seeds = data_copy
    cold = store.load(data, seeds)
    assert any((data / ".cache").glob("*.parquet"))
    warm = store.load(data, seeds)
    pd.testing.assert_frame_equal(cold.view, warm.view)
    assert warm.texts["2025-11-cartel-de-los-soles-fto"] == cold.texts["2025-11-cartel-de-los-soles-fto"]
    statements = (data / "statements.csv").read_text(encoding="utf-8")
    (data / "statements.csv").write_text(
        statements.replace("Praise the designation as overdue.", "Praised it as overdue."), encoding="utf-8"
    )
    changed = store.load(data, seeds)
    assert "Praised it as overdue." in set(changed.view["summary"])
    assert changed.fingerprint != cold.fingerprint
    (data / "statements.csv").write_text(statements.replace(",supportive,", ",supportve,", 1), encoding="utf-8")
    with pytest.raises(store.DataError):  # a broken file is never hidden by an old cache
        store.load(data, seeds)


@pytest.mark.parametrize(
    ("view", "cap"),
    [
        ("spectrum", figures.SPECTRUM_ACTORS),
        ("matrix", figures.MATRIX_ACTORS),
        ("network", 40),
        ("timeline", figures.TIMELINE_ACTORS),
    ],
)
def test_figures_never_get_more_than_their_cap_of_actors(synthetic, view, cap):
    tables = store.load(synthetic / "data", synthetic / "seeds")
    scope = Scope.of(tables, FilterSpec(), as_of=dt.date(2026, 11, 29))
    fig = registry.figure(view, scope)
    if view == "network":
        shown = sum(len(t.text) for t in fig.data if t.mode == "markers+text")
    elif view == "timeline":
        shown = len(fig.layout.yaxis2.ticktext)
    else:
        shown = len([y for y in fig.layout.yaxis.categoryarray if not y.startswith("<b>")])
    assert 0 < shown <= cap
    assert "actors with most statements of" in fig.layout.meta["subtitle"]
    assert len(fig.to_json()) < 500_000


def test_the_timeline_draws_at_most_its_cap_of_points(synthetic):
    tables = store.load(synthetic / "data", synthetic / "seeds")
    scope = Scope.of(tables, FilterSpec(), as_of=dt.date(2026, 11, 29))
    reactions = [t for t in figures.timeline_figure(scope).data if t.xaxis == "x2"]
    dots = sum(len(t.x) for t in reactions if t.mode == "markers")
    spans = sum(len(t.x) // 3 for t in reactions if t.mode == "lines")  # start, end and a gap per span
    assert 0 < dots + spans <= figures.TIMELINE_POINTS


def test_source_pickers_list_at_most_their_cap(synthetic):
    tables = store.load(synthetic / "data", synthetic / "seeds")
    counts = tables.view["source_id"].astype(str).value_counts()
    choices = listings.source_choices(tables, limit=10)
    # The sources with most statements, most first.
    assert [counts[c] for c in choices] == counts.sort_values(ascending=False).tolist()[:10]
    rarest = counts.index[-1]
    assert listings.source_choices(tables, limit=10, keep=[rarest])[0] == rarest  # the chosen one stays listed
    title = tables.sources["title"].iloc[3]
    found = listings.source_choices(tables, search=title.upper(), limit=10)
    assert tables.sources["source_id"].iloc[3] in found
    assert all(title.casefold() in tables.sources.set_index("source_id").at[s, "title"].casefold() for s in found)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The same rows as a fresh frame with no categoricals and a new index: no shared sort orders or codes."""
    return frame.astype({c: str for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)}).reset_index(
        drop=True
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_aggregates_over_a_mask_equal_those_over_the_copied_rows(synthetic, data):
    """Aggregates run on a mask over the whole view, with sort orders computed once for the whole dataset;
    on the same rows copied into a fresh frame they must come out the same."""
    tables = store.load(synthetic / "data", synthetic / "seeds")
    view = tables.view
    spec = FilterSpec(
        blocs=tuple(data.draw(st.sets(st.sampled_from(sorted(view["bloc"].astype(str).unique())), max_size=2))),
        stances=tuple(data.draw(st.sets(st.sampled_from(list(STANCES)), max_size=3))),
        targets=tuple(data.draw(st.sets(st.sampled_from(sorted(view["target_id"].astype(str).unique())), max_size=2))),
    )
    selection = filters.select(spec, Selection.everything(tables))
    copied = _plain(selection.rows)
    for aggregate in (
        lambda rows: aggregates.actor_positions(rows, limit=12),
        lambda rows: aggregates.actor_target_cells(rows, limit=12),
        lambda rows: aggregates.stance_counts(rows, by="bloc"),
        aggregates.country_stances,
        lambda rows: aggregates.key_quotes(rows)[["statement_id"]],
        lambda rows: wording.reaction_lags(rows, trigger_date=dt.date(2025, 3, 1)),
        lambda rows: listings.positions_table(rows, limit=30)[["statement_id"]],
    ):
        pd.testing.assert_frame_equal(_plain(aggregate(selection)), _plain(aggregate(copied)), check_dtype=False)
