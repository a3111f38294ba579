"""FilterSpec, "what the analyst is looking at", and the one definition of each filter.

Each filter is defined once, in `FILTERS`, as in Datasette's filters.py: its URL key (also its command-line
flag), the FilterSpec field it sets, its sidebar label, the words of the subtitle sentence, whether it takes
one value or several, how it reads URL values, and how it narrows the statements and the actors. The URL
parser, the sentence (`analysis.present.wording.describe`), the sidebar and the CLI flags all read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.data.schema import STANCES
from analysis.query.selection import NOT_A_TIME, Selection

MAX_PARAM_LENGTH = 200
MAX_VALUES_PER_PARAM = 50
MAX_NOTES = 12
# What the app's own (non-filter) URL keys name, for the notes about values that are ignored.
APP_KEY_WORDS = {
    "read": "source",
    "profile": "actor",
    "statement": "statement",
    "edges": "kind of edge",
    "view": "view",
    "shot": "screenshot switch (1 or 0)",
    "since": "briefing or date (YYYY-MM-DD)",
    "cell": "matrix cell (latest or earliest)",
}


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


@dataclass(frozen=True)
class Filter:
    """One filter. `key` is its URL key and, unless `flag` says otherwise, its command-line flag; `field`
    the FilterSpec field it sets. `not_in_sidebar` says why the sidebar has no widget for it ("" when it has
    one), for a link that asks for it."""

    key: str
    field: str
    label: str
    not_in_sidebar: str = ""
    flag: str = ""

    multiple = False  # several values (a list), or one (a repeated key uses its last value)

    @property
    def cli_flag(self) -> str:
        return self.flag or self.key

    def parse(self, items: list[str], allowed: Container[str] | None) -> tuple[object, list[str]]:
        """The field's value from the URL's values of this key, and a note for each one ignored."""
        raise NotImplementedError

    def params(self, value) -> list[str]:
        """The URL values of the field's value (empty when it is not set)."""
        raise NotImplementedError

    def phrase(self, spec: FilterSpec, labels: Labels) -> str:
        """This filter's part of the subtitle sentence, or "" when it is not set."""
        raise NotImplementedError

    def narrow(self, rows: Selection, mask: np.ndarray, value) -> np.ndarray:
        """The mask of the statements this filter keeps, within `mask`."""
        raise NotImplementedError

    def actor_mask(self, actors: pd.DataFrame, value) -> pd.Series | None:
        """The actors (rows of actors.csv) it keeps, or None when it is not about actors."""
        return None


@dataclass(frozen=True)
class ChoiceFilter(Filter):
    """Some of a known set of values: sources, blocs, actor kinds, countries, actors, stances, targets."""

    singular: str = ""
    plural: str = ""
    column: str = ""  # the statement view's column it filters
    actor_column: str = ""  # actors.csv's column, when it is about actors
    names: str = ""  # the Labels field that names its values ("" to show them as they are)
    fixed: tuple[str, ...] = ()  # values known without the tables (the stance scale)
    values: Callable[[object], list[str]] = lambda tables: []  # the tables' values, in the sidebar's order

    multiple = True

    def parse(self, items, allowed):
        allowed = set(self.fixed) if self.fixed else allowed
        good = tuple(item for item in items if allowed is None or item in allowed)
        notes = [f"Ignored {self.key} '{shorten(item)}': not a known {self.key}." for item in items if item not in good]
        return good, notes

    def params(self, value):
        return list(value)

    def phrase(self, spec, labels):
        chosen = getattr(spec, self.field)
        if not chosen:
            return ""
        names = getattr(labels, self.names) if self.names else {}
        shown = [names.get(item, item) or "(none)" for item in chosen]
        return f"{self.singular if len(shown) == 1 else self.plural}: {', '.join(shown)}"

    def narrow(self, rows, mask, value):
        return mask & rows.is_in(self.column, value)

    def actor_mask(self, actors, value):
        return actors[self.actor_column].isin(value) if self.actor_column else None


