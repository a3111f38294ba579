"""Changes: what is new since the last briefing (or a date): the headline, the stance shifts with both
quotes, stances by bloc then and now, new statements and actors, first reactions, corrections, silence."""

from __future__ import annotations

import streamlit as st

from analysis.present.pages import changes
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state, ui, urlstate

A_DATE = "date"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _since(scope: Scope) -> str:
    choices = state.briefings(scope.tables.story_id)
    labels = {b.briefing_id: _upper_first(b.label().removeprefix("the ")) for b in choices}
    options = [*labels, A_DATE]
    _adopt_url(labels)
    if st.session_state.get("since_choice") not in options:
        st.session_state["since_choice"] = options[0]
    left, right = st.columns([3, 1])
    chosen = left.selectbox(
        "Since",
        options,
        key="since_choice",
        format_func=lambda o: labels.get(o, "a date…"),
        help="A briefing is every export: the deck, the bundle or the tables, from this app or the command line.",
    )
    if chosen != A_DATE:
        urlstate.publish("since", [chosen])
        return chosen
    if "since_day" not in st.session_state:
        st.session_state["since_day"] = changes.default_day(scope)
    day = right.date_input("Day", key="since_day", format="YYYY-MM-DD")
    urlstate.publish("since", [day.isoformat()])
    return day.isoformat()


def _adopt_url(labels: dict[str, str]) -> None:
    """`?since=` holds a briefing id or a day: set the two widgets from a link not seen yet."""
    values = st.query_params.get_all("since")
    if not values or values == st.session_state.get(urlstate.SEEN + "since"):
        return
    st.session_state[urlstate.SEEN + "since"] = values
    baseline = changes.parse_since(values[-1], [])
    if values[-1] in labels:
        st.session_state["since_choice"] = values[-1]
    elif baseline is not None:
        st.session_state["since_choice"], st.session_state["since_day"] = A_DATE, baseline.since
    else:
        ui.notes([f"Ignored since '{values[-1][:60]}': not a briefing of this story, nor a date (YYYY-MM-DD)."])


def render(scope: Scope) -> None:
    st.title("What changed")
    value = _since(scope)
    baseline = changes.parse_since(value, state.briefings(scope.tables.story_id))
    page = changes.changes_page(scope, baseline=baseline)
    if page.empty:
        st.info(page.empty, icon=":material/info:")
        return
    st.markdown("#### " + escape_markdown(page.headline))
    ui.chart(page.shift_chart, key="shifts", filename="stance-shifts")
    for title, table in page.tables.items():
        st.subheader(title)
        if title in page.notes:
            st.caption(escape_markdown(page.notes[title]))
        if len(table):
            st.dataframe(table, hide_index=True, width="stretch", key=f"changes:{title}")
        else:
            st.caption("None.")
        if title == "Stance shifts":
            ui.chart(page.before_after, key="before_after", filename="stances-then-and-now")


if __name__ == "__main__":
    render(state.current())
