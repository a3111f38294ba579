"""The stance map: country-level actors' net stance, drawn from shipped outlines (works offline)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import geo, theme
from analysis.charts.frame import Draft, empty_figure, hover, quote_lines, sandwich, wrap
from analysis.schema import STANCES
from analysis.theme import plain

BACKGROUND_LAND = "#E4E4E4"
LEFT_OUT = ("ATA",)  # Antarctica takes a fifth of the height and holds no actors


def _outline_xy(rings) -> tuple[list, list]:
    xs, ys = [], []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    return xs, ys


def stance_map(countries: pd.DataFrame, *, country_names: dict[str, str], title: str, subtitle: str, footer: str,
               note: str) -> go.Figure:
    """`countries` from `metrics.country_stances`; `note` says how several actors were aggregated."""
    outlines = geo.world_outlines()
    if countries.empty:
        return empty_figure("No country-level statements match the filters", title=title, subtitle=subtitle,
                            footer=footer)
    fig = Draft()
    shown = set(countries["country"])
    xs, ys = _outline_xy([ring for code, rings in outlines.items()
                          if code not in shown and code not in LEFT_OUT for ring in rings])
    fig.add_trace(dict(type="scatter", x=xs, y=ys, fill="toself", fillcolor=BACKGROUND_LAND, mode="lines",
                             line=dict(color="#FFFFFF", width=0.5), hoverinfo="skip", showlegend=False))
    legend_done: set[str] = set()
    ordered = countries.assign(_rank=countries["stance"].map(STANCES.index)).sort_values("_rank")
    for row in ordered.itertuples(index=False):
        if row.country not in outlines:
            continue
        name = country_names.get(row.country, row.country)
        xs, ys = _outline_xy(outlines[row.country])
        fig.add_trace(dict(type="scatter",
            x=xs, y=ys, fill="toself", fillcolor=theme.STANCE_COLORS[row.stance], mode="lines",
            line=dict(color="#FFFFFF", width=0.8), hoveron="fills", name=row.stance, showlegend=False,
            text=hover([f"<b>{plain(name)}</b>: {row.stance} (net {row.net:+.2f}, {row.n} statement"
                        f"{'s' if row.n != 1 else ''})", "Actors: " + plain(", ".join(row.actors)),
                        *quote_lines(row.quotes)]).removesuffix("<extra></extra>"),
            hoverinfo="text",
        ))
        legend_done.add(row.stance)
        x, y = geo.label_point(outlines[row.country])
        # A small country would vanish under its own label: put the label above it, with a pointer.
        small = geo.extent(outlines[row.country]) < 0.35
        fig.add_annotation(x=x, y=y, text=f"<b>{plain(name)}</b><br>{row.stance}", showarrow=small, arrowhead=0,
                           arrowcolor=theme.MUTED_INK, ax=0, ay=-48, font=dict(size=13, color=theme.INK),
                           bgcolor="rgba(255,255,255,0.82)", borderpad=3)
    # Legend entries as squares (a filled outline would show as a line), in scale order.
    for stance in (s for s in STANCES if s in legend_done):
        fig.add_trace(dict(type="scatter", x=[None], y=[None], mode="markers", name=stance,
                           legendrank=STANCES.index(stance),
                           marker=dict(symbol="square", size=14, color=theme.STANCE_COLORS[stance])))
    fig.add_annotation(text=wrap(plain(note), 110), xref="paper", yref="paper", x=0, y=0, xanchor="left",
                       yanchor="bottom",
                       showarrow=False, align="left", font=dict(size=13, color=theme.MUTED_INK), name="note",
                       bgcolor="rgba(255,255,255,0.85)")
    fig.update_xaxes(visible=False, range=[-2.9, 2.9])
    fig.update_yaxes(visible=False, range=[-1.05, 1.45], scaleanchor="x", scaleratio=1)
    fig.update_layout(margin=dict(b=10))
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=560, left=20, legend_on_top=True)
