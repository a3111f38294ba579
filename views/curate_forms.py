"""The Curate page's form for context events, and the one way every form there saves: the edit runs, a
refused value is explained next to its field, a success reruns the app."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from analysis.data import editing, saving, store
from analysis.data.schema import DATE_PRECISIONS, EVENT_ROLES
from analysis.present.pages.curate import CuratePage
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import evidence as evidence_view
from views import sidebar, state, ui


def saved(edit: Callable, slots: dict, message: str, *, switch_story: bool = False) -> None:
    """Run `edit(data_dir, seeds_dir)`. A refused field gets its message in its slot (else above the
    form's button); a success is confirmed after the rerun that shows it. `message` may hold {} for
    the new record's id; with `switch_story`, that id is a story to open."""
    data_dir, seeds_dir = state.data_dirs()
    try:
        made = edit(data_dir, seeds_dir)
    except editing.EditError as error:
        slot = slots.get(error.field)
        (slot.error if slot is not None else st.error)(escape_markdown(str(error)), icon=":material/block:")
        return
    except (saving.SaveError, store.DataError) as error:
        st.error("Nothing was saved: " + escape_markdown(str(error)), icon=":material/block:")
        return
    if switch_story:
        sidebar.open_story(made)
    ui.flash(message.format(made))
    st.rerun()


def events(scope: Scope, page: CuratePage) -> None:
    if page.events.empty:
        st.caption("No context events yet. They mark dates on the timeline: a decision, a vote, a deadline.")
    else:
        st.dataframe(page.events, hide_index=True, width="stretch", key="curate_events")
    if not page.sources:
        st.info("Add an article to this story first: an event's evidence is quoted from one.", icon=":material/info:")
        return
    st.markdown("**Add a context event**")
    slots = {}
    left, right = st.columns([3, 2])
    title = left.text_input("Title", max_chars=200, key="event_title", placeholder="Parliament votes on the dam")
    slots["title"] = left.empty()
    role = right.selectbox("Role", EVENT_ROLES, index=EVENT_ROLES.index("milestone"), key="event_role")
    left, right = st.columns(2)
    date = left.date_input("Date", value=None, key="event_date", format="YYYY-MM-DD")
    precision = right.selectbox("Date known to the", DATE_PRECISIONS[:3], key="event_precision")
    slots["precision"] = right.empty()
    actor_ids = st.multiselect(
        "Actors", page.actors, key="event_actors", format_func=lambda a: page.actor_names.get(a, a)
    )
    slots["actor_ids"] = st.empty()
    description = st.text_input("Description", max_chars=500, key="event_description")
    source_id = st.selectbox(
        "Evidence from the article",
        page.sources,
        key="event_source",
        format_func=lambda s: page.source_labels.get(s, s),
    )
    slots["source_id"] = st.empty()
    span = evidence_view.pick_span(scope.tables.texts[source_id], key=f"event:{source_id}")
    slots["evidence"] = st.empty()
    if not st.button("Add the event", type="primary", icon=":material/add:", key="add_event"):
        return
    if span is None:
        slots["evidence"].error("Select the evidence first.", icon=":material/block:")
        return
    saved(
        lambda data, seeds: editing.add_event(
            data,
            seeds,
            story_id=page.story.story_id,
            title=title,
            source_id=source_id,
            start=span.start,
            end=span.end,
            date=date,
            precision=precision,
            role=role,
            actor_ids=tuple(actor_ids),
            description=description,
            base=dict(scope.tables.file_hashes),
        ),
        slots,
        "Added the event {}. It is on the Timeline now.",
    )
