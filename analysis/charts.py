"""Figure builders. Each takes an aggregated frame from `metrics` and returns a briefing-ready go.Figure:
a title that states the finding, the filter sentence as subtitle, and a footer with sources and date.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import theme
from analysis.schema import STANCE_SCORES, STANCES
from analysis.theme import plain

STANCE_TICKS = dict(tickmode="array", tickvals=[STANCE_SCORES[s] for s in STANCES], ticktext=list(STANCES))
ROW_HEIGHT = 34
MARGIN_PAD = 14


def _wrap(text: str, width: int) -> str:
    """Break an escaped line with <br> at spaces so that it fits a slide; plotly does not wrap text."""
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(lines)


def label_margin(labels) -> int:
    """A left margin wide enough for the longest y label at the template's font size."""
    longest = max((len(str(label)) for label in labels), default=0)
    return int(28 + 8.2 * longest)


def sandwich(fig: go.Figure, *, title: str, subtitle: str, footer: str, height: int, left: int = 40,
             legend_on_top: bool = False, axis_on_top: bool = False) -> go.Figure:
    """Put the title, subtitle and footer into the figure itself, so exports match the screen.

    Title and footer both line up with the figure's left edge: the title by container coordinates, the
    footer (annotations have none) by shifting it left across the fixed left margin.
    """
    title_html, subtitle_html = _wrap(plain(title), 80), _wrap(plain(subtitle), 120)
    footer_html = _wrap(plain(footer), 150)
    top = 34 + 30 * (title_html.count("<br>") + 1) + 22 * (subtitle_html.count("<br>") + 1)
    top += (44 if legend_on_top else 12) + (30 if axis_on_top else 0)
    bottom = 60 + 18 * footer_html.count("<br>") + (fig.layout.margin.b or 0)
    fig.update_layout(
        template=theme.TEMPLATE_NAME,
        height=height + top + bottom,
        margin=dict(l=left, t=top, b=bottom),
        title=dict(text=f"<b>{title_html}</b>", x=0, xref="container", y=1, yref="container",
                   # plotly anchors a wrapped title by its first line, so extra lines need extra room above
                   yanchor="top", pad=dict(l=MARGIN_PAD, t=18 + 28 * title_html.count("<br>")),
                   subtitle=dict(text=subtitle_html,
                                 font=dict(size=theme.SUBTITLE_SIZE, color=theme.MUTED_INK))),
        meta={"title": title, "subtitle": subtitle, "footer": footer},
    )
    if legend_on_top:
        fig.update_layout(legend=dict(orientation="h", x=0, xref="paper", xanchor="left", y=1,
                                      yanchor="bottom", entrywidth=0))
    fig.add_annotation(text=footer_html, xref="paper", yref="paper", x=0, y=0, xshift=MARGIN_PAD - left,
                       yshift=-(bottom - 14), xanchor="left", yanchor="bottom", showarrow=False, align="left",
                       font=dict(size=theme.FOOTER_SIZE, color=theme.MUTED_INK), name="footer")
    return fig


def empty_figure(message: str, *, title: str, subtitle: str, footer: str) -> go.Figure:
    """What stands in a chart's place when no statement matches: the reason, in words."""
    fig = go.Figure()
    fig.add_annotation(text=plain(message), x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
                       font=dict(size=20, color=theme.MUTED_INK), name="empty")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=260)


def _hover(lines: list[str]) -> str:
    return "<br>".join(lines) + "<extra></extra>"


def _quote_lines(quotes: list[str]) -> list[str]:
    return [f"“{_wrap(plain(q), 70)}”" for q in quotes]


