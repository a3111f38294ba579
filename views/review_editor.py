"""The review page's editors. The proposals live in session state under a stable row id and are the
editors' *input*; what the editor returns is only read, never fed back in (Streamlit #7749, #9917)."""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from analysis.data import curation, saving, store
from analysis.data.schema import STANCES
from analysis.data.store import Tables
from analysis.extract import extract
from analysis.extract.actors import slug
from analysis.present import text
from analysis.present.figures import Scope
from analysis.present.text import escape_markdown
from views import state

PROPOSALS_KEY = "proposals:"
EDITOR_KEY = "editor:"
ACTORS_KEY = "new_actors:"
NEW = "new: "


def propose(tables: Tables, source_id: str, target_id: str) -> pd.DataFrame:
    proposals = extract(tables.texts[source_id], actors=tables.actors, targets=tables.targets,
                        main_target=target_id, source_id=source_id)
    proposals.index = [f"p{i:03d}" for i in range(1, len(proposals) + 1)]  # stable row ids
    return proposals


def set_proposals(source_id: str, proposals: pd.DataFrame) -> None:
    st.session_state[PROPOSALS_KEY + source_id] = proposals
    for prefix in (EDITOR_KEY, ACTORS_KEY):
        st.session_state.pop(prefix + source_id, None)


def get_proposals(source_id: str) -> pd.DataFrame | None:
    return st.session_state.get(PROPOSALS_KEY + source_id)


def _actor_label(row, known_ids: set[str]) -> str:
    return row.actor if row.actor_id in known_ids else NEW + row.actor


def proposals_editor(scope: Scope, source_id: str, proposals: pd.DataFrame) -> pd.DataFrame:
    known = scope.tables.actors
    known_ids = set(known["actor_id"])
    duplicate = already_stated(scope.tables, source_id, proposals)
    table = pd.DataFrame({
        "include": (proposals["confidence"] >= 0.5) & ~duplicate,
        "actor": [_actor_label(r, known_ids) for r in proposals.itertuples()],
        "stance": proposals["stance"].astype(str), "target": proposals["target_id"].astype(str),
        "cue": proposals["cue"].astype(str), "evidence": proposals["evidence"].astype(str),
        "confidence": proposals["confidence"].astype(float),
    }, index=proposals.index)
    actor_options = sorted(set(known["name"]) | set(table["actor"]))
    st.caption(f"{len(table)} proposals. Tick the ones to keep, correct actor, stance, target or cue, then save. "
               "Rows under 0.5 confidence start unticked"
               + (f", and so do the {int(duplicate.sum())} that repeat a statement already in the tables."
                  if duplicate.any() else "."))
    return st.data_editor(
        table, key=EDITOR_KEY + source_id, num_rows="fixed", width="stretch",
        disabled=["evidence", "confidence"],
        column_config={
            "include": st.column_config.CheckboxColumn("keep", width=60),
            "actor": st.column_config.SelectboxColumn("actor", options=actor_options, required=True, width=220),
            "stance": st.column_config.SelectboxColumn("stance", options=list(STANCES), required=True, width=110),
            "target": st.column_config.SelectboxColumn("target", options=scope.tables.targets["target_id"].tolist(),
                                                       required=True, width=180),
            "evidence": st.column_config.TextColumn("evidence (verbatim)", width=480),
            "confidence": st.column_config.NumberColumn("confidence", format="%.2f", width=90),
        })


def already_stated(tables: Tables, source_id: str, proposals: pd.DataFrame) -> pd.Series:
    """True for a proposal whose actor already has a statement overlapping the same span of the source."""
    existing = tables.statements[tables.statements["source_id"] == source_id]
    return pd.Series([any(a == p.actor_id and s < p.end and p.start < e
                          for a, s, e in zip(existing["actor_id"], existing["start"], existing["end"]))
                      for p in proposals.itertuples()], index=proposals.index, dtype=bool)


