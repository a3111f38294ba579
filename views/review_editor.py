"""The review page's editors. The proposals live in session state under a stable row id and are the
editors' *input*; what the editor returns is only read, never fed back in (Streamlit #7749, #9917)."""

from __future__ import annotations

import time

import streamlit as st

from analysis.data import curation, saving, store
from analysis.data.schema import ACTOR_KINDS
from analysis.present.pages import evidence, review
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state, ui

PROPOSALS_KEY = "proposals:"
EDITOR_KEY = "editor:"
ACTORS_KEY = "new_actors:"
REJECTED_KEY = "rejected:"  # the proposals left unticked at a save, by article: they stay unticked


def set_proposals(source_id: str, proposals) -> None:
    st.session_state[PROPOSALS_KEY + source_id] = proposals
    for prefix in (EDITOR_KEY, ACTORS_KEY):
        st.session_state.pop(prefix + source_id, None)


def get_proposals(source_id: str):
    return st.session_state.get(PROPOSALS_KEY + source_id)


def proposals_editor(scope: Scope, source_id: str, proposals):
    data_dir, _ = state.data_dirs()
    rejected_before = frozenset(st.session_state.get(REJECTED_KEY + source_id, ())) | review.rejected_before(
        data_dir, source_id
    )
    start = review.proposals_table(scope.tables, source_id, proposals, rejected_before=rejected_before)
    st.caption(start.caption)
    return st.data_editor(
        start.table,
        key=EDITOR_KEY + source_id,
        num_rows="fixed",
        width="stretch",
        disabled=["evidence", "confidence", "why"],
        column_config={
            "include": st.column_config.CheckboxColumn("keep", width=60),
            "actor": st.column_config.SelectboxColumn("actor", options=start.actors, required=True, width=220),
            "stance": st.column_config.SelectboxColumn("stance", options=start.stances, required=True, width=110),
            "target": st.column_config.SelectboxColumn("target", options=start.targets, required=True, width=180),
            "evidence": st.column_config.TextColumn("evidence (verbatim)", width=480),
            "confidence": st.column_config.NumberColumn("confidence", format="%.2f", width=90),
            "why": st.column_config.TextColumn(
                "why", width=380, help="The cue that decided the stance and how its holder was found"
            ),
        },
    )


def context_viewer(scope: Scope, source_id: str, proposals) -> None:
    row_id = st.selectbox(
        "Read a proposal in its sentence",
        proposals.index.tolist(),
        key="context_row",
        format_func=lambda r: review.proposal_label(proposals, r),
    )
    if row_id:
        ui.cue_in_sentence(review.in_context(scope.tables, source_id, proposals, row_id))


def new_actors_editor(scope: Scope, source_id: str, edited):
    """A small form for each new actor among the kept rows: id, name, kind, country, bloc."""
    if not review.new_actor_names(edited):
        return review.no_new_actors()
    key = ACTORS_KEY + source_id
    if key not in st.session_state:  # built once from the extractor's guesses, then only edited
        st.session_state[key] = review.new_actor_guesses(get_proposals(source_id), edited, scope.tables)
    st.subheader("New actors")
    blocs = evidence.story_blocs(scope.tables)
    st.caption(
        "Describe each new actor once: a slug id, its kind, an ISO alpha-3 country (or empty), and a bloc: one of "
        "this story's (" + escape_markdown(", ".join(blocs) or "none yet") + "), or a new one's name."
    )
    return st.data_editor(
        review.shown_new_actors(st.session_state[key], edited),
        key=key + ":editor",
        num_rows="fixed",
        hide_index=True,
        width="stretch",
        column_config={
            "kind": st.column_config.SelectboxColumn("kind", options=list(ACTOR_KINDS)),
            "name": st.column_config.TextColumn("name", disabled=True),
        },
    )


def save(scope: Scope, source_id: str, proposals, edited, new_actors) -> None:
    data_dir, seeds_dir = state.data_dirs()
    started = time.perf_counter()
    try:
        with st.spinner("Checking and saving…"):
            saved = review.save_review(
                data_dir,
                seeds_dir,
                scope.tables,
                source_id=source_id,
                proposals=proposals,
                edited=edited,
                new_actors=new_actors,
            )
    except (curation.CurationError, saving.SaveError) as error:
        st.error(escape_markdown(str(error)), icon=":material/block:")
        return
    except store.DataError as error:
        st.error("Nothing was saved: " + escape_markdown(str(error)), icon=":material/block:")
        return
    now_rejected = review.rejected(proposals, edited)
    st.session_state[REJECTED_KEY + source_id] = {*st.session_state.get(REJECTED_KEY + source_id, ()), *now_rejected}
    review.remember_rejected(data_dir, source_id, now_rejected)  # for later sessions, and other curators
    set_proposals(source_id, proposals.iloc[0:0])
    st.success(
        f"Saved {saved} statements and {len(new_actors)} new actors in "
        f"{time.perf_counter() - started:.1f} s. They are on the Positions page now.",
        icon=":material/check_circle:",
    )
