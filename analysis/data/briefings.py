"""Briefing snapshots: every export (a deck, a chart bundle, the tables; in the app or from the command
line) records one line in data/briefings.jsonl: when, which story, the title, the filter, the dataset's
fingerprint, and the id and stance of every statement it included. "What changed since my last briefing"
is then exact: the Changes page compares with those statements, not with a guess from dates."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.data import saving

FILE = "briefings.jsonl"


@dataclass(frozen=True)
class Briefing:
    briefing_id: str
    time: str  # ISO 8601, UTC, to the second
    story_id: str
    title: str
    filter: str  # the filters as a URL query string ("" for none)
    fingerprint: str
    exports: tuple[str, ...]  # deck, bundle, xlsx, csv
    statement_ids: tuple[str, ...]
    stances: tuple[str, ...]  # each statement's stance when it was exported

    @property
    def day(self) -> dt.date:
        return dt.datetime.fromisoformat(self.time).date()

    def label(self) -> str:
        """'the 12 Nov 2026 briefing (“Who stands where on the dam”)'."""
        return f"the {self.day.day} {self.day:%b %Y} briefing (“{self.title}”)"


def record(
    data_dir: Path | str,
    *,
    story_id: str,
    title: str,
    filter_query: str,
    fingerprint: str,
    exports: tuple[str, ...],
    statements: pd.DataFrame,
    now: dt.datetime | None = None,
    lock_timeout: float = 10.0,
) -> Briefing:
    """Append one briefing (`statements`: the exported rows, with statement_id and stance) in one write,
    under the data folder's lock. Returns it."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    ids = tuple(statements["statement_id"].astype(str))
    digest = hashlib.sha256(f"{now.isoformat()}|{story_id}|{filter_query}|{len(ids)}".encode()).hexdigest()[:6]
    briefing = Briefing(
        briefing_id=f"b{now:%Y%m%d-%H%M%S}-{digest}",
        time=now.isoformat(),
        story_id=story_id,
        title=" ".join(title.split()),
        filter=filter_query,
        fingerprint=fingerprint,
        exports=tuple(exports),
        statement_ids=ids,
        stances=tuple(statements["stance"].astype(str)),
    )
    saving.append_record(data_dir, FILE, briefing.__dict__, lock_timeout=lock_timeout)
    return briefing


def read(data_dir: Path | str, *, story_id: str | None = None) -> list[Briefing]:
    """Every recorded briefing (of one story, if given), oldest first. A line a crash cut short is skipped."""
    found = []
    for fields in saving.read_records(data_dir, FILE):
        try:
            briefing = Briefing(
                **{
                    **fields,
                    "exports": tuple(fields["exports"]),
                    "statement_ids": tuple(fields["statement_ids"]),
                    "stances": tuple(fields["stances"]),
                }
            )
        except (TypeError, KeyError):
            continue
        if story_id is None or briefing.story_id == story_id:
            found.append(briefing)
    return found


def find(data_dir: Path | str, briefing_id: str) -> Briefing | None:
    return next((b for b in read(data_dir) if b.briefing_id == briefing_id), None)
