"""The chart sandwich shared by every figure: title, subtitle, footer, sizes and the empty state."""

from __future__ import annotations

import copy
import functools
from typing import NamedTuple, TypeVar

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analysis.data.schema import STANCE_SCORES, STANCES
from analysis.present import theme
from analysis.present.theme import plain
from analysis.present.wording import NO_MATCH  # noqa: F401 (charts say it where a chart would be)


class Draft:
    """A figure assembled as plain dicts and turned into a go.Figure once, at the end.

    plotly validates and path-parses on every add_trace/update_layout call, which costs more than the rest
    of a chart (BENCHMARKS.md); building the same dict and constructing the figure once does not. The
    methods mirror the go.Figure ones the chart builders use, with traces given as dicts.
    """

    def __init__(self, *, rows: int = 1, row_heights: tuple[float, ...] = (1.0,), vertical_spacing: float = 0.0):
        self.data: list[dict] = []
        self.layout: dict = {}
        if rows > 1:  # stacked subplots sharing the width, as make_subplots(rows=n, cols=1) lays them out
            usable = 1 - vertical_spacing * (rows - 1)
            top = 1.0
            for row, share in enumerate(row_heights, start=1):
                bottom = max(0.0, top - usable * share)
                self.layout[_axis("x", row)] = {"anchor": _axis_ref("y", row), "domain": [0.0, 1.0]}
                self.layout[_axis("y", row)] = {"anchor": _axis_ref("x", row), "domain": [bottom, top]}
                top = bottom - vertical_spacing

    def add_trace(self, trace: dict, *, row: int | None = None) -> None:
        if row:
            trace = {**trace, "xaxis": _axis_ref("x", row), "yaxis": _axis_ref("y", row)}
        self.data.append(trace)

    def update_layout(self, **changes) -> None:
        _merge(self.layout, changes)

    def update_xaxes(self, *, row: int = 1, **changes) -> None:
        _merge(self.layout.setdefault(_axis("x", row), {}), changes)

    def update_yaxes(self, *, row: int = 1, **changes) -> None:
        _merge(self.layout.setdefault(_axis("y", row), {}), changes)

    def add_annotation(self, **annotation) -> None:
        self.layout.setdefault("annotations", []).append(annotation)

    def add_vline(self, *, x, line: dict, row: int = 1) -> None:
        self.layout.setdefault("shapes", []).append(
            dict(
                type="line",
                x0=x,
                x1=x,
                xref=_axis_ref("x", row),
                y0=0,
                y1=1,
                yref=f"{_axis_ref('y', row)} domain",
                line=line,
            )
        )

    def figure(self) -> go.Figure:
        # The dicts are checked against plotly's schema by the test suite (tests/test_charts.py rebuilds
        # every figure with validation on); at run time that check would cost more than building them.
        layout = self.layout
        if isinstance(layout.get("template"), str):  # plotly resolves a template name only when validating
            layout = {**layout, "template": copy.deepcopy(_template(layout["template"]))}
        return go.Figure(dict(data=self.data, layout=layout), _validate=False)


@functools.cache
def _template(name: str) -> dict:
    return pio.templates[name].to_plotly_json()


def _axis(letter: str, row: int) -> str:
    return f"{letter}axis{'' if row == 1 else row}"


def _axis_ref(letter: str, row: int) -> str:
    return f"{letter}{'' if row == 1 else row}"


def _merge(into: dict, changes: dict) -> None:
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


R = TypeVar("R", bound=tuple)
STANCE_TICKS = dict(tickmode="array", tickvals=[STANCE_SCORES[s] for s in STANCES], ticktext=list(STANCES))
ROW_HEIGHT = 34
MARGIN_PAD = 14


def wrap(text: str, width: int) -> str:
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


