"""Figure builders. Each takes an aggregated frame from `analysis.query.aggregates` (or `alignment`, `timeline`)
and returns a briefing-ready go.Figure: a title that states the finding, the filter sentence as
subtitle, and a footer with sources and the as-of date, all inside the figure."""

from analysis.present.charts.frame import NO_MATCH, empty_figure, sandwich
from analysis.present.charts.stances import stance_by_bloc, stance_spectrum

__all__ = ["NO_MATCH", "empty_figure", "sandwich", "stance_by_bloc", "stance_spectrum"]
