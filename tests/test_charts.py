"""Figures on literal data: traces, colours, labels, and the title/subtitle/footer sandwich."""

import pandas as pd
import pytest

from analysis.present import charts, theme
from analysis.query import aggregates
from frames import SMALL

TEXT = {"title": "A finding", "subtitle": "5 statements by 4 actors · no filters", "footer": "Source: test"}


def test_spectrum_traces_colours_and_rows():
    positions = aggregates.actor_positions(SMALL)
    before = positions.copy(deep=True)
    fig = charts.stance_spectrum(positions, **TEXT)
    pd.testing.assert_frame_equal(positions, before)
    by_name = {trace.name: trace for trace in fig.data}
    for stance, trace in by_name.items():
        assert trace.marker.color == theme.STANCE_COLORS[stance]
    plotted = sorted(y for trace in fig.data for y in trace.y)
    assert plotted == ["Gov A", "Gov B", "Gov C", "Pundits"]
    # Bloc headers are rows of their own, above their actors.
    categories = list(fig.layout.yaxis.categoryarray)[::-1]
    assert categories.index("<b>Bloc A</b>") < categories.index("Gov A")
    assert "We condemn the plan." in " ".join(" ".join(trace.hovertemplate) for trace in fig.data)


def test_sandwich_text_is_in_the_figure():
    fig = charts.stance_spectrum(aggregates.actor_positions(SMALL), **TEXT)
    assert "A finding" in fig.layout.title.text
    assert fig.layout.title.subtitle.text == TEXT["subtitle"]
    footer = [a for a in fig.layout.annotations if a.name == "footer"]
    assert footer and footer[0].text == "Source: test"
    assert fig.layout.template.layout.font.family == theme.FONT_FAMILY


def test_data_text_is_escaped_for_plotly():
    hostile = SMALL.assign(actor_name="<b onmouseover=alert(1)>X</b>", bloc="<script>")
    fig = charts.stance_spectrum(aggregates.actor_positions(hostile), **{**TEXT, "title": "<img src=x>"})
    dumped = fig.to_json()
    assert "<script>" not in dumped and "<img" not in dumped and "<b onmouseover" not in dumped
    assert "&lt;script&gt;" in dumped


def test_bloc_bar_diverges_around_zero():
    counts = aggregates.stance_counts(SMALL, by="bloc")
    fig = charts.stance_by_bloc(counts, **TEXT)
    values = {}
    for trace in fig.data:
        values.setdefault(trace.name, []).append(list(trace.x))
    blocs = list(fig.data[0].y)
    assert blocs == ["Bloc B", "Observers", "Bloc A"]  # drawn bottom-up: the most supportive bloc on top
    assert values["condemning"] == [[-1, 0, 0]]
    assert values["supportive"] == [[0, 0, 1]]
    assert values["neutral"] == [[-0.0, -0.5, -0.0], [0.0, 0.5, 0.0]]  # split across the centre
    assert {t.marker.color for t in fig.data if t.name == "cautious"} == {theme.STANCE_COLORS["cautious"]}
    legend = [t.name for t in sorted(fig.data, key=lambda t: t.legendrank) if t.showlegend is not False]
    assert legend == ["condemning", "opposed", "cautious", "neutral", "supportive"]


@pytest.mark.parametrize("builder", [charts.stance_spectrum, charts.stance_by_bloc])
def test_empty_input_says_so(builder):
    fig = builder(pd.DataFrame(), **TEXT)
    assert len(fig.data) == 0
    assert any(a.text == "No statements match the filters" for a in fig.layout.annotations)
    assert "A finding" in fig.layout.title.text


def test_palette_has_no_red_green_pair():
    greens = [
        c
        for c in theme.STANCE_COLORS.values()
        if int(c[3:5], 16) > int(c[1:3], 16) + 40 and int(c[3:5], 16) > int(c[5:7], 16) + 40
    ]
    assert greens == []
