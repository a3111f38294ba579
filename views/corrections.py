"""Correcting one statement from the Positions page: stance, target, summary and the reviewed flag, saved
by one library call through the same validated, locked, stale-checked save as everything else."""

from __future__ import annotations

import streamlit as st

from analysis.data import curation, saving, store
from analysis.present.pages.positions import StatementDetail
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state


def form(scope: Scope, detail: StatementDetail) -> None:
    now = detail.correction
    with (
        st.expander("Correct this statement", icon=":material/edit:", expanded=not now.reviewed),
        st.form(f"correct:{detail.statement_id}"),
    ):
        left, right = st.columns(2)
        stance = left.selectbox("Stance", now.stances, index=now.stances.index(now.stance))
        target = right.selectbox(
            "Target",
            now.targets,
            index=now.targets.index(now.target_id),
            format_func=lambda t: scope.labels.targets.get(t, t),
        )
        summary = st.text_input("Summary", value=now.summary, max_chars=300)
        reviewed = st.checkbox("Reviewed: a person has checked actor, stance and evidence", value=now.reviewed)
        if not st.form_submit_button("Save the correction", icon=":material/save:"):
            return
    data_dir, seeds_dir = state.data_dirs()
    try:
        curation.correct_statement(
            data_dir,
            seeds_dir,
            detail.statement_id,
            stance=stance,
            target_id=target,
            summary=summary,
            reviewed=reviewed,
            base=scope.tables.file_hashes["statements"],
        )
    except (curation.CurationError, saving.SaveError, store.DataError) as error:
        st.error(escape_markdown(str(error)), icon=":material/block:")
        return
    st.success(f"Saved the correction to {detail.statement_id}.", icon=":material/check_circle:")
