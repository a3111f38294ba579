"""Two-way sync between widgets and the URL's query params, so a copied link reopens the same view.

Streamlit's own `bind="query-params"` writes a widget's *formatted label* to the URL, which would put
'Dialogue with Caracas' where the FilterSpec uses the id 'dialogue-with-caracas'. So the sync is done
here: before a widget is drawn, a URL value that changed since this session last saw it (a pasted link,
or a link from another page) is adopted; after it is drawn, its value is written back.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

SEEN = "_url_seen:"
LAST_URL = "_url_last"  # the URL's params as this session's last run left them


def params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def changed() -> dict[str, list[str]] | None:
    """The URL's params when they differ from what this session's last run left in the URL (a pasted,
    edited or followed link, or the first load), else None."""
    current = params()
    if current == st.session_state.get(LAST_URL):
        return None
    st.session_state[LAST_URL] = {key: list(values) for key, values in current.items()}
    return current


def adopt(key: str, *, parse: Callable[[list[str]], object | None]) -> None:
    """Set widget `key` from the URL when the URL holds a value for it that this session has not seen.

    `parse` turns the URL values into the widget's value, or None to leave the widget alone.
    """
    values = st.query_params.get_all(key)
    if not values or values == st.session_state.get(SEEN + key):
        return
    st.session_state[SEEN + key] = values
    parsed = parse(values)
    if parsed is not None:
        st.session_state[key] = parsed


def publish(key: str, values: list[str]) -> None:
    """Write a widget's value to the URL (or remove it when empty), remembering it as seen."""
    if values:
        if st.query_params.get_all(key) != values:
            st.query_params[key] = values
    elif key in st.query_params:
        del st.query_params[key]
    st.session_state[SEEN + key] = values
    last = st.session_state.setdefault(LAST_URL, {})
    if values:
        last[key] = list(values)
    else:
        last.pop(key, None)


def one_of(options) -> Callable[[list[str]], str | None]:
    """A parser for single-choice widgets: the last URL value if it is a valid option."""
    allowed = set(options)
    return lambda values: values[-1] if values[-1] in allowed else None
