"""Stance & Reaction Dashboard: the entry point. It sets up the page, the shared filters and routing."""

from __future__ import annotations

import streamlit as st

from analysis.data import paths
from analysis.present.pages import PAGES
from views import shot, sidebar, state, ui

# A local file: a material icon as favicon would be fetched from a font CDN, which an offline machine cannot reach.
ICON = str(paths.PROJECT_ROOT / "views" / "assets" / "icon.png")

st.set_page_config(page_title="Stance & Reaction Dashboard", page_icon=ICON, layout="wide")

page = st.navigation(
    [st.Page(p.script, title=p.title, icon=p.icon, url_path=p.id, default=p is PAGES[0]) for p in PAGES],
    position="hidden" if shot.is_on() else "sidebar",
)
loaded = state.load_tables()
if isinstance(loaded, list):
    ui.show_problems(loaded)
elif shot.is_on():
    shot.render(loaded)
else:
    story_id, spec = sidebar.render(loaded)
    state.set_current(state.make_scope(loaded.story(story_id), spec))
    ui.show_flash()
    page.run()
