"""Stance & Reaction Dashboard: the entry point. It sets up the page, the shared filters and routing."""

from __future__ import annotations

import streamlit as st

from views import sidebar, state, ui

st.set_page_config(page_title="Stance & Reaction Dashboard", page_icon=":material/forum:", layout="wide")

PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("views/positions.py", title="Positions", icon=":material/format_quote:", url_path="positions"),
]

page = st.navigation(PAGES)
loaded = state.load_tables()
if isinstance(loaded, list):
    ui.show_problems(loaded)
else:
    state.set_current(state.make_context(loaded, sidebar.render(loaded)))
    page.run()