def sandwich(
    fig: Draft,
    *,
    title: str,
    subtitle: str,
    footer: str,
    height: int,
    left: int = 40,
    legend_on_top: bool = False,
    axis_on_top: bool = False,
    extra_top: int = 0,
    notes: str = "",
) -> go.Figure:
    """Put the title, subtitle and footer into the figure itself, so exports match the screen.

    Title and footer both line up with the figure's left edge: the title by container coordinates, the
    footer (annotations have none) by shifting it left across the fixed left margin. `notes`, if any, go
    with the figure's texts in its meta (an export puts them in a slide's notes).
    """
    title_html, subtitle_html = wrap(plain(title), 80), wrap(plain(subtitle), 120)
    footer_html = wrap(plain(footer), 150)
    title_block = 34 + 30 * (title_html.count("<br>") + 1) + 22 * (subtitle_html.count("<br>") + 1)
    footer_block = 60 + 18 * footer_html.count("<br>")
    top = title_block
    top += (44 if legend_on_top else 12) + (30 if axis_on_top else 0) + extra_top
    bottom = footer_block + (fig.layout.get("margin", {}).get("b") or 0)
    fig.update_layout(
        template=theme.TEMPLATE_NAME,
        height=height + top + bottom,
        margin=dict(l=left, t=top, b=bottom),
        title=dict(
            text=f"<b>{title_html}</b>",
            x=0,
            xref="container",
            y=1,
            yref="container",
            # plotly anchors a wrapped title by its first line, so extra lines need extra room above
            yanchor="top",
            pad=dict(l=MARGIN_PAD, t=18 + 28 * title_html.count("<br>")),
            subtitle=dict(text=subtitle_html, font=dict(size=theme.SUBTITLE_SIZE, color=theme.MUTED_INK)),
        ),
        # The texts, and the room they take, so an export can set them as editable slide text instead.
        meta={
            "title": title,
            "subtitle": subtitle,
            "footer": footer,
            "title_block": title_block,
            "footer_block": footer_block,
            **({"notes": notes} if notes else {}),
        },
    )
    if legend_on_top:
        fig.update_layout(
            legend=dict(orientation="h", x=0, xref="paper", xanchor="left", y=1, yanchor="bottom", entrywidth=0)
        )
    fig.add_annotation(
        text=footer_html,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xshift=MARGIN_PAD - left,
        yshift=-(bottom - 14),
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        font=dict(size=theme.FOOTER_SIZE, color=theme.MUTED_INK),
        name="footer",
    )
    return fig.figure()


def empty_figure(message: str, *, title: str, subtitle: str, footer: str, notes: str = "") -> go.Figure:
    """What stands in a chart's place when no statement matches: the reason, in words."""
    fig = Draft()
    fig.add_annotation(
        text=plain(message),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font=dict(size=20, color=theme.MUTED_INK),
        name="empty",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return sandwich(fig, title=title, subtitle=subtitle, footer=footer, height=260, notes=notes)


def hover(lines: list[str]) -> str:
    return "<br>".join(lines) + "<extra></extra>"


def quote_lines(quotes: list[str]) -> list[str]:
    return [f"“{wrap(plain(q), 70)}”" for q in quotes]


def records(frame: pd.DataFrame, record: type[R]) -> list[R]:
    """The rows of a small frame as named records: `record` is a NamedTuple whose fields are column names.
    (itertuples builds a namedtuple class on every call, which costs more than the rest of a small chart.)"""
    return [record._make(values) for values in zip(*(frame[column].tolist() for column in record._fields))]


def plotly_dates(values) -> list[str | None]:
    """Dates and times as the strings plotly reads ('2025-11-16', or '2025-11-16 12:00' for a time of day),
    None for a missing one. A figure copies its data when it is built: a string copies in nanoseconds, a
    Timestamp in microseconds, and a timeline holds hundreds."""
    minutes = pd.DatetimeIndex(values).to_numpy().astype("datetime64[m]")
    texts = np.datetime_as_string(minutes, unit="m")
    return [
        None if text == "NaT" else text[:10] if text.endswith("T00:00") else text.replace("T", " ")
        for text in texts.tolist()
    ]


class ActorRow(NamedTuple):
    actor_id: str
    actor_name: str
    bloc: str


def grouped_rows(positions: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """Y categories top to bottom: a bold header per bloc, then its actors (in the frame's order).
    Returns (categories, actor_id -> its row label)."""
    members: dict[str, list[tuple[str, str]]] = {}  # blocs in order of first appearance
    for actor in records(positions, ActorRow):
        members.setdefault(actor.bloc, []).append((actor.actor_id, actor.actor_name))
    categories, taken, row_of = [], set(), {}
    for bloc, actors in members.items():
        categories.append(f"<b>{plain(bloc)}</b>")
        taken.add(categories[-1])
        for actor_id, name in actors:
            label = plain(name)
            while label in taken:  # two actors with one name still get a row each
                label += "\u200b"
            categories.append(label)
            taken.add(label)
            row_of[actor_id] = label
    return categories, row_of


def without_sandwich(fig: go.Figure) -> go.Figure:
    """A copy of a sandwiched figure without its title, subtitle and footer, for a slide that shows those
    texts as editable text boxes instead."""
    bare = go.Figure(fig)
    meta = dict(bare.layout.meta or {})
    if "title_block" not in meta:
        return bare
    bare.layout.annotations = [a for a in bare.layout.annotations if a.name != "footer"]
    margin = bare.layout.margin
    bare.update_layout(
        title=dict(text="", subtitle=dict(text="")),
        margin=dict(t=max(20, margin.t - meta["title_block"] + 10), b=max(20, margin.b - meta["footer_block"] + 10)),
        height=bare.layout.height - meta["title_block"] - meta["footer_block"] + 20,
    )
    return bare
