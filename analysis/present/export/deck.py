"""An editable PowerPoint briefing: title slide, one slide per view, key quotes per bloc, and sources.

Bar charts become native PowerPoint charts in the stance colours, so they can be restyled and their data
edited in PowerPoint; the other views are high-resolution PNGs with alt text. Titles, subtitles and
footers are text boxes, never baked into an image, so they can be edited too.
"""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from analysis.data.store import Tables
from analysis.present import registry, theme, wording
from analysis.present.charts.frame import without_sandwich
from analysis.present.export.images import figure_png
from analysis.present.export.tables import neutralise
from analysis.present.pages.changes import changes_page
from analysis.query import aggregates
from analysis.query.changes import Baseline
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope

DECK_VIEWS = registry.EXPORT_VIEWS
SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
FONT = theme.FONT_FAMILY.split(",")[0].strip("' ")
CHART_TOP, CHART_BOTTOM = Inches(1.75), Inches(6.85)
EMU_PER_PIXEL = 914400 / 96  # python-pptx lengths are EMU; plotly sizes are CSS pixels
QUOTES_PER_BLOC = 4
CHANGE_QUOTES = 5  # the newest quotes on the "What changed" slide
TITLE_ONLY_LAYOUT, TITLE_LAYOUT = 5, 0


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#"))


def _text_box(
    slide,
    text: str,
    *,
    left,
    top,
    width,
    height,
    size: int,
    color: str = theme.INK,
    bold: bool = False,
    name: str | None = None,
):
    box = slide.shapes.add_textbox(left, top, width, height)
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = _rgb(color)
    return box


def _titled_slide(presentation, title: str, subtitle: str, footer: str):
    """A 'Title Only' slide: the title in the layout's placeholder (so outlines and screen readers see
    it), the filter sentence under it, the sources and as-of date at the foot."""
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY_LAYOUT])
    heading = slide.shapes.title
    heading.left, heading.top = MARGIN, Inches(0.25)
    heading.width, heading.height = SLIDE_WIDTH - 2 * MARGIN, Inches(1.0)
    heading.text = title
    for paragraph in heading.text_frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.name = Pt(24), True, FONT
            run.font.color.rgb = _rgb(theme.INK)
    _text_box(
        slide,
        subtitle,
        left=MARGIN,
        top=Inches(1.3),
        width=SLIDE_WIDTH - 2 * MARGIN,
        height=Inches(0.4),
        size=14,
        color=theme.MUTED_INK,
        name="Subtitle",
    )
    _text_box(
        slide,
        footer,
        left=MARGIN,
        top=Inches(6.95),
        width=SLIDE_WIDTH - 2 * MARGIN,
        height=Inches(0.4),
        size=10,
        color=theme.MUTED_INK,
        name="Footer",
    )
    return slide


def _title_slide(presentation, scope: Scope, *, title: str) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[TITLE_LAYOUT])
    heading = slide.shapes.title
    heading.text = title
    heading.left, heading.top, heading.width, heading.height = MARGIN, Inches(1.6), SLIDE_WIDTH - 2 * MARGIN, Inches(2)
    for paragraph in heading.text_frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.name = Pt(36), True, FONT
            run.font.color.rgb = _rgb(theme.INK)
    sources = scope.used_sources
    lines = [
        wording.subtitle(scope),
        f"As of {scope.as_of.day} {scope.as_of:%B %Y}",
        "Sources: " + "; ".join(sources["title"]) if len(sources) else "Sources: none",
    ]
    body = slide.placeholders[1]
    body.left, body.top, body.width, body.height = MARGIN, Inches(3.9), SLIDE_WIDTH - 2 * MARGIN, Inches(2.5)
    body.text_frame.text = "\n".join(lines)
    for paragraph in body.text_frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.name = Pt(16), FONT
            run.font.color.rgb = _rgb(theme.MUTED_INK)


