"""Changes: what is new since a past briefing (or a date), for the story and the filters: new statements,
new actors, stance shifts with both quotes, corrections, first reactions and who is still silent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from analysis.data import briefings
from analysis.data.schema import STANCES
from analysis.present import wording
from analysis.present.charts.changes import MAX_SHIFTS, shift_chart
from analysis.present.charts.stances import stance_by_bloc
from analysis.query import changes as found_changes
from analysis.query.aggregates import stance_counts
from analysis.query.changes import Baseline, Changes
from analysis.query.scope import Scope
from analysis.query.timeline import trigger_date

MAX_ROWS = 200  # tables on screen are capped; the payload must not grow with the data


@dataclass(frozen=True)
class ChangesPage:
    headline: str
    empty: str  # what stands in the page's place when there is no baseline yet ("" otherwise)
    shift_chart: go.Figure | None
    before_after: go.Figure | None
    tables: dict[str, pd.DataFrame]  # section title -> its table (strings only), capped
    notes: dict[str, str]  # section title -> a note (capped, or why it is empty)
    found: Changes | None


def baseline_choices(data_dir: Path, story_id: str) -> list[briefings.Briefing]:
    """The story's past briefings, latest first."""
    return briefings.read(data_dir, story_id=story_id)[::-1]


def parse_since(value: str, choices: list[briefings.Briefing]) -> Baseline | None:
    """A briefing id or a day (YYYY-MM-DD) as a baseline; None when it is neither."""
    chosen = next((b for b in choices if b.briefing_id == value), None)
    if chosen is not None:
        return Baseline(chosen.label(), chosen.statement_ids, chosen.stances, key=chosen.briefing_id)
    try:
        day = dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return Baseline(f"{day.day} {day:%b %Y}", since=day)


def changes_page(scope: Scope, *, baseline: Baseline | None) -> ChangesPage:
    if baseline is None:
        empty = (
            "No baseline yet: export a briefing (the Briefing exports page, or `python -m analysis export`) "
            "and come back after the next articles, or pick a date."
        )
        return ChangesPage("", empty, None, None, {}, {}, None)
    found = found_changes.changes(
        scope.selection,
        baseline,
        candidates=scope.tables.actors,
        trigger_date=trigger_date(scope.tables.events),
    )
    headline = found_changes.headline(found, plural=wording.plural)
    footer = f"Source: the curated statements · {wording.as_of_text(scope.as_of)}"
    subtitle = f"Since {baseline.label} · {wording.subtitle(scope)}"
    if len(found.shifts) > MAX_SHIFTS:
        subtitle += f" · the first {MAX_SHIFTS} of {len(found.shifts)} shifts"
    chart = shift_chart(found.shifts, title=_shift_title(found), subtitle=subtitle, footer=footer)
    tables, notes = _tables(found)
    return ChangesPage(headline, "", chart, _before_after(found, subtitle, footer), tables, notes, found)


def _shift_title(found: Changes) -> str:
    if found.shifts.empty:
        return "No stance shifts"
    toward = (found.shifts["direction"] == "toward support").sum()
    return (
        f"{wording.plural(len(found.shifts), 'stance shift')}: {toward} toward support, "
        f"{len(found.shifts) - toward} toward opposition"
    )


def _before_after(found: Changes, subtitle: str, footer: str) -> go.Figure:
    """Stances by bloc at the baseline and now, each bloc's two bars together."""
    then, now = stance_counts(found.before, by="bloc"), stance_counts(found.now, by="bloc")
    blocs = list(dict.fromkeys([*now["bloc"], *then["bloc"]]))
    parts = []
    for bloc in blocs:
        for label, counts in (("then", then), ("now", now)):
            row = counts[counts["bloc"] == bloc]
            values = {s: int(row[s].iloc[0]) if len(row) else 0 for s in STANCES}
            parts.append({"bloc": f"{bloc} · {label}", **values})
    frame = pd.DataFrame(parts, columns=["bloc", *STANCES])
    return stance_by_bloc(frame, title="Stances by bloc, then and now", subtitle=subtitle, footer=footer)


