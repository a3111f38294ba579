"""Many articles at once: files, folders, zips and links turned into sources of one story, each checked
first; exact copies are never stored twice, and the run ends with what was added, what duplicated what,
and what was refused and why."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd

from analysis.data import curation, store
from analysis.data.curation import CurationError, Original
from analysis.data.ingest import fetch, formats
from analysis.data.ingest.copies import CopyIndex

MAX_ZIP_FILES = 20_000
MAX_ZIP_BYTES = 500_000_000  # uncompressed, over the whole archive: a zip bomb stops here
MAX_RATIO = 200  # a member that inflates more than this is a bomb, not an article


@dataclass(frozen=True)
class Item:
    """One article to add, as the user knows it (a path, a zip member, a link), with its bytes; or with
    the reason it cannot be read."""

    label: str
    data: bytes = b""
    format: str = ""
    url: str = ""
    refused: str = ""


@dataclass
class Summary:
    added: list[tuple[str, str]] = field(default_factory=list)  # (label, source_id)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (label, the source it copies)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (label, why)
    copies: dict[str, str] = field(default_factory=dict)  # added near copies: source_id -> its original

    def message(self) -> str:
        """One sentence for a page: the article added (and what it copies), or the counts."""
        if len(self.added) == 1 and not self.duplicates and not self.refused:
            source_id = self.added[0][1]
            copy = f", a near copy of {self.copies[source_id]} (their positions count once)" if self.copies else ""
            return f"Added {source_id} to seeds/ and sources.csv{copy}. It is chosen in “2. Review proposals”."
        if len(self.duplicates) == 1 and not self.added and not self.refused:
            return f"This text is already source {self.duplicates[0][1]}: it was not added twice."
        chosen = " The last one added is chosen in “2. Review proposals”." if self.added else ""
        return self.lines()[0] + chosen

    def lines(self) -> list[str]:
        copies = f" (near copies {len(self.copies)})" if self.copies else ""
        lines = [
            f"Added {len(self.added)}{copies}, duplicates {len(self.duplicates)}, refused {len(self.refused)}.",
            *(
                f"  added      {label} -> {source_id}"
                + (f" (a near copy of {self.copies[source_id]})" if source_id in self.copies else "")
                for label, source_id in self.added
            ),
            *(f"  duplicate  {label} = {source_id}" for label, source_id in self.duplicates),
            *(f"  refused    {label}: {why}" for label, why in self.refused),
        ]
        return lines


@dataclass(frozen=True)
class Details:
    """What the user says about the articles; a page's own metadata fills what is left empty."""

    story_id: str
    title: str = ""
    outlet: str = ""
    published: dt.date | None = None
    precision: str = "day"


def items_from(inputs: Iterable[str | Path], *, allow_private: bool | None = None) -> Iterator[Item]:
    """Each input as items: a link is fetched, a folder walked (sorted, recursively), a zip opened."""
    for given in inputs:
        text = str(given)
        if text.startswith(("http://", "https://")):
            yield _link(text, allow_private=allow_private)
            continue
        path = Path(given)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield _file(found, label=str(found))
        elif path.suffix.lower() == ".zip":
            yield from _zip(path)
        else:
            yield _file(path, label=text)


def upload_item(name: str, data: bytes, *, url: str = "") -> Item:
    """A file uploaded in the app, as an item (refused when its name or format will not do)."""
    if name != PurePosixPath(name).name or "\\" in name or any(ord(ch) < 32 for ch in name):
        return Item(name, refused="the file name must be a plain name such as 'article.pdf', without folders")
    try:
        fmt = formats.format_of(name)
    except CurationError as error:
        return Item(name, refused=str(error))
    if len(data) > formats.MAX_ORIGINAL_BYTES:
        return Item(name, refused=f"over {formats.MAX_ORIGINAL_BYTES // 1_000_000} MB")
    return Item(name, bytes(data), fmt, url=url)


def link_item(url: str, *, allow_private: bool | None = None) -> Item:
    """A link, fetched (or refused with the reason)."""
    return _link(url.strip(), allow_private=allow_private)


