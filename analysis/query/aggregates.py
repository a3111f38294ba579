"""Aggregations over filtered statement rows: what the charts and tiles show.

Every function takes statement rows (a frame shaped like `Tables.view`, or a `Selection` of one from
`filters.select`) and returns a new, small frame or value. Charts receive these aggregates, never the raw
rows. The work is done on integer codes with numpy (see analysis/query/selection.py), so that a filter change
stays fast at a million statements.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.schema import STANCE_SCORES, STANCES
from analysis.query.selection import NOT_A_TIME, Selection

Rows = pd.DataFrame | Selection  # statement rows: a frame shaped like Tables.view, or a selection of one

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
    return nearest_stances([score])[0]


# The candidates nearest neutral first, so that argmin's first minimum breaks a tie towards neutral.
_BY_STRENGTH = sorted(STANCES, key=lambda s: abs(STANCE_SCORES[s]))
_STRENGTH_SCORES = np.array([STANCE_SCORES[s] for s in _BY_STRENGTH])


def nearest_stances(scores) -> list[str]:
    scores = np.asarray(scores, dtype=np.float64).reshape(-1, 1)
    # Rounded so that an exact tie (e.g. -0.5 between cautious and opposed) is not decided by float noise.
    distance = np.round(np.abs(_STRENGTH_SCORES - scores), 9)
    return [_BY_STRENGTH[i] for i in np.argmin(distance, axis=1).tolist()]


def _frame(columns: dict, order: list[int]) -> pd.DataFrame:
    """A small result frame, built in one step from equal-length columns (lists or arrays) with its rows in
    `order`: pandas costs about a millisecond per step on a frame of any size, more than the work behind it."""
    return pd.DataFrame(
        {
            name: [values[i] for i in order] if isinstance(values, list) else values[order]
            for name, values in columns.items()
        }
    )


def headline_numbers(rows: Rows) -> dict[str, int]:
    rows = Selection.of(rows)
    stance_counts = rows.counts("stance")
    return {
        "statements": len(rows),
        "actors": rows.nunique("actor_id"),
        "blocs": rows.nunique("bloc"),
        "sources": rows.nunique("source_id"),
        "supportive": int(stance_counts.get("supportive", 0)),
        "cautious": int(stance_counts.get("cautious", 0)),
        "opposing": int(sum(stance_counts.get(s, 0) for s in OPPOSING)),
        "neutral": int(stance_counts.get("neutral", 0)),
    }


def stance_counts(rows: Rows, *, by: str) -> pd.DataFrame:
    """Statement counts per group and stance: one row per group, a column per stance (in scale order),
    plus `n` and `net` (the mean stance score), sorted from most supportive to most opposed."""
    rows = Selection.of(rows)
    if rows.empty:
        return pd.DataFrame(columns=[by, *STANCES, "n", "net"]).astype({s: "int64" for s in STANCES})
    groups, stances = rows.codes(by)[1], rows.codes("stance")[1].tolist()
    by_code = rows.cross_tally(by, "stance")  # stance columns in the column's own category order
    cells = np.zeros((len(groups), len(STANCES)), dtype=np.int64)
    for j, stance in enumerate(STANCES):
        if stance in stances:
            cells[:, j] = by_code[:, stances.index(stance)]
    n = cells.sum(axis=1)
    used = np.flatnonzero(n > 0)
    cells, n, names = cells[used], n[used], groups[used].tolist()
    net = (cells @ np.array([STANCE_SCORES[s] for s in STANCES], dtype=np.float64)) / n
    order = sorted(range(len(names)), key=lambda i: (-net[i], -n[i], names[i]))
    return pd.DataFrame(
        {
            by: pd.array([names[i] for i in order], dtype="str"),
            **{stance: cells[order, j] for j, stance in enumerate(STANCES)},
            "n": n[order],
            "net": net[order],
        }
    )


def _short(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= HOVER_QUOTE_CHARS else quote[: HOVER_QUOTE_CHARS - 1] + "…"


QUOTE_ORDER = ("-confidence", "statement_id")  # the quotes a chart shows first: most confident


def _top_quotes(runs, *, label: str | None = None) -> list[list[str]]:
    """Up to HOVER_QUOTES different short quotes per group of `runs`, most confident first (the runs are
    ordered by QUOTE_ORDER within each group). `label` prefixes each quote with that column, e.g. the actor."""
    groups, positions = runs.head(HOVER_SAMPLE)
    quotes = runs.selection.labels("quote", positions).tolist()
    if label:
        quotes = [f"{name}: {quote}" for name, quote in zip(runs.selection.labels(label, positions).tolist(), quotes)]
    picked: list[list[str]] = [[] for _ in range(len(runs))]
    for group, quote in zip(groups.tolist(), quotes):
        if len(picked[group]) < HOVER_QUOTES and _short(quote) not in picked[group]:
            picked[group].append(_short(quote))
    return picked


def top_actors(rows: Rows, *, limit: int | None) -> Selection:
    """The rows of the `limit` actors with most statements (all rows when limit is None or not reached)."""
    rows = Selection.of(rows)
    counts = rows.counts("actor_id")
    if limit is None or len(counts) <= limit:
        return rows
    return rows.where(rows.is_in("actor_id", counts.index[:limit]))


def _actor_order(rows: Selection) -> list[str]:
    """Actor ids in the spectrum's order (see _spectrum_order)."""
    runs = rows.runs(("actor_id",))
    ids = runs.key("actor_id").tolist()
    return [
        ids[i]
        for i in _spectrum_order(
            runs.key("bloc").tolist(), runs.mean("score").tolist(), runs.key("actor_name").tolist()
        )
    ]


