"""Some rows of the statement view, chosen by a mask, and the grouping machinery that keeps a filter change
fast at a million statements.

A filter change must not copy a million rows of text or sort them. So a Selection is the view plus a
boolean mask, and every aggregate works on integer codes with numpy: counting is a `bincount`, grouping
walks a sort order that was computed once per dataset (`Runs`). Those per-dataset arrays live in `shared`,
a dict that belongs to one loaded dataset (`Tables.derived`), so they are built once per data fingerprint.
Rows are only materialised for the few that are shown (`take`), or on request (`rows`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

# Derived sort keys, beyond plain columns. "-x" sorts x descending.
MODE_RANK = {"direct": 0, "reported": 1, "characterized": 2}
PRECISION_RANK = {"day": 0, "week": 0, "month": 1, "year": 2, "decade": 3, "unknown": 4}
NOT_A_TIME = np.iinfo(np.int64).max  # undated rows sort last


class Selection:
    """The rows of `frame` where `mask` is true. Nothing here modifies the frame."""

    def __init__(self, frame: pd.DataFrame, mask: np.ndarray | None = None, *, shared: dict | None = None):
        self.frame = frame
        self.mask = np.ones(len(frame), dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
        self.shared = {} if shared is None else shared
        self._per_selection: dict = {}  # tallies and aggregates of this selection, built once

    @classmethod
    def of(cls, rows: pd.DataFrame | Selection) -> Selection:
        return rows if isinstance(rows, Selection) else cls(rows)

    @classmethod
    def everything(cls, tables) -> Selection:
        """Every statement of a loaded dataset (`Tables`), sharing the arrays derived from it once."""
        return cls(tables.view, shared=tables.derived)

    def where(self, mask: np.ndarray) -> Selection:
        """A narrower selection of the same frame (sharing its derived arrays)."""
        return Selection(self.frame, self.mask & mask, shared=self.shared)

    @cached_property
    def positions(self) -> np.ndarray:
        return np.flatnonzero(self.mask)

    @cached_property
    def _size(self) -> int:
        return int(np.count_nonzero(self.mask))

    def __len__(self) -> int:
        return self._size

    @property
    def empty(self) -> bool:
        return len(self) == 0

    @cached_property
    def rows(self) -> pd.DataFrame:
        """The selected rows as a frame (a copy): for the callers that need every column of every row."""
        return self.frame.iloc[self.positions]

    def take(self, positions: np.ndarray, columns: list[str] | None = None, *, plain: bool = False) -> pd.DataFrame:
        """Some rows of the frame by position, e.g. the few quotes a chart shows (only `columns`, if given:
        gathering every text column of a million-row frame costs more than the rest of a chart). `plain`
        gives categorical columns as plain strings (missing: NaN), read from the codes kept with the data:
        pandas would convert every category of the dataset to do that."""
        positions = np.asarray(positions, dtype=np.int64)
        columns = list(self.frame.columns) if columns is None else columns
        taken = self.frame.iloc[positions, [self.frame.columns.get_loc(c) for c in columns]]
        if not plain:
            return taken
        categorical = [c for c in columns if isinstance(self.frame[c].dtype, pd.CategoricalDtype)]
        strings = {}
        for column in categorical:
            strings[column] = pd.array(self.labels(column, positions, missing=None), dtype="str")
        return taken.assign(**strings) if strings else taken

    def kept(self, key, build):
        """`build()`, computed once per dataset (whatever the filter) and kept with it: for what depends on
        the data alone, such as an index of statement ids."""
        return self._derived(("kept", key), build)

    # Column access: full-length arrays, computed once per frame.
    def _derived(self, key, build):
        if key not in self.shared:
            self.shared[key] = build()
        return self.shared[key]

    def codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """(codes for every row of the frame, the values they stand for as strings); -1 is missing."""

        def build():
            values = self.frame[column]
            if isinstance(values.dtype, pd.CategoricalDtype):
                categories = np.array([str(c) for c in values.cat.categories], dtype=object)
                return values.cat.codes.to_numpy().astype(np.int32), categories
            codes, uniques = pd.factorize(values, sort=True)
            return codes.astype(np.int32), np.array([str(u) for u in uniques], dtype=object)

        return self._derived(("codes", column), build)

    def labels(self, column: str, positions: np.ndarray, *, missing: str | None = "") -> np.ndarray:
        """The values of `column` at some frame positions, as strings (`missing` for a missing one). A categorical
        column is read from its kept codes, a text column straight from its Arrow array: no frame is built."""

        def arrow_text():  # a text column's Arrow array, or None for a categorical or non-Arrow column
            values = self.frame[column]
            if isinstance(values.dtype, pd.CategoricalDtype) or not hasattr(values.array, "__arrow_array__"):
                return None
            return values.array.__arrow_array__()

        text = self._derived(("arrow", column), arrow_text)
        if text is not None:
            picked = text.take(np.asarray(positions, dtype=np.int64)).to_pylist()
            return np.array([missing if v is None else v for v in picked], dtype=object)
        codes, categories = self.codes(column)
        picked = codes[positions]
        return np.where(picked >= 0, categories[np.maximum(picked, 0)], missing).astype(object)

    def array(self, column: str) -> np.ndarray:
        """A numeric column for every row of the frame (dates as int64 nanoseconds, undated = NOT_A_TIME)."""

        def build():
            values = self.frame[column]
            if pd.api.types.is_datetime64_any_dtype(values):
                return np.where(
                    values.isna().to_numpy(), NOT_A_TIME, values.to_numpy().astype("datetime64[ns]").astype(np.int64)
                )
            if pd.api.types.is_bool_dtype(values):
                return values.to_numpy(dtype=bool)
            return values.to_numpy(dtype=np.float64)

        return self._derived(("array", column), build)

    def is_in(self, column: str, values) -> np.ndarray:
        """A full-length mask: rows whose `column` is one of `values`."""
        codes, categories = self.codes(column)
        wanted = np.isin(categories, np.array([str(v) for v in values], dtype=object))
        chosen = np.flatnonzero(wanted)
        if len(chosen) <= 8:  # for a few values, a comparison per value is cheaper than a gather over every row
            mask = np.zeros(len(codes), dtype=bool)
            for code in chosen:
                mask |= codes == code
            return mask
        return np.append(wanted, False)[codes]  # code -1 (missing) picks the trailing False

    def _tally(self, column: str) -> np.ndarray:
        """How many selected rows have each code of `column`: computed once per selection and column, since
        the subtitle, the footer and the charts of one page all ask."""
        if column not in self._per_selection:
            codes, categories = self.codes(column)
            # Shifted by one so that missing values (-1) fall into a count of their own, dropped after.
            self._per_selection[column] = np.bincount(codes[self.positions] + 1, minlength=len(categories) + 1)[1:]
        return self._per_selection[column]

    def memo(self, key, build):
        """`build()`, computed once per selection: for an aggregate that several parts of one page ask for."""
        if ("memo", key) not in self._per_selection:
            self._per_selection["memo", key] = build()
        return self._per_selection["memo", key]

    def cross_tally(self, first: str, second: str) -> np.ndarray:
        """How many selected rows have each pair of values: a (codes of `first`) × (codes of `second`)
        matrix, computed once per selection (rows missing either value are not counted)."""
        key = (first, second)
        if key not in self._per_selection:
            (codes_a, values_a), (codes_b, values_b) = self.codes(first), self.codes(second)
            a, b = codes_a[self.positions], codes_b[self.positions]
            known = (a >= 0) & (b >= 0)
            cells = np.bincount(
                a[known].astype(np.int64) * len(values_b) + b[known], minlength=len(values_a) * len(values_b)
            )
            self._per_selection[key] = cells.reshape(len(values_a), len(values_b))
        return self._per_selection[key]

    def counts(self, column: str) -> pd.Series:
        """How many selected rows have each value, most first (ties in the column's own order); values
        that do not occur are left out."""
        _, categories = self.codes(column)
        tally = self._tally(column)
        order = np.argsort(-tally, kind="stable")
        order = order[tally[order] > 0]
        return pd.Series(tally[order], index=pd.Index(categories[order], dtype=object, name=column), name="count")

    def firsts(self, column: str) -> np.ndarray:
        """For each code of `column`, the frame position of its first row (-1 if none): a way to read
        attributes that are the same on every row of a value (an actor's name, its bloc) without grouping."""

        def build():
            codes, categories = self.codes(column)
            first = np.full(len(categories), -1, dtype=np.int64)
            present, position = np.unique(codes, return_index=True)
            keep = present >= 0
            first[present[keep]] = position[keep]
            return first

        return self._derived(("firsts", column), build)

    def present(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """(the codes of `column` that occur in the selection in code order, how many rows each has)."""
        tally = self._tally(column)
        codes = np.flatnonzero(tally)
        return codes, tally[codes]

    def nunique(self, column: str) -> int:
        return int(np.count_nonzero(self._tally(column)))

    def sort_key(self, name: str) -> np.ndarray:
        """One key of a sort order: a column's codes or values, or a derived rank; "-name" is descending.
        Kept once built: a page asks for the same keys many times, and each is a pass over every row."""
        return self._derived(("sort_key", name), lambda: self._sort_key(name))

    def _sort_key(self, name: str) -> np.ndarray:
        if name.startswith("-"):
            return -self.sort_key(name[1:])
        if name in DERIVED_KEYS:
            return DERIVED_KEYS[name](self)
        column = self.frame.get(name)
        if (
            column is not None
            and (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column))
            and not pd.api.types.is_bool_dtype(column)
        ):
            return self.array(name)
        return self.codes(name)[0]

    def _rank(self, column: str, ranks: dict[str, int]) -> np.ndarray:
        """Each row's rank of its value of `column` (values not in `ranks`, and missing ones, last)."""
        codes, categories = self.codes(column)
        last = max(ranks.values()) + 1
        return np.append([ranks.get(c, last) for c in categories], last)[codes]

    def _month_starts(self) -> np.ndarray:
        """The start of each date's month, as int64 nanoseconds (undated rows: NOT_A_TIME)."""
        when = self.array("date")
        months = np.where(when == NOT_A_TIME, 0, when).astype("datetime64[ns]").astype("datetime64[M]")
        return np.where(when == NOT_A_TIME, NOT_A_TIME, months.astype("datetime64[ns]").astype(np.int64))

    def _coarse_dates(self, name: str) -> np.ndarray:
        """Dates known to the day moved to the Monday of their week ("date_by_week"), or dates known to the
        day or week moved to the first of their month ("date_by_month"); other dates stay as they are."""
        when = self.array("date")
        rank = self.sort_key("precision_rank")
        known = np.where(when == NOT_A_TIME, 0, when)
        if name == "date_by_week":
            days = known // 86_400_000_000_000
            coarse = (days - (days + 3) % 7) * 86_400_000_000_000  # 1 Jan 1970 was a Thursday
        else:
            coarse = known.astype("datetime64[ns]").astype("datetime64[M]").astype("datetime64[ns]").astype(np.int64)
        return np.where((rank == PRECISION_RANK["day"]) & (when != NOT_A_TIME), coarse, when)

    def order(self, keys: tuple[str, ...]) -> np.ndarray:
        """Every row of the frame sorted by `keys` (stable: ties keep the frame's order). Once per frame."""
        return self._derived(
            ("order", keys),
            lambda: np.lexsort([self.sort_key(k) for k in reversed(keys)]) if keys else np.arange(len(self.frame)),
        )

    def _grouping(self, by: tuple[str, ...], within: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """(every row sorted by `by` then `within`, the group number of each entry of that order). Once per
        frame: a selection's groups are then found with one gather, whatever the number of keys."""

        def build():
            order = self.order((*by, *within))
            change = np.zeros(len(order), dtype=bool)
            if len(order):
                change[0] = True
            for key in by:
                values = self.sort_key(key)[order]
                change[1:] |= values[1:] != values[:-1]
            return order, np.cumsum(change)

        return self._derived(("grouping", by, within), build)

    def runs(self, by: tuple[str, ...], *, within: tuple[str, ...] = ()) -> Runs:
        """The selected rows grouped by `by`, each group ordered by `within`: see Runs."""
        order, group = self._grouping(by, within)
        kept = np.flatnonzero(self.mask[order])
        chosen, groups = order[kept], group[kept]
        starts = np.flatnonzero(np.diff(groups, prepend=-1)) if len(chosen) else np.zeros(0, dtype=np.int64)
        return Runs(self, by, chosen, starts)


# Sort keys derived from the columns, by name (see Selection.sort_key).
DERIVED_KEYS: dict[str, Callable[[Selection], np.ndarray]] = {
    "mode_rank": lambda rows: rows._rank("mode", MODE_RANK),
    "precision_rank": lambda rows: rows._rank("date_precision", PRECISION_RANK),
    "month": Selection._month_starts,
    "date_by_week": lambda rows: rows._coarse_dates("date_by_week"),
    "date_by_month": lambda rows: rows._coarse_dates("date_by_month"),
    # day, week and month alike: what grouping by month merges
    "coarse_precision_rank": lambda rows: np.maximum(rows.sort_key("precision_rank"), PRECISION_RANK["month"]),
    "strength": lambda rows: np.abs(rows.array("score")),
    "quote_length": lambda rows: rows.frame["quote"].str.len().to_numpy(np.int64),
}


@dataclass(frozen=True, eq=False)
class Runs:
    """Selected rows laid out group after group: `order` holds frame positions, and group i is
    order[starts[i]:starts[i + 1]]. Aggregates are numpy reductions over those runs."""

    selection: Selection
    by: tuple[str, ...]
    order: np.ndarray
    starts: np.ndarray

    def __len__(self) -> int:
        return len(self.starts)

    @cached_property
    def lengths(self) -> np.ndarray:
        return np.diff(np.append(self.starts, len(self.order)))

    @cached_property
    def group_of_row(self) -> np.ndarray:
        """For each entry of `order`, the index of its group."""
        return np.repeat(np.arange(len(self.starts)), self.lengths)

    def first(self) -> np.ndarray:
        """The frame position of each group's first row."""
        return self.order[self.starts]

    def key(self, column: str) -> np.ndarray:
        """Each group's value of a `by` column (or of any column, from its first row), as strings."""
        return self.selection.labels(column, self.first())

    def sum(self, column: str) -> np.ndarray:
        if not len(self):
            return np.zeros(0)
        return np.add.reduceat(self.selection.array(column)[self.order], self.starts)

    def mean(self, column: str) -> np.ndarray:
        return self.sum(column) / self.lengths if len(self) else np.zeros(0)

    def min(self, column: str) -> np.ndarray:
        if not len(self):
            return np.zeros(0)
        return np.minimum.reduceat(self.selection.array(column)[self.order], self.starts)

    def shares(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """(a groups × values matrix of the share of each group's rows with each value, the values)."""
        codes, categories = self.selection.codes(column)
        cells = np.bincount(
            self.group_of_row * (len(categories) + 1) + codes[self.order] + 1,
            minlength=len(self) * (len(categories) + 1),
        ).reshape(len(self), len(categories) + 1)
        return cells[:, 1:] / np.maximum(self.lengths, 1)[:, None], categories

    def head(self, count: int) -> tuple[np.ndarray, np.ndarray]:
        """(group index, frame position) of the first `count` rows of every group."""
        rank = np.arange(len(self.order)) - np.repeat(self.starts, self.lengths)
        keep = rank < count
        return self.group_of_row[keep], self.order[keep]
