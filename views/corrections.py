"""Correcting one statement from the Positions page: stance, target, summary and the reviewed flag,
through the same validated, locked, stale-checked save as everything else."""

from __future__ import annotations

import streamlit as st

from analysis.data import saving, store
from analysis.data.schema import STANCES
from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from views import state


def form(scope: Scope, row) -> None:
    statement_id = row["statement_id"]
    targets = scope.tables.targets["target_id"].tolist()
    with st.expander("Correct this statement", icon=":material/edit:",
                     expanded=not bool(row["reviewed"])), st.form(f"correct:{statement_id}"):
        left, right = st.columns(2)
        stance = left.selectbox("Stance", STANCES, index=STANCES.index(str(row["stance"])))
        target = right.selectbox("Target", targets, index=targets.index(row["target_id"]),
                                 format_func=lambda t: scope.labels.targets.get(t, t))
        summary = st.text_input("Summary", value=row["summary"], max_chars=300)
        reviewed = st.checkbox("Reviewed: a person has checked actor, stance and evidence", value=bool(row["reviewed"]))
        if not st.form_submit_button("Save the correction", icon=":material/save:"):
            return
    data_dir, seeds_dir = state.data_dirs()
    raw, problems = store.read_tables(data_dir)
    statements = raw.get("statements")
    if problems or statements is None:
        st.error("The tables cannot be read; reload the page.", icon=":material/block:")
        return
    mask = statements["statement_id"] == statement_id
    statements.loc[mask, ["stance", "target_id", "summary", "reviewed"]] = [
        stance, target, " ".join(summary.split()), "true" if reviewed else "false"]
    try:
        saving.save(data_dir, seeds_dir, {"statements": statements},
                   base={"statements": scope.tables.file_hashes["statements"]}, reason=f"correct {statement_id}")
    except (saving.SaveError, store.DataError) as error:
        st.error(escape_markdown(str(error)), icon=":material/block:")
        return
    st.success(f"Saved the correction to {statement_id}.", icon=":material/check_circle:")
