"""Review new articles: the extractor's proposals as an editable table, the new actors they name, and the
accepted rows saved through the safe save. The page keeps the proposals in its session; everything that
turns them into tables or rows is here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.data import curation, saving, stories
from analysis.data.schema import STANCES, slug
from analysis.data.store import Tables
from analysis.extract import extract
from analysis.extract.core import explain
from analysis.present import text, wording

NEW = "new: "  # how the editor marks an actor that is not in the tables yet
NEW_ACTOR_COLUMNS = ["actor_id", "name", "kind", "country", "bloc"]
KEEP_FROM = 0.5  # proposals under this confidence start unticked


def propose(tables: Tables, source_id: str, target_id: str) -> pd.DataFrame:
    """The extractor's proposals for one source, each under a stable row id (p001, p002, …), with those it
    judged unlikely to be a position (`left_out`) among them. The extractor knows every named actor and this
    story's vague groups; another story's "Analysts" are not this one's."""
    actors = stories.extraction_actors(tables, tables.story_id) if tables.story_id else tables.actors
    proposals = extract(
        tables.texts[source_id],
        actors=actors,
        targets=tables.targets,
        main_target=target_id,
        source_id=source_id,
        left_out=True,
    )
    if tables.story_id:
        proposals = stories.story_collectives(tables, tables.story_id, proposals)
    proposals.index = [f"p{i:03d}" for i in range(1, len(proposals) + 1)]
    return proposals


def proposals_summary(proposals: pd.DataFrame, seconds: float) -> str:
    """What one run of the extractor gave, for the status line."""
    unlikely = int(_unlikely(proposals).sum())
    found = f"{len(proposals) - unlikely} proposals from 1 article in {seconds:.1f} s"
    verb = "is" if unlikely == 1 else "are"
    return found + (f"; {unlikely} more, judged unlikely to be a position, {verb} listed unticked" if unlikely else "")


def _unlikely(proposals: pd.DataFrame) -> pd.Series:
    """Which proposals the extractor judged unlikely to be a position (all False where it did not say)."""
    if "left_out" not in proposals.columns:
        return pd.Series(False, index=proposals.index)
    return proposals["left_out"].astype(bool)


def _all_actors(tables: Tables) -> pd.DataFrame:
    return (tables.whole or tables).actors


def already_stated(tables: Tables, source_id: str, proposals: pd.DataFrame) -> pd.Series:
    """True for a proposal whose actor already has a statement overlapping the same span of the source."""
    existing = tables.statements.loc[tables.statements["source_id"] == source_id, ["actor_id", "start", "end"]]
    pairs = pd.DataFrame(
        {
            "row": proposals.index,
            "actor_id": proposals["actor_id"].astype(str),
            "start": proposals["start"],
            "end": proposals["end"],
        }
    ).merge(existing.astype({"actor_id": str}), on="actor_id", suffixes=("", "_old"))
    overlapping = pairs.loc[(pairs["start_old"] < pairs["end"]) & (pairs["start"] < pairs["end_old"]), "row"]
    return pd.Series(proposals.index.isin(set(overlapping)), index=proposals.index, dtype=bool)


@dataclass(frozen=True)
class ProposalsTable:
    """What the proposals editor starts from, and what it offers."""

    table: pd.DataFrame
    caption: str
    actors: list[str]  # the actor column's choices: known names, and the new ones marked NEW
    stances: list[str]
    targets: list[str]


def _spoken(tables: Tables) -> frozenset[str]:
    """The sources with at least one statement: once per dataset, not on every rerun."""
    if "spoken_sources" not in tables.derived:
        tables.derived["spoken_sources"] = frozenset(tables.statements["source_id"].astype(str))
    return tables.derived["spoken_sources"]


