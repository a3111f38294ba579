"""Feeds a story follows (RSS or Atom, read by feedparser): the entries not seen yet become articles of the
story, each fetched safely and checked like any link. Nothing is accepted on its own: the new articles wait
on the Review page (or, with `ingest --feeds --extract`, as unreviewed statements)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import feedparser

from analysis.data import store
from analysis.data.curation import CurationError
from analysis.data.ingest import batch, fetch

FEED_TYPES = {
    t: "feed"
    for t in ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
}
MAX_ENTRIES = 100  # the newest; a feed with thousands of entries is an archive, not news


@dataclass(frozen=True)
class Feed:
    url: str
    links: list[str]  # the entries' links, newest first, at most MAX_ENTRIES
    note: str = ""  # says so when the feed held more entries than were read


def story_feeds(tables_or_raw_stories, story_id: str) -> list[str]:
    stories = tables_or_raw_stories
    row = stories.loc[stories["story_id"] == story_id, "feeds"]
    return [url for url in (str(row.iloc[0]) if len(row) else "").split("|") if url]


def read_feed(url: str, *, allow_private: bool | None = None) -> Feed:
    """The feed's entry links, or CurationError (not reachable, not a feed)."""
    fetched = fetch.fetch(url, allow_private=allow_private, accept=FEED_TYPES)
    parsed = feedparser.parse(fetched.data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise CurationError(f"{url[:120]} is not an RSS or Atom feed.")
    entries = sorted(parsed.entries, key=_when, reverse=True)
    links = [e.get("link", "") for e in entries]
    links = list(dict.fromkeys(link for link in links if link.startswith(("http://", "https://"))))
    note = ""
    if len(links) > MAX_ENTRIES:
        note = f"{url[:120]} lists {len(links):,} entries; the {MAX_ENTRIES} newest were read."
    return Feed(url, links[:MAX_ENTRIES], note)


def _when(entry) -> tuple:
    return tuple(entry.get("published_parsed") or entry.get("updated_parsed") or ())


def check_feeds(
    data_dir: Path,
    seeds_dir: Path,
    story_id: str,
    *,
    allow_private: bool | None = None,
    after_each: Callable[[str, str], None] | None = None,
    after_save: Callable[[list[str]], None] | None = None,
) -> tuple[batch.Summary, list[str]]:
    """Add the entries of the story's feeds not seen yet (no source of any story has their link). Returns
    the summary and notes (feeds that were capped)."""
    raw, problems = store.read_tables(data_dir)
    if problems:
        raise store.DataError(problems)
    if story_id not in set(raw["stories"]["story_id"]):
        raise CurationError(f"There is no story {story_id!r}.")
    seen = set(raw["sources"]["url"])
    refused, notes, links = [], [], []
    for url in story_feeds(raw["stories"], story_id):
        try:
            feed = read_feed(url, allow_private=allow_private)
        except CurationError as error:
            refused.append((url, str(error)))
            continue
        notes += [feed.note] if feed.note else []
        links += [link for link in feed.links if link not in seen and link not in links]
    started = time.monotonic()
    items = (_entry(link, allow_private=allow_private) for link in links)
    summary = batch.add_items(
        data_dir, seeds_dir, items, batch.Details(story_id), after_each=after_each, after_save=after_save
    )
    summary.refused[:0] = refused
    if links:
        notes.append(f"Read {len(links)} new entries in {time.monotonic() - started:.0f} s.")
    return summary, notes


def _entry(link: str, *, allow_private: bool | None) -> batch.Item:
    """An entry's article, remembered under the entry's own link (so it is not fetched again next time)."""
    item = batch.link_item(link, allow_private=allow_private)
    return batch.Item(item.label, item.data, item.format, url=link, refused=item.refused)
