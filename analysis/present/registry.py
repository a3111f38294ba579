"""The registry of views: every figure the app can show on its own, declared once.

The pages, screenshot mode (?view=...&shot=1), the deck, the chart bundle, the benchmark and the command
line's --views all read `VIEWS`. Adding a view is one entry here and its builder in figures.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go

from analysis.present import figures
from analysis.present.figures import NativeChart, ViewOptions
from analysis.query.scope import Scope


@dataclass(frozen=True)
class View:
    """One view. `build(scope, options=ViewOptions(...))` draws its figure; `page` is the page script that
    shows it (screenshot mode links back there); `native_chart`, when given, gives the data of an editable
    PowerPoint chart, which the deck uses instead of an image; `notes` go under its slide (with any the
    figure itself carries in its meta); only views `in_exports` are offered by the deck and the bundle."""

    id: str
    title: str
    build: Callable[..., go.Figure]
    page: str
    native_chart: Callable[[Scope], NativeChart] | None = None
    notes: str = ""
    in_exports: bool = True


VIEWS: tuple[View, ...] = (
    View("spectrum", "Stance spectrum", figures.spectrum, "views/overview.py"),
    View("blocs", "Stances by bloc", figures.blocs, "views/overview.py", native_chart=figures.blocs_native),
    View("matrix", "Actor × target matrix", figures.matrix, "views/matrix.py"),
    View("network", "Alignment network", figures.network, "views/network.py"),
    View("map", "Map", figures.world_map, "views/map.py", notes=figures.MAP_NOTE),
    View("timeline", "Timeline", figures.timeline_figure, "views/timeline.py"),
    View("profile", "Actor profile", figures.profile, "views/profile.py", in_exports=False),
)
BY_ID: dict[str, View] = {view.id: view for view in VIEWS}
EXPORT_VIEWS: tuple[str, ...] = tuple(view.id for view in VIEWS if view.in_exports)
TITLES: dict[str, str] = {view.id: view.title for view in VIEWS}


def figure(view_id: str, scope: Scope, *, options: ViewOptions = figures.DEFAULT) -> go.Figure:
    """Any view's figure by its id."""
    if view_id not in BY_ID:
        raise ValueError(f"unknown view {view_id!r}; expected one of {', '.join(BY_ID)}")
    return BY_ID[view_id].build(scope, options=options)


def slide_notes(view_id: str, fig: go.Figure) -> str:
    """What goes under a view's slide: the registry's notes, then the figure's own (e.g. the network's
    polarization sentence)."""
    return "\n".join(filter(None, (BY_ID[view_id].notes, (fig.layout.meta or {}).get("notes", ""))))


def check_views(views) -> list[str]:
    """The ids among `views` that cannot be exported (unknown, or not offered by the exports)."""
    return [view for view in views if view not in EXPORT_VIEWS]
