"""Alignment network: who agrees with whom, and who clashes, on the same targets."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from analysis.present import wording
from analysis.present.figures import ViewOptions
from analysis.present.pages.common import BUILD, FigureSource
from analysis.query.scope import Scope

EDGE_LABELS = {"congruence": "Agreement (same stance)", "conflict": "Conflict (opposite sides)"}
HOW_TO_READ = (
    "An edge joins two actors on the targets they share: same stance (agreement) or one supportive "
    "and the other cautious, opposed or condemning (conflict). Thicker edges share more targets. "
    "The layout is seeded, so the picture stays the same; agreeing actors sit closer."
)


@dataclass(frozen=True)
class NetworkPage:
    caption: str
    figure: go.Figure
    explanation: str  # what the polarization figure in the title means for this filter
    how_to_read: str


def network_page(scope: Scope, *, edges: str = "congruence", figure: FigureSource = BUILD) -> NetworkPage:
    """`edges`: agreement ("congruence") or "conflict"."""
    fig = figure("network", scope, options=ViewOptions(edges=edges))
    return NetworkPage(wording.subtitle(scope), fig, fig.layout.meta["notes"], HOW_TO_READ)
