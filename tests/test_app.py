"""The real app in AppTest: every page renders, the sidebar filters and the URL drive the pages, bad data
shows errors. What each page shows is tested on its page model (test_pages.py)."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from analysis.present import pages as app_pages
from conftest import ROOT

PAGES = [page.script for page in app_pages.PAGES]
CHART_PAGES = ["views/overview.py", "views/matrix.py", "views/network.py", "views/map.py", "views/timeline.py"]


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


def test_a_filter_change_updates_every_view():
    at = run_app()
    at.sidebar.multiselect(key="bloc").set_value(["Venezuela's allies"]).run()
    at.switch_page("views/matrix.py").run()
    matrix = figures(at)[0]
    assert [y for y in matrix["data"][0]["y"] if not y.startswith("<b>")] == ["China", "Iran", "Russia"]
    at.switch_page("views/map.py").run()
    fills = {t["name"] for t in figures(at)[0]["data"] if t.get("hoveron") == "fills"}
    assert fills == {"condemning"}
    assert sorted(at.dataframe[0].value["Country"]) == ["China", "Iran", "Russia"]
    at.switch_page("views/network.py").run()
    nodes = [n for t in figures(at)[0]["data"] if t.get("mode") == "markers+text" for n in t["text"]]
    assert sorted(nodes) == ["China", "Iran", "Russia"]
    at.switch_page("views/timeline.py").run()
    assert sorted(at.dataframe[0].value["Actor"]) == ["China", "Iran", "Russia"]


@pytest.mark.parametrize("page", CHART_PAGES)
def test_no_match_never_raises_on_any_page(page):
    at = run_app(page)
    at.sidebar.text_input(key="q").set_value("zzz nothing matches zzz").run()
    assert not at.exception
    texts = [a.get("text", "") for spec in figures(at) for a in spec["layout"].get("annotations", [])]
    texts += [spec["layout"]["meta"]["title"] for spec in figures(at)]
    assert any("No statements match" in t or "No country-level" in t for t in texts), texts


def test_network_switches_between_agreement_and_conflict():
    at = run_app("views/network.py")
    agreement = figures(at)[0]
    assert "showing agreement" in agreement["layout"]["meta"]["title"]
    at.session_state["edges"] = "conflict"
    at.run()
    conflict = figures(at)[0]
    assert "showing conflict" in conflict["layout"]["meta"]["title"]
    assert at.query_params["edges"] == "conflict"
    assert "Polarization 51%" in " ".join(m.value for m in at.markdown).replace("\\", "")


def test_reader_opens_at_a_statement_from_the_url():
    at = run_app(params={"statement": "s017", "read": "2025-11-cartel-de-los-soles-fto"})
    at.switch_page("views/reader.py").run()
    assert not at.exception
    assert at.selectbox(key="statement").value == "s017"
    text = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "**:blue-background[Several Republican lawmakers praised the designation, calling it overdue]**" in text
    assert ":orange-badge[Venezuelan government · opposed]" in text
    assert "Highlighting 25 of 25 statements" in " ".join(c.value for c in at.caption)


def test_reader_highlights_only_the_filtered_statements():
    at = run_app("views/reader.py")
    at.sidebar.multiselect(key="stance").set_value(["condemning"]).run()
    text = " ".join(m.value for m in at.markdown)
    assert text.count("-badge[") == 3
    assert "Highlighting 3 of 25 statements" in " ".join(c.value for c in at.caption)


def test_positions_links_a_statement_to_the_reader():
    at = run_app("views/positions.py")
    at.session_state["positions_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    links = at.get("page_link")
    assert any(link.proto.page.endswith("reader") or "reader" in link.proto.page for link in links)


def test_profile_shows_every_statement_of_the_actor():
    at = run_app(params={"profile": "donald-trump"})
    at.switch_page("views/profile.py").run()
    assert at.selectbox(key="profile").value == "donald-trump"
    assert [m.value for m in at.metric][:3] == ["3", "2", "1"]
    quotes = [m.value for m in at.markdown if m.value.startswith("“")]
    assert len(quotes) == 3
    assert any("over time appears once" in i.value for i in at.info)


def test_screenshot_mode_shows_one_16_9_figure_and_no_sidebar():
    at = run_app(params={"view": "map", "shot": "1", "bloc": "US administration"})
    assert not at.exception
    specs = figures(at)
    assert len(specs) == 1
    assert (specs[0]["layout"]["width"], specs[0]["layout"]["height"]) == (1280, 720)
    assert "bloc: US administration" in specs[0]["layout"]["meta"]["subtitle"]
    assert len(at.sidebar) == 0


def test_screenshot_mode_with_an_unknown_view_says_so():
    at = run_app(params={"view": "<script>", "shot": "1"})
    assert not at.exception and not figures(at)
    assert "cannot show view" in at.warning[0].value


def test_briefing_previews_the_slides_and_offers_every_download():
    at = run_app("views/briefing.py")
    at.sidebar.multiselect(key="bloc").set_value(["US Democrats", "Venezuela's allies"]).run()
    order = at.markdown[0].value.replace("\\", "")
    assert order.startswith("1. Title: Who stands where on the FTO designation")
    assert "3. Stances by bloc: " in order and "(native, editable chart)" in order
    assert "Key quotes: US Democrats" in order and "Key quotes: Venezuela's allies" in order
    assert order.rstrip().endswith("Sources, with sha256 prefixes")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["PowerPoint deck", "PNG + SVG bundle", "Statements (XLSX)", "Statements (CSV)"]
    at.multiselect(key="deck_views").set_value(["map"]).run()
    assert "2. Map: " in at.markdown[0].value.replace("\\", "")
    assert "3. Key quotes" in at.markdown[0].value.replace("\\", "")
