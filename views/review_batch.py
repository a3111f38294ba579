"""Review, step 1, for many articles at once (and the one way step 1 adds files and links): each is read
and added in turn under a progress bar, and a summary says what was added, what duplicated what, and what
was refused and why."""

from __future__ import annotations

import streamlit as st

from analysis.data import saving, store
from analysis.data.ingest import batch, feeds, formats
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state, ui

UPLOAD_TYPES = sorted(s.lstrip(".") for s in formats.SUFFIXES)
ROUND_KEY = "uploads_round"


def many_files(scope: Scope) -> None:
    uploads = st.file_uploader(
        "Articles: .txt, .md, .html, .pdf or .docx, at most 10 MB each",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key=f"many_uploads:{st.session_state.get(ROUND_KEY, 0)}",  # a new key empties the uploader
    )
    if not uploads or not st.button(
        f"Add {len(uploads)} article{'s' if len(uploads) != 1 else ''}", type="primary", key="add_many"
    ):
        st.caption("Each file gets its title, outlet and date from its own metadata where it has them.")
        return
    items = [batch.upload_item(u.name, u.getvalue()) for u in uploads]
    add_items(scope, items, {"title": "", "outlet": "", "published": None, "precision": "day"})


def add_items(scope: Scope, items: list[batch.Item], details: dict) -> None:
    data_dir, seeds_dir = state.data_dirs()
    bar = st.progress(0.0, text=f"Adding {len(items)} article(s)…")
    done = []

    def step(label: str, outcome: str) -> None:
        done.append(label)
        bar.progress(len(done) / len(items), text=f"{len(done)} of {len(items)}: {label[:80]} ({outcome})")

    try:
        summary = batch.add_items(
            data_dir, seeds_dir, items, batch.Details(scope.tables.story_id, **details), after_each=step
        )
    except (saving.SaveError, store.DataError) as error:
        st.error("Nothing more was added: " + escape_markdown(str(error)), icon=":material/block:")
        return
    if len(items) == 1 and summary.refused:
        st.error(escape_markdown(f"{summary.refused[0][0]}: {summary.refused[0][1]}"), icon=":material/block:")
        return
    if summary.added:
        st.session_state["review_source"] = summary.added[-1][1]
    ui.flash(summary.message())
    st.session_state["add_summary"] = batch.summary_frame(summary)
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
    st.rerun()


def check_feeds(scope: Scope) -> None:
    followed = feeds.story_feeds(scope.tables.stories, scope.tables.story_id)
    if not followed:
        st.info("This story follows no feed yet: add one on the Curate page (Story).", icon=":material/info:")
        return
    st.markdown("\n".join(f"- {escape_markdown(url)}" for url in followed))
    if not st.button("Check the feeds", type="primary", icon=":material/rss_feed:", key="check_feeds"):
        st.caption("New entries become articles of this story, to review here; nothing is accepted on its own.")
        return
    data_dir, seeds_dir = state.data_dirs()
    bar = st.progress(0.0, text="Reading the feeds…")
    done = []

    def step(label: str, outcome: str) -> None:
        done.append(label)
        bar.progress(min(1.0, len(done) / 100), text=f"{len(done)}: {label[:80]} ({outcome})")

    try:
        summary, notes = feeds.check_feeds(data_dir, seeds_dir, scope.tables.story_id, after_each=step)
    except (saving.SaveError, store.DataError) as error:
        st.error("Nothing more was added: " + escape_markdown(str(error)), icon=":material/block:")
        return
    if summary.added:
        st.session_state["review_source"] = summary.added[-1][1]
    ui.flash(" ".join([summary.lines()[0], *notes]))
    st.session_state["add_summary"] = batch.summary_frame(summary)
    st.rerun()