def _capped(frame: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    if len(frame) <= MAX_ROWS:
        return frame, ""
    return frame.head(MAX_ROWS), f"The first {MAX_ROWS} of {len(frame):,}."


def _day(value, precision: str = "day") -> str:
    return wording.format_date(value, precision) if value is not None and not pd.isna(value) else "undated"


def _tables(found: Changes) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    new = found.new_statements(limit=MAX_ROWS)
    new_note = f"The first {MAX_ROWS} of {len(found.new):,}." if len(found.new) > MAX_ROWS else ""
    shifts, shift_note = _capped(found.shifts)
    tables = {
        "Stance shifts": pd.DataFrame(
            {
                "Actor": shifts["actor_name"].tolist(),
                "Target": shifts["target_label"].tolist(),
                "Then": shifts["old_stance"].tolist(),
                "Now": shifts["new_stance"].tolist(),
                "Quote then": shifts["old_quote"].tolist(),
                "Source then": [f"{s}, {_day(d)}" for s, d in zip(shifts["old_source"], shifts["old_date"])],
                "Quote now": shifts["new_quote"].tolist(),
                "Source now": [f"{s}, {_day(d)}" for s, d in zip(shifts["new_source"], shifts["new_date"])],
            }
        ),
        "New statements": pd.DataFrame(
            {
                "When": [_day(d, p) for d, p in zip(new["date"], new["date_precision"].astype(str))],
                "New?": new["status"].tolist(),
                "Actor": new["actor_name"].astype(str).tolist(),
                "Stance": new["stance"].astype(str).tolist(),
                "Target": new["target_label"].astype(str).tolist(),
                "Quote": new["quote"].astype(str).tolist(),
                "Source": new["source_title"].astype(str).tolist(),
            }
        ),
        "New actors": pd.DataFrame(
            {
                "Actor": found.new_actors["actor_name"].astype(str).tolist(),
                "Bloc": found.new_actors["bloc"].astype(str).tolist(),
                "Statements": found.new_actors["statements"].astype(int).tolist(),
            }
        ),
        "First reactions": pd.DataFrame(
            {
                "Actor": found.first_reactions["actor_name"].astype(str).tolist(),
                "Bloc": found.first_reactions["bloc"].astype(str).tolist(),
                "First statement": [
                    _day(d, str(p))
                    for d, p in zip(found.first_reactions["first_date"], found.first_reactions["precision"])
                ],
                "Lag after the trigger": [
                    wording.lag_text(d, str(p), days=x, trigger=found.trigger)
                    for d, p, x in zip(*(found.first_reactions[c] for c in ("first_date", "precision", "lag_days")))
                ],
            }
        ),
        "Corrections": pd.DataFrame(
            {
                "Actor": found.corrections["actor_name"].astype(str).tolist(),
                "Target": found.corrections["target_label"].astype(str).tolist(),
                "Briefed as": found.corrections["old_stance"].astype(str).tolist(),
                "Corrected to": found.corrections["new_stance"].astype(str).tolist(),
                "Quote": found.corrections["quote"].astype(str).tolist(),
            }
        ),
        "Still silent": pd.DataFrame(
            {"Actor": found.silent["name"].astype(str).tolist(), "Bloc": found.silent["bloc"].astype(str).tolist()}
        ),
    }
    notes = {"New statements": new_note, "Stance shifts": shift_note}
    if not found.baseline.is_briefing:
        notes["Corrections"] = "Corrections are known only against a briefing: pick one instead of a date."
    capped = {}
    for title, table in tables.items():
        shown, note = _capped(table)
        capped[title] = shown
        notes[title] = notes.get(title) or note
    return capped, {title: note for title, note in notes.items() if note}


def default_day(scope: Scope) -> dt.date:
    """With no briefing to compare with: a week before the story's latest dated statement (else today)."""
    dates = scope.tables.view["date"].dropna()
    latest = dates.max().date() if len(dates) else scope.as_of
    return latest - dt.timedelta(days=7)


def default_changes_page(scope: Scope) -> ChangesPage:
    """The page as it opens with no briefing chosen: since a week before the story's latest statement (what
    the benchmark times on every filter change)."""
    return changes_page(scope, baseline=parse_since(default_day(scope).isoformat(), []))
