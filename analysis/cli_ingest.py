"""`python -m analysis ingest`: articles into a story from files of any format, folders, zips, links or
the story's feeds, with a summary at the end; with --extract, the extractor's proposals saved as unreviewed
statements, a batch at a time, on every core (or on a Dask cluster with --dask tcp://HOST:PORT).

    python -m analysis ingest PATH_OR_URL... --story ID [--title T] [--outlet O] [--published YYYY-MM-DD]
                              [--precision day|month|year] [--target ID] [--extract] [--dask ADDRESS]
                              [--allow-private-addresses]
    python -m analysis ingest --feeds --story ID [--extract]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import sys
import time
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from analysis.data import curation, paths, store, stories
from analysis.data.ingest import batch, feeds, fetch


def add_command(commands) -> None:
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
        "--dask", default=None, metavar="tcp://HOST:PORT", help="run the extraction on this Dask scheduler"
    )
    ingest.add_argument(
        "--allow-private-addresses",
        action="store_true",
        default=None,
        help=f"let links reach loopback and private addresses (an intranet); also {fetch.ALLOW_PRIVATE_ENV}=1",
    )
    ingest.add_argument("--data", type=Path, default=paths.data_dir(), help="tables folder")
    ingest.add_argument("--seeds", type=Path, default=paths.seeds_dir(), help="documents folder")
    ingest.set_defaults(run=ingest_command)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from error


def refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def ingest_command(args: argparse.Namespace) -> int:
    """Check the story, the target and every article named on the command line first (one refused: nothing
    is added); then add them, and what folders and zips hold, one at a time, and end with a summary."""
    try:
        tables = store.load(args.data, args.seeds)
    except store.DataError as error:
        return refuse(f"The tables are invalid; run `python -m analysis validate`.\n{error}")
    problem, target = _checked(args, tables)
    if problem:
        return refuse(problem)
    extraction = Extraction(args, target) if args.extract else None
    try:
        return _ingest(args, tables, extraction)
    finally:
        if extraction:
            extraction.close()


def _ingest(args: argparse.Namespace, tables: store.Tables, extraction: Extraction | None) -> int:
    after_save = extraction.run if extraction else None
    if args.feeds:
        if not feeds.story_feeds(tables.stories, args.story):
            return refuse(f"Story {args.story!r} follows no feed; add one with `python -m analysis story feed`.")
        with tqdm(desc="Entries", unit=" articles", file=sys.stderr, disable=None) as progress:
            summary, notes = feeds.check_feeds(
                args.data,
                args.seeds,
                args.story,
                allow_private=args.allow_private_addresses,
                after_each=lambda *_: progress.update(),
                after_save=after_save,
            )
        return _report(summary, notes, extraction)
    named = [p for p in args.paths if not Path(p).is_dir() and not p.lower().endswith(".zip")]
    items = list(batch.items_from(named, allow_private=args.allow_private_addresses))
    problem = _named_problem(args, tables, items)
    if problem:
        return refuse(problem)
    found = batch.items_from([p for p in args.paths if p not in named])
    details = batch.Details(args.story, args.title, args.outlet, args.published, args.precision)
    with tqdm(desc="Articles", unit=" files", file=sys.stderr, disable=None) as progress:
        summary = batch.add_items(
            args.data,
            args.seeds,
            itertools.chain(items, found),
            details,
            after_each=lambda *_: progress.update(),
            after_save=after_save,
        )
    return _report(summary, [], extraction)


def _report(summary: batch.Summary, notes: list[str], extraction: Extraction | None) -> int:
    print("\n".join([*summary.lines(), *notes, *([extraction.line()] if extraction else [])]))
    return 0 if summary.added or summary.duplicates or not summary.refused else 2


def _named_problem(args: argparse.Namespace, tables: store.Tables, items: list[batch.Item]) -> str:
    """Why the articles named on the command line cannot all be added ("" when they can)."""
    for item in items:
        try:
            document = batch.read(item)
        except curation.CurationError as error:
            return f"{item.label}: {error} Nothing was added."
        if hashlib.sha256(document.text.encode("utf-8")).hexdigest() in set(tables.sources["sha256"]):
            continue  # the same text again: the summary says which source it copies
        title = args.title or document.title or batch.title_from(item.label)
        source_id = curation.seed_name(title, args.published or document.published).removesuffix(".txt")
        if source_id in set(tables.sources["source_id"]):
            return f"A source {source_id!r} exists already; give another --title. Nothing was added."
    return ""


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


class Extraction:
    """The extractor's proposals for each batch of sources just saved, written as unreviewed statements in
    one save per batch: extracted on every core, or on a Dask cluster."""

    def __init__(self, args: argparse.Namespace, target: str):
        self.args, self.target = args, target
        self.statements = self.sources = 0
        self.seconds = 0.0
        self.pool = None  # started at the first batch of several articles, kept for the next ones

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()

    def run(self, source_ids: list[str]) -> None:
        from analysis.extract.batch import extract_many, process_pool

        started = time.perf_counter()
        raw, problems = store.read_tables(self.args.data)
        if problems:
            raise store.DataError(problems)
        # Assembled without the checks a load runs over every source: the save below checks what it adds.
        tables = store.assemble(raw, {})
        story = tables.story(self.args.story)
        paths_of = dict(zip(raw["sources"]["source_id"], raw["sources"]["path"]))
        texts = [store.source_text(self.args.seeds, paths_of[s]) for s in source_ids]
        every = extract_many(
            texts,
            actors=stories.extraction_actors(tables, self.args.story),
            targets=story.targets,
            main_target=self.target,
            source_ids=source_ids,
            workers=None if len(texts) > 1 else 1,
            dask=self.args.dask,
            pool=self._pool(len(texts), process_pool),
        )
        by_source = [
            (source_id, stories.story_collectives(tables, self.args.story, proposals))
            for source_id, proposals in zip(source_ids, every)
        ]
        proposed = pd.concat([p for _, p in by_source], ignore_index=True)
        fresh = proposed[~proposed["actor_id"].isin(set(tables.actors["actor_id"]))]
        new_actors = curation.new_actor_rows(fresh, story_id=self.args.story, story_blocs=stories.blocs_by_kind(tables))
        base = {t: store.file_sha256(self.args.data / f"{t}.csv") for t in ("statements", "actors")}
        self.statements += curation.save_many_proposals(
            self.args.data,
            self.args.seeds,
            by_source,
            new_actors=new_actors,
            base=base,
            reason=f"ingest --extract {len(source_ids)} sources",
        )
        self.sources += len(source_ids)
        self.seconds += time.perf_counter() - started

    def _pool(self, documents: int, start):
        if self.pool is None and documents > 1 and not self.args.dask:
            self.pool = start()
        return self.pool

    def line(self) -> str:
        where = f"on {self.args.dask}" if self.args.dask else "on every core"
        return (
            f"Saved {self.statements} unreviewed statements from {self.sources} articles "
            f"({self.seconds:.1f} s of extraction {where})."
        )
