"""Map: where each country's actors stand, as a net stance."""

from __future__ import annotations

import streamlit as st

from analysis.present import figures
from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from analysis.query import aggregates
from views import state, ui


def render(scope: Scope) -> None:
    st.title("Map")
    st.caption(escape_markdown(scope.subtitle) + " · only actors with a country are mapped")
    ui.screenshot_link("views/map.py", scope, view="map")
    ui.chart(state.figure("map", scope), key="map", filename="stance-map")
    countries = aggregates.country_stances(scope.selection)
    if countries.empty:
        return
    names = figures.country_names(countries["country"], scope.tables.actors)
    table = countries.assign(Country=countries["country"].map(names), Actors=countries["actors"].str.join(", "),
                             net=countries["net"].round(2))[["Country", "stance", "net", "n", "Actors"]]
    st.dataframe(table.rename(columns={"stance": "Net stance", "net": "Net score", "n": "Statements"}),
                 hide_index=True, key="country_table")


if __name__ == "__main__":
    render(state.current())
