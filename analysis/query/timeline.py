"""Time shaping: date periods that respect their precision, reaction lags, and who is silent so far."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.query.aggregates import Rows, format_date, top_actors
from analysis.query.selection import NOT_A_TIME, PRECISION_RANK, Selection

# Fixed lengths as Timedelta (fast); calendar ones as DateOffset.
PERIOD_OFFSETS = {"day": pd.Timedelta(days=1), "week": pd.Timedelta(days=7), "month": pd.DateOffset(months=1),
                  "year": pd.DateOffset(years=1), "decade": pd.DateOffset(years=10)}


def period(date, precision: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The span a date stands for: [start, end). None when it is undated."""
    if date is None or pd.isna(date) or precision not in PERIOD_OFFSETS:
        return None
    start = pd.Timestamp(date)
    return start, start + PERIOD_OFFSETS[precision]


def trigger_event(events: pd.DataFrame, *, source_ids=None) -> pd.Series | None:
    """The event the reactions respond to: the earliest dated 'trigger' event (of the given sources)."""
    wanted = None if source_ids is None else {str(s) for s in source_ids}
    earliest = None
    dates = events["date"].tolist()
    for i, (role, date, source_id) in enumerate(zip(events["role"].tolist(), dates, events["source_id"].tolist())):
        if role == "trigger" and not pd.isna(date) and (wanted is None or source_id in wanted) and (
                earliest is None or date < dates[earliest]):
            earliest = i
    return None if earliest is None else events.iloc[earliest]


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


def _dated(rows: Selection) -> Selection:
    """The rows with a date that stands for a known period."""
    return rows.where((rows.array("date") != NOT_A_TIME) & rows.is_in("date_precision", list(PERIOD_OFFSETS)))


def reaction_lags(rows: Rows, *, trigger_date) -> pd.DataFrame:
    """Per actor: its first dated statement and how long after the trigger it came, as exactly as the
    dates allow. Day-precision dates give a number of days; coarser ones say their precision instead."""
    columns = ["actor_id", "actor_name", "bloc", "first_statement", "precision", "lag", "lag_days", "statements"]
    rows = Selection.of(rows)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    trigger = pd.Timestamp(trigger_date) if trigger_date is not None else None
    codes, counts = rows.present("actor_id")
    about = rows.firsts("actor_id")[codes]
    ids = rows.codes("actor_id")[1][codes].tolist()
    # The earliest period start, then the finest precision: the first row of each actor in that order.
    earliest = _dated(rows).runs(("actor_id",), within=("date", "precision_rank"))
    first = dict(zip(earliest.key("actor_id").tolist(),
                     zip(pd.to_datetime(earliest.selection.array("date")[earliest.first()]),
                         earliest.key("date_precision"))))
    described: dict[tuple, dict] = {}  # many actors share a first date: describe each date once

    def describe(date, precision: str) -> dict:
        if (date, precision) not in described:
            start, end = period(date, precision)
            lag, days = _lag_text(start, end, precision, trigger) if trigger is not None else ("no trigger event",
                                                                                               float("nan"))
            described[date, precision] = dict(first_statement=format_date(start, precision), precision=precision,
                                              lag=lag, lag_days=days)
        return described[date, precision]

    undated = dict(first_statement="undated", precision="unknown", lag="undated", lag_days=float("nan"))
    records = [{"actor_id": actor_id, "actor_name": name, "bloc": bloc, "statements": int(count),
                **(describe(*first[actor_id]) if actor_id in first else undated)}
               for actor_id, name, bloc, count in zip(ids, rows.labels("actor_name", about).tolist(),
                                                      rows.labels("bloc", about).tolist(), counts.tolist())]
    # Finest precision first, then the shortest lag (no lag last), then by name.
    records.sort(key=lambda r: (PRECISION_RANK.get(r["precision"], len(PRECISION_RANK)), r["lag_days"] != r["lag_days"],
                                0.0 if r["lag_days"] != r["lag_days"] else r["lag_days"], r["actor_name"]))
    return pd.DataFrame(records, columns=columns)