def _spectrum_order(blocs: list[str], scores: list[float], names: list[str]) -> list[int]:
    """Positions of actors in the spectrum's order: blocs from most to least supportive (the mean of their
    actors' scores), then actors by score, then by name."""
    totals: dict[str, list[float]] = {}
    for bloc, score in zip(blocs, scores):
        total = totals.setdefault(bloc, [0.0, 0])
        total[0] += score
        total[1] += 1
    bloc_net = {bloc: total / count for bloc, (total, count) in totals.items()}
    return sorted(range(len(names)), key=lambda i: (-bloc_net[blocs[i]], blocs[i], -scores[i], names[i]))


def actor_positions(rows: Rows, *, limit: int | None = None) -> pd.DataFrame:
    """One row per actor: its bloc, statement count, mean score, nearest stance and a few quotes.

    Sorted by bloc (most supportive bloc first) and then by score, which is the spectrum's order. With
    `limit`, only the actors with most statements are kept.
    """
    columns = ["actor_id", "actor_name", "bloc", "n", "score", "stance", "quotes", "targets"]
    rows = top_actors(rows, limit=limit)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    runs = rows.runs(("actor_id",), within=QUOTE_ORDER)
    ids, score = runs.key("actor_id").tolist(), runs.mean("score")
    pairs = rows.runs(("actor_id", "target_label"))
    targets: dict[str, list[str]] = {}
    for actor, label in zip(pairs.key("actor_id").tolist(), pairs.key("target_label").tolist()):
        targets.setdefault(actor, []).append(label)
    names, blocs = runs.key("actor_name").tolist(), runs.key("bloc").tolist()
    return _frame(
        {
            "actor_id": ids,
            "actor_name": names,
            "bloc": blocs,
            "n": runs.lengths,
            "score": score,
            "stance": nearest_stances(score),
            "quotes": _top_quotes(runs),
            "targets": [sorted(targets[a]) for a in ids],
        },
        _spectrum_order(blocs, score.tolist(), names),
    )


KEY_QUOTE_ORDER = ("mode_rank", "-confidence", "-strength", "quote_length", "statement_id")


def key_quotes(rows: Rows, *, per_bloc: int = 1) -> pd.DataFrame:
    """The most telling quote(s) per bloc: direct speech first, then confidence, then a clear position."""
    rows = Selection.of(rows)
    if rows.empty:
        return rows.frame.head(0)
    runs = rows.runs(("bloc",), within=KEY_QUOTE_ORDER)
    groups, positions = runs.head(per_bloc)
    # Blocs in the bloc chart's order (stance_counts), then by statement id within a bloc.
    bloc_rank = {b: i for i, b in enumerate(stance_counts(rows, by="bloc")["bloc"].tolist())}
    blocs = runs.key("bloc").tolist()
    ids = rows.labels("statement_id", positions).tolist()
    order = sorted(range(len(positions)), key=lambda i: (bloc_rank.get(blocs[groups[i]], len(bloc_rank)), ids[i]))
    return rows.take(positions[order]).reset_index(drop=True)


CELL_STANCES = ("latest", "earliest", "mean")  # what a matrix cell's stance is: its latest statement's (default)


