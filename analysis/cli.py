"""Command line: python -m analysis validate | export ...  (python -m analysis -h for details)"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlencode

from analysis import cli_changes, cli_curation
from analysis.data import briefings, paths, saving, store
from analysis.present import export, registry
from analysis.present.pages import briefing
from analysis.query import filters
from analysis.query.filters import FilterSpec, apply
from analysis.query.scope import Scope


def _validate(args: argparse.Namespace) -> int:
    try:
        if saving.recover(args.data):
            print("Finished a save that was interrupted after its commit point.", file=sys.stderr)
        tables = store.load(args.data, args.seeds)
    except saving.SaveError as error:
        print(f"Could not finish an interrupted save: {error}", file=sys.stderr)
        return 1
    except store.DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {args.data}", file=sys.stderr)
        return 1
    print(
        f"OK: {len(tables.statements)} statements, {len(tables.actors)} actors, {len(tables.targets)} targets, "
        f"{len(tables.events)} events and {len(tables.sources)} source(s) in {args.data}; "
        "every quote is verbatim at its offsets and every seed matches its sha256."
    )
    return 0


def _spec(args: argparse.Namespace, tables: store.Tables) -> tuple[FilterSpec, list[str]]:
    """The FilterSpec the flags describe, checked against the tables like a URL would be."""
    params = {f.key: values for f in filters.FILTERS if (values := _flag_values(f, getattr(args, _dest(f))))}
    return FilterSpec.from_query_params(params, vocabulary=filters.known_values(tables))


def _dest(definition: filters.Filter) -> str:
    return "filter_" + definition.key


def _flag_values(definition: filters.Filter, value) -> list[str]:
    """A flag's value as the URL values of its filter."""
    if isinstance(definition, filters.FlagFilter):
        return ["1"] if value else []
    if isinstance(value, list):
        return value
    return [value] if value else []


def _add_filter_flags(command: argparse.ArgumentParser) -> None:
    """One flag per filter, from its definition (analysis.query.filters.FILTERS)."""
    group = command.add_argument_group("filters (repeat a flag for several values)")
    for definition in filters.FILTERS:
        flag, dest = f"--{definition.cli_flag}", _dest(definition)
        if isinstance(definition, filters.ChoiceFilter):
            group.add_argument(
                flag,
                dest=dest,
                action="append",
                default=[],
                metavar="VALUE",
                help=f"keep only this {definition.singular} (an id for sources, actors and targets)",
            )
        elif isinstance(definition, filters.FlagFilter):
            group.add_argument(flag, dest=dest, action="store_true", help=f"keep {definition.label.lower()}")
        elif isinstance(definition, filters.DateFilter):
            group.add_argument(
                flag,
                dest=dest,
                default="",
                metavar="YYYY-MM-DD",
                help=f"keep statements dated {'from' if definition.key == 'from' else 'up to'} this day",
            )
        else:
            group.add_argument(
                flag, dest=dest, default="", help="keep statements whose quote, actor, cue or summary match"
            )


def _write_exports(args: argparse.Namespace, tables: store.Tables, spec: FilterSpec, views: tuple[str, ...]) -> None:
    rows = apply(spec, tables.view)
    if args.pptx:
        deck = export.deck(tables, spec, title=args.title, as_of=args.as_of, views=views, since=args.since_baseline)
        args.pptx.write_bytes(deck)
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
    kinds = tuple(
        kind
        for kind, asked in (("deck", args.pptx), ("xlsx", args.xlsx), ("csv", args.csv), ("bundle", args.png))
        if asked
    )
    briefing = briefings.record(
        args.data,
        story_id=tables.story_id,
        title=args.title,
        filter_query=urlencode(spec.to_query_params(), doseq=True),
        fingerprint=tables.fingerprint,
        exports=kinds,
        statements=rows,
    )
    print(
        f"Recorded briefing {briefing.briefing_id} ({len(rows)} statements): `changes --since {briefing.briefing_id}`"
    )


def _views_and_since(args: argparse.Namespace, story_id: str) -> tuple[str, ...] | None:
    """The views asked for, with args.since_baseline set; None (after saying why) when one will not do."""
    views = tuple(v.strip() for v in args.views.split(",") if v.strip())
    unknown = registry.check_views(views)
    if unknown:
        print(
            f"Unknown view(s): {', '.join(unknown)}. Choose from {', '.join(registry.EXPORT_VIEWS)}.", file=sys.stderr
        )
        return None
    args.since_baseline = None
    if args.since:
        args.since_baseline = cli_changes.baseline_for(args.data, story_id, args.since) if story_id else None
        if args.since_baseline is None:
            return None
    return views


