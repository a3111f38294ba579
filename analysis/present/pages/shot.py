"""Screenshot mode (?view=...&shot=1): one view's figure alone at 16:9, for a screen grab."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import plotly.graph_objects as go

from analysis.data.store import Tables
from analysis.present import registry, theme
from analysis.present.figures import ViewOptions
from analysis.present.pages.sidebar import read_url, story_picker
from analysis.query.scope import Scope


@dataclass(frozen=True)
class ShotPage:
    view: str
    figure: go.Figure | None  # at slide size; None when the view cannot be shown
    warning: str  # why not
    exit_page: str  # the page that shows the view, to go back to
    back: dict[str, list[str]]  # the URL without the screenshot switch
    notes: list[str]  # what the URL asked for that was ignored


def shot_page(tables: Tables, params: dict[str, list[str]], *, as_of: dt.date) -> ShotPage:
    """The view a screenshot-mode URL asks for, in the story it names (else the default story), drawn at
    16:9 (a figure of its own: the pages' are shared)."""
    picker = story_picker(tables, params)
    tables = tables.story(picker.chosen)
    spec, notes = read_url(tables, params, on_page=False)
    view = (params.get("view") or ["spectrum"])[-1]
    back = {key: values for key, values in params.items() if key not in ("shot", "view")}
    options = ViewOptions.from_url(params, spec)
    if view not in registry.BY_ID or (view == "profile" and options.actor_id not in set(tables.actors["actor_id"])):
        warning = f"Screenshot mode cannot show view {view[:40]!r}. Known views: {', '.join(registry.BY_ID)}."
        return ShotPage(view, None, warning, "views/overview.py", back, notes)
    fig = registry.figure(view, Scope.of(tables, spec, as_of=as_of), options=options)
    fig.update_layout(width=theme.SLIDE_WIDTH, height=theme.SLIDE_HEIGHT, autosize=False)
    return ShotPage(view, fig, "", registry.BY_ID[view].page, back, notes)
