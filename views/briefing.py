"""Briefing: build the exports for the current filters: an editable PPTX deck, a PNG/SVG bundle, and
the statements as XLSX and CSV."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.present import export, figures
from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from analysis.query import aggregates
from views import state

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _slug(text: str) -> str:
    return "-".join("".join(ch.lower() if ch.isalnum() else " " for ch in text).split())[:60] or "briefing"


def render(scope: Scope) -> None:
    st.title("Briefing exports")
    st.caption("Everything here follows the sidebar filters: " + escape_markdown(scope.subtitle))
    target = figures.default_target(scope)
    default_title = "Who stands where" + (f" on {aggregates.topic_phrase(scope.labels.targets[target])}"
                                          if target else "")
    left, right = st.columns([3, 1])
    title = left.text_input("Deck title", value=default_title, key="deck_title", max_chars=150)
    as_of = right.date_input("As of", value=dt.date.today(), key="as_of", format="YYYY-MM-DD")
    views = st.multiselect("Views to include", list(export.DECK_VIEWS), default=list(export.DECK_VIEWS),
                           format_func=figures.VIEWS.get, key="deck_views")
    dated = Scope.of(scope.tables, scope.spec, as_of=as_of, selection=scope.selection)

    st.subheader("Slide order")
    blocs = aggregates.key_quotes(scope.selection)["bloc"].tolist()
    slides = ["Title: " + (title or default_title)]
    slides += [f"{figures.VIEWS[v]}: " + figures.figure(v, dated).layout.meta["title"] +
               (" (native, editable chart)" if v in ("blocs",) else " (image with alt text)") for v in views]
    slides += [f"Key quotes: {bloc}" for bloc in blocs] + ["Sources, with sha256 prefixes"]
    st.markdown("\n".join(f"{i}. {escape_markdown(text)}" for i, text in enumerate(slides, start=1)))

    name = _slug(title or default_title)
    st.subheader("Downloads")
    columns = st.columns(4)
    columns[0].download_button(
        "PowerPoint deck", data=lambda: export.deck(scope.tables, scope.spec, title=title or default_title,
                                                    as_of=as_of, views=tuple(views)),
        file_name=f"{name}.pptx", mime=PPTX, icon=":material/slideshow:", key="get_pptx", type="primary",
        disabled=scope.selection.empty, help="A few seconds: each image is rendered in Chromium.")
    columns[1].download_button(
        "PNG + SVG bundle", data=lambda: export.png_bundle(scope.tables, scope.spec, as_of=as_of, views=tuple(views)),
        file_name=f"{name}-charts.zip", mime="application/zip", icon=":material/imagesmode:", key="get_png",
        disabled=scope.selection.empty or not views)
    columns[2].download_button("Statements (XLSX)", data=lambda: export.table_xlsx(scope.rows),
                               file_name=f"{name}.xlsx", mime=XLSX, icon=":material/table_view:", key="get_xlsx")
    columns[3].download_button("Statements (CSV)", data=lambda: export.table_csv(scope.rows),
                               file_name=f"{name}.csv", mime="text/csv", icon=":material/csv:", key="get_csv")
    st.caption(f"{len(scope.selection):,} statements in the tables. The same exports from a terminal: "
               "`python -m analysis export --pptx deck.pptx --bloc \"US Democrats\"` (see the README).")
    if scope.selection.empty:
        st.info("No statements match the filters, so there is nothing to put in a deck. Clear a filter.")


if __name__ == "__main__":
    render(state.current())
