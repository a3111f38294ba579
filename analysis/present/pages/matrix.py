"""Matrix: who stands where on what. Actors × targets, and the actor-by-belief shares below."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.present import wording
from analysis.present.figures import MATRIX_ACTORS, MATRIX_CELLS, ViewOptions
from analysis.present.pages.common import BUILD, FigureSource, table_height
from analysis.query import aggregates
from analysis.query.scope import Scope

SHARE_COLUMNS = {
    "share_supportive": "% supportive",
    "share_cautious": "% cautious",
    "share_opposed": "% opposed or condemning",
    "share_neutral": "% neutral",
}
BELIEF_CAPTION = (
    "For each actor and target: how many statements, and what share of them takes each stance"
    f" (the {MATRIX_ACTORS} actors with most statements, as in the chart)."
)


@dataclass(frozen=True)
class MatrixPage:
    caption: str
    figure: go.Figure
    beliefs: pd.DataFrame | None  # the actor-by-belief table (shares in percent), None when nothing matches
    empty: str
    height: int
    share_columns: list[str]  # the beliefs' columns that are shares


def matrix_page(scope: Scope, *, figure: FigureSource = BUILD, cell: str = MATRIX_CELLS[0]) -> MatrixPage:
    caption = wording.subtitle(scope) + " · hover a cell to read its quotes and when they were said"
    fig = figure("matrix", scope, options=ViewOptions(cell=cell))
    shares = list(SHARE_COLUMNS.values())
    cells = aggregates.actor_target_cells(scope.selection, limit=MATRIX_ACTORS, stance=cell)
    if cells.empty:
        return MatrixPage(caption, fig, None, f"{wording.NO_MATCH}.", 0, shares)
    table = cells[["actor_name", "bloc", "target_label", "n", "stance", *SHARE_COLUMNS]].rename(
        columns={
            "actor_name": "Actor",
            "bloc": "Bloc",
            "target_label": "Target",
            "n": "Statements",
            "stance": "Stance",
            **SHARE_COLUMNS,
        }
    )
    table[shares] = table[shares] * 100
    return MatrixPage(caption, fig, table, "", table_height(len(table), most=700), shares)
