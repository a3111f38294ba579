"""Which rows a page lists: the sources a picker offers, the statements a table shows first, an actor's
latest statements. Each is capped, so what reaches the browser stays bounded however big the data gets."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.store import Tables
from analysis.query.aggregates import Rows
from analysis.query.selection import NOT_A_TIME, Selection

MAX_TABLE_ROWS = 500
MAX_SOURCE_CHOICES = 100  # a picker that lists thousands of sources sends them all on every rerun


def source_choices(
    tables: Tables, rows: Rows | None = None, *, search: str = "", keep=(), limit: int = MAX_SOURCE_CHOICES
) -> list[str]:
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
