"""Stories: every news event in the dataset, what each holds, and a link into each."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.present.pages.stories import stories_page
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state, ui


def render(scope: Scope) -> None:
    st.title("Stories")
    page = stories_page(scope.tables, as_of=dt.date.today())
    st.markdown("#### " + escape_markdown(page.headline))
    st.caption(
        "A story is one news event you follow: its own articles, targets, blocs and context events. "
        "Open one to see every page for it; the story picker at the top of the sidebar switches too."
    )
    st.dataframe(
        page.table,
        hide_index=True,
        key="stories",
        width="stretch",
        column_config={
            "Open": st.column_config.LinkColumn("Open", display_text="open", width="small"),
            "Story": st.column_config.TextColumn("Story", width="large"),
            "About": st.column_config.TextColumn("About", width="medium"),
            "Balance": st.column_config.TextColumn("Balance of stances", width="medium"),
        },
    )
    if page.capped:
        st.caption(page.capped)
    ui.chart(page.balance, key="balance", filename="stories-balance")


if __name__ == "__main__":
    render(state.current())
