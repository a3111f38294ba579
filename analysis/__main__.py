"""Command line: python -m analysis validate [--data DIR] [--seeds DIR]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis import store

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Stance & Reaction Dashboard tools")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every table, reference, quote and seed hash")
    validate.add_argument("--data", type=Path, default=ROOT / "data", help="the tables folder (default: data/)")
    validate.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="the documents folder (default: seeds/)")
    validate.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
