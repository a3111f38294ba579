"""What changed since a baseline: a past briefing (the statements it included, recorded when it was
exported) or a date. New statements, new actors, stance shifts with the evidence for both positions,
corrections made to statements the briefing showed, first reactions, and who is still silent.

A date's precision is respected: a statement dated only to a month is new since a day only when its whole
month is after that day; when the day falls inside its month (or it is undated), it is "maybe new", never
silently guessed either way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.data.schema import STANCE_SCORES
from analysis.query.timeline import PERIOD_OFFSETS

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


@dataclass(frozen=True)
class Baseline:
    """What "before" means: the statements a briefing included (with the stances they had then), or a day."""

    label: str  # "the 12 Nov 2026 briefing (“…”)" or "1 Nov 2026"
    statement_ids: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    since: dt.date | None = None

    @property
    def is_briefing(self) -> bool:
        return self.since is None


@dataclass(frozen=True)
class Changes:
    baseline: Baseline
    new_statements: pd.DataFrame  # the view's columns, plus "status": "new" or "maybe new"
    new_actors: pd.DataFrame  # actor_id, actor_name, bloc, statements
    shifts: pd.DataFrame  # SHIFT_COLUMNS
    corrections: pd.DataFrame  # statement_id, actor_name, target_label, old_stance, new_stance, quote
    first_reactions: pd.DataFrame  # actor_id, actor_name, bloc, first_date, precision, lag_days
    trigger: pd.Timestamp | None  # the date of the story's trigger event, that lags count from
    silent: pd.DataFrame  # actor_id, name, bloc
    before: pd.DataFrame  # the statements as they stood at the baseline (current stances)


def _when(rows: pd.DataFrame, since: dt.date) -> np.ndarray:
    """Per row: "before" (its whole period ends by `since`), "new" (starts after it) or "maybe new"."""
    day = pd.Timestamp(since)
    status = np.full(len(rows), "maybe new", dtype=object)
    dates = rows["date"]
    precisions = rows["date_precision"].astype(str).to_numpy()
    for precision, offset in PERIOD_OFFSETS.items():
        mine = (precisions == precision) & dates.notna().to_numpy()
        if not mine.any():
            continue
        starts = pd.DatetimeIndex(dates[mine])
        ends = starts + offset  # [start, end)
        status[np.flatnonzero(mine)[np.asarray(ends <= day + pd.Timedelta(days=1))]] = "before"
        status[np.flatnonzero(mine)[np.asarray(starts > day)]] = "new"
    return status


def _latest(rows: pd.DataFrame) -> pd.DataFrame:
    """Each actor's latest statement on each target (by date, undated first, then by id)."""
    ordered = rows.sort_values(["date", "statement_id"], na_position="first", kind="stable")
    return ordered.drop_duplicates(["actor_id", "target_id"], keep="last").set_index(["actor_id", "target_id"])


def changes(
    rows: pd.DataFrame,
    baseline: Baseline,
    *,
    candidates: pd.DataFrame,
    trigger_date=None,
) -> Changes:
    """What changed in `rows` (the filtered statements now) since `baseline`. `candidates`: the story's
    actors (actor_id, name, bloc), for who is still silent."""
    rows = rows.reset_index(drop=True)
    ids = rows["statement_id"].astype(str)
    if baseline.is_briefing:
        was = dict(zip(baseline.statement_ids, baseline.stances))
        in_before = ids.isin(was).to_numpy()
        status = np.where(in_before, "before", "new")
        stance_then = ids.map(was)
        corrected = in_before & (stance_then.fillna("").to_numpy() != rows["stance"].astype(str).to_numpy())
        corrections = rows.loc[corrected, ["statement_id", "actor_name", "target_label", "quote"]].assign(
            old_stance=stance_then[corrected].to_numpy(), new_stance=rows.loc[corrected, "stance"].astype(str)
        )
    else:
        status = _when(rows, baseline.since)
        corrections = pd.DataFrame(
            columns=["statement_id", "actor_name", "target_label", "quote", "old_stance", "new_stance"]
        )
    before = rows[status == "before"]
    fresh = rows[status != "before"].assign(status=status[status != "before"])
    shifts = _shifts(before, rows[status == "new"])
    spoke_before = set(before["actor_id"].astype(str))
    newcomers = fresh[~fresh["actor_id"].astype(str).isin(spoke_before)]
    new_actors = (
        newcomers.groupby("actor_id", observed=True, sort=False)
        .agg(actor_name=("actor_name", "first"), bloc=("bloc", "first"), statements=("statement_id", "size"))
        .reset_index()
    )
    return Changes(
        baseline=baseline,
        new_statements=fresh.sort_values(["date", "statement_id"], na_position="last", kind="stable"),
        new_actors=new_actors,
        shifts=shifts,
        corrections=corrections.reset_index(drop=True),
        first_reactions=_first_reactions(newcomers, trigger_date),
        trigger=pd.Timestamp(trigger_date) if trigger_date is not None and not pd.isna(trigger_date) else None,
        silent=_silent(rows, candidates),
        before=before,
    )


