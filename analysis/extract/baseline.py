"""The baseline the extractor is measured against: what many would reach for instead, each sentence's
sentiment (VADER) as the stance of the first actor group in it, with the extractor's own actor finder so
that only the stance logic differs."""

from __future__ import annotations

import pandas as pd

from analysis.extract import mentions as mention_finder
from analysis.extract.actors import ActorIndex
from analysis.extract.segment import sentences
from analysis.extract.valence import tone


def vader_stance(sentence: str) -> str:
    compound = tone(sentence)
    if compound >= 0.05:
        return "supportive"
    if compound <= -0.6:
        return "condemning"
    if compound <= -0.05:
        return "opposed"
    return "neutral"


def vader_baseline(text: str, *, actors: pd.DataFrame | None = None, main_target: str = "") -> pd.DataFrame:
    """What many would reach for instead: each sentence's sentiment (VADER) as the stance of the first
    actor group in it, with the same actor finder as the extractor so that only the stance logic differs."""
    index = ActorIndex.build(actors)
    rows = []
    for start, end in sentences(text):
        mentions = mention_finder.find_mentions(text, start, end, index)
        if not mentions:
            continue
        stance = vader_stance(text[start:end])
        for mention in mention_finder.groups(text, mentions)[0]:
            rows.append(
                {
                    "actor": mention.actor.name,
                    "actor_id": mention.actor.actor_id,
                    "stance": stance,
                    "target_id": main_target,
                    "start": start,
                    "end": end,
                }
            )
    return pd.DataFrame(rows, columns=["actor", "actor_id", "stance", "target_id", "start", "end"])
