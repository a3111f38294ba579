"""The alignment network: actors as nodes coloured by bloc, edges for agreement or conflict."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.present import theme
from analysis.present.charts.frame import NO_MATCH, Draft, empty_figure, hover, sandwich, wrap
from analysis.present.theme import plain

EDGE_STYLE = {"congruence": dict(color="#5B8DB8", dash="solid"), "conflict": dict(color="#D55E00", dash="dot")}
EDGE_WORDS = {"congruence": "same stance on", "conflict": "opposite sides on"}


def alignment_network(
    nodes: pd.DataFrame, edges: pd.DataFrame, *, kind: str, title: str, subtitle: str, footer: str, notes: str = ""
) -> go.Figure:
    """`nodes` from `alignment.network_nodes` (with x, y), `edges` from `alignment.alignment_edges`."""
    if nodes.empty:
        return empty_figure(NO_MATCH, title=title, subtitle=subtitle, footer=footer, notes=notes)
    fig = Draft()
    ids, names, blocs, counts = (nodes[c].tolist() for c in ("actor_id", "actor_name", "bloc", "n"))
    xs_of, ys_of, degrees = nodes["x"].tolist(), nodes["y"].tolist(), nodes["degree"].tolist()
    x, y, name = dict(zip(ids, xs_of)), dict(zip(ids, ys_of)), dict(zip(ids, names))
    style = EDGE_STYLE[kind]
    pairs = list(
        zip(edges["source"].tolist(), edges["target"].tolist(), edges["weight"].tolist(), edges["targets"].tolist())
    )
    # One trace per edge weight, so that width can say how many targets a pair shares. Coordinates go as
    # arrays, a NaN (a gap) after each edge: plotly copies and sends an array whole, not number by number.
    for weight in sorted({w for _, _, w, _ in pairs}):
        ends = [(source, target) for source, target, w, _ in pairs if w == weight]
        xs = np.array([[x[a], x[b], np.nan] for a, b in ends]).ravel()
        ys = np.array([[y[a], y[b], np.nan] for a, b in ends]).ravel()
        fig.add_trace(
            dict(
                type="scatter",
                x=xs,
                y=ys,
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line=dict(width=1.5 + 2 * (int(weight) - 1), **style),
                opacity=0.7,
            )
        )
    # Invisible midpoints carry each edge's hover: which targets the pair agrees or clashes on.
    if pairs:
        fig.add_trace(
            dict(
                type="scatter",
                x=np.array([(x[a] + x[b]) / 2 for a, b, _, _ in pairs]),
                y=np.array([(y[a] + y[b]) / 2 for a, b, _, _ in pairs]),
                mode="markers",
                marker=dict(size=10, opacity=0),
                showlegend=False,
                hovertemplate=[
                    hover(
                        [
                            f"<b>{plain(name[a])}</b> and <b>{plain(name[b])}</b>",
                            f"{EDGE_WORDS[kind]}: {plain(', '.join(targets))}",
                        ]
                    )
                    for a, b, _, targets in pairs
                ],
            )
        )
    colors = theme.bloc_colors(blocs)
    for bloc in sorted(set(blocs)):
        members = [i for i, b in enumerate(blocs) if b == bloc]
        fig.add_trace(
            dict(
                type="scatter",
                x=[xs_of[i] for i in members],
                y=[ys_of[i] for i in members],
                mode="markers+text",
                name=plain(bloc),
                text=[wrap(plain(names[i]), 18) for i in members],
                textposition="top center",
                textfont=dict(size=13),
                cliponaxis=False,
                marker=dict(
                    size=[14 + 3 * min(counts[i], 8) for i in members],
                    color=colors[bloc],
                    line=dict(color="#FFFFFF", width=1.5),
                ),
                hovertemplate=[
                    hover(
                        [
                            f"<b>{plain(names[i])}</b>",
                            plain(bloc),
                            f"{counts[i]} statement{'s' if counts[i] != 1 else ''} · {degrees[i]:g} link(s)",
                        ]
                    )
                    for i in members
                ],
            )
        )
    fig.update_xaxes(visible=False, range=_padded(nodes["x"]))
    fig.update_yaxes(visible=False, range=_padded(nodes["y"], top=0.12))
    fig.update_layout(margin=dict(b=60), legend=dict(orientation="h", x=0, y=-0.02, yanchor="top"))
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=560, left=30, notes=notes)


def _padded(values: pd.Series, *, top: float = 0.06) -> list[float]:
    low, high = float(values.min()), float(values.max())
    span = max(high - low, 0.5)
    return [low - 0.08 * span, high + (0.08 + top) * span]
