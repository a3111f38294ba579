"""Time figures: context events and reactions on one time axis, and an actor's stance over time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis import theme
from analysis.charts.frame import NO_MATCH, STANCE_TICKS, Draft, empty_figure, hover, sandwich, wrap
from analysis.metrics import format_date
from analysis.schema import STANCES
from analysis.theme import plain
from analysis.timeline import period

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
    dated_events = [(row, p) for row in events.itertuples(index=False) if (p := period(row.date, row.date_precision))]
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
        fig.add_trace(_span_trace(start, end, lane, color=color, width=8, name="event", hovertext=text), row=1)
        fig.add_trace(dict(type="scatter", x=[start + (end - start) / 2], y=[lane], mode="markers+text",
                                 marker=dict(color=color, size=9), text=[wrap(plain(event.title), 26)],
                                 textposition="top center", textfont=dict(size=12), hovertemplate=text,
                                 showlegend=False, cliponaxis=False), row=1)
    for stance in STANCES:
        part = points[points["stance"] == stance]
        if part.empty:
            continue
        color = theme.STANCE_COLORS[stance]
        texts = [hover([f"<b>{plain(r.actor_name)}</b> · {stance} · {format_date(r.start, r.precision)}"
                        + (f" · {r.n} statements" if r.n > 1 else ""), f"on {plain(r.target_label)}",
                        f"“{wrap(plain(r.quote), 70)}”"]) for r in part.itertuples(index=False)]
        lanes = [lane_of[a] + STANCE_OFFSET[stance] for a in part["actor_name"]]
        # Dots: statements known to the day, and groups of statements (see timeline.reaction_points).
        days = (part["precision"].isin(["day", "week"]) | (part["grouped"] != "")).to_numpy()
        if days.any():
            fig.add_trace(dict(type="scatter",
                x=[s + (e - s) / 2 for s, e in zip(part["start"][days], part["end"][days])],
                y=[y for y, d in zip(lanes, days) if d],
                mode="markers", name=stance, legendgroup=stance, legendrank=STANCES.index(stance),
                # Grouped points all carry many statements: one small size keeps the stance rows apart.
                marker=dict(color=color, size=[9 if g else 10 + 3 * min(n, 8) for n, g in
                                               zip(part["n"][days], part["grouped"][days])],
                            line=dict(color="#FFFFFF", width=1)),
                hovertemplate=[t for t, d in zip(texts, days) if d]), row=2)
        if (~days).any():
            xs, ys, hovers = [], [], []
            for (s, e, y, t) in zip(part["start"][~days], part["end"][~days], [y for y, d in zip(lanes, days) if not d],
                                    [t for t, d in zip(texts, days) if not d]):
                xs += [s, e, None]
                ys += [y, y, None]
                hovers += [t, t, ""]
            fig.add_trace(dict(type="scatter", x=xs, y=ys, mode="lines", name=stance, legendgroup=stance,
                                     legendrank=STANCES.index(stance), showlegend=not days.any(),
                                     line=dict(color=color, width=6), opacity=0.6, hovertemplate=hovers),
                          row=2)
    if trigger_date is not None:
        trigger = pd.Timestamp(trigger_date)
        for r in (1, 2):
            fig.add_vline(x=trigger.value / 1e6 + 43_200_000, line=dict(color=TRIGGER_COLOR, width=2, dash="dash"),
                          row=r)
        # The window shows every reaction period whole (a month-precision statement spans its month).
        near = points[points["end"] > trigger - pd.Timedelta(days=60)]
        window_start = min([trigger - pd.Timedelta(days=4), *near["start"]])
        window_end = max([trigger + pd.Timedelta(days=14), *near["end"].clip(upper=trigger + pd.Timedelta(days=60))])
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
    dated = series.sort_values("date")
    if dated["date"].nunique() < 2:
        return empty_figure("Stance over time needs statements on at least two dates", title=title,
                            subtitle=subtitle, footer=footer)
    fig = Draft()
    colors = theme.bloc_colors(dated["target_label"])
    for target, group in dated.groupby("target_label", sort=True):
        fig.add_trace(dict(type="scatter",
            x=group["date"].tolist(), y=group["score"].tolist(), mode="lines+markers", name=plain(target),
            line=dict(color=colors[target], width=2, shape="hv"),
            marker=dict(size=12, color=[theme.STANCE_COLORS[str(s)] for s in group["stance"]],
                        line=dict(color=colors[target], width=2)),
            hovertemplate=[hover([f"<b>{plain(target)}</b> · {s} · {format_date(d, p)}"
                                  + (f" · mean of {n} statements" if n > 1 else ""), f"“{wrap(plain(q), 70)}”"])
                           for s, d, p, q, n in zip(group["stance"], group["date"], group["date_precision"],
                                                    group["quote"], group["n"])],
        ))
    fig.update_yaxes(range=[-1.15, 1.15], zeroline=True, zerolinewidth=2, **STANCE_TICKS)
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=380, left=110, legend_on_top=True)
