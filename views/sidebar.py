"""The shared sidebar filters. Each widget is bound to a URL query parameter of the same name as the
FilterSpec's URL key, so a copied link reopens the same filtered view on any page."""

from __future__ import annotations

import pycountry
import streamlit as st

from analysis.filters import LIST_FIELDS, FilterSpec, Labels
from analysis.schema import STANCES
from analysis.store import Tables
from analysis.text import escape_markdown

APP_KEYS = ("view", "shot", "statement", "actor_id", "source_id")
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


def _url_notes(tables: Tables) -> list[str]:
    """What the URL asked for that cannot be honoured, read once per session before the widgets
    (which silently drop invalid values) clean the URL."""
    if NOTES_KEY not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        known = {key: set(values) for key, values in vocabulary(tables).items()}
        _, notes = FilterSpec.from_query_params(params, vocabulary=known, other_keys=APP_KEYS)
        st.session_state[NOTES_KEY] = notes
    return st.session_state[NOTES_KEY]


def render(tables: Tables) -> FilterSpec:
    """Draw the filters in the sidebar and return the FilterSpec they describe."""
    options = vocabulary(tables)
    names = Labels.from_tables(tables)
    labels = {"source": names.sources, "actor": names.actors, "target": names.targets,
              "country": {code: country_name(code) for code in options["country"]}}
    notes = _url_notes(tables)
    with st.sidebar:
        st.header("Filters")
        chosen = {}
        for key, title in (("source", "Source"), ("bloc", "Bloc"), ("kind", "Actor kind"),
                           ("country", "Country"), ("stance", "Stance"), ("target", "Target")):
            names = labels.get(key, {})
            chosen[key] = st.multiselect(title, options[key], key=key, bind="query-params",
                                         format_func=lambda value, names=names: names.get(value, value),
                                         placeholder="All")
        query = st.text_input("Search quotes and actors", key="q", bind="query-params",
                              placeholder="e.g. caution, Rubio, sovereignty", max_chars=200)
        if any(chosen.values()) or query:
            st.button("Clear all filters", on_click=_clear, icon=":material/filter_alt_off:")
        for note in notes:
            st.caption(":material/link_off: " + escape_markdown(note))
    return FilterSpec(
        **{LIST_FIELDS[key][0]: tuple(values) for key, values in chosen.items()},
        query=query or "",
    )


def _clear() -> None:
    for key in ("source", "bloc", "kind", "country", "stance", "target"):
        st.session_state[key] = []
    st.session_state["q"] = ""
