"""Aggregations over filtered statement rows: what the charts and tiles show.

Every function takes rows from `filters.apply` (the joined statement view) and returns a new, small
frame or value. Charts receive these aggregates, never the raw rows.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis.schema import STANCE_SCORES, STANCES

OPPOSING = ("condemning", "opposed")
HOVER_QUOTES = 3
HOVER_SAMPLE = 20  # rows looked at per group when picking hover quotes
HOVER_QUOTE_CHARS = 160


def present_counts(values: pd.Series) -> pd.Series:
    """Counts of the values that occur, most frequent first (a categorical column also lists its unused
    categories with a count of 0; those are left out)."""
    counts = values.value_counts()
    return counts[counts > 0]


def nearest_stance(score: float) -> str:
    """The stance label whose score is closest; a tie goes to the label nearer neutral."""
    # Rounded so that an exact tie (e.g. -0.5 between cautious and opposed) is not decided by float noise.
    return min(STANCES, key=lambda s: (round(abs(STANCE_SCORES[s] - score), 9), abs(STANCE_SCORES[s])))


def headline_numbers(rows: pd.DataFrame) -> dict[str, int]:
    stance_counts = rows["stance"].value_counts()
    return {
        "statements": len(rows),
        "actors": rows["actor_id"].nunique(),
        "blocs": rows["bloc"].nunique(),
        "sources": rows["source_id"].nunique(),
        "supportive": int(stance_counts.get("supportive", 0)),
        "cautious": int(stance_counts.get("cautious", 0)),
        "opposing": int(sum(stance_counts.get(s, 0) for s in OPPOSING)),
        "neutral": int(stance_counts.get("neutral", 0)),
    }


def stance_counts(rows: pd.DataFrame, *, by: str) -> pd.DataFrame:
    """Statement counts per group and stance: one row per group, a column per stance (in scale order),
    plus `n` and `net` (the mean stance score), sorted from most supportive to most opposed."""
    if rows.empty:
        return pd.DataFrame(columns=[by, *STANCES, "n", "net"]).astype({s: "int64" for s in STANCES})
    # Grouping on the categorical codes: a crosstab of a million rows costs ten times more.
    stance = rows["stance"].astype(pd.CategoricalDtype(list(STANCES)))
    counts = (rows.groupby([rows[by], stance], observed=False, sort=False).size().unstack("stance")
              .reindex(columns=list(STANCES), fill_value=0))
    counts.columns = list(STANCES)
    counts = counts.astype("int64")
    counts["n"] = counts[list(STANCES)].sum(axis=1)
    counts = counts[counts["n"] > 0]
    weighted = sum(counts[s] * STANCE_SCORES[s] for s in STANCES)
    counts["net"] = (weighted / counts["n"]).astype("float64")
    counts = counts.rename_axis(by).reset_index()
    return counts.sort_values(["net", "n", by], ascending=[False, False, True], ignore_index=True)


def _short(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= HOVER_QUOTE_CHARS else quote[: HOVER_QUOTE_CHARS - 1] + "…"


def _top_quotes(rows: pd.DataFrame, keys: list[str]) -> pd.Series:
    """A few short quotes per group, the most confident first. Looks at the first rows of each group
    only, so it stays linear on a million rows."""
    sample = rows.groupby(keys, sort=False, observed=True).head(HOVER_SAMPLE)
    sample = sample.sort_values(["confidence", "statement_id"], ascending=[False, True])
    sample = sample.drop_duplicates([*keys, "quote"]).groupby(keys, sort=False, observed=True).head(HOVER_QUOTES)
    return sample.groupby(keys, sort=False, observed=True)["quote"].agg(lambda q: [_short(x) for x in q])


def top_actors(rows: pd.DataFrame, *, limit: int | None) -> pd.DataFrame:
    """The rows of the `limit` actors with most statements (all rows when limit is None or not reached)."""
    if limit is None or rows["actor_id"].nunique() <= limit:
        return rows
    keep = present_counts(rows["actor_id"]).index[:limit]
    return rows[rows["actor_id"].isin(keep)]


def actor_positions(rows: pd.DataFrame, *, limit: int | None = None) -> pd.DataFrame:
    """One row per actor: its bloc, statement count, mean score, nearest stance and a few quotes.

    Sorted by bloc (most supportive bloc first) and then by score, which is the spectrum's order. With
    `limit`, only the actors with most statements are kept.
    """
    columns = ["actor_id", "actor_name", "bloc", "n", "score", "stance", "quotes", "targets"]
    rows = top_actors(rows, limit=limit)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    grouped = rows.groupby("actor_id", sort=False, observed=True)
    positions = grouped.agg(actor_name=("actor_name", "first"), bloc=("bloc", "first"), n=("score", "size"),
                            score=("score", "mean"))
    positions["quotes"] = _top_quotes(rows, ["actor_id"])
    labels = rows[["actor_id", "target_label"]].drop_duplicates()
    positions["targets"] = labels.groupby("actor_id", observed=True)["target_label"].agg(
        lambda t: sorted(map(str, t)))
    positions = positions.reset_index()
    for column in ("actor_id", "actor_name", "bloc"):
        positions[column] = positions[column].astype(str)
    positions["stance"] = positions["score"].map(nearest_stance)
    bloc_net = positions.groupby("bloc")["score"].mean().rename("bloc_net")
    positions = positions.join(bloc_net, on="bloc")
    positions = positions.sort_values(["bloc_net", "bloc", "score", "actor_name"],
                                      ascending=[False, True, False, True], ignore_index=True)
    return positions[columns]


def key_quotes(rows: pd.DataFrame, *, per_bloc: int = 1) -> pd.DataFrame:
    """The most telling quote(s) per bloc: direct speech first, then confidence, then a clear position."""
    if rows.empty:
        return rows.head(0)
    # Narrow to each bloc's direct-speech, most confident rows before sorting: sorting a million rows by
    # six keys to keep one per bloc is most of the cost otherwise.
    mode_rank = rows["mode"].map({"direct": 0, "reported": 1, "characterized": 2}).astype("float64").fillna(3)
    ranked = rows.assign(_mode=mode_rank)
    ranked = ranked[ranked["_mode"] == ranked.groupby("bloc", observed=True)["_mode"].transform("min")]
    if per_bloc == 1:
        best_confidence = ranked.groupby("bloc", observed=True)["confidence"].transform("max")
        ranked = ranked[ranked["confidence"] == best_confidence]
    ranked = ranked.assign(_strength=ranked["score"].abs(), _length=ranked["quote"].str.len())
    ranked = ranked.sort_values(["bloc", "_mode", "confidence", "_strength", "_length", "statement_id"],
                                ascending=[True, True, False, False, True, True])
    best = ranked.groupby("bloc", sort=False, observed=True).head(per_bloc)
    order = stance_counts(rows, by="bloc")["bloc"].tolist()
    best = best.assign(_order=best["bloc"].map({b: i for i, b in enumerate(order)}))
    return best.sort_values(["_order", "statement_id"]).drop(
        columns=["_mode", "_strength", "_length", "_order"]).reset_index(drop=True)


def _join_names(names: list[str], *, limit: int = 2) -> str:
    if len(names) > limit:
        names = [*names[:limit], f"{len(names) - limit} more"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def bloc_finding(counts_by_bloc: pd.DataFrame) -> str:
    """A title that states what the bloc chart shows, e.g. 'US Republicans back it; Venezuela's allies oppose it'."""
    if counts_by_bloc.empty:
        return "No statements match the filters"
    supportive = counts_by_bloc.loc[counts_by_bloc["net"] > 0.25, "bloc"].tolist()
    opposing = counts_by_bloc[counts_by_bloc["net"] < -0.25].sort_values("net")["bloc"].tolist()
    parts = []
    if supportive:
        parts.append(f"Support from {_join_names(supportive)}")
    if opposing:
        parts.append(f"opposition from {_join_names(opposing)}" if parts else
                     f"Opposition from {_join_names(opposing)}")
    if not parts:
        return "No bloc takes a clear side"
    return "; ".join(parts)


