"""The analysis work behind each page for one filter change: what the benchmark times (compute_ms) and
what the pages call. No streamlit here; the pages add only widgets and rendering on top."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from analysis.data.store import Tables
from analysis.present import figures, text
from analysis.query import aggregates, filters, timeline
from analysis.query.aggregates import Rows
from analysis.query.filters import FilterSpec
from analysis.query.selection import NOT_A_TIME, Selection

MAX_TABLE_ROWS = 500
MAX_SOURCE_CHOICES = 100  # a picker that lists thousands of sources sends them all on every rerun


def source_choices(tables: Tables, rows: Rows | None = None, *, search: str = "", keep=(),
                   limit: int = MAX_SOURCE_CHOICES) -> list[str]:
    """Source ids for a picker: those whose title contains `search`, the ones with most statements (in
    `rows`, else in all the data) first, at most `limit` of them, and always those in `keep`."""
    ids = tables.source_ids()
    if search:
        needle = search.casefold()
        titles = tables.sources["title"].astype(str).str.casefold().tolist()
        matching = {source_id for source_id, title in zip(ids, titles) if needle in title or needle in source_id}
    else:
        matching = set(ids)
    if rows is not None:
        counted = Selection.of(rows).counts("source_id").index.tolist()
    else:  # the sidebar asks on every rerun: the whole dataset's order is kept with it
        if "sources_by_statements" not in tables.derived:
            tables.derived["sources_by_statements"] = Selection.everything(tables).counts("source_id").index.tolist()
        counted = tables.derived["sources_by_statements"]
    ordered = [s for s in counted if s in matching]
    if len(ordered) < limit:
        listed = set(ordered)
        ordered += [s for s in ids if s in matching and s not in listed][: limit - len(ordered)]
    chosen = ordered[:limit]
    known = set(ids)
    return [*[k for k in keep if k in known and k not in chosen], *chosen]


TABLE_ORDER = ("-score", "bloc", "actor_name", "statement_id")  # most supportive first


def positions_table(rows: Rows, *, limit: int = MAX_TABLE_ROWS) -> pd.DataFrame:
    """The rows the Positions page shows, most supportive first, capped (the page says how many more).
    The order over the whole dataset is sorted once; a filter change only picks its first `limit` rows."""
    rows = Selection.of(rows)
    runs = rows.runs((), within=TABLE_ORDER)
    # Plain strings: a categorical column would carry every category of the dataset (thousands of source
    # titles) to the browser with the few rows shown.
    return rows.take(runs.order[:limit], plain=True)


def latest_statements(rows: Rows, *, limit: int) -> pd.DataFrame:
    """The `limit` latest statements, latest first, then undated ones (an actor profile's cards)."""
    rows = Selection.of(rows)
    by_date = rows.runs((), within=("date", "start")).order  # a dataset-wide order; undated rows sort last
    dated = rows.array("date")[by_date] != NOT_A_TIME
    return rows.take(np.concatenate([by_date[dated][::-1], by_date[~dated]])[:limit])


def overview(scope: figures.Scope) -> list:
    return [aggregates.headline_numbers(scope.selection), figures.spectrum(scope), figures.blocs(scope),
            aggregates.key_quotes(scope.selection)]


def positions(scope: figures.Scope) -> list:
    return [positions_table(scope.selection)]


def matrix(scope: figures.Scope) -> list:
    return [figures.matrix(scope), aggregates.actor_target_cells(scope.selection, limit=figures.MATRIX_ACTORS)]


def network(scope: figures.Scope) -> list:
    return list(figures.network(scope))


def world_map(scope: figures.Scope) -> list:
    return [figures.world_map(scope), aggregates.country_stances(scope.selection)]


def timeline_page(scope: figures.Scope) -> list:
    targets = scope.spec.targets or tuple(filter(None, [figures.default_target(scope)]))
    candidates = filters.apply_to_actors(scope.spec, scope.tables.actors)
    return [*figures.timeline_view(scope),
            timeline.silent_actors(Selection.everything(scope.tables), candidates, target_ids=targets)]


def reader(scope: figures.Scope) -> list:
    if scope.selection.empty:
        return []
    source_id = scope.selection.take(scope.selection.positions[:1])["source_id"].iloc[0]
    in_source = scope.selection.where(scope.selection.is_in("source_id", [source_id])).rows
    spans = list(zip(in_source["start"], in_source["end"], in_source["statement_id"]))
    return [text.span_segments(scope.tables.texts[source_id], spans)]


def profile(scope: figures.Scope) -> list:
    if scope.selection.empty:
        return []
    actor_id = scope.selection.counts("actor_id").index[0]
    everything = Selection.everything(scope.tables)
    return [aggregates.actor_target_cells(everything.where(everything.is_in("actor_id", [actor_id]))),
            figures.profile(scope, actor_id=actor_id)]


PAGES = {"overview": overview, "positions": positions, "matrix": matrix, "network": network, "map": world_map,
         "timeline": timeline_page, "reader": reader, "profile": profile}


def run(page: str, tables: Tables, spec: FilterSpec, *, as_of: dt.date) -> list:
    """All the work behind `page` for `spec`: filter, aggregate, build the figures."""
    return PAGES[page](figures.Scope.of(tables, spec, as_of=as_of))
