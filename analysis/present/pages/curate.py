"""Curate the story: what the story's forms start from (its record, targets, events, actors and blocs),
shown as plain tables and choices. The saves themselves are analysis.data.editing's."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.data import stories
from analysis.data.store import Tables
from analysis.present import wording
from analysis.present.pages.evidence import story_blocs


@dataclass(frozen=True)
class StoryRecord:
    story_id: str
    title: str
    description: str
    status: str
    default_target: str
    demo: bool
    feeds: list[str]  # the RSS/Atom feeds the story follows


@dataclass(frozen=True)
class CuratePage:
    story: StoryRecord | None  # None when the dataset has no story yet
    headline: str
    targets: pd.DataFrame  # the story's targets, with how many statements each holds
    target_labels: dict[str, str]
    events: pd.DataFrame  # the story's context events, by date
    sources: list[str]  # the story's sources, for an event's evidence
    source_labels: dict[str, str]
    actors: list[str]  # the story's actors first, then every other actor
    actor_names: dict[str, str]
    blocs: list[str]  # the blocs of this story


def curate_page(tables: Tables) -> CuratePage:
    whole = tables.whole or tables
    record = _record(whole, tables.story_id)
    counts = tables.statements["target_id"].value_counts()
    targets = pd.DataFrame(
        {
            "Target": tables.targets["label"].astype(str),
            "Id": tables.targets["target_id"].astype(str),
            "Words that name it": tables.targets["keywords"].astype(str).str.replace("|", " · ", regex=False),
            "Statements": [int(counts.get(t, 0)) for t in tables.targets["target_id"]],
            "Default": [record is not None and t == record.default_target for t in tables.targets["target_id"]],
        }
    )
    names = dict(zip(whole.actors["actor_id"], whole.actors["name"]))
    events = tables.events.sort_values(["date", "event_id"], na_position="first", kind="stable")
    event_table = pd.DataFrame(
        {
            "Date": [d.strftime("%Y-%m-%d") if pd.notna(d) else "undated" for d in events["date"]],
            "Role": events["role"].astype(str),
            "Event": events["title"].astype(str),
            "Actors": [", ".join(names.get(a, a) for a in str(ids).split("|") if a) for ids in events["actor_ids"]],
            "Evidence": events["quote"].astype(str),
        }
    )
    own = tables.actors.sort_values("name", key=lambda s: s.str.lower())["actor_id"].tolist()
    others = whole.actors[~whole.actors["actor_id"].isin(set(own))].sort_values("name", key=lambda s: s.str.lower())[
        "actor_id"
    ]
    headline = (
        f"{record.title}: " if record else "No story yet: "
    ) + f"{wording.plural(len(tables.targets), 'target')}, {wording.plural(len(tables.events), 'context event')}, "
    headline += f"{wording.plural(len(own), 'actor')} and {wording.plural(len(tables.sources), 'article')}"
    return CuratePage(
        story=record,
        headline=headline,
        targets=targets,
        target_labels=dict(zip(tables.targets["target_id"], tables.targets["label"])),
        events=event_table.reset_index(drop=True),
        sources=tables.sources["source_id"].astype(str).tolist(),
        source_labels=dict(zip(tables.sources["source_id"], tables.sources["title"].astype(str))),
        actors=[*own, *others],
        actor_names=names,
        blocs=story_blocs(tables),
    )


def _record(whole: Tables, story_id: str) -> StoryRecord | None:
    rows = whole.stories[whole.stories["story_id"] == story_id]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return StoryRecord(
        story_id=str(row["story_id"]),
        title=str(row["title"]),
        description=str(row["description"]),
        status=str(row["status"]),
        default_target=str(row["default_target"]),
        demo=stories.is_demo(row["title"]),
        feeds=[url for url in str(row["feeds"]).split("|") if url],
    )


@dataclass(frozen=True)
class ActorForm:
    """An actor's details as its form starts, and its bloc in this story."""

    actor_id: str
    name: str
    kind: str
    country: str
    bloc: str  # its default bloc, in every story
    party: str
    aliases: str
    story_bloc: str  # how this story groups it ("" when the story keeps its default bloc)
    statements: int  # in this story


def actor_form(tables: Tables, actor_id: str) -> ActorForm:
    whole = tables.whole or tables
    row = whole.actors[whole.actors["actor_id"] == actor_id].iloc[0]
    blocs = tables.story_blocs
    override = blocs.loc[blocs["actor_id"] == actor_id, "bloc"]
    return ActorForm(
        actor_id=actor_id,
        name=str(row["name"]),
        kind=str(row["kind"]),
        country=str(row["country"]),
        bloc=str(row["bloc"]),
        party=str(row["party"]),
        aliases=str(row["aliases"]).replace("|", " | "),
        story_bloc=str(override.iloc[0]) if len(override) else "",
        statements=int((tables.statements["actor_id"] == actor_id).sum()),
    )