def _export(args: argparse.Namespace) -> int:
    if not (args.pptx or args.xlsx or args.csv or args.png):
        print(
            "Nothing to write: give at least one of --pptx FILE, --xlsx FILE, --csv FILE, --png DIR.", file=sys.stderr
        )
        return 2
    whole = cli_curation.loaded(args)
    if whole is None:
        return 1
    story_id = cli_curation.story_of(args.story, whole)
    if story_id is None:
        return 2
    tables = whole.story(story_id) if story_id else whole
    spec, notes = _spec(args, tables)
    for note in notes:
        print(note.replace("Ignored", "Unknown filter value:", 1), file=sys.stderr)
    if notes:
        return 2
    if not args.title:
        args.title = briefing.default_title(Scope.of(tables, spec, as_of=args.as_of))
    views = _views_and_since(args, story_id)
    if views is None:
        return 2
    try:
        _write_exports(args, tables, spec, views)
    except export.ExportError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from analysis.extract import evaluation

    if (args.calibrate or args.fit_words) and _calibrate(args) != 0:
        return 2
    runs = []
    for corpus in args.corpus:
        ours, baseline, per_file = evaluation.evaluate_corpus(corpus)
        if args.details:
            for name, score in per_file.items():
                print(score.line(name))
        runs.append((f"corpus {corpus}", str(corpus), len(per_file), ours, baseline))
    if not args.corpus:
        tables = store.load(args.data, args.seeds)
        ours, baseline = evaluation.evaluate_seed(tables)
        runs.append((f"curated statements of story {evaluation.SEED_STORY}", "seed", 1, ours, baseline))
    for label, short, articles, ours, baseline in runs:
        _print_evaluation(label, ours, baseline)
        if args.record:
            evaluation.log_score(short, articles, ours)
    if args.record:
        print(f"\nLogged to {evaluation.SCORES_FILE}")
    return 0


def _calibrate(args: argparse.Namespace) -> int:
    """Refit what the extractor learns (the stance of uncued words and the unread gate with --fit-words, then
    the confidence) on the dev corpora; never on a sealed test split or a validation split."""
    from analysis.extract import fitting

    if not args.corpus:
        print("--calibrate and --fit-words need --corpus (the dev splits)", file=sys.stderr)
        return 2
    try:
        if args.fit_words:
            model = fitting.fit_words(args.corpus)
            print(f"Fitted the stance of uncued words on {model['fitted_on_statements']} gold statements.")
            gate = fitting.fit_gate(args.corpus)
            print(
                f"Fitted the gate of sentences with no position read on {gate['candidates']} sentences "
                f"({gate['positions']} of them gold positions); it proposes from {gate['threshold']:.2f}, which "
                f"took F1 from {gate['f1_without']:.3f} to {gate['f1_with_left_out']:.3f} on the dev splits left out."
            )
        fitted = fitting.calibrate(args.corpus)
    except fitting.HeldOutSplit as error:
        print(error, file=sys.stderr)
        return 2
    keeper = fitted["keeper"]
    print(
        f"Calibrated on {fitted['proposals']} proposals from {', '.join(map(str, args.corpus))}. The keep model "
        f"keeps a proposal from {keeper['cut']:.2f}, which took F1 from {keeper['f1_keeping_all']:.3f} to "
        f"{keeper['f1_left_out']:.3f} (recall {keeper['recall_left_out']:.3f}) on the dev splits left out; "
        f"without it, proposals below a confidence of {fitted['min_confidence']:.2f} are left out. Wrote "
        f"{fitting.confidence_file()}, the keep model and the stance arbiter."
    )
    return 0


def _print_evaluation(label: str, ours, baseline) -> None:
    from analysis.extract import evaluation

    print(f"\nOn the {label}:")
    print(ours.line("extractor"))
    print(baseline.line("VADER sentence baseline"))
    print("\nErrors by cause:")
    print(evaluation.cause_table(ours) or "  none")
    print("\nReliability of the confidence (right = actor, position and stance all right):")
    print(evaluation.reliability(ours).to_string(index=False))
    print("\nConfusion matrix (rows: gold stance, columns: proposed stance), extractor:")
    print(ours.confusion.to_string())


def _synth(args: argparse.Namespace) -> int:
    from analysis.data import synth

    folder = synth.generate(args.statements, args.out, seed=args.seed, stories=args.stories)
    print(
        f"Wrote {args.statements:,} synthetic statements in {args.stories:,} stories to {folder} (tables in data/, "
        "texts in seeds/). "
        f"Open them with DASHBOARD_DATA_DIR={folder / 'data'} DASHBOARD_SEEDS_DIR={folder / 'seeds'}."
    )
    return 0


