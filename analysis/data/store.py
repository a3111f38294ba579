"""Read and validate the curated tables.

`load` either returns every table typed and cross-checked, or raises one `DataError` that lists every
problem it found, each naming the file, row, column, value and what was expected.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.data import csvfile, parquet_cache, paths, schema, validation
from analysis.data.schema import COLUMNS, STANCE_DTYPE, STANCE_SCORES, Problem


class DataError(Exception):
    """The tables are not valid. `problems` holds each one; str() lists them a line each."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True, eq=False)
class Tables:
    """The curated tables, typed. Either the whole dataset, or one story's part of it (`story`): its sources,
    targets, events and statements, the actors it names or groups, with the story's blocs."""

    stories: pd.DataFrame
    sources: pd.DataFrame
    actors: pd.DataFrame
    targets: pd.DataFrame
    statements: pd.DataFrame
    events: pd.DataFrame
    story_blocs: pd.DataFrame
    texts: Mapping[str, str] = field(repr=False)
    # Statements joined with their actor, target and source: what filters and aggregates work on.
    view: pd.DataFrame = field(repr=False)
    fingerprint: str = ""
    # sha256 of each table file as loaded: the `base` a later save is checked against.
    file_hashes: Mapping[str, str] = field(default_factory=dict, repr=False)
    # What is derived from the tables once per dataset (codes, sort orders, labels): see
    # analysis/query/selection.py. Nothing here changes the tables themselves.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    # The story these tables are limited to ("" for the whole dataset), and the whole dataset behind them.
    story_id: str = ""
    whole: Tables | None = field(default=None, repr=False)

    def source_ids(self) -> list[str]:
        if "source_ids" not in self.derived:
            self.derived["source_ids"] = self.sources["source_id"].astype(str).tolist()
        return self.derived["source_ids"]

    def story(self, story_id: str) -> Tables:
        """One story's tables (built once per story and dataset, then kept)."""
        everything = self.whole or self
        key = f"story:{story_id}"
        if key not in everything.derived:
            everything.derived[key] = story_tables(everything, story_id)
        return everything.derived[key]


CACHE_VERSION = "4"  # 2: stories; 3: near copies counted once (outlets, carried_by); 4: feeds


def table_hashes(data_dir: Path | str) -> dict[str, str]:
    """sha256 of every CSV in data_dir, by file name: read once, used for the cache key and stale checks."""
    data_dir = Path(data_dir)
    hashes = {}
    for path in sorted(data_dir.glob("*.csv")) if data_dir.is_dir() else []:
        try:  # a folder named like a table, or a file this user may not read, is reported by read_raw
            hashes[path.name] = file_sha256(path) if path.is_file() else ""
        except OSError:
            hashes[path.name] = ""
    return hashes


