"""Source reader: a source's full text with every evidence span highlighted in its stance colour and
labelled with its actor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from analysis.data.schema import SLUG_PATTERN
from analysis.present import theme, wording
from analysis.present.text import escape_markdown, span_segments
from analysis.query import listings
from analysis.query.scope import Scope
from analysis.query.selection import Selection


class Span(NamedTuple):
    """A statement as the reader shows it."""

    statement_id: str
    actor_name: str
    stance: str
    target_label: str
    quote: str
    start: int
    end: int

    @property
    def label(self) -> str:
        """How the statement picker lists it."""
        quote = f"{self.quote[:70]}{'…' if len(self.quote) > 70 else ''}"
        return f"{self.actor_name} · {self.stance} · {self.target_label} · “{quote}”"


def needs_search(scope: Scope) -> bool:
    """Whether there are more sources than a picker lists, so that a search box is needed to find the rest."""
    return len(scope.tables.sources) > listings.MAX_SOURCE_CHOICES


@dataclass(frozen=True)
class ReaderChoices:
    sources: list[str]  # what the source picker lists: most statements in the filter first, the current one kept
    listing_note: str  # says so when that is only some of the sources


def reader_choices(scope: Scope, *, search: str = "", current: str | None = None) -> ReaderChoices:
    """The sources the picker lists, those whose title contains `search`."""
    choices = listings.source_choices(scope.tables, scope.selection, search=search, keep=[current] if current else [])
    total = len(scope.tables.sources)
    note = (
        ""
        if len(choices) >= total
        else (
            f"Listing {len(choices)} of {total:,} sources, those with most "
            "statements in the filter first; type part of a title above to find "
            "another."
        )
    )
    return ReaderChoices(choices, note)


def spans(scope: Scope, source_id: str) -> dict[str, Span]:
    """Every statement in a source, whatever the filters, in the order of the text."""
    everything = Selection.everything(scope.tables)
    of_source = everything.where(everything.is_in("source_id", [source_id]))  # a mask over the shared view
    in_source = of_source.take(of_source.runs((), within=("start",)).order, columns=list(Span._fields))
    rows = [Span._make(values) for values in zip(*(in_source[c].tolist() for c in Span._fields))]
    return {span.statement_id: span._replace(stance=str(span.stance)) for span in rows}


class Paragraph(NamedTuple):
    markdown: str
    holds_selected: bool


@dataclass(frozen=True)
class ReaderPage:
    source_id: str
    statements: dict[str, Span]  # every statement in the source
    about: str  # title, outlet, date and hash of the source
    date_note: str
    highlighting: str
    paragraphs: list[Paragraph]
    scroll_to: str  # the selected statement's id when it is safe to put in the scroll script, else ""


def _piece(text: str, keys: tuple[str, ...], statements: dict[str, Span], selected: str | None) -> str:
    """One segment of a paragraph: highlighted in the colour of the span that covers it (the selected one
    wins; otherwise the shortest, most specific), in bold when it is the selected one."""
    piece = escape_markdown(text)
    if not keys:
        return piece
    key = selected if selected in keys else min(keys, key=lambda k: statements[k].end - statements[k].start)
    piece = f":{theme.STANCE_BADGE_COLORS[statements[key].stance]}-background[{piece}]"
    return f"**{piece}**" if key == selected else piece


def _paragraph_markdown(text: str, segments, statements: dict[str, Span], selected: str | None) -> str:
    parts = []
    for start, end, keys in segments:
        parts.append(_piece(text[start:end], keys, statements, selected))
        for key in sorted(keys, key=lambda k: statements[k].actor_name):
            if statements[key].end == end:  # a badge with the actor where its span ends, by name
                label = escape_markdown(f"{statements[key].actor_name} · {statements[key].stance}")
                parts.append(f" :{theme.STANCE_BADGE_COLORS[statements[key].stance]}-badge[{label}] ")
    return "".join(parts)


def reader_page(
    scope: Scope,
    *,
    source_id: str | None = None,
    statement_id: str | None = None,
    statements: dict[str, Span] | None = None,
) -> ReaderPage:
    """`source_id` defaults to the source with most statements in the filter; `statement_id`, if it is one
    of that source's, is selected (highlighted in bold, scrolled to). `statements`: the source's `spans`, if
    the caller has them already."""
    source_id = source_id or reader_choices(scope).sources[0]
    statements = spans(scope, source_id) if statements is None else statements
    selected = statement_id if statement_id in statements else None
    in_filter = scope.selection.where(scope.selection.is_in("source_id", [source_id]))
    shown_ids = sorted(set(in_filter.labels("statement_id", in_filter.positions)) | ({selected} - {None}))
    highlighting = (
        f"Highlighting {len(shown_ids)} of {len(statements)} statements in this source"
        + ("" if len(shown_ids) == len(statements) else "; the sidebar filters hide the others")
        + "."
    )
    text = scope.tables.texts[source_id]
    highlights = [(statements[s].start, statements[s].end, s) for s in shown_ids]
    paragraphs = [
        Paragraph(
            _paragraph_markdown(text, segments, statements, selected),
            bool(selected) and any(selected in keys for _, _, keys in segments),
        )
        for segments in span_segments(text, highlights)
    ]
    source = scope.tables.sources.iloc[scope.tables.source_ids().index(source_id)]
    about = (
        f"{source['title']} · {source['outlet'] or 'outlet not given'} · "
        f"{wording.format_date(source['published'], source['date_precision'])} · sha256 {source['sha256'][:12]}…"
    )
    original = str(source.get("copy_of", "") or "")
    if original:
        titles = dict(zip(scope.tables.sources["source_id"], scope.tables.sources["title"]))
        about += (
            f" · a near copy of “{titles.get(original, original)}”: the positions it shares with it are counted "
            "(and highlighted) under that article"
        )
    return ReaderPage(
        source_id,
        statements,
        about,
        f"Dates: {source['date_note']}" if source["date_note"] else "",
        highlighting,
        paragraphs,
        selected if selected and re.fullmatch(SLUG_PATTERN, selected) else "",
    )
