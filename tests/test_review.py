"""The review workflow in AppTest: add an article, propose, edit, save, and see the rows on Positions."""

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis.data import saving, store
from conftest import ROOT, open_app

ARTICLE = (
    "Kenya and Ghana welcomed the FTO designation on Monday. "
    "“This is a betrayal of the region,” said Foreign Minister Ana Ruiz. "
    "Human rights groups warned that the move could complicate aid deliveries.\n"
)


@pytest.fixture
def app(data_copy, monkeypatch):
    data, seeds = data_copy
    at = open_app(data, seeds, monkeypatch, page="views/review.py")
    assert not at.exception
    return at, data, seeds


def submit(at, label="Add the article"):
    next(b for b in at.button if b.label == label).click().run()


def test_add_propose_edit_save_and_see_it_on_positions(app):
    at, data, seeds = app
    at.text_input(key="new_title").set_value("Africa reacts to the designation")
    at.text_area(key="new_text").set_value(ARTICLE)
    submit(at)
    assert not at.exception
    assert "Added africa-reacts-to-the-designation" in at.success[0].value.replace("\\", "")
    assert (seeds / "africa-reacts-to-the-designation.txt").read_text(encoding="utf-8") == ARTICLE
    at.run()  # the page reloads the tables, now with the new source

    at.selectbox(key="review_article").set_value("africa-reacts-to-the-designation").run()
    at.selectbox(key="review_target").set_value("fto-designation").run()
    next(b for b in at.button if b.key == "run_extract").click().run()
    assert not at.exception
    editor = at.session_state["proposals:africa-reacts-to-the-designation"]
    assert set(editor["actor"]) >= {"Kenya", "Ghana", "Foreign Minister Ana Ruiz", "Human rights groups"}
    # Seed the editor's state the way the browser does: untick Ghana, make Kenya cautious.
    # Tick the human rights groups whatever their confidence (a row under 0.5 starts unticked).
    ghana = editor.index[editor["actor"] == "Ghana"][0]
    kenya = editor.index[editor["actor"] == "Kenya"][0]
    rights = editor.index[editor["actor"] == "Human rights groups"][0]
    rows = list(editor.index)
    at.session_state["editor:africa-reacts-to-the-designation"] = {
        "edited_rows": {
            rows.index(ghana): {"include": False},
            rows.index(kenya): {"stance": "cautious"},
            rows.index(rights): {"include": True},
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    save = next(b for b in at.button if b.key == "save_proposals")
    assert save.label == "Save 3 accepted statements"
    save.click().run()
    assert not at.exception
    assert "Saved 3 statements and 3 new actors" in at.success[-1].value

    tables = store.load(data, seeds)
    new = tables.view[tables.view["source_id"] == "africa-reacts-to-the-designation"]
    assert sorted(new["actor_name"]) == ["Foreign Minister Ana Ruiz", "Human rights groups", "Kenya"]
    assert new.set_index("actor_name").loc["Kenya", "stance"] == "cautious"
    assert set(new["origin"]) == {"extracted"} and new["reviewed"].all()
    # one line per table the two saves changed: the source; then actors, their story's blocs and statements
    assert (data / saving.CHANGE_LOG).read_text(encoding="utf-8").count("\n") == 4

    at.switch_page("views/positions.py").run()
    at.sidebar.text_input(key="q").set_value("betrayal").run()
    assert at.dataframe[0].value["Actor"].tolist() == ["Foreign Minister Ana Ruiz"]


def test_a_proposal_rejected_once_stays_rejected_in_a_later_session(app, monkeypatch):
    at, data, seeds = app
    at.text_input(key="new_title").set_value("Africa reacts to the designation")
    at.text_area(key="new_text").set_value(ARTICLE)
    submit(at)
    at.run()
    source = "africa-reacts-to-the-designation"
    at.selectbox(key="review_target").set_value("fto-designation").run()
    editor = at.session_state[f"proposals:{source}"]
    rows = list(editor.index)
    ghana = rows.index(editor.index[editor["actor"] == "Ghana"][0])
    at.session_state[f"editor:{source}"] = {
        "edited_rows": {ghana: {"include": False}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    next(b for b in at.button if b.key == "save_proposals").click().run()
    assert not at.exception

    later = open_app(data, seeds, monkeypatch, page="views/review.py")  # another session: nothing remembered in it
    later.selectbox(key="review_article").set_value(source).run()
    later.selectbox(key="review_target").set_value("fto-designation").run()
    next(b for b in later.button if b.key == "run_extract").click().run()
    assert not later.exception
    recorded = (data / "rejections.jsonl").read_text(encoding="utf-8")
    assert "ghana@" in recorded, recorded
    # Ghana, and any row left unticked at that save, start unticked here.
    assert any(re.search(r"and the \d+ you rejected before", c.value) for c in later.caption)


@pytest.mark.parametrize(
    ("pasted", "message"),
    [
        ("", "empty"),
        ("   \n  ", "empty"),
        ("word " * 210_000, "limit is 1 MB"),
        ("\x00\x01\x02 binary", "binary"),
    ],
)
def test_a_bad_article_shows_its_message_and_writes_nothing(app, pasted, message):
    """Pasted text in AppTest; uploads (which AppTest cannot drive) go through the same check_text, and
    their own refusals (binary, bad UTF-8, wrong type) are tested in test_save.py."""
    at, data, seeds = app
    before = {p.name: p.read_bytes() for p in [*data.iterdir(), *seeds.iterdir()] if p.is_file()}
    at.text_input(key="new_title").set_value("Bad article")
    at.text_area(key="new_text").set_value(pasted)
    submit(at)
    assert not at.exception
    assert at.error and message in at.error[0].value.replace("\\", "")
    assert {p.name: p.read_bytes() for p in [*data.iterdir(), *seeds.iterdir()] if p.is_file()} == before


def test_positions_marks_and_corrects_unreviewed_statements(data_copy, monkeypatch):
    data, seeds = data_copy
    raw, _ = store.read_tables(data)
    statements = raw["statements"]
    statements.loc[0, ["origin", "reviewed"]] = ["extracted", "false"]
    saving.save(
        data, seeds, {"statements": statements}, base={"statements": store.file_sha256(data / "statements.csv")}
    )
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("views/positions.py").run()
    table = at.dataframe[0].value
    assert (table["Review"] == "⚠ unreviewed").sum() == 1
    at.sidebar.toggle(key="reviewed").set_value(True).run()
    assert len(at.dataframe[0].value) == 24
    at.sidebar.toggle(key="reviewed").set_value(False).run()
    at.sidebar.text_input(key="q").set_value("has announced").run()
    at.session_state["positions_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    at.selectbox[0].set_value("supportive")
    at.checkbox[0].check()
    next(b for b in at.button if b.label == "Save the correction").click().run()
    assert not at.exception
    assert "Saved the correction to s001" in at.success[0].value
    assert pd.read_csv(data / "statements.csv", dtype=str).set_index("statement_id").loc["s001", "reviewed"] == "true"
