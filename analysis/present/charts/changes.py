"""The shift chart: one arrow per actor and target, from the stance at the baseline to the stance now, on
the stance scale, coloured by direction (toward support or toward opposition)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.data.schema import STANCE_SCORES, STANCES
from analysis.present import theme
from analysis.present.charts.frame import NO_MATCH, Draft, empty_figure, hover, label_margin, sandwich
from analysis.present.theme import plain

MAX_SHIFTS = 30  # more arrows than this no longer read; the subtitle says how many are left out
DIRECTION_COLORS = {
    "toward support": theme.STANCE_COLORS["supportive"],
    "toward opposition": theme.STANCE_COLORS["opposed"],
}


def shift_chart(shifts: pd.DataFrame, *, title: str, subtitle: str, footer: str) -> go.Figure:
    """`shifts` from `analysis.query.changes` (actor_name, target_label, old_stance, new_stance, direction,
    old_quote, new_quote)."""
    if shifts.empty:
        return empty_figure(f"{NO_MATCH}: no actor changed its stance.", title=title, subtitle=subtitle, footer=footer)
    shown = shifts.head(MAX_SHIFTS)
    labels = [plain(f"{a} · {t}") for a, t in zip(shown["actor_name"], shown["target_label"])]
    fig = Draft()
    for direction, color in DIRECTION_COLORS.items():
        mine = (shown["direction"] == direction).to_numpy()
        if not mine.any():
            continue
        rows = shown[mine]
        names = [label for label, keep in zip(labels, mine) if keep]
        old = rows["old_stance"].map(STANCE_SCORES).tolist()
        new = rows["new_stance"].map(STANCE_SCORES).tolist()
        xs, ys, symbols, sizes, hovers = [], [], [], [], []
        quotes = zip(*(rows[c] for c in ("old_stance", "new_stance", "old_quote", "new_quote")))
        for label, start, end, (then, now, q0, q1) in zip(names, old, new, quotes):
            text = hover(
                [f"<b>{label}</b>", f"{plain(then)} → {plain(now)}", f"then: “{plain(q0)}”", f"now: “{plain(q1)}”"]
            )
            xs += [start, end, None]
            ys += [label, label, None]
            symbols += ["circle-open", "arrow", "circle"]
            sizes += [11, 18, 0]
            hovers += [text + "<extra></extra>"] * 2 + [""]
        fig.add_trace(
            dict(
                type="scatter",
                x=xs,
                y=ys,
                mode="lines+markers",
                name=direction,
                line=dict(color=color, width=4),
                # "previous": each arrow head points along its own segment, from then to now
                marker=dict(
                    symbol=symbols, size=sizes, angleref="previous", color=color, line=dict(width=2, color=color)
                ),
                hovertemplate=hovers,
            )
        )
    fig.update_xaxes(
        range=[-1.15, 1.15],
        tickvals=[STANCE_SCORES[s] for s in STANCES],
        ticktext=list(STANCES),
        tickangle=0,
        zeroline=True,
        zerolinecolor="#B0B0B0",
        title=dict(text="○ then → now", font=dict(size=14), standoff=8),
    )
    fig.update_yaxes(categoryorder="array", categoryarray=labels[::-1], tickfont=dict(size=14))
    fig.update_layout(showlegend=True, margin=dict(b=40))
    return sandwich(
        fig,
        title=title,
        subtitle=subtitle,
        footer=footer,
        height=60 + 46 * len(shown),
        left=label_margin(labels),
        legend_on_top=True,
    )
