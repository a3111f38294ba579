"""Small rendering helpers shared by the pages. Anything from data goes through escape_markdown."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.data.schema import Problem
from analysis.present import theme
from analysis.present.text import escape_markdown
from analysis.query import aggregates

# st.badge colours closest to the stance palette.
BADGE_COLORS = {"condemning": "red", "opposed": "orange", "cautious": "yellow", "neutral": "gray",
                "supportive": "blue"}


def chart(fig: go.Figure, *, key: str, filename: str) -> None:
    """Draw a figure exactly as built: no Streamlit theme, so the screen matches the exports."""
    st.plotly_chart(fig, theme=None, key=key, config=theme.config(filename=filename))


def stance_badge(stance: str) -> None:
    st.badge(stance, color=BADGE_COLORS.get(stance, "gray"))


def reader_params(scope, *, statement_id: str, source_id: str) -> dict[str, list[str] | str]:
    """URL params that open the source reader at one statement, keeping the current filters."""
    return {**scope.spec.to_query_params(), "read": source_id, "statement": statement_id}


def reader_link(scope, row, *, label: str = "Read in source") -> None:
    st.page_link("views/reader.py", label=label, icon=":material/menu_book:",
                 query_params=reader_params(scope, statement_id=row.statement_id, source_id=row.source_id))


def quote_card(row, *, scope=None) -> None:
    """One statement as a card: bloc, stance, the verbatim quote, who said it, and a link to its source."""
    with st.container(border=True):
        st.caption(escape_markdown(row.bloc))
        stance_badge(str(row.stance))
        st.markdown("“" + escape_markdown(row.quote) + "”")
        date = aggregates.format_date(row.date, row.date_precision)
        st.caption(f"**{escape_markdown(row.actor_name)}** · {escape_markdown(row.mode)} · "
                   f"{escape_markdown(row.target_label)} · {escape_markdown(date)}")
        if scope is not None:
            reader_link(scope, row)


def quote_grid(rows: pd.DataFrame, *, scope, columns: int) -> None:
    """Statements as quote cards, filled row by row across `columns` columns."""
    slots = st.columns(columns)
    for i, row in enumerate(rows.itertuples(index=False)):
        with slots[i % columns]:
            quote_card(row, scope=scope)


def show_problems(problems: list[Problem]) -> None:
    """The error page: every problem in the tables, and what to do next."""
    files = ", ".join(dict.fromkeys(p.file for p in problems))
    st.error(f"The tables could not be loaded: {len(problems)} problem{'s' if len(problems) != 1 else ''} "
             f"found in {escape_markdown(files)}. Fix them in the CSV files, then reload this page. Nothing "
             "was changed.", icon=":material/error:")
    frame = pd.DataFrame([{"file": p.file, "row": p.row, "column": p.column or "", "value": p.value,
                           "expected": p.expected} for p in problems])
    st.dataframe(frame, hide_index=True, key="problems",
                 column_config={"row": st.column_config.NumberColumn("row", format="%d"),
                                "expected": st.column_config.TextColumn("expected", width="large")})
    st.caption("Check them from a terminal with: python -m analysis validate")


def screenshot_link(page: str, scope, *, view: str, **options: str) -> None:
    """A sidebar link that reopens this view's figure alone, at 16:9, for a screen grab (?view=...&shot=1)."""
    params = {**scope.spec.to_query_params(), "view": view, "shot": "1",
              **{key: value for key, value in options.items() if value}}
    st.sidebar.page_link(page, label="Screenshot mode", icon=":material/fullscreen:", query_params=params,
                         help="Shows this figure alone at 16:9, without the sidebar, ready for a screen grab.")
