"""Picking evidence in an article's text: by searching for its words, or by choosing its sentence and
trimming it word by word. Every span is a pair of offsets into the text, so the quote saved from it is
verbatim by construction. Also what the "add a statement" form offers: actors, blocs and targets."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis.data import stories
from analysis.data.store import Tables
from analysis.extract.segment import sentences

MAX_MATCHES = 50
CONTEXT_CHARS = 50
NEW_ACTOR = "+ A new actor…"  # the actor choice that opens the new actor's fields
NEW_BLOC = "+ A new bloc…"


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def search(text: str, query: str, *, limit: int = MAX_MATCHES) -> list[Span]:
    """Where the words typed occur in the text, in order, ignoring case and how the spaces and line breaks
    between them run ("the  dam\\nwould" is found by "the dam would")."""
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    return [Span(m.start(), m.end()) for _, m in zip(range(limit), pattern.finditer(text))]


def sentence_spans(text: str) -> list[Span]:
    return [Span(start, end) for start, end in sentences(text)]


def words(text: str, span: Span) -> list[Span]:
    """The words (with the punctuation that clings to them) of a span, to trim it by."""
    found = re.finditer(r"\S+", text[span.start : span.end])
    return [Span(span.start + m.start(), span.start + m.end()) for m in found]


def trimmed(pieces: list[Span], first: int, last: int) -> Span:
    """From the `first` to the `last` word, both kept."""
    first, last = sorted((first, last))
    return Span(pieces[first].start, pieces[last].end)


def widened(span: Span, sentences: list[Span]) -> Span:
    """The whole sentence (or sentences, of `sentence_spans(text)`) around a span."""
    around = [s for s in sentences if s.start < span.end and span.start < s.end]
    return Span(around[0].start, around[-1].end) if around else span


def in_context(text: str, span: Span, *, chars: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(before, the span, after): a few words each side, on one line, for a label or a preview."""
    lead, tail = span.start > chars, span.end + chars < len(text)
    before = text[max(0, span.start - chars) : span.start].split()
    after = text[span.end : span.end + chars].split()
    if lead and before and not text[span.start - chars - 1].isspace():  # a cut word: leave it out
        before = before[1:]
    if tail and after and not text[span.end + chars].isspace():
        after = after[:-1]
    before, after = " ".join(before), " ".join(after)
    lead, tail = "…" if lead else "", "…" if tail else ""
    return lead + before, " ".join(text[span.start : span.end].split()), after + tail


def label(text: str, span: Span, *, chars: int = 60) -> str:
    """A choice's label: the span itself, shortened, with where it starts."""
    quote = " ".join(text[span.start : span.end].split())
    quote = quote if len(quote) <= chars else quote[: chars - 1] + "…"
    return f"“{quote}” (at {span.start:,})"


@dataclass(frozen=True)
class StatementChoices:
    """What the "add a statement" form offers for one story."""

    actors: list[str]  # actor ids: this story's first (by name), then every other named actor
    names: dict[str, str]
    blocs: list[str]  # the story's blocs, then NEW_BLOC
    targets: list[str]  # the story's targets, its main one first
    target_labels: dict[str, str]


def statement_choices(tables: Tables) -> StatementChoices:
    whole = tables.whole or tables
    own = tables.actors.sort_values("name", key=lambda s: s.str.lower())
    others = whole.actors[
        ~whole.actors["actor_id"].isin(set(own["actor_id"])) & (whole.actors["kind"] != "commentators")
    ].sort_values("name", key=lambda s: s.str.lower())
    ids = [*own["actor_id"], *others["actor_id"]]
    names = dict(zip(whole.actors["actor_id"], whole.actors["name"]))
    main = stories.main_target(whole, tables.story_id) if tables.story_id else ""
    targets = sorted(tables.targets["target_id"], key=lambda t: t != main)
    labels = dict(zip(tables.targets["target_id"], tables.targets["label"]))
    return StatementChoices(ids, names, [*story_blocs(tables), NEW_BLOC], targets, labels)


def story_blocs(tables: Tables) -> list[str]:
    """The blocs this story's actors are in (as the story groups them), for a new actor to join."""
    return sorted(set(tables.actors["bloc"].astype(str)) - {""}, key=str.lower)


def statements_here(tables: Tables, source_id: str) -> pd.DataFrame:
    """The statements already quoted from a source, so the curator sees what is not yet there."""
    view = tables.view
    rows = view[(view["source_id"] == source_id).to_numpy()]
    return pd.DataFrame(
        {
            "actor": rows["actor_name"].astype(str),
            "stance": rows["stance"].astype(str),
            "quote": rows["quote"].astype(str),
            "start": rows["start"],
        }
    ).sort_values("start", ignore_index=True)
