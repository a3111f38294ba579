"""The shared sidebar filters and the URL they live in: what each filter widget offers, and the FilterSpec
a link or the widgets describe. Every filter comes from its one definition in analysis.query.filters."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.data import stories
from analysis.data.store import Tables
from analysis.present import geo, registry
from analysis.present.figures import MATRIX_CELLS
from analysis.query import filters, listings
from analysis.query.alignment import EDGE_KINDS
from analysis.query.filters import FilterSpec, Labels

# The app's own URL keys (not filters): screenshot mode, the reader's source and statement, the profile's
# actor, the network's edges.
APP_KEYS = ("story", "view", "shot", "statement", "read", "profile", "edges", "since", "cell")
STORY_KEY = "story"
# The choice filters that have a multiselect in the sidebar, in its order.
WIDGETS = tuple(choice for choice in filters.CHOICES if not choice.not_in_sidebar)
QUERY, REVIEWED = filters.BY_KEY["q"], filters.BY_KEY["reviewed"]
URL_KEYS = (*(choice.key for choice in WIDGETS), QUERY.key, REVIEWED.key)  # what the sidebar writes to the URL


@dataclass(frozen=True)
class FilterWidget:
    key: str
    label: str
    options: list[str]
    names: dict[str, str]  # how an option is shown (ids by name; countries with their code)
    help: str | None


def filter_widgets(tables: Tables, *, chosen_sources=()) -> list[FilterWidget]:
    """The sidebar's multiselects. Thousands of sources would be sent to the browser on every rerun, so the
    source filter lists those with most statements, and the ones chosen (in the URL too)."""
    vocabulary = filters.vocabulary(tables)
    labels = Labels.of(tables)
    widgets = []
    for choice in WIDGETS:
        options = vocabulary[choice.key]
        names = getattr(labels, choice.names) if choice.names else {}
        help_text = None
        if choice.key == "country":
            names = {code: geo.country_label(code) for code in options}
        if choice.key == "source":
            options = listings.source_choices(tables, keep=chosen_sources)
            if len(options) < len(tables.sources):
                help_text = (
                    f"The {len(options)} sources with most statements of {len(tables.sources):,}. "
                    "Open any source in the Source reader."
                )
        widgets.append(FilterWidget(choice.key, choice.label, options, names, help_text))
    return widgets


def app_values(tables: Tables) -> dict[str, object]:
    """The values each of the app's own URL parameters accepts."""
    return {
        STORY_KEY: set(stories.story_ids(tables)),
        "view": set(registry.BY_ID),
        "shot": {"0", "1"},
        "statement": set(tables.statements["statement_id"]),
        "read": set(tables.source_ids()),
        "profile": set(tables.actors["actor_id"]),
        "edges": set(EDGE_KINDS),
        "since": None,  # a briefing id or a date: the Changes page reads it and says when it cannot
        "cell": set(MATRIX_CELLS),
    }


def read_url(tables: Tables, params: dict[str, list[str]], *, on_page: bool = True) -> tuple[FilterSpec, list[str]]:
    """The FilterSpec a URL asks for, and a note for each part of it that is ignored. On a page (not in
    screenshot mode), filters the sidebar has no widget for are reported and left out."""
    return FilterSpec.from_query_params(
        params,
        vocabulary=filters.known_values(tables),
        other_keys=app_values(tables),
        unsupported=filters.NOT_IN_SIDEBAR if on_page else None,
    )


def widget_values(spec: FilterSpec, params: dict[str, list[str]]) -> dict[str, object]:
    """The widget values a URL's spec sets, for the keys the URL holds."""
    return {
        f.key: (list(value) if isinstance(value := spec.value(f.key), tuple) else value)
        for f in (*WIDGETS, QUERY, REVIEWED)
        if f.key in params
    }


def spec_of(chosen: dict[str, list[str]], *, query: str, reviewed: bool) -> FilterSpec:
    """The FilterSpec the sidebar's widgets describe."""
    return FilterSpec.from_values({**chosen, QUERY.key: query or "", REVIEWED.key: bool(reviewed)})


@dataclass(frozen=True)
class StoryPicker:
    """The sidebar's first control: the stories, the one shown, and how each is named."""

    options: list[str]
    chosen: str
    names: dict[str, str]


def story_picker(tables: Tables, params: dict[str, list[str]]) -> StoryPicker:
    """The story a URL asks for (?story=ID), else the default one (the active real story with the latest
    article; a fictional demo story is never the default). read_url reports an unknown one."""
    whole = tables.whole or tables
    options = stories.story_ids(whole)
    names = {
        story_id: title + (" · archived" if status == "archived" else "")
        for story_id, title, status in zip(whole.stories["story_id"], whole.stories["title"], whole.stories["status"])
    }
    asked = (params.get(STORY_KEY) or [""])[-1]
    chosen = asked if asked in names else stories.default_story(whole)
    return StoryPicker(options, chosen, names)


def keep_known(chosen: dict[str, list], widgets: list[FilterWidget]) -> dict[str, list]:
    """The filter values still on offer once the story changed (a multiselect refuses unknown values)."""
    offered = {widget.key: set(widget.options) for widget in widgets}
    return {key: [v for v in values if v in offered.get(key, ())] for key, values in chosen.items()}
