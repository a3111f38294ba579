"""Wording: the sentences the charts, pages and exports show. Findings that title a chart, the headline,
the filter sentence, footers, dates no more exact than they are known, lags, and plurals.

The numbers come from the query layer; this module only puts them into words."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

import pandas as pd

from analysis.query import timeline
from analysis.query.aggregates import OPPOSING, Rows
from analysis.query.filters import FILTERS, FilterSpec, Labels
from analysis.query.scope import Scope, SourceLine
from analysis.query.selection import Selection

NO_MATCH = "No statements match the filters"
NO_COUNTRY_MATCH = "No country-level statements match the filters"
APP_NAME = "Stance & Reaction Dashboard"


def carried(source_title: str, outlets: int, carried_by: str) -> str:
    """A statement's source, with the outlets that carried the same article when there were several:
    'Harbour Wire story · reported by 3 outlets (The Alderny Gazette; Harbour Wire; …)'."""
    if outlets <= 1:
        return source_title
    return f"{source_title} · reported by {outlets} outlets ({carried_by})"


def plural(count: int, word: str) -> str:
    """'1 statement', '2,500 statements', '3 stories'."""
    if count == 1:
        return f"{count:,} {word}"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{count:,} {word[:-1]}ies"
    return f"{count:,} {word}s"


def join_names(names: list[str], *, limit: int = 2) -> str:
    """'A', 'A and B', 'A, B and 3 more'."""
    if len(names) > limit:
        names = [*names[:limit], f"{len(names) - limit} more"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# Dates ---------------------------------------------------------------------------------------------------


def format_date(value, precision: str) -> str:
    """A date shown no more exactly than it is known: '16 Nov 2025', 'Nov 2025', '2015', '2000s', 'undated'."""
    if value is None or pd.isna(value) or precision == "unknown":
        return "undated"
    return _format_stamp(pd.Timestamp(value), precision)


@functools.lru_cache(maxsize=4096)  # a timeline formats the same few dates hundreds of times
def _format_stamp(stamp: pd.Timestamp, precision: str) -> str:
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


def as_of_text(as_of: dt.date) -> str:
    return f"{as_of.day} {as_of:%b %Y}"


# The chart sandwich: subtitle and footer ---------------------------------------------------------------


def describe(spec: FilterSpec, *, rows: pd.DataFrame | Selection | None = None, labels: Labels | None = None) -> str:
    """A plain-English sentence for the spec, e.g. '3 statements by 3 actors · bloc: Venezuela's allies'.

    With `rows`, it starts with the counts; with `labels`, ids are shown by name. Each filter's words come
    from its definition (analysis.query.filters.FILTERS)."""
    labels = labels or Labels()
    parts: list[str] = []
    if rows is not None:
        rows = Selection.of(rows)
        parts.append(f"{plural(len(rows), 'statement')} by {plural(rows.nunique('actor_id'), 'actor')}")
    parts += [phrase for definition in FILTERS if (phrase := definition.phrase(spec, labels))]
    if len(parts) == (1 if rows is not None else 0):
        parts.append("no filters" if rows is not None else "All statements")
    return " · ".join(parts)


def subtitle(scope: Scope) -> str:
    """A chart's subtitle: the filter sentence, with the counts."""
    return describe(scope.spec, rows=scope.selection, labels=scope.labels)


def capped(text: str, rows: Selection, shown: int) -> str:
    """A subtitle that says so when a chart shows only the actors with most statements."""
    total = rows.nunique("actor_id")
    return text if total <= shown else f"{text} · the {shown} actors with most statements of {total:,}"


def source_line(sources: pd.DataFrame | list[SourceLine], *, as_of: dt.date, total: int | None = None) -> str:
    """The footer of a chart: its sources and the as-of date. `sources` is a frame with SourceLine's columns,
    or SourceLines. Only the first two are named, so it may hold just those, with `total` saying how many
    there are."""
    total = len(sources) if total is None else total
    if isinstance(sources, pd.DataFrame):
        head = sources.head(2)
        sources = [SourceLine._make(values) for values in zip(*(head[c].tolist() for c in SourceLine._fields))]
    names = "none"
    if len(sources):
        shown = [
            f"{s.title} ({format_date(s.published, s.date_precision)})"
            if s.outlet == ""
            else f"{s.outlet}, {format_date(s.published, s.date_precision)}"
            for s in sources[:2]
        ]
        names = "; ".join(shown) + (f"; and {total - 2:,} more" if total > 2 else "")
    label = "Source" if total <= 1 else "Sources"
    return f"{label}: {names} · As of {as_of_text(as_of)} · {APP_NAME}"


