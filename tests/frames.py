"""Small literal frames shaped like `Tables.view`, for pure-function tests."""

import pandas as pd

from analysis.data.schema import STANCE_DTYPE, STANCE_SCORES


def view(rows):
    """rows: (statement_id, actor_id, actor_name, bloc, kind, country, target_id, stance, quote)."""
    frame = pd.DataFrame(
        rows,
        columns=["statement_id", "actor_id", "actor_name", "bloc", "kind", "country", "target_id", "stance", "quote"],
    )
    frame["stance"] = frame["stance"].astype(STANCE_DTYPE)
    frame["source_id"] = "src"
    frame["story_id"] = "story"
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


SMALL = view(
    [
        ("a1", "gov-a", "Gov A", "Bloc A", "government", "USA", "plan", "supportive", "We back the plan fully."),
        ("a2", "gov-b", "Gov B", "Bloc A", "government", "USA", "plan", "cautious", "We urge caution on the plan."),
        ("a3", "gov-c", "Gov C", "Bloc B", "government", "RUS", "plan", "condemning", "We condemn the plan."),
        ("a4", "pundits", "Pundits", "Observers", "commentators", "", "talks", "neutral", "Talks may follow."),
        ("a5", "gov-c", "Gov C", "Bloc B", "government", "RUS", "talks", "opposed", "We reject talks."),
    ]
)


# A small dataset as the app loads it: one source whose text holds every quote at its offsets, five actors
# (one of them silent), two targets and a trigger event. For page models, which read whole Tables.
SOURCE_TEXT = (
    "On 16 November the plan was announced.\n"
    "Gov A said: We back the plan fully. Gov B said: We urge caution on the plan.\n"
    "Gov C said: We condemn the plan. Pundits wrote: Talks may follow.\n"
    "Later Gov C said: We reject talks.\n"
)
STATEMENTS = [  # id, actor, target, stance, quote, date, precision
    ("a1", "gov-a", "plan", "supportive", "We back the plan fully.", "2025-11-16", "day"),
    ("a2", "gov-b", "plan", "cautious", "We urge caution on the plan.", "2025-11-01", "month"),
    ("a3", "gov-c", "plan", "condemning", "We condemn the plan.", "2025-11-19", "day"),
    ("a4", "pundits", "talks", "neutral", "Talks may follow.", "", "unknown"),
    ("a5", "gov-c", "talks", "opposed", "We reject talks.", "2025-11-16", "day"),
]


def small_tables():
    """The small dataset as Tables (analysis.data.store.assemble, which `load` uses after validating)."""
    from analysis.data import store
    from analysis.data.schema import COLUMNS

    def table(name, rows):
        return pd.DataFrame([dict(zip(COLUMNS[name], row)) for row in rows], columns=list(COLUMNS[name]))

    stories = table("stories", [("story", "The plan", "", "2025-11-20", "active", "plan", "")])
    sources = table(
        "sources",
        [
            (
                *("src", "story", "A source", "", "2025-11-01", "month", "", "seeds/src.txt", "0" * 64),
                *("txt", "", "", "", ""),  # format, original, original_sha256, text_extractor, copy_of
                *("2025-11-20", ""),
            )
        ],
    )
    actors = table(
        "actors",
        [
            ("gov-a", "Gov A", "government", "USA", "Bloc A", "", ""),
            ("gov-b", "Gov B", "government", "USA", "Bloc A", "", "B-land"),
            ("gov-c", "Gov C", "government", "RUS", "Bloc B", "", ""),
            ("pundits", "Pundits", "commentators", "", "Observers", "", ""),
            ("quiet", "Quiet Party", "party", "USA", "Bloc A", "Quiet", ""),
        ],
    )
    targets = table("targets", [("plan", "story", "The plan", "", "plan"), ("talks", "story", "Talks", "", "talks")])
    statements = table(
        "statements",
        [
            (
                sid,
                "src",
                actor,
                target,
                stance,
                quote,
                str(SOURCE_TEXT.index(quote)),
                str(SOURCE_TEXT.index(quote) + len(quote)),
                "said",
                "",
                "direct",
                date,
                precision,
                "0.90",
                "curated",
                "true",
            )
            for sid, actor, target, stance, quote, date, precision in STATEMENTS
        ],
    )
    trigger = "On 16 November the plan was announced."
    events = table(
        "events",
        [
            (
                "announced",
                "story",
                "2025-11-16",
                "day",
                "trigger",
                "The plan announced",
                "",
                "",
                "src",
                trigger,
                "0",
                str(len(trigger)),
                "",
            )
        ],
    )
    story_blocs = table(
        "story_blocs", [("story", actor, bloc) for actor, bloc in zip(actors["actor_id"], actors["bloc"])]
    )
    return store.assemble(
        {
            "stories": stories,
            "sources": sources,
            "actors": actors,
            "targets": targets,
            "statements": statements,
            "events": events,
            "story_blocs": story_blocs,
        },
        {"src": SOURCE_TEXT},
        fingerprint="small",
    )
