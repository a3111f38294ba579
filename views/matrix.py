"""Matrix: who stands where on what. Actors × targets, and the actor-by-belief shares below."""

from __future__ import annotations

import streamlit as st

from analysis.present import figures
from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from analysis.query import aggregates
from views import state, ui

SHARE_COLUMNS = {"share_supportive": "% supportive", "share_cautious": "% cautious",
                 "share_opposed": "% opposed or condemning", "share_neutral": "% neutral"}


def render(scope: Scope) -> None:
    st.title("Matrix: who stands where on what")
    st.caption(escape_markdown(scope.subtitle) + " · hover a cell to read its quotes")
    ui.screenshot_link("views/matrix.py", scope, view="matrix")
    ui.chart(state.figure("matrix", scope), key="matrix", filename="actor-target-matrix")

    st.subheader("Actor by belief")
    st.caption("For each actor and target: how many statements, and what share of them takes each stance"
               f" (the {figures.MATRIX_ACTORS} actors with most statements, as in the chart).")
    cells = aggregates.actor_target_cells(scope.selection, limit=figures.MATRIX_ACTORS)
    if cells.empty:
        st.info("No statements match the filters.")
        return
    table = cells[["actor_name", "bloc", "target_label", "n", "stance", *SHARE_COLUMNS]].rename(
        columns={"actor_name": "Actor", "bloc": "Bloc", "target_label": "Target", "n": "Statements",
                 "stance": "Stance", **SHARE_COLUMNS})
    for column in SHARE_COLUMNS.values():
        table[column] = table[column] * 100
    st.dataframe(table, hide_index=True, key="belief_table", height=min(38 + 35 * len(table), 700),
                 column_config={column: st.column_config.ProgressColumn(column, min_value=0, max_value=100,
                                                                        format="%.0f%%")
                                for column in SHARE_COLUMNS.values()})


if __name__ == "__main__":
    render(state.current())
