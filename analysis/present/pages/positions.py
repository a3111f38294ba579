"""Positions: every filtered statement in a table; one of them read in its sentence, and corrected."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from pandas.io.formats.style import Styler

from analysis.data.schema import STANCES
from analysis.present import text, theme, wording
from analysis.present.pages.common import table_height
from analysis.query import listings
from analysis.query.scope import Scope

MAX_ROWS_ON_SCREEN = 500
TABLE_COLUMNS = {
    "stance": "Stance",
    "review": "Review",
    "actor_name": "Actor",
    "quote": "Quote",
    "bloc": "Bloc",
    "target_label": "Target",
    "cue": "Cue",
    "when": "Date",
    "mode": "Mode",
    "source": "Source",
}


@dataclass(frozen=True)
class PositionsPage:
    caption: str
    empty: str  # what stands in the table's place when no statement matches ("" otherwise)
    capped: str  # says how many rows are left out, when there are more than fit
    table: Styler | None  # the shown statements, the stance column in its colours
    height: int
    shown: pd.DataFrame  # the statement behind each row of the table


def _stance_style(value) -> str:
    stance = str(value)
    if stance not in theme.STANCE_COLORS:
        return ""
    return f"background-color: {theme.STANCE_COLORS[stance]}; color: {theme.STANCE_TEXT_COLORS[stance]}"


def _review_mark(reviewed: bool, origin: str) -> str:
    if not reviewed:
        return "⚠ unreviewed"
    return "✓ extracted" if origin == "extracted" else "✓ curated"


def positions_page(scope: Scope) -> PositionsPage:
    caption = wording.subtitle(scope) + " · search with the box in the sidebar"
    if scope.selection.empty:
        empty = f"{wording.NO_MATCH}. Clear a filter in the sidebar to see statements."
        return PositionsPage(caption, empty, "", None, 0, pd.DataFrame())
    shown = listings.positions_table(scope.selection, limit=MAX_ROWS_ON_SCREEN)
    capped = ""
    if len(scope.selection) > MAX_ROWS_ON_SCREEN:
        capped = (
            f"Showing the first {MAX_ROWS_ON_SCREEN:,} of {len(scope.selection):,} statements. "
            "Narrow the filters to see the rest."
        )
    derived = {
        "when": [wording.format_date(d, p) for d, p in zip(shown["date"].tolist(), shown["date_precision"].tolist())],
        "review": [_review_mark(r, o) for r, o in zip(shown["reviewed"].tolist(), shown["origin"].tolist())],
        "stance": [str(s) for s in shown["stance"].tolist()],
        "source": [
            wording.carried(title, n, by)
            for title, n, by in zip(
                shown["source_title"].tolist(), shown["outlets"].tolist(), shown["carried_by"].tolist()
            )
        ],
    }
    # One step from plain lists: each pandas step on a frame costs more than building it.
    table = pd.DataFrame(
        {label: derived[c] if c in derived else shown[c].tolist() for c, label in TABLE_COLUMNS.items()}
    )
    return PositionsPage(
        caption,
        "",
        capped,
        table.style.map(_stance_style, subset=["Stance"]),
        table_height(len(table), most=880),
        shown,
    )


@dataclass(frozen=True)
class Correction:
    """The correction form's starting values, and what it may choose from."""

    stance: str
    target_id: str
    summary: str
    reviewed: bool
    stances: tuple[str, ...]
    targets: list[str]


@dataclass(frozen=True)
class StatementDetail:
    """One statement, read in its sentence."""

    statement_id: str
    source_id: str
    heading: str
    stance: str
    before: str  # the rest of the quote's sentence, before and after it
    quote: str
    after: str
    details: str  # cue, mode, date, source, offsets, id
    summary: str
    correction: Correction


def statement_detail(scope: Scope, page: PositionsPage, row_number: int) -> StatementDetail:
    """The statement in row `row_number` of the page's table."""
    row = page.shown.iloc[row_number]
    statement_id = row["statement_id"]
    start, end = int(row["start"]), int(row["end"])
    before, quote, after = text.in_context(scope.tables.texts[row["source_id"]], start, end)
    details = (
        f"Cue: “{row['cue']}” · {row['mode']} · {wording.format_date(row['date'], row['date_precision'])} · "
        f"source: {row['source_title']} · characters {start}–{end} · statement {statement_id}"
    )
    correction = Correction(
        str(row["stance"]),
        str(row["target_id"]),
        row["summary"],
        bool(row["reviewed"]),
        STANCES,
        scope.tables.targets["target_id"].tolist(),
    )
    return StatementDetail(
        statement_id,
        str(row["source_id"]),
        f"{row['actor_name']} · {row['target_label']}",
        str(row["stance"]),
        before,
        quote,
        after,
        details,
        row["summary"],
        correction,
    )
