"""What changed since a baseline: a past briefing (the statements it included, recorded when it was
exported) or a date. New statements, new actors, stance shifts with the evidence for both positions,
corrections made to statements the briefing showed, first reactions, and who is still silent.

A date's precision is respected: a statement dated only to a month is new since a day only when its whole
month is after that day; when the day falls inside its month (or it is undated), it is "maybe new", never
silently guessed either way.

Everything works on the selection's arrays (codes, dates as integers, masks), so a million statements cost
a few passes over integer arrays; only the rows shown are gathered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.data.schema import STANCE_SCORES
from analysis.query.selection import NOT_A_TIME, Selection

SHIFT_COLUMNS = (
    "actor_id",
    "actor_name",
    "bloc",
    "target_id",
    "target_label",
    "old_stance",
    "new_stance",
    "direction",  # "toward support" or "toward opposition"
    "old_statement_id",
    "old_quote",
    "old_source",
    "old_date",
    "new_statement_id",
    "new_quote",
    "new_source",
    "new_date",
)
STATEMENT_COLUMNS = [
    "statement_id",
    "actor_id",
    "actor_name",
    "bloc",
    "stance",
    "target_id",
    "target_label",
    "quote",
    "source_title",
    "date",
    "date_precision",
]
BEFORE, NEW, MAYBE = 0, 1, 2
DAY_NS = 86_400 * 10**9


@dataclass(frozen=True)
class Baseline:
    """What "before" means: the statements a briefing included (with the stances they had then), or a day."""

    label: str  # "the 12 Nov 2026 briefing (“…”)" or "1 Nov 2026"
    statement_ids: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    since: dt.date | None = None
    key: str = ""  # the briefing's id: what its positions are kept under, once per dataset

    @property
    def is_briefing(self) -> bool:
        return self.since is None


@dataclass(frozen=True)
class Changes:
    baseline: Baseline
    now: Selection  # the filtered statements now
    before: Selection  # those that stood at the baseline (with their current stances)
    new: Selection  # new or maybe new since the baseline
    status: np.ndarray  # per row of the frame: BEFORE, NEW or MAYBE (rows outside the selection: -1)
    new_actors: pd.DataFrame  # actor_id, actor_name, bloc, statements
    shifts: pd.DataFrame  # SHIFT_COLUMNS
    corrections: pd.DataFrame  # statement_id, actor_name, target_label, quote, old_stance, new_stance
    first_reactions: pd.DataFrame  # actor_id, actor_name, bloc, first_date, precision, lag_days
    silent: pd.DataFrame  # actor_id, name, bloc
    trigger: pd.Timestamp | None  # the date of the story's trigger event, that lags count from

    @property
    def maybe_count(self) -> int:
        return int(np.count_nonzero(self.status[self.new.positions] == MAYBE))

    def new_statements(self, limit: int | None = None) -> pd.DataFrame:
        """The new (and maybe new) statements, oldest first (undated last), the first `limit` of them, with
        their "status"."""
        positions = self.new.positions
        order = np.lexsort((positions, self.new.array("date")[positions]))
        chosen = positions[order][:limit]
        rows = self.new.take(chosen, STATEMENT_COLUMNS, plain=True)
        return rows.assign(status=np.where(self.status[chosen] == MAYBE, "maybe new", "new")).reset_index(drop=True)


def _period_ends(starts_ns: np.ndarray, precisions: np.ndarray) -> np.ndarray:
    """The end (exclusive, as datetime64[D]) of each dated period; NaT where the precision has no length."""
    days = (starts_ns // DAY_NS).astype("datetime64[D]")
    ends = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[D]")
    step = {"day": 1, "week": 7}
    for precision, length in step.items():
        mine = precisions == precision
        ends[mine] = days[mine] + length
    for precision, unit, count in (("month", "M", 1), ("year", "Y", 1), ("decade", "Y", 10)):
        mine = precisions == precision
        if mine.any():
            ends[mine] = (days[mine].astype(f"datetime64[{unit}]") + count).astype("datetime64[D]")
    return ends


def date_status(dates_ns: np.ndarray, precisions: np.ndarray, since: dt.date) -> np.ndarray:
    """Per row: BEFORE (its whole period ends by the end of `since`), NEW (it starts after `since`) or MAYBE
    (the day falls inside its period, or it is undated). `dates_ns`: int64 nanoseconds, NOT_A_TIME undated."""
    status = np.full(len(dates_ns), MAYBE, dtype=np.int8)
    dated = dates_ns != NOT_A_TIME
    day = np.datetime64(since, "D")
    starts = np.where(dated, dates_ns, 0) // DAY_NS
    ends = _period_ends(np.where(dated, dates_ns, 0), precisions)
    known = dated & ~np.isnat(ends)
    status[known & (ends <= day + 1)] = BEFORE
    status[known & (starts > day.astype(np.int64))] = NEW
    return status


def _date_status_of(now: Selection, since: dt.date) -> np.ndarray:
    codes, names = now.codes("date_precision")
    dates = now.array("date")
    status = np.full(len(dates), MAYBE, dtype=np.int8)
    for code, name in enumerate(names):
        rows = np.flatnonzero(codes == code)
        status[rows] = date_status(dates[rows], np.full(len(rows), name, dtype=object), since)
    return status


def _briefing_status(now: Selection, baseline: Baseline) -> tuple[np.ndarray, np.ndarray]:
    """(status per frame row, the stance code each briefed row had then, -1 for rows it did not hold)."""
    frame_size = len(now.frame)

    def build():
        index = now.kept("statement_index", lambda: pd.Index(now.frame["statement_id"].astype(str)))
        found = index.get_indexer(list(baseline.statement_ids))
        _, stance_names = now.codes("stance")
        code_of = {name: code for code, name in enumerate(stance_names)}
        then = np.full(frame_size, -1, dtype=np.int32)
        kept = found >= 0
        then[found[kept]] = np.array([code_of.get(s, -1) for s in np.asarray(baseline.stances)[kept]], dtype=np.int32)
        return then

    then = now.kept(("briefing", baseline.key), build) if baseline.key else build()
    status = np.where(then >= 0, BEFORE, NEW).astype(np.int8)
    return status, then


def _latest(selection: Selection) -> tuple[np.ndarray, np.ndarray]:
    """(actor × target pair key, the frame position of its latest statement) for each pair in the selection:
    latest by date (undated first), then by position in the table (later rows were added later)."""
    positions = selection.positions
    if not len(positions):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    actors, _ = selection.codes("actor_id")
    targets, target_names = selection.codes("target_id")
    pair = actors[positions].astype(np.int64) * (len(target_names) + 1) + targets[positions]
    dates = selection.array("date")[positions]
    days = np.where(dates == NOT_A_TIME, -1, dates // DAY_NS) + 1
    rank = days * len(selection.frame) + positions
    latest = pd.Series(rank).groupby(pair).max()
    return latest.index.to_numpy(), latest.to_numpy() % len(selection.frame)


def changes(now: Selection, baseline: Baseline, *, candidates: pd.DataFrame, trigger_date=None) -> Changes:
    """What changed in `now` (the filtered statements) since `baseline`. `candidates`: the story's actors
    (actor_id, name, bloc), for who is still silent."""
    selected = now.mask
    corrections = pd.DataFrame(
        columns=["statement_id", "actor_name", "target_label", "quote", "old_stance", "new_stance"]
    )
    if baseline.is_briefing:
        status, then = _briefing_status(now, baseline)
        stance_codes, stance_names = now.codes("stance")
        corrected = np.flatnonzero(selected & (then >= 0) & (then != stance_codes))
        if len(corrected):
            corrections = now.take(corrected, ["statement_id", "actor_name", "target_label", "quote"], plain=True)
            corrections = corrections.assign(
                old_stance=stance_names[then[corrected]], new_stance=stance_names[stance_codes[corrected]]
            ).reset_index(drop=True)
    else:
        # The same for every filter: kept with the dataset, per day.
        status = now.kept(("date_status", baseline.since), lambda: _date_status_of(now, baseline.since))
    status = np.where(selected, status, -1).astype(np.int8)
    before, new = now.where(status == BEFORE), now.where((status == NEW) | (status == MAYBE))
    newcomers = _newcomers(before, new)
    trigger = pd.Timestamp(trigger_date) if trigger_date is not None and not pd.isna(trigger_date) else None
    return Changes(
        baseline=baseline,
        now=now,
        before=before,
        new=new,
        status=status,
        new_actors=newcomers,
        shifts=_shifts(before, now.where(status != MAYBE)),
        corrections=corrections,
        first_reactions=_first_reactions(new, newcomers, trigger),
        silent=_silent(now, candidates),
        trigger=trigger,
    )


def _newcomers(before: Selection, new: Selection) -> pd.DataFrame:
    """Actors with new statements and none before, with how many."""
    codes, counts = new.present("actor_id")
    earlier = set(before.present("actor_id")[0].tolist())
    keep = np.array([c not in earlier for c in codes.tolist()], dtype=bool)
    codes, counts = codes[keep], counts[keep]
    first = new.firsts("actor_id")[codes]
    return pd.DataFrame(
        {
            "actor_id": new.labels("actor_id", first),
            "actor_name": new.labels("actor_name", first),
            "bloc": new.labels("bloc", first),
            "statements": counts.astype(int),
        }
    )


def _shifts(before: Selection, settled: Selection) -> pd.DataFrame:
    """Actor × target pairs whose latest stance now (from a new statement) differs from their latest
    stance at the baseline, with both statements. `settled`: now, without the maybe-new rows."""
    if len(settled) == len(before):  # nothing new (maybe-new rows do not move anyone)
        return pd.DataFrame(columns=list(SHIFT_COLUMNS))
    then_pairs, then_at = _latest(before)
    now_pairs, now_at = _latest(settled)
    if not len(then_pairs) or not len(now_pairs):
        return pd.DataFrame(columns=list(SHIFT_COLUMNS))
    _, then_i, now_i = np.intersect1d(then_pairs, now_pairs, return_indices=True)
    old, new = then_at[then_i], now_at[now_i]
    stances, _ = before.codes("stance")
    moved = (old != new) & (stances[old] != stances[new])
    old, new = old[moved], new[moved]
    if not len(old):
        return pd.DataFrame(columns=list(SHIFT_COLUMNS))
    then_rows = before.take(old, STATEMENT_COLUMNS, plain=True).reset_index(drop=True)
    now_rows = before.take(new, STATEMENT_COLUMNS, plain=True).reset_index(drop=True)
    old_score = then_rows["stance"].map(STANCE_SCORES).to_numpy()
    new_score = now_rows["stance"].map(STANCE_SCORES).to_numpy()
    shifts = pd.DataFrame(
        {
            "actor_id": now_rows["actor_id"],
            "actor_name": now_rows["actor_name"],
            "bloc": now_rows["bloc"],
            "target_id": now_rows["target_id"],
            "target_label": now_rows["target_label"],
            "old_stance": then_rows["stance"],
            "new_stance": now_rows["stance"],
            "direction": np.where(new_score > old_score, "toward support", "toward opposition"),
            "old_statement_id": then_rows["statement_id"],
            "old_quote": then_rows["quote"],
            "old_source": then_rows["source_title"],
            "old_date": then_rows["date"],
            "new_statement_id": now_rows["statement_id"],
            "new_quote": now_rows["quote"],
            "new_source": now_rows["source_title"],
            "new_date": now_rows["date"],
        },
        columns=list(SHIFT_COLUMNS),
    )
    return shifts.sort_values(["actor_name", "target_label"], kind="stable").reset_index(drop=True)


def _first_reactions(new: Selection, newcomers: pd.DataFrame, trigger: pd.Timestamp | None) -> pd.DataFrame:
    """Each new actor's first statement since the baseline, and its lag in days after the trigger."""
    columns = ["actor_id", "actor_name", "bloc", "first_date", "precision", "lag_days"]
    if newcomers.empty:
        return pd.DataFrame(columns=columns)
    actors, _ = new.codes("actor_id")
    mine = new.where(new.is_in("actor_id", newcomers["actor_id"]))
    positions = mine.positions
    dates = mine.array("date")[positions]
    first = (
        pd.Series(positions[np.lexsort((positions, dates))])
        .groupby(actors[positions[np.lexsort((positions, dates))]], sort=False)
        .first()
    )
    rows = mine.take(first.to_numpy(), ["actor_id", "actor_name", "bloc", "date", "date_precision"], plain=True)
    rows = rows.rename(columns={"date": "first_date", "date_precision": "precision"}).reset_index(drop=True)
    lag = (rows["first_date"] - trigger).dt.days if trigger is not None else pd.Series(np.nan, index=rows.index)
    return rows.assign(lag_days=lag)[columns]


