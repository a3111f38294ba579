"""`python -m analysis changes --story ID --since BRIEFING_ID|YYYY-MM-DD [--format md|csv|json]`: what
changed since a briefing or a day, in a form that pastes into an email (md), a sheet (csv) or a script
(json: an object with the keys new_statements, new_actors, shifts, first_reactions and silent, each a list
of records; a statement's record carries its statement_id)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path

import pandas as pd

from analysis import cli_curation
from analysis.data import paths
from analysis.present import wording
from analysis.present.pages.changes import baseline_choices, changes_page, parse_since
from analysis.query.changes import Baseline, Changes
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope

STATEMENT_FIELDS = {
    "statement_id": "statement_id",
    "status": "status",
    "actor_id": "actor_id",
    "actor": "actor_name",
    "bloc": "bloc",
    "stance": "stance",
    "target": "target_label",
    "quote": "quote",
    "source": "source_title",
    "date": "date",
    "date_precision": "date_precision",
}


def add_command(commands) -> None:
    changes = commands.add_parser("changes", help="what changed since a briefing or a date (md, csv or json)")
    changes.add_argument("--story", default=None, metavar="ID", help="default: the story the app opens on")
    changes.add_argument("--since", required=True, metavar="BRIEFING_ID|YYYY-MM-DD")
    changes.add_argument("--format", choices=("md", "csv", "json"), default="md")
    changes.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date.today(), metavar="YYYY-MM-DD")
    changes.add_argument("--data", type=Path, default=paths.data_dir(), help="tables folder")
    changes.add_argument("--seeds", type=Path, default=paths.seeds_dir(), help="documents folder")
    changes.set_defaults(run=run)


def baseline_for(data_dir: Path, story_id: str, since: str) -> Baseline | None:
    """`since` (a briefing id of the story, or a day) as a baseline; None, after saying why, when neither."""
    baseline = parse_since(since, baseline_choices(data_dir, story_id))
    if baseline is None:
        known = ", ".join(b.briefing_id for b in baseline_choices(data_dir, story_id)[:5]) or "none yet"
        print(f"--since {since!r} is neither a briefing of story {story_id!r} ({known}) nor a date.", file=sys.stderr)
    return baseline


def run(args: argparse.Namespace) -> int:
    whole = cli_curation.loaded(args)
    if whole is None:
        return 1
    story_id = cli_curation.story_of(args.story, whole)
    if not story_id:
        if story_id == "":
            print("What changed is told one story at a time: give --story ID.", file=sys.stderr)
        return 2
    baseline = baseline_for(args.data, story_id, args.since)
    if baseline is None:
        return 2
    page = changes_page(Scope.of(whole.story(story_id), FilterSpec(), as_of=args.as_of), baseline=baseline)
    print({"md": markdown, "csv": csv_text, "json": json_text}[args.format](page.headline, page.found), end="")
    return 0


def _records(frame: pd.DataFrame, fields: dict[str, str]) -> list[dict]:
    out = []
    for row in frame.to_dict("records"):
        record = {}
        for name, column in fields.items():
            value = row.get(column)
            record[name] = value.strftime("%Y-%m-%d") if isinstance(value, pd.Timestamp) else value
            if record[name] is not None and not isinstance(record[name], (str, int, float)):
                record[name] = str(record[name])
            if isinstance(record[name], float) and pd.isna(record[name]):
                record[name] = None
        out.append(record)
    return out


def sections(found: Changes) -> dict[str, list[dict]]:
    shift_fields = {c: c for c in found.shifts.columns}
    return {
        "new_statements": _records(found.new_statements(), STATEMENT_FIELDS),
        "new_actors": _records(found.new_actors, {"actor_id": "actor_id", "actor": "actor_name", "bloc": "bloc"}),
        "shifts": _records(found.shifts, shift_fields),
        "first_reactions": _records(
            found.first_reactions,
            {"actor_id": "actor_id", "actor": "actor_name", "bloc": "bloc", "first_date": "first_date"}
            | {"lag_days": "lag_days"},
        ),
        "silent": _records(found.silent, {"actor_id": "actor_id", "actor": "name", "bloc": "bloc"}),
    }


def json_text(headline: str, found: Changes) -> str:
    return json.dumps(sections(found), ensure_ascii=False, indent=1) + "\n"


def csv_text(headline: str, found: Changes) -> str:
    rows = [{"section": name, **record} for name, records in sections(found).items() for record in records]
    buffer = io.StringIO()
    pd.DataFrame(rows).to_csv(buffer, index=False)
    return buffer.getvalue()


def markdown(headline: str, found: Changes) -> str:
    lines = [f"**{headline}**", ""]
    if len(found.shifts):
        lines += ["Stance shifts:", ""]
        for shift in found.shifts.itertuples(index=False):
            lines.append(
                f"- {shift.actor_name} on {shift.target_label}: {shift.old_stance} → {shift.new_stance}. "
                f"Then: “{shift.old_quote}” ({shift.old_source}). Now: “{shift.new_quote}” ({shift.new_source})."
            )
        lines.append("")
    if len(found.new):
        lines += [f"New statements ({len(found.new)}):", ""]
        for row in found.new_statements().itertuples(index=False):
            when = wording.format_date(row.date, str(row.date_precision)) if pd.notna(row.date) else "undated"
            maybe = " (maybe new)" if row.status == "maybe new" else ""
            lines.append(f"- {when}{maybe}: {row.actor_name} ({row.stance}): “{row.quote}” ({row.source_title})")
        lines.append("")
    if len(found.new_actors):
        lines += ["New actors: " + ", ".join(found.new_actors["actor_name"].astype(str)), ""]
    if len(found.corrections):
        lines += [f"Corrections since then: {len(found.corrections)}", ""]
    if len(found.silent):
        lines += ["Still silent: " + ", ".join(found.silent["name"].astype(str)), ""]
    return "\n".join(lines)