def spectrum_finding(positions: pd.DataFrame, *, topic: str) -> str:
    """A title such as '8 of 16 actors support the FTO designation; 4 oppose or condemn it'."""
    if positions.empty:
        return "No statements match the filters"
    total = len(positions)
    support = int((positions["stance"] == "supportive").sum())
    against = int(positions["stance"].isin(OPPOSING).sum())
    cautious = int((positions["stance"] == "cautious").sum())
    head = f"{support} of {total} actors support {topic}"
    tail = []
    if against:
        tail.append(f"{against} oppose or condemn")
    if cautious:
        tail.append(f"{cautious} urge caution")
    return head + ("; " + ", ".join(tail) if tail else "")


def format_date(value, precision: str) -> str:
    """A date shown no more exactly than it is known: '16 Nov 2025', 'Nov 2025', '2015', '2000s', 'undated'."""
    if value is None or pd.isna(value) or precision == "unknown":
        return "undated"
    stamp = pd.Timestamp(value)
    if precision == "day":
        return f"{stamp.day} {stamp:%b %Y}"
    if precision == "week":
        return f"week of {stamp.day} {stamp:%b %Y}"
    if precision == "month":
        return f"{stamp:%b %Y}"
    if precision == "year":
        return f"{stamp.year}"
    if precision == "decade":
        return f"{stamp.year // 10 * 10}s"
    return stamp.date().isoformat()