def _silent(now: Selection, candidates: pd.DataFrame) -> pd.DataFrame:
    codes, _ = now.present("actor_id")
    _, names = now.codes("actor_id")
    spoke = set(names[codes].tolist())
    silent = candidates[~candidates["actor_id"].astype(str).isin(spoke)]
    return silent.sort_values(["bloc", "name"], kind="stable")[["actor_id", "name", "bloc"]].reset_index(drop=True)


def headline(found: Changes, *, plural) -> str:
    """'Since the 12 Nov 2026 briefing (“…”): 9 new statements, 2 new actors, 1 shift: Germany from cautious
    to opposed'."""
    parts = [plural(len(found.new), "new statement"), plural(len(found.new_actors), "new actor")]
    shift_text = plural(len(found.shifts), "shift")
    if len(found.shifts):
        first = found.shifts.head(2)
        named = [
            f"{a} from {o} to {n}" for a, o, n in zip(first["actor_name"], first["old_stance"], first["new_stance"])
        ]
        more = f" and {len(found.shifts) - 2} more" if len(found.shifts) > 2 else ""
        shift_text += ": " + "; ".join(named) + more
    parts.append(shift_text)
    if len(found.corrections):
        parts.append(plural(len(found.corrections), "correction"))
    maybe = found.maybe_count
    tail = f" ({maybe} of them maybe new: dated too loosely to tell)" if maybe else ""
    return f"Since {found.baseline.label}: " + ", ".join(parts) + tail
