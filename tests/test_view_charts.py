"""The analyst-view figures on literal data: matrix, network, map, timeline, stance over time."""

import datetime as dt
import json

import pandas as pd
import pytest

from analysis.present import geo, registry, theme
from analysis.present.charts import NO_MATCH
from analysis.present.charts.maps import stance_map
from analysis.present.charts.network import alignment_network
from analysis.present.charts.stances import stance_matrix
from analysis.present.charts.timeline import reaction_timeline, stance_over_time
from analysis.present.figures import ViewOptions
from analysis.query import aggregates, alignment, timeline
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope
from frames import SMALL

TEXT = {"title": "A finding", "subtitle": "5 statements by 4 actors · no filters", "footer": "Source: test"}
EVENTS = pd.DataFrame(
    {
        "event_id": ["old", "trigger"],
        "date": pd.to_datetime(["2015-01-01", "2025-11-16"]).astype("datetime64[ns]"),
        "date_precision": ["year", "day"],
        "role": ["background", "trigger"],
        "title": ["Old thing", "The trigger"],
        "description": ["It happened.", "It started."],
        "actor_ids": ["", ""],
        "source_id": ["src", "src"],
    }
)


def test_matrix_colours_counts_and_legend():
    cells = aggregates.actor_target_cells(SMALL)
    fig = stance_matrix(cells, **TEXT)
    heatmap = fig.data[0]
    assert list(heatmap.x) == ["Plan", "Talks"]
    rows = list(heatmap.y)
    gov_c = rows.index("Gov C")
    assert heatmap.z[gov_c][0] == 0 and heatmap.z[gov_c][1] == 1  # condemning, opposed
    assert heatmap.z[rows.index("<b>Bloc A</b>")] == [None, None]  # a bloc header row is empty
    assert "We condemn the plan." in heatmap.hovertext[gov_c][0]
    counts = fig.data[1]
    assert sorted(counts.text) == ["1", "1", "1", "1", "1"]
    assert [t.name for t in fig.data[2:]] == ["condemning", "opposed", "cautious", "neutral", "supportive"]
    assert [t.marker.color for t in fig.data[2:]] == list(theme.STANCE_COLORS.values())


def test_network_draws_every_actor_and_edge():
    cells = aggregates.actor_target_cells(SMALL)
    edges = alignment.alignment_edges(cells, kind="conflict")
    nodes = alignment.network_nodes(cells, edges)
    fig = alignment_network(nodes, edges, kind="conflict", **TEXT)
    node_traces = [t for t in fig.data if t.mode == "markers+text"]
    assert sorted(n for t in node_traces for n in t.text) == ["Gov A", "Gov B", "Gov C", "Pundits"]
    colors = theme.bloc_colors(nodes["bloc"])
    assert {t.name: t.marker.color for t in node_traces} == colors
    lines = [t for t in fig.data if t.mode == "lines"]
    assert sum(len(t.x) for t in lines) == 3 * len(edges)  # two points and a gap per edge
    assert lines[0].line.color == "#D55E00"


def test_map_fills_each_country_in_its_stance_colour():
    countries = aggregates.country_stances(SMALL)
    fig = stance_map(countries, country_names={"USA": "United States", "RUS": "Russia"}, note="Net note", **TEXT)
    fills = {t.name: t.fillcolor for t in fig.data if t.hoveron == "fills"}
    # USA: supportive + cautious nets to 1/3, nearest neutral; RUS: condemning + opposed ties, so the milder.
    assert fills == {"neutral": theme.STANCE_COLORS["neutral"], "opposed": theme.STANCE_COLORS["opposed"]}
    labels = [a.text for a in fig.layout.annotations]
    assert "<b>Russia</b><br>opposed" in labels and "Net note" in labels
    assert {t.name for t in fig.data if t.mode == "markers"} == {"opposed", "neutral"}


def test_map_without_countries_says_so():
    fig = stance_map(aggregates.country_stances(SMALL[SMALL["country"] == ""]), country_names={}, note="", **TEXT)
    assert any("No country-level statements" in a.text for a in fig.layout.annotations)


def test_timeline_draws_days_as_points_and_months_as_spans():
    rows = SMALL.copy()
    rows.loc[rows["actor_id"] == "gov-b", ["date", "date_precision"]] = [pd.Timestamp("2025-11-01"), "month"]
    rows.loc[rows["actor_id"] == "pundits", ["date", "date_precision"]] = [pd.NaT, "unknown"]
    points = timeline.reaction_points(rows)
    fig = reaction_timeline(
        EVENTS, points, undated=int(rows["date"].isna().sum()), trigger_date=pd.Timestamp("2025-11-16"), **TEXT
    )
    reactions = [t for t in fig.data if t.xaxis == "x2"]
    spans = [t for t in reactions if t.mode == "lines"]
    assert len(spans) == 1 and list(spans[0].x) == ["2025-11-01", "2025-12-01", None]
    markers = [t for t in reactions if t.mode == "markers"]
    assert sum(len(t.x) for t in markers) == 3  # gov-a, and gov-c twice, all known to the day
    assert any("1 undated statement" in a.text for a in fig.layout.annotations)
    context = [t for t in fig.data if t.xaxis == "x" and t.mode == "lines"]
    assert next(list(t.x) for t in context) == ["2015-01-01", "2016-01-01"]


