"""Screenshot mode (?view=...&shot=1): one view's figure alone at 16:9, with its title, filter sentence,
source and as-of date, and no sidebar or Streamlit chrome, ready for a screen grab."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.data.store import Tables
from analysis.present import theme
from analysis.present.pages.shot import shot_page
from analysis.present.text import escape_markdown
from views import ui, urlstate

# Constant CSS, no data in it: hides Streamlit's header, toolbar and the sidebar toggle.
CHROME_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stDecoration"] { display: none !important; }
.block-container { padding-top: 1rem !important; }
</style>"""


def is_on() -> bool:
    return st.query_params.get("shot") == "1"


def render(tables: Tables) -> None:
    st.html(CHROME_CSS)
    page = shot_page(tables, urlstate.params(), as_of=dt.date.today())
    if page.figure is None:
        st.warning(escape_markdown(page.warning), icon=":material/warning:")
        st.page_link("views/overview.py", label="Back to the dashboard", query_params=page.back)
    else:
        st.plotly_chart(
            page.figure,
            theme=None,
            width="content",
            key="shot",
            config={**theme.config(filename=f"{page.view}-16x9"), "displayModeBar": False},
        )
        st.page_link(
            page.exit_page, label="Exit screenshot mode", icon=":material/close_fullscreen:", query_params=page.back
        )
    ui.notes(page.notes)  # under the 16:9 figure, outside a screen grab of it
