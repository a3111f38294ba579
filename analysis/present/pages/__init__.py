"""One page model per page: a function that takes the Scope (and the page's own choices) and returns a
dataclass with everything the page shows. The view only reads its widgets, calls it and renders its fields;
the benchmark times the same functions.

`PAGES` lists the pages in the order of the app's navigation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from analysis.data.store import Tables
from analysis.present.pages.briefing import briefing_page
from analysis.present.pages.changes import default_changes_page
from analysis.present.pages.map import map_page
from analysis.present.pages.matrix import matrix_page
from analysis.present.pages.network import network_page
from analysis.present.pages.overview import overview_page
from analysis.present.pages.positions import positions_page
from analysis.present.pages.profile import profile_page
from analysis.present.pages.reader import reader_page
from analysis.present.pages.timeline import timeline_page
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope


@dataclass(frozen=True)
class Page:
    """One page: its URL path (`id`), navigation title and icon, its script under views/, and its model.
    `timed` pages are the ones the benchmark times on every filter change (`model(scope)`)."""

    id: str
    title: str
    icon: str
    script: str
    model: Callable | None = None
    timed: bool = True


PAGES: tuple[Page, ...] = (
    Page("overview", "Overview", ":material/dashboard:", "views/overview.py", overview_page),
    Page("positions", "Positions", ":material/format_quote:", "views/positions.py", positions_page),
    Page("matrix", "Matrix", ":material/grid_on:", "views/matrix.py", matrix_page),
    Page("network", "Alignment network", ":material/hub:", "views/network.py", network_page),
    Page("map", "Map", ":material/public:", "views/map.py", map_page),
    Page("timeline", "Timeline", ":material/timeline:", "views/timeline.py", timeline_page),
    Page("reader", "Source reader", ":material/menu_book:", "views/reader.py", reader_page),
    Page("profile", "Actor profile", ":material/person:", "views/profile.py", profile_page),
    Page("changes", "What changed", ":material/difference:", "views/changes.py", default_changes_page),
    Page("briefing", "Briefing exports", ":material/slideshow:", "views/briefing.py", briefing_page, timed=False),
    Page("review", "Review new articles", ":material/fact_check:", "views/review.py", timed=False),
    Page("curate", "Curate the story", ":material/edit_note:", "views/curate.py", timed=False),
    Page("stories", "Stories", ":material/library_books:", "views/stories.py", timed=False),
)
BY_ID: dict[str, Page] = {page.id: page for page in PAGES}
TIMED: tuple[str, ...] = tuple(page.id for page in PAGES if page.timed)


def run(page_id: str, tables: Tables, spec: FilterSpec, *, as_of: dt.date):
    """All the work behind a page for one filter: filter, aggregate, build the figures."""
    return BY_ID[page_id].model(Scope.of(tables, spec, as_of=as_of))
