"""The analysis work behind each page for one filter change: what the benchmark times (compute_ms) and
what the pages call. No streamlit here; the pages add only widgets and rendering on top."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis import figures, filters, metrics, text, timeline
from analysis.filters import FilterSpec
from analysis.store import Tables

MAX_TABLE_ROWS = 500


def positions_table(rows: pd.DataFrame, *, limit: int = MAX_TABLE_ROWS) -> pd.DataFrame:
    """The rows the Positions page shows: most supportive first, capped (the page says how many more)."""
    if len(rows) > limit:
        # Partial sort: only the shown rows are ordered.
        keep = rows.nlargest(limit, "score", keep="first").index
        rows = rows.loc[keep]
    return rows.sort_values(["score", "bloc", "actor_name", "statement_id"], ascending=[False, True, True, True])


def overview(scope: figures.Scope) -> list:
    return [metrics.headline_numbers(scope.rows), figures.spectrum(scope), figures.blocs(scope),
            metrics.key_quotes(scope.rows)]


def positions(scope: figures.Scope) -> list:
    return [positions_table(scope.rows)]


def matrix(scope: figures.Scope) -> list:
    return [figures.matrix(scope), metrics.actor_target_cells(scope.rows)]


def network(scope: figures.Scope) -> list:
    return list(figures.network(scope))


def world_map(scope: figures.Scope) -> list:
    return [figures.world_map(scope), metrics.country_stances(scope.rows)]


def timeline_page(scope: figures.Scope) -> list:
    trigger = figures.trigger_date(scope)
    targets = scope.spec.targets or tuple(filter(None, [figures.default_target(scope)]))
    candidates = filters.apply_to_actors(scope.spec, scope.tables.actors)
    return [figures.timeline_figure(scope), timeline.reaction_lags(scope.rows, trigger_date=trigger),
            timeline.silent_actors(scope.tables.view, candidates, target_ids=targets)]


def reader(scope: figures.Scope) -> list:
    if scope.rows.empty:
        return []
    source_id = scope.rows["source_id"].iloc[0]
    in_source = scope.rows[scope.rows["source_id"] == source_id]
    spans = list(zip(in_source["start"], in_source["end"], in_source["statement_id"]))
    return [text.span_segments(scope.tables.texts[source_id], spans)]


def profile(scope: figures.Scope) -> list:
    if scope.rows.empty:
        return []
    actor_id = metrics.present_counts(scope.rows["actor_id"]).index[0]
    rows = scope.tables.view[scope.tables.view["actor_id"] == actor_id]
    return [metrics.actor_target_cells(rows), figures.profile(scope, actor_id=actor_id)]


PAGES = {"overview": overview, "positions": positions, "matrix": matrix, "network": network, "map": world_map,
         "timeline": timeline_page, "reader": reader, "profile": profile}


def run(page: str, tables: Tables, spec: FilterSpec, *, as_of: dt.date) -> list:
    """All the work behind `page` for `spec`: filter, aggregate, build the figures."""
    return PAGES[page](figures.Scope.of(tables, spec, as_of=as_of))
