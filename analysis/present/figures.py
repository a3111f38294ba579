"""Each view's figure, assembled from the filtered rows: the one place that pairs a metric with its chart
and its finding, so the pages, screenshot mode and exports draw exactly the same thing."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pycountry

from analysis.data.store import Tables
from analysis.present.charts import NO_MATCH, empty_figure, stance_by_bloc, stance_spectrum
from analysis.present.charts.maps import stance_map
from analysis.present.charts.network import alignment_network
from analysis.present.charts.stances import stance_matrix
from analysis.present.charts.timeline import reaction_timeline, stance_over_time
from analysis.query import aggregates, alignment, filters, timeline
from analysis.query.filters import FilterSpec, Labels
from analysis.query.selection import NOT_A_TIME, Selection

SPECTRUM_ACTORS = 40
MATRIX_ACTORS = 40
TIMELINE_ACTORS = 15  # lanes that still read on a 16:9 slide
# About twenty dots a lane: more overlap into a smear across a slide's width (553 day dots on 15 lanes did),
# so busier stories show weeks, then months.
TIMELINE_POINTS = 300


def _capped(subtitle: str, rows: Selection, shown: int) -> str:
    """Say so when a chart shows only the actors with most statements."""
    total = rows.nunique("actor_id")
    return subtitle if total <= shown else f"{subtitle} · the {shown} actors with most statements of {total:,}"


# Figures that screenshot mode (?view=...&shot=1) and the exports can draw.
VIEWS = {"spectrum": "Stance spectrum", "blocs": "Stances by bloc", "matrix": "Actor × target matrix",
         "network": "Alignment network", "map": "Map", "timeline": "Timeline", "profile": "Actor profile"}
MAP_NOTE = ("Colour = net stance of the country's actors: the mean score of all their statements "
            "(condemning −1, opposed −⅔, cautious −⅓, neutral 0, supportive +1), shown as the nearest stance.")


@dataclass(frozen=True, eq=False)
class Scope:
    """What is being looked at: the tables, the filter, the statements it selects, and the as-of date of
    the briefing. `selection` is a mask over the view; `rows` copies the selected rows when one needs them."""

    tables: Tables
    spec: FilterSpec
    selection: Selection
    labels: Labels
    as_of: dt.date

    @classmethod
    def of(cls, tables: Tables, spec: FilterSpec, *, as_of: dt.date, selection: Selection | None = None) -> Scope:
        return cls(tables=tables, spec=spec, as_of=as_of, labels=Labels.of(tables),
                   selection=filters.select(spec, Selection.everything(tables)) if selection is None else selection)

    @cached_property
    def rows(self) -> pd.DataFrame:
        return self.selection.rows

    @cached_property
    def subtitle(self) -> str:
        return filters.describe(self.spec, rows=self.selection, labels=self.labels)

    @cached_property
    def footer(self) -> str:
        sources = self.tables.sources
        if self.selection.empty:
            return aggregates.source_line(sources, as_of=self.as_of)
        # In the sources table's order; only the first two are named, so look no further than those.
        codes, _ = self.selection.present("source_id")
        rows = np.sort(self._source_rows()[codes])
        rows = rows[rows >= 0]
        if "source_lines" not in self.tables.derived:
            self.tables.derived["source_lines"] = list(zip(*(sources[c].tolist()
                                                             for c in aggregates.SOURCE_LINE_COLUMNS)))
        named = [self.tables.derived["source_lines"][row] for row in rows[:2].tolist()]
        return aggregates.source_line(named, as_of=self.as_of, total=len(codes))

    def _source_rows(self) -> np.ndarray:
        """For each code of the view's source_id, its row in the sources table (-1 if none): once per dataset."""
        derived = self.tables.derived
        if "source_rows" not in derived:
            row_of = {source_id: i for i, source_id in enumerate(self.tables.source_ids())}
            categories = Selection.everything(self.tables).codes("source_id")[1]
            derived["source_rows"] = np.array([row_of.get(c, -1) for c in categories], dtype=np.int64)
        return derived["source_rows"]

    def narrowed(self, **changes) -> Scope:
        """The same scope with some filter fields changed (e.g. one target for the spectrum)."""
        return Scope.of(self.tables, replace(self.spec, **changes), as_of=self.as_of)


def default_target(scope: Scope) -> str | None:
    """The target the spectrum shows first: the one chosen in the filter, else the most discussed."""
    counts = scope.selection.counts("target_id")
    return counts.index[0] if len(counts) else None


def spectrum(scope: Scope, *, target_id: str | None = None) -> go.Figure:
    target_id = target_id or default_target(scope)
    if target_id is None:
        return empty_figure(NO_MATCH, title="Where actors stand", subtitle=scope.subtitle,
                            footer=scope.footer)
    narrowed = scope.narrowed(targets=(target_id,))
    positions = aggregates.actor_positions(narrowed.selection, limit=SPECTRUM_ACTORS)
    topic = aggregates.topic_phrase(scope.labels.targets.get(target_id, target_id))
    return stance_spectrum(positions, title=aggregates.spectrum_finding(positions, topic=topic),
                           subtitle=_capped(narrowed.subtitle, narrowed.selection, SPECTRUM_ACTORS),
                           footer=narrowed.footer)


def blocs(scope: Scope) -> go.Figure:
    counts = aggregates.stance_counts(scope.selection, by="bloc")
    return stance_by_bloc(counts, title=aggregates.bloc_finding(counts), subtitle=scope.subtitle, footer=scope.footer)


