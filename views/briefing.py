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
    downloads = (  # label, bytes, file name ending, type, icon, widget key, the briefing's export kind, disabled
        ("PowerPoint deck", page.deck, ".pptx", PPTX, ":material/slideshow:", "get_pptx", "deck", bool(page.empty)),
        (
            "PNG + SVG bundle",
            page.bundle,
            "-charts.zip",
            "application/zip",
            ":material/imagesmode:",
            "get_png",
            "bundle",
            bool(page.empty) or not views,
        ),
        ("Statements (XLSX)", page.xlsx, ".xlsx", XLSX, ":material/table_view:", "get_xlsx", "xlsx", False),
        ("Statements (CSV)", page.csv, ".csv", "text/csv", ":material/csv:", "get_csv", "csv", False),
    )
    for column, (label, data, ending, mime, icon, key, kind, disabled) in zip(st.columns(4), downloads):
        column.download_button(
            label,
            data=data,
            file_name=page.file_stem + ending,
            mime=mime,
            icon=icon,
            key=key,
            on_click=_record,  # each download is put on record as a briefing
            args=(scope, title, kind),
            type="primary" if kind == "deck" else "secondary",
            disabled=disabled,
            help="A few seconds: each image is rendered in Chromium." if kind == "deck" else None,
        )
    st.caption(page.statements)
    if page.empty:
        st.info(page.empty)
    st.subheader("Past briefings")
    past = briefing.past_briefings(state.briefings(scope.tables.story_id), scope.tables.story_id)
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