def _link(url: str, *, allow_private: bool | None) -> Item:
    try:
        fetched = fetch.fetch(url, allow_private=allow_private)
    except CurationError as error:
        return Item(url, refused=str(error))
    return Item(url, fetched.data, fetched.format, url=fetched.url)


def _file(path: Path, *, label: str) -> Item:
    try:
        fmt = formats.format_of(path.name)
        if path.stat().st_size > formats.MAX_ORIGINAL_BYTES:
            raise CurationError(f"The file is over {formats.MAX_ORIGINAL_BYTES // 1_000_000} MB.")
        return Item(label, path.read_bytes(), fmt)
    except CurationError as error:
        return Item(label, refused=str(error))
    except OSError as error:
        return Item(label, refused=f"could not be read ({error.strerror or error})")


def _zip(path: Path) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        yield Item(str(path), refused=f"not a readable zip ({error})")
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        total = sum(m.file_size for m in members)
        if len(members) > MAX_ZIP_FILES or total > MAX_ZIP_BYTES:
            yield Item(
                str(path),
                refused=f"the zip holds {len(members):,} files and {total / 1e6:,.0f} MB uncompressed; the limits are "
                f"{MAX_ZIP_FILES:,} files and {MAX_ZIP_BYTES // 1_000_000} MB. Split it.",
            )
            return
        for member in members:
            yield _member(archive, member, label=f"{path}:{member.filename}")


def _member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, label: str) -> Item:
    name = PurePosixPath(member.filename.replace("\\", "/"))
    if name.is_absolute() or ".." in name.parts:
        return Item(label, refused="a name that points outside the archive: skipped")
    if member.flag_bits & 0x1:
        return Item(label, refused="encrypted in the zip: skipped")
    try:
        fmt = formats.format_of(name.name)
    except CurationError as error:
        return Item(label, refused=str(error))
    if member.file_size > formats.MAX_ORIGINAL_BYTES or member.file_size > MAX_RATIO * max(member.compress_size, 1):
        return Item(label, refused="inflates far beyond its compressed size (a zip bomb?): skipped")
    try:
        with archive.open(member) as stream:
            data = stream.read(formats.MAX_ORIGINAL_BYTES + 1)
    except (zipfile.BadZipFile, RuntimeError, OSError, EOFError) as error:
        return Item(label, refused=f"could not be read from the zip ({error})")
    if len(data) > formats.MAX_ORIGINAL_BYTES:
        return Item(label, refused="larger than its header says: skipped")
    return Item(label, data, fmt)


@functools.lru_cache(maxsize=64)  # the CLI checks the articles it was named before adding them
def read(item: Item) -> formats.Document:
    """The item's article, or CurationError (its refusal, or why its bytes are not an article)."""
    if item.refused:
        raise CurationError(item.refused)
    return formats.read_document(item.data, item.format, url=item.url)


SAVE_EVERY = 200  # sources per safe save: each save re-reads and re-checks the tables, so not one per file


def add_items(
    data_dir: Path,
    seeds_dir: Path,
    items: Iterable[Item],
    details: Details,
    *,
    after_each: Callable[[str, str], None] | None = None,
    after_save: Callable[[list[str]], None] | None = None,
) -> Summary:
    """Add each readable, new item as a source of the story, reading one item at a time and saving every
    SAVE_EVERY sources (and at the end) in one safe save. `after_each(label, outcome)` hears of every item
    ("added", "near copy", "duplicate", "refused"); `after_save(source_ids)` of each save."""
    summary = Summary()
    raw, known, originals = _known_texts(data_dir, seeds_dir, details.story_id)
    pending: list[dict[str, str]] = []
    taken = set(raw["sources"]["source_id"])  # every id in use, saved or about to be
    for item in items:
        try:
            document = read(item)
            digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
            if digest in known:
                summary.duplicates.append((item.label, known[digest]))
                outcome = "duplicate"
            else:
                original, _ = originals.original_of(document.text)
                pending.append(_row(raw, seeds_dir, item, document, details, copy_of=original, taken=taken))
                source_id = pending[-1]["source_id"]
                taken.add(source_id)
                known[digest] = source_id
                summary.added.append((item.label, source_id))
                if original:
                    summary.copies[source_id] = original
                else:
                    originals.add(source_id, document.text)
                outcome = "near copy" if original else "added"
        except CurationError as error:
            summary.refused.append((item.label, str(error)))
            outcome = "refused"
        if after_each:
            after_each(item.label, outcome)
        if len(pending) >= SAVE_EVERY:
            raw = _save(data_dir, seeds_dir, raw, pending, after_save)
    if pending:
        _save(data_dir, seeds_dir, raw, pending, after_save)
    return summary


