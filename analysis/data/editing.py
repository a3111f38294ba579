"""Creating and editing the story records through the safe save: stories, targets, context events, an
actor's details and a story's blocs. Each function checks what it is given, then saves every table it
changes in one validated, locked, stale-checked save, or raises and writes nothing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from analysis.data import curation, saving, store
from analysis.data.schema import (
    ACTOR_KINDS,
    DATE_PRECISIONS,
    EVENT_ROLES,
    MODES,
    SLUG_PATTERN,
    STANCES,
    STORY_STATUSES,
    iso_countries,
    slug,
)


class EditError(ValueError):
    """What was asked cannot be saved: the message says which field and why."""

    def __init__(self, message: str, *, field: str = ""):
        super().__init__(message)
        self.field = field


def _raw(data_dir: Path) -> dict[str, pd.DataFrame]:
    raw, problems = store.read_tables(data_dir)
    if problems:
        raise store.DataError(problems)
    return raw


def _appended(frame: pd.DataFrame, row: dict) -> pd.DataFrame:
    return pd.concat([frame, pd.DataFrame([row], columns=frame.columns)], ignore_index=True)


def _new_id(given: str, name: str, existing, *, field: str) -> str:
    new = given.strip() or slug(name)
    if not re.match(SLUG_PATTERN, new):
        raise EditError(f"{new!r} is not a slug: lower-case letters, digits and hyphens only.", field=field)
    if new in set(existing):
        raise EditError(f"{new!r} exists already; choose another id.", field=field)
    return new


def _required(value: str, what: str, *, field: str) -> str:
    value = " ".join(str(value).split())
    if not value:
        raise EditError(f"Give the {what}.", field=field)
    return value


def add_story(
    data_dir: Path,
    seeds_dir: Path,
    *,
    title: str,
    base: dict[str, str],
    story_id: str = "",
    description: str = "",
    target_label: str = "",
    target_keywords: str = "",
    target_description: str = "",
    status: str = "active",
) -> str:
    """A new story, and its first target (which becomes its default target) when `target_label` is given.
    Returns the new story_id."""
    raw = _raw(data_dir)
    title = _required(title, "story a title", field="title")
    story_id = _new_id(story_id, title, raw["stories"]["story_id"], field="story_id")
    tables = {}
    default_target = ""
    if target_label.strip():
        target_id = _new_id("", target_label, raw["targets"]["target_id"], field="target_label")
        tables["targets"] = _appended(
            raw["targets"],
            {
                "target_id": target_id,
                "story_id": story_id,
                "label": _required(target_label, "target a label", field="target_label"),
                "description": " ".join(target_description.split()),
                "keywords": _keywords(target_keywords),
            },
        )
        default_target = target_id
    tables["stories"] = _appended(
        raw["stories"],
        {
            "story_id": story_id,
            "title": title,
            "description": " ".join(description.split()),
            "created": dt.date.today().isoformat(),
            "status": status,
            "default_target": default_target,
            "feeds": "",
        },
    )
    saving.save(data_dir, seeds_dir, tables, base=base, reason=f"add story {story_id}")
    return story_id


def _keywords(text: str) -> str:
    """'a | b, c' -> 'a|b|c': the words that name a target in a text, |-separated."""
    return "|".join(k.strip() for k in re.split(r"[|\n]", text) if k.strip())


def add_target(
    data_dir: Path,
    seeds_dir: Path,
    *,
    story_id: str,
    label: str,
    base: dict[str, str],
    target_id: str = "",
    keywords: str = "",
    description: str = "",
    make_default: bool = False,
) -> str:
    """A new target of a story (what a stance is about). Returns the new target_id."""
    raw = _raw(data_dir)
    if story_id not in set(raw["stories"]["story_id"]):
        raise EditError(f"There is no story {story_id!r}.", field="story_id")
    label = _required(label, "target a label", field="label")
    target_id = _new_id(target_id, label, raw["targets"]["target_id"], field="target_id")
    tables = {
        "targets": _appended(
            raw["targets"],
            {
                "target_id": target_id,
                "story_id": story_id,
                "label": label,
                "description": " ".join(description.split()),
                "keywords": _keywords(keywords),
            },
        )
    }
    stories = raw["stories"]
    row = stories["story_id"] == story_id
    if make_default or not stories.loc[row, "default_target"].iloc[0]:
        tables["stories"] = stories.assign(default_target=stories["default_target"].where(~row, target_id))
    saving.save(data_dir, seeds_dir, tables, base=base, reason=f"add target {target_id} to {story_id}")
    return target_id


def _source(raw: dict[str, pd.DataFrame], source_id: str, *, field: str = "source_id") -> pd.Series:
    rows = raw["sources"][raw["sources"]["source_id"] == source_id]
    if rows.empty:
        raise EditError(f"There is no source {source_id!r}.", field=field)
    return rows.iloc[0]


def evidence(seeds_dir: Path, source: pd.Series, start: int, end: int, *, field: str = "evidence") -> tuple[int, int]:
    """The span (start, end) of a source's text, with the spaces at its ends left out; EditError when it is
    empty or runs past the text. The quote is then text[start:end], verbatim by construction."""
    text = store.source_text(seeds_dir, source["path"])
    if not (0 <= start < end <= len(text)):
        raise EditError(f"Select some text of the article (characters 0 to {len(text)}).", field=field)
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    if start >= end:
        raise EditError("The selected text is only spaces; select some words.", field=field)
    return start, end


def add_event(
    data_dir: Path,
    seeds_dir: Path,
    *,
    story_id: str,
    title: str,
    source_id: str,
    start: int,
    end: int,
    base: dict[str, str],
    date: dt.date | None = None,
    precision: str = "day",
    role: str = "milestone",
    actor_ids: tuple[str, ...] = (),
    description: str = "",
    event_id: str = "",
) -> str:
    """A context event of a story (a date on the timeline), with its evidence at its offsets in one of the
    story's sources. Returns the new event_id."""
    raw = _raw(data_dir)
    if story_id not in set(raw["stories"]["story_id"]):
        raise EditError(f"There is no story {story_id!r}.", field="story_id")
    title = _required(title, "event a title", field="title")
    if role not in EVENT_ROLES:
        raise EditError(f"The role is one of {', '.join(EVENT_ROLES)}.", field="role")
    if date is not None and precision not in DATE_PRECISIONS:
        raise EditError(f"The date is known to the {', '.join(DATE_PRECISIONS[:3])}.", field="precision")
    source = _source(raw, source_id)
    if source["story_id"] != story_id:
        raise EditError("The evidence must come from an article of this story.", field="source_id")
    unknown = sorted(set(actor_ids) - set(raw["actors"]["actor_id"]))
    if unknown:
        raise EditError(f"Unknown actor(s): {', '.join(unknown)}.", field="actor_ids")
    start, end = evidence(seeds_dir, source, start, end)
    event_id = _new_id(event_id, f"{story_id}-{title}"[:60], raw["events"]["event_id"], field="event_id")
    row = {
        "event_id": event_id,
        "story_id": story_id,
        "date": _dated(date, precision),
        "date_precision": precision if date else "unknown",
        "role": role,
        "title": title,
        "description": " ".join(description.split()),
        "actor_ids": "|".join(actor_ids),
        "source_id": source_id,
        "quote": store.source_text(seeds_dir, source["path"])[start:end],
        "start": str(start),
        "end": str(end),
        "date_note": "Entered by the curator.",
    }
    tables = {"events": _appended(raw["events"], row)}
    saving.save(data_dir, seeds_dir, tables, base=base, reason=f"add event {event_id} to {story_id}")
    return event_id


