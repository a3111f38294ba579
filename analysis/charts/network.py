"""The alignment network: actors as nodes coloured by bloc, edges for agreement or conflict."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import theme
from analysis.charts.frame import NO_MATCH, Draft, empty_figure, hover, sandwich, wrap
from analysis.theme import plain

EDGE_STYLE = {"congruence": dict(color="#5B8DB8", dash="solid"), "conflict": dict(color="#D55E00", dash="dot")}
EDGE_WORDS = {"congruence": "same stance on", "conflict": "opposite sides on"}


def alignment_network(nodes: pd.DataFrame, edges: pd.DataFrame, *, kind: str, title: str, subtitle: str,
                      footer: str) -> go.Figure:
    """`nodes` from `alignment.network_nodes` (with x, y), `edges` from `alignment.alignment_edges`."""
    if nodes.empty:
        return empty_figure(NO_MATCH, title=title, subtitle=subtitle, footer=footer)
    fig = Draft()
    x = dict(zip(nodes["actor_id"], nodes["x"].tolist()))
    y = dict(zip(nodes["actor_id"], nodes["y"].tolist()))
    name = dict(zip(nodes["actor_id"], nodes["actor_name"]))
    style = EDGE_STYLE[kind]
    # One trace per edge weight, so that width can say how many targets a pair shares.
    for weight, group in edges.groupby("weight"):
        xs, ys = [], []
        for source, target in zip(group["source"], group["target"]):
            xs += [x[source], x[target], None]
            ys += [y[source], y[target], None]
        fig.add_trace(dict(type="scatter", x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                           line=dict(width=1.5 + 2 * (int(weight) - 1), **style), opacity=0.7))
    # Invisible midpoints carry each edge's hover: which targets the pair agrees or clashes on.
    if not edges.empty:
        pairs = list(zip(edges["source"], edges["target"], edges["targets"]))
        fig.add_trace(dict(type="scatter",
            x=[(x[a] + x[b]) / 2 for a, b, _ in pairs], y=[(y[a] + y[b]) / 2 for a, b, _ in pairs],
            mode="markers", marker=dict(size=10, opacity=0), showlegend=False,
            hovertemplate=[hover([f"<b>{plain(name[a])}</b> and <b>{plain(name[b])}</b>",
                                  f"{EDGE_WORDS[kind]}: {plain(', '.join(targets))}"]) for a, b, targets in pairs]))
    colors = theme.bloc_colors(nodes["bloc"])
    for bloc, group in nodes.groupby("bloc", sort=True):
        fig.add_trace(dict(type="scatter",
            x=group["x"].tolist(), y=group["y"].tolist(), mode="markers+text", name=plain(bloc),
            text=[wrap(plain(n), 18) for n in group["actor_name"]], textposition="top center",
            textfont=dict(size=13), cliponaxis=False,
            marker=dict(size=(14 + 3 * group["n"].clip(upper=8)).tolist(), color=colors[bloc],
                        line=dict(color="#FFFFFF", width=1.5)),
            hovertemplate=[hover([f"<b>{plain(r.actor_name)}</b>", plain(r.bloc),
                                  f"{r.n} statement{'s' if r.n != 1 else ''} · {r.degree:g} link(s)"])
                           for r in group.itertuples(index=False)],
        ))
    fig.update_xaxes(visible=False, range=_padded(nodes["x"]))
    fig.update_yaxes(visible=False, range=_padded(nodes["y"], top=0.12))
    fig.update_layout(margin=dict(b=60), legend=dict(orientation="h", x=0, y=-0.02, yanchor="top"))
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=560, left=30)


def _padded(values: pd.Series, *, top: float = 0.06) -> list[float]:
    low, high = float(values.min()), float(values.max())
    span = max(high - low, 0.5)
    return [low - 0.08 * span, high + (0.08 + top) * span]
