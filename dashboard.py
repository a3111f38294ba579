"""Stance & Reaction Dashboard: the entry point. It sets up the page, the shared filters and routing."""

from __future__ import annotations

import streamlit as st

from analysis.data import paths
from views import shot, sidebar, state, ui

# A local file: a material icon as favicon would be fetched from a font CDN, which an offline machine cannot reach.
ICON = str(paths.PROJECT_ROOT / "views" / "assets" / "icon.png")

st.set_page_config(page_title="Stance & Reaction Dashboard", page_icon=ICON, layout="wide")

PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("views/positions.py", title="Positions", icon=":material/format_quote:", url_path="positions"),
    st.Page("views/matrix.py", title="Matrix", icon=":material/grid_on:", url_path="matrix"),
    st.Page("views/network.py", title="Alignment network", icon=":material/hub:", url_path="network"),
    st.Page("views/map.py", title="Map", icon=":material/public:", url_path="map"),
    st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("views/reader.py", title="Source reader", icon=":material/menu_book:", url_path="reader"),
    st.Page("views/profile.py", title="Actor profile", icon=":material/person:", url_path="profile"),
    st.Page("views/briefing.py", title="Briefing exports", icon=":material/slideshow:", url_path="briefing"),
    st.Page("views/review.py", title="Review new articles", icon=":material/fact_check:", url_path="review"),
]

page = st.navigation(PAGES, position="hidden" if shot.is_on() else "sidebar")
loaded = state.load_tables()
if isinstance(loaded, list):
    ui.show_problems(loaded)
elif shot.is_on():
    shot.render(loaded)
else:
    state.set_current(state.make_scope(loaded, sidebar.render(loaded)))
    page.run()