def _dated(date: dt.date | None, precision: str) -> str:
    """A date as stored: the first day of its month or year when only that is known."""
    if date is None:
        return ""
    if precision == "month":
        date = date.replace(day=1)
    elif precision == "year":
        date = date.replace(month=1, day=1)
    return date.isoformat()


def edit_story(
    data_dir: Path,
    seeds_dir: Path,
    story_id: str,
    *,
    title: str,
    description: str,
    status: str,
    default_target: str,
    base: dict[str, str],
    feeds: list[str] | None = None,
) -> None:
    """Change a story's title, description, status (active or archived), default target and, when given,
    the feeds it follows."""
    raw = _raw(data_dir)
    stories = raw["stories"]
    row = stories["story_id"] == story_id
    if not row.any():
        raise EditError(f"There is no story {story_id!r}.", field="story_id")
    title = _required(title, "story a title", field="title")
    if status not in STORY_STATUSES:
        raise EditError(f"The status is {' or '.join(STORY_STATUSES)}.", field="status")
    own = set(raw["targets"].loc[raw["targets"]["story_id"] == story_id, "target_id"])
    if default_target and default_target not in own:
        raise EditError("The default target must be one of this story's targets.", field="default_target")
    changed = stories.copy()
    changed.loc[row, ["title", "description", "status", "default_target"]] = [
        title,
        " ".join(description.split()),
        status,
        default_target,
    ]
    if feeds is not None:
        changed.loc[row, "feeds"] = feed_list(feeds)
    saving.save(data_dir, seeds_dir, {"stories": changed}, base=base, reason=f"edit story {story_id}")


