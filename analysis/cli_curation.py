"""The command line's curation commands, so that a story can be set up from a script:

    python -m analysis story add ID --title "…" [--description "…"] [--target-label "…" --keywords "a|b"]
    python -m analysis target add ID --story ID --label "…" [--keywords "a|b"] [--description "…"] [--default]
    python -m analysis ingest PATH... --story ID [--title T] [--outlet O] [--published YYYY-MM-DD]
                                      [--precision day|month|year] [--target ID] [--extract]

Every command checks all of its input before it writes, and writes through the safe save; bad input gets a
message, exit status 2 and nothing written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from analysis.data import curation, editing, paths, store, stories


def add_commands(commands) -> None:
    story = commands.add_parser("story", help="create a story (a news event to follow)")
    story_verbs = story.add_subparsers(dest="verb", required=True)
    add = story_verbs.add_parser("add", help="add a story")
    add.add_argument("story_id", metavar="ID")
    add.add_argument("--title", required=True)
    add.add_argument("--description", default="")
    add.add_argument("--target-label", default="", help="its first target (becomes its default target)")
    add.add_argument("--keywords", default="", help="words that name the first target in a text, |-separated")
    add.set_defaults(run=_story_add)
    target = commands.add_parser("target", help="add a target to a story (what a stance is about)")
    target_verbs = target.add_subparsers(dest="verb", required=True)
    add = target_verbs.add_parser("add", help="add a target")
    add.add_argument("target_id", metavar="ID")
    add.add_argument("--story", required=True, metavar="ID")
    add.add_argument("--label", required=True)
    add.add_argument("--keywords", default="", help="words that name it in a text, |-separated")
    add.add_argument("--description", default="")
    add.add_argument("--default", action="store_true", help="make it the story's default target")
    add.set_defaults(run=_target_add)
    ingest = commands.add_parser("ingest", help="add articles to a story (and, with --extract, its proposals)")
    ingest.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="UTF-8 .txt or .md articles")
    ingest.add_argument("--story", required=True, metavar="ID")
    ingest.add_argument("--title", default="", help="the title (one article; default: from the file name)")
    ingest.add_argument("--outlet", default="")
    ingest.add_argument("--published", type=_date, default=None, metavar="YYYY-MM-DD")
    ingest.add_argument("--precision", choices=("day", "month", "year"), default="day")
    ingest.add_argument("--target", default="", metavar="ID", help="the main target (default: the story's)")
    ingest.add_argument("--extract", action="store_true", help="also save the extractor's proposals, unreviewed")
    ingest.set_defaults(run=_ingest)
    for command in (*story_verbs.choices.values(), *target_verbs.choices.values(), ingest):
        command.add_argument("--data", type=Path, default=paths.data_dir(), help="tables folder")
        command.add_argument("--seeds", type=Path, default=paths.seeds_dir(), help="documents folder")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from error


def _base(data_dir: Path) -> dict[str, str]:
    return {table: store.file_sha256(data_dir / f"{table}.csv") for table in store.schema.TABLES}


def _refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _story_add(args: argparse.Namespace) -> int:
    try:
        story_id = editing.add_story(
            args.data,
            args.seeds,
            story_id=args.story_id,
            title=args.title,
            description=args.description,
            target_label=args.target_label,
            target_keywords=args.keywords,
            base=_base(args.data),
        )
    except (editing.EditError, store.DataError) as error:
        return _refuse(f"No story added: {error}")
    print(f"Added story {story_id}")
    return 0


def _target_add(args: argparse.Namespace) -> int:
    try:
        target_id = editing.add_target(
            args.data,
            args.seeds,
            story_id=args.story,
            target_id=args.target_id,
            label=args.label,
            keywords=args.keywords,
            description=args.description,
            make_default=args.default,
            base=_base(args.data),
        )
    except (editing.EditError, store.DataError) as error:
        return _refuse(f"No target added: {error}")
    print(f"Added target {target_id} to story {args.story}")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    """Check every file, the story and the target first; then add each article (and its proposals)."""
    try:
        tables = store.load(args.data, args.seeds)
    except store.DataError as error:
        return _refuse(f"The tables are invalid; run `python -m analysis validate`.\n{error}")
    checked = _checked(args, tables)
    if isinstance(checked, str):
        return _refuse(checked)
    texts, titles, target = checked
    for path, text, title in zip(args.paths, texts, titles):
        source_id = curation.add_article(
            args.data,
            args.seeds,
            text=text,
            title=title,
            outlet=args.outlet,
            published=args.published,
            precision=args.precision,
            story_id=args.story,
            base=_base(args.data),
        )
        print(f"Added {path} as source {source_id} of story {args.story}")
        if args.extract:
            _save_proposals(args, source_id, text, target)
    return 0


def _checked(args: argparse.Namespace, tables: store.Tables) -> str | tuple[list[str], list[str], str]:
    """(texts, titles, main target) of an ingest, or why nothing may be added."""
    if args.story not in set(stories.story_ids(tables)):
        return f"There is no story {args.story!r}; add it with `python -m analysis story add`."
    target = args.target or stories.main_target(tables, args.story)
    if args.target and args.target not in set(tables.story(args.story).targets["target_id"]):
        return f"Target {args.target!r} is not a target of story {args.story!r}."
    if args.extract and not target:
        return f"Story {args.story!r} has no target yet; add one with `python -m analysis target add`."
    texts = []
    for path in args.paths:
        try:
            texts.append(curation.check_upload(path.name, path.read_bytes()))
        except (OSError, curation.CurationError) as error:
            return f"{path}: {error} Nothing was added."
    titles = [args.title or path.stem.replace("-", " ").replace("_", " ") for path in args.paths]
    ids = [curation.seed_name(title, args.published).removesuffix(".txt") for title in titles]
    clash = [i for i in ids if i in set(tables.sources["source_id"])] or [i for i in ids if ids.count(i) > 1]
    if clash:
        return (
            f"A source {clash[0]!r} exists already (or twice in this batch); give another --title. Nothing was added."
        )
    return texts, titles, target


def _save_proposals(args: argparse.Namespace, source_id: str, text: str, target: str) -> None:
    from analysis.extract import extract

    tables = store.load(args.data, args.seeds)
    story = tables.story(args.story)
    proposals = extract(
        text,
        actors=stories.extraction_actors(tables, args.story),
        targets=story.targets,
        main_target=target,
        source_id=source_id,
    )
    source = story.sources[story.sources["source_id"] == source_id].iloc[0]
    proposals = curation.dated(proposals, published=source["published"], precision=source["date_precision"])
    proposals = stories.story_collectives(tables, args.story, proposals)
    fresh = proposals[~proposals["actor_id"].isin(set(tables.actors["actor_id"]))]
    new_actors = curation.new_actor_rows(fresh, story_id=args.story, story_blocs=stories.blocs_by_kind(tables))
    saved = curation.save_proposals(
        args.data,
        args.seeds,
        proposals,
        source_id=source_id,
        base=_base(args.data),
        new_actors=new_actors,
        reason=f"ingest --extract {source_id}",
    )
    print(f"Saved {saved} unreviewed statements and {len(new_actors)} new actors from {source_id}")
