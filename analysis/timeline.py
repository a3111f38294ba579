"""Time shaping: date periods that respect their precision, reaction lags, and who is silent so far."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.metrics import format_date

PERIOD_OFFSETS = {"day": pd.DateOffset(days=1), "week": pd.DateOffset(days=7), "month": pd.DateOffset(months=1),
                  "year": pd.DateOffset(years=1), "decade": pd.DateOffset(years=10)}


def period(date, precision: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The span a date stands for: [start, end). None when it is undated."""
    if date is None or pd.isna(date) or precision not in PERIOD_OFFSETS:
        return None
    start = pd.Timestamp(date)
    return start, start + PERIOD_OFFSETS[precision]


def trigger_event(events: pd.DataFrame, *, source_ids=None) -> pd.Series | None:
    """The event the reactions respond to: the earliest dated 'trigger' event (of the given sources)."""
    candidates = events[(events["role"] == "trigger") & events["date"].notna()]
    if source_ids is not None:
        candidates = candidates[candidates["source_id"].isin(list(source_ids))]
    if candidates.empty:
        return None
    return candidates.sort_values("date").iloc[0]


def _lag_text(start: pd.Timestamp, end: pd.Timestamp, precision: str, trigger: pd.Timestamp) -> tuple[str, float]:
    if precision == "day":
        days = (start - trigger).days
        if days == 0:
            return "same day", 0.0
        return (f"{days} day{'s' if abs(days) != 1 else ''} after" if days > 0
                else f"{-days} day{'s' if days != -1 else ''} before"), float(days)
    shown = format_date(start, precision)
    if start <= trigger < end:
        return f"within {shown} ({precision} precision: no exact lag)", float("nan")
    return f"{'after' if start > trigger else 'before'}: {shown} ({precision} precision)", float("nan")


PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "unknown": 4}


def _precision_rank(precision: pd.Series) -> pd.Series:
    """PRECISION_RANK per row. Mapping the categories (a handful) rather than a million strings."""
    if isinstance(precision.dtype, pd.CategoricalDtype):
        ranks = np.array([PRECISION_RANK.get(str(c), 5) for c in precision.cat.categories] + [5], dtype="int64")
        return pd.Series(ranks[precision.cat.codes.to_numpy()], index=precision.index)  # code -1 (NaN) -> 5
    return precision.astype(str).map(PRECISION_RANK).fillna(5).astype("int64")


