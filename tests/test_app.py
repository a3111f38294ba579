"""The real app in AppTest: every page renders, the sidebar filters drive the charts, bad data shows errors."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

PAGES = ["views/overview.py", "views/positions.py"]


def run_app(page=None, params=None, env=None, monkeypatch=None):
    if env:
        for key, value in env.items():
            monkeypatch.setenv(key, str(value))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    return at


def figures(at):
    return [json.loads(element.proto.spec) for element in at.get("plotly_chart")]


def plotted_actors(spectrum):
    return sorted(y for trace in spectrum["data"] for y in trace["y"])


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(page):
    at = run_app(page)
    assert not at.exception
    assert at.title


def test_overview_shows_headline_tiles_charts_and_quotes():
    at = run_app()
    assert [m.label for m in at.metric] == ["Statements", "Actors", "Supportive", "Cautious", "Opposing"]
    specs = figures(at)
    assert len(specs) == 2
    assert all(spec["layout"]["meta"]["footer"].startswith("Source:") for spec in specs)
    assert "FTO designation" in specs[0]["layout"]["meta"]["title"]
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert len(badges) == 7  # one key quote for each of the 7 blocs


def test_bloc_filter_leaves_only_venezuelas_allies_all_condemning():
    at = run_app()
    at.sidebar.multiselect(key="bloc").set_value(["Venezuela's allies"]).run()
    assert not at.exception
    spectrum, by_bloc = figures(at)
    assert plotted_actors(spectrum) == ["China", "Iran", "Russia"]
    assert {trace["name"] for trace in spectrum["data"]} == {"condemning"}
    assert "bloc: Venezuela's allies" in spectrum["layout"]["meta"]["subtitle"]
    bars = {t["name"]: t["x"] for t in by_bloc["data"] if t.get("showlegend") is not False}
    assert bars["condemning"] == [-3] and bars["supportive"] == [0]


def test_stance_cautious_shows_the_democrats_and_the_critics():
    at = run_app()
    at.sidebar.multiselect(key="stance").set_value(["cautious"]).run()
    spectrum = figures(at)[0]
    assert plotted_actors(spectrum) == ["Critics", "Some Democrats"]
    at.switch_page("views/positions.py").run()
    table = at.dataframe[0].value
    assert sorted(table["Actor"]) == ["Critics", "Some Democrats"]
    assert set(table["Stance"]) == {"cautious"}


def test_url_params_reopen_the_filtered_view_and_bad_ones_are_reported():
    at = run_app(params={"stance": ["condemning", "furious"], "colour": "red"})
    assert at.sidebar.multiselect(key="stance").value == ["condemning"]
    assert plotted_actors(figures(at)[0]) == ["China", "Iran", "Russia"]
    notes = " ".join(c.value for c in at.sidebar.caption)
    assert "furious" in notes and "colour" in notes


def test_search_narrows_every_view():
    at = run_app()
    at.sidebar.text_input(key="q").set_value("sovereignty").run()
    spectrum = figures(at)[0]
    assert plotted_actors(spectrum) == ["Nicolás Maduro", "Venezuelan government"]


def test_no_match_says_so_instead_of_an_empty_chart():
    at = run_app()
    at.sidebar.text_input(key="q").set_value("no such words anywhere").run()
    assert not at.exception
    specs = figures(at)
    assert any("No statements match" in a.get("text", "") for s in specs for a in s["layout"].get("annotations", []))
    assert "No statements match" in " ".join(i.value for i in at.info)


def test_positions_selection_shows_the_quote_in_its_sentence():
    at = run_app("views/positions.py")
    at.sidebar.text_input(key="q").set_value("overdue").run()
    table = at.dataframe[0]
    assert table.value["Actor"].tolist() == ["Republican lawmakers"]
    # AppTest cannot click a grid row; the selection state is set the way the frontend sets it.
    at.session_state["positions_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    context = " ".join(m.value for m in at.markdown)
    assert "while some Democrats urged caution" in context.replace("\\", "")
    assert "**Several Republican lawmakers praised the designation, calling it overdue**" in context.replace("\\", "")


def test_invalid_tables_show_the_error_list(data_copy, monkeypatch):
    data, seeds = data_copy
    path = data / "statements.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",supportive,", ",supportve,", 1), encoding="utf-8")
    at = run_app(env={"DASHBOARD_DATA_DIR": data, "DASHBOARD_SEEDS_DIR": seeds}, monkeypatch=monkeypatch)
    assert not at.exception
    assert "could not be loaded" in at.error[0].value
    problems = at.dataframe[0].value
    assert problems.iloc[0]["file"] == "statements.csv" and problems.iloc[0]["column"] == "stance"
    assert problems.iloc[0]["value"] == "supportve"
