"""What several page models share: how a figure is asked for, tiles, quote cards, table heights."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from analysis.data.schema import Problem
from analysis.present import registry, wording

# How a page model gets a view's figure: registry.figure builds it; the app passes its own cached version
# of the same call, so the benchmark times exactly the work a page does on a filter change.
FigureSource = Callable[..., go.Figure]
BUILD: FigureSource = registry.figure


@dataclass(frozen=True)
class Tile:
    """One number at the top of a page."""

    label: str
    value: int | str
    help: str | None = None


class QuoteCard(NamedTuple):
    """One statement as a card: bloc, stance, the verbatim quote, who said it, and where to read it."""

    statement_id: str
    source_id: str
    bloc: str
    stance: str
    quote: str
    actor_name: str
    mode: str
    target_label: str
    date: str


def quote_cards(rows: pd.DataFrame) -> list[QuoteCard]:
    """Statement rows (shaped like the view) as quote cards, in their order."""
    dates = [wording.format_date(d, p) for d, p in zip(rows["date"].tolist(), rows["date_precision"].tolist())]
    columns = [[str(value) for value in rows[c].tolist()] for c in QuoteCard._fields[:-1]]
    return [QuoteCard._make(values) for values in zip(*columns, dates)]


def table_height(rows: int, *, most: int) -> int:
    """A table's height in pixels: every row when they fit under `most`, a scrolling table beyond."""
    return min(38 + 35 * rows, most)


@dataclass(frozen=True)
class ProblemsPage:
    """What every page shows instead of itself when the tables cannot be loaded."""

    message: str
    problems: pd.DataFrame


def problems_page(problems: list[Problem]) -> ProblemsPage:
    files = ", ".join(dict.fromkeys(p.file for p in problems))
    message = (
        f"The tables could not be loaded: {wording.plural(len(problems), 'problem')} found in {files}. Fix them "
        "in the CSV files, then reload this page. Nothing was changed."
    )
    table = pd.DataFrame(
        [
            {"file": p.file, "row": p.row, "column": p.column or "", "value": p.value, "expected": p.expected}
            for p in problems
        ]
    )
    return ProblemsPage(message, table)
