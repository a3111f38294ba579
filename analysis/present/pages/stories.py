"""Stories: every news event in the dataset, what each holds, and a link into each."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.data.schema import STANCES
from analysis.data.store import Tables
from analysis.present import wording
from analysis.present.charts.stances import stance_by_bloc
from analysis.query import stories

MAX_STORIES_ON_SCREEN = 200  # tables on screen are capped; the payload must not grow with the data
MAX_STORIES_CHARTED = 20  # more bars than this are no longer readable on a slide


@dataclass(frozen=True)
class StoriesPage:
    headline: str
    table: pd.DataFrame  # one row per story, newest article first, with a link that opens it
    capped: str  # says how many stories are left out of the table, when there are more than fit
    balance: go.Figure  # the balance of stances in the stories with the newest articles


def stories_page(tables: Tables, *, as_of) -> StoriesPage:
    every = stories.story_summaries(tables)
    newest_first = every.sort_values("last_article", ascending=False, na_position="last", kind="stable")
    summaries = newest_first.head(MAX_STORIES_ON_SCREEN)
    order = list(reversed(STANCES))
    balance_text = [
        " · ".join(f"{n} {stance}" for n, stance in zip(row, order) if n) or "no statement yet"
        for row in zip(*(summaries[stance].astype(int).tolist() for stance in order))
    ]
    table = pd.DataFrame(
        {
            "Open": [f"./overview?story={story_id}" for story_id in summaries["story_id"]],
            "Story": summaries["title"].tolist(),
            "About": summaries["description"].tolist(),
            "Status": summaries["status"].tolist(),
            "Articles": summaries["articles"].tolist(),
            "Statements": summaries["statements"].tolist(),
            "Actors": summaries["actors"].tolist(),
            "Last article": [d.strftime("%Y-%m-%d") if pd.notna(d) else "undated" for d in summaries["last_article"]],
            "Balance": balance_text,
        }
    )
    capped = ""
    if len(every) > MAX_STORIES_ON_SCREEN:
        capped = f"The {MAX_STORIES_ON_SCREEN} stories with the newest articles, of {len(every):,}."
    active = int((every["status"] == "active").sum())
    headline = (
        f"{wording.plural(len(every), 'story')} ({active} active): "
        f"{wording.plural(int(every['statements'].sum()), 'statement')} from "
        f"{wording.plural(int(every['articles'].sum()), 'article')}"
    )
    counts = summaries.assign(bloc=summaries["title"])[["bloc", *STANCES]]
    counts = counts[counts[list(STANCES)].sum(axis=1) > 0].head(MAX_STORIES_CHARTED)
    charted = wording.plural(len(counts), "story")
    if len(counts) == MAX_STORIES_CHARTED and len(every) > MAX_STORIES_CHARTED:
        charted = f"the {MAX_STORIES_CHARTED} stories with the newest articles"
    balance = stance_by_bloc(
        counts.iloc[::-1].reset_index(drop=True),
        title="The balance of stances in each story",
        subtitle=f"All statements of each story, whatever its targets · {charted}",
        footer=f"Source: the curated statements of every story · {wording.as_of_text(as_of)}",
    )
    return StoriesPage(headline, table, capped, balance)
