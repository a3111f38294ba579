"""Stories: one news event an analyst follows, with its own sources, targets, events and blocs.

A story's tables (`story_tables`) are the whole dataset cut down to that story, so that every page, export
and count built on them shows that story and nothing else. Actors are global (the same minister speaks on
many stories); a story holds the actors its statements name and those its blocs list, each in the story's
bloc where the story regroups them.
"""

from __future__ import annotations

import pandas as pd

from analysis.data.schema import DEMO_MARK
from analysis.data.store import Tables


def is_demo(title: str) -> bool:
    """A made-up story that shows the tool (its title says so): listed, never chosen by default."""
    return DEMO_MARK in str(title)


def story_ids(tables: Tables) -> list[str]:
    whole = tables.whole or tables
    return whole.stories["story_id"].astype(str).tolist()


def default_story(tables: Tables) -> str:
    """The story a page opens on: the active real story with the latest article (then the first story)."""
    whole = tables.whole or tables
    stories = whole.stories
    if stories.empty:
        return ""
    latest = whole.sources.groupby("story_id", observed=True)["published"].max()
    candidates = stories[(stories["status"] == "active") & ~stories["title"].map(is_demo)]
    if candidates.empty:
        candidates = stories[~stories["title"].map(is_demo)]
    if candidates.empty:
        candidates = stories
    order = candidates.assign(latest=candidates["story_id"].map(latest)).sort_values(
        ["latest", "created"], ascending=False, na_position="last", kind="stable"
    )
    return str(order["story_id"].iloc[0])


def story_title(tables: Tables, story_id: str) -> str:
    whole = tables.whole or tables
    titles = dict(zip(whole.stories["story_id"], whole.stories["title"]))
    return str(titles.get(story_id, story_id))


def default_target(tables: Tables, story_id: str) -> str:
    """The target a story's curator chose for its headline ("" when none was chosen)."""
    whole = tables.whole or tables
    chosen = whole.stories.loc[whole.stories["story_id"] == story_id, "default_target"]
    return str(chosen.iloc[0]) if len(chosen) else ""


def main_targets(tables: Tables) -> dict[str, str]:
    """Every story's main target at once (see `main_target`), in one pass over the statements."""
    whole = tables.whole or tables
    if "main_targets" not in whole.derived:
        counts = whole.view.groupby(["story_id", "target_id"], observed=True).size()
        counts = counts[counts > 0].sort_values(ascending=False, kind="stable")
        most = {story: target for story, target in counts.index[::-1]}  # the last written is the largest
        first = whole.targets.groupby("story_id", observed=True)["target_id"].first().to_dict()
        whole.derived["main_targets"] = {
            story_id: str(chosen or most.get(story_id) or first.get(story_id, ""))
            for story_id, chosen in zip(whole.stories["story_id"], whole.stories["default_target"])
        }
    return whole.derived["main_targets"]


def main_target(tables: Tables, story_id: str) -> str:
    """A story's main target: its default target, else its target with most statements, else its first."""
    whole = tables.whole or tables
    row = whole.stories[whole.stories["story_id"] == story_id]
    if len(row) and row["default_target"].iloc[0]:
        return str(row["default_target"].iloc[0])
    story = whole.story(story_id)
    counts = story.statements["target_id"].value_counts()
    if len(counts):
        return str(counts.index[0])
    return str(story.targets["target_id"].iloc[0]) if len(story.targets) else ""


def extraction_actors(tables: Tables, story_id: str) -> pd.DataFrame:
    """The actors the extractor should know when it reads an article of a story: every named actor (a
    person, body or government is the same everywhere), with the story's blocs, but only this story's
    vague groups ("Analysts" of one story are not those of another)."""
    whole = tables.whole or tables
    story = whole.story(story_id)
    mine = set(story.actors["actor_id"])
    others = whole.actors[(whole.actors["kind"] != "commentators") & ~whole.actors["actor_id"].isin(mine)]
    return pd.concat([story.actors, others], ignore_index=True)


def story_collectives(tables: Tables, story_id: str, proposals: pd.DataFrame) -> pd.DataFrame:
    """Proposals whose vague group has the id of another story's group get an id of this story's own
    ("analysts" -> "analysts-<story>"), so that each story keeps its own collective actors."""
    whole = tables.whole or tables
    if proposals.empty:
        return proposals
    mine = set(whole.story(story_id).actors["actor_id"])
    collectives = set(whole.actors.loc[whole.actors["kind"] == "commentators", "actor_id"])
    ids = [
        f"{actor_id}-{story_id}" if actor_id in collectives and actor_id not in mine else actor_id
        for actor_id in proposals["actor_id"].astype(str)
    ]
    return proposals.assign(actor_id=ids)


def blocs_by_kind(tables: Tables) -> pd.DataFrame:
    """Every story's blocs with the kind of each actor in them: where a new actor of a kind would go."""
    whole = tables.whole or tables
    kinds = dict(zip(whole.actors["actor_id"], whole.actors["kind"]))
    return whole.story_blocs.assign(kind=whole.story_blocs["actor_id"].map(kinds))
