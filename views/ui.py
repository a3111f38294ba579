"""Small rendering helpers shared by the pages. Anything from data goes through escape_markdown."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from analysis.data.schema import Problem
from analysis.present import registry, theme
from analysis.present.pages.common import QuoteCard, Tile, problems_page
from analysis.present.text import escape_markdown


def chart(fig: go.Figure, *, key: str, filename: str) -> None:
    """Draw a figure exactly as built: no Streamlit theme, so the screen matches the exports."""
    st.plotly_chart(fig, theme=None, key=key, config=theme.config(filename=filename))


def stance_badge(stance: str) -> None:
    st.badge(stance, color=theme.STANCE_BADGE_COLORS.get(stance, "gray"))


def tiles(numbers: list[Tile]) -> None:
    for column, tile in zip(st.columns(len(numbers)), numbers):
        column.metric(tile.label, tile.value, border=True, help=tile.help)


def reader_params(scope, *, statement_id: str, source_id: str) -> dict[str, list[str] | str]:
    """URL params that open the source reader at one statement, keeping the current filters."""
    return {**scope.url_params(), "read": source_id, "statement": statement_id}


def reader_link(scope, *, statement_id: str, source_id: str, label: str = "Read in source") -> None:
    st.page_link(
        "views/reader.py",
        label=label,
        icon=":material/menu_book:",
        query_params=reader_params(scope, statement_id=statement_id, source_id=source_id),
    )


def quote_card(card: QuoteCard, *, scope=None) -> None:
    """One statement as a card: bloc, stance, the verbatim quote, who said it, and a link to its source."""
    with st.container(border=True):
        st.caption(escape_markdown(card.bloc))
        stance_badge(card.stance)
        st.markdown("“" + escape_markdown(card.quote) + "”")
        st.caption(
            f"**{escape_markdown(card.actor_name)}** · {escape_markdown(card.mode)} · "
            f"{escape_markdown(card.target_label)} · {escape_markdown(card.date)}"
        )
        if scope is not None:
            reader_link(scope, statement_id=card.statement_id, source_id=card.source_id)


def quote_grid(cards: list[QuoteCard], *, scope, columns: int) -> None:
    """Quote cards, filled row by row across `columns` columns."""
    slots = st.columns(columns)
    for i, card in enumerate(cards):
        with slots[i % columns]:
            quote_card(card, scope=scope)


def in_context(before: str, quote: str, after: str) -> None:
    """A quote in bold inside the rest of its sentence."""
    st.markdown("…" + escape_markdown(before) + "**" + escape_markdown(quote) + "**" + escape_markdown(after) + "…")


def cue_in_sentence(context) -> None:
    """A proposal's sentence with its cue in bold (every piece escaped, so data stays text), and why."""
    st.markdown("".join(f"**{escape_markdown(p)}**" if is_cue else escape_markdown(p) for p, is_cue in context.pieces))
    st.caption(escape_markdown(context.why))


def show_problems(problems: list[Problem]) -> None:
    """The error page: every problem in the tables, and what to do next."""
    page = problems_page(problems)
    st.error(escape_markdown(page.message), icon=":material/error:")
    st.dataframe(
        page.problems,
        hide_index=True,
        key="problems",
        column_config={
            "row": st.column_config.NumberColumn("row", format="%d"),
            "expected": st.column_config.TextColumn("expected", width="large"),
        },
    )
    st.caption("Check them from a terminal with: python -m analysis validate")


def screenshot_link(scope, *, view: str, **options: str) -> None:
    """A sidebar link that reopens this view's figure alone, at 16:9, for a screen grab (?view=...&shot=1)."""
    params = {
        **scope.url_params(),
        "view": view,
        "shot": "1",
        **{key: value for key, value in options.items() if value},
    }
    st.sidebar.page_link(
        registry.BY_ID[view].page,
        label="Screenshot mode",
        icon=":material/fullscreen:",
        query_params=params,
        help="Shows this figure alone at 16:9, without the sidebar, ready for a screen grab.",
    )


def figure_head(scope, fig: go.Figure, *, caption: str, view: str, filename: str, **options: str) -> None:
    """The top of a chart page: the filter sentence, a screenshot-mode link (with the view's `options`, e.g.
    cell=earliest) and the view's figure."""
    st.caption(escape_markdown(caption))
    screenshot_link(scope, view=view, **options)
    chart(fig, key=view, filename=filename)


def notes(lines: list[str]) -> None:
    """What a link asked for that was ignored, one caption each."""
    for line in lines:
        st.caption(":material/link_off: " + escape_markdown(line))


def info(message: str, **kwargs) -> None:
    """A message in place of something empty (nothing when `message` is empty)."""
    if message:
        st.info(message, **kwargs)


FLASH_KEY = "_flash"


def flash(message: str) -> None:
    """A confirmation to show once, at the top of the next run (a save reruns the app with fresh tables)."""
    st.session_state[FLASH_KEY] = message


def show_flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.success(escape_markdown(message), icon=":material/check_circle:")
