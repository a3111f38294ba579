"""Who lines up with whom: congruence and conflict between actors, a polarization figure, and a seeded
network layout. Works on the (actor, target) cells of `metrics.actor_target_cells`."""

from __future__ import annotations

import itertools

import networkx as nx
import pandas as pd

from analysis.metrics import OPPOSING

AGAINST = ("cautious", *OPPOSING)
EDGE_KINDS = ("congruence", "conflict")


def _side(stance: str) -> int:
    return 1 if stance == "supportive" else -1 if stance in AGAINST else 0


def alignment_edges(cells: pd.DataFrame, *, kind: str) -> pd.DataFrame:
    """Actor pairs joined by the targets they agree on (congruence: the same stance) or clash on
    (conflict: one supportive, the other cautious, opposed or condemning). weight = number of targets."""
    if kind not in EDGE_KINDS:
        raise ValueError(f"kind must be one of {EDGE_KINDS}, not {kind!r}")
    pairs: dict[tuple[str, str], list[str]] = {}
    for target_label, group in cells.groupby("target_label", sort=True):
        stances = dict(zip(group["actor_id"], group["stance"]))
        for a, b in itertools.combinations(sorted(stances), 2):
            same = stances[a] == stances[b]
            opposite = _side(stances[a]) * _side(stances[b]) == -1
            if (kind == "congruence" and same) or (kind == "conflict" and opposite):
                pairs.setdefault((a, b), []).append(target_label)
    return pd.DataFrame([{"source": a, "target": b, "weight": len(targets), "targets": targets}
                         for (a, b), targets in sorted(pairs.items())],
                        columns=["source", "target", "weight", "targets"])


def polarization(cells: pd.DataFrame, *, network: pd.DataFrame | None = None) -> dict:
    """How divided the filtered actors are.

    conflict_share: of all (actor pair, target) combinations where both actors took a side on the target,
    the share where they took opposite sides. modularity: how well blocs separate the congruence network
    (networkx modularity with blocs as communities; None when there are no congruence edges).
    """
    side = cells["stance"].map(_side)
    per_target = pd.DataFrame({"target_id": cells["target_id"], "support": side > 0, "against": side < 0})[
        side != 0].groupby("target_id")[["support", "against"]].sum()
    sided = per_target["support"] + per_target["against"]
    pairs = int((sided * (sided - 1) // 2).sum())
    conflicts = int((per_target["support"] * per_target["against"]).sum())
    shown = cells if network is None else network  # modularity is of the network as drawn
    graph = network_graph(shown, alignment_edges(shown, kind="congruence"))
    modularity = None
    if graph.number_of_edges():
        blocs: dict[str, set] = {}
        for node, bloc in graph.nodes(data="bloc"):
            blocs.setdefault(bloc, set()).add(node)
        modularity = float(nx.community.modularity(graph, blocs.values(), weight="weight"))
    return {"pairs": pairs, "conflicts": conflicts, "conflict_share": conflicts / pairs if pairs else None,
            "modularity": modularity}


NETWORK_ACTORS = 40  # more nodes than this are unreadable, and the layout grows with the square
# networkx's default is 50; 300 looked no better on the seed story and cost 100 ms on every filter change.
LAYOUT_ITERATIONS = 60


def polarization_sentence(figures: dict) -> str:
    if not figures["pairs"]:
        return "No two actors took a side on the same target, so polarization cannot be measured for this filter."
    share = figures["conflict_share"]
    text = (f"Polarization {share:.0%}: of the {figures['pairs']} pairs of actors who took a side on the same "
            f"target, {figures['conflicts']} took opposite sides (one supportive, the other cautious or against).")
    if figures["modularity"] is not None:
        text += (f" Bloc modularity of the agreement network is {figures['modularity']:.2f} "
                 "(near 0: agreement crosses blocs; towards 1: actors agree only within their bloc).")
    return text


def network_graph(cells: pd.DataFrame, edges: pd.DataFrame) -> nx.Graph:
    graph = nx.Graph()
    actors = cells.drop_duplicates("actor_id")
    for row in actors.itertuples(index=False):
        graph.add_node(row.actor_id, name=row.actor_name, bloc=row.bloc)
    for row in edges.itertuples(index=False):
        graph.add_edge(row.source, row.target, weight=row.weight)
    return graph


def _layout_graph(cells: pd.DataFrame) -> nx.Graph:
    """The graph the layout is computed on: the same whichever edges are shown, so switching between
    congruence and conflict keeps every actor in place. Agreement pulls hardest, then a shared bloc;
    a faint link between all actors keeps separate groups on one page."""
    graph = nx.Graph()
    actors = cells.drop_duplicates("actor_id")
    graph.add_nodes_from(actors["actor_id"])
    for a, b in itertools.combinations(sorted(actors["actor_id"]), 2):
        graph.add_edge(a, b, weight=0.02)
    for _, members in actors.groupby("bloc")["actor_id"]:
        for a, b in itertools.combinations(sorted(members), 2):
            graph.add_edge(a, b, weight=0.6)
    for row in alignment_edges(cells, kind="congruence").itertuples(index=False):
        graph[row.source][row.target]["weight"] += float(row.weight)
    return graph


def network_nodes(cells: pd.DataFrame, edges: pd.DataFrame, *, seed: int = 7) -> pd.DataFrame:
    """One row per actor with its seeded spring-layout position, so the picture is the same every time."""
    columns = ["actor_id", "actor_name", "bloc", "n", "x", "y", "degree"]
    if cells.empty:
        return pd.DataFrame(columns=columns)
    graph = network_graph(cells, edges)
    positions = nx.spring_layout(_layout_graph(cells), seed=seed, weight="weight", iterations=LAYOUT_ITERATIONS,
                                 k=2.2 / max(1, graph.number_of_nodes()) ** 0.5)
    counts = cells.groupby("actor_id")["n"].sum()
    nodes = pd.DataFrame([{"actor_id": node, "actor_name": data["name"], "bloc": data["bloc"],
                           "n": int(counts.get(node, 0)), "x": float(positions[node][0]),
                           "y": float(positions[node][1]), "degree": graph.degree(node, weight="weight")}
                          for node, data in sorted(graph.nodes(data=True))], columns=columns)
    return nodes