def article_queue(tables: Tables, labels: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """The story's articles for the Review picker: those with no statement yet first (the newest added
    first), marked as waiting, then the rest in their order; and each one's label."""
    spoken = _spoken(tables)
    ids = tables.source_ids()
    waiting = [s for s in reversed(ids) if s not in spoken]  # sources.csv grows at its end: newest last
    shown = {s: ("● new, to review: " if s not in spoken else "") + labels.get(s, s) for s in ids}
    return [*waiting, *(s for s in ids if s in spoken)], shown


def is_waiting(tables: Tables, source_id: str) -> bool:
    """An article in the queue: one with no statement yet."""
    return source_id not in _spoken(tables)


def target_choices(tables: Tables) -> list[str]:
    """The story's targets, its main one first (the default main target of an article)."""
    main = stories.main_target(tables, tables.story_id) if tables.story_id else ""
    return sorted(tables.targets["target_id"].astype(str), key=lambda t: t != main)


def proposal_keys(proposals: pd.DataFrame) -> pd.Series:
    """What identifies a proposal from one run to the next: its actor and its evidence's offsets."""
    return pd.Series(
        [f"{a}@{s}-{e}" for a, s, e in zip(proposals["actor_id"], proposals["start"], proposals["end"])],
        index=proposals.index,
        dtype=str,
    )


REJECTIONS_FILE = "rejections.jsonl"  # in the data folder: the proposals left unticked at a save, by article


def rejected_before(data_dir: Path, source_id: str) -> frozenset[str]:
    """The proposals of an article that a curator left unticked at an earlier save, in any session."""
    return frozenset(
        key
        for record in saving.read_records(data_dir, REJECTIONS_FILE)
        if record.get("source_id") == source_id
        for key in record.get("keys", ())
    )


def remember_rejected(data_dir: Path, source_id: str, keys: set[str]) -> None:
    if keys:
        saving.append_record(data_dir, REJECTIONS_FILE, {"source_id": source_id, "keys": sorted(keys)})


def rejected(proposals: pd.DataFrame, edited: pd.DataFrame) -> set[str]:
    """The keys of the proposals the curator left unticked when saving: they start unticked next time. Rows
    the extractor judged unlikely (`left_out`) and the curator let be are not the curator's rejection: a
    refitted keep model may keep them."""
    unticked = proposals.loc[edited.index[~edited["include"].astype(bool)]]
    return set(proposal_keys(unticked[~_unlikely(unticked)]))


def proposals_table(
    tables: Tables, source_id: str, proposals: pd.DataFrame, *, rejected_before: frozenset[str] = frozenset()
) -> ProposalsTable:
    known_ids = set(_all_actors(tables)["actor_id"])
    duplicate = already_stated(tables, source_id, proposals)
    refused = proposal_keys(proposals).isin(rejected_before)
    actors = [
        name if actor_id in known_ids else NEW + name
        for name, actor_id in zip(proposals["actor"].tolist(), proposals["actor_id"].tolist())
    ]
    unlikely = _unlikely(proposals)
    table = pd.DataFrame(
        {
            "include": (proposals["confidence"] >= KEEP_FROM) & ~unlikely & ~duplicate & ~refused,
            "actor": actors,
            "stance": proposals["stance"].astype(str),
            "target": proposals["target_id"].astype(str),
            "cue": proposals["cue"].astype(str),
            "evidence": proposals["evidence"].astype(str),
            "confidence": proposals["confidence"].astype(float),
            "why": [
                ("left out as unlikely to be a position · " if out else "") + explain(row)
                for row, out in zip(proposals.itertuples(), unlikely)
            ],
        },
        index=proposals.index,
    )
    also = [
        f"the {count} {what}"
        for count, what in (
            (int(unlikely.sum()), "that the extractor judged unlikely to be a position at all"),
            (int(duplicate.sum()), "that repeat a statement in the tables"),
            (int(refused.sum()), "you rejected before"),
        )
        if count
    ]
    caption = (
        f"{len(table)} proposals. Tick the ones to keep, correct actor, stance, target or cue, then save. "
        "The confidence is calibrated: of the rows at 0.8, about 8 in 10 are right. "
        f"Rows under {KEEP_FROM}, more likely wrong than right, start unticked"
        + "".join(f", and {'so do ' if k == 0 else ''}{part}" for k, part in enumerate(also))
        + "."
    )
    return ProposalsTable(
        table,
        caption,
        sorted(set(tables.actors["name"]) | set(actors)),
        list(STANCES),
        tables.targets["target_id"].tolist(),
    )


@dataclass(frozen=True)
class ProposalInContext:
    """A proposal's sentence cut around its cue, and how it was found, in words."""

    pieces: list[tuple[str, bool]]  # (text, is the cue)
    why: str


def in_context(tables: Tables, source_id: str, proposals: pd.DataFrame, row_id: str) -> ProposalInContext:
    row = proposals.loc[row_id]
    pieces = text.cue_in_sentence(
        tables.texts[source_id],
        sentence=(int(row["sentence_start"]), int(row["sentence_end"])),
        cue=(int(row["cue_start"]), int(row["cue_end"])),
    )
    return ProposalInContext(pieces, f"{explain(row)} · confidence {float(row['confidence']):.2f}")


def proposal_label(proposals: pd.DataFrame, row_id: str) -> str:
    cue = str(proposals.at[row_id, "cue"] or "") or "(no cue)"
    return f"{row_id} · {proposals.at[row_id, 'actor']} · {cue}"


def kept(edited: pd.DataFrame) -> pd.DataFrame:
    """The rows the curator ticked. (An editor with no rows hands its columns back as floats.)"""
    return edited[edited["include"].astype(bool)]


def accepted_count(edited: pd.DataFrame) -> int:
    return len(kept(edited))


def save_label(edited: pd.DataFrame) -> str:
    return f"Save {wording.plural(accepted_count(edited), 'accepted statement')}"


def new_actor_names(edited: pd.DataFrame) -> set[str]:
    """The names of the new actors among the kept rows."""
    actors = kept(edited)["actor"].astype(str)
    return {name.removeprefix(NEW) for name in actors if name.startswith(NEW)}


def new_actor_guesses(proposals: pd.DataFrame, edited: pd.DataFrame, tables: Tables | None = None) -> pd.DataFrame:
    """One row per new actor the editor names (kept or not), with the extractor's guesses of its id, kind,
    country and bloc made sensible (a ministry is part of a government; the bloc is the story's bloc that
    holds actors of that kind, else 'Unsorted' for the curator to name); the curator edits them once."""
    names = sorted({a.removeprefix(NEW) for a in edited["actor"] if a.startswith(NEW)})
    named = proposals[proposals["actor"].isin(names)].drop_duplicates("actor")
    story_id = tables.story_id if tables is not None else ""
    blocs = stories.blocs_by_kind(tables) if tables is not None else None
    guessed = curation.new_actor_rows(named, story_id=story_id, story_blocs=blocs)
    missing = [n for n in names if n not in set(guessed["name"])]
    extra = pd.DataFrame(
        [{"actor_id": slug(n), "name": n, "kind": "organization", "country": "", "bloc": "Unsorted"} for n in missing],
        columns=NEW_ACTOR_COLUMNS,
    )
    return pd.concat([guessed, extra], ignore_index=True)[NEW_ACTOR_COLUMNS].sort_values("name", ignore_index=True)


def no_new_actors() -> pd.DataFrame:
    return pd.DataFrame(columns=NEW_ACTOR_COLUMNS)


def shown_new_actors(guesses: pd.DataFrame, edited: pd.DataFrame) -> pd.DataFrame:
    """The new actors the kept rows need, to describe before saving."""
    return guesses[guesses["name"].isin(new_actor_names(edited))]


def save_review(
    data_dir: Path,
    seeds_dir: Path,
    tables: Tables,
    *,
    source_id: str,
    proposals: pd.DataFrame,
    edited: pd.DataFrame,
    new_actors: pd.DataFrame,
) -> int:
    """Save the kept rows, as the curator corrected them, as reviewed statements (and the new actors they
    name), through curation.save_proposals. Returns how many statements were saved."""
    rows = kept(edited)
    ids = dict(zip(_all_actors(tables)["name"], _all_actors(tables)["actor_id"]))
    ids.update({NEW + n: i for n, i in zip(new_actors["name"], new_actors["actor_id"])})
    accepted = proposals.loc[rows.index].assign(
        actor_id=[ids.get(a, "") for a in rows["actor"]],
        stance=rows["stance"],
        target_id=rows["target"],
        cue=rows["cue"],
        reviewed=True,
    )
    return curation.save_proposals(
        data_dir,
        seeds_dir,
        accepted,
        source_id=source_id,
        base=dict(tables.file_hashes),
        new_actors=new_actors,
        reason=f"review of {source_id}",
    )