def feed_list(feeds: list[str]) -> str:
    """Feed links as stories.csv holds them (|-separated, each once), or EditError naming a bad one."""
    kept = list(dict.fromkeys(url.strip() for url in feeds if url.strip()))
    for url in kept:
        if not re.fullmatch(r"https?://[^\s|]+", url):
            raise EditError(f"Not a feed link: {url[:120]!r} (an http:// or https:// address).", field="feeds")
    return "|".join(kept)


def edit_actor(
    data_dir: Path,
    seeds_dir: Path,
    actor_id: str,
    *,
    name: str,
    kind: str,
    country: str,
    bloc: str,
    base: dict[str, str],
    party: str = "",
    aliases: str = "",
) -> None:
    """Change an actor's details (they hold in every story): name, kind, country, default bloc, party and
    the other names it goes by (|-separated)."""
    raw = _raw(data_dir)
    actors = raw["actors"]
    row = actors["actor_id"] == actor_id
    if not row.any():
        raise EditError(f"There is no actor {actor_id!r}.", field="actor_id")
    name = _required(name, "actor a name", field="name")
    if kind not in ACTOR_KINDS:
        raise EditError(f"The kind is one of {', '.join(ACTOR_KINDS)}.", field="kind")
    country = country.strip().upper()
    if country not in iso_countries():
        raise EditError(f"{country!r} is not an ISO alpha-3 code such as 'FRA'; or leave it empty.", field="country")
    bloc = _required(bloc, "actor a bloc", field="bloc")
    changed = actors.copy()
    changed.loc[row, ["name", "kind", "country", "bloc", "party", "aliases"]] = [
        name,
        kind,
        country,
        bloc,
        " ".join(party.split()),
        _keywords(aliases),
    ]
    saving.save(data_dir, seeds_dir, {"actors": changed}, base=base, reason=f"edit actor {actor_id}")


def set_story_bloc(
    data_dir: Path, seeds_dir: Path, *, story_id: str, actor_id: str, bloc: str, base: dict[str, str]
) -> None:
    """Put an actor in a bloc of one story ("Venezuela's allies" only makes sense in one story); an empty
    bloc drops the story's own grouping, so the actor's default bloc shows again."""
    raw = _raw(data_dir)
    if story_id not in set(raw["stories"]["story_id"]):
        raise EditError(f"There is no story {story_id!r}.", field="story_id")
    if actor_id not in set(raw["actors"]["actor_id"]):
        raise EditError(f"There is no actor {actor_id!r}.", field="actor_id")
    blocs = raw["story_blocs"]
    others = blocs[~((blocs["story_id"] == story_id) & (blocs["actor_id"] == actor_id))]
    bloc = " ".join(bloc.split())
    if bloc:
        others = _appended(others, {"story_id": story_id, "actor_id": actor_id, "bloc": bloc})
    saving.save(
        data_dir,
        seeds_dir,
        {"story_blocs": others.reset_index(drop=True)},
        base=base,
        reason=f"bloc of {actor_id} in {story_id}: {bloc or 'default'}",
    )


