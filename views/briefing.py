"""Briefing: build the exports for the current filters: an editable PPTX deck, a PNG/SVG bundle, and
the statements as XLSX and CSV."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.present import registry
from analysis.present.pages import briefing
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _record(scope: Scope, title: str, kind: str) -> None:
    data_dir, _ = state.data_dirs()
    briefing.record_export(scope, data_dir, title=title, kind=kind)


def render(scope: Scope) -> None:
    st.title("Briefing exports")
    caption = st.empty()
    default_title = briefing.default_title(scope)
    left, right = st.columns([3, 1])
    title = left.text_input("Deck title", value=default_title, key="deck_title", max_chars=150)
    as_of = right.date_input("As of", value=dt.date.today(), key="as_of", format="YYYY-MM-DD")
    views = st.multiselect(
        "Views to include",
        list(registry.EXPORT_VIEWS),
        default=list(registry.EXPORT_VIEWS),
        format_func=registry.TITLES.get,
        key="deck_views",
    )
    page = briefing.briefing_page(scope, title=title, as_of=as_of, views=tuple(views), figure=state.figure)
    caption.caption(escape_markdown(page.caption))
    st.subheader("Slide order")
    st.markdown("\n".join(f"{i}. {escape_markdown(text)}" for i, text in enumerate(page.slides, start=1)))
    st.subheader("Downloads")
    columns = st.columns(4)
    columns[0].download_button(
        "PowerPoint deck",
        data=page.deck,
        file_name=f"{page.file_stem}.pptx",
        mime=PPTX,
        icon=":material/slideshow:",
        key="get_pptx",
        on_click=_record,
        args=(scope, title, "deck"),
        type="primary",
        disabled=bool(page.empty),
        help="A few seconds: each image is rendered in Chromium.",
    )
    columns[1].download_button(
        "PNG + SVG bundle",
        data=page.bundle,
        file_name=f"{page.file_stem}-charts.zip",
        mime="application/zip",
        icon=":material/imagesmode:",
        key="get_png",
        on_click=_record,
        args=(scope, title, "bundle"),
        disabled=bool(page.empty) or not views,
    )
    columns[2].download_button(
        "Statements (XLSX)",
        data=page.xlsx,
        file_name=f"{page.file_stem}.xlsx",
        mime=XLSX,
        icon=":material/table_view:",
        key="get_xlsx",
        on_click=_record,
        args=(scope, title, "xlsx"),
    )
    columns[3].download_button(
        "Statements (CSV)",
        data=page.csv,
        file_name=f"{page.file_stem}.csv",
        mime="text/csv",
        icon=":material/csv:",
        key="get_csv",
        on_click=_record,
        args=(scope, title, "csv"),
    )
    st.caption(page.statements)
    if page.empty:
        st.info(page.empty)
    st.subheader("Past briefings")
    data_dir, _ = state.data_dirs()
    past = briefing.past_briefings(data_dir, scope.tables.story_id)
    if not len(past):
        st.caption("None yet: each download above is put on record, so that “What changed” can compare with it.")
        return
    st.dataframe(
        past,
        hide_index=True,
        width="stretch",
        key="past_briefings",
        column_config={"What changed since": st.column_config.LinkColumn(display_text="what changed")},
    )


if __name__ == "__main__":
    render(state.current())
