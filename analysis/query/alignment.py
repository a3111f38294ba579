"""Who lines up with whom: congruence and conflict between actors, a polarization figure, and a seeded
network layout. Works on the (actor, target) cells of `aggregates.actor_target_cells`."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd

from analysis.query.aggregates import OPPOSING

AGAINST = ("cautious", *OPPOSING)
EDGE_KINDS = ("congruence", "conflict")


def _side(stance: str) -> int:
    return 1 if stance == "supportive" else -1 if stance in AGAINST else 0


def alignment_edges(cells: pd.DataFrame, *, kind: str) -> pd.DataFrame:
    """Actor pairs joined by the targets they agree on (congruence: the same stance) or clash on
    (conflict: one supportive, the other cautious, opposed or condemning). weight = number of targets."""
    if kind not in EDGE_KINDS:
        raise ValueError(f"kind must be one of {EDGE_KINDS}, not {kind!r}")
    by_target: dict[str, dict[str, str]] = {}
    for actor, label, stance in zip(
        cells["actor_id"].tolist(), cells["target_label"].tolist(), cells["stance"].tolist()
    ):
        by_target.setdefault(label, {})[actor] = stance
    pairs: dict[tuple[str, str], list[str]] = {}
    for target_label in sorted(by_target):
        stances = by_target[target_label]
        for a, b in itertools.combinations(sorted(stances), 2):
            if stances[a] == stances[b] if kind == "congruence" else _side(stances[a]) * _side(stances[b]) == -1:
                pairs.setdefault((a, b), []).append(target_label)
    ordered = sorted(pairs.items())
    return pd.DataFrame(
        {
            "source": [a for (a, _), _ in ordered],
            "target": [b for (_, b), _ in ordered],
            "weight": np.array([len(targets) for _, targets in ordered], dtype=np.int64),
            "targets": [targets for _, targets in ordered],
        },
        columns=["source", "target", "weight", "targets"],
    )


def polarization(
    cells: pd.DataFrame, *, network: pd.DataFrame | None = None, congruence: pd.DataFrame | None = None
) -> dict:
    """How divided the filtered actors are.

    conflict_share: of all (actor pair, target) combinations where both actors took a side on the target,
    the share where they took opposite sides. modularity: how well blocs separate the congruence network
    (networkx modularity with blocs as communities; None when there are no congruence edges).
    `congruence`, if given, is `alignment_edges(network or cells, kind="congruence")`, already computed.
    """
    sides: dict[str, list[int]] = {}  # target -> [actors for, actors against]
    for target_id, stance in zip(cells["target_id"].tolist(), cells["stance"].tolist()):
        side = _side(stance)
        if side:
            sides.setdefault(target_id, [0, 0])[0 if side > 0 else 1] += 1
    pairs = sum((support + against) * (support + against - 1) // 2 for support, against in sides.values())
    conflicts = sum(support * against for support, against in sides.values())
    shown = cells if network is None else network  # modularity is of the network as drawn
    if congruence is None:
        congruence = alignment_edges(shown, kind="congruence")
    graph = network_graph(shown, congruence)
    modularity = None
    if graph.number_of_edges():
        blocs: dict[str, set] = {}
        for node, bloc in graph.nodes(data="bloc"):
            blocs.setdefault(bloc, set()).add(node)
        modularity = float(nx.community.modularity(graph, blocs.values(), weight="weight"))
    return {
        "pairs": pairs,
        "conflicts": conflicts,
        "conflict_share": conflicts / pairs if pairs else None,
        "modularity": modularity,
    }


NETWORK_ACTORS = 40  # more nodes than this are unreadable, and the layout grows with the square
# Enough for the layout to settle on a story's few dozen actors; more look no better and cost time on every
# filter change.
LAYOUT_ITERATIONS = 60


def network_graph(cells: pd.DataFrame, edges: pd.DataFrame) -> nx.Graph:
    graph = nx.Graph()
    named = {}
    for actor, name, bloc in zip(cells["actor_id"].tolist(), cells["actor_name"].tolist(), cells["bloc"].tolist()):
        named.setdefault(actor, {"name": name, "bloc": bloc})
    graph.add_nodes_from(named.items())
    graph.add_weighted_edges_from(zip(edges["source"].tolist(), edges["target"].tolist(), edges["weight"].tolist()))
    return graph


def _layout_graph(cells: pd.DataFrame, congruence: pd.DataFrame) -> nx.Graph:
    """The graph the layout is computed on: the same whichever edges are shown, so switching between
    congruence and conflict keeps every actor in place. Agreement pulls hardest, then a shared bloc;
    a faint link between all actors keeps separate groups on one page."""
    bloc_of = dict(zip(cells["actor_id"].tolist(), cells["bloc"].tolist()))
    weight = {(a, b): 0.6 if bloc_of[a] == bloc_of[b] else 0.02 for a, b in itertools.combinations(sorted(bloc_of), 2)}
    for a, b, agreed in zip(
        congruence["source"].tolist(), congruence["target"].tolist(), congruence["weight"].tolist()
    ):
        weight[a, b] += float(agreed)
    graph = nx.Graph()
    graph.add_nodes_from(dict.fromkeys(cells["actor_id"].tolist()))
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in weight.items())
    return graph


def network_nodes(
    cells: pd.DataFrame, edges: pd.DataFrame, *, seed: int = 7, congruence: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per actor with its seeded spring-layout position, so the picture is the same every time.
    `congruence`, if given, is `alignment_edges(cells, kind="congruence")`, already computed."""
    columns = ["actor_id", "actor_name", "bloc", "n", "x", "y", "degree"]
    if cells.empty:
        return pd.DataFrame(columns=columns)
    if congruence is None:
        congruence = alignment_edges(cells, kind="congruence")
    graph = network_graph(cells, edges)
    positions = nx.spring_layout(
        _layout_graph(cells, congruence),
        seed=seed,
        weight="weight",
        iterations=LAYOUT_ITERATIONS,
        k=2.2 / max(1, graph.number_of_nodes()) ** 0.5,
    )
    counts: dict[str, int] = {}
    for actor, n in zip(cells["actor_id"].tolist(), cells["n"].tolist()):
        counts[actor] = counts.get(actor, 0) + int(n)
    nodes = sorted(graph.nodes(data=True))
    return pd.DataFrame(
        {
            "actor_id": [node for node, _ in nodes],
            "actor_name": [data["name"] for _, data in nodes],
            "bloc": [data["bloc"] for _, data in nodes],
            "n": [counts[node] for node, _ in nodes],
            "x": [float(positions[node][0]) for node, _ in nodes],
            "y": [float(positions[node][1]) for node, _ in nodes],
            "degree": [graph.degree(node, weight="weight") for node, _ in nodes],
        },
        columns=columns,
    )