# The days a nanosecond timestamp can hold. A filter date outside them (?from=0001-01-01) is moved to the
# nearest one: it selects the same rows, as no row lies beyond.
FIRST_DAY, LAST_DAY = dt.date(1677, 9, 22), dt.date(2262, 4, 10)


def _nanoseconds(day: dt.date, *, days_after: int = 0) -> int:
    return (pd.Timestamp(min(max(day, FIRST_DAY), LAST_DAY)) + pd.Timedelta(days=days_after)).value


def _parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


@dataclass(frozen=True)
class DateFilter(Filter):
    """One end of the date range: statements dated from a day on ("from"), or up to a day ("to")."""

    def parse(self, items, allowed):
        parsed = _parse_date(items[-1]) if items else None
        if items and parsed is None:
            return None, [f"Ignored {self.key} '{shorten(items[-1])}': expected a date as YYYY-MM-DD."]
        return parsed, []

    def params(self, value):
        return [value.isoformat()] if value else []

    def phrase(self, spec, labels):
        start, end = spec.date_from, spec.date_to
        if self.field == "date_to":  # said together with the start when there is one
            return f"dated up to {end.isoformat()}" if end and not start else ""
        if start and end:
            return f"dated {start.isoformat()} to {end.isoformat()}"
        return f"dated from {start.isoformat()}" if start else ""

    def narrow(self, rows, mask, value):
        when = rows.array("date")
        if self.field == "date_from":
            return mask & (when >= _nanoseconds(value)) & (when != NOT_A_TIME)
        return mask & (when < _nanoseconds(value, days_after=1))


@dataclass(frozen=True)
class TextFilter(Filter):
    """A search in the quote, the actor's name, the summary and the cue, ignoring case."""

    def parse(self, items, allowed):
        return (items[-1] if items else ""), []

    def params(self, value):
        return [value] if value else []

    def phrase(self, spec, labels):
        return f"matching “{shorten(spec.query, 60)}”" if spec.query else ""

    def narrow(self, rows, mask, value):
        # Only the rows the other filters leave are searched, and only their text is read.
        candidates = np.flatnonzero(mask)
        frame = rows.frame.iloc[candidates]
        haystack = frame["quote"].astype(str).str.casefold()
        for column in ("actor_name", "summary", "cue"):
            haystack = haystack + "\n" + frame[column].astype(str).str.casefold()
        mask = mask.copy()
        mask[candidates] = haystack.str.contains(value.casefold(), regex=False).to_numpy(dtype=bool)
        return mask


@dataclass(frozen=True)
class FlagFilter(Filter):
    """A switch: reviewed statements only (1) or all of them (0)."""

    def parse(self, items, allowed):
        flag = items[-1] if items else ""
        notes = [] if flag in ("0", "1") else [f"Ignored {self.key} '{shorten(flag)}': expected 1 or 0."]
        return flag == "1", notes

    def params(self, value):
        return ["1"] if value else []

    def phrase(self, spec, labels):
        return "reviewed only" if spec.reviewed_only else ""

    def narrow(self, rows, mask, value):
        return mask & rows.array("reviewed")


def _sorted_unique(column: str, *, drop_empty: bool = False) -> Callable[[object], list[str]]:
    return lambda tables: sorted(c for c in tables.actors[column].unique() if c or not drop_empty)