def _native_chart_slide(presentation, scope: Scope, view: registry.View, fig) -> None:
    """A view as a native stacked bar chart: one series per stance, in the stance colours, editable in
    PowerPoint."""
    meta = fig.layout.meta
    slide = _titled_slide(presentation, meta["title"], meta["subtitle"], meta["footer"])
    chart_data = view.native_chart(scope)
    if not chart_data.categories:
        _text_box(
            slide,
            wording.NO_MATCH + ".",
            left=MARGIN,
            top=Inches(3),
            width=Inches(8),
            height=Inches(1),
            size=20,
            color=theme.MUTED_INK,
        )
        return
    data = CategoryChartData()
    # The chart keeps its data in an embedded workbook, where a bloc named "=cmd|..." would be a formula.
    data.categories = [neutralise(category) for category in chart_data.categories]
    for name, values in chart_data.series.items():
        data.add_series(name, values)
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_STACKED, MARGIN, CHART_TOP, SLIDE_WIDTH - 2 * MARGIN, CHART_BOTTOM - CHART_TOP, data
    )
    frame.name = f"{view.title} (native chart)"
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.TOP, False
    chart.legend.font.size, chart.legend.font.name = Pt(12), FONT
    chart.plots[0].gap_width = 60
    chart.plots[0].overlap = 100
    chart.category_axis.tick_labels.font.size = Pt(12)
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.tick_labels.font.size = Pt(11)
    for series in chart.series:
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(theme.STANCE_COLORS[series.name])
    alt = f"{chart_data.description}. {meta['title']}. {meta['subtitle']}."
    frame._element.nvGraphicFramePr.cNvPr.set("descr", alt)


def _picture_slide(presentation, view: registry.View, fig) -> None:
    meta = fig.layout.meta
    slide = _titled_slide(presentation, meta["title"], meta["subtitle"], meta["footer"])
    bare = without_sandwich(fig)
    area_width, area_height = SLIDE_WIDTH - 2 * MARGIN, CHART_BOTTOM - CHART_TOP
    width_px = int(area_width / EMU_PER_PIXEL)
    height_px = int(bare.layout.height or area_height / EMU_PER_PIXEL)
    png = figure_png(bare, width=width_px, height=height_px, scale=2)
    fit = min(1.0, area_height / (height_px * EMU_PER_PIXEL))  # tall figures shrink to the chart area
    width, height = Emu(int(width_px * EMU_PER_PIXEL * fit)), Emu(int(height_px * EMU_PER_PIXEL * fit))
    picture = slide.shapes.add_picture(io.BytesIO(png), Emu(int((SLIDE_WIDTH - width) / 2)), CHART_TOP, width, height)
    picture.name = f"{view.title} (image)"
    picture._element.nvPicPr.cNvPr.set("descr", f"{view.title}: {meta['title']}. {meta['subtitle']}.")
    notes = registry.slide_notes(view.id, fig)
    if notes:
        slide.notes_slide.notes_text_frame.text = notes


def _quotes_slide(presentation, scope: Scope, bloc: str, quotes) -> None:
    slide = _titled_slide(presentation, f"Key quotes: {bloc}", wording.subtitle(scope), wording.footer(scope))
    box = slide.shapes.add_textbox(MARGIN, CHART_TOP, SLIDE_WIDTH - 2 * MARGIN, CHART_BOTTOM - CHART_TOP)
    box.name = "Quotes"
    frame = box.text_frame
    frame.word_wrap = True
    first = True
    # One quote can carry several actors ("Russia, China, and Iran, all of which ..."): show it once.
    merged = quotes.groupby(["source_id", "start", "end"], sort=False).agg(
        quote=("quote", "first"),
        stance=("stance", "first"),
        cue=("cue", "first"),
        date=("date", "first"),
        date_precision=("date_precision", "first"),
        source_title=("source_title", "first"),
        outlets=("outlets", "first"),
        carried_by=("carried_by", "first"),
        actor_name=("actor_name", lambda names: ", ".join(names)),
    )
    for row in merged.itertuples(index=False):
        paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
        first = False
        stance = str(row.stance)
        label = paragraph.add_run()
        label.text = f"{stance.upper()}  "
        label.font.bold, label.font.size, label.font.name = True, Pt(13), FONT
        label.font.color.rgb = _rgb(theme.STANCE_COLORS[stance])
        quote = paragraph.add_run()
        quote.text = f"“{row.quote}”"
        quote.font.size, quote.font.name = Pt(17), FONT
        quote.font.color.rgb = _rgb(theme.INK)
        source = frame.add_paragraph()
        attribution = source.add_run()
        carried = wording.carried(row.source_title, row.outlets, row.carried_by)
        attribution.text = (
            f"— {row.actor_name} · cue: “{row.cue}” · {carried}, {wording.format_date(row.date, row.date_precision)}"
        )
        attribution.font.size, attribution.font.name = Pt(12), FONT
        attribution.font.color.rgb = _rgb(theme.MUTED_INK)
        source.space_after = Pt(14)


