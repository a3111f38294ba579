"""Time shaping: date periods that respect their precision, reaction lags, and who is silent so far."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.query.aggregates import Rows, nearest_stances, top_actors
from analysis.query.selection import NOT_A_TIME, PRECISION_RANK, Selection

# Fixed lengths as Timedelta (fast); calendar ones as DateOffset.
PERIOD_OFFSETS = {
    "day": pd.Timedelta(days=1),
    "week": pd.Timedelta(days=7),
    "month": pd.DateOffset(months=1),
    "year": pd.DateOffset(years=1),
    "decade": pd.DateOffset(years=10),
}


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
        if (
            role == "trigger"
            and not pd.isna(date)
            and (wanted is None or source_id in wanted)
            and (earliest is None or date < dates[earliest])
        ):
            earliest = i
    return None if earliest is None else events.iloc[earliest]


def trigger_date(events: pd.DataFrame, *, source_ids=None):
    """The date of the trigger event (see trigger_event), or None."""
    event = trigger_event(events, source_ids=source_ids)
    return None if event is None else event["date"]


def _dated(rows: Selection) -> Selection:
    """The rows with a date that stands for a known period."""
    return rows.where((rows.array("date") != NOT_A_TIME) & rows.is_in("date_precision", list(PERIOD_OFFSETS)))


class FirstReaction(NamedTuple):
    actor_id: str
    actor_name: str
    bloc: str
    start: pd.Timestamp  # NaT for an actor with no dated statement
    precision: str
    lag_days: float  # NaN unless the date is known to the day and there is a trigger
    statements: int

    def order(self) -> tuple:
        """Finest precision first, then the shortest lag (no lag last), then by name."""
        no_lag = self.lag_days != self.lag_days
        return (
            PRECISION_RANK.get(self.precision, len(PRECISION_RANK)),
            no_lag,
            0.0 if no_lag else self.lag_days,
            self.actor_name,
        )


FIRST_REACTION_COLUMNS = list(FirstReaction._fields)


def first_reactions(rows: Rows, *, trigger_date) -> pd.DataFrame:
    """Per actor: the date of its first dated statement (the start of the period it stands for), its
    precision, and for a date known to the day how many days after the trigger it came (NaN otherwise: a
    month-precision date gives no number of days), in FirstReaction.order. Kept with the selection: the
    timeline's title and its table both ask."""
    rows = Selection.of(rows)
    return rows.memo(("first_reactions", trigger_date), lambda: _first_reactions(rows, trigger_date))


def _first_reactions(rows: Selection, trigger_date) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame(columns=FIRST_REACTION_COLUMNS)
    trigger = pd.Timestamp(trigger_date) if trigger_date is not None else None
    codes, counts = rows.present("actor_id")
    about = rows.firsts("actor_id")[codes]
    # The earliest period start, then the finest precision: the first row of each actor in that order.
    earliest = _dated(rows).runs(("actor_id",), within=("date", "precision_rank"))
    first = dict(
        zip(
            earliest.key("actor_id").tolist(),
            zip(pd.to_datetime(earliest.selection.array("date")[earliest.first()]), earliest.key("date_precision")),
        )
    )
    records = []
    for actor_id, name, bloc, count in zip(
        rows.codes("actor_id")[1][codes].tolist(),
        rows.labels("actor_name", about).tolist(),
        rows.labels("bloc", about).tolist(),
        counts.tolist(),
    ):
        start, precision = first.get(actor_id, (pd.NaT, "unknown"))
        days = float((start - trigger).days) if precision == "day" and trigger is not None else float("nan")
        records.append(FirstReaction(actor_id, name, bloc, start, precision, days, int(count)))
    return pd.DataFrame(sorted(records, key=FirstReaction.order), columns=FIRST_REACTION_COLUMNS)


