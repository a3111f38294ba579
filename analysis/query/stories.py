"""Across stories: what each story holds (for the Stories page), and where one actor stood on each story's
main target (for the Actor profile). Both read the whole dataset, not one story's part."""

from __future__ import annotations

import pandas as pd

from analysis.data import stories
from analysis.data.schema import STANCE_SCORES, STANCES
from analysis.data.store import Tables

SUMMARY_COLUMNS = (
    "story_id",
    "title",
    "description",
    "status",
    "demo",
    "articles",
    "statements",
    "actors",
    "last_article",
    "main_target",
    *STANCES,
)
ACROSS_COLUMNS = (
    "story_id",
    "story",
    "target_id",
    "target",
    "stance",
    "score",
    "quote",
    "source_title",
    "date",
    "statements",
    "statement_id",
)


def story_summaries(tables: Tables) -> pd.DataFrame:
    """One row per story, in the stories table's order: its articles, statements and actors, the date of
    its last article, its main target, and its statements by stance."""
    whole = tables.whole or tables
    if "story_summaries" in whole.derived:
        return whole.derived["story_summaries"]
    view = whole.view
    statements = view.groupby("story_id", observed=True).size().to_dict()
    actors = view.groupby("story_id", observed=True)["actor_id"].nunique().to_dict()
    counts = view.groupby(["story_id", "stance"], observed=True).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(STANCES), fill_value=0)
    by_stance = {story: row for story, row in zip(counts.index, counts.to_numpy().tolist())}
    sources = whole.sources.groupby("story_id", observed=True)
    articles, latest = sources.size().to_dict(), sources["published"].max().to_dict()
    rows = []
    listed = zip(*(whole.stories[c] for c in ("story_id", "title", "description", "status")))
    for story_id, title, description, status in listed:
        rows.append(
            (
                story_id,
                title,
                description,
                status,
                stories.is_demo(title),
                int(articles.get(story_id, 0)),
                int(statements.get(story_id, 0)),
                int(actors.get(story_id, 0)),
                latest.get(story_id, pd.NaT),
                stories.main_target(whole, story_id),
                *[int(c) for c in by_stance.get(story_id, [0] * len(STANCES))],
            )
        )
    frame = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    whole.derived["story_summaries"] = frame
    return frame


def across_stories(tables: Tables, actor_id: str) -> pd.DataFrame:
    """Where an actor stood on each story's main target: its latest statement there (by date, then by id),
    with the quote, one row per story it spoke on, stories in the order of the stories table. Where the actor
    said nothing on the main target, its latest statement in the story stands in, under its own target."""
    whole = tables.whole or tables
    view = whole.view
    mine = view[(view["actor_id"] == actor_id).to_numpy()]
    rows = []
    for story_id, title in zip(whole.stories["story_id"], whole.stories["title"]):
        target = stories.main_target(whole, story_id)
        in_story = mine[(mine["story_id"] == story_id).to_numpy()]
        there = in_story[(in_story["target_id"] == target).to_numpy()]
        if there.empty:  # no word on the main target: the actor's latest position in the story, labelled so
            there = in_story
        if there.empty:
            continue
        latest = there.sort_values(["date", "statement_id"], na_position="first", kind="stable").iloc[-1]
        rows.append(
            (
                story_id,
                title,
                str(latest["target_id"]),
                str(latest["target_label"]),
                str(latest["stance"]),
                STANCE_SCORES[str(latest["stance"])],
                str(latest["quote"]),
                str(latest["source_title"]),
                latest["date"],
                len(there),
                str(latest["statement_id"]),
            )
        )
    return pd.DataFrame(rows, columns=list(ACROSS_COLUMNS))
