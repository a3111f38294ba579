"""Actor profile: everything one actor said, across sources and targets, and how its stance moved."""

from __future__ import annotations

import streamlit as st

from analysis.present.pages import profile
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state, ui, urlstate


def render(scope: Scope) -> None:
    st.title("Actor profile")
    choices = profile.actor_choices(scope)
    urlstate.adopt("profile", parse=urlstate.one_of(choices.actor_ids))
    if st.session_state.get("profile") not in set(choices.actor_ids):
        st.session_state["profile"] = choices.default
    actor_id = st.selectbox(
        "Actor", choices.actor_ids, key="profile", format_func=lambda a: scope.labels.actors.get(a, a)
    )
    urlstate.publish("profile", [actor_id])
    page = profile.profile_page(scope, actor_id=actor_id, figure=state.figure)
    st.subheader(escape_markdown(page.name))
    st.caption(escape_markdown(page.about))
    ui.screenshot_link(scope, view="profile", profile=actor_id)
    ui.tiles(page.tiles)
    if page.empty:
        st.info(page.empty)
        return
    st.dataframe(page.targets, hide_index=True, key="targets")
    if page.chart is not None:
        ui.chart(page.chart, key="over_time", filename=f"profile-{actor_id}")
    else:
        st.info(page.no_chart, icon=":material/timeline:")
    if page.across is not None:
        st.subheader("Across stories")
        st.caption(page.across_note)
        st.dataframe(page.across, hide_index=True, key="across", width="stretch")
    st.subheader("Statements")
    if page.cards_note:
        st.caption(page.cards_note)
    ui.quote_grid(page.cards, scope=scope, columns=2)


if __name__ == "__main__":
    render(state.current())
