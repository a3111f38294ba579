"""Positions: every filtered statement in a table; pick one to read its quote in its sentence."""

from __future__ import annotations

import streamlit as st

from analysis.present.pages import positions
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import corrections, state, ui

COLUMNS = {
    "Stance": st.column_config.TextColumn(width=90),
    "Review": st.column_config.TextColumn(
        width=110, help="⚠: proposed by the extractor, not yet reviewed; correct it below"
    ),
    "Actor": st.column_config.TextColumn(width=170),
    "Quote": st.column_config.TextColumn(width=560, help="Verbatim from the source"),
    "Bloc": st.column_config.TextColumn(width=150),
    "Target": st.column_config.TextColumn(width=210),
    "Source": st.column_config.TextColumn(width="small"),
}


def render(scope: Scope) -> None:
    st.title("Positions")
    page = positions.positions_page(scope)
    st.caption(escape_markdown(page.caption))
    if page.empty:
        st.info(page.empty)
        return
    if page.capped:
        st.warning(page.capped)
    event = st.dataframe(
        page.table,
        key="positions_table",
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        height=page.height,
        column_config=COLUMNS,
    )
    selected = event.selection.rows if event else []
    if not selected:
        st.caption("Select a row to read the quote in its sentence.")
        return
    detail = positions.statement_detail(scope, page, selected[0])
    st.subheader(escape_markdown(detail.heading))
    ui.stance_badge(detail.stance)
    ui.in_context(detail.before, detail.quote, detail.after)
    st.caption(escape_markdown(detail.details))
    if detail.summary:
        st.markdown("Summary: " + escape_markdown(detail.summary))
    ui.reader_link(
        scope, statement_id=detail.statement_id, source_id=detail.source_id, label="Read it in the full source text"
    )
    corrections.form(scope, detail)


if __name__ == "__main__":
    render(state.current())
