"""Across stories: what each story holds (for the Stories page), and where one actor stood on each story's
main target (for the Actor profile). Both read the whole dataset, not one story's part."""

from __future__ import annotations

import numpy as np
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
    rows = np.flatnonzero((view["actor_id"] == actor_id).to_numpy())
    if not len(rows):
        return pd.DataFrame(columns=list(ACROSS_COLUMNS))
    # Narrow columns first: a prolific actor has a fifth of a million statements, and only one per story
    # is shown, so the wide columns are gathered for those rows alone.
    # Category codes throughout: a prolific actor has a fifth of a million statements, and only one per
    # story is shown, so the wide columns are gathered for those rows alone.
    story_codes = view["story_id"].array.codes[rows]
    target_codes = view["target_id"].array.codes[rows]
    story_ids = view["story_id"].cat.categories
    mains = stories.main_targets(whole)
    main_code = view["target_id"].cat.categories.get_indexer(pd.Index([mains.get(str(s), "") for s in story_ids]))
    on_main = target_codes == main_code[story_codes]
    spoke_on_main = np.zeros(len(story_ids), dtype=bool)
    spoke_on_main[story_codes[on_main]] = True
    eligible = on_main | ~spoke_on_main[story_codes]  # else every word in the story stands in
    rows, story_codes = rows[eligible], story_codes[eligible]
    days = view["date"].to_numpy().view("i8")[rows]  # NaT is the smallest, so undated rows lose
    newest = np.full(len(story_ids), np.iinfo("i8").min)
    np.maximum.at(newest, story_codes, days)
    last_day = days == newest[story_codes]
    counts = pd.Series(np.bincount(story_codes, minlength=len(story_ids)), index=story_ids.astype(str))
    there = view.iloc[rows[last_day]]
    ordered = there.sort_values(["date", "statement_id"], na_position="first", kind="stable")
    latest = ordered.drop_duplicates("story_id", keep="last").set_index("story_id")
    order = whole.stories[["story_id", "title"]]
    order = order[order["story_id"].isin(latest.index)]
    picked = latest.loc[order["story_id"]]
    stance = picked["stance"].astype(str)
    return pd.DataFrame(
        {
            "story_id": order["story_id"].to_numpy(),
            "story": order["title"].to_numpy(),
            "target_id": picked["target_id"].astype(str).to_numpy(),
            "target": picked["target_label"].astype(str).to_numpy(),
            "stance": stance.to_numpy(),
            "score": stance.map(STANCE_SCORES).to_numpy(),
            "quote": picked["quote"].astype(str).to_numpy(),
            "source_title": picked["source_title"].astype(str).to_numpy(),
            "date": picked["date"].to_numpy(),
            "statements": counts.reindex(order["story_id"]).to_numpy().astype(int),
            "statement_id": picked["statement_id"].astype(str).to_numpy(),
        },
        columns=list(ACROSS_COLUMNS),
    )