def matrix(scope: Scope) -> go.Figure:
    cells = aggregates.actor_target_cells(scope.selection, limit=MATRIX_ACTORS)
    return stance_matrix(cells, title=aggregates.matrix_finding(cells),
                         subtitle=_capped(scope.subtitle, scope.selection, MATRIX_ACTORS), footer=scope.footer)


def network(scope: Scope, *, kind: str = "congruence") -> tuple[go.Figure, str]:
    """The alignment network and the sentence that explains its polarization figure."""
    every = aggregates.actor_target_cells(scope.selection, quotes=False)
    top = scope.selection.counts("actor_id").index[:alignment.NETWORK_ACTORS]
    cells = every[every["actor_id"].isin(top)]
    congruence = alignment.alignment_edges(cells, kind="congruence")  # shown, measured and laid out
    edges = congruence if kind == "congruence" else alignment.alignment_edges(cells, kind=kind)
    figures = alignment.polarization(every, network=cells, congruence=congruence)
    nodes = alignment.network_nodes(cells, edges, congruence=congruence)
    share = figures["conflict_share"]
    if nodes.empty:
        title = NO_MATCH
    elif share is None:
        title = f"{len(nodes)} actors, none on opposite sides of a shared target"
    else:
        title = (f"{share:.0%} of actor pairs with a side on the same target are on opposite sides"
                 f" · showing {'agreement' if kind == 'congruence' else 'conflict'}")
    fig = alignment_network(nodes, edges, kind=kind, title=title, footer=scope.footer,
                            subtitle=_capped(scope.subtitle, scope.selection, alignment.NETWORK_ACTORS))
    return fig, alignment.polarization_sentence(figures)


def country_names(codes, actors: pd.DataFrame) -> dict[str, str]:
    """Short country names: ISO's common name, or a government actor's name inside the ISO name
    ('Russia' for 'Russian Federation')."""
    governments: dict[str, list[str]] = {}
    for name, kind, country in zip(*(actors[c].tolist() for c in ("name", "kind", "country"))):
        if kind == "government":
            governments.setdefault(country, []).append(name)
    names = {}
    for code in codes:
        iso = _iso_name(code)
        shorter = [n for n in governments.get(code, []) if n in iso and n != iso]
        names[code] = min(shorter, key=len) if shorter else iso
    return names


@functools.cache
def _iso_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    return (getattr(country, "common_name", None) or country.name) if country else code


def world_map(scope: Scope) -> go.Figure:
    countries = aggregates.country_stances(scope.selection)
    names = country_names(countries["country"], scope.tables.actors)
    return stance_map(countries, country_names=names, title=aggregates.map_finding(countries, country_names=names),
                      subtitle=scope.subtitle, footer=scope.footer, note=MAP_NOTE)


def trigger_date(scope: Scope):
    sources = scope.spec.sources or None
    event = timeline.trigger_event(scope.tables.events, source_ids=sources)
    return None if event is None else event["date"]


def timeline_figure(scope: Scope) -> go.Figure:
    return timeline_view(scope)[0]


def timeline_view(scope: Scope) -> tuple[go.Figure, pd.DataFrame]:
    """The timeline figure and the reaction lags it is titled by, which the page also lists: computed once."""
    trigger = trigger_date(scope)
    events = scope.tables.events
    if scope.spec.sources:
        events = events[events["source_id"].isin(scope.spec.sources)]
    lags = timeline.reaction_lags(scope.selection, trigger_date=trigger)
    title = timeline.lag_finding(lags) if trigger is not None else "Context events and reactions"
    window = timeline.reaction_window(scope.selection, trigger)
    points = timeline.reaction_points(scope.selection, limit=TIMELINE_ACTORS, window=window,
                                      max_points=TIMELINE_POINTS)
    dated = scope.selection.array("date") != NOT_A_TIME
    undated = len(scope.selection) - int(np.count_nonzero(dated[scope.selection.positions]))
    subtitle = _capped(scope.subtitle, scope.selection.where(dated), TIMELINE_ACTORS)
    grouped = set(points["grouped"]) - {""}
    if grouped:
        subtitle += f" · dots group each {'month' if 'month' in grouped else 'week'}'s statements"
    return reaction_timeline(events, points, undated=undated, trigger_date=trigger, title=title,
                             subtitle=subtitle, footer=scope.footer), lags


def profile(scope: Scope, *, actor_id: str) -> go.Figure:
    everything = Selection.everything(scope.tables)
    selection = everything.where(everything.is_in("actor_id", [actor_id]))
    name = scope.labels.actors.get(actor_id, actor_id)
    narrowed = Scope.of(scope.tables, FilterSpec(actors=(actor_id,)), as_of=scope.as_of, selection=selection)
    return stance_over_time(timeline.stance_series(selection), title=f"How {name}'s stance moved over time",
                            subtitle=narrowed.subtitle, footer=narrowed.footer)


def figure(view: str, scope: Scope, *, options: dict | None = None) -> go.Figure:
    """Any view's figure by name, for screenshot mode and exports."""
    options = options or {}
    if view == "spectrum":
        return spectrum(scope, target_id=options.get("target"))
    if view == "blocs":
        return blocs(scope)
    if view == "matrix":
        return matrix(scope)
    if view == "network":
        return network(scope, kind=options.get("edges", "congruence"))[0]
    if view == "map":
        return world_map(scope)
    if view == "timeline":
        return timeline_figure(scope)
    if view == "profile" and options.get("actor"):
        return profile(scope, actor_id=options["actor"])
    raise ValueError(f"unknown view {view!r}; expected one of {', '.join(VIEWS)}")
