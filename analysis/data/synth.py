"""Synthetic datasets of any size for benchmarks: valid, deterministic for a seed, clearly marked.

Every statement is a generated sentence in a generated source text, so quotes are verbatim at their
offsets and every sha256 matches, exactly as the real data must be. Never written into data/.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.data.schema import COLUMNS, STANCES

BLOCS = {  # bloc -> probabilities of condemning, opposed, cautious, neutral, supportive
    "Government": (0.00, 0.02, 0.08, 0.15, 0.75),
    "Ruling party": (0.00, 0.03, 0.10, 0.12, 0.75),
    "Opposition": (0.10, 0.45, 0.25, 0.10, 0.10),
    "Allies abroad": (0.00, 0.05, 0.15, 0.20, 0.60),
    "Rival states": (0.45, 0.35, 0.10, 0.08, 0.02),
    "Business": (0.02, 0.18, 0.40, 0.20, 0.20),
    "Civil society": (0.10, 0.30, 0.35, 0.10, 0.15),
    "Observers": (0.02, 0.10, 0.30, 0.48, 0.10),
}
KINDS = {
    "Government": "government",
    "Ruling party": "party",
    "Opposition": "legislators",
    "Allies abroad": "government",
    "Rival states": "government",
    "Business": "organization",
    "Civil society": "organization",
    "Observers": "commentators",
}
COUNTRIES = (
    "USA",
    "GBR",
    "FRA",
    "DEU",
    "ITA",
    "ESP",
    "POL",
    "NLD",
    "SWE",
    "CAN",
    "MEX",
    "BRA",
    "ARG",
    "COL",
    "VEN",
    "CHL",
    "RUS",
    "CHN",
    "IRN",
    "IND",
    "JPN",
    "KOR",
    "AUS",
    "ZAF",
    "NGA",
    "KEN",
    "EGY",
    "TUR",
    "SAU",
    "IDN",
)
FIRST = ("Ana", "José", "Li", "Amara", "Jon", "Mei", "Omar", "Sofia", "Igor", "Nia", "Tomás", "Ines", "Kofi")
LAST = ("Ruiz", "Okafor", "Chen", "Novak", "Haddad", "Silva", "Berg", "Sato", "Mensah", "Dubois", "Kaya", "Rossi")
TARGETS = (
    ("reform-bill", "The reform bill", "reform bill|the bill"),
    ("trade-deal", "The trade deal", "trade deal"),
    ("sanctions", "New sanctions", "sanctions"),
    ("ceasefire", "The ceasefire", "ceasefire|truce"),
    ("tariffs", "Steel tariffs", "tariffs"),
    ("climate-fund", "The climate fund", "climate fund"),
    ("border-controls", "Border controls", "border controls"),
    ("tax-cut", "The tax cut", "tax cut"),
)
VERBS = {
    "condemning": ("condemned", "denounced"),
    "opposed": ("rejected", "opposed", "criticised"),
    "cautious": ("urged caution on", "voiced concern about", "warned about"),
    "neutral": ("declined to comment on", "said it was studying"),
    "supportive": ("welcomed", "praised", "backed", "endorsed"),
}
TRIGGER = dt.date(2025, 1, 15)


def _actors(rng: np.random.Generator, count: int) -> pd.DataFrame:
    blocs = list(BLOCS)
    rows = []
    for i in range(count):
        bloc = blocs[i % len(blocs)]
        kind = KINDS[bloc] if i % 3 else "person"
        country = COUNTRIES[int(rng.integers(len(COUNTRIES)))] if kind != "commentators" else ""
        name = (
            f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}"
            if kind == "person"
            else f"{bloc} group {i}"
        )
        rows.append(
            {
                "actor_id": f"actor-{i:04d}",
                "name": name,
                "kind": kind,
                "country": country,
                "bloc": bloc,
                "party": "",
                "aliases": "",
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS["actors"]))


def _story_suffix(story: int) -> str:
    return "" if story == 0 else f"-s{story:04d}"


def generate(statements: int, out: Path | str, *, seed: int = 7, stories: int = 1) -> Path:
    """Write DIR/data/*.csv, DIR/seeds/*.txt and DIR/SYNTHETIC. Returns DIR. With `stories` > 1 the sources
    are shared out over that many stories, each with targets of its own."""
    out = Path(out)
    data_dir, seeds_dir = out / "data", out / "seeds"
    data_dir.mkdir(parents=True, exist_ok=True)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    n_actors = 400 if statements >= 20_000 else max(12, statements // 50)
    n_sources = max(3, statements // 200)
    actors = _actors(rng, n_actors)
    weights = 1 / np.arange(1, n_actors + 1) ** 1.1  # a few actors say most
    weights /= weights.sum()
    actor_index = rng.choice(n_actors, size=statements, p=weights)
    target_index = rng.choice(len(TARGETS), size=statements, p=np.array([8, 6, 5, 4, 3, 2, 1, 1]) / 30)
    bloc_of = actors["bloc"].to_numpy()[actor_index]
    draws = rng.random(statements)
    stance_index = np.zeros(statements, dtype=int)
    for bloc, probabilities in BLOCS.items():
        mask = bloc_of == bloc
        stance_index[mask] = np.searchsorted(np.cumsum(probabilities), draws[mask] * 0.999999)
    stances = np.array(STANCES)[stance_index]
    verb_pick = rng.integers(0, 12, size=statements)
    verbs = np.array([VERBS[s][v % len(VERBS[s])] for s, v in zip(stances, verb_pick)], dtype=object)
    names = actors["name"].to_numpy()[actor_index]
    labels = np.array([t[1].lower() for t in TARGETS], dtype=object)[target_index]
    sentences = names + " " + verbs + " " + labels + "."
    source_index = rng.integers(0, n_sources, size=statements)
    stories = max(1, min(stories, n_sources))
    story_of = source_index % stories  # each statement's story: its source's
    frame = pd.DataFrame({"source": source_index, "sentence": sentences}).sort_values("source", kind="stable")
    lengths = frame["sentence"].str.len().to_numpy() + 1  # one space after each sentence
    group_start = frame.groupby("source", sort=False).cumcount().to_numpy() == 0
    cumulative = np.cumsum(lengths)
    starts = cumulative - lengths
    starts = starts - np.maximum.accumulate(np.where(group_start, starts, 0))
    frame["start"] = starts
    frame["end"] = starts + lengths - 1
    texts = frame.groupby("source", sort=True)["sentence"].agg(" ".join)
    source_rows = []
    for source, text in texts.items():
        raw = (text + "\n").encode("utf-8")
        name = f"synthetic-{source:05d}.txt"
        (seeds_dir / name).write_bytes(raw)
        source_rows.append(
            {
                "source_id": f"synthetic-{source:05d}",
                "story_id": f"synthetic-story{_story_suffix(source % stories)}",
                "title": f"SYNTHETIC source {source:05d}",
                "outlet": "Synthetic wire",
                "published": "",
                "date_precision": "unknown",
                "url": "",
                "path": f"seeds/{name}",
                "sha256": hashlib.sha256(raw).hexdigest(),
                "format": "txt",
                "original": "",
                "original_sha256": "",
                "text_extractor": "",
                "copy_of": "",
                "added": TRIGGER.isoformat(),
                "date_note": "Synthetic data for benchmarks.",
            }
        )
    days = np.minimum(rng.exponential(40, size=statements).astype(int), 364)
    dates = pd.Timestamp(TRIGGER) + pd.to_timedelta(days, unit="D")
    by_month = rng.random(statements) < 0.15
    date_text = np.where(by_month, dates.strftime("%Y-%m-01"), dates.strftime("%Y-%m-%d"))
    extracted = rng.random(statements) < 0.3
    order = frame.index.to_numpy()
    rows = pd.DataFrame(
        {
            "statement_id": [f"s{i:07d}" for i in range(statements)],
            "source_id": [f"synthetic-{s:05d}" for s in source_index],
            "actor_id": actors["actor_id"].to_numpy()[actor_index],
            "target_id": np.array([t[0] for t in TARGETS], dtype=object)[target_index]
            + np.array([_story_suffix(k) for k in range(stories)], dtype=object)[story_of],
            "stance": stances,
            "quote": sentences,
            "start": pd.Series(frame["start"].to_numpy(), index=order).sort_index().to_numpy(),
            "end": pd.Series(frame["end"].to_numpy(), index=order).sort_index().to_numpy(),
            "cue": verbs,
            "summary": "",
            "mode": "reported",
            "date": date_text,
            "date_precision": np.where(by_month, "month", "day"),
            "confidence": np.round(rng.uniform(0.5, 0.95, size=statements), 2),
            "origin": np.where(extracted, "extracted", "curated"),
            "reviewed": np.where(extracted & (rng.random(statements) < 0.5), "false", "true"),
        }
    )
    story_ids = [f"synthetic-story{_story_suffix(k)}" for k in range(stories)]
    targets = pd.DataFrame(
        [
            {
                "target_id": t + _story_suffix(k),
                "story_id": story_ids[k],
                "label": label,
                "description": f"Synthetic target: {label}.",
                "keywords": keywords,
            }
            for k in range(stories)
            for t, label, keywords in TARGETS
        ]
    )
    story_rows = pd.DataFrame(
        {
            "story_id": story_ids,
            "title": [f"SYNTHETIC story {k}" for k in range(stories)],
            "description": "Synthetic data for benchmarks.",
            "created": TRIGGER.isoformat(),
            "status": "active",
            "default_target": [TARGETS[0][0] + _story_suffix(k) for k in range(stories)],
            "feeds": "",
        }
    )
    first = rows.iloc[0]
    events = pd.DataFrame(
        [
            {
                "event_id": "synthetic-trigger",
                "story_id": story_ids[int(story_of[0])],
                "date": TRIGGER.isoformat(),
                "date_precision": "day",
                "role": "trigger",
                "title": "SYNTHETIC trigger event",
                "description": "Synthetic.",
                "actor_ids": first["actor_id"],
                "source_id": first["source_id"],
                "quote": first["quote"],
                "start": first["start"],
                "end": first["end"],
                "date_note": "Synthetic.",
            }
        ]
    )
    tables = {
        "stories": story_rows,
        "sources": pd.DataFrame(source_rows),
        "actors": actors,
        "targets": targets,
        "statements": rows,
        "events": events,
        "story_blocs": pd.DataFrame(columns=list(COLUMNS["story_blocs"])),
    }
    for table, content in tables.items():
        content[list(COLUMNS[table])].to_csv(data_dir / f"{table}.csv", index=False, lineterminator="\n")
    (out / "SYNTHETIC").write_text(marker(statements, stories=stories, seed=seed), encoding="utf-8")
    return out


def marker(statements: int, *, stories: int = 1, seed: int = 7) -> str:
    """What DIR/SYNTHETIC says: the size, the seed and the tables' columns, so that a dataset generated
    before a change of columns is known to be stale."""
    columns = hashlib.sha256(repr(sorted(COLUMNS.items())).encode()).hexdigest()[:12]
    return (
        f"Synthetic benchmark data: {statements} statements in {stories} stories, seed {seed}, columns {columns}. "
        "Not real statements; never mix into data/.\n"
    )


def is_current(folder: Path | str, statements: int, *, stories: int = 1, seed: int = 7) -> bool:
    path = Path(folder) / "SYNTHETIC"
    return path.is_file() and path.read_text(encoding="utf-8") == marker(statements, stories=stories, seed=seed)