def context_viewer(tables: Tables, source_id: str, proposals: pd.DataFrame) -> None:
    row_id = st.selectbox("Read a proposal in its sentence", proposals.index.tolist(), key="context_row",
                          format_func=lambda r: f"{r} · {proposals.at[r, 'actor']} · {proposals.at[r, 'cue']}")
    if row_id:
        before, quote, after = text.in_context(tables.texts[source_id], int(proposals.at[row_id, "start"]),
                                               int(proposals.at[row_id, "end"]))
        st.markdown("…" + escape_markdown(before) + "**" + escape_markdown(quote) + "**" + escape_markdown(after)
                    + "…")


def new_actors_editor(scope: Scope, source_id: str, edited: pd.DataFrame, *, kinds) -> pd.DataFrame:
    """A small form for each new actor among the kept rows: id, name, kind, country, bloc."""
    proposals = get_proposals(source_id)
    # astype: an editor with no rows (an article with no proposals) hands its columns back as floats.
    fresh = edited[edited["include"].astype(bool) & edited["actor"].astype(str).str.startswith(NEW)]
    if fresh.empty:
        return pd.DataFrame(columns=["actor_id", "name", "kind", "country", "bloc"])
    key = ACTORS_KEY + source_id
    if key not in st.session_state:  # built once from the extractor's guesses, then only edited
        guesses = proposals.drop_duplicates("actor").set_index("actor")
        names = sorted({a.removeprefix(NEW) for a in edited["actor"] if a.startswith(NEW)})
        st.session_state[key] = pd.DataFrame([{
            "actor_id": guesses.at[n, "actor_id"] if n in guesses.index else slug(n), "name": n,
            "kind": guesses.at[n, "actor_kind"] if n in guesses.index else "organization",
            "country": guesses.at[n, "actor_country"] if n in guesses.index else "",
            "bloc": (guesses.at[n, "actor_bloc"] if n in guesses.index else "") or "Unsorted"} for n in names])
    st.subheader("New actors")
    st.caption("Describe each new actor once: a slug id, its kind, an ISO alpha-3 country (or empty), a bloc.")
    table = st.session_state[key]
    wanted = {a.removeprefix(NEW) for a in fresh["actor"]}
    return st.data_editor(table[table["name"].isin(wanted)], key=key + ":editor", num_rows="fixed",
                          hide_index=True, width="stretch",
                          column_config={"kind": st.column_config.SelectboxColumn("kind", options=list(kinds)),
                                         "name": st.column_config.TextColumn("name", disabled=True)})


def save(scope: Scope, source_id: str, proposals: pd.DataFrame, edited: pd.DataFrame,
         new_actors: pd.DataFrame) -> None:
    kept = edited[edited["include"]]
    ids = dict(zip(scope.tables.actors["name"], scope.tables.actors["actor_id"]))
    ids.update({NEW + n: i for n, i in zip(new_actors["name"], new_actors["actor_id"])})
    accepted = proposals.loc[kept.index].assign(
        actor_id=[ids.get(a, "") for a in kept["actor"]], stance=kept["stance"], target_id=kept["target"],
        cue=kept["cue"], reviewed=True)
    data_dir, seeds_dir = state.data_dirs()
    started = time.perf_counter()
    try:
        with st.spinner("Checking and saving…"):
            saved = curation.save_proposals(data_dir, seeds_dir, accepted, source_id=source_id,
                                            base=dict(scope.tables.file_hashes), new_actors=new_actors,
                                            reason=f"review of {source_id}")
    except (curation.CurationError, saving.SaveError) as error:
        st.error(escape_markdown(str(error)), icon=":material/block:")
        return
    except store.DataError as error:
        st.error("Nothing was saved: " + escape_markdown(str(error)), icon=":material/block:")
        return
    set_proposals(source_id, proposals.iloc[0:0])
    st.success(f"Saved {saved} statements and {len(new_actors)} new actors in "
               f"{time.perf_counter() - started:.1f} s. They are on the Positions page now.",
               icon=":material/check_circle:")
