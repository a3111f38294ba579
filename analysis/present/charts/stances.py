"""Stance figures: the spectrum of actors, stances by bloc, and the actor × target matrix."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from analysis.data.schema import STANCES
from analysis.present import theme
from analysis.present.charts.frame import (
    NO_MATCH,
    ROW_HEIGHT,
    STANCE_TICKS,
    Draft,
    empty_figure,
    grouped_rows,
    hover,
    label_margin,
    quote_lines,
    records,
    sandwich,
    wrap,
)
from analysis.present.theme import plain
from analysis.present.wording import format_date, plural
from analysis.query.selection import NOT_A_TIME


class _Position(NamedTuple):
    """A row of `aggregates.actor_positions`."""

    actor_id: str
    actor_name: str
    bloc: str
    stance: str
    score: float
    n: int
    targets: list[str]
    quotes: list[str]


def stance_spectrum(positions: pd.DataFrame, *, title: str, subtitle: str, footer: str) -> go.Figure:
    """Each actor on the condemning → supportive axis, under a header for its bloc, coloured by stance.

    `positions` comes from `aggregates.actor_positions`: one row per actor, already in display order.
    """
    if positions.empty:
        return empty_figure(NO_MATCH, title=title, subtitle=subtitle, footer=footer)
    categories, row_of = grouped_rows(positions)
    fig = Draft()
    actors = records(positions, _Position)
    for stance in STANCES:
        part = [actor for actor in actors if actor.stance == stance]
        if not part:
            continue
        fig.add_trace(
            dict(
                type="scatter",
                x=[a.score for a in part],
                y=[row_of[a.actor_id] for a in part],
                mode="markers",
                name=stance,
                marker=dict(
                    color=theme.STANCE_COLORS[stance],
                    size=[14 + 4 * min(a.n, 6) for a in part],
                    line=dict(color="#FFFFFF", width=1.5),
                ),
                hovertemplate=[
                    hover(
                        [
                            f"<b>{plain(a.actor_name)}</b> · {plain(a.bloc)}",
                            f"{stance} (mean score {a.score:+.2f}, {plural(a.n, 'statement')})",
                            f"On: {plain(', '.join(a.targets))}",
                            *quote_lines(a.quotes),
                        ]
                    )
                    for a in part
                ],
                customdata=[a.actor_id for a in part],
            )
        )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=categories[::-1],
        range=[-0.6, len(categories) - 0.4],
        showgrid=True,
        gridcolor="#F0F0F0",
        tickfont=dict(size=14),
        automargin=True,
    )
    # The stance names on the axis say what each colour means, so the chart needs no legend.
    fig.update_xaxes(
        range=[-1.1, 1.1],
        zeroline=True,
        zerolinewidth=2,
        showgrid=True,
        **STANCE_TICKS,
        side="top",
        tickfont=dict(size=14),
    )
    fig.update_layout(showlegend=False)
    return sandwich(
        fig,
        title=title,
        subtitle=subtitle,
        footer=footer,
        height=40 + ROW_HEIGHT * len(categories),
        left=label_margin(positions["actor_name"].tolist() + positions["bloc"].tolist()),
        axis_on_top=True,
    )


def stance_by_bloc(counts: pd.DataFrame, *, title: str, subtitle: str, footer: str) -> go.Figure:
    """A diverging stacked bar: opposing stances to the left of zero, support to the right, neutral split
    across the centre. `counts` comes from `aggregates.stance_counts(rows, by="bloc")`."""
    if counts.empty:
        return empty_figure(NO_MATCH, title=title, subtitle=subtitle, footer=footer)
    # Bottom to top, so that the most supportive bloc (the first row of `counts`) is drawn on top.
    order = {column: counts[column].tolist()[::-1] for column in ("bloc", *STANCES)}
    blocs = [plain(b) for b in order["bloc"]]
    fig = Draft()

    def bar(stance: str, values, *, show_legend: bool = True):
        real = order[stance]
        fig.add_trace(
            dict(
                type="bar",
                y=blocs,
                x=values,
                orientation="h",
                name=stance,
                legendgroup=stance,
                legendrank=STANCES.index(stance),
                showlegend=show_legend,
                marker=dict(color=theme.STANCE_COLORS[stance], line=dict(width=0)),
                customdata=real,
                text=[str(v) if v and show_legend else "" for v in real],
                textposition="inside",
                insidetextanchor="middle",
                textfont=dict(color=theme.STANCE_TEXT_COLORS[stance], size=14),
                hovertemplate=f"<b>%{{y}}</b><br>{stance}: %{{customdata}} statement(s)<extra></extra>",
            )
        )

    # With barmode="relative", each side stacks outward in trace order: the first trace sits at zero.
    half_neutral = [v / 2 for v in order["neutral"]]
    bar("neutral", [-v for v in half_neutral], show_legend=False)
    for stance in ("cautious", "opposed", "condemning"):
        bar(stance, [-v for v in order[stance]])
    bar("neutral", half_neutral)
    bar("supportive", order["supportive"])
    left_extent = max(
        sum(row) + neutral / 2
        for *row, neutral in zip(order["condemning"], order["opposed"], order["cautious"], order["neutral"])
    )
    right_extent = max(supportive + neutral / 2 for supportive, neutral in zip(order["supportive"], order["neutral"]))
    widest = max(1, int(-(-max(left_extent, right_extent) // 1)))
    step = max(1, round(widest / 4))
    ticks = list(range(-(widest // step) * step, widest + 1, step))
    fig.update_xaxes(
        range=[-widest - 0.3, widest + 0.3],
        tickvals=ticks,
        ticktext=[str(abs(t)) for t in ticks],
        title=dict(text="statements: ← opposing · supportive →", font=dict(size=14), standoff=8),
        zeroline=True,
        zerolinewidth=2,
        zerolinecolor="#6E6E6E",
    )
    fig.update_yaxes(tickfont=dict(size=15), categoryorder="array", categoryarray=blocs)
    fig.update_layout(barmode="relative", bargap=0.3, showlegend=True, margin=dict(b=40))
    return sandwich(
        fig,
        title=title,
        subtitle=subtitle,
        footer=footer,
        height=60 + 52 * len(counts),
        left=label_margin(order["bloc"]),
        legend_on_top=True,
    )


def _when(cell) -> str:
    if cell.when == NOT_A_TIME:
        return "undated"
    return format_date(pd.Timestamp(int(cell.when)), cell.when_precision)


class _Cell(NamedTuple):
    """A row of `aggregates.actor_target_cells`."""

    actor_id: str
    actor_name: str
    target_label: str
    stance: str
    n: int
    quotes: list[str]
    when: int  # the date of the statement that gives the cell its stance (int64 ns; NOT_A_TIME undated)
    when_precision: str


def stance_matrix(cells: pd.DataFrame, *, title: str, subtitle: str, footer: str, which: str = "latest") -> go.Figure:
    """Actors (rows, under their bloc) × targets (columns). Each cell is coloured by the actor's stance on
    the target, shows its statement count, and quotes the statements on hover.

    `cells` comes from `aggregates.actor_target_cells`, already in display order.
    """
    if cells.empty:
        return empty_figure(NO_MATCH, title=title, subtitle=subtitle, footer=footer)
    positions = cells.drop_duplicates("actor_id")[["actor_id", "actor_name", "bloc"]]
    categories, row_of = grouped_rows(positions)
    targets = list(dict.fromkeys(cells["target_label"]))
    column_of = {t: i for i, t in enumerate(targets)}
    row_index = {label: i for i, label in enumerate(categories)}
    z = [[None] * len(targets) for _ in categories]
    counts = {"x": [], "y": [], "text": [], "color": []}
    hover_text = [[""] * len(targets) for _ in categories]
    for cell in records(cells, _Cell):
        r, c = row_index[row_of[cell.actor_id]], column_of[cell.target_label]
        z[r][c] = STANCES.index(cell.stance)
        counts["x"].append(plain(cell.target_label))
        counts["y"].append(categories[r])
        counts["text"].append(str(cell.n))
        counts["color"].append(theme.STANCE_TEXT_COLORS[cell.stance])
        hover_text[r][c] = "<br>".join(
            [
                f"<b>{plain(cell.actor_name)}</b> on {plain(cell.target_label)}",
                f"{cell.stance} · {plural(cell.n, 'statement')}",
                f"its {which} statement: {cell.stance}, {_when(cell)}",
                *quote_lines(cell.quotes),
            ]
        )
    # A stepped colour scale: each stance index gets exactly its palette colour.
    steps = len(STANCES)
    colorscale = []
    for i, stance in enumerate(STANCES):
        colorscale += [[i / steps, theme.STANCE_COLORS[stance]], [(i + 1) / steps, theme.STANCE_COLORS[stance]]]
    fig = Draft()
    fig.add_trace(
        dict(
            type="heatmap",
            z=z,
            x=[plain(t) for t in targets],
            y=categories,
            zmin=-0.5,
            zmax=steps - 0.5,
            colorscale=colorscale,
            showscale=False,
            hovertext=hover_text,
            hovertemplate="%{hovertext}<extra></extra>",
            xgap=3,
            ygap=3,
        )
    )
    # The counts as text in a colour that reads on each stance colour (plotly's heatmap text cannot).
    fig.add_trace(
        dict(
            type="scatter",
            x=counts["x"],
            y=counts["y"],
            text=counts["text"],
            mode="text",
            showlegend=False,
            textfont=dict(size=15, color=counts["color"]),
            hoverinfo="skip",
        )
    )
    # A legend from invisible markers, since a heatmap has no legend of its own.
    for stance in STANCES:
        fig.add_trace(
            dict(
                type="scatter",
                x=[None],
                y=[None],
                mode="markers",
                name=stance,
                showlegend=True,
                marker=dict(symbol="square", size=14, color=theme.STANCE_COLORS[stance]),
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=categories[::-1], showgrid=False, tickfont=dict(size=14))
    fig.update_xaxes(
        side="top",
        showgrid=False,
        tickfont=dict(size=14),
        tickangle=0,
        ticktext=[wrap(plain(t), 16) for t in targets],
        tickvals=[plain(t) for t in targets],
    )
    fig.update_layout(
        plot_bgcolor="#F7F7F7",
        margin=dict(b=40),
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.01, yanchor="top"),
    )
    return sandwich(
        fig,
        title=title,
        subtitle=subtitle,
        footer=footer,
        height=50 + ROW_HEIGHT * len(categories),
        left=label_margin(positions["actor_name"].tolist() + positions["bloc"].tolist()),
        axis_on_top=True,
        extra_top=24,
    )
