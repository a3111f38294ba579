"""Actor profile: everything one actor said, across sources and targets, and how its stance moved."""

from __future__ import annotations

import numpy as np
import streamlit as st

from analysis.present import figures, pagework
from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from analysis.query import aggregates
from analysis.query.selection import NOT_A_TIME, Selection
from views import state, ui, urlstate
from views.sidebar import country_name

MAX_CARDS = 40


def render(scope: Scope) -> None:
    st.title("Actor profile")
    actors = scope.tables.actors.sort_values("name")
    in_filter = scope.selection.counts("actor_id")
    urlstate.adopt("profile", parse=urlstate.one_of(actors["actor_id"]))
    if st.session_state.get("profile") not in set(actors["actor_id"]):
        st.session_state["profile"] = in_filter.index[0] if len(in_filter) else actors["actor_id"].iloc[0]
    actor_id = st.selectbox("Actor", actors["actor_id"].tolist(), key="profile",
                            format_func=lambda a: scope.labels.actors.get(a, a))
    urlstate.publish("profile", [actor_id])
    actor = actors.set_index("actor_id").loc[actor_id]
    details = [actor["bloc"], actor["kind"], country_name(actor["country"]) if actor["country"] else "no country",
               actor["party"] and f"party: {actor['party']}",
               actor["aliases"] and "also: " + actor["aliases"].replace("|", ", ")]
    st.subheader(escape_markdown(actor["name"]))
    st.caption(escape_markdown(" · ".join(d for d in details if d)) + " · all statements, whatever the filters")
    ui.screenshot_link("views/profile.py", scope, view="profile", profile=actor_id)

    everything = Selection.everything(scope.tables)
    mine = everything.where(everything.is_in("actor_id", [actor_id]))  # a mask: no copy of a million rows
    tiles = st.columns(4)
    tiles[0].metric("Statements", len(mine), border=True)
    tiles[1].metric("Targets", mine.nunique("target_id"), border=True)
    tiles[2].metric("Sources", mine.nunique("source_id"), border=True)
    net = aggregates.nearest_stance(mine.array("score")[mine.positions].mean()) if len(mine) else "–"
    tiles[3].metric("Net stance", net, border=True, help="The stance nearest the mean score of all statements")
    if mine.empty:
        st.info("This actor appears in the tables (e.g. in an event) but has no statement yet.")
        return

    cells = aggregates.actor_target_cells(mine)
    st.dataframe(cells[["target_label", "stance", "n"]].rename(
        columns={"target_label": "Target", "stance": "Stance", "n": "Statements"}), hide_index=True, key="targets")
    dates = mine.array("date")[mine.positions]
    if len(np.unique(dates[dates != NOT_A_TIME])) > 1 and mine.nunique("source_id") > 1:
        ui.chart(figures.profile(scope, actor_id=actor_id), key="over_time", filename=f"profile-{actor_id}")
    else:
        st.info("Stance over time appears once this actor has statements from more than one source and date.",
                icon=":material/timeline:")
    st.subheader("Statements")
    if len(mine) > MAX_CARDS:
        st.caption(f"The {MAX_CARDS} most recent of {len(mine):,} statements; the Positions page lists them all "
                   "(filter by this actor's bloc or search its name).")
    ui.quote_grid(pagework.latest_statements(mine, limit=MAX_CARDS), scope=scope, columns=2)

if __name__ == "__main__":
    render(state.current())
