"""Curate the story: its record, targets, context events, actors and blocs, and a new story, all saved
through the safe save. A refused value is explained next to its field, and nothing is written."""

from __future__ import annotations

import streamlit as st

from analysis.data import editing
from analysis.data.schema import STORY_STATUSES
from analysis.present.pages.curate import CuratePage, curate_page
from analysis.present.text import escape_markdown
from analysis.query.scope import Scope
from views import curate_actors, curate_forms, state
from views.curate_forms import saved


def _story_form(scope: Scope, page: CuratePage) -> None:
    story = page.story
    with st.form("edit_story"):
        slots = {}
        title = st.text_input("Title", value=story.title, max_chars=200)
        slots["title"] = st.empty()
        description = st.text_area("Description", value=story.description, height=90, max_chars=2000)
        left, right = st.columns(2)
        status = left.selectbox("Status", STORY_STATUSES, index=STORY_STATUSES.index(story.status))
        slots["status"] = left.empty()
        choices = ["", *page.target_labels]
        default = right.selectbox(
            "Default target (the headline's)",
            choices,
            index=choices.index(story.default_target) if story.default_target in choices else 0,
            format_func=lambda t: page.target_labels.get(t, "the one with most statements"),
        )
        slots["default_target"] = right.empty()
        feeds = st.text_area(
            "Feeds it follows (RSS or Atom, one link per line)",
            value="\n".join(story.feeds),
            height=80,
            help="“Check the feeds” on the Review page adds their new entries as articles to review.",
        )
        slots["feeds"] = st.empty()
        if st.form_submit_button("Save the story", type="primary", icon=":material/save:"):
            saved(
                lambda data, seeds: editing.edit_story(
                    data,
                    seeds,
                    story.story_id,
                    title=title,
                    description=description,
                    status=status,
                    default_target=default,
                    feeds=feeds.splitlines(),
                    base=dict(scope.tables.file_hashes),
                ),
                slots,
                f"Saved the story {story.story_id}.",
            )


def _new_story_form(scope: Scope) -> None:
    st.caption("A story is one news event you follow. Its first target is what its positions are about.")
    with st.form("new_story"):
        slots = {}
        title = st.text_input("Title", max_chars=200, placeholder="EU veto of the rail merger", key="new_story_title")
        slots["title"] = st.empty()
        story_id = st.text_input("Id (optional)", max_chars=80, placeholder="made from the title", key="new_story_id")
        slots["story_id"] = st.empty()
        description = st.text_area("Description", height=80, max_chars=2000, key="new_story_description")
        left, right = st.columns(2)
        target = left.text_input("First target", max_chars=200, placeholder="The merger veto", key="new_story_target")
        slots["target_label"] = left.empty()
        keywords = right.text_input(
            "Words that name it in a text (|-separated)", placeholder="veto|merger ban", key="new_story_keywords"
        )
        if st.form_submit_button("Create the story", type="primary", icon=":material/add:"):
            saved(
                lambda data, seeds: editing.add_story(
                    data,
                    seeds,
                    title=title,
                    story_id=story_id,
                    description=description,
                    target_label=target,
                    target_keywords=keywords,
                    base=dict(scope.tables.file_hashes),
                ),
                slots,
                "Created the story {}. It is open now: add its first article on the Review page.",
                switch_story=True,
            )


def _targets(scope: Scope, page: CuratePage) -> None:
    st.dataframe(page.targets, hide_index=True, width="stretch", key="curate_targets")
    with st.form("new_target", clear_on_submit=False):
        st.markdown("**Add a target**")
        slots = {}
        left, right = st.columns(2)
        label = left.text_input("Label", max_chars=200, key="new_target_label")
        slots["label"] = left.empty()
        target_id = right.text_input(
            "Id (optional)", max_chars=80, placeholder="made from the label", key="new_target_id"
        )
        slots["target_id"] = right.empty()
        keywords = st.text_input("Words that name it in a text (|-separated)", max_chars=500, key="new_target_keywords")
        description = st.text_input("Description", max_chars=500, key="new_target_description")
        make_default = st.checkbox("Make it the story's default target", key="new_target_default")
        if st.form_submit_button("Add the target", type="primary", icon=":material/add:"):
            saved(
                lambda data, seeds: editing.add_target(
                    data,
                    seeds,
                    story_id=page.story.story_id,
                    label=label,
                    target_id=target_id,
                    keywords=keywords,
                    description=description,
                    make_default=make_default,
                    base=dict(scope.tables.file_hashes),
                ),
                slots,
                "Added the target {}.",
            )


def render(scope: Scope) -> None:
    st.title("Curate the story")
    page = curate_page(scope.tables)
    st.markdown("#### " + escape_markdown(page.headline))
    if page.story is None:
        _new_story_form(scope)
        return
    if page.story.demo:
        st.info("This is the fictional demo story: edit it freely to try the tool.", icon=":material/science:")
    tabs = st.tabs(["Story", "Targets", "Context events", "Actors and blocs", "New story"])
    with tabs[0]:
        _story_form(scope, page)
    with tabs[1]:
        _targets(scope, page)
    with tabs[2]:
        curate_forms.events(scope, page)
    with tabs[3]:
        curate_actors.actors(scope, page)
    with tabs[4]:
        _new_story_form(scope)


if __name__ == "__main__":
    render(state.current())
