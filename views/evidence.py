"""Select evidence in an article, and add a statement the extractor missed. Used by the Source reader, the
Review page and the Curate page (for an event's evidence)."""

from __future__ import annotations

import streamlit as st

from analysis.data import editing, saving, store
from analysis.data.schema import ACTOR_KINDS, MODES, STANCES
from analysis.present.pages import evidence
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import state, ui

SEARCH, SENTENCE = "Search for its words", "Choose its sentence and trim it"


def pick_span(text: str, *, key: str) -> evidence.Span | None:
    """The span the curator selects, by search or by sentence and trim; None until one is chosen."""
    how = st.radio("Find the evidence", (SEARCH, SENTENCE), horizontal=True, key=f"{key}:how")
    if how == SEARCH:
        query = st.text_input("Words from the quote", key=f"{key}:query", max_chars=2000)
        matches = evidence.search(text, query)
        if not query.strip():
            return None
        if not matches:
            st.info("The article does not hold those words in that order.", icon=":material/search_off:")
            return None
        spans = state.sentences(text)
        chosen = st.selectbox(
            f"{len(matches)} match{'es' if len(matches) > 1 else ''}",
            range(len(matches)),
            key=f"{key}:match",
            format_func=lambda i: evidence.label(text, evidence.widened(matches[i], spans)),
        )
        span = matches[chosen]
        if st.checkbox("Take the whole sentence", key=f"{key}:widen"):
            span = evidence.widened(span, spans)
    else:
        spans = state.sentences(text)
        if not spans:
            return None
        chosen = st.selectbox(
            "Sentence", range(len(spans)), key=f"{key}:sentence", format_func=lambda i: evidence.label(text, spans[i])
        )
        pieces = evidence.words(text, spans[chosen])
        if len(pieces) > 1:
            first, last = st.select_slider(
                "Trim: from the word … to the word",
                options=range(len(pieces)),
                value=(0, len(pieces) - 1),
                key=f"{key}:trim:{chosen}",
                format_func=lambda i: text[pieces[i].start : pieces[i].end],
            )
            span = evidence.trimmed(pieces, first, last)
        else:
            span = spans[chosen]
    before, quote, after = evidence.in_context(text, span)
    gap = "" if after[:1] in tuple(",.;:!?)’”") else " "
    st.markdown(f"{escape_markdown(before)} **{escape_markdown(quote)}**{gap}{escape_markdown(after)}")
    st.caption(f"Characters {span.start:,} to {span.end:,}: the quote is saved exactly as it stands in the text.")
    return span


def _new_actor_fields(choices: evidence.StatementChoices, key: str, slots: dict) -> dict[str, str]:
    left, middle, right = st.columns([2, 1, 1])
    name = left.text_input("New actor's name", key=f"{key}:new_name", max_chars=200)
    slots["new_actor_name"] = left.empty()
    kind = middle.selectbox("Kind", ACTOR_KINDS, index=ACTOR_KINDS.index("organization"), key=f"{key}:new_kind")
    slots["new_actor_kind"] = middle.empty()
    country = right.text_input("Country (ISO alpha-3)", key=f"{key}:new_country", max_chars=3, placeholder="FRA")
    slots["new_actor_country"] = right.empty()
    bloc = st.selectbox("Bloc in this story", choices.blocs, key=f"{key}:new_bloc")
    if bloc == evidence.NEW_BLOC:
        bloc = st.text_input("New bloc's name", key=f"{key}:new_bloc_name", max_chars=120)
    slots["new_actor_bloc"] = st.empty()
    return {"name": name, "kind": kind, "country": country, "bloc": bloc}


def statement_adder(scope: Scope, source_id: str, *, key: str) -> None:
    """Add a statement the extractor missed: select its evidence, then say who, which stance, about what."""
    tables = scope.tables
    if not tables.story_id or tables.targets.empty:
        st.info("This story has no target yet: add one on the Curate page first.", icon=":material/info:")
        return
    text = tables.texts[source_id]
    span = pick_span(text, key=f"{key}:span")
    slots: dict = {"evidence": st.empty()}
    choices = evidence.statement_choices(tables)
    left, middle, right = st.columns([2, 1, 2])
    actor_id = left.selectbox(
        "Who said it",
        [evidence.NEW_ACTOR, *choices.actors],
        index=None,
        placeholder="Choose an actor",
        key=f"{key}:actor",
        format_func=lambda a: choices.names.get(a, a),
    )
    slots["actor_id"] = left.empty()
    stance = middle.selectbox("Stance", STANCES, index=None, placeholder="Choose", key=f"{key}:stance")
    slots["stance"] = middle.empty()
    target_id = right.selectbox(
        "About", choices.targets, key=f"{key}:target", format_func=lambda t: choices.target_labels.get(t, t)
    )
    slots["target_id"] = right.empty()
    new_actor = _new_actor_fields(choices, key, slots) if actor_id == evidence.NEW_ACTOR else None
    left, right = st.columns([1, 1])
    cue = left.text_input("Cue (the word that carries the stance, optional)", key=f"{key}:cue", max_chars=200)
    mode = right.selectbox("Mode", MODES, key=f"{key}:mode", help="direct: quoted; reported: paraphrased")
    slots["mode"] = right.empty()
    if not st.button("Add the statement", type="primary", icon=":material/add_comment:", key=f"{key}:save"):
        return
    if span is None:
        slots["evidence"].error("Select the evidence first.", icon=":material/block:")
        return
    if stance is None or actor_id is None:
        slots["stance" if stance is None else "actor_id"].error("Choose one.", icon=":material/block:")
        return
    data_dir, seeds_dir = state.data_dirs()
    try:
        statement_id = editing.add_statement(
            data_dir,
            seeds_dir,
            source_id=source_id,
            start=span.start,
            end=span.end,
            actor_id="" if new_actor else actor_id,
            stance=stance,
            target_id=target_id,
            cue=cue,
            mode=mode,
            new_actor=new_actor,
            base=dict(tables.file_hashes),
        )
    except editing.EditError as error:
        slots.get(error.field, slots["evidence"]).error(escape_markdown(str(error)), icon=":material/block:")
        return
    except (saving.SaveError, store.DataError) as error:
        st.error("Nothing was saved: " + escape_markdown(str(error)), icon=":material/block:")
        return
    ui.flash(f"Added {statement_id}. It is on every page of this story now.")
    st.rerun()
