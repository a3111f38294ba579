"""The palette and the plotly template: every chart and export takes its colours and fonts from here."""

from __future__ import annotations

import html

import plotly.graph_objects as go
import plotly.io as pio

from analysis.data.schema import STANCES

# Colour-blind-safe (Okabe-Ito based): blue for support, grey for neutral, amber, vermilion and a
# dark red-brown for increasing opposition. No red/green pairs.
STANCE_COLORS: dict[str, str] = {
    "condemning": "#7F2704",
    "opposed": "#D55E00",
    "cautious": "#E69F00",
    "neutral": "#9B9B9B",
    "supportive": "#0072B2",
}
# Text drawn on top of a stance colour.
STANCE_TEXT_COLORS: dict[str, str] = {
    "condemning": "#FFFFFF",
    "opposed": "#FFFFFF",
    "cautious": "#1A1A1A",
    "neutral": "#1A1A1A",
    "supportive": "#FFFFFF",
}
# The named colours of Streamlit's badges and highlights closest to the stance palette.
STANCE_BADGE_COLORS: dict[str, str] = {
    "condemning": "red",
    "opposed": "orange",
    "cautious": "yellow",
    "neutral": "gray",
    "supportive": "blue",
}
# Blocs are categories, not an order: Paul Tol's muted scheme, kept apart from the stance hues.
BLOC_COLORS: tuple[str, ...] = (
    "#332288",
    "#44AA99",
    "#CC6677",
    "#117733",
    "#88CCEE",
    "#882255",
    "#999933",
    "#AA4499",
    "#DDCC77",
    "#6E6E6E",
)

INK = "#1A1A1A"
MUTED_INK = "#5A5A5A"
GRID = "#E6E6E6"
BACKGROUND = "#FFFFFF"
FONT_FAMILY = "Arial, 'Liberation Sans', 'Helvetica Neue', Helvetica, sans-serif"
FONT_SIZE = 15
TITLE_SIZE = 22
SUBTITLE_SIZE = 15
FOOTER_SIZE = 12

# The size a figure is drawn at for slides (16:9) and the modebar's PNG download scale.
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720
PNG_SCALE = 2

TEMPLATE_NAME = "stance"
pio.templates[TEMPLATE_NAME] = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT_FAMILY, size=FONT_SIZE, color=INK),
        paper_bgcolor=BACKGROUND,
        plot_bgcolor=BACKGROUND,
        colorway=list(BLOC_COLORS),
        title=dict(x=0, xref="paper", xanchor="left", font=dict(size=TITLE_SIZE, color=INK)),
        xaxis=dict(gridcolor=GRID, zerolinecolor="#BDBDBD", linecolor="#BDBDBD", ticks="", automargin=True),
        yaxis=dict(gridcolor=GRID, zerolinecolor="#BDBDBD", linecolor="#BDBDBD", ticks="", automargin=True),
        legend=dict(
            orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0, title_text="", font=dict(size=FONT_SIZE)
        ),
        hoverlabel=dict(
            bgcolor="#FFFFFF", bordercolor="#BDBDBD", font=dict(family=FONT_FAMILY, size=14, color=INK), align="left"
        ),
        margin=dict(l=20, r=30, t=120, b=80),
    )
)


def bloc_colors(blocs) -> dict[str, str]:
    """A stable colour per bloc: sorted names take the palette in order, so a bloc keeps its colour."""
    return {bloc: BLOC_COLORS[i % len(BLOC_COLORS)] for i, bloc in enumerate(sorted(set(blocs)))}


def plain(text: object) -> str:
    """Text from data made safe for plotly, which reads a little HTML (<b>, <a href>) in labels.

    Escaping < > & is enough: without them no tag can form. Quotes stay as they are, since plotly
    would show &quot; literally."""
    return html.escape(str(text), quote=False)


def config(*, filename: str = "stance-chart") -> dict:
    """st.plotly_chart / fig.show config: a 2x PNG download at slide size, a quiet modebar."""
    return {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
        "toImageButtonOptions": {
            "format": "png",
            "filename": filename,
            "width": SLIDE_WIDTH,
            "height": SLIDE_HEIGHT,
            "scale": PNG_SCALE,
        },
    }


assert set(STANCE_COLORS) == set(STANCES)
