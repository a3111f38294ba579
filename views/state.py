"""Loading, caching and the per-run scope that every page reads. The only UI module that caches.

Caches are keyed by a content fingerprint of the data files and by the (small, hashable) FilterSpec,
never by DataFrames.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from analysis.data import briefings as briefing_records
from analysis.data import paths, saving, store
from analysis.data.schema import Problem
from analysis.data.store import Tables
from analysis.present import registry
from analysis.present.figures import DEFAULT, ViewOptions
from analysis.present.pages import evidence
from analysis.query.filters import FilterSpec
from analysis.query.scope import Scope

SCOPE_KEY = "_scope"


def data_dirs() -> tuple[Path, Path]:
    """The tables and documents folders (analysis.data.paths: the environment's, else the project's)."""
    return paths.data_dir(), paths.seeds_dir()


def _stat_signature(data_dir: Path, seeds_dir: Path) -> tuple:
    """Cheap to compute on every rerun: it keys the content fingerprint. The tables' names, sizes and
    mtimes, and the seeds folder's own mtime, which moves when an article is added or removed. Seeds are
    never edited in place (each is pinned by its sha256 in sources.csv, so a real change to one also changes
    sources.csv), so stating each of thousands of them on every rerun would only cost time."""
    signature = []
    if data_dir.is_dir():
        for path in sorted(data_dir.iterdir()):
            if path.is_file() and path.suffix == ".csv":  # the record files (briefings, rejections) are not tables
                info = path.stat()
                signature.append((str(path), info.st_size, info.st_mtime_ns))
    if seeds_dir.is_dir():
        signature.append((str(seeds_dir), seeds_dir.stat().st_mtime_ns))
    return tuple(signature)


@st.cache_data(max_entries=8, show_spinner=False)
def _fingerprint(data_dir: str, seeds_dir: str, signature: tuple) -> str:
    return store.fingerprint(data_dir, seeds_dir)


# cache_resource, not cache_data: cache_data would pickle a million-row view on every rerun, which costs
# more than the page itself. Tables is a frozen dataclass that nothing mutates (analysis functions never
# modify their inputs, and the tests check it), so one shared copy per data fingerprint is safe.
@st.cache_resource(max_entries=2, show_spinner="Loading and checking the tables…")
def _load(data_dir: str, seeds_dir: str, fingerprint: str) -> Tables | list[Problem]:
    try:
        return store.load(data_dir, seeds_dir)
    except store.DataError as error:
        return error.problems


def load_tables() -> Tables | list[Problem]:
    """The validated tables, or the list of problems that stops them from loading."""
    data_dir, seeds_dir = data_dirs()
    if (data_dir / saving.JOURNAL).exists():  # a save was interrupted after its commit point: finish it first
        try:
            saving.recover(data_dir)
        except saving.SaveError as error:
            return [
                Problem(
                    file=saving.JOURNAL,
                    row=None,
                    column=None,
                    value="",
                    expected=f"an interrupted save to be finished: {error}",
                )
            ]
    fingerprint = _fingerprint(str(data_dir), str(seeds_dir), _stat_signature(data_dir, seeds_dir))
    return _load(str(data_dir), str(seeds_dir), fingerprint)


def make_scope(tables: Tables, spec: FilterSpec) -> Scope:
    # Filtering makes a mask over the shared view and copies no rows, so it is not cached: caching a result
    # would cost more in copying than it saves.
    return Scope.of(tables, spec, as_of=dt.date.today())


def set_current(scope: Scope) -> None:
    """Hand this run's scope from dashboard.py to the page script that it runs next."""
    st.session_state[SCOPE_KEY] = scope


def current() -> Scope:
    return st.session_state[SCOPE_KEY]


# A resource cache, not a data cache: a data cache pickles each figure when it stores it and unpickles it
# on every hit. The figures are shared by sessions as they are; no page modifies one (screenshot mode
# builds its own).
@st.cache_resource(max_entries=256, show_spinner=False, hash_funcs={FilterSpec: repr, ViewOptions: repr})
def _cached_figure(
    data_dir: str,
    seeds_dir: str,
    fingerprint: str,
    spec: FilterSpec,
    as_of: dt.date,
    view_id: str,
    options: ViewOptions,
    _scope: Scope,
):
    # `_scope` is not part of the key (Streamlit skips arguments named with a leading underscore): it is the
    # page's own scope for exactly that data and filter, so its selection and tallies are reused.
    return registry.figure(view_id, _scope, options=options)


def figure(view_id: str, scope: Scope, *, options: ViewOptions = DEFAULT):
    """registry.figure, cached by data fingerprint, filter and options: going back to a filter is instant.
    The page models take it in place of registry.figure."""
    data_dir, seeds_dir = data_dirs()
    return _cached_figure(
        str(data_dir), str(seeds_dir), scope.tables.fingerprint, scope.spec, scope.as_of, view_id, options, _scope=scope
    )


@st.cache_data(max_entries=32, show_spinner="Finding the sentences…")
def sentences(text: str) -> list[evidence.Span]:
    """An article's sentences (the parser's; a second on a long article), for picking evidence."""
    return evidence.sentence_spans(text)


def briefings(story_id: str) -> list:
    """The story's past briefings, latest first: read again only when briefings.jsonl changed (a briefing
    holds the id of every statement it exported, so the file is not small)."""
    data_dir, _ = data_dirs()
    path = data_dir / briefing_records.FILE
    stat = (path.stat().st_size, path.stat().st_mtime_ns) if path.is_file() else None
    return _briefings(str(data_dir), story_id, stat)


# cache_resource: the briefings are frozen, and a copy of a million ids on every rerun would cost time
@st.cache_resource(max_entries=8, show_spinner=False)
def _briefings(data_dir: str, story_id: str, stat) -> list:
    return briefing_records.read(data_dir, story_id=story_id)[::-1]
