"""A new story, done entirely in the app as a new user would (issue 14's first must-hold): create the story
and its target, add an article and save proposals, add one missed statement by selecting its text, and
export a deck that mentions no other story. Driven through the real app with AppTest."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from analysis.data import store
from analysis.present.pages import evidence
from analysis.query.filters import FilterSpec
from conftest import DEMO_STORY, MERGER_ARTICLE, ROOT, SEED_STORY

NEW_STORY = "eu-veto-of-the-northline-rail-merger"


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def success_text(at: AppTest) -> str:
    return " ".join(s.value for s in at.success)


@pytest.fixture
def app(data_copy, monkeypatch):
    data, seeds = data_copy
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.run()
    return at, data, seeds


def create_story(at: AppTest) -> None:
    at.switch_page("views/curate.py").run()
    at.text_input(key="new_story_title").input("EU veto of the Northline rail merger")
    at.text_input(key="new_story_target").input("The merger veto")
    at.text_input(key="new_story_keywords").input("veto|merger")
    button(at, "Create the story").click().run()


def add_article(at: AppTest) -> str:
    at.switch_page("views/review.py").run()
    at.text_input(key="new_title").input("EU blocks the Northline rail merger")
    at.date_input(key="new_published").set_value(dt.date(2026, 11, 30))
    at.text_area(key="new_text").input(MERGER_ARTICLE)
    button(at, "Add the article").click().run()
    return at.selectbox(key="review_article").value


def add_missed_statement(at: AppTest, source_id: str) -> None:
    at.switch_page("views/reader.py").run()
    at.selectbox(key="read").set_value(source_id).run()
    key = f"reader_add:{source_id}"
    at.text_input(key=f"{key}:span:query").input("works council welcomed the veto").run()
    at.selectbox(key=f"{key}:actor").set_value(evidence.NEW_ACTOR).run()
    at.text_input(key=f"{key}:new_name").input("Northline works council")
    at.selectbox(key=f"{key}:new_bloc").set_value(evidence.NEW_BLOC).run()
    at.text_input(key=f"{key}:new_bloc_name").input("Labour")
    at.selectbox(key=f"{key}:stance").set_value("supportive")
    next(b for b in at.button if b.key == f"{key}:save").click().run()


def test_a_new_story_is_set_up_curated_and_exported_in_the_app(app):
    at, data, seeds = app
    create_story(at)
    assert not at.exception
    assert at.sidebar.selectbox(key="story").value == NEW_STORY  # the new story is open
    assert "Created the story" in success_text(at)

    source_id = add_article(at)
    assert not at.exception
    assert source_id.endswith("eu-blocks-the-northline-rail-merger")  # in the picker at once
    assert at.selectbox(key="review_target").value == "the-merger-veto"
    button(at, "Propose statements").click().run()
    assert not at.exception
    proposals = at.session_state[f"proposals:{source_id}"]
    assert len(proposals) >= 1
    next(b for b in at.button if b.key == "save_proposals").click().run()
    assert not at.exception

    add_missed_statement(at, source_id)
    assert not at.exception
    assert "Added s" in success_text(at)

    tables = store.load(data, seeds, cache=False)
    story = tables.story(NEW_STORY)
    assert len(story.statements) >= 2 and set(story.statements["origin"]) == {"extracted", "curated"}
    added = story.view[story.view["actor_name"] == "Northline works council"]
    assert added["quote"].tolist() == ["works council welcomed the veto"]
    assert added["bloc"].tolist() == ["Labour"] and added["stance"].astype(str).tolist() == ["supportive"]
    text = story.texts[source_id]
    assert all(text[s:e] == q for s, e, q in zip(story.view["start"], story.view["end"], story.view["quote"]))
    assert set(story.view["date"].dt.strftime("%Y-%m-%d")) == {"2026-11-30"}

    at.switch_page("views/briefing.py").run()
    assert not at.exception
    from analysis.present.pages.briefing import briefing_page
    from analysis.query.scope import Scope

    page = briefing_page(Scope.of(story, FilterSpec(), as_of=dt.date(2026, 12, 1)))
    deck = Presentation(io.BytesIO(page.deck()))
    words = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert next(iter(deck.slides)).shapes.title.text == "Who stands where on the merger veto"
    others = pd.concat([tables.story(SEED_STORY).sources["title"], tables.story(DEMO_STORY).sources["title"]])
    assert not [title for title in others if title in words]
    assert "Cartel" not in words and "Marrow" not in words and "Rubio" not in words
    assert "Northline works council" in words or "Labour" in words


def test_a_refused_field_is_explained_next_to_it_and_nothing_is_saved(app):
    at, data, _ = app
    before = {p.name: p.read_bytes() for p in data.glob("*.csv")}
    at.switch_page("views/curate.py").run()
    at.text_input(key="new_story_title").input("Twice")
    at.text_input(key="new_story_id").input(SEED_STORY)
    button(at, "Create the story").click().run()
    assert not at.exception
    assert any("exists already" in e.value for e in at.error)
    assert {p.name: p.read_bytes() for p in data.glob("*.csv")} == before
    assert at.sidebar.selectbox(key="story").value == SEED_STORY