def actor_target_cells(
    rows: Rows, *, limit: int | None = None, quotes: bool = True, stance: str = "mean"
) -> pd.DataFrame:
    """One row per (actor, target): statement count, mean score, nearest stance, quotes, and the share of
    statements that are supportive, cautious, neutral and opposed-or-condemning (the DNA actor-by-belief table).

    Rows keep the spectrum's actor order (bloc, then score) and targets go from most to least discussed.
    With `limit`, only the actors with most statements are kept. `quotes=False` leaves the quotes out (empty
    lists), for callers that only count. Kept with a selection: a chart and its table both ask.

    `stance`: "mean" gives each cell the stance nearest its mean score; "latest" or "earliest" the stance of
    its latest or earliest statement (by date; undated ones count as earliest), with that statement's date
    in "when" (int64 ns, NOT_A_TIME if undated) and "when_precision".
    """
    if isinstance(rows, Selection):
        key = ("actor_target_cells", limit, quotes, stance)
        return rows.memo(key, lambda: _actor_target_cells(rows, limit, quotes, stance)).copy()
    return _actor_target_cells(rows, limit, quotes, stance)


def _dated_pick(runs, which: str) -> np.ndarray:
    """Per group of `runs`, the frame position of its latest (or earliest) statement: by date, then by
    position in the table."""
    order = runs.order
    dates = runs.selection.array("date")[order]
    days = np.where(dates == NOT_A_TIME, -1, dates // 86_400_000_000_000) + 1
    rank = days * (len(runs.selection.frame) + 1) + order
    if which == "earliest":
        rank = -rank
    best = pd.Series(rank).groupby(runs.group_of_row).idxmax().to_numpy()
    return order[best]


def _actor_target_cells(rows: Rows, limit: int | None, quotes: bool, stance: str = "mean") -> pd.DataFrame:
    columns = [
        "actor_id",
        "actor_name",
        "bloc",
        "target_id",
        "target_label",
        "n",
        "score",
        "stance",
        "quotes",
        "share_supportive",
        "share_cautious",
        "share_neutral",
        "share_opposed",
        "when",
        "when_precision",
    ]
    rows = top_actors(rows, limit=limit)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    runs = rows.runs(("actor_id", "target_id"), within=QUOTE_ORDER)
    shares, stances = runs.shares("stance")
    share = {
        stance: shares[:, list(stances).index(stance)] if stance in stances else np.zeros(len(runs))
        for stance in STANCES
    }
    actor_ids, target_ids, score = runs.key("actor_id").tolist(), runs.key("target_id").tolist(), runs.mean("score")
    actor_rank = {a: i for i, a in enumerate(_actor_order(rows))}
    target_rank = {t: i for i, t in enumerate(rows.counts("target_id").index.tolist())}
    order = sorted(range(len(runs)), key=lambda i: (actor_rank[actor_ids[i]], target_rank[target_ids[i]]))
    picked = _dated_pick(runs, "latest" if stance == "mean" else stance)
    stances = nearest_stances(score) if stance == "mean" else rows.labels("stance", picked).tolist()
    return _frame(
        {
            "actor_id": actor_ids,
            "actor_name": runs.key("actor_name").tolist(),
            "bloc": runs.key("bloc").tolist(),
            "target_id": target_ids,
            "target_label": runs.key("target_label").tolist(),
            "n": runs.lengths,
            "score": score,
            "stance": stances,
            "quotes": _top_quotes(runs) if quotes else [[] for _ in range(len(runs))],
            "share_supportive": share["supportive"],
            "share_cautious": share["cautious"],
            "share_neutral": share["neutral"],
            "share_opposed": share["opposed"] + share["condemning"],
            "when": rows.array("date")[picked],
            "when_precision": rows.labels("date_precision", picked).tolist(),
        },
        order,
    )


def country_stances(rows: Rows) -> pd.DataFrame:
    """One row per country with country-level actors: statement count, the actors, the net stance
    (mean score of all their statements) and its nearest stance label, and a few quotes."""
    rows = Selection.of(rows)
    return rows.memo("country_stances", lambda: _country_stances(rows)).copy()  # the map and its table both ask


def _country_stances(rows: Selection) -> pd.DataFrame:
    columns = ["country", "n", "actors", "net", "stance", "quotes"]
    located = rows.where(~rows.is_in("country", [""]) & (rows.codes("country")[0] >= 0))
    if located.empty:
        return pd.DataFrame(columns=columns)
    runs = located.runs(("country",), within=QUOTE_ORDER)
    countries, net = runs.key("country").tolist(), runs.mean("score")
    actors: dict[str, list[str]] = {}
    named = located.runs(("country", "actor_name"))
    for country, name in zip(named.key("country").tolist(), named.key("actor_name").tolist()):
        actors.setdefault(country, []).append(name)
    return pd.DataFrame(
        {
            "country": countries,
            "n": runs.lengths,
            "actors": [actors[c] for c in countries],
            "net": net,
            "stance": nearest_stances(net),
            "quotes": _top_quotes(runs, label="actor_name"),
        }
    )
