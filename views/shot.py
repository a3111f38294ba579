"""Screenshot mode (?view=...&shot=1): one view's figure alone at 16:9, with its title, filter sentence,
source and as-of date, and no sidebar or Streamlit chrome, ready for a screen grab."""

from __future__ import annotations

import streamlit as st

from analysis.data.store import Tables
from analysis.present import figures, theme
from analysis.present.text import escape_markdown
from views import sidebar, state

# Constant CSS, no data in it: hides Streamlit's header, toolbar and the sidebar toggle.
CHROME_CSS = """<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stDecoration"] { display: none !important; }
.block-container { padding-top: 1rem !important; }
</style>"""
PAGE_OF_VIEW = {"spectrum": "views/overview.py", "blocs": "views/overview.py", "matrix": "views/matrix.py",
                "network": "views/network.py", "map": "views/map.py", "timeline": "views/timeline.py",
                "profile": "views/profile.py"}


def is_on() -> bool:
    return st.query_params.get("shot") == "1"


def render(tables: Tables) -> None:
    st.html(CHROME_CSS)
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    spec, notes = sidebar.read_url(tables, params, on_page=False)
    view = st.query_params.get("view", "spectrum")
    back = {key: values for key, values in params.items() if key not in ("shot", "view")}
    if view not in figures.VIEWS or (view == "profile" and st.query_params.get("profile") not in
                                     set(tables.actors["actor_id"])):
        st.warning(escape_markdown(f"Screenshot mode cannot show view {view[:40]!r}. "
                                   f"Known views: {', '.join(figures.VIEWS)}."), icon=":material/warning:")
        st.page_link("views/overview.py", label="Back to the dashboard", query_params=back)
        sidebar.show_notes(notes)
        return
    scope = state.make_scope(tables, spec)
    options = {"target": spec.targets[0] if len(spec.targets) == 1 else None,
               "edges": st.query_params.get("edges", "congruence"), "actor": st.query_params.get("profile")}
    if options["edges"] not in ("congruence", "conflict"):
        options["edges"] = "congruence"
    fig = figures.figure(view, scope, options=options)
    fig.update_layout(width=theme.SLIDE_WIDTH, height=theme.SLIDE_HEIGHT, autosize=False)
    st.plotly_chart(fig, theme=None, width="content", key="shot",
                    config={**theme.config(filename=f"{view}-16x9"), "displayModeBar": False})
    st.page_link(PAGE_OF_VIEW[view], label="Exit screenshot mode", icon=":material/close_fullscreen:",
                 query_params=back)
    sidebar.show_notes(notes)  # under the 16:9 figure, outside a screen grab of it
