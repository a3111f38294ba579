"""Time figures: context events and reactions on one time axis, and an actor's stance over time."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import plotly.graph_objects as go

from analysis.data.schema import STANCES
from analysis.present import theme
from analysis.present.charts.frame import (
    NO_MATCH,
    STANCE_TICKS,
    Draft,
    empty_figure,
    hover,
    plotly_dates,
    records,
    sandwich,
    wrap,
)
from analysis.present.theme import plain
from analysis.present.wording import format_date
from analysis.query.timeline import period, shown_window

EVENT_COLOR = "#4D4D4D"
TRIGGER_COLOR = "#332288"
STANCE_OFFSET = {stance: (i - 2) * 0.16 for i, stance in enumerate(STANCES)}  # stances side by side in a lane
MONTH = pd.Timedelta(days=31)


class _Event(NamedTuple):
    date: pd.Timestamp
    date_precision: str
    role: str
    title: str
    description: str


class _Point(NamedTuple):
    """A row of `timeline.reaction_points`."""

    actor_name: str
    start: pd.Timestamp
    end: pd.Timestamp
    precision: str
    stance: str
    n: int
    quote: str
    target_label: str
    grouped: str

    @property
    def is_dot(self) -> bool:
        """Statements known to the day (or week), and groups of statements, are dots; the rest span a period."""
        return self.precision in ("day", "week") or self.grouped != ""


def reaction_timeline(
    events: pd.DataFrame, points: pd.DataFrame, *, undated: int, trigger_date, title: str, subtitle: str, footer: str
) -> go.Figure:
    """Top: the context events over the years. Bottom: each actor's statements around the trigger, from
    `timeline.reaction_points` (aggregated, capped). A date is drawn as the whole period it stands for (a
    day is a dot, a month a bar across the month), never as a made-up exact day; undated statements are
    counted in a note."""
    dated_events = [
        (event, span) for event in records(events, _Event) if (span := period(event.date, event.date_precision))
    ]
    if points.empty and not dated_events:
        return empty_figure(NO_MATCH, title=title, subtitle=subtitle, footer=footer)
    actors = list(dict.fromkeys(points["actor_name"]))
    lane_of = {name: len(actors) - 1 - i for i, name in enumerate(actors)}  # first actor on top
    fig = Draft(rows=2, row_heights=(0.28, 0.72), vertical_spacing=0.17)
    for i, (event, span) in enumerate(dated_events):
        for trace in _event_traces(event, span, lane=i % 3):
            fig.add_trace(trace, row=1)
    for trace in _reaction_traces(points, lane_of):
        fig.add_trace(trace, row=2)
    if trigger_date is not None:
        _mark_trigger(fig, pd.Timestamp(trigger_date), points, [span for _, span in dated_events])
    _label_rows(fig, lane_of, trigger_date=trigger_date, undated=undated)
    left = max(120, 20 + 8 * max((len(a) for a in actors), default=0))
    return sandwich(
        fig,
        title=title,
        subtitle=subtitle,
        footer=footer,
        height=380 + 34 * max(len(actors), 3),
        left=left,
        extra_top=22,
    )


def _event_traces(event: _Event, span: tuple[pd.Timestamp, pd.Timestamp], *, lane: int) -> list[dict]:
    """An event as a bar across its period, with a labelled marker at its middle."""
    start, end = span
    color = TRIGGER_COLOR if event.role == "trigger" else EVENT_COLOR
    text = hover(
        [
            f"<b>{plain(event.title)}</b> · {format_date(event.date, event.date_precision)}",
            wrap(plain(event.description), 70),
        ]
    )
    start_text, middle, end_text = plotly_dates([start, start + (end - start) / 2, end])
    return [
        dict(
            type="scatter",
            x=[start_text, end_text],
            y=[lane, lane],
            mode="lines",
            line=dict(color=color, width=8),
            opacity=1.0,
            name="event",
            showlegend=False,
            legendgroup=None,
            hovertemplate=text,
        ),
        dict(
            type="scatter",
            x=[middle],
            y=[lane],
            mode="markers+text",
            marker=dict(color=color, size=9),
            text=[wrap(plain(event.title), 26)],
            textposition="top center",
            textfont=dict(size=12),
            hovertemplate=text,
            showlegend=False,
            cliponaxis=False,
        ),
    ]


def _point_hover(point: _Point) -> str:
    many = f" · {point.n} statements" if point.n > 1 else ""
    return hover(
        [
            f"<b>{plain(point.actor_name)}</b> · {point.stance} · {format_date(point.start, point.precision)}" + many,
            f"on {plain(point.target_label)}",
            f"“{wrap(plain(point.quote), 70)}”",
        ]
    )


def _reaction_traces(points: pd.DataFrame, lane_of: dict[str, int]) -> list[dict]:
    """Per stance, a trace of dots and a trace of spans (each span a line from start to end, then a gap)."""
    rows = records(points, _Point)
    middles = plotly_dates(points["start"] + (points["end"] - points["start"]) / 2)
    starts, ends = plotly_dates(points["start"]), plotly_dates(points["end"])
    traces = []
    for stance in STANCES:
        part = [i for i, point in enumerate(rows) if point.stance == stance]
        dots = [i for i in part if rows[i].is_dot]
        spans = [i for i in part if not rows[i].is_dot]
        y = {i: lane_of[rows[i].actor_name] + STANCE_OFFSET[stance] for i in part}
        style = dict(name=stance, legendgroup=stance, legendrank=STANCES.index(stance))
        if dots:
            traces.append(
                dict(
                    type="scatter",
                    x=[middles[i] for i in dots],
                    y=[y[i] for i in dots],
                    mode="markers",
                    **style,
                    # Grouped points all carry many statements: one small size keeps the stance rows apart.
                    marker=dict(
                        color=theme.STANCE_COLORS[stance],
                        line=dict(color="#FFFFFF", width=1),
                        size=[9 if rows[i].grouped else 10 + 3 * min(rows[i].n, 8) for i in dots],
                    ),
                    hovertemplate=[_point_hover(rows[i]) for i in dots],
                )
            )
        if spans:
            traces.append(
                dict(
                    type="scatter",
                    x=[x for i in spans for x in (starts[i], ends[i], None)],
                    y=[v for i in spans for v in (y[i], y[i], None)],
                    mode="lines",
                    **style,
                    showlegend=not dots,
                    line=dict(color=theme.STANCE_COLORS[stance], width=6),
                    opacity=0.6,
                    hovertemplate=[text for i in spans for text in (_point_hover(rows[i]),) * 2 + ("",)],
                )
            )
    return traces


def _mark_trigger(fig: Draft, trigger: pd.Timestamp, points: pd.DataFrame, event_spans: list[tuple]) -> None:
    """A dashed line at the trigger, and the reactions' axis set to the window around it. Context events all
    within a few weeks (or just the trigger) share that window rather than zoom to a day."""
    for row in (1, 2):
        fig.add_vline(x=trigger.value / 1e6 + 43_200_000, line=dict(color=TRIGGER_COLOR, width=2, dash="dash"), row=row)
    window = shown_window(points["start"].tolist(), points["end"].tolist(), trigger)
    fig.update_xaxes(range=window, row=2)
    close_together = not event_spans or (
        max(end for _, end in event_spans) - min(start for start, _ in event_spans) <= MONTH
    )
    if close_together and all(end - start <= MONTH for start, end in event_spans):
        fig.update_xaxes(range=window, showticklabels=False, row=1)  # the reactions' axis below says it


def _label_rows(fig: Draft, lane_of: dict[str, int], *, trigger_date, undated: int) -> None:
    """Axes, the two panels' headings and the legend."""
    fig.update_yaxes(visible=False, range=[-0.6, 3.2], row=1)
    fig.update_yaxes(
        tickmode="array",
        tickvals=list(lane_of.values()),
        ticktext=[plain(a) for a in lane_of],
        range=[-0.6, len(lane_of) - 0.4],
        tickfont=dict(size=14),
        showgrid=False,
        zeroline=False,
        row=2,
    )
    reactions = "<b>Reactions</b> · a dot is a known day; a bar spans the month when only the month is known"
    if trigger_date is not None:
        reactions += f" · dashed: the trigger, {format_date(pd.Timestamp(trigger_date), 'day')}"
    if undated:
        reactions += f"<br>{undated} undated statement{'s' if undated != 1 else ''} (no date in the source) not drawn"
    for row, text in ((1, "<b>Context</b> · events the source recounts"), (2, reactions)):
        fig.add_annotation(
            text=text,
            xref="paper",
            yref=f"y{'' if row == 1 else 2} domain",
            x=0,
            y=1.02,
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            font=dict(size=13, color=theme.INK),
        )
    fig.update_layout(margin=dict(b=90), legend=dict(orientation="h", x=0, y=-0.09, yanchor="top"))


