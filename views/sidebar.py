"""The shared sidebar filters. Each widget is bound to a URL query parameter of the same name as the
filter's URL key, so a copied link reopens the same filtered view on any page."""

from __future__ import annotations

import streamlit as st

from analysis.data.store import Tables
from analysis.present.pages import sidebar
from analysis.query.filters import FilterSpec
from views import ui, urlstate

NOTES_KEY = "_url_notes"


def _adopt_url(tables: Tables) -> None:
    """Take the filters from the URL when it brings new ones (first load, or a pasted or followed link).
    What cannot be honoured is ignored and listed under the filters."""
    params = urlstate.changed()
    if params is None:
        return
    spec, notes = sidebar.read_url(tables, params)
    st.session_state[NOTES_KEY] = notes
    st.session_state.update(sidebar.widget_values(spec, params))


def render(tables: Tables) -> FilterSpec:
    """Draw the filters in the sidebar, in sync with the URL, and return the FilterSpec they describe."""
    _adopt_url(tables)
    widgets = sidebar.filter_widgets(tables, chosen_sources=st.session_state.get("source", []))
    with st.sidebar:
        st.header("Filters")
        chosen = {
            widget.key: st.multiselect(
                widget.label,
                widget.options,
                key=widget.key,
                placeholder="All",
                format_func=lambda value, names=widget.names: names.get(value, value),
                help=widget.help,
            )
            for widget in widgets
        }
        query = st.text_input(
            sidebar.QUERY.label, key=sidebar.QUERY.key, max_chars=200, placeholder="e.g. caution, Rubio, sovereignty"
        )
        reviewed = st.toggle(
            sidebar.REVIEWED.label,
            key=sidebar.REVIEWED.key,
            help="Hide statements the extractor proposed that nobody has reviewed yet.",
        )
        if any(chosen.values()) or query or reviewed:
            st.button("Clear all filters", on_click=_clear, args=(list(chosen),), icon=":material/filter_alt_off:")
        ui.notes(st.session_state.get(NOTES_KEY, []))
    spec = sidebar.spec_of(chosen, query=query, reviewed=reviewed)
    params = spec.to_query_params()
    for key in sidebar.URL_KEYS:
        urlstate.publish(key, params.get(key, []))
    return spec


def _clear(keys: list[str]) -> None:
    for key in keys:
        st.session_state[key] = []
    st.session_state[sidebar.QUERY.key] = ""
    st.session_state[sidebar.REVIEWED.key] = False
    st.session_state[NOTES_KEY] = []