def source_line(sources: pd.DataFrame, *, as_of: dt.date) -> str:
    """The footer of a chart: its sources and the as-of date."""
    if sources.empty:
        names = "none"
    else:
        shown = [f"{row.title} ({format_date(row.published, row.date_precision)})" if row.outlet == "" else
                 f"{row.outlet}, {format_date(row.published, row.date_precision)}"
                 for row in sources.head(2).itertuples(index=False)]  # only two are named
        names = "; ".join(shown) + (f"; and {len(sources) - 2:,} more" if len(sources) > 2 else "")
    label = "Source" if len(sources) <= 1 else "Sources"
    return f"{label}: {names} · As of {as_of.day} {as_of:%b %Y} · Stance & Reaction Dashboard"


def headline_sentence(numbers: dict[str, int]) -> str:
    """'25 statements by 18 actors in 1 source: 11 supportive, 3 cautious, 7 opposed or condemning, 4 neutral.'"""
    if not numbers["statements"]:
        return "No statements match the filters."

    def count(n: int, word: str) -> str:
        return f"{n:,} {word}{'' if n == 1 else 's'}"

    parts = [f"{numbers[key]} {label}" for key, label in
             (("supportive", "supportive"), ("cautious", "cautious"), ("opposing", "opposed or condemning"),
              ("neutral", "neutral")) if numbers[key]]
    return (f"{count(numbers['statements'], 'statement')} by {count(numbers['actors'], 'actor')} "
            f"in {count(numbers['sources'], 'source')}: " + ", ".join(parts) + ".")


