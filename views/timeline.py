"""Timeline: the context events and the reactions on one time axis, reaction lags, and who is silent."""

from __future__ import annotations

import streamlit as st

from analysis.present import figures
from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from analysis.query import filters, timeline
from analysis.query.selection import Selection
from views import state, ui

MAX_ROWS = 200  # tables on screen are capped; the payload must not grow with the data


def render(scope: Scope) -> None:
    st.title("Timeline")
    st.caption(escape_markdown(scope.subtitle))
    ui.screenshot_link("views/timeline.py", scope, view="timeline")
    figure, lags = state.figure("timeline_view", scope)
    ui.chart(figure, key="timeline", filename="reaction-timeline")

    left, right = st.columns([3, 2])
    with left:
        st.subheader("Reaction lag")
        st.caption("How long after the trigger event each actor's first statement came. Where the source "
                   "gives only a month or no date, the lag says so instead of guessing a day.")
        if lags.empty:
            st.info("No statements match the filters.")
        else:
            if len(lags) > MAX_ROWS:
                st.caption(f"The first {MAX_ROWS} of {len(lags):,} actors to react.")
            st.dataframe(lags.head(MAX_ROWS)[["actor_name", "bloc", "first_statement", "lag"]].rename(columns={
                "actor_name": "Actor", "bloc": "Bloc", "first_statement": "First statement", "lag": "Lag"}),
                hide_index=True, key="lag_table")
    with right:
        target_ids = scope.spec.targets or tuple(filter(None, [figures.default_target(scope)]))
        names = ", ".join(scope.labels.targets.get(t, t) for t in target_ids) or "any target"
        st.subheader("Silent so far")
        st.caption(escape_markdown(f"Actors in the tables with no statement on {names}."))
        candidates = filters.apply_to_actors(scope.spec, scope.tables.actors)
        silent = timeline.silent_actors(Selection.everything(scope.tables), candidates, target_ids=target_ids)
        if silent.empty:
            st.success("Every actor in the filter has taken a position.", icon=":material/done_all:")
        else:
            if len(silent) > MAX_ROWS:
                st.caption(f"{MAX_ROWS} of {len(silent):,} silent actors.")
            st.dataframe(silent.head(MAX_ROWS)[["name", "bloc"]].rename(columns={"name": "Actor", "bloc": "Bloc"}),
                         hide_index=True, key="silent_table")


if __name__ == "__main__":
    render(state.current())