NO_DATE_WIDGET = "the sidebar has no date filter (screenshot mode honours it)"
FILTERS: tuple[Filter, ...] = (
    ChoiceFilter(
        "source",
        "sources",
        "Source",
        singular="source",
        plural="sources",
        column="source_id",
        names="sources",
        values=lambda tables: tables.sources["source_id"].tolist(),
    ),
    ChoiceFilter(
        "bloc",
        "blocs",
        "Bloc",
        singular="bloc",
        plural="blocs",
        column="bloc",
        actor_column="bloc",
        values=_sorted_unique("bloc"),
    ),
    ChoiceFilter(
        "kind",
        "kinds",
        "Actor kind",
        singular="actor kind",
        plural="actor kinds",
        column="kind",
        actor_column="kind",
        values=_sorted_unique("kind"),
    ),
    ChoiceFilter(
        "country",
        "countries",
        "Country",
        singular="country",
        plural="countries",
        column="country",
        actor_column="country",
        values=_sorted_unique("country", drop_empty=True),
    ),
    ChoiceFilter(
        "actor",
        "actors",
        "Actor",
        singular="actor",
        plural="actors",
        column="actor_id",
        actor_column="actor_id",
        names="actors",
        values=lambda tables: tables.actors.sort_values("name")["actor_id"].tolist(),
        not_in_sidebar="the sidebar has no actor filter; open the actor's profile instead",
    ),
    ChoiceFilter(
        "stance",
        "stances",
        "Stance",
        singular="stance",
        plural="stances",
        column="stance",
        fixed=STANCES,
        values=lambda tables: list(STANCES),
    ),
    ChoiceFilter(
        "target",
        "targets",
        "Target",
        singular="target",
        plural="targets",
        column="target_id",
        names="targets",
        values=lambda tables: tables.targets["target_id"].tolist(),
    ),
    DateFilter("from", "date_from", "From", not_in_sidebar=NO_DATE_WIDGET),
    DateFilter("to", "date_to", "To", not_in_sidebar=NO_DATE_WIDGET),
    TextFilter("q", "query", "Search quotes and actors", flag="query"),
    FlagFilter("reviewed", "reviewed_only", "Reviewed statements only"),
)
BY_KEY: dict[str, Filter] = {f.key: f for f in FILTERS}
CHOICES: tuple[ChoiceFilter, ...] = tuple(f for f in FILTERS if isinstance(f, ChoiceFilter))
# Filters the URL may carry that the sidebar has no widget for: a link with them says so instead of
# silently showing more than it asked for.
NOT_IN_SIDEBAR: dict[str, str] = {f.key: f.not_in_sidebar for f in FILTERS if f.not_in_sidebar}


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
        for choice in CHOICES:
            object.__setattr__(self, choice.field, tuple(sorted(set(getattr(self, choice.field)))))
        object.__setattr__(self, "query", self.query.strip())

    @property
    def is_empty(self) -> bool:
        return self == FilterSpec()

    @classmethod
    def from_values(cls, values: Mapping[str, object]) -> FilterSpec:
        """A spec from values by URL key, e.g. {'bloc': ['US Democrats'], 'q': 'caution'} (lists for choices)."""
        return cls(
            **{BY_KEY[key].field: tuple(value) if BY_KEY[key].multiple else value for key, value in values.items()}
        )

    def value(self, key: str):
        """The value of the filter with URL key `key`."""
        return getattr(self, BY_KEY[key].field)

    def to_query_params(self) -> dict[str, list[str]]:
        """URL params for this spec, e.g. {'bloc': ['US Democrats'], 'q': ['caution']}; empty fields left out."""
        return {f.key: values for f in FILTERS if (values := f.params(getattr(self, f.field)))}

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
        for key, raw in params.items():
            items = [raw] if isinstance(raw, str) else list(raw)
            if key in other_keys:
                notes += _app_key_notes(key, items, other_keys)
            elif key in BY_KEY:
                notes += _read_filter(BY_KEY[key], items, (vocabulary or {}).get(key), values)
            else:
                notes.append(f"Ignored the unknown URL parameter '{shorten(str(key))}'.")
        for key, reason in (unsupported or {}).items():
            if key in BY_KEY:
                notes += _drop_unsupported(BY_KEY[key], reason, values)
        return cls(**values), _capped(notes)


def _repeated(key: str, items: list) -> list[str]:
    return [f"Used the last of {len(items)} values of '{shorten(str(key))}'."] if len(items) > 1 else []


