"""Time figures: context events and reactions on one time axis, and an actor's stance over time."""

from __future__ import annotations

from collections import namedtuple

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
from analysis.query.aggregates import format_date
from analysis.query.timeline import period

_Event = namedtuple("_Event", "date date_precision role title description")
EVENT_COLOR = "#4D4D4D"
TRIGGER_COLOR = "#332288"


def _span_trace(start, end, y, *, color, width, name, hovertext, showlegend=False, legendgroup=None, opacity=1.0):
    return dict(type="scatter", x=[start, end], y=[y, y], mode="lines", line=dict(color=color, width=width),
                opacity=opacity, name=name, showlegend=showlegend, legendgroup=legendgroup, hovertemplate=hovertext)


STANCE_OFFSET = {stance: (i - 2) * 0.16 for i, stance in enumerate(STANCES)}


def reaction_timeline(events: pd.DataFrame, points: pd.DataFrame, *, undated: int, trigger_date, title: str,
                      subtitle: str, footer: str) -> go.Figure:
    """Top: the context events over the years. Bottom: each actor's statements around the trigger, from
    `timeline.reaction_points` (aggregated, capped). A date is drawn as the whole period it stands for (a
    day is a dot, a month a bar across the month), never as a made-up exact day; undated statements are
    counted in a note."""
    dated_events = [(event, p) for event in map(_Event._make, records(events, *_Event._fields))
                    if (p := period(event.date, event.date_precision))]
    if points.empty and not dated_events:
        return empty_figure(NO_MATCH, title=title, subtitle=subtitle, footer=footer)
    actors = list(dict.fromkeys(points["actor_name"]))
    lane_of = {name: len(actors) - 1 - i for i, name in enumerate(actors)}  # first actor on top
    fig = Draft(rows=2, row_heights=(0.28, 0.72), vertical_spacing=0.17)
    for i, (event, (start, end)) in enumerate(dated_events):
        lane = i % 3
        color = TRIGGER_COLOR if event.role == "trigger" else EVENT_COLOR
        text = hover([f"<b>{plain(event.title)}</b> · {format_date(event.date, event.date_precision)}",
                      wrap(plain(event.description), 70)])
        start_text, middle, end_text = plotly_dates([start, start + (end - start) / 2, end])
        fig.add_trace(_span_trace(start_text, end_text, lane, color=color, width=8, name="event", hovertext=text),
                      row=1)
        fig.add_trace(dict(type="scatter", x=[middle], y=[lane], mode="markers+text",
                                 marker=dict(color=color, size=9), text=[wrap(plain(event.title), 26)],
                                 textposition="top center", textfont=dict(size=12), hovertemplate=text,
                                 showlegend=False, cliponaxis=False), row=1)
    columns = {name: points[name].tolist() for name in ("actor_name", "start", "end", "precision", "stance", "n",
                                                       "quote", "target_label", "grouped")}
    middles = plotly_dates(points["start"] + (points["end"] - points["start"]) / 2)
    starts, ends = plotly_dates(points["start"]), plotly_dates(points["end"])
    for stance in STANCES:
        part = [i for i, s in enumerate(columns["stance"]) if s == stance]
        if not part:
            continue
        color = theme.STANCE_COLORS[stance]
        name, start, end, precision, n, grouped = (columns[c] for c in ("actor_name", "start", "end", "precision", "n",
                                                                        "grouped"))
        texts = {i: hover([f"<b>{plain(name[i])}</b> · {stance} · {format_date(start[i], precision[i])}"
                           + (f" · {n[i]} statements" if n[i] > 1 else ""), f"on {plain(columns['target_label'][i])}",
                           f"“{wrap(plain(columns['quote'][i]), 70)}”"]) for i in part}
        # Dots: statements known to the day, and groups of statements (see timeline.reaction_points).
        dots = [i for i in part if precision[i] in ("day", "week") or grouped[i] != ""]
        spans = sorted(set(part) - set(dots))
        if dots:
            fig.add_trace(dict(type="scatter", x=[middles[i] for i in dots],
                y=[lane_of[name[i]] + STANCE_OFFSET[stance] for i in dots],
                mode="markers", name=stance, legendgroup=stance, legendrank=STANCES.index(stance),
                # Grouped points all carry many statements: one small size keeps the stance rows apart.
                marker=dict(color=color, size=[9 if grouped[i] else 10 + 3 * min(n[i], 8) for i in dots],
                            line=dict(color="#FFFFFF", width=1)),
                hovertemplate=[texts[i] for i in dots]), row=2)
        if spans:
            xs, ys, hovers = [], [], []
            for i in spans:
                y = lane_of[name[i]] + STANCE_OFFSET[stance]
                xs += [starts[i], ends[i], None]
                ys += [y, y, None]
                hovers += [texts[i], texts[i], ""]
            fig.add_trace(dict(type="scatter", x=xs, y=ys, mode="lines", name=stance, legendgroup=stance,
                                     legendrank=STANCES.index(stance), showlegend=not dots,
                                     line=dict(color=color, width=6), opacity=0.6, hovertemplate=hovers),
                          row=2)
    if trigger_date is not None:
        trigger = pd.Timestamp(trigger_date)
        for r in (1, 2):
            fig.add_vline(x=trigger.value / 1e6 + 43_200_000, line=dict(color=TRIGGER_COLOR, width=2, dash="dash"),
                          row=r)
        # The window shows every reaction period whole (a month-precision statement spans its month).
        near = [(start, end) for start, end in zip(columns["start"], columns["end"])
                if end > trigger - pd.Timedelta(days=60)]
        window_start = min([trigger - pd.Timedelta(days=4), *(start for start, _ in near)])
        window_end = max([trigger + pd.Timedelta(days=14),
                          *(min(end, trigger + pd.Timedelta(days=60)) for _, end in near)])
        window = [window_start - pd.Timedelta(days=1), window_end + pd.Timedelta(days=1)]
        fig.update_xaxes(range=window, row=2)
        # Context events all within a few weeks (or just the trigger): share the reactions' window rather
        # than zoom to a day.
        if all(end - start <= pd.Timedelta(days=31) for _, (start, end) in dated_events) and (
                not dated_events or max(e for _, (_, e) in dated_events) - min(s for _, (s, _) in dated_events)
                <= pd.Timedelta(days=31)):
            fig.update_xaxes(range=window, showticklabels=False, row=1)  # the reactions' axis below says it
    fig.update_yaxes(visible=False, range=[-0.6, 3.2], row=1)
    fig.update_yaxes(tickmode="array", tickvals=list(lane_of.values()), ticktext=[plain(a) for a in lane_of],
                     range=[-0.6, len(actors) - 0.4], tickfont=dict(size=14), showgrid=False, zeroline=False,
                     row=2)
    reactions = "<b>Reactions</b> · a dot is a known day; a bar spans the month when only the month is known"
    if trigger_date is not None:
        reactions += f" · dashed: the trigger, {format_date(pd.Timestamp(trigger_date), 'day')}"
    if undated:
        reactions += f"<br>{undated} undated statement{'s' if undated != 1 else ''} (no date in the source) not drawn"
    for row_number, text in ((1, "<b>Context</b> · events the source recounts"), (2, reactions)):
        fig.add_annotation(text=text, xref="paper", yref=f"y{'' if row_number == 1 else 2} domain", x=0, y=1.02,
                           xanchor="left", yanchor="bottom", showarrow=False, font=dict(size=13, color=theme.INK))
    fig.update_layout(margin=dict(b=90), legend=dict(orientation="h", x=0, y=-0.09, yanchor="top"))
    left = max(120, 20 + 8 * max((len(a) for a in actors), default=0))
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=380 + 34 * max(len(actors), 3),
                    left=left, extra_top=22)