def reaction_window(trigger_date) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The stretch of time whose reactions the timeline shows: from 40 days before the trigger to 60 after."""
    if trigger_date is None:
        return None
    trigger = pd.Timestamp(trigger_date)
    return trigger - pd.Timedelta(days=40), trigger + pd.Timedelta(days=61)


def shown_window(starts: list[pd.Timestamp], ends: list[pd.Timestamp], trigger: pd.Timestamp) -> list[pd.Timestamp]:
    """The reactions' axis range: at least from 4 days before the trigger to 14 after, widened to show every
    reaction period that ends in the 60 days before it whole (a month-precision statement spans its
    month), up to 60 days after it."""
    since, until = trigger - pd.Timedelta(days=60), trigger + pd.Timedelta(days=60)
    near = [(start, end) for start, end in zip(starts, ends) if end > since]
    first = min([trigger - pd.Timedelta(days=4), *(start for start, _ in near)])
    last = max([trigger + pd.Timedelta(days=14), *(min(end, until) for _, end in near)])
    day = pd.Timedelta(days=1)
    return [first - day, last + day]


# (date key, precision key, the grouping's name) from finest to coarsest; see Selection.sort_key.
POINT_LEVELS = (
    ("date", "date_precision", ""),
    ("date_by_week", "precision_rank", "week"),
    ("date_by_month", "coarse_precision_rank", "month"),
)


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
    return pd.DataFrame(
        {
            "actor_name": dated.labels("actor_name", firsts)[order],
            "start": pd.to_datetime(start[order]),
            "end": pd.to_datetime(ends[order]),
            "precision": precision[order].astype(object),
            "stance": dated.labels("stance", firsts)[order],
            "n": counts[order],
            "quote": dated.labels("quote", firsts)[order],
            "target_label": dated.labels("target_label", firsts)[order],
            "grouped": grouped[order].astype(object),
        },
        columns=columns,
    )


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
    return (
        np.minimum.reduceat(firsts[order], starts),
        np.add.reduceat(groups.lengths[order], starts),
        np.minimum.reduceat(rank, starts),
    )


def period_ends(starts: np.ndarray, precisions: np.ndarray) -> np.ndarray:
    """The end of each period (see `period`) for int64-nanosecond starts: calendar months, years and decades
    by calendar arithmetic, days and weeks by their fixed length."""
    stamps = starts.astype("datetime64[ns]")
    ends = np.full(len(starts), np.datetime64("NaT"), dtype="datetime64[ns]")
    for precision, step in (("day", np.timedelta64(1, "D")), ("week", np.timedelta64(7, "D"))):
        ends = np.where(precisions == precision, stamps + step, ends)
    for precision, unit, count in (("month", "M", 1), ("year", "Y", 1), ("decade", "Y", 10)):
        # A precision's date is the first of its period, so its calendar unit holds it exactly.
        ends = np.where(
            precisions == precision, (stamps.astype(f"datetime64[{unit}]") + count).astype("datetime64[ns]"), ends
        )
    return ends


def stance_series(rows: Rows, *, max_dates: int = 120) -> pd.DataFrame:
    """One actor's stance per target and date, for the stance-over-time chart: the mean score of the
    statements of that date (or month, when there are more than `max_dates` dates), their count and a quote."""
    columns = ["target_label", "date", "date_precision", "score", "stance", "n", "quote"]
    rows = Selection.of(rows)
    dated = rows.where(rows.array("date") != NOT_A_TIME)
    if dated.empty:
        return pd.DataFrame(columns=columns)
    by_month = len(np.unique(dated.array("date")[dated.positions])) > max_dates
    runs = dated.runs(("target_label", "month" if by_month else "date"), within=("date",))
    firsts = runs.first()
    score = runs.mean("score")
    return pd.DataFrame(
        {
            "target_label": runs.key("target_label"),
            "date": pd.to_datetime(dated.sort_key("month" if by_month else "date")[firsts]),
            "date_precision": "month" if by_month else runs.key("date_precision"),
            "score": score,
            "stance": nearest_stances(score),
            "n": runs.lengths,
            "quote": dated.labels("quote", firsts),
        },
        columns=columns,
    )


def silent_actors(view: Rows, candidates: pd.DataFrame, *, target_ids) -> pd.DataFrame:
    """Actors among `candidates` (rows of actors.csv) with no statement on any of `target_ids`."""
    view = Selection.of(view)
    spoke = set(view.where(view.is_in("target_id", list(target_ids))).counts("actor_id").index)
    ids, blocs, names = (candidates[c].tolist() for c in ("actor_id", "bloc", "name"))
    silent = sorted((i for i, actor_id in enumerate(ids) if actor_id not in spoke), key=lambda i: (blocs[i], names[i]))
    return candidates.iloc[silent][["actor_id", "name", "bloc", "kind", "country"]].reset_index(drop=True)
