"""Overview: the headline, a few numbers, where each actor stands, stances by bloc, one quote per bloc."""

from __future__ import annotations

import streamlit as st

from analysis.present.pages import overview
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state, ui


def render(scope: Scope) -> None:
    st.title("Overview")
    header = st.container()  # filled once the spectrum's target is read from its picker below
    targets = overview.spectrum_targets(scope)
    target = None
    if len(targets) > 1:
        target = st.selectbox(
            "Spectrum for", targets, key="spectrum_target", format_func=lambda t: scope.labels.targets.get(t, t)
        )
    page = overview.overview_page(scope, target_id=target, figure=state.figure)
    with header:
        st.markdown("#### " + escape_markdown(page.headline))
        st.caption("Showing: " + escape_markdown(page.showing))
        ui.tiles(page.tiles)
    ui.chart(page.spectrum, key="spectrum", filename="stance-spectrum")
    ui.chart(page.blocs, key="by_bloc", filename="stance-by-bloc")
    st.subheader("Key quote per bloc")
    ui.info(page.no_quotes)
    ui.quote_grid(page.quotes, scope=scope, columns=3)


if __name__ == "__main__":
    render(state.current())