def reaction_window(rows: pd.DataFrame, trigger_date) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The stretch of time the reactions panel shows: from just before the trigger to at most 60 days after."""
    if trigger_date is None:
        return None
    trigger = pd.Timestamp(trigger_date)
    return trigger - pd.Timedelta(days=40), trigger + pd.Timedelta(days=61)


# (date key, precision key, the grouping's name) from finest to coarsest; see Selection.sort_key.
POINT_LEVELS = (("date", "date_precision", ""), ("date_by_week", "precision_rank", "week"),
                ("date_by_month", "coarse_precision_rank", "month"))


def reaction_points(rows: Rows, *, limit: int = 30, window=None, max_points: int = 600) -> pd.DataFrame:
    """Dated statements aggregated for the timeline: one row per actor, date, precision and stance, with
    a count and one quote, for the `limit` actors with most statements inside `window` (so a chart never
    gets raw rows). When that is still more than `max_points`, days are grouped into weeks, then months;
    `grouped` names the grouping of such a point ("" for a point that is one date as the source gives it)."""
    columns = ["actor_name", "start", "end", "precision", "stance", "n", "quote", "target_label", "grouped"]
    dated = _dated(Selection.of(rows))
    if window is not None:
        when = dated.array("date")
        dated = dated.where((when >= pd.Timestamp(window[0]).value) & (when < pd.Timestamp(window[1]).value))
    dated = top_actors(dated, limit=limit)
    if dated.empty:
        return pd.DataFrame(columns=columns)
    # Too many points for one chart: days become weeks, then days and weeks become months. The rows are
    # grouped once, by day; a coarser level merges those groups (thousands of them, not a million rows).
    days = dated.runs(("actor_id", "date", "date_precision", "stance"))
    for level in POINT_LEVELS:
        firsts, counts, finest = _merged(dated, days, ("actor_id", level[0], level[1], "stance"))
        if len(firsts) <= max_points:
            break
    date_key, _, coarser = level
    grouped = np.where(finest == PRECISION_RANK["day"], coarser, "") if coarser else np.full(len(firsts), "")
    precision = np.where(grouped != "", grouped, dated.labels("date_precision", firsts))
    start = dated.sort_key(date_key)[firsts]
    # Lanes from the first to react: statements known to the day before those known only to the month.
    day_firsts = days.first()
    actor, rank = dated.codes("actor_id")[0][day_firsts], dated.sort_key("precision_rank")[day_firsts]
    when = dated.array("date")[day_firsts]
    earliest = np.lexsort((when, rank, actor))  # per actor, its finest and then earliest day group first
    earliest = earliest[np.flatnonzero(np.diff(actor[earliest], prepend=-1))]
    lane_order = sorted(range(len(earliest)), key=lambda i: (rank[earliest[i]], when[earliest[i]]))
    lane = {int(actor[earliest[i]]): number for number, i in enumerate(lane_order)}
    actor_of_point = dated.codes("actor_id")[0][firsts].tolist()
    order = sorted(range(len(firsts)), key=lambda i: (lane[actor_of_point[i]], start[i]))
    ends = period_ends(start, precision)
    return pd.DataFrame({"actor_name": dated.labels("actor_name", firsts)[order],
                         "start": pd.to_datetime(start[order]), "end": pd.to_datetime(ends[order]),
                         "precision": precision[order].astype(object),
                         "stance": dated.labels("stance", firsts)[order], "n": counts[order],
                         "quote": dated.labels("quote", firsts)[order],
                         "target_label": dated.labels("target_label", firsts)[order],
                         "grouped": grouped[order].astype(object)}, columns=columns)


def _merged(rows: Selection, groups, keys: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Groups of rows (a Runs) merged by coarser `keys` that every row of a group shares: (first frame
    position, number of rows, finest precision rank) per merged group, in the order of `keys`, exactly as
    grouping the rows by `keys` would give."""
    firsts = groups.first()  # a group's first row is its smallest frame position (the sorts are stable)
    values = [rows.sort_key(key)[firsts] for key in keys]
    order = np.lexsort(values[::-1])
    change = np.zeros(len(order), dtype=bool)
    change[:1] = True
    for value in values:
        change[1:] |= value[order][1:] != value[order][:-1]
    starts = np.flatnonzero(change)
    rank = rows.sort_key("precision_rank")[firsts][order]
    return (np.minimum.reduceat(firsts[order], starts), np.add.reduceat(groups.lengths[order], starts),
            np.minimum.reduceat(rank, starts))


