"""Review, step 1: bring articles in. One article pasted or uploaded (text, web page, PDF or Word file), a
link read with its page's title, outlet and date to correct before saving, or many files at once with a
progress bar and a summary of what was added, what duplicated what, and what was refused."""

from __future__ import annotations

import streamlit as st

from analysis.data import curation
from analysis.data.ingest import batch
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import review_batch

PRECISIONS = ("day", "month", "year")
HOW = ("One article", "From a link", "Many files", "The story's feeds")
FETCHED_KEY = "review_fetched"


def render(scope: Scope) -> None:
    summary = st.session_state.pop("add_summary", None)
    if summary is not None and len(summary) > 1:
        st.dataframe(summary, hide_index=True, width="stretch", key="add_summary_table")
    how = st.radio("How", HOW, horizontal=True, key="add_how", label_visibility="collapsed")
    if how == HOW[0]:
        _one_article(scope)
    elif how == HOW[1]:
        _link(scope)
    elif how == HOW[2]:
        review_batch.many_files(scope)
    else:
        review_batch.check_feeds(scope)


def _details(prefix: str, *, title: str = "", outlet: str = "", published=None) -> dict:
    title = st.text_input(
        "Title",
        value=title,
        max_chars=200,
        key=f"{prefix}_title",
        help="Names the file in seeds/ and the source; an uploaded file's name is not used.",
    )
    left, middle, right = st.columns([2, 1, 1])
    outlet = left.text_input("Outlet", value=outlet, max_chars=120, key=f"{prefix}_outlet", placeholder="if known")
    published = middle.date_input("Published", value=published, key=f"{prefix}_published", format="YYYY-MM-DD")
    precision = right.selectbox("Date known to the", PRECISIONS, key=f"{prefix}_precision")
    return {"title": title, "outlet": outlet, "published": published, "precision": precision}


def _one_article(scope: Scope) -> None:
    with st.form("add_article", clear_on_submit=False):
        details = _details("new")
        url = st.text_input("URL (optional)", max_chars=500, key="new_url", placeholder="https://…")
        pasted = st.text_area("Paste the article", height=220, key="new_text")
        upload = st.file_uploader(
            "…or upload one file: .txt or .md (UTF-8), .html, .pdf or .docx (at most 10 MB; a web page, PDF or "
            "Word file is kept beside its text)",
            type=review_batch.UPLOAD_TYPES,
            key="new_upload",
        )
        submitted = st.form_submit_button("Add the article", type="primary", icon=":material/note_add:")
    if not submitted:
        return
    if upload is None and not details["title"].strip():
        st.error("Give the article a title: it names the file and the source.", icon=":material/block:")
        return
    if upload is not None:
        item = batch.upload_item(upload.name, upload.getvalue(), url=url)
    else:
        item = batch.Item("the pasted text", pasted.encode("utf-8"), "txt", url=url)
    review_batch.add_items(scope, [item], details)


def _link(scope: Scope) -> None:
    with st.form("fetch_link"):
        url = st.text_input("Link to the article", max_chars=2000, key="link_url", placeholder="https://…")
        fetched = st.form_submit_button("Read the page", icon=":material/link:")
    if fetched and url.strip():
        with st.spinner("Fetching and reading the page…"):
            item = batch.link_item(url)
            try:
                document = batch.read(item)
            except curation.CurationError as error:
                st.error(escape_markdown(f"{url.strip()[:200]}: {error}"), icon=":material/block:")
                return
        st.session_state[FETCHED_KEY] = (item, document)
    if FETCHED_KEY not in st.session_state:
        st.caption(
            "The page's main text is kept (no menus, ads or comments) and the page itself is stored beside it. "
            "Links into this machine or its network are refused unless the team allows them."
        )
        return
    item, document = st.session_state[FETCHED_KEY]
    words = len(document.text.split())
    st.markdown(escape_markdown(f"Read {words:,} words from {item.url[:200]} ({document.format})."))
    with st.form("link_details"):
        st.caption("From the page's metadata where it has them: correct them before saving.")
        details = _details("link", title=document.title, outlet=document.outlet, published=document.published)
        with st.expander("The text that will be stored"):
            st.text(document.text[:3000] + (" …" if len(document.text) > 3000 else ""))
        if st.form_submit_button("Add the article", type="primary", icon=":material/note_add:"):
            st.session_state.pop(FETCHED_KEY, None)
            review_batch.add_items(scope, [item], details)
