"""A zip of chosen views as PNG and SVG, with a README that says what they show and where from."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from analysis.data.store import Tables
from analysis.present import registry, theme, wording
from analysis.present.export.images import figure_png, figure_svg
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope

BUNDLE_VIEWS = registry.EXPORT_VIEWS


def png_bundle(
    tables: Tables,
    spec: FilterSpec,
    *,
    as_of: dt.date,
    views=BUNDLE_VIEWS,
    svg: bool = True,
    width: int = theme.SLIDE_WIDTH,
    scale: float = theme.PNG_SCALE,
) -> bytes:
    """Zip bytes: NN-view.png (and .svg) per view, each carrying its own title, filter sentence and
    source, plus README.txt."""
    unknown = registry.check_views(views)
    if unknown:
        raise ValueError(f"unknown view(s) {', '.join(unknown)}; expected some of {', '.join(BUNDLE_VIEWS)}")
    scope = Scope.of(tables, spec, as_of=as_of)
    buffer = io.BytesIO()
    listing = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, view in enumerate(views, start=1):
            fig = registry.figure(view, scope)
            height = int(fig.layout.height or theme.SLIDE_HEIGHT)
            stem = f"{number:02d}-{view}"
            archive.writestr(f"{stem}.png", figure_png(fig, width=width, height=height, scale=scale))
            if svg:
                archive.writestr(f"{stem}.svg", figure_svg(fig, width=width, height=height))
            listing.append(f"{stem}: {registry.TITLES[view]} — {fig.layout.meta['title']}")
        used = scope.used_sources
        readme = [
            "Stance & Reaction Dashboard: chart bundle",
            "",
            f"Filter: {wording.subtitle(scope)}",
            f"As of: {scope.as_of.isoformat()}",
            "",
            "Sources:",
            *[f"- {s.title} ({s.outlet or 'outlet not given'}), sha256 {s.sha256}" for s in used.itertuples()],
            "",
            "Files:",
            *[f"- {line}" for line in listing],
            "",
            "Each image carries its own title, filter sentence, source and as-of date.",
        ]
        archive.writestr("README.txt", "\n".join(readme) + "\n")
    return buffer.getvalue()