def _spectrum_rows(positions: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """Y categories top to bottom: a bold header per bloc, then its actors. Returns (categories, actor->row)."""
    categories, row_of = [], {}
    for bloc, group in positions.groupby("bloc", sort=False):
        categories.append(f"<b>{plain(bloc)}</b>")
        for actor_id, name in zip(group["actor_id"], group["actor_name"]):
            label = plain(name)
            while label in categories:  # two actors with one name still get a row each
                label += "\u200b"
            categories.append(label)
            row_of[actor_id] = label
    return categories, row_of


def stance_spectrum(positions: pd.DataFrame, *, title: str, subtitle: str, footer: str) -> go.Figure:
    """Each actor on the condemning → supportive axis, under a header for its bloc, coloured by stance.

    `positions` comes from `metrics.actor_positions`: one row per actor, already in display order.
    """
    if positions.empty:
        return empty_figure("No statements match the filters", title=title, subtitle=subtitle, footer=footer)
    categories, row_of = _spectrum_rows(positions)
    fig = go.Figure()
    for stance in STANCES:
        part = positions[positions["stance"] == stance]
        if part.empty:
            continue
        hover = [
            _hover([f"<b>{plain(r.actor_name)}</b> · {plain(r.bloc)}",
                    f"{r.stance} (mean score {r.score:+.2f}, {r.n} statement{'s' if r.n != 1 else ''})",
                    f"On: {plain(', '.join(r.targets))}", *_quote_lines(r.quotes)])
            for r in part.itertuples(index=False)
        ]
        fig.add_trace(go.Scatter(
            x=part["score"], y=part["actor_id"].map(row_of).tolist(), mode="markers", name=stance,
            marker=dict(color=theme.STANCE_COLORS[stance], size=(14 + 4 * part["n"].clip(upper=6)).tolist(),
                        line=dict(color="#FFFFFF", width=1.5)),
            hovertemplate=hover, customdata=part["actor_id"].tolist(),
        ))
    fig.update_yaxes(categoryorder="array", categoryarray=categories[::-1], range=[-0.6, len(categories) - 0.4],
                     showgrid=True, gridcolor="#F0F0F0", tickfont=dict(size=14), automargin=True)
    # The stance names on the axis say what each colour means, so the chart needs no legend.
    fig.update_xaxes(range=[-1.1, 1.1], zeroline=True, zerolinewidth=2, showgrid=True, **STANCE_TICKS,
                     side="top", tickfont=dict(size=14))
    fig.update_layout(showlegend=False)
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=40 + ROW_HEIGHT * len(categories),
                    left=label_margin(positions["actor_name"].tolist() + positions["bloc"].tolist()),
                    axis_on_top=True)


def stance_by_bloc(counts: pd.DataFrame, *, title: str, subtitle: str, footer: str) -> go.Figure:
    """A diverging stacked bar: opposing stances to the left of zero, support to the right, neutral split
    across the centre. `counts` comes from `metrics.stance_counts(rows, by="bloc")`."""
    if counts.empty:
        return empty_figure("No statements match the filters", title=title, subtitle=subtitle, footer=footer)
    order = counts.iloc[::-1]
    blocs = [plain(b) for b in order["bloc"]]
    fig = go.Figure()

    def bar(stance: str, values, *, show_legend: bool = True):
        real = order[stance].tolist()
        fig.add_trace(go.Bar(
            y=blocs, x=values, orientation="h", name=stance, legendgroup=stance, legendrank=STANCES.index(stance),
            showlegend=show_legend, marker=dict(color=theme.STANCE_COLORS[stance], line=dict(width=0)),
            customdata=real, text=[str(v) if v and show_legend else "" for v in real],
            textposition="inside", insidetextanchor="middle",
            textfont=dict(color=theme.STANCE_TEXT_COLORS[stance], size=14),
            hovertemplate=f"<b>%{{y}}</b><br>{stance}: %{{customdata}} statement(s)<extra></extra>",
        ))

    # With barmode="relative", each side stacks outward in trace order: the first trace sits at zero.
    half_neutral = (order["neutral"] / 2).tolist()
    bar("neutral", [-v for v in half_neutral], show_legend=False)
    for stance in ("cautious", "opposed", "condemning"):
        bar(stance, (-order[stance]).tolist())
    bar("neutral", half_neutral)
    bar("supportive", order["supportive"].tolist())
    left_extent = (order[["condemning", "opposed", "cautious"]].sum(axis=1) + order["neutral"] / 2).max()
    right_extent = (order["supportive"] + order["neutral"] / 2).max()
    widest = max(1, int(-(-max(left_extent, right_extent) // 1)))
    step = max(1, round(widest / 4))
    ticks = list(range(-(widest // step) * step, widest + 1, step))
    fig.update_xaxes(range=[-widest - 0.3, widest + 0.3], tickvals=ticks, ticktext=[str(abs(t)) for t in ticks],
                     title=dict(text="statements: ← opposing · supportive →", font=dict(size=14), standoff=8),
                     zeroline=True, zerolinewidth=2, zerolinecolor="#6E6E6E")
    fig.update_yaxes(tickfont=dict(size=15), categoryorder="array", categoryarray=blocs)
    fig.update_layout(barmode="relative", bargap=0.3, showlegend=True, margin=dict(b=40))
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=60 + 52 * len(order),
                    left=label_margin(order["bloc"]), legend_on_top=True)