def _shifts(before: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Actor × target pairs whose latest stance now (from a new statement) differs from their latest
    stance at the baseline, with both statements."""
    if before.empty or new.empty:
        return pd.DataFrame(columns=list(SHIFT_COLUMNS))
    then, now = _latest(before), _latest(pd.concat([before, new]))
    pairs = now.index.intersection(then.index)
    now, then = now.loc[pairs], then.loc[pairs]
    moved = (now["stance"].astype(str).to_numpy() != then["stance"].astype(str).to_numpy()) & now["statement_id"].isin(
        new["statement_id"]
    ).to_numpy()
    now, then = now[moved], then[moved]
    old_score = then["stance"].astype(str).map(STANCE_SCORES).to_numpy()
    new_score = now["stance"].astype(str).map(STANCE_SCORES).to_numpy()
    shifts = pd.DataFrame(
        {
            "actor_id": [a for a, _ in now.index],
            "actor_name": now["actor_name"].astype(str).to_numpy(),
            "bloc": now["bloc"].astype(str).to_numpy(),
            "target_id": [t for _, t in now.index],
            "target_label": now["target_label"].astype(str).to_numpy(),
            "old_stance": then["stance"].astype(str).to_numpy(),
            "new_stance": now["stance"].astype(str).to_numpy(),
            "direction": np.where(new_score > old_score, "toward support", "toward opposition"),
            "old_statement_id": then["statement_id"].astype(str).to_numpy(),
            "old_quote": then["quote"].astype(str).to_numpy(),
            "old_source": then["source_title"].astype(str).to_numpy(),
            "old_date": then["date"].to_numpy(),
            "new_statement_id": now["statement_id"].astype(str).to_numpy(),
            "new_quote": now["quote"].astype(str).to_numpy(),
            "new_source": now["source_title"].astype(str).to_numpy(),
            "new_date": now["date"].to_numpy(),
        },
        columns=list(SHIFT_COLUMNS),
    )
    return shifts.sort_values(["actor_name", "target_label"], kind="stable").reset_index(drop=True)


def _first_reactions(newcomers: pd.DataFrame, trigger_date) -> pd.DataFrame:
    columns = ["actor_id", "actor_name", "bloc", "first_date", "precision", "lag_days"]
    if newcomers.empty:
        return pd.DataFrame(columns=columns)
    first = (
        newcomers.sort_values("date", na_position="last", kind="stable")
        .drop_duplicates("actor_id")
        .loc[:, ["actor_id", "actor_name", "bloc", "date", "date_precision"]]
        .rename(columns={"date": "first_date", "date_precision": "precision"})
    )
    trigger = pd.Timestamp(trigger_date) if trigger_date is not None and not pd.isna(trigger_date) else None
    lag = (first["first_date"] - trigger).dt.days if trigger is not None else pd.Series(np.nan, index=first.index)
    return first.assign(lag_days=lag).reset_index(drop=True)[columns]


def _silent(rows: pd.DataFrame, candidates: pd.DataFrame) -> pd.DataFrame:
    spoke = set(rows["actor_id"].astype(str))
    silent = candidates[~candidates["actor_id"].astype(str).isin(spoke)]
    return silent.sort_values(["bloc", "name"], kind="stable")[["actor_id", "name", "bloc"]].reset_index(drop=True)


def headline(found: Changes, *, plural) -> str:
    """'Since the 12 Nov 2026 briefing (“…”): 9 new statements, 2 new actors, 1 shift: Germany from cautious
    to opposed'."""
    parts = [plural(len(found.new_statements), "new statement"), plural(len(found.new_actors), "new actor")]
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
    maybe = int((found.new_statements.get("status", pd.Series(dtype=str)) == "maybe new").sum())
    tail = f" ({maybe} of them maybe new: dated too loosely to tell)" if maybe else ""
    return f"Since {found.baseline.label}: " + ", ".join(parts) + tail
