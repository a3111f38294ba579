"""Briefing exports: PNG/SVG images (kaleido), an editable PPTX deck (python-pptx), a PNG bundle, and
injection-safe CSV/XLSX tables. Pure functions: tables and a FilterSpec in, bytes out."""

from analysis.present.export.bundle import BUNDLE_VIEWS, png_bundle
from analysis.present.export.deck import DECK_VIEWS, deck
from analysis.present.export.images import ExportError, figure_png, figure_svg
from analysis.present.export.tables import FORMULA_TRIGGERS, neutralise, statement_table, table_csv, table_xlsx

__all__ = [
    "BUNDLE_VIEWS",
    "DECK_VIEWS",
    "FORMULA_TRIGGERS",
    "ExportError",
    "deck",
    "figure_png",
    "figure_svg",
    "neutralise",
    "png_bundle",
    "statement_table",
    "table_csv",
    "table_xlsx",
]
