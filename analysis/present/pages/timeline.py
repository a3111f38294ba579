"""Timeline: the context events and the reactions on one time axis, reaction lags, and who is silent."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.present import wording
from analysis.present.figures import trigger_date
from analysis.present.pages.common import BUILD, FigureSource
from analysis.query import filters, timeline
from analysis.query.scope import Scope, main_target
from analysis.query.selection import Selection

MAX_ROWS = 200  # tables on screen are capped; the payload must not grow with the data
LAGS_CAPTION = (
    "How long after the trigger event each actor's first statement came. Where the source gives only "
    "a month or no date, the lag says so instead of guessing a day."
)


@dataclass(frozen=True)
class TimelinePage:
    caption: str
    figure: go.Figure
    lags: pd.DataFrame | None  # each actor's first reaction and its lag, None when nothing matches
    lags_note: str  # says so when the table shows only the first MAX_ROWS
    silent_caption: str
    silent: pd.DataFrame | None  # actors with no statement on the targets, None when every one has spoken
    silent_note: str


def timeline_page(scope: Scope, *, figure: FigureSource = BUILD) -> TimelinePage:
    fig = figure("timeline", scope)
    lags = wording.reaction_lags(scope.selection, trigger_date=trigger_date(scope))
    lags_shown, lags_note = None, ""
    if not lags.empty:
        if len(lags) > MAX_ROWS:
            lags_note = f"The first {MAX_ROWS} of {len(lags):,} actors to react."
        lags_shown = lags.head(MAX_ROWS)[["actor_name", "bloc", "first_statement", "lag"]].rename(
            columns={"actor_name": "Actor", "bloc": "Bloc", "first_statement": "First statement", "lag": "Lag"}
        )
    target_ids = scope.spec.targets or tuple(filter(None, [main_target(scope)]))
    names = ", ".join(scope.labels.targets.get(t, t) for t in target_ids) or "any target"
    candidates = filters.apply_to_actors(scope.spec, scope.tables.actors)
    silent = timeline.silent_actors(Selection.everything(scope.tables), candidates, target_ids=target_ids)
    silent_shown, silent_note = None, ""
    if not silent.empty:
        if len(silent) > MAX_ROWS:
            silent_note = f"{MAX_ROWS} of {len(silent):,} silent actors."
        silent_shown = silent.head(MAX_ROWS)[["name", "bloc"]].rename(columns={"name": "Actor", "bloc": "Bloc"})
    return TimelinePage(
        wording.subtitle(scope),
        fig,
        lags_shown,
        lags_note,
        f"Actors in the tables with no statement on {names}.",
        silent_shown,
        silent_note,
    )
