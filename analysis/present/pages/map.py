"""Map: where each country's actors stand, as a net stance."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.present import geo, wording
from analysis.present.pages.common import BUILD, FigureSource
from analysis.query import aggregates
from analysis.query.scope import Scope


@dataclass(frozen=True)
class MapPage:
    caption: str
    figure: go.Figure
    countries: pd.DataFrame | None  # one row per country, None when no country-level statement matches


def map_page(scope: Scope, *, figure: FigureSource = BUILD) -> MapPage:
    caption = wording.subtitle(scope) + " · only actors with a country are mapped"
    fig = figure("map", scope)
    countries = aggregates.country_stances(scope.selection)
    if countries.empty:
        return MapPage(caption, fig, None)
    names = geo.country_names(countries["country"], scope.tables.actors)
    table = pd.DataFrame(
        {
            "Country": countries["country"].map(names),
            "Net stance": countries["stance"],
            "Net score": countries["net"].round(2),
            "Statements": countries["n"],
            "Actors": countries["actors"].str.join(", "),
        }
    )
    return MapPage(caption, fig, table)
