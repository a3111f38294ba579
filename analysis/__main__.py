"""Command line: python -m analysis validate | export ...  (python -m analysis -h for details)"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from analysis import export, store
from analysis.filters import LIST_FIELDS, FilterSpec, apply

ROOT = Path(__file__).resolve().parent.parent


def _validate(args: argparse.Namespace) -> int:
    try:
        tables = store.load(args.data, args.seeds)
    except store.DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {args.data}", file=sys.stderr)
        return 1
    print(f"OK: {len(tables.statements)} statements, {len(tables.actors)} actors, {len(tables.targets)} targets, "
          f"{len(tables.events)} events and {len(tables.sources)} source(s) in {args.data}; "
          "every quote is verbatim at its offsets and every seed matches its sha256.")
    return 0


def _vocabulary(tables: store.Tables) -> dict[str, set[str]]:
    actors = tables.actors
    return {"source": set(tables.sources["source_id"]), "bloc": set(actors["bloc"]), "kind": set(actors["kind"]),
            "country": set(actors["country"]) - {""}, "actor": set(actors["actor_id"]),
            "target": set(tables.targets["target_id"])}


def _spec(args: argparse.Namespace, tables: store.Tables) -> tuple[FilterSpec, list[str]]:
    """The FilterSpec the flags describe, checked against the tables like a URL would be."""
    params = {key: values for key in LIST_FIELDS if (values := getattr(args, key))}
    if args.query:
        params["q"] = [args.query]
    return FilterSpec.from_query_params(params, vocabulary=_vocabulary(tables))


def _export(args: argparse.Namespace) -> int:
    if not (args.pptx or args.xlsx or args.csv or args.png):
        print("Nothing to write: give at least one of --pptx FILE, --xlsx FILE, --csv FILE, --png DIR.",
              file=sys.stderr)
        return 2
    try:
        tables = store.load(args.data, args.seeds)
    except store.DataError as error:
        print(f"The tables are invalid; run `python -m analysis validate`.\n{error}", file=sys.stderr)
        return 1
    spec, notes = _spec(args, tables)
    if notes:
        for note in notes:
            print(note.replace("Ignored", "Unknown filter value:", 1), file=sys.stderr)
        return 2
    views = tuple(v.strip() for v in args.views.split(",") if v.strip())
    unknown = [v for v in views if v not in export.DECK_VIEWS]
    if unknown:
        print(f"Unknown view(s): {', '.join(unknown)}. Choose from {', '.join(export.DECK_VIEWS)}.", file=sys.stderr)
        return 2
    rows = apply(spec, tables.view)
    try:
        if args.pptx:
            args.pptx.write_bytes(export.deck(tables, spec, title=args.title, as_of=args.as_of, views=views))
            print(f"Wrote {args.pptx}")
        if args.xlsx:
            args.xlsx.write_bytes(export.table_xlsx(rows))
            print(f"Wrote {args.xlsx} ({len(rows)} statements)")
        if args.csv:
            args.csv.write_bytes(export.table_csv(rows))
            print(f"Wrote {args.csv} ({len(rows)} statements)")
        if args.png:
            args.png.mkdir(parents=True, exist_ok=True)
            bundle = export.png_bundle(tables, spec, as_of=args.as_of, views=views)
            with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
                archive.extractall(args.png)
                print(f"Wrote {len(archive.namelist())} files to {args.png}")
    except export.ExportError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Stance & Reaction Dashboard tools")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (("validate", "check every table, reference, quote and seed hash"),
                           ("export", "write a briefing: PPTX deck, XLSX/CSV tables, PNG/SVG images")):
        command = commands.add_parser(name, help=helptext)
        command.add_argument("--data", type=Path, default=ROOT / "data", help="tables folder (default: data/)")
        command.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="documents folder (default: seeds/)")
        command.set_defaults(run=_validate if name == "validate" else _export)
    export_command = commands.choices["export"]
    filters = export_command.add_argument_group("filters (repeat a flag for several values)")
    for key in LIST_FIELDS:
        filters.add_argument(f"--{key}", action="append", default=[], metavar="VALUE",
                             help=f"keep only this {key} (an id for sources, actors and targets)")
    filters.add_argument("--query", default="", help="keep statements whose quote, actor, cue or summary match")
    outputs = export_command.add_argument_group("outputs (one or more)")
    outputs.add_argument("--pptx", type=Path, metavar="FILE", help="an editable PowerPoint deck")
    outputs.add_argument("--xlsx", type=Path, metavar="FILE", help="the filtered statements as Excel")
    outputs.add_argument("--csv", type=Path, metavar="FILE", help="the filtered statements as CSV")
    outputs.add_argument("--png", type=Path, metavar="DIR", help="one PNG and SVG per view, and a README")
    export_command.add_argument("--title", default="Who stands where", help="the deck's title")
    export_command.add_argument("--as-of", type=_date, default=dt.date.today(), help="as-of date, YYYY-MM-DD")
    export_command.add_argument("--views", default=",".join(export.DECK_VIEWS),
                                help=f"comma-separated views (default: {','.join(export.DECK_VIEWS)})")
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
