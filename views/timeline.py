"""Timeline: the context events and the reactions on one time axis, reaction lags, and who is silent."""

from __future__ import annotations

import streamlit as st

from analysis.present.pages import timeline
from analysis.present.text import escape_markdown
from analysis.present.wording import NO_MATCH
from analysis.query.scope import Scope
from views import state, ui


def render(scope: Scope) -> None:
    st.title("Timeline")
    page = timeline.timeline_page(scope, figure=state.figure)
    ui.figure_head(scope, page.figure, caption=page.caption, view="timeline", filename="reaction-timeline")
    left, right = st.columns([3, 2])
    with left:
        st.subheader("Reaction lag")
        st.caption(timeline.LAGS_CAPTION)
        if page.lags is None:
            st.info(f"{NO_MATCH}.")
        else:
            if page.lags_note:
                st.caption(page.lags_note)
            st.dataframe(page.lags, hide_index=True, key="lag_table")
    with right:
        st.subheader("Silent so far")
        st.caption(escape_markdown(page.silent_caption))
        if page.silent is None:
            st.success("Every actor in the filter has taken a position.", icon=":material/done_all:")
        else:
            if page.silent_note:
                st.caption(page.silent_note)
            st.dataframe(page.silent, hide_index=True, key="silent_table")


if __name__ == "__main__":
    render(state.current())