class _SeriesPoint(NamedTuple):
    """A row of `timeline.stance_series`."""

    date: pd.Timestamp
    target_label: str
    score: float
    stance: str
    date_precision: str
    quote: str
    n: int


def stance_over_time(series: pd.DataFrame, *, title: str, subtitle: str, footer: str) -> go.Figure:
    """One actor's stance on each target over time, as a step line per target. `series` comes from
    `timeline.stance_series` (one point per target and date)."""
    # By date; a target's points keep their order within a date.
    points = sorted(records(series, _SeriesPoint), key=lambda point: point.date)
    if len({point.date for point in points}) < 2:
        return empty_figure(
            "Stance over time needs statements on at least two dates", title=title, subtitle=subtitle, footer=footer
        )
    fig = Draft()
    by_target: dict[str, list[_SeriesPoint]] = {}
    for point in points:
        by_target.setdefault(point.target_label, []).append(point)
    colors = theme.bloc_colors(by_target)
    for target in sorted(by_target):
        group = by_target[target]
        fig.add_trace(
            dict(
                type="scatter",
                x=plotly_dates([p.date for p in group]),
                y=[p.score for p in group],
                mode="lines+markers",
                name=plain(target),
                line=dict(color=colors[target], width=2, shape="hv"),
                marker=dict(
                    size=12,
                    color=[theme.STANCE_COLORS[str(p.stance)] for p in group],
                    line=dict(color=colors[target], width=2),
                ),
                hovertemplate=[
                    hover(
                        [
                            f"<b>{plain(target)}</b> · {p.stance} · {format_date(p.date, p.date_precision)}"
                            + (f" · mean of {p.n} statements" if p.n > 1 else ""),
                            f"“{wrap(plain(p.quote), 70)}”",
                        ]
                    )
                    for p in group
                ],
            )
        )
    fig.update_yaxes(range=[-1.15, 1.15], zeroline=True, zerolinewidth=2, **STANCE_TICKS)
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=380, left=110, legend_on_top=True)