def _bench(args: argparse.Namespace) -> int:
    """The benchmark lives outside analysis/ (it drives Streamlit and a browser): run it as its own process."""
    import subprocess

    return subprocess.call([sys.executable, "-m", "benchmarks", *args.bench_args], cwd=paths.PROJECT_ROOT)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, not {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Stance & Reaction Dashboard tools")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, helptext, run in (
        ("validate", "check every table, reference, quote and seed hash", _validate),
        ("export", "write a briefing: PPTX deck, XLSX/CSV tables, PNG/SVG images", _export),
        (
            "extract",
            "propose statements from articles (print them; --write saves them unreviewed)",
            cli_curation.extract,
        ),
        ("evaluate", "score the extractor against the curated statements or a gold corpus", _evaluate),
    ):
        command = commands.add_parser(name, help=helptext)
        command.add_argument(
            "--data",
            type=Path,
            default=paths.data_dir(),
            help=f"tables folder (default: ${paths.DATA_ENV}, else the project's data/)",
        )
        command.add_argument(
            "--seeds",
            type=Path,
            default=paths.seeds_dir(),
            help=f"documents folder (default: ${paths.SEEDS_ENV}, else the project's seeds/)",
        )
        command.set_defaults(run=run)
    extract_command = commands.choices["extract"]
    extract_command.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="UTF-8 .txt or .md articles")
    extract_command.add_argument(
        "--story", metavar="ID", help="the story the articles belong to (default: the target's, else the app's)"
    )
    extract_command.add_argument(
        "--target", help="the main target id (default: the source's, else the story's main target)"
    )
    extract_command.add_argument("--format", choices=("csv", "json"), default="csv")
    extract_command.add_argument(
        "--write", action="store_true", help="save the proposals as origin=extracted, reviewed=false (and new actors)"
    )
    evaluate_command = commands.choices["evaluate"]
    evaluate_command.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=[],
        help="a folder with corpus.csv (or listing-*.csv) and gold files; repeatable",
    )
    evaluate_command.add_argument("--details", action="store_true", help="a line per article")
    evaluate_command.add_argument(
        "--record", action="store_true", help="append a line per scoring to docs/extraction-scores.csv"
    )
    evaluate_command.add_argument(
        "--calibrate", action="store_true", help="refit the confidence on every --corpus (the dev splits) first"
    )
    evaluate_command.add_argument(
        "--fit-words",
        action="store_true",
        help="refit the stance of words with no cue and the gate of sentences with no position read on every "
        "--corpus (the dev splits), then the confidence",
    )
    synth_command = commands.add_parser("synth", help="write a synthetic dataset of any size (for benchmarks)")
    synth_command.add_argument("--statements", type=int, required=True, metavar="N")
    synth_command.add_argument("--out", type=Path, required=True, metavar="DIR")
    synth_command.add_argument("--seed", type=int, default=7)
    synth_command.add_argument("--stories", type=int, default=1, help="share the sources out over N stories")
    synth_command.set_defaults(run=_synth)
    bench_command = commands.add_parser(
        "bench",
        add_help=False,
        help="measure speed and payload at 1,000 to 1,000,000 statements "
        "(--quick, --json, --write; python -m benchmarks -h)",
    )
    bench_command.set_defaults(run=_bench)
    export_command = commands.choices["export"]
    _add_filter_flags(export_command)
    outputs = export_command.add_argument_group("outputs (one or more)")
    outputs.add_argument("--pptx", type=Path, metavar="FILE", help="an editable PowerPoint deck")
    outputs.add_argument("--xlsx", type=Path, metavar="FILE", help="the filtered statements as Excel")
    outputs.add_argument("--csv", type=Path, metavar="FILE", help="the filtered statements as CSV")
    outputs.add_argument("--png", type=Path, metavar="DIR", help="one PNG and SVG per view, and a README")
    export_command.add_argument(
        "--story", metavar="ID", help="the story to export (default: the one the app opens on; 'all': every story)"
    )
    export_command.add_argument(
        "--title", default="", help="the deck's title (default: 'Who stands where on <the story's main target>')"
    )
    export_command.add_argument("--as-of", type=_date, default=dt.date.today(), help="as-of date, YYYY-MM-DD")
    export_command.add_argument(
        "--views",
        default=",".join(registry.EXPORT_VIEWS),
        help=f"comma-separated views (default: {','.join(registry.EXPORT_VIEWS)})",
    )
    export_command.add_argument(
        "--since", default="", metavar="BRIEFING_ID|YYYY-MM-DD", help='add a "What changed" slide after the title'
    )
    cli_curation.add_commands(commands)
    cli_changes.add_command(commands)
    args, extra = parser.parse_known_args(argv)
    if args.command != "bench" and extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.bench_args = extra
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
