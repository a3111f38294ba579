"""Review: add a new article, let the extractor propose who said what, correct and accept the proposals.
Everything is saved through the same validated, locked, stale-checked save as the rest of the data."""

from __future__ import annotations

import time

import streamlit as st

from analysis.present.pages import review
from analysis.query.scope import Scope
from views import evidence, review_add, review_editor, state


def _propose(scope: Scope, source_id: str, target_id: str) -> None:
    with st.status("Reading the article and proposing statements…", expanded=False) as status:
        started = time.perf_counter()
        proposals = review.propose(scope.tables, source_id, target_id)
        elapsed = time.perf_counter() - started
        review_editor.set_proposals(source_id, proposals)
        status.update(label=review.proposals_summary(proposals, elapsed), state="complete")


def _review(scope: Scope) -> None:
    sources = scope.tables.source_ids()
    added = st.session_state.pop("review_source", None)  # an article just added: review it next
    if added in sources:
        st.session_state["review_article"] = added
    elif st.session_state.get("review_article") not in sources:  # another story's article
        st.session_state.pop("review_article", None)
    if not sources:
        st.info("This story has no article yet: add one in “1. Add an article”.", icon=":material/info:")
        return
    queue, labels = review.article_queue(scope.tables, scope.labels.sources)
    source_id = st.selectbox("Article", queue, format_func=lambda s: labels.get(s, s), key="review_article")
    targets = review.target_choices(scope.tables)
    if st.session_state.get("review_target") not in targets:
        st.session_state.pop("review_target", None)
    if not targets:
        st.info("This story has no target yet: add one on the Curate page.", icon=":material/info:")
        return
    target_id = st.selectbox(
        "Main target: what the positions are about, unless a sentence names another",
        targets,
        format_func=lambda t: scope.labels.targets.get(t, t),
        key="review_target",
    )
    pressed = st.button("Propose statements", icon=":material/auto_awesome:", key="run_extract")
    # An article waiting in the queue (no statement yet) comes with its proposals, without a press.
    if pressed or (review_editor.get_proposals(source_id) is None and review.is_waiting(scope.tables, source_id)):
        _propose(scope, source_id, target_id)
    with st.expander("Add a statement the extractor missed", icon=":material/add_comment:"):
        evidence.statement_adder(scope, source_id, key=f"review_add:{source_id}")
    proposals = review_editor.get_proposals(source_id)
    if proposals is None:
        st.info("Choose an article and press “Propose statements”.", icon=":material/info:")
        return
    edited = review_editor.proposals_editor(scope, source_id, proposals)
    review_editor.context_viewer(scope, source_id, proposals)
    new_actors = review_editor.new_actors_editor(scope, source_id, edited)
    if st.button(
        review.save_label(edited),
        type="primary",
        disabled=review.accepted_count(edited) == 0,
        icon=":material/save:",
        key="save_proposals",
    ):
        review_editor.save(scope, source_id, proposals, edited, new_actors)


def render(scope: Scope) -> None:
    st.title("Review new articles")
    st.caption(
        "Add an article, let the extractor propose who said what, then correct and accept. Accepted rows "
        "are saved as reviewed statements (origin: extracted) after the same checks as every other table."
    )
    add_tab, review_tab = st.tabs(["1. Add an article", "2. Review proposals"])
    with add_tab:
        review_add.render(scope)
    with review_tab:
        _review(scope)


if __name__ == "__main__":
    render(state.current())