def footer(scope: Scope) -> str:
    """A chart's footer: the sources of what it shows, and the as-of date."""
    return source_line(scope.cited.named, as_of=scope.as_of, total=scope.cited.total)


# Findings: the titles that say what a chart shows ----------------------------------------------------------


def headline_sentence(numbers: dict[str, int]) -> str:
    """'25 statements by 18 actors in 1 source: 11 supportive, 3 cautious, 7 opposed or condemning, 4 neutral.'"""
    if not numbers["statements"]:
        return NO_MATCH + "."
    parts = [
        f"{numbers[key]} {label}"
        for key, label in (
            ("supportive", "supportive"),
            ("cautious", "cautious"),
            ("opposing", "opposed or condemning"),
            ("neutral", "neutral"),
        )
        if numbers[key]
    ]
    return (
        f"{plural(numbers['statements'], 'statement')} by {plural(numbers['actors'], 'actor')} "
        f"in {plural(numbers['sources'], 'source')}: " + ", ".join(parts) + "."
    )


def topic_phrase(label: str) -> str:
    """A target label as the object of a sentence: 'FTO designation of …' -> 'the FTO designation of …',
    'Compensation for villagers' -> 'the compensation for villagers'; a name ('Marrow Gorge Dam') keeps its
    capitals."""
    words = label.split()
    name = len(words) > 1 and words[1][:1].isupper()
    if len(label) > 1 and label[0].isupper() and label[1].islower() and not name:
        label = label[0].lower() + label[1:]
    return label if label.lower().startswith("the ") else "the " + label


def bloc_finding(counts_by_bloc: pd.DataFrame) -> str:
    """A title that states what the bloc chart shows, e.g. 'Support from US Republicans; opposition from …'."""
    if counts_by_bloc.empty:
        return NO_MATCH
    supportive = counts_by_bloc.loc[counts_by_bloc["net"] > 0.25, "bloc"].tolist()
    opposing = counts_by_bloc[counts_by_bloc["net"] < -0.25].sort_values("net")["bloc"].tolist()
    parts = []
    if supportive:
        parts.append(f"Support from {join_names(supportive)}")
    if opposing:
        parts.append(f"{'opposition' if parts else 'Opposition'} from {join_names(opposing)}")
    return "; ".join(parts) if parts else "No bloc takes a clear side"


def spectrum_finding(positions: pd.DataFrame, *, topic: str) -> str:
    """A title such as '8 of 16 actors support the FTO designation; 4 oppose or condemn'."""
    if positions.empty:
        return NO_MATCH
    support = int((positions["stance"] == "supportive").sum())
    against = int(positions["stance"].isin(OPPOSING).sum())
    cautious = int((positions["stance"] == "cautious").sum())
    tail = [
        text
        for count, text in ((against, f"{against} oppose or condemn"), (cautious, f"{cautious} urge caution"))
        if count
    ]
    return f"{support} of {len(positions)} actors support {topic}" + ("; " + ", ".join(tail) if tail else "")


@dataclass
class _TargetTally:
    """One target's side of the matrix: the actors with a position on it, for it and against or cautious."""

    actors: set[str] = field(default_factory=set)
    support: int = 0
    against: int = 0


def matrix_finding(cells: pd.DataFrame) -> str:
    """'Most positions are on X (9 actors); actors split most on Y (4 for, 3 against)'."""
    if cells.empty:
        return NO_MATCH
    per_target: dict[str, _TargetTally] = {}
    for actor, label, stance in zip(
        cells["actor_id"].tolist(), cells["target_label"].tolist(), cells["stance"].tolist()
    ):
        tally = per_target.setdefault(label, _TargetTally())
        tally.actors.add(actor)
        tally.support += stance == "supportive"
        tally.against += stance in ("cautious", *OPPOSING)
    labels = sorted(per_target)  # max keeps the first of equals: ties go to the first label in sort order
    busiest = max(labels, key=lambda t: len(per_target[t].actors))
    text = f"Most positions are on {topic_phrase(busiest)} ({len(per_target[busiest].actors)} actors)"
    contested = [t for t in labels if per_target[t].support > 0 and per_target[t].against > 0]
    if contested:
        split = max(contested, key=lambda t: min(per_target[t].support, per_target[t].against))
        sides = f"{per_target[split].support} for, {per_target[split].against} against or cautious"
        text += (
            f", which also divides them most ({sides})"
            if split == busiest
            else f"; actors split most on {topic_phrase(split)} ({sides})"
        )
    return text