def _app_key_notes(key: str, items: list, other_keys) -> list[str]:
    """Notes on one of the app's own keys: repeated, or (when its values are known) not one of them."""
    allowed = other_keys.get(key) if isinstance(other_keys, Mapping) else None
    value = items[-1] if items else ""
    if allowed is not None and (not isinstance(value, str) or value not in allowed):
        return [
            *_repeated(key, items),
            f"Ignored {key} '{shorten(str(value))}': not a known {APP_KEY_WORDS.get(key, key)}.",
        ]
    return _repeated(key, items)


def _read_filter(definition: Filter, items: list, allowed, values: dict) -> list[str]:
    """Read one filter's URL values into `values`; the notes on what was ignored."""
    key = definition.key
    notes = [] if definition.multiple else _repeated(key, items)
    if len(items) > MAX_VALUES_PER_PARAM:
        return [*notes, f"Ignored '{key}': more than {MAX_VALUES_PER_PARAM} values."]
    usable = [item for item in items if isinstance(item, str) and len(item) <= MAX_PARAM_LENGTH]
    if len(usable) < len(items):
        notes.append(f"Ignored a value of '{key}' longer than {MAX_PARAM_LENGTH} characters.")
    values[definition.field], parse_notes = definition.parse(usable, allowed)
    return notes + parse_notes


def _drop_unsupported(definition: Filter, reason: str, values: dict) -> list[str]:
    """Unset a filter the caller cannot honour, saying why."""
    value = values.get(definition.field)
    if not value:
        return []
    values.pop(definition.field)
    shown = ", ".join(value) if isinstance(value, tuple) else str(value)
    return [f"Ignored {definition.key} '{shorten(shown)}': {reason}."]


def _capped(notes: list[str]) -> list[str]:
    if len(notes) <= MAX_NOTES:
        return notes
    return [*notes[: MAX_NOTES - 1], f"… and {len(notes) - MAX_NOTES + 1} more ignored URL parameters."]


def shorten(text: str, limit: int = 40) -> str:
    """Text from a URL made printable and at most `limit` characters long, to quote it in a note."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in text)
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"


def vocabulary(tables) -> dict[str, list[str]]:
    """The values each choice filter offers, in the order the sidebar lists them: built once per dataset."""
    if "vocabulary" not in tables.derived:
        tables.derived["vocabulary"] = {choice.key: choice.values(tables) for choice in CHOICES}
    return tables.derived["vocabulary"]


def known_values(tables) -> dict[str, frozenset[str]]:
    """The same values as sets, to check a URL or the command line's flags against."""
    if "known_values" not in tables.derived:
        tables.derived["known_values"] = {key: frozenset(values) for key, values in vocabulary(tables).items()}
    return tables.derived["known_values"]


# The text search reads the rows the other filters leave, so it narrows last.
_NARROWING_ORDER = sorted(FILTERS, key=lambda f: isinstance(f, TextFilter))


def select(spec: FilterSpec, view: pd.DataFrame | Selection) -> Selection:
    """The statement rows (of `Tables.view`, or of a selection of it) that the spec selects, as a
    Selection: a mask over the view, so that a filter change copies no rows. The input is not modified."""
    rows = Selection.of(view)
    mask = rows.mask.copy()
    for definition in _NARROWING_ORDER:
        value = getattr(spec, definition.field)
        if value:
            mask = definition.narrow(rows, mask, value)
    return Selection(rows.frame, mask, shared=rows.shared)


def apply(spec: FilterSpec, view: pd.DataFrame) -> pd.DataFrame:
    """The statement rows (from `Tables.view`) that the spec selects, as a new frame."""
    return select(spec, view).rows


def apply_to_actors(spec: FilterSpec, actors: pd.DataFrame) -> pd.DataFrame:
    """The actors (rows of actors.csv) that the spec's actor-level fields allow: bloc, kind, country, actor."""
    mask = pd.Series(True, index=actors.index)
    for choice in CHOICES:
        chosen = getattr(spec, choice.field)
        kept = choice.actor_mask(actors, chosen) if chosen else None
        if kept is not None:
            mask &= kept
    return actors.loc[mask].copy()