def stance_over_time(series: pd.DataFrame, *, title: str, subtitle: str, footer: str) -> go.Figure:
    """One actor's stance on each target over time, as a step line per target. `series` comes from
    `timeline.stance_series` (one point per target and date)."""
    points = sorted(records(series, "date", "target_label", "score", "stance", "date_precision", "quote", "n"),
                    key=lambda point: point[0])  # by date; a target's points keep their order within a date
    if len({point[0] for point in points}) < 2:
        return empty_figure("Stance over time needs statements on at least two dates", title=title,
                            subtitle=subtitle, footer=footer)
    fig = Draft()
    by_target: dict[str, list[tuple]] = {}
    for point in points:
        by_target.setdefault(point[1], []).append(point)
    colors = theme.bloc_colors(by_target)
    for target in sorted(by_target):
        group = by_target[target]
        fig.add_trace(dict(type="scatter",
            x=plotly_dates([date for date, *_ in group]), y=[score for _, _, score, *_ in group],
            mode="lines+markers", name=plain(target), line=dict(color=colors[target], width=2, shape="hv"),
            marker=dict(size=12, color=[theme.STANCE_COLORS[str(stance)] for _, _, _, stance, *_ in group],
                        line=dict(color=colors[target], width=2)),
            hovertemplate=[hover([f"<b>{plain(target)}</b> · {stance} · {format_date(date, precision)}"
                                  + (f" · mean of {n} statements" if n > 1 else ""), f"“{wrap(plain(quote), 70)}”"])
                           for date, _, _, stance, precision, quote, n in group],
        ))
    fig.update_yaxes(range=[-1.15, 1.15], zeroline=True, zerolinewidth=2, **STANCE_TICKS)
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=380, left=110, legend_on_top=True)
