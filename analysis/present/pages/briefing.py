"""Briefing exports: the deck, the chart bundle and the tables for the current filters."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from analysis.data import briefings
from analysis.present import export, registry, wording
from analysis.present.pages.common import BUILD, FigureSource
from analysis.query import aggregates
from analysis.query.scope import Scope, main_target

TERMINAL_HINT = (
    "The same exports from a terminal: "
    '`python -m analysis export --pptx deck.pptx --bloc "US Democrats"` (see the README).'
)
NOTHING_TO_EXPORT = f"{wording.NO_MATCH}, so there is nothing to put in a deck. Clear a filter."


def default_title(scope: Scope) -> str:
    """The deck's title until the analyst writes one: 'Who stands where on the FTO designation'."""
    target = main_target(scope)
    return "Who stands where" + (f" on {wording.topic_phrase(scope.labels.targets[target])}" if target else "")


def file_stem(title: str) -> str:
    """A file name from the deck's title: 'who-stands-where-on-the-fto-designation'."""
    return "-".join("".join(ch.lower() if ch.isalnum() else " " for ch in title).split())[:60] or "briefing"


@dataclass(frozen=True)
class BriefingPage:
    caption: str
    slides: list[str]  # the deck's slides, in order
    file_stem: str
    statements: str  # how many statements the tables will hold
    empty: str  # says so when no statement matches (there is then no deck to make)
    deck: Callable[[], bytes]  # each export, made when it is asked for
    bundle: Callable[[], bytes]
    xlsx: Callable[[], bytes]
    csv: Callable[[], bytes]


def briefing_page(
    scope: Scope,
    *,
    title: str = "",
    as_of: dt.date | None = None,
    views: tuple[str, ...] = registry.EXPORT_VIEWS,
    figure: FigureSource = BUILD,
) -> BriefingPage:
    title = title or default_title(scope)
    as_of = as_of or scope.as_of
    dated = Scope.of(scope.tables, scope.spec, as_of=as_of, selection=scope.selection)
    blocs = aggregates.key_quotes(scope.selection)["bloc"].tolist()  # the blocs with a key-quotes slide
    slides = [f"Title: {title}"]
    slides += [
        f"{registry.TITLES[v]}: {figure(v, dated).layout.meta['title']}"
        + (" (native, editable chart)" if registry.BY_ID[v].native_chart else " (image with alt text)")
        for v in views
    ]
    slides += [f"Key quotes: {bloc}" for bloc in blocs] + ["Sources, with sha256 prefixes"]
    return BriefingPage(
        caption="Everything here follows the sidebar filters: " + wording.subtitle(scope),
        slides=slides,
        file_stem=file_stem(title),
        statements=f"{len(scope.selection):,} statements in the tables. {TERMINAL_HINT}",
        empty=NOTHING_TO_EXPORT if scope.selection.empty else "",
        deck=functools.partial(export.deck, scope.tables, scope.spec, title=title, as_of=as_of, views=tuple(views)),
        bundle=functools.partial(export.png_bundle, scope.tables, scope.spec, as_of=as_of, views=tuple(views)),
        xlsx=lambda: export.table_xlsx(scope.rows),
        csv=lambda: export.table_csv(scope.rows),
    )


def record_export(scope: Scope, data_dir: Path, *, title: str, kind: str) -> briefings.Briefing:
    """Put an export from the app on record as a briefing: the statements it holds, with their stances."""
    return briefings.record(
        data_dir,
        story_id=scope.tables.story_id,
        title=title,
        filter_query=urlencode(scope.spec.to_query_params(), doseq=True),
        fingerprint=scope.tables.fingerprint,
        exports=(kind,),
        statements=scope.selection.rows[["statement_id", "stance"]],
    )


def past_briefings(latest_first: list[briefings.Briefing], story_id: str, *, limit: int = 50) -> pd.DataFrame:
    """A story's briefings (latest first), each with a link to what changed since it."""
    found = latest_first[:limit]
    return pd.DataFrame(
        {
            "When (UTC)": [b.time.replace("T", " ")[:16] for b in found],
            "Title": [b.title for b in found],
            "Exports": [", ".join(b.exports) for b in found],
            "Statements": [len(b.statement_ids) for b in found],
            "Filters": [b.filter or "none" for b in found],
            "What changed since": [f"./changes?story={story_id}&since={b.briefing_id}" for b in found],
        }
    )
