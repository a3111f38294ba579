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


@dataclass(frozen=True)
class StoriesPage:
    headline: str
    table: pd.DataFrame  # one row per story, with a link that opens it
    balance: go.Figure  # the balance of stances in each story


def stories_page(tables: Tables, *, as_of) -> StoriesPage:
    summaries = stories.story_summaries(tables)
    table = pd.DataFrame(
        {
            "Open": [f"./overview?story={story_id}" for story_id in summaries["story_id"]],
            "Story": [title for title in summaries["title"]],
            "About": summaries["description"],
            "Status": summaries["status"],
            "Articles": summaries["articles"],
            "Statements": summaries["statements"],
            "Actors": summaries["actors"],
            "Last article": [d.strftime("%Y-%m-%d") if pd.notna(d) else "undated" for d in summaries["last_article"]],
            "Balance": [
                " · ".join(f"{int(row[s])} {s}" for s in reversed(STANCES) if row[s]) or "no statement yet"
                for _, row in summaries.iterrows()
            ],
        }
    )
    active = int((summaries["status"] == "active").sum())
    headline = (
        f"{wording.plural(len(summaries), 'story')} ({active} active): "
        f"{wording.plural(int(summaries['statements'].sum()), 'statement')} from "
        f"{wording.plural(int(summaries['articles'].sum()), 'article')}"
    )
    counts = summaries.assign(bloc=summaries["title"])[["bloc", *STANCES]]
    counts = counts[counts[list(STANCES)].sum(axis=1) > 0]
    balance = stance_by_bloc(
        counts.iloc[::-1].reset_index(drop=True),
        title="The balance of stances in each story",
        subtitle=f"All statements of each story, whatever its targets · {wording.plural(len(counts), 'story')}",
        footer=f"Source: the curated statements of every story · {wording.as_of_text(as_of)}",
    )
    return StoriesPage(headline, table, balance)
