"""Each view's figure, built from a Scope: the one place that pairs an aggregate with its chart and its
finding, so the pages, screenshot mode and the exports draw exactly the same thing. The registry
(analysis.present.registry) lists them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from analysis.data.schema import STANCES
from analysis.present import geo, wording
from analysis.present.charts import empty_figure, stance_by_bloc, stance_spectrum
from analysis.present.charts.maps import stance_map
from analysis.present.charts.network import alignment_network
from analysis.present.charts.stances import stance_matrix
from analysis.present.charts.timeline import reaction_timeline, stance_over_time
from analysis.present.wording import NO_MATCH
from analysis.query import aggregates, alignment, timeline
from analysis.query.alignment import EDGE_KINDS
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope, main_target
from analysis.query.selection import NOT_A_TIME, Selection

SPECTRUM_ACTORS = 40
MATRIX_ACTORS = 40
MATRIX_CELLS = ("latest", "earliest")
TIMELINE_ACTORS = 15  # lanes that still read on a 16:9 slide
# About twenty dots a lane: more overlap into a smear across a slide's width, so busier stories show
# weeks, then months.
TIMELINE_POINTS = 300
MAP_NOTE = (
    "Colour = net stance of the country's actors: the mean score of all their statements "
    "(condemning −1, opposed −⅔, cautious −⅓, neutral 0, supportive +1), shown as the nearest stance."
)


@dataclass(frozen=True)
class ViewOptions:
    """What a view's figure can be asked for beyond the filter. Screenshot mode reads them from the URL."""

    target_id: str | None = None  # the spectrum's target (default: the one with most statements)
    edges: str = "congruence"  # the network's edges: agreement ("congruence") or "conflict"
    actor_id: str | None = None  # the profile's actor
    cell: str = "latest"  # the matrix cell's stance: its "latest" or "earliest" statement's

    @classmethod
    def from_url(cls, params: dict[str, list[str]], spec: FilterSpec) -> ViewOptions:
        """The options a screenshot-mode link asks for (?edges=conflict, ?profile=...); anything else is
        left at its default. The spectrum shows the filter's target when it names exactly one."""
        edges = (params.get("edges") or ["congruence"])[-1]
        return cls(
            target_id=spec.targets[0] if len(spec.targets) == 1 else None,
            edges=edges if edges in EDGE_KINDS else "congruence",
            actor_id=(params.get("profile") or [None])[-1],
            cell=cell if (cell := (params.get("cell") or ["latest"])[-1]) in MATRIX_CELLS else "latest",
        )


DEFAULT = ViewOptions()


def spectrum(scope: Scope, *, options: ViewOptions = DEFAULT) -> go.Figure:
    target_id = options.target_id or main_target(scope)
    if target_id is None:
        return empty_figure(
            NO_MATCH, title="Where actors stand", subtitle=wording.subtitle(scope), footer=wording.footer(scope)
        )
    narrowed = scope.narrowed(targets=(target_id,))
    positions = aggregates.actor_positions(narrowed.selection, limit=SPECTRUM_ACTORS)
    topic = wording.topic_phrase(scope.labels.targets.get(target_id, target_id))
    return stance_spectrum(
        positions,
        title=wording.spectrum_finding(positions, topic=topic),
        subtitle=wording.capped(wording.subtitle(narrowed), narrowed.selection, SPECTRUM_ACTORS),
        footer=wording.footer(narrowed),
    )


def blocs(scope: Scope, *, options: ViewOptions = DEFAULT) -> go.Figure:
    counts = aggregates.stance_counts(scope.selection, by="bloc")
    return stance_by_bloc(
        counts, title=wording.bloc_finding(counts), subtitle=wording.subtitle(scope), footer=wording.footer(scope)
    )


@dataclass(frozen=True)
class NativeChart:
    """A stacked bar chart's data for a native PowerPoint chart: categories bottom to top (PowerPoint draws
    the first at the bottom), and one series of counts per stance, in scale order."""

    description: str
    categories: list[str]
    series: dict[str, list[int]]


def blocs_native(scope: Scope) -> NativeChart:
    """Stances by bloc, as the data of an editable chart."""
    counts = aggregates.stance_counts(scope.selection, by="bloc").iloc[::-1]
    return NativeChart(
        "Stacked bar chart of statements by bloc and stance",
        counts["bloc"].tolist(),
        {stance: [int(v) for v in counts[stance]] for stance in STANCES},
    )


