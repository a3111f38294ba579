"""Matrix: who stands where on what. Actors × targets, and the actor-by-belief shares below."""

from __future__ import annotations

import streamlit as st

from analysis.present.pages import matrix
from analysis.query.scope import Scope
from views import state, ui, urlstate


def render(scope: Scope) -> None:
    st.title("Matrix: who stands where on what")
    urlstate.adopt("cell", parse=urlstate.one_of(matrix.MATRIX_CELLS))
    cell = st.radio(
        "Each cell shows the stance of its",
        matrix.MATRIX_CELLS,
        key="cell",
        horizontal=True,
        format_func=lambda c: f"{c} statement",
    )
    urlstate.publish("cell", [cell] if cell != matrix.MATRIX_CELLS[0] else [])
    page = matrix.matrix_page(scope, figure=state.figure, cell=cell)
    ui.figure_head(scope, page.figure, caption=page.caption, view="matrix", filename="actor-target-matrix", cell=cell)
    st.subheader("Actor by belief")
    st.caption(matrix.BELIEF_CAPTION)
    if page.beliefs is None:
        st.info(page.empty)
        return
    shares = {
        column: st.column_config.ProgressColumn(column, min_value=0, max_value=100, format="%.0f%%")
        for column in page.share_columns
    }
    st.dataframe(page.beliefs, hide_index=True, key="belief_table", height=page.height, column_config=shares)


if __name__ == "__main__":
    render(state.current())