def period_ends(starts: np.ndarray, precisions: np.ndarray) -> np.ndarray:
    """The end of each period (see `period`) for int64-nanosecond starts: calendar months, years and decades
    by calendar arithmetic, days and weeks by their fixed length."""
    stamps = starts.astype("datetime64[ns]")
    ends = np.full(len(starts), np.datetime64("NaT"), dtype="datetime64[ns]")
    for precision, step in (("day", np.timedelta64(1, "D")), ("week", np.timedelta64(7, "D"))):
        ends = np.where(precisions == precision, stamps + step, ends)
    for precision, unit, count in (("month", "M", 1), ("year", "Y", 1), ("decade", "Y", 10)):
        # A precision's date is the first of its period, so its calendar unit holds it exactly.
        ends = np.where(precisions == precision, (stamps.astype(f"datetime64[{unit}]") + count).astype(
            "datetime64[ns]"), ends)
    return ends


def stance_series(rows: Rows, *, max_dates: int = 120) -> pd.DataFrame:
    """One actor's stance per target and date, for the stance-over-time chart: the mean score of the
    statements of that date (or month, when there are more than `max_dates` dates), their count and a quote."""
    from analysis.query.aggregates import nearest_stances

    columns = ["target_label", "date", "date_precision", "score", "stance", "n", "quote"]
    rows = Selection.of(rows)
    dated = rows.where(rows.array("date") != NOT_A_TIME)
    if dated.empty:
        return pd.DataFrame(columns=columns)
    by_month = len(np.unique(dated.array("date")[dated.positions])) > max_dates
    runs = dated.runs(("target_label", "month" if by_month else "date"), within=("date",))
    firsts = runs.first()
    score = runs.mean("score")
    return pd.DataFrame({
        "target_label": runs.key("target_label"),
        "date": pd.to_datetime(dated.sort_key("month" if by_month else "date")[firsts]),
        "date_precision": "month" if by_month else runs.key("date_precision"),
        "score": score, "stance": nearest_stances(score), "n": runs.lengths,
        "quote": dated.labels("quote", firsts)}, columns=columns)


def silent_actors(view: Rows, candidates: pd.DataFrame, *, target_ids) -> pd.DataFrame:
    """Actors among `candidates` (rows of actors.csv) with no statement on any of `target_ids`."""
    view = Selection.of(view)
    spoke = set(view.where(view.is_in("target_id", list(target_ids))).counts("actor_id").index)
    ids, blocs, names = (candidates[c].tolist() for c in ("actor_id", "bloc", "name"))
    silent = sorted((i for i, actor_id in enumerate(ids) if actor_id not in spoke), key=lambda i: (blocs[i], names[i]))
    return candidates.iloc[silent][["actor_id", "name", "bloc", "kind", "country"]].reset_index(drop=True)


def lag_finding(lags: pd.DataFrame) -> str:
    """'2 actors reacted the same day; 9 more in Nov 2025 (month precision); 3 undated'."""
    if lags.empty:
        return "No statements match the filters"
    parts = []
    precisions, lag_days, firsts = (lags[c].tolist() for c in ("precision", "lag_days", "first_statement"))
    exact = [days for precision, days in zip(precisions, lag_days) if precision == "day"]
    if exact:
        same_day = sum(days == 0 for days in exact)
        later = [days for days in exact if days > 0]
        if same_day:
            parts.append(f"{same_day} actor{'s' if same_day != 1 else ''} reacted the same day")
        if later:
            parts.append(f"{len(later)} within {int(max(later))} days")
    coarse: dict[tuple[str, str], int] = {}  # (precision, first statement) -> actors, in order of appearance
    for precision, first in zip(precisions, firsts):
        if precision in ("month", "year", "decade"):
            coarse[precision, first] = coarse.get((precision, first), 0) + 1
    for (precision, first), count in coarse.items():
        parts.append(f"{count} {'more ' if parts else ''}in {first} ({precision} precision)")
    undated = precisions.count("unknown")
    if undated:
        parts.append(f"{undated} with no date")
    return "; ".join(parts)
