"""The shared sidebar filters. Each widget is bound to a URL query parameter of the same name as the
filter's URL key, so a copied link reopens the same filtered view on any page."""

from __future__ import annotations

import streamlit as st

from analysis.data.store import Tables
from analysis.present.pages import sidebar
from analysis.query.filters import FilterSpec
from views import ui, urlstate

NOTES_KEY = "_url_notes"
OPEN_KEY = "_open_story"


def open_story(story_id: str) -> None:
    """Open another story on the next run (its picker has been drawn in this one)."""
    st.session_state[OPEN_KEY] = story_id


def _adopt_url(tables: Tables) -> None:
    """Take the story and the filters from the URL when it brings new ones (first load, or a pasted or
    followed link). What cannot be honoured is ignored and listed under the filters."""
    params = urlstate.changed()
    if params is None:
        return
    picker = sidebar.story_picker(tables, params)
    st.session_state[sidebar.STORY_KEY] = picker.chosen
    spec, notes = sidebar.read_url(tables.story(picker.chosen), params)
    st.session_state[NOTES_KEY] = notes
    st.session_state.update(sidebar.widget_values(spec, params))


def render(tables: Tables) -> tuple[str, FilterSpec]:
    """Draw the story picker and the filters in the sidebar, in sync with the URL, and return the story
    and the FilterSpec they describe."""
    _adopt_url(tables)
    if OPEN_KEY in st.session_state:  # a story just created, to open
        st.session_state[sidebar.STORY_KEY] = st.session_state.pop(OPEN_KEY)
    picker = sidebar.story_picker(tables, {sidebar.STORY_KEY: [st.session_state.get(sidebar.STORY_KEY, "")]})
    st.session_state[sidebar.STORY_KEY] = picker.chosen  # a story that is gone falls back to the default
    with st.sidebar:
        story_id = st.selectbox(
            "Story",
            picker.options,
            key=sidebar.STORY_KEY,
            format_func=lambda s: picker.names.get(s, s),
            help="Every page, count, chart and export shows this story only.",
        )
    urlstate.publish(sidebar.STORY_KEY, [story_id] if story_id else [])
    story = tables.story(story_id)
    widgets = sidebar.filter_widgets(story, chosen_sources=st.session_state.get("source", []))
    for key, values in sidebar.keep_known({w.key: st.session_state.get(w.key, []) for w in widgets}, widgets).items():
        st.session_state[key] = values
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
    return story_id, spec


def _clear(keys: list[str]) -> None:
    for key in keys:
        st.session_state[key] = []
    st.session_state[sidebar.QUERY.key] = ""
    st.session_state[sidebar.REVIEWED.key] = False
    st.session_state[NOTES_KEY] = []