def add_statement(
    data_dir: Path,
    seeds_dir: Path,
    *,
    source_id: str,
    start: int,
    end: int,
    actor_id: str,
    stance: str,
    target_id: str,
    base: dict[str, str],
    cue: str = "",
    summary: str = "",
    mode: str = "direct",
    confidence: float = 0.9,
    new_actor: dict[str, str] | None = None,
) -> str:
    """A statement the extractor missed, from evidence the curator selected: the quote is the source's text
    at [start, end), so it is verbatim. With `new_actor` (name, kind, country, bloc), the actor is created
    in the same save (and placed in the story's blocs). Dated as the article is. Returns its statement_id."""
    raw = _raw(data_dir)
    source = _source(raw, source_id)
    story_id = source["story_id"]
    if stance not in STANCES:
        raise EditError(f"The stance is one of {', '.join(STANCES)}.", field="stance")
    if mode not in MODES:
        raise EditError(f"The mode is one of {', '.join(MODES)}.", field="mode")
    own = set(raw["targets"].loc[raw["targets"]["story_id"] == story_id, "target_id"])
    if target_id not in own:
        raise EditError("Choose one of this story's targets.", field="target_id")
    start, end = evidence(seeds_dir, source, start, end)
    tables: dict[str, pd.DataFrame] = {}
    actors = raw["actors"]
    name = ""
    if new_actor is not None:
        actor_id, tables = _new_actor(raw, new_actor, story_id=story_id)
        name = _required(new_actor.get("name", ""), "new actor a name", field="new_actor_name")
    elif actor_id not in set(actors["actor_id"]):
        raise EditError("Choose who said it, or name a new actor.", field="actor_id")
    else:
        name = str(actors.loc[actors["actor_id"] == actor_id, "name"].iloc[0])
    cue = " ".join(cue.split())
    statement_id = curation.next_ids(raw["statements"]["statement_id"], "s", 1)[0]
    row = {
        "statement_id": statement_id,
        "source_id": source_id,
        "actor_id": actor_id,
        "target_id": target_id,
        "stance": stance,
        "quote": store.source_text(seeds_dir, source["path"])[start:end],
        "start": str(start),
        "end": str(end),
        "cue": cue,
        "summary": " ".join(summary.split()) or curation.summary_of(name, cue, stance),
        "mode": mode,
        "date": str(source["published"]),
        "date_precision": str(source["date_precision"]) if source["published"] else "unknown",
        "confidence": f"{min(max(float(confidence), 0.0), 1.0):.2f}",
        "origin": "curated",
        "reviewed": "true",
    }
    tables["statements"] = _appended(raw["statements"], row)
    saving.save(data_dir, seeds_dir, tables, base=base, reason=f"add statement {statement_id} from {source_id}")
    return statement_id


def _new_actor(raw: dict[str, pd.DataFrame], details: dict[str, str], *, story_id: str):
    """(actor_id, tables) for an actor created with a statement: the actors table with its row, and the
    story's blocs with its place."""
    name = _required(details.get("name", ""), "new actor a name", field="new_actor_name")
    actor_id = _new_id(details.get("actor_id", ""), name, raw["actors"]["actor_id"], field="new_actor_name")
    kind = details.get("kind", "organization")
    if kind not in ACTOR_KINDS:
        raise EditError(f"The kind is one of {', '.join(ACTOR_KINDS)}.", field="new_actor_kind")
    country = details.get("country", "").strip().upper()
    if country not in iso_countries():
        raise EditError(f"{country!r} is not an ISO alpha-3 code such as 'FRA'.", field="new_actor_country")
    bloc = _required(details.get("bloc", ""), "new actor a bloc", field="new_actor_bloc")
    row = {"actor_id": actor_id, "name": name, "kind": kind, "country": country, "bloc": bloc}
    tables = {
        "actors": _appended(raw["actors"], {**row, "party": "", "aliases": ""}),
        "story_blocs": _appended(raw["story_blocs"], {"story_id": story_id, "actor_id": actor_id, "bloc": bloc}),
    }
    return actor_id, tables