def fingerprint(data_dir: Path | str, seeds_dir: Path | str, *, hashes: Mapping[str, str] | None = None) -> str:
    """The cache key for everything derived from the data: the bytes of every table, and the name, size
    and modification time of every seed (seeds are never edited, and their hashes are checked on a cold
    load, so reading them all again on every start would only cost time)."""
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for name, sha in (table_hashes(data_dir) if hashes is None else hashes).items():
        digest.update(f"{name}\0{sha}\0".encode())
    seeds_dir = Path(seeds_dir)
    for path in sorted(seeds_dir.iterdir()) if seeds_dir.is_dir() else []:
        if path.is_file():
            info = path.stat()
            digest.update(f"{path.name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


class SourceTexts(Mapping):
    """Source texts by source_id, read from seeds/ when first asked for: a warm start reads none."""

    def __init__(self, paths: Mapping[str, Path], preloaded: Mapping[str, str] | None = None):
        self._paths = dict(paths)
        self._texts = dict(preloaded or {})

    def __getitem__(self, source_id: str) -> str:
        if source_id not in self._texts:
            self._texts[source_id] = self._paths[source_id].read_text(encoding="utf-8")
        return self._texts[source_id]

    def __iter__(self):
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


CATEGORICAL_VIEW_COLUMNS = (
    "story_id",
    "source_id",
    "actor_id",
    "target_id",
    "mode",
    "date_precision",
    "origin",
    "actor_name",
    "bloc",
    "kind",
    "country",
    "party",
    "target_label",
    "source_title",
)


def read_raw(path: Path, table: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one CSV with every cell as text. Returns (frame, problems); frame is None if unusable.
    Well-formed files take pyarrow's fast reader; any other goes to a careful one that names each
    problem's row and column (analysis.data.csvfile)."""
    name = path.name
    if not path.is_file():
        return None, [Problem(name, None, None, str(path), "the file to exist")]
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [
            Problem(
                name, None, None, f"{type(error).__name__}: {error.strerror or error}", "a file this program can read"
            )
        ]
    return csvfile.read(raw, name, COLUMNS[table])


def _typed(raw: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    def dates(series: pd.Series) -> pd.Series:
        return pd.to_datetime(series.replace("", None), format="%Y-%m-%d").astype("datetime64[ns]")

    sources = raw["sources"].assign(published=lambda f: dates(f["published"]), added=lambda f: dates(f["added"]))
    statements = raw["statements"].assign(
        stance=lambda f: f["stance"].astype(STANCE_DTYPE),
        start=lambda f: f["start"].astype("int64"),
        end=lambda f: f["end"].astype("int64"),
        date=lambda f: dates(f["date"]),
        confidence=lambda f: f["confidence"].astype("float64"),
        reviewed=lambda f: f["reviewed"].map(schema.BOOL_TEXT).astype(bool),
    )
    events = raw["events"].assign(
        date=lambda f: dates(f["date"]),
        start=lambda f: f["start"].astype("int64"),
        end=lambda f: f["end"].astype("int64"),
    )
    stories = raw["stories"].assign(created=lambda f: dates(f["created"]))
    return {**raw, "stories": stories, "sources": sources, "statements": statements, "events": events}


def statement_view(
    statements: pd.DataFrame,
    actors: pd.DataFrame,
    targets: pd.DataFrame,
    sources: pd.DataFrame,
    story_blocs: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Statements with their source's story and title, the actor's name, bloc (the story's, where the story
    regroups the actor), kind and country, and the target label."""
    actor_part = actors.rename(columns={"name": "actor_name"})[
        ["actor_id", "actor_name", "bloc", "kind", "country", "party"]
    ]
    target_part = targets.rename(columns={"label": "target_label"})[["target_id", "target_label"]]
    source_part = sources.rename(columns={"title": "source_title"})[["source_id", "story_id", "source_title"]]
    view = (
        statements.merge(source_part, on="source_id", how="left")
        .merge(actor_part, on="actor_id", how="left")
        .merge(target_part, on="target_id", how="left")
    )
    if story_blocs is not None and len(story_blocs):
        regrouped = view[["story_id", "actor_id"]].merge(
            story_blocs.rename(columns={"bloc": "story_bloc"}), on=["story_id", "actor_id"], how="left"
        )["story_bloc"]
        view["bloc"] = regrouped.where(regrouped.notna(), view["bloc"]).to_numpy()
    # the statements' own column order first, as before stories existed
    view = view[[*statements.columns, *[c for c in view.columns if c not in statements.columns]]]
    view = counted_once(view, sources)
    view["score"] = view["stance"].map(STANCE_SCORES).astype("float64")
    # Categories make filtering and grouping a million rows fast, and the frames small.
    for column in CATEGORICAL_VIEW_COLUMNS:
        view[column] = view[column].astype("category")
    return view


def counted_once(view: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """A position carried by an article and its near copies (a wire story republished by other outlets) is
    one row: the original's, else the first copy's. `outlets` says how many outlets carried it and
    `carried_by` names them (empty when only one did)."""
    copy_of = sources["copy_of"].astype(str) if "copy_of" in sources else pd.Series("", index=sources.index)
    if not (copy_of != "").any():
        return view.assign(outlets=np.ones(len(view), dtype="int32"), carried_by="")
    family = dict(zip(sources["source_id"], copy_of.where(copy_of != "", sources["source_id"])))
    outlet = sources["outlet"].where(sources["outlet"] != "", sources["title"]).astype(str)
    outlet_of = dict(zip(sources["source_id"], outlet))
    source = view["source_id"].astype(str)
    keys = pd.DataFrame(
        {
            "family": source.map(family).to_numpy(),
            "actor": view["actor_id"].astype(str).to_numpy(),
            "target": view["target_id"].astype(str).to_numpy(),
            "stance": view["stance"].astype(str).to_numpy(),
            "is_copy": (source.map(family) != source).to_numpy(),
            "outlet": source.map(outlet_of).to_numpy(),
        }
    )
    keys["source"] = source.to_numpy()
    position = ["family", "actor", "target", "stance"]
    group = keys.groupby(position, sort=False)
    # Every row of the source that speaks for the position (the original, else the first copy) is kept: one
    # article may say the same thing twice, and both are evidence.
    speaker = keys.sort_values("is_copy", kind="stable").groupby(position, sort=False)["source"].transform("first")
    kept = np.flatnonzero((keys["source"] == speaker.reindex(keys.index)).to_numpy())
    count = group["outlet"].transform("nunique").astype("int32").to_numpy()
    # The outlets' names only where there are several: a join per position would cost a Python call each.
    carried_by = np.full(len(keys), "", dtype=object)
    several = count > 1
    if several.any():
        shared = keys[several]
        joined = shared.groupby(position, sort=False)["outlet"].transform(lambda s: "; ".join(dict.fromkeys(s)))
        carried_by[several] = joined.to_numpy()
    return (
        view.iloc[kept]
        .assign(outlets=count[kept], carried_by=pd.array(carried_by[kept], dtype="str"))
        .reset_index(drop=True)
    )


def read_tables(data_dir: Path) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Every table as read from its CSV (cells as text), and the problems that stopped any from being read."""
    raw: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for table in schema.TABLES:
        frame, read_problems = read_raw(data_dir / f"{table}.csv", table)
        problems += read_problems
        if frame is not None:
            raw[table] = frame
    return raw, problems


def source_text(seeds_dir: Path, path: str) -> str:
    """One source's text, from its path as sources.csv gives it ('seeds/article.txt')."""
    return validation.seed_file(Path(seeds_dir), path).read_text(encoding="utf-8")


def _source_texts(sources: pd.DataFrame, seeds_dir: Path, preloaded: Mapping[str, str] | None = None) -> SourceTexts:
    """Each source's text by source_id, read from its seed file when first asked for (unless preloaded)."""
    return SourceTexts(
        {sid: validation.seed_file(seeds_dir, path) for sid, path in zip(sources["source_id"], sources["path"])},
        preloaded,
    )


def assemble(
    raw: Mapping[str, pd.DataFrame],
    texts: Mapping[str, str],
    *,
    fingerprint: str = "",
    file_hashes: Mapping[str, str] | None = None,
) -> Tables:
    """Tables from valid tables as read (every cell as text) and the source texts by source_id: typed, with
    the statement view. `load` uses it after validating; the tests build small literal datasets with it."""
    typed = _typed(dict(raw))
    view = parquet_cache.single_chunk(
        statement_view(typed["statements"], typed["actors"], typed["targets"], typed["sources"], typed["story_blocs"])
    )
    return Tables(**typed, texts=texts, view=view, fingerprint=fingerprint, file_hashes=dict(file_hashes or {}))


def load(data_dir: Path | str | None = None, seeds_dir: Path | str | None = None, *, cache: bool = True) -> Tables:
    """Read, validate and type every table. Raises DataError listing every problem found. The folders
    default to those of `analysis.data.paths` (the environment's, else the project's).

    The first load of a given content validates everything and leaves typed Parquet copies in
    data/.cache/; later loads of the same content (same table bytes, same seed files) read those.
    """
    data_dir = Path(data_dir) if data_dir is not None else paths.data_dir()
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else paths.seeds_dir()
    hashes = table_hashes(data_dir)
    key = fingerprint(data_dir, seeds_dir, hashes=hashes)
    file_hashes = {table: hashes.get(f"{table}.csv", "") for table in schema.TABLES}
    cache_dir = data_dir / ".cache"
    if cache:
        frames = parquet_cache.read(cache_dir, key)
        if frames is not None:
            view = frames.pop("view")
            texts = _source_texts(frames["sources"], seeds_dir)
            return Tables(**frames, texts=texts, view=view, fingerprint=key, file_hashes=file_hashes)
    raw, problems = read_tables(data_dir)
    texts, found = validation.validate(raw, seeds_dir)
    problems += found
    if problems or len(raw) < len(schema.TABLES):
        raise DataError(problems)
    tables = assemble(raw, _source_texts(raw["sources"], seeds_dir, texts), fingerprint=key, file_hashes=file_hashes)
    if cache:
        parquet_cache.write(cache_dir, key, {**{t: getattr(tables, t) for t in schema.TABLES}, "view": tables.view})
    return tables


def file_sha256(path: Path) -> str:
    if not path.exists():
        return ""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


# One story's part of the dataset --------------------------------------------------------------------


class _StoryTexts(Mapping):
    """The texts of one story's sources, read through the whole dataset's (lazy) texts."""

    def __init__(self, texts: Mapping[str, str], source_ids: list[str]):
        self._texts, self._ids = texts, source_ids
        self._known = set(source_ids)

    def __getitem__(self, source_id: str) -> str:
        if source_id not in self._known:
            raise KeyError(source_id)
        return self._texts[source_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def story_tables(tables: Tables, story_id: str) -> Tables:
    """The whole dataset cut down to one story (an unknown story has nothing in it)."""
    sources = _reindexed(tables.sources[tables.sources["story_id"] == story_id])
    targets = _reindexed(tables.targets[tables.targets["story_id"] == story_id])
    events = _reindexed(tables.events[tables.events["story_id"] == story_id])
    source_ids = set(sources["source_id"])
    statements = _reindexed(tables.statements[tables.statements["source_id"].isin(source_ids)])
    view = tables.view[(tables.view["story_id"] == story_id).to_numpy()]
    view = _reindexed(view)
    for column in view.select_dtypes("category").columns:
        view[column] = view[column].cat.remove_unused_categories()
    blocs = tables.story_blocs[tables.story_blocs["story_id"] == story_id]
    regrouped = dict(zip(blocs["actor_id"], blocs["bloc"]))
    named = (
        set(statements["actor_id"])
        | set(regrouped)
        | {actor for ids in events["actor_ids"] for actor in str(ids).split("|") if actor}
    )
    actors = tables.actors[tables.actors["actor_id"].isin(named)]
    actors = _reindexed(actors.assign(bloc=[regrouped.get(a, b) for a, b in zip(actors["actor_id"], actors["bloc"])]))
    return Tables(
        stories=tables.stories,
        sources=sources,
        actors=actors,
        targets=targets,
        statements=statements,
        events=events,
        story_blocs=_reindexed(blocs),
        texts=_StoryTexts(tables.texts, sources["source_id"].astype(str).tolist()),
        view=parquet_cache.single_chunk(view),
        fingerprint=f"{tables.fingerprint}:{story_id}",
        file_hashes=tables.file_hashes,
        story_id=story_id,
        whole=tables,
    )


def _reindexed(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.reset_index(drop=True)