def topic_phrase(label: str) -> str:
    """A target label as the object of a sentence: 'FTO designation of …' -> 'the FTO designation of …'."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        label = label[0].lower() + label[1:]
    return label if label.lower().startswith("the ") else "the " + label


def actor_target_cells(rows: pd.DataFrame, *, limit: int | None = None) -> pd.DataFrame:
    """One row per (actor, target): statement count, mean score, nearest stance, quotes, and the share of
    statements that are supportive, cautious, neutral and opposed-or-condemning (the DNA actor-by-belief table).

    Rows keep the spectrum's actor order (bloc, then score) and targets go from most to least discussed.
    With `limit`, only the actors with most statements are kept.
    """
    columns = ["actor_id", "actor_name", "bloc", "target_id", "target_label", "n", "score", "stance", "quotes",
               "share_supportive", "share_cautious", "share_neutral", "share_opposed"]
    rows = top_actors(rows, limit=limit)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    stance = rows["stance"].astype(str)
    flagged = rows.assign(_supportive=stance.eq("supportive"), _cautious=stance.eq("cautious"),
                          _neutral=stance.eq("neutral"), _opposed=stance.isin(OPPOSING))
    keys = ["actor_id", "target_id"]
    cells = flagged.groupby(keys, sort=False, observed=True).agg(
        actor_name=("actor_name", "first"), bloc=("bloc", "first"), target_label=("target_label", "first"),
        n=("score", "size"), score=("score", "mean"), share_supportive=("_supportive", "mean"),
        share_cautious=("_cautious", "mean"), share_neutral=("_neutral", "mean"), share_opposed=("_opposed", "mean"))
    cells["quotes"] = _top_quotes(rows, keys)
    cells = cells.reset_index()
    for column in ("actor_id", "target_id", "actor_name", "bloc", "target_label"):
        cells[column] = cells[column].astype(str)
    cells["stance"] = cells["score"].map(nearest_stance)
    actor_order = {a: i for i, a in enumerate(actor_positions(rows)["actor_id"])}
    target_order = {str(t): i for i, t in enumerate(present_counts(rows["target_id"]).index)}
    cells = cells.assign(_a=cells["actor_id"].map(actor_order), _t=cells["target_id"].map(target_order))
    return cells.sort_values(["_a", "_t"], ignore_index=True)[columns]


def matrix_finding(cells: pd.DataFrame) -> str:
    """'Most positions are on X (9 actors); actors split most on Y (4 for, 3 against)'."""
    if cells.empty:
        return "No statements match the filters"
    per_target = cells.groupby("target_label").agg(
        actors=("actor_id", "nunique"),
        support=("stance", lambda s: int((s == "supportive").sum())),
        against=("stance", lambda s: int(s.isin(("cautious", *OPPOSING)).sum())),
    )
    busiest = per_target["actors"].idxmax()
    text = f"Most positions are on {topic_phrase(busiest)} ({per_target.loc[busiest, 'actors']} actors)"
    contested = per_target[(per_target["support"] > 0) & (per_target["against"] > 0)]
    if not contested.empty:
        split = (contested[["support", "against"]].min(axis=1)).idxmax()
        sides = f"{contested.loc[split, 'support']} for, {contested.loc[split, 'against']} against or cautious"
        text += (f", which also divides them most ({sides})" if split == busiest
                 else f"; actors split most on {topic_phrase(split)} ({sides})")
    return text


def country_stances(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per country with country-level actors: statement count, the actors, the net stance
    (mean score of all their statements) and its nearest stance label, and a few quotes."""
    columns = ["country", "n", "actors", "net", "stance", "quotes"]
    located = rows[rows["country"].astype(str) != ""]
    if located.empty:
        return pd.DataFrame(columns=columns)
    grouped = located.groupby("country", sort=True, observed=True)
    countries = grouped.agg(n=("score", "size"), net=("score", "mean"))
    names = located[["country", "actor_name"]].drop_duplicates()
    countries["actors"] = names.groupby("country", observed=True)["actor_name"].agg(lambda a: list(map(str, a)))
    labelled = located.assign(quote=located["actor_name"].astype(str) + ": " + located["quote"].astype(str))
    countries["quotes"] = _top_quotes(labelled, ["country"])
    countries = countries.reset_index()
    countries["country"] = countries["country"].astype(str)
    countries["stance"] = countries["net"].map(nearest_stance)
    return countries[columns]


def map_finding(countries: pd.DataFrame, *, country_names: dict[str, str]) -> str:
    if countries.empty:
        return "No country-level statements match the filters"
    groups = {}
    for stance in ("supportive", "condemning", "opposed", "cautious", "neutral"):
        names = [country_names.get(c, c) for c in countries.loc[countries["stance"] == stance, "country"]]
        if names:
            groups[stance] = _join_names(names, limit=3)
    verbs = {"supportive": "{} on balance supportive", "condemning": "{} condemning", "opposed": "{} opposed",
             "cautious": "{} cautious", "neutral": "{} neutral"}
    return "; ".join(verbs[s].format(n) for s, n in groups.items())
