"""Overview: the headline, a few numbers, where each actor stands, stances by bloc, one quote per bloc."""

from __future__ import annotations

import streamlit as st

from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from analysis.query import aggregates, filters
from views import state, ui


def render(scope: Scope) -> None:
    numbers = aggregates.headline_numbers(scope.selection)
    st.title("Overview")
    st.markdown("#### " + escape_markdown(aggregates.headline_sentence(numbers)))
    st.caption("Showing: " + escape_markdown(filters.describe(scope.spec, labels=scope.labels)))

    share = (lambda n: f"{n / numbers['statements']:.0%}") if numbers["statements"] else (lambda n: "–")
    tiles = st.columns(5)
    tiles[0].metric("Statements", numbers["statements"], border=True)
    tiles[1].metric("Actors", numbers["actors"], border=True)
    tiles[2].metric("Supportive", share(numbers["supportive"]), border=True,
                    help=f"{numbers['supportive']} statements")
    tiles[3].metric("Cautious", share(numbers["cautious"]), border=True, help=f"{numbers['cautious']} statements")
    tiles[4].metric("Opposing", share(numbers["opposing"]), border=True,
                    help=f"{numbers['opposing']} statements opposed or condemning")

    targets = scope.selection.counts("target_id").index.tolist()
    target = None
    if len(targets) > 1:
        target = st.selectbox("Spectrum for", targets, key="spectrum_target",
                              format_func=lambda t: scope.labels.targets.get(t, t))
    ui.chart(state.figure("spectrum", scope, target_id=target), key="spectrum", filename="stance-spectrum")
    ui.chart(state.figure("blocs", scope), key="by_bloc", filename="stance-by-bloc")

    st.subheader("Key quote per bloc")
    quotes = aggregates.key_quotes(scope.selection)
    if quotes.empty:
        st.info("No statements match the filters. Clear a filter in the sidebar to see quotes.")
    ui.quote_grid(quotes, scope=scope, columns=3)


if __name__ == "__main__":
    render(state.current())
