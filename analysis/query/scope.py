"""Scope: what is being looked at. The loaded tables, the filter, the statements it selects (a Selection,
so nothing is copied), human names for ids, and the as-of date of the briefing it may end up in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.data import stories
from analysis.data.store import Tables
from analysis.query import filters
from analysis.query.filters import FilterSpec, Labels
from analysis.query.selection import Selection


class SourceLine(NamedTuple):
    """What a chart's footer says of one source."""

    title: str
    outlet: str
    published: pd.Timestamp
    date_precision: str


class CitedSources(NamedTuple):
    """The sources a footer names (the first two, in the sources table's order) and how many there are."""

    named: list[SourceLine]
    total: int


@dataclass(frozen=True, eq=False)
class Scope:
    """The tables, the filter, the statements it selects, and the as-of date of the briefing.
    `selection` is a mask over the view; `rows` copies the selected rows when one needs them."""

    tables: Tables
    spec: FilterSpec
    selection: Selection
    labels: Labels
    as_of: dt.date

    @classmethod
    def of(cls, tables: Tables, spec: FilterSpec, *, as_of: dt.date, selection: Selection | None = None) -> Scope:
        if selection is None:
            selection = filters.select(spec, Selection.everything(tables))
        return cls(tables=tables, spec=spec, as_of=as_of, labels=Labels.of(tables), selection=selection)

    def url_params(self) -> dict[str, list[str]]:
        """The URL parameters that reopen this scope: its story and its filters."""
        story = {"story": [self.tables.story_id]} if self.tables.story_id else {}
        return {**story, **self.spec.to_query_params()}

    @cached_property
    def rows(self) -> pd.DataFrame:
        return self.selection.rows

    def narrowed(self, **changes) -> Scope:
        """The same scope with some filter fields changed (e.g. one target for the spectrum)."""
        return Scope.of(self.tables, replace(self.spec, **changes), as_of=self.as_of)

    @cached_property
    def used_sources(self) -> pd.DataFrame:
        """The rows of sources.csv that the selected statements come from (all of them when none is selected)."""
        sources = self.tables.sources
        if self.selection.empty:
            return sources
        return sources[sources["source_id"].isin(self.selection.counts("source_id").index)]

    @cached_property
    def cited(self) -> CitedSources:
        """The sources of the selected statements (of every source when none is selected)."""
        if self.selection.empty:
            return CitedSources(_source_lines(self.tables)[:2], len(self.tables.sources))
        codes, _ = self.selection.present("source_id")
        rows = np.sort(_source_rows(self.tables)[codes])
        rows = rows[rows >= 0]
        lines = _source_lines(self.tables)
        return CitedSources([lines[row] for row in rows[:2].tolist()], len(codes))


def _source_lines(tables: Tables) -> list[SourceLine]:
    """Every source as a SourceLine, in the sources table's order: once per dataset."""
    if "source_lines" not in tables.derived:
        sources = tables.sources
        columns = (sources[column].tolist() for column in SourceLine._fields)
        tables.derived["source_lines"] = [SourceLine._make(values) for values in zip(*columns)]
    return tables.derived["source_lines"]


def _source_rows(tables: Tables) -> np.ndarray:
    """For each code of the view's source_id, its row in the sources table (-1 if none): once per dataset."""
    if "source_rows" not in tables.derived:
        row_of = {source_id: i for i, source_id in enumerate(tables.source_ids())}
        categories = Selection.everything(tables).codes("source_id")[1]
        tables.derived["source_rows"] = np.array([row_of.get(c, -1) for c in categories], dtype=np.int64)
    return tables.derived["source_rows"]


def main_target(scope: Scope) -> str | None:
    """The target a page shows first: the story's default target when the selection holds statements on
    it, else the one with most statements."""
    counts = scope.selection.counts("target_id")
    if not len(counts):
        return None
    chosen = stories.default_target(scope.tables, scope.tables.story_id) if scope.tables.story_id else ""
    return chosen if chosen in counts.index and counts[chosen] > 0 else counts.index[0]