def test_stance_over_time_needs_two_dates():
    fig = stance_over_time(timeline.stance_series(SMALL[SMALL["actor_id"] == "gov-c"]), **TEXT)
    assert any("at least two dates" in a.text for a in fig.layout.annotations)
    moved = SMALL[SMALL["actor_id"] == "gov-c"].copy()
    moved.loc[moved.index[1], "date"] = pd.Timestamp("2025-12-01")
    fig = stance_over_time(timeline.stance_series(moved), **TEXT)
    assert sorted(t.name for t in fig.data) == ["Plan", "Talks"]


@pytest.mark.parametrize(
    "builder",
    [
        lambda: stance_matrix(aggregates.actor_target_cells(SMALL.head(0)), **TEXT),
        lambda: alignment_network(pd.DataFrame(), pd.DataFrame(), kind="congruence", **TEXT),
        lambda: reaction_timeline(
            EVENTS.head(0), timeline.reaction_points(SMALL.head(0)), undated=0, trigger_date=None, **TEXT
        ),
    ],
)
def test_empty_views_say_no_statements_match(builder):
    fig = builder()
    assert any(a.text == NO_MATCH for a in fig.layout.annotations)


@pytest.mark.parametrize("view", list(registry.BY_ID))
def test_every_view_builds_a_sandwich_on_the_real_data(tables, view):
    scope = Scope.of(tables, FilterSpec(), as_of=dt.date(2026, 11, 29))
    fig = registry.figure(view, scope, options=ViewOptions(actor_id="donald-trump"))
    assert fig.layout.meta["title"] and fig.layout.meta["footer"].endswith("Stance & Reaction Dashboard")
    assert "As of 29 Nov 2026" in fig.layout.meta["footer"]


def test_unknown_view_is_refused(tables):
    scope = Scope.of(tables, FilterSpec(), as_of=dt.date(2026, 11, 29))
    with pytest.raises(ValueError, match="unknown view"):
        registry.figure("pie", scope)


def test_country_names_prefer_short_common_names(tables):
    names = geo.country_names(["USA", "RUS", "VEN", "IRN", "CHN"], tables.actors)
    assert names == {"USA": "United States", "RUS": "Russia", "VEN": "Venezuela", "IRN": "Iran", "CHN": "China"}


@pytest.mark.parametrize("spec", [FilterSpec(), FilterSpec(stances=("supportive",)), FilterSpec(blocs=("No such",))])
def test_every_figure_passes_plotly_validation(tables, spec):
    """The chart builders skip plotly's per-call validation for speed (charts.frame.Draft); rebuilding each
    figure with validation on proves that every property they set is one plotly knows, with a valid value."""
    import plotly.graph_objects as go

    scope = Scope.of(tables, spec, as_of=dt.date(2026, 11, 29))
    most = tables.view["actor_id"].value_counts().index[0]  # an actor who exists, so the profile has a figure
    for view in registry.BY_ID:
        options = ViewOptions(actor_id=most if view == "profile" else None)
        fig = registry.figure(view, scope, options=options)
        checked = go.Figure(fig.to_dict())  # raises ValueError on an unknown property or a bad value
        assert json.loads(checked.to_json()) == json.loads(fig.to_json()), view


def test_too_many_reaction_points_are_grouped_by_week_then_by_calendar_month():
    days = pd.date_range("2025-01-20", "2025-02-09", freq="D")  # three Monday-to-Sunday weeks across a month end
    rows = pd.concat(
        [SMALL.iloc[[0]].assign(statement_id=f"d{i}", date=day) for i, day in enumerate(days)], ignore_index=True
    )
    daily = timeline.reaction_points(rows, max_points=100)
    assert len(daily) == 21 and set(daily["grouped"]) == {""}
    weekly = timeline.reaction_points(rows, max_points=5)
    assert weekly["start"].dt.day_name().eq("Monday").all() and weekly["n"].tolist() == [7, 7, 7]
    assert set(weekly["grouped"]) == {"week"} and set(weekly["precision"]) == {"week"}
    monthly = timeline.reaction_points(rows, max_points=2)
    # Each day counts in its own month (not in the month its week started in).
    assert monthly["start"].tolist() == [pd.Timestamp("2025-01-01"), pd.Timestamp("2025-02-01")]
    assert monthly["n"].tolist() == [12, 9] and set(monthly["grouped"]) == {"month"}
