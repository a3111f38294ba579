"""Small literal frames shaped like `Tables.view`, for pure-function tests."""

import pandas as pd

from analysis.data.schema import STANCE_DTYPE, STANCE_SCORES


def view(rows):
    """rows: (statement_id, actor_id, actor_name, bloc, kind, country, target_id, stance, quote)."""
    frame = pd.DataFrame(rows, columns=["statement_id", "actor_id", "actor_name", "bloc", "kind", "country",
                                        "target_id", "stance", "quote"])
    frame["stance"] = frame["stance"].astype(STANCE_DTYPE)
    frame["source_id"] = "src"
    frame["source_title"] = "A source"
    frame["target_label"] = frame["target_id"].str.replace("-", " ").str.capitalize()
    frame["cue"] = "said"
    frame["summary"] = ""
    frame["mode"] = "reported"
    frame["confidence"] = 0.9
    frame["reviewed"] = True
    frame["date"] = pd.to_datetime(["2025-11-16"] * len(frame)).astype("datetime64[ns]")
    frame["date_precision"] = "day"
    frame["party"] = ""
    frame["start"] = 0
    frame["end"] = frame["quote"].str.len()
    frame["score"] = frame["stance"].map(STANCE_SCORES).astype("float64")
    return frame


SMALL = view([
    ("a1", "gov-a", "Gov A", "Bloc A", "government", "USA", "plan", "supportive", "We back the plan fully."),
    ("a2", "gov-b", "Gov B", "Bloc A", "government", "USA", "plan", "cautious", "We urge caution on the plan."),
    ("a3", "gov-c", "Gov C", "Bloc B", "government", "RUS", "plan", "condemning", "We condemn the plan."),
    ("a4", "pundits", "Pundits", "Observers", "commentators", "", "talks", "neutral", "Talks may follow."),
    ("a5", "gov-c", "Gov C", "Bloc B", "government", "RUS", "talks", "opposed", "We reject talks."),
])
