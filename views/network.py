"""Alignment network: who agrees with whom, and who clashes, on the same targets."""

from __future__ import annotations

import streamlit as st

from analysis.present.pages import network
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state, ui, urlstate


def render(scope: Scope) -> None:
    st.title("Alignment network")
    caption = st.empty()  # the filter sentence, under the title
    urlstate.adopt("edges", parse=urlstate.one_of(network.EDGE_LABELS))
    st.session_state.setdefault("edges", "congruence")
    kind = (
        st.segmented_control(
            "Edges", list(network.EDGE_LABELS), format_func=network.EDGE_LABELS.get, key="edges", required=True
        )
        or "congruence"
    )
    urlstate.publish("edges", [kind])
    page = network.network_page(scope, edges=kind, figure=state.figure)
    caption.caption(escape_markdown(page.caption))
    ui.screenshot_link(scope, view="network", edges=kind)
    ui.chart(page.figure, key="network", filename=f"alignment-{kind}")
    st.markdown(escape_markdown(page.explanation))
    st.caption(page.how_to_read)


if __name__ == "__main__":
    render(state.current())
