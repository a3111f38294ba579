"""Overview: the headline, a few numbers, where each actor stands, stances by bloc, one quote per bloc."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from analysis.present import wording
from analysis.present.figures import ViewOptions
from analysis.present.pages.common import BUILD, FigureSource, QuoteCard, Tile, quote_cards
from analysis.query import aggregates
from analysis.query.scope import Scope


@dataclass(frozen=True)
class OverviewPage:
    headline: str
    showing: str  # the filter sentence, without the counts
    tiles: list[Tile]
    spectrum: go.Figure
    blocs: go.Figure
    quotes: list[QuoteCard]  # the most telling quote of each bloc
    no_quotes: str  # what stands in the quotes' place when there are none


def spectrum_targets(scope: Scope) -> list[str]:
    """The targets the spectrum can show, the one with most statements first (the spectrum's default)."""
    return scope.selection.counts("target_id").index.tolist()


def _tiles(numbers: dict[str, int]) -> list[Tile]:
    total = numbers["statements"]

    def share(count: int) -> str:
        return f"{count / total:.0%}" if total else "–"

    return [
        Tile("Statements", total),
        Tile("Actors", numbers["actors"]),
        Tile("Supportive", share(numbers["supportive"]), f"{numbers['supportive']} statements"),
        Tile("Cautious", share(numbers["cautious"]), f"{numbers['cautious']} statements"),
        Tile("Opposing", share(numbers["opposing"]), f"{numbers['opposing']} statements opposed or condemning"),
    ]


def overview_page(scope: Scope, *, target_id: str | None = None, figure: FigureSource = BUILD) -> OverviewPage:
    """`target_id` is the spectrum's target (default: the one with most statements)."""
    numbers = aggregates.headline_numbers(scope.selection)
    quotes = quote_cards(aggregates.key_quotes(scope.selection))
    return OverviewPage(
        headline=wording.headline_sentence(numbers),
        showing=wording.describe(scope.spec, labels=scope.labels),
        tiles=_tiles(numbers),
        spectrum=figure("spectrum", scope, options=ViewOptions(target_id=target_id)),
        blocs=figure("blocs", scope),
        quotes=quotes,
        no_quotes="" if quotes else f"{wording.NO_MATCH}. Clear a filter in the sidebar to see quotes.",
    )