MAP_VERBS = {
    "supportive": "{} on balance supportive",
    "condemning": "{} condemning",
    "opposed": "{} opposed",
    "cautious": "{} cautious",
    "neutral": "{} neutral",
}  # in the order the title names them


def map_finding(countries: pd.DataFrame, *, country_names: dict[str, str]) -> str:
    if countries.empty:
        return NO_COUNTRY_MATCH
    rows = list(zip(countries["country"].tolist(), countries["stance"].tolist()))
    groups = {stance: [country_names.get(c, c) for c, s in rows if s == stance] for stance in MAP_VERBS}
    return "; ".join(MAP_VERBS[s].format(join_names(names, limit=3)) for s, names in groups.items() if names)


def polarization_sentence(figures: dict) -> str:
    if not figures["pairs"]:
        return "No two actors took a side on the same target, so polarization cannot be measured for this filter."
    text = (
        f"Polarization {figures['conflict_share']:.0%}: of the {figures['pairs']} pairs of actors who took a "
        f"side on the same target, {figures['conflicts']} took opposite sides (one supportive, the other "
        "cautious or against)."
    )
    if figures["modularity"] is not None:
        text += (
            f" Bloc modularity of the agreement network is {figures['modularity']:.2f} "
            "(near 0: agreement crosses blocs; towards 1: actors agree only within their bloc)."
        )
    return text


# Reaction lags ---------------------------------------------------------------------------------------------

LAG_COLUMNS = ["actor_id", "actor_name", "bloc", "first_statement", "precision", "lag", "lag_days", "statements"]


def lag_text(start, precision: str, *, days: float, trigger) -> str:
    """How long after the trigger a first statement came, as exactly as its date allows: '3 days after' for a
    day, 'within Nov 2025 (month precision: no exact lag)' for a month that holds the trigger."""
    if pd.isna(start):
        return "undated"
    if trigger is None:
        return "no trigger event"
    if precision == "day":
        days = int(days)
        if days == 0:
            return "same day"
        count = f"{abs(days)} day{'' if abs(days) == 1 else 's'}"
        return f"{count} after" if days > 0 else f"{count} before"
    begin, end = timeline.period(start, precision)
    shown = format_date(begin, precision)
    if begin <= trigger < end:
        return f"within {shown} ({precision} precision: no exact lag)"
    return f"{'after' if begin > trigger else 'before'}: {shown} ({precision} precision)"


def reaction_lags(rows: Rows, *, trigger_date) -> pd.DataFrame:
    """Per actor, its first dated statement and how long after the trigger it came, in words
    (timeline.first_reactions has the numbers), in the same order. Kept with the selection: the timeline's
    title and its table both ask."""
    rows = Selection.of(rows)
    return rows.memo(("reaction_lags", trigger_date), lambda: _reaction_lags(rows, trigger_date))


def _reaction_lags(rows: Selection, trigger_date) -> pd.DataFrame:
    first = timeline.first_reactions(rows, trigger_date=trigger_date)
    trigger = pd.Timestamp(trigger_date) if trigger_date is not None else None
    # Many actors share a first date: word each date once (its lag in days follows from it and the trigger).
    worded: dict[tuple, tuple[str, str]] = {}
    shown, lags = [], []
    for start, precision, days in zip(first["start"].tolist(), first["precision"].tolist(), first["lag_days"].tolist()):
        key = ("undated",) if pd.isna(start) else (start, precision)
        if key not in worded:
            worded[key] = (format_date(start, precision), lag_text(start, precision, days=days, trigger=trigger))
        shown.append(worded[key][0])
        lags.append(worded[key][1])
    return first.assign(first_statement=shown, lag=lags)[LAG_COLUMNS]


def lag_finding(lags: pd.DataFrame) -> str:
    """'2 actors reacted the same day; 9 more in Nov 2025 (month precision); 3 undated'."""
    if lags.empty:
        return NO_MATCH
    precisions, lag_days, firsts = (lags[c].tolist() for c in ("precision", "lag_days", "first_statement"))
    exact = [days for precision, days in zip(precisions, lag_days) if precision == "day"]
    parts = []
    same_day = sum(days == 0 for days in exact)
    later = [days for days in exact if days > 0]
    if same_day:
        parts.append(f"{plural(same_day, 'actor')} reacted the same day")
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
