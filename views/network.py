"""Alignment network: who agrees with whom, and who clashes, on the same targets."""

from __future__ import annotations

import streamlit as st

from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from views import state, ui, urlstate

EDGE_LABELS = {"congruence": "Agreement (same stance)", "conflict": "Conflict (opposite sides)"}


def render(scope: Scope) -> None:
    st.title("Alignment network")
    st.caption(escape_markdown(scope.subtitle))
    urlstate.adopt("edges", parse=urlstate.one_of(EDGE_LABELS))
    st.session_state.setdefault("edges", "congruence")
    kind = st.segmented_control("Edges", list(EDGE_LABELS), format_func=EDGE_LABELS.get, key="edges",
                                required=True) or "congruence"
    urlstate.publish("edges", [kind])
    ui.screenshot_link("views/network.py", scope, view="network", edges=kind)
    fig, explanation = state.figure("network", scope, kind=kind)
    ui.chart(fig, key="network", filename=f"alignment-{kind}")
    st.markdown(escape_markdown(explanation))
    st.caption("An edge joins two actors on the targets they share: same stance (agreement) or one supportive "
               "and the other cautious, opposed or condemning (conflict). Thicker edges share more targets. "
               "The layout is seeded, so the picture stays the same; agreeing actors sit closer.")


if __name__ == "__main__":
    render(state.current())
