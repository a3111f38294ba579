"""The curator's steps, shared by the review page and the CLI: check an uploaded article, store it as a
new source, and turn accepted proposals into statement (and actor) rows saved through `saving.save`."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.data import countries, saving, store
from analysis.data.schema import COLUMNS, SLUG_PATTERN, URL_PATTERN, slug

MAX_UPLOAD_BYTES = 1_000_000
ALLOWED_SUFFIXES = (".txt", ".md")


class CurationError(ValueError):
    """The input cannot be accepted; the message says why and what to do. Nothing was written."""


@dataclass(frozen=True)
class Original:
    """The bytes an article's text was taken from, kept beside the text: a web page, a PDF, a Word file."""

    data: bytes
    format: str
    text_extractor: str


def check_upload(name: str, data: bytes) -> str:
    """The text of an uploaded article, or CurationError saying why it is refused."""
    suffix = Path(name or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise CurationError(f"Only .txt and .md files can be added (got {suffix or 'no extension'}).")
    if name != Path(name).name or "\\" in name or any(ord(ch) < 32 for ch in name):
        # A browser sends a bare file name; folders in it mean a crafted request. The name is never used
        # for the stored file (that comes from the title), but such an upload is refused outright.
        raise CurationError(
            "The file name must be a plain name such as 'article.txt', without folders "
            "or control characters. Rename the file and upload it again."
        )
    return check_text(data)


def check_text(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if not raw.strip():
        raise CurationError("The article is empty. Paste or upload its text.")
    if len(raw) > MAX_UPLOAD_BYTES:
        raise CurationError(f"The article is {len(raw) / 1e6:.1f} MB; the limit is 1 MB. Split it into parts.")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise CurationError("The file is UTF-16 text (what some editors call 'Unicode'). Re-save it as UTF-8.")
    if b"\x00" in raw:
        raise CurationError("This looks like a binary file (it holds NUL bytes), not text. Save it as .txt.")
    try:
        text = raw.decode("utf-8-sig")  # without the byte-order mark some editors put first
    except UnicodeDecodeError as error:
        raise CurationError(f"The file is not valid UTF-8 (byte {error.start}). Re-save it as UTF-8 text.") from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > max(5, len(text) // 100):
        raise CurationError("This looks like a binary file (many control characters), not text.")
    return text.replace("\r\n", "\n")


def seed_name(title: str, published: dt.date | None) -> str:
    """A file name from the title (never the uploaded name): '2026-01-eu-steel-tariffs.txt'."""
    stem = slug(title)[:60].strip("-") or "article"
    return f"{published:%Y-%m}-{stem}.txt" if published else f"{stem}.txt"


def add_article(data_dir: Path, seeds_dir: Path, *, base: dict[str, str], **article) -> str:
    """Store the text under seeds/ and add its row to sources.csv (see `new_source` for `article`).
    Returns the new source_id."""
    raw, problems = store.read_tables(data_dir)
    if problems:
        raise store.DataError(problems)
    row = new_source(raw, seeds_dir, **article)
    add_sources(data_dir, seeds_dir, raw, [row], base=base)
    return row["source_id"]


def new_source(
    raw: dict[str, pd.DataFrame],
    seeds_dir: Path,
    *,
    text: str,
    title: str,
    outlet: str = "",
    published: dt.date | None = None,
    precision: str = "day",
    url: str = "",
    story_id: str = "",
    original: Original | None = None,
    copy_of: str = "",
    taken: set[str] = frozenset(),
    known: tuple[set[str], set[str]] | None = None,
) -> dict[str, str]:
    """Store an article's text under seeds/ and return its sources.csv row, in `story_id` (which may be
    left out when there is one story only). A text converted from a web page, PDF or Word file keeps its
    `original` bytes beside it; a near copy of another article names it in `copy_of`. `taken`: ids of
    sources about to be added with it; `known`: the ids and text sha256s of the sources in `raw`, when the
    caller keeps them (an archive). The same text twice is refused, and so is a title whose id is used."""
    title = " ".join(title.split())
    if not title:
        raise CurationError("Give the article a title: it names the file and the source.")
    if url and not re.fullmatch(URL_PATTERN, url):
        raise CurationError("The URL must start with http:// or https://.")
    text = check_text(text)
    name = seed_name(title, published)
    source_id = name.removesuffix(".txt")
    ids, digests = known or (set(raw["sources"]["source_id"]), set(raw["sources"]["sha256"]))
    if source_id in ids or source_id in taken:
        raise CurationError(f"A source named {source_id!r} exists already; change the title.")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() in digests:
        same = raw["sources"].loc[raw["sources"]["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()]
        raise CurationError(f"This text is already source {same['source_id'].iloc[0]!r}: it is not added twice.")
    story_id = _story_of_new_source(raw["stories"], story_id)
    path, digest = saving.add_seed(seeds_dir, name, text)
    kept = ("", "")
    if original is not None and original.format not in ("txt", "md"):
        kept = saving.add_seed(seeds_dir, f"{source_id}.original.{original.format}", original.data)
    if published and precision == "month":
        published = published.replace(day=1)
    elif published and precision == "year":
        published = published.replace(month=1, day=1)
    return {
        "source_id": source_id,
        "story_id": story_id,
        "title": title,
        "outlet": outlet.strip(),
        "published": published.isoformat() if published else "",
        "date_precision": precision if published else "unknown",
        "url": url.strip(),
        "path": path,
        "sha256": digest,
        "format": original.format if original else "txt",
        "original": kept[0],
        "original_sha256": kept[1],
        "text_extractor": original.text_extractor if original else "",
        "copy_of": copy_of,
        "added": dt.date.today().isoformat(),
        "date_note": "Entered by the curator when the article was added.",
    }


def add_sources(
    data_dir: Path, seeds_dir: Path, raw: dict[str, pd.DataFrame], rows: list[dict[str, str]], *, base: dict[str, str]
) -> None:
    """Append new sources (from `new_source`) to sources.csv, in one safe save."""
    sources = pd.concat([raw["sources"], pd.DataFrame(rows)], ignore_index=True)
    reason = f"add source {rows[0]['source_id']}" if len(rows) == 1 else f"add {len(rows)} sources"
    saving.save(data_dir, seeds_dir, {"sources": sources}, base=base, reason=reason)


def _story_of_new_source(stories: pd.DataFrame, story_id: str) -> str:
    known = stories["story_id"].tolist()
    if story_id:
        if story_id not in known:
            raise CurationError(f"There is no story {story_id!r}; known stories: {', '.join(known) or 'none'}.")
        return story_id
    if len(known) == 1:
        return known[0]
    raise CurationError("Choose the story the article belongs to.")


def correct_statement(
    data_dir: Path,
    seeds_dir: Path,
    statement_id: str,
    *,
    stance: str,
    target_id: str,
    summary: str,
    reviewed: bool,
    base: str,
) -> None:
    """Save a curator's correction of one statement: its stance, target, summary and reviewed flag, through
    the same validated, locked, stale-checked save as everything else. `base` is the sha256 of
    statements.csv as the curator saw it."""
    raw, problems = store.read_tables(Path(data_dir))
    statements = raw.get("statements")
    if problems or statements is None:
        raise CurationError("The tables cannot be read; reload the page.")
    mask = statements["statement_id"] == statement_id
    statements.loc[mask, ["stance", "target_id", "summary", "reviewed"]] = [
        stance,
        target_id,
        " ".join(summary.split()),
        "true" if reviewed else "false",
    ]
    saving.save(
        data_dir, seeds_dir, {"statements": statements}, base={"statements": base}, reason=f"correct {statement_id}"
    )


def next_ids(existing, prefix: str, count: int) -> list[str]:
    numbers = [int(m.group(1)) for i in existing if (m := re.fullmatch(rf"{prefix}(\d+)", i))]
    start = max(numbers, default=0) + 1
    return [f"{prefix}{n:03d}" for n in range(start, start + count)]


def accepted_rows(
    proposals: pd.DataFrame, raw: dict[str, pd.DataFrame], *, source_id: str, new_actors: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(statements, actors) tables with the accepted proposals (and their new actors) appended.

    `proposals` has the extractor's columns (actor, actor_id, stance, target_id, quote/evidence, start, end,
    cue, mode, confidence). A proposal whose actor_id is not in actors.csv needs a row in `new_actors`
    (actor_id, name, kind, country, bloc), else it is refused.
    """
    actors = with_new_actors(raw["actors"], new_actors)
    _check_known(proposals, actors)
    ids = next_ids(raw["statements"]["statement_id"], "s", len(proposals))
    return pd.concat([raw["statements"], statement_rows(proposals, source_id, ids)], ignore_index=True), actors


def with_new_actors(actors: pd.DataFrame, new_actors: pd.DataFrame | None) -> pd.DataFrame:
    if new_actors is None or not len(new_actors):
        return actors
    additions = new_actors.assign(party="", aliases="").astype(str)
    clash = sorted(set(additions["actor_id"]) & set(actors["actor_id"]))
    if clash:
        raise CurationError(f"New actor id(s) already used: {', '.join(clash)}. Pick the existing actor.")
    bad = [a for a in additions["actor_id"] if not re.fullmatch(SLUG_PATTERN, a)]
    if bad:
        raise CurationError(f"Actor ids must be lower-case slugs such as 'french-government': {bad[0]!r}.")
    return pd.concat([actors, additions[list(COLUMNS["actors"])]], ignore_index=True)


def _check_known(proposals: pd.DataFrame, actors: pd.DataFrame) -> None:
    unknown = sorted(set(proposals["actor_id"]) - set(actors["actor_id"]))
    if unknown:
        raise CurationError(f"Describe the new actor(s) before saving: {', '.join(unknown)}.")


def statement_rows(proposals: pd.DataFrame, source_id: str, ids: list[str]) -> pd.DataFrame:
    """statements.csv rows for accepted proposals of one source, with these statement ids."""
    return pd.DataFrame(
        {
            "statement_id": ids,
            "source_id": source_id,
            "actor_id": proposals["actor_id"].astype(str).tolist(),
            "target_id": proposals["target_id"].astype(str).tolist(),
            "stance": proposals["stance"].astype(str).tolist(),
            "quote": proposals["quote"].astype(str).tolist(),
            "start": proposals["start"].astype(int).astype(str).tolist(),
            "end": proposals["end"].astype(int).astype(str).tolist(),
            "cue": proposals["cue"].astype(str).tolist(),
            # the summary says the stance as accepted, not as first proposed
            "summary": [
                summary_of(name, cue, stance)
                for name, cue, stance in zip(
                    proposals.get("actor", proposals["actor_id"]).astype(str),
                    proposals["cue"].astype(str),
                    proposals["stance"].astype(str),
                )
            ],
            "mode": proposals["mode"].astype(str).tolist(),
            "date": _column(proposals, "date", ""),
            "date_precision": [p or "unknown" for p in _column(proposals, "date_precision", "unknown")],
            "confidence": [f"{float(c):.2f}" for c in proposals["confidence"]],
            "origin": "extracted",
            "reviewed": proposals.get("reviewed", pd.Series([False] * len(proposals)))
            .map(lambda r: "true" if bool(r) else "false")
            .tolist(),
        },
        columns=list(COLUMNS["statements"]),
    )


def summary_of(name: str, cue: str, stance: str) -> str:
    """A statement's one-line summary, in the stance it was saved with: 'Ombria: warned (cautious)'."""
    return f"{name}: {cue or 'said'} ({stance})"


def _column(frame: pd.DataFrame, column: str, default: str) -> list[str]:
    if column not in frame.columns:
        return [default] * len(frame)
    return [_date_text(v) if column == "date" else (str(v) if v is not None else default) for v in frame[column]]


def _date_text(value) -> str:
    if value is None or value == "" or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d") if not isinstance(value, str) else value


def dated(proposals: pd.DataFrame, *, published, precision: str) -> pd.DataFrame:
    """The proposals dated as their article is, where the extractor found no date of its own."""
    day = _date_text(published)
    if not day:
        return proposals
    own = proposals["date"].astype(str).str.strip() if "date" in proposals.columns else pd.Series("", proposals.index)
    undated = own.eq("") | own.eq("NaT")
    return proposals.assign(
        date=own.where(~undated, day),
        date_precision=(
            proposals["date_precision"].astype(str)
            if "date_precision" in proposals.columns
            else pd.Series("unknown", proposals.index)
        ).where(~undated, precision),
    )


def save_proposals(
    data_dir: Path,
    seeds_dir: Path,
    proposals: pd.DataFrame,
    *,
    source_id: str,
    base: dict[str, str],
    new_actors: pd.DataFrame | None = None,
    reason: str = "",
) -> int:
    """Validate and save accepted proposals (and new actors, placed in the source's story's blocs) in one
    locked, stale-checked save. A proposal with no date of its own takes its article's date."""
    return save_many_proposals(
        data_dir,
        seeds_dir,
        [(source_id, proposals)],
        new_actors=new_actors,
        base=base,
        reason=reason or f"accept proposals from {source_id}",
    )


def save_many_proposals(
    data_dir: Path,
    seeds_dir: Path,
    by_source: list[tuple[str, pd.DataFrame]],
    *,
    new_actors: pd.DataFrame | None,
    base: dict[str, str],
    reason: str,
) -> int:
    """`save_proposals` for several articles of one story at once: (source_id, proposals) each, one save."""
    raw, problems = store.read_tables(Path(data_dir))
    if problems:
        raise store.DataError(problems)
    actors = with_new_actors(raw["actors"], new_actors)
    sources = raw["sources"].set_index("source_id")
    ids = iter(next_ids(raw["statements"]["statement_id"], "s", sum(len(p) for _, p in by_source)))
    rows = []
    for source_id, proposals in by_source:
        _check_known(proposals, actors)
        if source_id in sources.index:
            source = sources.loc[source_id]
            proposals = dated(proposals, published=source["published"], precision=source["date_precision"])
        rows.append(statement_rows(proposals, source_id, [next(ids) for _ in range(len(proposals))]))
    changes = {"statements": pd.concat([raw["statements"], *rows], ignore_index=True)}
    if len(actors) != len(raw["actors"]):
        changes["actors"] = actors
        story_id = sources.loc[by_source[0][0], "story_id"] if by_source[0][0] in sources.index else ""
        placed = new_actors.assign(story_id=story_id)[["story_id", "actor_id", "bloc"]].astype(str)
        changes["story_blocs"] = pd.concat([raw["story_blocs"], placed], ignore_index=True)
        # the new actors' places in their story follow from this very save: checked against the file as read
        base = {"story_blocs": store.file_sha256(Path(data_dir) / "story_blocs.csv"), **base}
    saving.save(data_dir, seeds_dir, changes, base=base, reason=reason)
    return sum(len(r) for r in rows)


GOVERNMENT_WORDS = re.compile(
    r"\b(?:ministry|minister|government|department|presidency|cabinet|embassy|foreign office|state department|"
    r"treasury|agency|authority|commission|regulator)\b",
    re.IGNORECASE,
)


def new_actor_rows(
    proposals: pd.DataFrame, *, story_id: str = "", story_blocs: pd.DataFrame | None = None
) -> pd.DataFrame:
    """A row (actor_id, name, kind, country, bloc) for each new actor of some proposals, guessed sensibly:
    a ministry or an agency is part of a government (kind 'government' or 'agency'), the country is the
    extractor's when it knows it, and the bloc is the story's bloc that already holds actors of that kind
    (else 'Unsorted', for the curator to name)."""
    rows = []
    for proposal in proposals.drop_duplicates("actor_id").itertuples():
        kind = str(proposal.actor_kind or "organization")
        if kind == "organization" and GOVERNMENT_WORDS.search(str(proposal.actor)):
            kind = (
                "government"
                if re.search(r"ministry|government|presidency|cabinet", str(proposal.actor), re.I)
                else "agency"
            )
        name = str(proposal.actor)
        if kind == "government" and proposal.actor_country:
            # "Tokyo" and "the Japanese government" in the text are one actor in the table: Japan
            name = countries.short_names().get(str(proposal.actor_country), name)
        rows.append(
            {
                "actor_id": str(proposal.actor_id),
                "name": name,
                "kind": kind,
                "country": str(proposal.actor_country or ""),
                "bloc": str(proposal.actor_bloc or "") or _bloc_for(kind, story_id, story_blocs),
            }
        )
    return pd.DataFrame(rows, columns=["actor_id", "name", "kind", "country", "bloc"])


def _bloc_for(kind: str, story_id: str, story_blocs: pd.DataFrame | None) -> str:
    return "Unsorted" if story_blocs is None or story_blocs.empty else _most_common_bloc(story_blocs, story_id, kind)


def _most_common_bloc(story_blocs: pd.DataFrame, story_id: str, kind: str) -> str:
    blocs = story_blocs[(story_blocs["story_id"] == story_id) & (story_blocs.get("kind", kind) == kind)]
    return str(blocs["bloc"].mode().iloc[0]) if len(blocs) else "Unsorted"
