"""Map: where each country's actors stand, as a net stance."""

from __future__ import annotations

import streamlit as st

from analysis.present.pages import map as world
from analysis.query.scope import Scope
from views import state, ui


def render(scope: Scope) -> None:
    st.title("Map")
    page = world.map_page(scope, figure=state.figure)
    ui.figure_head(scope, page.figure, caption=page.caption, view="map", filename="stance-map")
    if page.countries is not None:
        st.dataframe(page.countries, hide_index=True, key="country_table")


if __name__ == "__main__":
    render(state.current())
