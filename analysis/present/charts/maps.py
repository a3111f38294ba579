"""The stance map: country-level actors' net stance, drawn from shipped outlines (works offline)."""

from __future__ import annotations

import functools
from typing import NamedTuple

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.data.schema import STANCES
from analysis.present import geo, theme
from analysis.present.charts.frame import Draft, empty_figure, hover, quote_lines, records, sandwich, wrap
from analysis.present.theme import plain
from analysis.present.wording import NO_COUNTRY_MATCH, plural

BACKGROUND_LAND = "#E4E4E4"
LEFT_OUT = ("ATA",)  # Antarctica takes a fifth of the height and holds no actors


@functools.cache
def _outline_xy(code: str) -> tuple[np.ndarray, np.ndarray]:
    """A country's rings as x and y arrays, a NaN (a gap to plotly) after each ring. float32 arrays go to
    the browser as packed binary, a quarter smaller than the same numbers as text, and cost nothing to copy."""
    points = [point for ring in geo.world_outlines()[code] for point in (*ring, (np.nan, np.nan))]
    xy = np.array(points, dtype=np.float32)
    return xy[:, 0].copy(), xy[:, 1].copy()


@functools.cache
def _label_place(code: str) -> tuple[float, float, bool]:
    """Where a country's label goes, and whether the country is small enough to need a pointer to it."""
    rings = geo.world_outlines()[code]
    x, y = geo.label_point(rings)
    return x, y, geo.extent(rings) < 0.35


class _Country(NamedTuple):
    """A row of `aggregates.country_stances`."""

    country: str
    stance: str
    net: float
    n: int
    actors: list[str]
    quotes: list[str]


def stance_map(
    countries: pd.DataFrame, *, country_names: dict[str, str], title: str, subtitle: str, footer: str, note: str
) -> go.Figure:
    """`countries` from `aggregates.country_stances`; `note` says how several actors were aggregated."""
    outlines = geo.world_outlines()
    if countries.empty:
        return empty_figure(NO_COUNTRY_MATCH, title=title, subtitle=subtitle, footer=footer)
    fig = Draft()
    shown = set(countries["country"])
    background = [_outline_xy(code) for code in outlines if code not in shown and code not in LEFT_OUT]
    xs, ys = np.concatenate([x for x, _ in background]), np.concatenate([y for _, y in background])
    fig.add_trace(
        dict(
            type="scatter",
            x=xs,
            y=ys,
            fill="toself",
            fillcolor=BACKGROUND_LAND,
            mode="lines",
            line=dict(color="#FFFFFF", width=0.5),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    legend_done: set[str] = set()
    for row in sorted(records(countries, _Country), key=lambda row: STANCES.index(row.stance)):
        if row.country not in outlines:
            continue
        name = country_names.get(row.country, row.country)
        xs, ys = _outline_xy(row.country)
        fig.add_trace(
            dict(
                type="scatter",
                x=xs,
                y=ys,
                fill="toself",
                fillcolor=theme.STANCE_COLORS[row.stance],
                mode="lines",
                line=dict(color="#FFFFFF", width=0.8),
                hoveron="fills",
                name=row.stance,
                showlegend=False,
                text=hover(
                    [
                        f"<b>{plain(name)}</b>: {row.stance} (net {row.net:+.2f}, {plural(row.n, 'statement')})",
                        "Actors: " + plain(", ".join(row.actors)),
                        *quote_lines(row.quotes),
                    ]
                ).removesuffix("<extra></extra>"),
                hoverinfo="text",
            )
        )
        legend_done.add(row.stance)
        x, y, small = _label_place(row.country)
        # A small country would vanish under its own label: put the label above it, with a pointer.
        fig.add_annotation(
            x=x,
            y=y,
            text=f"<b>{plain(name)}</b><br>{row.stance}",
            showarrow=small,
            arrowhead=0,
            arrowcolor=theme.MUTED_INK,
            ax=0,
            ay=-48,
            font=dict(size=13, color=theme.INK),
            bgcolor="rgba(255,255,255,0.82)",
            borderpad=3,
        )
    # Legend entries as squares (a filled outline would show as a line), in scale order.
    for stance in (s for s in STANCES if s in legend_done):
        fig.add_trace(
            dict(
                type="scatter",
                x=[None],
                y=[None],
                mode="markers",
                name=stance,
                legendrank=STANCES.index(stance),
                marker=dict(symbol="square", size=14, color=theme.STANCE_COLORS[stance]),
            )
        )
    fig.add_annotation(
        text=wrap(plain(note), 110),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        font=dict(size=13, color=theme.MUTED_INK),
        name="note",
        bgcolor="rgba(255,255,255,0.85)",
    )
    fig.update_xaxes(visible=False, range=[-2.9, 2.9])
    fig.update_yaxes(visible=False, range=[-1.05, 1.45], scaleanchor="x", scaleratio=1)
    fig.update_layout(margin=dict(b=10))
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=560, left=20, legend_on_top=True)
