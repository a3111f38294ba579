"""Positions: every filtered statement in a table; pick one to read its quote in its sentence."""

from __future__ import annotations

import streamlit as st

from analysis.present import pagework, text, theme
from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from analysis.query import aggregates
from views import corrections, state, ui

MAX_ROWS_ON_SCREEN = 500
TABLE_COLUMNS = {
    "stance": "Stance", "review": "Review", "actor_name": "Actor", "quote": "Quote", "bloc": "Bloc",
    "target_label": "Target", "cue": "Cue", "when": "Date", "mode": "Mode", "source_title": "Source",
}


def _stance_style(value) -> str:
    stance = str(value)
    if stance not in theme.STANCE_COLORS:
        return ""
    return f"background-color: {theme.STANCE_COLORS[stance]}; color: {theme.STANCE_TEXT_COLORS[stance]}"


def render(scope: Scope) -> None:
    st.title("Positions")
    st.caption(escape_markdown(scope.subtitle) + " · search with the box in the sidebar")
    if scope.selection.empty:
        st.info("No statements match the filters. Clear a filter in the sidebar to see statements.")
        return
    shown = pagework.positions_table(scope.selection, limit=MAX_ROWS_ON_SCREEN)
    if len(scope.selection) > MAX_ROWS_ON_SCREEN:
        st.warning(f"Showing the first {MAX_ROWS_ON_SCREEN:,} of {len(scope.selection):,} statements. "
                   "Narrow the filters to see the rest.")
    table = shown.assign(
        when=[aggregates.format_date(d, p) for d, p in zip(shown["date"], shown["date_precision"])],
        stance=shown["stance"].astype(str),
        review=["⚠ unreviewed" if not r else ("✓ extracted" if o == "extracted" else "✓ curated")
                for r, o in zip(shown["reviewed"], shown["origin"])],
    )[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS).reset_index(drop=True)
    event = st.dataframe(
        table.style.map(_stance_style, subset=["Stance"]),
        key="positions_table", on_select="rerun", selection_mode="single-row", hide_index=True,
        height=min(38 + 35 * len(table), 880),
        column_config={"Stance": st.column_config.TextColumn(width=90),
                       "Review": st.column_config.TextColumn(width=110, help="⚠: proposed by the extractor, "
                                                             "not yet reviewed; correct it below"),
                       "Actor": st.column_config.TextColumn(width=170),
                       "Quote": st.column_config.TextColumn(width=560, help="Verbatim from the source"),
                       "Bloc": st.column_config.TextColumn(width=150),
                       "Target": st.column_config.TextColumn(width=210),
                       "Source": st.column_config.TextColumn(width="small")},
    )
    selected = event.selection.rows if event else []
    if not selected:
        st.caption("Select a row to read the quote in its sentence.")
        return
    row = shown.iloc[selected[0]]
    before, quote, after = text.in_context(scope.tables.texts[row["source_id"]], int(row["start"]), int(row["end"]))
    st.subheader(escape_markdown(f"{row['actor_name']} · {row['target_label']}"))
    ui.stance_badge(str(row["stance"]))
    st.markdown("…" + escape_markdown(before) + "**" + escape_markdown(quote) + "**" + escape_markdown(after) + "…")
    st.caption(
        f"Cue: “{escape_markdown(row['cue'])}” · {escape_markdown(row['mode'])} · "
        f"{escape_markdown(aggregates.format_date(row['date'], row['date_precision']))} · "
        f"source: {escape_markdown(row['source_title'])} · characters {row['start']}–{row['end']} · "
        f"statement {escape_markdown(row['statement_id'])}"
    )
    if row["summary"]:
        st.markdown("Summary: " + escape_markdown(row["summary"]))
    ui.reader_link(scope, row, label="Read it in the full source text")
    corrections.form(scope, row)


if __name__ == "__main__":
    render(state.current())