def _sources_slide(presentation, scope: Scope) -> None:
    slide = _titled_slide(
        presentation,
        "Sources",
        "Every quote in this deck is verbatim from these documents; the sha256 identifies the exact file.",
        wording.footer(scope),
    )
    sources = scope.tables.sources
    header = ("Source", "Outlet", "Date", "sha256", "File")
    shape = slide.shapes.add_table(
        len(sources) + 1, len(header), MARGIN, CHART_TOP, SLIDE_WIDTH - 2 * MARGIN, Inches(0.4) * (len(sources) + 1)
    )
    shape.name = "Sources table"
    table = shape.table
    for column, (text, width) in enumerate(zip(header, (5.0, 1.6, 1.2, 1.6, 2.9))):
        table.columns[column].width = Inches(width)
        table.cell(0, column).text = text
    for row_index, source in enumerate(sources.itertuples(index=False), start=1):
        values = (
            source.title,
            source.outlet or "not given",
            wording.format_date(source.published, source.date_precision),
            source.sha256[:12],
            source.path,
        )
        for column, value in enumerate(values):
            table.cell(row_index, column).text = neutralise(value)  # a table pasted into a sheet stays inert
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size, run.font.name = Pt(12), FONT


def _changes_slide(presentation, scope: Scope, baseline: Baseline) -> None:
    """'What changed': the headline, the shift chart and the newest quotes since the baseline."""
    page = changes_page(scope, baseline=baseline)
    found = page.found
    detail = page.headline.split(": ", 1)[-1]
    slide = _titled_slide(presentation, f"What changed since {baseline.label}", detail, wording.footer(scope))
    quotes_top = CHART_TOP
    if not found.shifts.empty:  # the chart across the slide, the quotes under it
        bare = without_sandwich(page.shift_chart)
        width_px, height_px = int((SLIDE_WIDTH - 2 * MARGIN) / EMU_PER_PIXEL), int(bare.layout.height or 300)
        png = figure_png(bare, width=width_px, height=height_px, scale=2)
        fit = min(1.0, 0.6 * (CHART_BOTTOM - CHART_TOP) / (height_px * EMU_PER_PIXEL))
        width, height = Emu(int(width_px * EMU_PER_PIXEL * fit)), Emu(int(height_px * EMU_PER_PIXEL * fit))
        picture = slide.shapes.add_picture(io.BytesIO(png), MARGIN, CHART_TOP, width, height)
        picture.name = "Stance shifts (image)"
        picture._element.nvPicPr.cNvPr.set("descr", f"Stance shifts: {detail}")
        quotes_top = CHART_TOP + height + Inches(0.15)
    box = slide.shapes.add_textbox(MARGIN, quotes_top, SLIDE_WIDTH - 2 * MARGIN, CHART_BOTTOM - quotes_top)
    box.name = "New quotes"
    frame = box.text_frame
    frame.word_wrap = True
    newest = found.new_statements().tail(CHANGE_QUOTES if found.shifts.empty else 3)[::-1]
    lines = [
        (f"“{quote}”", f"— {actor} ({stance}), {source}")
        for quote, actor, stance, source in zip(
            *(newest[c].astype(str) for c in ("quote", "actor_name", "stance", "source_title"))
        )
    ] or [("No new statement.", "")]
    for number, (quote, attribution) in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = neutralise(quote)
        run.font.size, run.font.name = Pt(14), FONT
        run.font.color.rgb = _rgb(theme.INK)
        if attribution:
            source = frame.add_paragraph()
            credit = source.add_run()
            credit.text = neutralise(attribution)
            credit.font.size, credit.font.name = Pt(11), FONT
            credit.font.color.rgb = _rgb(theme.MUTED_INK)
            source.space_after = Pt(10)


def deck(
    tables: Tables,
    spec: FilterSpec,
    *,
    title: str,
    as_of: dt.date,
    views=DECK_VIEWS,
    quotes_per_bloc: int = QUOTES_PER_BLOC,
    since: Baseline | None = None,
) -> bytes:
    """The briefing deck for the filtered statements, as .pptx bytes; with `since`, a "What changed" slide
    follows the title."""
    unknown = registry.check_views(views)
    if unknown:
        raise ValueError(f"unknown view(s) {', '.join(unknown)}; expected some of {', '.join(DECK_VIEWS)}")
    scope = Scope.of(tables, spec, as_of=as_of)
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    _title_slide(presentation, scope, title=title)
    if since is not None:
        _changes_slide(presentation, scope, since)
    for view in (registry.BY_ID[v] for v in views):
        fig = view.build(scope)
        if view.native_chart:
            _native_chart_slide(presentation, scope, view, fig)
        else:
            _picture_slide(presentation, view, fig)
    quotes = aggregates.key_quotes(scope.selection, per_bloc=quotes_per_bloc)
    for bloc, group in quotes.groupby("bloc", sort=False):
        _quotes_slide(presentation, scope, bloc, group)
    _sources_slide(presentation, scope)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