def matrix(scope: Scope, *, options: ViewOptions = DEFAULT) -> go.Figure:
    cells = aggregates.actor_target_cells(scope.selection, limit=MATRIX_ACTORS, stance=options.cell)
    subtitle = wording.capped(wording.subtitle(scope), scope.selection, MATRIX_ACTORS)
    return stance_matrix(
        cells,
        title=wording.matrix_finding(cells),
        subtitle=f"{subtitle} · each cell: its {options.cell} statement's stance",
        footer=wording.footer(scope),
        which=options.cell,
    )


def network(scope: Scope, *, options: ViewOptions = DEFAULT) -> go.Figure:
    """The alignment network; its meta's "notes" is the sentence that explains its polarization figure."""
    kind = options.edges
    every = aggregates.actor_target_cells(scope.selection, quotes=False)
    top = scope.selection.counts("actor_id").index[: alignment.NETWORK_ACTORS]
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
        title = (
            f"{share:.0%} of actor pairs with a side on the same target are on opposite sides"
            f" · showing {'agreement' if kind == 'congruence' else 'conflict'}"
        )
    return alignment_network(
        nodes,
        edges,
        kind=kind,
        title=title,
        footer=wording.footer(scope),
        subtitle=wording.capped(wording.subtitle(scope), scope.selection, alignment.NETWORK_ACTORS),
        notes=wording.polarization_sentence(figures),
    )


def world_map(scope: Scope, *, options: ViewOptions = DEFAULT) -> go.Figure:
    countries = aggregates.country_stances(scope.selection)
    names = geo.country_names(countries["country"], scope.tables.actors)
    return stance_map(
        countries,
        country_names=names,
        title=wording.map_finding(countries, country_names=names),
        subtitle=wording.subtitle(scope),
        footer=wording.footer(scope),
        note=MAP_NOTE,
    )


def trigger_date(scope: Scope):
    """The date of the event the reactions respond to (among the filter's sources), or None."""
    return timeline.trigger_date(scope.tables.events, source_ids=scope.spec.sources or None)


def timeline_figure(scope: Scope, *, options: ViewOptions = DEFAULT) -> go.Figure:
    """The context events and the reactions on one time axis, titled by the reaction lags."""
    trigger = trigger_date(scope)
    events = scope.tables.events
    if scope.spec.sources:
        events = events[events["source_id"].isin(scope.spec.sources)]
    title = "Context events and reactions"
    if trigger is not None:
        title = wording.lag_finding(wording.reaction_lags(scope.selection, trigger_date=trigger))
    points = timeline.reaction_points(
        scope.selection, limit=TIMELINE_ACTORS, window=timeline.reaction_window(trigger), max_points=TIMELINE_POINTS
    )
    dated = scope.selection.array("date") != NOT_A_TIME
    undated = len(scope.selection) - int(np.count_nonzero(dated[scope.selection.positions]))
    subtitle = wording.capped(wording.subtitle(scope), scope.selection.where(dated), TIMELINE_ACTORS)
    grouped = set(points["grouped"]) - {""}
    if grouped:
        subtitle += f" · dots group each {'month' if 'month' in grouped else 'week'}'s statements"
    return reaction_timeline(
        events,
        points,
        undated=undated,
        trigger_date=trigger,
        title=title,
        subtitle=subtitle,
        footer=wording.footer(scope),
    )


def actor_scope(scope: Scope, actor_id: str) -> Scope:
    """Everything one actor said, whatever the filters: a mask over the whole view, no copy."""
    everything = Selection.everything(scope.tables)
    return Scope.of(
        scope.tables,
        FilterSpec(actors=(actor_id,)),
        as_of=scope.as_of,
        selection=everything.where(everything.is_in("actor_id", [actor_id])),
    )


def profile(scope: Scope, *, options: ViewOptions = DEFAULT) -> go.Figure:
    """How one actor's stance moved over time, on each target."""
    if not options.actor_id:
        raise ValueError("the profile view needs an actor (ViewOptions.actor_id)")
    mine = actor_scope(scope, options.actor_id)
    name = scope.labels.actors.get(options.actor_id, options.actor_id)
    return stance_over_time(
        timeline.stance_series(mine.selection),
        title=f"How {name}'s stance moved over time",
        subtitle=wording.subtitle(mine),
        footer=wording.footer(mine),
    )
