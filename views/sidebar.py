"""The shared sidebar filters. Each widget is bound to a URL query parameter of the same name as the
FilterSpec's URL key, so a copied link reopens the same filtered view on any page."""

from __future__ import annotations

import pandas as pd
import pycountry
import streamlit as st

from analysis.data.schema import STANCES
from analysis.data.store import Tables
from analysis.present import figures, pagework
from analysis.present.text import escape_markdown
from analysis.query.alignment import EDGE_KINDS
from analysis.query.filters import LIST_FIELDS, FilterSpec, Labels
from views import urlstate

APP_KEYS = ("view", "shot", "statement", "read", "profile", "edges")
NOTES_KEY = "_url_notes"


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    return f"{getattr(country, 'common_name', None) or country.name} ({code})" if country else code


def vocabulary(tables: Tables) -> dict[str, list[str]]:
    """The values each filter offers, in the order the sidebar lists them."""
    actors = tables.actors
    return {
        "source": tables.sources["source_id"].tolist(),
        "bloc": sorted(actors["bloc"].unique()),
        "kind": sorted(actors["kind"].unique()),
        "country": sorted(c for c in actors["country"].unique() if c),
        "actor": tables.actors.sort_values("name")["actor_id"].tolist(),
        "stance": list(STANCES),
        "target": tables.targets["target_id"].tolist(),
    }


FILTER_KEYS = ("source", "bloc", "kind", "country", "stance", "target")


# Filters the URL may carry (screenshot mode and the export command honour them) that the sidebar has no
# widget for: a link with them says so instead of silently showing more than it asked for.
NOT_IN_SIDEBAR = {"from": "the sidebar has no date filter (screenshot mode honours it)",
                  "to": "the sidebar has no date filter (screenshot mode honours it)",
                  "actor": "the sidebar has no actor filter; open the actor's profile instead"}


def app_values(tables: Tables) -> dict[str, object]:
    """The values each app (non-filter) URL parameter accepts."""
    return {"view": set(figures.VIEWS), "shot": {"0", "1"}, "statement": pd.Index(tables.statements["statement_id"]),
            "read": set(tables.sources["source_id"]), "profile": set(tables.actors["actor_id"]),
            "edges": set(EDGE_KINDS)}


def read_url(tables: Tables, params: dict[str, list[str]], *, on_page: bool = True) -> tuple[FilterSpec, list[str]]:
    """The FilterSpec a URL asks for, and a note for each part of it that is ignored."""
    known = {key: set(values) for key, values in vocabulary(tables).items()}
    return FilterSpec.from_query_params(params, vocabulary=known, other_keys=app_values(tables),
                                        unsupported=NOT_IN_SIDEBAR if on_page else None)


def show_notes(notes: list[str]) -> None:
    for note in notes:
        st.caption(":material/link_off: " + escape_markdown(note))


def _adopt_url(tables: Tables) -> None:
    """Take the filters from the URL when it brings new ones (first load, or a pasted or followed link).
    What cannot be honoured is ignored and listed under the filters."""
    params = urlstate.changed()
    if params is None:
        return
    spec, notes = read_url(tables, params)
    st.session_state[NOTES_KEY] = notes
    for key in FILTER_KEYS:
        if key in params:
            st.session_state[key] = list(getattr(spec, LIST_FIELDS[key][0]))
    if "q" in params:
        st.session_state["q"] = spec.query
    if "reviewed" in params:
        st.session_state["reviewed"] = spec.reviewed_only


def render(tables: Tables) -> FilterSpec:
    """Draw the filters in the sidebar, in sync with the URL, and return the FilterSpec they describe."""
    options = vocabulary(tables)
    names = Labels.of(tables)
    labels = {"source": names.sources, "actor": names.actors, "target": names.targets,
              "country": {code: country_name(code) for code in options["country"]}}
    _adopt_url(tables)
    # Thousands of sources would be sent to the browser on every rerun: list the most used ones, and the
    # ones chosen (in the URL too).
    options["source"] = pagework.source_choices(tables, keep=st.session_state.get("source", []))
    with st.sidebar:
        st.header("Filters")
        chosen = {}
        for key, title in (("source", "Source"), ("bloc", "Bloc"), ("kind", "Actor kind"),
                           ("country", "Country"), ("stance", "Stance"), ("target", "Target")):
            shown = labels.get(key, {})
            capped = key == "source" and len(options[key]) < len(tables.sources)
            chosen[key] = st.multiselect(title, options[key], key=key, placeholder="All",
                                         format_func=lambda value, shown=shown: shown.get(value, value),
                                         help=f"The {len(options[key])} sources with most statements of "
                                              f"{len(tables.sources):,}. Open any source in the Source reader."
                                         if capped else None)
        query = st.text_input("Search quotes and actors", key="q", placeholder="e.g. caution, Rubio, sovereignty",
                              max_chars=200)
        reviewed = st.toggle("Reviewed statements only", key="reviewed",
                             help="Hide statements the extractor proposed that nobody has reviewed yet.")
        if any(chosen.values()) or query or reviewed:
            st.button("Clear all filters", on_click=_clear, icon=":material/filter_alt_off:")
        show_notes(st.session_state.get(NOTES_KEY, []))
    spec = FilterSpec(**{LIST_FIELDS[key][0]: tuple(values) for key, values in chosen.items()}, query=query or "",
                      reviewed_only=bool(reviewed))
    params = spec.to_query_params()
    for key in (*FILTER_KEYS, "q", "reviewed"):
        urlstate.publish(key, params.get(key, []))
    return spec


def _clear() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = []
    st.session_state["q"] = ""
    st.session_state["reviewed"] = False
    st.session_state[NOTES_KEY] = []
