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
    mains = stories.main_targets(whole)
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
                mains.get(story_id, ""),
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
    if mine.empty:
        return pd.DataFrame(columns=list(ACROSS_COLUMNS))
    mains = stories.main_targets(whole)
    story = mine["story_id"].astype(str)
    on_main = (mine["target_id"].astype(str) == story.map(mains)).to_numpy()
    spoke_on_main = set(story[on_main])
    there = mine[on_main | ~story.isin(spoke_on_main).to_numpy()]  # else every word in the story stands in
    ordered = there.sort_values(["date", "statement_id"], na_position="first", kind="stable")
    latest = ordered.drop_duplicates("story_id", keep="last").set_index("story_id")
    counts = there.groupby("story_id", observed=True).size()
    rows = []
    for story_id, title in zip(whole.stories["story_id"], whole.stories["title"]):
        if story_id not in latest.index:
            continue
        row = latest.loc[story_id]
        rows.append(
            (
                story_id,
                title,
                str(row["target_id"]),
                str(row["target_label"]),
                str(row["stance"]),
                STANCE_SCORES[str(row["stance"])],
                str(row["quote"]),
                str(row["source_title"]),
                row["date"],
                int(counts[story_id]),
                str(row["statement_id"]),
            )
        )
    return pd.DataFrame(rows, columns=list(ACROSS_COLUMNS))