def reaction_lags(rows: pd.DataFrame, *, trigger_date) -> pd.DataFrame:
    """Per actor: its first dated statement and how long after the trigger it came, as exactly as the
    dates allow. Day-precision dates give a number of days; coarser ones say their precision instead."""
    columns = ["actor_id", "actor_name", "bloc", "first_statement", "precision", "lag", "lag_days", "statements"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    trigger = pd.Timestamp(trigger_date) if trigger_date is not None else None
    counts = rows.groupby("actor_id", observed=True).agg(actor_name=("actor_name", "first"), bloc=("bloc", "first"),
                                                         statements=("score", "size"))
    dated = rows[rows["date"].notna() & rows["date_precision"].isin(list(PERIOD_OFFSETS))]
    # The earliest period start, then the finest precision: one vectorised key, so a million rows stay fast.
    key = dated["date"].astype("int64") + _precision_rank(dated["date_precision"])
    first = dated.loc[key.groupby(dated["actor_id"], observed=True).idxmin(), ["actor_id", "date", "date_precision"]]
    first = first.set_index("actor_id")
    records = []
    for actor_id, row in counts.iterrows():
        record = {"actor_id": str(actor_id), "actor_name": str(row["actor_name"]), "bloc": str(row["bloc"]),
                  "statements": int(row["statements"])}
        if actor_id not in first.index:
            record.update(first_statement="undated", precision="unknown", lag="undated", lag_days=float("nan"))
        else:
            date, precision = first.at[actor_id, "date"], str(first.at[actor_id, "date_precision"])
            start, end = period(date, precision)
            lag, days = _lag_text(start, end, precision, trigger) if trigger is not None else ("no trigger event",
                                                                                               float("nan"))
            record.update(first_statement=format_date(start, precision), precision=precision, lag=lag,
                          lag_days=days)
        records.append(record)
    lags = pd.DataFrame(records, columns=columns)
    lags = lags.assign(_rank=lags["precision"].map(PRECISION_RANK))
    return lags.sort_values(["_rank", "lag_days", "actor_name"], na_position="last",
                            ignore_index=True).drop(columns="_rank")


def reaction_window(rows: pd.DataFrame, trigger_date) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The stretch of time the reactions panel shows: from just before the trigger to at most 60 days after."""
    if trigger_date is None:
        return None
    trigger = pd.Timestamp(trigger_date)
    return trigger - pd.Timedelta(days=40), trigger + pd.Timedelta(days=61)


def reaction_points(rows: pd.DataFrame, *, limit: int = 30, window=None, max_points: int = 200) -> pd.DataFrame:
    """Dated statements aggregated for the timeline: one row per actor, date, precision and stance, with
    a count and one quote, for the `limit` actors with most statements inside `window` (so a chart never
    gets raw rows). When that is still more than `max_points`, days are grouped into weeks."""
    columns = ["actor_name", "start", "end", "precision", "stance", "n", "quote", "target_label"]
    from analysis.metrics import top_actors

    dated = rows[rows["date"].notna() & rows["date_precision"].isin(list(PERIOD_OFFSETS))]
    if window is not None:
        dated = dated[(dated["date"] >= window[0]) & (dated["date"] < window[1])]
    dated = top_actors(dated, limit=limit)
    if dated.empty:
        return pd.DataFrame(columns=columns)
    keys = ["actor_id", "date", "date_precision", "stance"]
    points = dated.groupby(keys, observed=True, sort=False).agg(
        actor_name=("actor_name", "first"), n=("score", "size"), quote=("quote", "first"),
        target_label=("target_label", "first")).reset_index()
    points["precision"] = points["date_precision"].astype(str)
    points["start"] = points["date"]
    if len(points) > max_points:
        days = points["precision"] == "day"
        points.loc[days, "start"] = points.loc[days, "date"].dt.to_period("W").dt.start_time
        points.loc[days, "precision"] = "week"
        points = points.groupby(["actor_id", "start", "precision", "stance"], observed=True, sort=False).agg(
            actor_name=("actor_name", "first"), n=("n", "sum"), quote=("quote", "first"),
            target_label=("target_label", "first")).reset_index()
    points["end"] = [period(d, p)[1] for d, p in zip(points["start"], points["precision"])]
    points["actor_name"] = points["actor_name"].astype(str)
    points["stance"] = points["stance"].astype(str)
    # Lanes from the first to react: statements known to the day before those known only to the month.
    firsts = dated.assign(_rank=_precision_rank(dated["date_precision"])).groupby(
        "actor_id", observed=True).agg(rank=("_rank", "min"), date=("date", "min"))
    order = firsts.sort_values(["rank", "date"]).index
    points["_order"] = points["actor_id"].map({a: i for i, a in enumerate(order)})
    return points.sort_values(["_order", "start"], ignore_index=True)[columns]


def stance_series(rows: pd.DataFrame, *, max_dates: int = 120) -> pd.DataFrame:
    """One actor's stance per target and date, for the stance-over-time chart: the mean score of the
    statements of that date (or month, when there are more than `max_dates` dates), their count and a quote."""
    from analysis.metrics import nearest_stance

    columns = ["target_label", "date", "date_precision", "score", "stance", "n", "quote"]
    dated = rows[rows["date"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    dates, precision = dated["date"], dated["date_precision"].astype(str)
    if dates.nunique() > max_dates:
        dates, precision = dates.dt.to_period("M").dt.to_timestamp(), pd.Series("month", index=dated.index)
    series = dated.assign(_date=dates, _precision=precision).groupby(
        ["target_label", "_date"], observed=True, sort=True).agg(
        date_precision=("_precision", "first"), score=("score", "mean"), n=("score", "size"),
        quote=("quote", "first")).reset_index().rename(columns={"_date": "date"})
    series["target_label"] = series["target_label"].astype(str)
    series["stance"] = series["score"].map(nearest_stance)
    return series[columns]


def silent_actors(view: pd.DataFrame, candidates: pd.DataFrame, *, target_ids) -> pd.DataFrame:
    """Actors among `candidates` (rows of actors.csv) with no statement on any of `target_ids`."""
    spoke = set(view.loc[view["target_id"].isin(list(target_ids)), "actor_id"])
    silent = candidates[~candidates["actor_id"].isin(spoke)]
    return silent.sort_values(["bloc", "name"], ignore_index=True)[["actor_id", "name", "bloc", "kind", "country"]]


def lag_finding(lags: pd.DataFrame) -> str:
    """'2 actors reacted the same day; 9 more in Nov 2025 (month precision); 3 undated'."""
    if lags.empty:
        return "No statements match the filters"
    parts = []
    exact = lags[lags["precision"] == "day"]
    if not exact.empty:
        same_day = int((exact["lag_days"] == 0).sum())
        later = exact[exact["lag_days"] > 0]
        if same_day:
            parts.append(f"{same_day} actor{'s' if same_day != 1 else ''} reacted the same day")
        if not later.empty:
            parts.append(f"{len(later)} within {int(later['lag_days'].max())} days")
    coarse = lags[lags["precision"].isin(["month", "year", "decade"])]
    for (precision, first), group in coarse.groupby(["precision", "first_statement"], sort=False):
        parts.append(f"{len(group)} {'more ' if parts else ''}in {first} ({precision} precision)")
    undated = int((lags["precision"] == "unknown").sum())
    if undated:
        parts.append(f"{undated} with no date")
    return "; ".join(parts)
