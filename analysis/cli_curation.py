"""The command line's curation commands (story, target, ingest, extract), so that a story can be set up and
filled from a script:

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
import hashlib
import itertools
import sys
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from analysis.data import curation, editing, paths, store, stories
from analysis.data.ingest import batch, feeds, fetch


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
    ingest = commands.add_parser("ingest", help="add articles to a story (and, with --extract, its proposals)")
    ingest.add_argument(
        "paths",
        nargs="*",
        metavar="PATH_OR_URL",
        help="articles (.txt .md .html .htm .pdf .docx), folders and .zip files of them, or http(s) links",
    )
    ingest.add_argument("--story", required=True, metavar="ID")
    ingest.add_argument("--title", default="", help="the title (one article; default: from the file name)")
    ingest.add_argument("--outlet", default="")
    ingest.add_argument("--published", type=_date, default=None, metavar="YYYY-MM-DD")
    ingest.add_argument("--precision", choices=("day", "month", "year"), default="day")
    ingest.add_argument("--target", default="", metavar="ID", help="the main target (default: the story's)")
    ingest.add_argument("--extract", action="store_true", help="also save the extractor's proposals, unreviewed")
    ingest.add_argument("--feeds", action="store_true", help="add the entries of the story's feeds not seen yet")
    ingest.add_argument(
        "--allow-private-addresses",
        action="store_true",
        default=None,
        help=f"let links reach loopback and private addresses (an intranet); also {fetch.ALLOW_PRIVATE_ENV}=1",
    )
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
    """Check the story, the target and every article named on the command line first (one refused: nothing
    is added); then add them, and what folders and zips hold, one at a time, and end with a summary."""
    try:
        tables = store.load(args.data, args.seeds)
    except store.DataError as error:
        return _refuse(f"The tables are invalid; run `python -m analysis validate`.\n{error}")
    problem, target = _checked(args, tables)
    if problem:
        return _refuse(problem)
    if args.feeds:
        return _ingest_feeds(args, target)
    named = [p for p in args.paths if not Path(p).is_dir() and not p.lower().endswith(".zip")]
    items = list(batch.items_from(named, allow_private=args.allow_private_addresses))
    for item in items:
        try:
            document = batch.read(item)
        except curation.CurationError as error:
            return _refuse(f"{item.label}: {error} Nothing was added.")
        if hashlib.sha256(document.text.encode("utf-8")).hexdigest() in set(tables.sources["sha256"]):
            continue  # the same text again: the summary says which source it copies
        title = args.title or document.title or batch.title_from(item.label)
        source_id = curation.seed_name(title, args.published or document.published).removesuffix(".txt")
        if source_id in set(tables.sources["source_id"]):
            return _refuse(f"A source {source_id!r} exists already; give another --title. Nothing was added.")
    found = batch.items_from([p for p in args.paths if p not in named])
    details = batch.Details(args.story, args.title, args.outlet, args.published, args.precision)
    with tqdm(desc="Articles", unit=" files", file=sys.stderr, disable=None) as progress:
        summary = batch.add_items(
            args.data, args.seeds, itertools.chain(items, found), details, after_each=lambda *_: progress.update()
        )
    print("\n".join(summary.lines()))
    if args.extract:
        for _, source_id in summary.added:
            _save_proposals(args, source_id, target)
    return 0 if summary.added or summary.duplicates or not summary.refused else 2


def _ingest_feeds(args: argparse.Namespace, target: str) -> int:
    if not feeds.story_feeds(store.read_tables(args.data)[0]["stories"], args.story):
        return _refuse(f"Story {args.story!r} follows no feed; add one with `python -m analysis story feed`.")
    with tqdm(desc="Entries", unit=" articles", file=sys.stderr, disable=None) as progress:
        summary, notes = feeds.check_feeds(
            args.data,
            args.seeds,
            args.story,
            allow_private=args.allow_private_addresses,
            after_each=lambda *_: progress.update(),
        )
    print("\n".join([*summary.lines(), *notes]))
    if args.extract:
        for _, source_id in summary.added:
            _save_proposals(args, source_id, target)
    return 0 if summary.added or summary.duplicates or not summary.refused else 2


def _story_feed(args: argparse.Namespace) -> int:
    try:
        raw, problems = store.read_tables(args.data)
        if problems:
            raise store.DataError(problems)
        now = feeds.story_feeds(raw["stories"], args.story_id)
        wanted = [u for u in now if u not in args.urls] if args.remove else [*now, *args.urls]
        row = raw["stories"][raw["stories"]["story_id"] == args.story_id]
        if row.empty:
            return _refuse(f"There is no story {args.story_id!r}.")
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
        return _refuse(f"No feed changed: {error}")
    print(f"Story {args.story_id} follows {len(wanted)} feed(s).")
    return 0


def _checked(args: argparse.Namespace, tables: store.Tables) -> tuple[str, str]:
    """(why nothing may be added, or "", and the ingest's main target)."""
    if args.story not in set(stories.story_ids(tables)):
        return f"There is no story {args.story!r}; add it with `python -m analysis story add`.", ""
    target = args.target or stories.main_target(tables, args.story)
    if args.target and args.target not in set(tables.story(args.story).targets["target_id"]):
        return f"Target {args.target!r} is not a target of story {args.story!r}.", ""
    if args.extract and not target:
        return f"Story {args.story!r} has no target yet; add one with `python -m analysis target add`.", ""
    if not args.paths and not args.feeds:
        return "Name the articles, folders, zips or links to add (or --feeds).", ""
    if args.title and len(args.paths) > 1:
        return "--title names one article; leave it out to take each article's own title.", ""
    return "", target


def _save_proposals(args: argparse.Namespace, source_id: str, target: str) -> None:
    from analysis.extract import extract

    tables = store.load(args.data, args.seeds)
    text = tables.texts[source_id]
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

    try:
        tables = store.load(args.data, args.seeds)
    except store.DataError as error:
        print(f"The tables are invalid; run `python -m analysis validate`.\n{error}", file=sys.stderr)
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
