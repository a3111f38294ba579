"""Actor profile: everything one actor said, across sources and targets, and how its stance moved."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.present import geo
from analysis.present.figures import ViewOptions, actor_scope
from analysis.present.pages.common import BUILD, FigureSource, QuoteCard, Tile, quote_cards
from analysis.query import aggregates, listings, stories
from analysis.query.scope import Scope
from analysis.query.selection import NOT_A_TIME

MAX_CARDS = 40
NO_STATEMENT = "This actor appears in the tables (e.g. in an event) but has no statement yet."
NO_CHART = "Stance over time appears once this actor has statements from more than one source and date."


MAX_STORIES_ON_SCREEN = 100  # tables on screen are capped; the payload must not grow with the data


@dataclass(frozen=True)
class ActorChoices:
    actor_ids: list[str]  # every actor, by name
    default: str  # the actor with most statements in the filter (else the first by name)


def actor_choices(scope: Scope) -> ActorChoices:
    actors = scope.tables.actors.sort_values("name")["actor_id"].tolist()
    in_filter = scope.selection.counts("actor_id")
    return ActorChoices(actors, in_filter.index[0] if len(in_filter) else actors[0])


@dataclass(frozen=True)
class ProfilePage:
    actor_id: str
    name: str
    about: str  # bloc, kind, country, party, aliases
    tiles: list[Tile]
    empty: str  # says so when the actor has no statement (then nothing below the tiles is shown)
    targets: pd.DataFrame | None  # its stance on each target
    chart: go.Figure | None  # its stance over time, when there is more than one source and date
    no_chart: str
    cards_note: str  # says so when only the latest statements are shown
    cards: list[QuoteCard]
    across: pd.DataFrame | None = None  # where it stood on each story's main target (when on more than one)
    across_note: str = ""


def _about(actor: pd.Series) -> str:
    details = [
        actor["bloc"],
        actor["kind"],
        geo.country_label(actor["country"]) if actor["country"] else "no country",
        actor["party"] and f"party: {actor['party']}",
        actor["aliases"] and "also: " + actor["aliases"].replace("|", ", "),
    ]
    return " · ".join(d for d in details if d) + " · all statements, whatever the filters"


def profile_page(scope: Scope, *, actor_id: str | None = None, figure: FigureSource = BUILD) -> ProfilePage:
    """Every statement of `actor_id` (default: the actor with most statements in the filter), whatever the
    filters."""
    actor_id = actor_id or actor_choices(scope).default
    actors = scope.tables.actors
    actor = actors.iloc[actors["actor_id"].tolist().index(actor_id)]
    mine = actor_scope(scope, actor_id).selection  # a mask over the whole view: no copy of a million rows
    net = aggregates.nearest_stance(mine.array("score")[mine.positions].mean()) if len(mine) else "–"
    tiles = [
        Tile("Statements", len(mine)),
        Tile("Targets", mine.nunique("target_id")),
        Tile("Sources", mine.nunique("source_id")),
        Tile("Net stance", net, "The stance nearest the mean score of all statements"),
    ]
    page = ProfilePage(actor_id, actor["name"], _about(actor), tiles, NO_STATEMENT, None, None, "", "", [])
    if mine.empty:
        return page
    cells = aggregates.actor_target_cells(mine)
    targets = cells[["target_label", "stance", "n"]].rename(
        columns={"target_label": "Target", "stance": "Stance", "n": "Statements"}
    )
    dates = mine.array("date")[mine.positions]
    moved = len(np.unique(dates[dates != NOT_A_TIME])) > 1 and mine.nunique("source_id") > 1
    chart = figure("profile", scope, options=ViewOptions(actor_id=actor_id)) if moved else None
    cards_note = (
        ""
        if len(mine) <= MAX_CARDS
        else (
            f"The {MAX_CARDS} most recent of {len(mine):,} statements; the Positions page lists them all "
            "(filter by this actor's bloc or search its name)."
        )
    )
    across, across_note = across_stories_table(scope, actor_id)
    return ProfilePage(
        actor_id,
        actor["name"],
        page.about,
        tiles,
        "",
        targets,
        chart,
        "" if moved else NO_CHART,
        cards_note,
        quote_cards(listings.latest_statements(mine, limit=MAX_CARDS)),
        across,
        across_note,
    )


def across_stories_table(scope: Scope, actor_id: str) -> tuple[pd.DataFrame | None, str]:
    """The actor's stance on each story's main target, side by side with the quote for each; None when the
    actor spoke on one story only."""
    rows = stories.across_stories(scope.tables, actor_id)
    if len(rows) < 2:
        return None, ""
    every = len(rows)
    rows = rows.head(MAX_STORIES_ON_SCREEN)
    table = pd.DataFrame(
        {
            "Story": rows["story"],
            "On": rows["target"],
            "Stance": rows["stance"],
            "Quote": rows["quote"],
            "Source": rows["source_title"],
            "Date": [d.strftime("%Y-%m-%d") if pd.notna(d) else "undated" for d in rows["date"]],
            "Statements": rows["statements"],
        }
    )
    note = (
        f"Across {every:,} stories: the latest statement on each story's main target (or, where the actor said "
        "nothing on it, its latest statement in that story, under its own target)."
    )
    if every > MAX_STORIES_ON_SCREEN:
        note += f" The first {MAX_STORIES_ON_SCREEN} are shown."
    return table, note
