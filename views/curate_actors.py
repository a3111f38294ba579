"""The Curate page's form for an actor's details, and for its bloc in this story."""

from __future__ import annotations

import streamlit as st

from analysis.data import editing
from analysis.data.schema import ACTOR_KINDS
from analysis.present.pages import evidence
from analysis.present.pages.curate import CuratePage, actor_form
from analysis.query.scope import Scope
from views.curate_forms import saved


def actors(scope: Scope, page: CuratePage) -> None:
    actor_id = st.selectbox(
        "Actor (this story's first)",
        page.actors,
        key="curate_actor",
        format_func=lambda a: page.actor_names.get(a, a),
    )
    if actor_id is None:
        return
    form = actor_form(scope.tables, actor_id)
    st.caption(
        f"{form.statements} statement{'s' if form.statements != 1 else ''} in this story. An actor's details "
        "hold in every story; its bloc here can differ from its default bloc."
    )
    with st.form(f"actor:{actor_id}"):
        slots = {}
        left, middle, right = st.columns([2, 1, 1])
        name = left.text_input("Name", value=form.name, max_chars=200)
        slots["name"] = left.empty()
        kind = middle.selectbox("Kind", ACTOR_KINDS, index=ACTOR_KINDS.index(form.kind))
        country = right.text_input("Country (ISO alpha-3)", value=form.country, max_chars=3)
        slots["country"] = right.empty()
        left, right = st.columns(2)
        bloc = left.text_input("Default bloc", value=form.bloc, max_chars=120)
        slots["bloc"] = left.empty()
        party = right.text_input("Party", value=form.party, max_chars=120)
        aliases = st.text_input("Other names in texts (|-separated)", value=form.aliases, max_chars=500)
        if st.form_submit_button("Save the actor", type="primary", icon=":material/save:"):
            saved(
                lambda data, seeds: editing.edit_actor(
                    data,
                    seeds,
                    actor_id,
                    name=name,
                    kind=kind,
                    country=country,
                    bloc=bloc,
                    party=party,
                    aliases=aliases,
                    base=dict(scope.tables.file_hashes),
                ),
                slots,
                f"Saved {form.name}.",
            )
    _story_bloc(scope, page, form)


def _story_bloc(scope: Scope, page: CuratePage, form) -> None:
    keep = f"its default bloc ({form.bloc})"
    choices = [keep, *page.blocs, evidence.NEW_BLOC]
    current = form.story_bloc if form.story_bloc in choices else keep
    with st.form(f"story_bloc:{form.actor_id}"):
        chosen = st.selectbox("Its bloc in this story", choices, index=choices.index(current))
        new = st.text_input("…or a new bloc's name", max_chars=120, help=f"Used with “{evidence.NEW_BLOC}”")
        slots = {"bloc": st.empty()}
        if st.form_submit_button("Save its bloc in this story", icon=":material/groups:"):
            bloc = new if chosen == evidence.NEW_BLOC else ("" if chosen == keep else chosen)
            if chosen == evidence.NEW_BLOC and not new.strip():
                slots["bloc"].error("Name the new bloc.", icon=":material/block:")
                return
            saved(
                lambda data, seeds: editing.set_story_bloc(
                    data,
                    seeds,
                    story_id=page.story.story_id,
                    actor_id=form.actor_id,
                    bloc=bloc,
                    base=dict(scope.tables.file_hashes),
                ),
                slots,
                f"Saved the bloc of {form.name} in this story.",
            )
