"""The command line's curation commands (story, target, extract; ingest is in cli_ingest), so that a story
can be set up and filled from a script:

    python -m analysis story add ID --title "…" [--description "…"] [--target-label "…" --keywords "a|b"]
    python -m analysis story feed ID URL... [--remove]
    python -m analysis target add ID --story ID --label "…" [--keywords "a|b"] [--description "…"] [--default]

Every command checks all of its input before it writes, and writes through the safe save; bad input gets a
message, exit status 2 and nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from analysis import cli_ingest
from analysis.data import curation, editing, paths, store, stories
from analysis.data.ingest import feeds


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
    feed = story_verbs.add_parser("feed", help="follow RSS/Atom feeds (or, with --remove, stop)")
    feed.add_argument("story_id", metavar="ID")
    feed.add_argument("urls", nargs="+", metavar="URL")
    feed.add_argument("--remove", action="store_true")
    feed.set_defaults(run=_story_feed)
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
    cli_ingest.add_command(commands)
    for command in (*story_verbs.choices.values(), *target_verbs.choices.values()):
        command.add_argument("--data", type=Path, default=paths.data_dir(), help="tables folder")
        command.add_argument("--seeds", type=Path, default=paths.seeds_dir(), help="documents folder")


def _base(data_dir: Path) -> dict[str, str]:
    return {table: store.file_sha256(data_dir / f"{table}.csv") for table in store.schema.TABLES}


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
        return cli_ingest.refuse(f"No story added: {error}")
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
        return cli_ingest.refuse(f"No target added: {error}")
    print(f"Added target {target_id} to story {args.story}")
    return 0


def _story_feed(args: argparse.Namespace) -> int:
    try:
        raw, problems = store.read_tables(args.data)
        if problems:
            raise store.DataError(problems)
        now = feeds.story_feeds(raw["stories"], args.story_id)
        wanted = [u for u in now if u not in args.urls] if args.remove else [*now, *args.urls]
        row = raw["stories"][raw["stories"]["story_id"] == args.story_id]
        if row.empty:
            return cli_ingest.refuse(f"There is no story {args.story_id!r}.")
        story = row.iloc[0]
        editing.edit_story(
            args.data,
            args.seeds,
            args.story_id,
            title=story["title"],
            description=story["description"],
            status=story["status"],
            default_target=story["default_target"],
            feeds=wanted,
            base=_base(args.data),
        )
    except (editing.EditError, store.DataError) as error:
        return cli_ingest.refuse(f"No feed changed: {error}")
    print(f"Story {args.story_id} follows {len(wanted)} feed(s).")
    return 0


def loaded(args: argparse.Namespace) -> store.Tables | None:
    """The tables of --data and --seeds, or None after saying that they are invalid and how to see why."""
    try:
        return store.load(args.data, args.seeds)
    except store.DataError as error:
        print(f"The tables are invalid; run `python -m analysis validate`.\n{error}", file=sys.stderr)
        return None


def story_of(asked: str | None, whole: store.Tables) -> str | None:
    """The story a command works on: the one asked for ("all": every story), else the one the app opens
    on. None (after saying why) when the asked story does not exist."""
    if asked == "all":
        return ""
    known = stories.story_ids(whole)
    if asked is None:
        return stories.default_story(whole)
    if asked not in known:
        print(f"Unknown story {asked!r}; known: {', '.join(known) or 'none yet'} (or 'all').", file=sys.stderr)
        return None
    return asked


EXTRACT_COLUMNS = [
    "source",
    "actor",
    "actor_id",
    "stance",
    "target_id",
    "evidence",
    "start",
    "end",
    "cue",
    "mode",
    "confidence",
]


PARALLEL_FROM_CHARS = 2_000_000


def _extract_story(args: argparse.Namespace, tables: store.Tables) -> str | None:
    """The story an extract run works in: --story, else its --target's, else the app's default."""
    story_of_target = dict(zip(tables.targets["target_id"], tables.targets["story_id"]))
    if args.target and args.target not in story_of_target:
        print(f"Unknown target {args.target!r}; known: {', '.join(tables.targets['target_id'])}", file=sys.stderr)
        return None
    if args.target and args.story and story_of_target[args.target] != args.story:
        print(f"Target {args.target!r} is not a target of story {args.story!r}.", file=sys.stderr)
        return None
    return story_of(args.story or story_of_target.get(args.target), tables)


def _documents(args: argparse.Namespace, tables: store.Tables, story_id: str) -> list | None:
    """(path, text, source_id, main target) per article, or None after saying why one is refused."""
    known_paths = {p.removeprefix("seeds/"): s for p, s in zip(tables.sources["path"], tables.sources["source_id"])}
    documents = []
    for path in args.paths:
        try:
            text = curation.check_upload(path.name, path.read_bytes())
        except (OSError, curation.CurationError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            return None
        source_id = known_paths.get(path.name, "")
        main = (
            args.target
            or (tables.view.loc[tables.view["source_id"] == source_id, "target_id"].mode().tolist() or [""])[0]
            or (stories.main_target(tables, story_id) if story_id else "")
        )
        # A new article is written into a story only when asked: guessing the default story is how
        # positions on one event end up counted against another's target.
        if args.write and not (main and (source_id or args.story or args.target)):
            print(f"{path}: --write needs --target ID or --story ID (a story with a target).", file=sys.stderr)
            return None
        documents.append((path, text, source_id, main))
    return documents


def extract(args: argparse.Namespace) -> int:
    """Print proposals for each document; with --write, save them as unreviewed statements."""
    from analysis.extract import extract_many

    tables = loaded(args)
    if tables is None:
        return 1
    story_id = _extract_story(args, tables)
    documents = None if story_id is None else _documents(args, tables, story_id)
    if documents is None:
        return 2
    story = tables.story(story_id) if story_id else tables
    # Processes only pay off for a large batch: each one starts by importing the extractor.
    workers = None if sum(len(text) for _, text, _, _ in documents) > PARALLEL_FROM_CHARS else 1
    every = extract_many(
        [text for _, text, _, _ in documents],
        actors=stories.extraction_actors(tables, story_id) if story_id else tables.actors,
        targets=story.targets,
        main_target=[main for *_, main in documents],
        source_ids=[source_id or path.stem for path, _, source_id, _ in documents],
        workers=workers,
    )
    if story_id:  # this story's own vague groups ("Analysts"), not another story's
        every = [stories.story_collectives(tables, story_id, proposals) for proposals in every]
    results = [(path, text, source_id, proposals) for (path, text, source_id, _), proposals in zip(documents, every)]
    table = pd.concat([p.assign(source=str(path)) for path, _, _, p in results], ignore_index=True)
    if args.format == "json":
        print(table[EXTRACT_COLUMNS].to_json(orient="records", force_ascii=False, indent=1))
    else:
        print(table[EXTRACT_COLUMNS].to_csv(index=False), end="")
    if args.write:
        return _write_proposals(args, tables, results, story_id)
    return 0


def _write_proposals(args: argparse.Namespace, tables: store.Tables, results, story_id: str) -> int:
    for path, text, source_id, proposals in results:
        base = {t: store.file_sha256(args.data / f"{t}.csv") for t in ("sources", "actors", "statements")}
        if not source_id:
            source_id = curation.add_article(
                args.data,
                args.seeds,
                text=text,
                title=path.stem.replace("-", " "),
                precision="unknown",
                story_id=story_id,
                base=base,
            )
            base["sources"] = store.file_sha256(args.data / "sources.csv")
            proposals = proposals.assign(source_id=source_id)
        known = set(tables.actors["actor_id"])
        fresh = proposals[~proposals["actor_id"].isin(known)].drop_duplicates("actor_id")
        new_actors = curation.new_actor_rows(fresh, story_id=story_id, story_blocs=stories.blocs_by_kind(tables))
        saved = curation.save_proposals(
            args.data,
            args.seeds,
            proposals,
            source_id=source_id,
            base=base,
            new_actors=new_actors,
            reason=f"extract --write {path.name}",
        )
        print(f"Saved {saved} unreviewed statements and {len(new_actors)} new actors from {path.name}", file=sys.stderr)
    return 0
