"""FilterSpec: the one description of "what the analyst is looking at".

`apply` turns it into rows, `describe` into a sentence for chart subtitles, and the query-param pair
round-trips it through the URL so that a copied link reopens the same view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.data.schema import STANCES
from analysis.query.selection import NOT_A_TIME, Selection

MAX_PARAM_LENGTH = 200
MAX_VALUES_PER_PARAM = 50
MAX_NOTES = 12
SINGLE_KEYS = ("from", "to", "q", "reviewed")
# What the app's own (non-filter) URL keys name, for the notes about values that are ignored.
APP_KEY_WORDS = {"read": "source", "profile": "actor", "statement": "statement", "edges": "kind of edge",
                 "view": "view", "shot": "screenshot switch (1 or 0)"}

# URL key -> (FilterSpec field, view column it filters)
LIST_FIELDS: dict[str, tuple[str, str]] = {
    "source": ("sources", "source_id"),
    "bloc": ("blocs", "bloc"),
    "kind": ("kinds", "kind"),
    "country": ("countries", "country"),
    "actor": ("actors", "actor_id"),
    "stance": ("stances", "stance"),
    "target": ("targets", "target_id"),
}
PLURAL_WORDS = {"sources": "sources", "blocs": "blocs", "kinds": "actor kinds", "countries": "countries",
                "actors": "actors", "stances": "stances", "targets": "targets"}
SINGULAR_WORDS = {"sources": "source", "blocs": "bloc", "kinds": "actor kind", "countries": "country",
                  "actors": "actor", "stances": "stance", "targets": "target"}


@dataclass(frozen=True)
class FilterSpec:
    sources: tuple[str, ...] = ()
    blocs: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    query: str = ""
    reviewed_only: bool = False

    def __post_init__(self):
        # Normalise so that equal selections give equal (and equally hashable) specs.
        for name, _ in LIST_FIELDS.values():
            object.__setattr__(self, name, tuple(sorted(set(getattr(self, name)))))
        object.__setattr__(self, "query", self.query.strip())

    @property
    def is_empty(self) -> bool:
        return self == FilterSpec()

    def to_query_params(self) -> dict[str, list[str]]:
        """URL params for this spec, e.g. {'bloc': ['US Democrats'], 'q': ['caution']}; empty fields left out."""
        params: dict[str, list[str]] = {}
        for key, (name, _) in LIST_FIELDS.items():
            if getattr(self, name):
                params[key] = list(getattr(self, name))
        if self.date_from:
            params["from"] = [self.date_from.isoformat()]
        if self.date_to:
            params["to"] = [self.date_to.isoformat()]
        if self.query:
            params["q"] = [self.query]
        if self.reviewed_only:
            params["reviewed"] = ["1"]
        return params

    @classmethod
    def from_query_params(
        cls,
        params: Mapping[str, str | Sequence[str]],
        *,
        vocabulary: Mapping[str, Container[str]] | None = None,
        other_keys: Sequence[str] | Mapping[str, Container[str] | None] = (),
        unsupported: Mapping[str, str] | None = None,
    ) -> tuple[FilterSpec, list[str]]:
        """Parse URL params. Returns (spec, notes): each note says what was ignored and why.

        `vocabulary` maps a URL key ('bloc', 'target', ...) to its known values; values outside it are
        ignored. Keys in `other_keys` belong to the app (e.g. 'view') and are left to it; given as a mapping
        to their accepted values (None: any), a value outside them is reported too. `unsupported` maps a
        filter key that the caller cannot honour to the reason, which is reported. Single-valued keys that
        are repeated use their last value and say so. Never raises; at most MAX_NOTES notes.
        """
        notes: list[str] = []
        values: dict[str, object] = {}
        known_stances = set(STANCES)
        for key, raw in params.items():
            items = [raw] if isinstance(raw, str) else list(raw)
            shown_key = _shorten(str(key))
            if key not in LIST_FIELDS and len(items) > 1 and (key in other_keys or key in SINGLE_KEYS):
                notes.append(f"Used the last of {len(items)} values of '{shown_key}'.")
            if key in other_keys:
                allowed = other_keys.get(key) if isinstance(other_keys, Mapping) else None
                value = items[-1] if items else ""
                if allowed is not None and (not isinstance(value, str) or value not in allowed):
                    notes.append(f"Ignored {key} '{_shorten(str(value))}': not a known {APP_KEY_WORDS.get(key, key)}.")
                continue
            if key not in LIST_FIELDS and key not in SINGLE_KEYS:
                notes.append(f"Ignored the unknown URL parameter '{shown_key}'.")
                continue
            if len(items) > MAX_VALUES_PER_PARAM:
                notes.append(f"Ignored '{shown_key}': more than {MAX_VALUES_PER_PARAM} values.")
                continue
            too_long = [item for item in items if not isinstance(item, str) or len(item) > MAX_PARAM_LENGTH]
            if too_long:
                notes.append(f"Ignored a value of '{shown_key}' longer than {MAX_PARAM_LENGTH} characters.")
            items = [item for item in items if isinstance(item, str) and len(item) <= MAX_PARAM_LENGTH]
            if key in LIST_FIELDS:
                allowed = known_stances if key == "stance" else (vocabulary or {}).get(key)
                good = [item for item in items if allowed is None or item in allowed]
                for item in items:
                    if item not in good:
                        notes.append(f"Ignored {key} '{_shorten(item)}': not a known {key}.")
                values[LIST_FIELDS[key][0]] = tuple(good)
            elif key in ("from", "to"):
                parsed = _parse_date(items[-1]) if items else None
                if items and parsed is None:
                    notes.append(f"Ignored {key} '{_shorten(items[-1])}': expected a date as YYYY-MM-DD.")
                values["date_from" if key == "from" else "date_to"] = parsed
            elif key == "q":
                values["query"] = items[-1] if items else ""
            elif key == "reviewed":
                flag = items[-1] if items else ""
                if flag not in ("0", "1"):
                    notes.append(f"Ignored reviewed '{_shorten(flag)}': expected 1 or 0.")
                values["reviewed_only"] = flag == "1"
        for key, reason in (unsupported or {}).items():
            name = {"from": "date_from", "to": "date_to"}.get(key) or LIST_FIELDS.get(key, ("",))[0]
            if values.get(name):
                shown = values[name]
                shown = ", ".join(shown) if isinstance(shown, tuple) else str(shown)
                notes.append(f"Ignored {key} '{_shorten(shown)}': {reason}.")
                values.pop(name)
        if len(notes) > MAX_NOTES:
            notes = [*notes[: MAX_NOTES - 1], f"… and {len(notes) - MAX_NOTES + 1} more ignored URL parameters."]
        return cls(**values), notes


def _shorten(text: str, limit: int = 40) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in text)
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


# The days a nanosecond timestamp can hold. A filter date outside them (?from=0001-01-01, which used to
# raise OverflowError) is moved to the nearest one: it selects the same rows, as no row lies beyond.
FIRST_DAY, LAST_DAY = dt.date(1677, 9, 22), dt.date(2262, 4, 10)


def _nanoseconds(day: dt.date, *, days_after: int = 0) -> int:
    return (pd.Timestamp(min(max(day, FIRST_DAY), LAST_DAY)) + pd.Timedelta(days=days_after)).value


def select(spec: FilterSpec, view: pd.DataFrame | Selection) -> Selection:
    """The statement rows (of `Tables.view`, or of a selection of it) that the spec selects, as a
    Selection: a mask over the view, so that a filter change copies no rows. The input is not modified."""
    rows = Selection.of(view)
    mask = rows.mask.copy()
    for _, (name, column) in LIST_FIELDS.items():
        chosen = getattr(spec, name)
        if chosen:
            mask &= rows.is_in(column, chosen)
    if spec.date_from is not None or spec.date_to is not None:
        when = rows.array("date")
        if spec.date_from is not None:
            mask &= (when >= _nanoseconds(spec.date_from)) & (when != NOT_A_TIME)
        if spec.date_to is not None:
            mask &= when < _nanoseconds(spec.date_to, days_after=1)
    if spec.reviewed_only:
        mask &= rows.array("reviewed")
    if spec.query:
        # Text search looks only at the rows the other fields leave, and only at those rows' text.
        candidates = np.flatnonzero(mask)
        frame = rows.frame.iloc[candidates]
        needle = spec.query.casefold()
        haystack = (frame["quote"].astype(str).str.casefold() + "\n" + frame["actor_name"].astype(str).str.casefold()
                    + "\n" + frame["summary"].astype(str).str.casefold() + "\n"
                    + frame["cue"].astype(str).str.casefold())
        mask[candidates] = haystack.str.contains(needle, regex=False).to_numpy(dtype=bool)
    return Selection(rows.frame, mask, shared=rows.shared)


def apply(spec: FilterSpec, view: pd.DataFrame) -> pd.DataFrame:
    """The statement rows (from `Tables.view`) that the spec selects, as a new frame."""
    return select(spec, view).rows


@dataclass(frozen=True)
class Labels:
    """Human names for ids, so that a sentence says 'FTO designation' rather than 'fto-designation'."""

    sources: Mapping[str, str] = field(default_factory=dict)
    actors: Mapping[str, str] = field(default_factory=dict)
    targets: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, tables) -> Labels:
        """The labels of a loaded dataset, built once and kept with it."""
        if "labels" not in tables.derived:
            tables.derived["labels"] = cls.from_tables(tables)
        return tables.derived["labels"]

    @classmethod
    def from_tables(cls, tables) -> Labels:
        return cls(
            sources=dict(zip(tables.sources["source_id"], tables.sources["title"])),
            actors=dict(zip(tables.actors["actor_id"], tables.actors["name"])),
            targets=dict(zip(tables.targets["target_id"], tables.targets["label"])),
        )


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def describe(spec: FilterSpec, *, rows: pd.DataFrame | Selection | None = None, labels: Labels | None = None) -> str:
    """A plain-English sentence for the spec, e.g. '3 statements by 3 actors · bloc: Venezuela's allies'.

    With `rows`, it starts with the counts; with `labels`, ids are shown by name.
    """
    labels = labels or Labels()
    parts: list[str] = []
    if rows is not None:
        rows = Selection.of(rows)
        parts.append(f"{_plural(len(rows), 'statement')} by {_plural(rows.nunique('actor_id'), 'actor')}")
    names = {"sources": labels.sources, "actors": labels.actors, "targets": labels.targets}
    for _, (name, _) in LIST_FIELDS.items():
        chosen = getattr(spec, name)
        if chosen:
            shown = [names.get(name, {}).get(item, item) or "(none)" for item in chosen]
            word = SINGULAR_WORDS[name] if len(shown) == 1 else PLURAL_WORDS[name]
            parts.append(f"{word}: {', '.join(shown)}")
    if spec.date_from and spec.date_to:
        parts.append(f"dated {spec.date_from.isoformat()} to {spec.date_to.isoformat()}")
    elif spec.date_from:
        parts.append(f"dated from {spec.date_from.isoformat()}")
    elif spec.date_to:
        parts.append(f"dated up to {spec.date_to.isoformat()}")
    if spec.query:
        parts.append(f"matching “{_shorten(spec.query, 60)}”")
    if spec.reviewed_only:
        parts.append("reviewed only")
    if len(parts) == (1 if rows is not None else 0):
        parts.append("no filters" if rows is not None else "All statements")
    return " · ".join(parts)


def apply_to_actors(spec: FilterSpec, actors: pd.DataFrame) -> pd.DataFrame:
    """The actors (rows of actors.csv) that the spec's actor-level fields allow: bloc, kind, country, actor."""
    mask = pd.Series(True, index=actors.index)
    for name, column in (("blocs", "bloc"), ("kinds", "kind"), ("countries", "country"), ("actors", "actor_id")):
        if getattr(spec, name):
            mask &= actors[column].isin(getattr(spec, name))
    return actors.loc[mask].copy()