def _save(data_dir: Path, seeds_dir: Path, raw: dict, pending: list[dict], after_save) -> dict:
    """Save the pending sources (then forget them) and return the tables as they are now."""
    base = {"sources": store.file_sha256(data_dir / "sources.csv")}
    fresh, problems = store.read_tables(data_dir)
    if problems:
        raise store.DataError(problems)
    curation.add_sources(data_dir, seeds_dir, fresh, pending, base=base)
    saved = [row["source_id"] for row in pending]
    pending.clear()
    if after_save:
        after_save(saved)
    fresh, _ = store.read_tables(data_dir)
    return fresh


def _known_texts(data_dir: Path, seeds_dir: Path, story_id: str) -> tuple[dict, dict[str, str], CopyIndex]:
    """The tables, the source of each text's sha256 (every story), and the story's originals to find near
    copies of."""
    raw, problems = store.read_tables(data_dir)
    if problems:
        raise store.DataError(problems)
    sources = raw["sources"]
    originals = CopyIndex()
    mine = sources[(sources["story_id"] == story_id) & (sources["copy_of"] == "")]
    for source_id, path in zip(mine["source_id"], mine["path"]):
        originals.add(source_id, store.source_text(seeds_dir, path))
    return raw, dict(zip(sources["sha256"], sources["source_id"])), originals


def _row(
    raw: dict, seeds_dir: Path, item: Item, document: formats.Document, details: Details, *, copy_of: str, taken: set
) -> dict[str, str]:
    title = details.title or document.title or title_from(item.label)
    published = details.published or document.published
    return curation.new_source(
        raw,
        seeds_dir,
        text=document.text,
        title=_free_title(title, published, taken),
        outlet=details.outlet or document.outlet,
        published=published,
        precision=details.precision if details.published else "day",
        url=item.url,
        story_id=details.story_id,
        original=Original(item.data, document.format, document.text_extractor),
        copy_of=copy_of,
        taken=taken,
        known=(taken, set()),  # the exact copies are caught before, by the sha256s kept in add_items
    )


def title_from(label: str) -> str:
    name = label.rsplit(":", 1)[-1] if ":" in label and not label.startswith("http") else label
    stem = PurePosixPath(name.rstrip("/")).stem if not label.startswith("http") else PurePosixPath(name).name
    return " ".join(stem.replace("-", " ").replace("_", " ").split()) or "article"


def _free_title(title: str, published: dt.date | None, taken: set[str]) -> str:
    """The title, or 'title (2)', … when another source already has the id it would make."""
    candidate, number = title, 1
    while curation.seed_name(candidate, published).removesuffix(".txt") in taken:
        number += 1
        candidate = f"{title} ({number})"
    return candidate


def summary_frame(summary: Summary) -> pd.DataFrame:
    """The summary as one table, for a page."""
    rows = (
        [("added", label, source_id + _copy_note(summary, source_id)) for label, source_id in summary.added]
        + [("duplicate", label, f"same text as {source_id}") for label, source_id in summary.duplicates]
        + [("refused", label, why) for label, why in summary.refused]
    )
    return pd.DataFrame(rows, columns=["Outcome", "Article", "Detail"])


def _copy_note(summary: Summary, source_id: str) -> str:
    return f", a near copy of {summary.copies[source_id]}" if source_id in summary.copies else ""
