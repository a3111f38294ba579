"""The app in Debian's chromium through Playwright, against a real `streamlit run` on 127.0.0.1."""

import pytest

from conftest import ROOT

SCREENSHOTS = ROOT / "docs" / "screenshots"
pytestmark = pytest.mark.browser


def open_page(page, url, *, charts=0):
    page.goto(url)
    if charts:
        page.wait_for_function(
            "n => document.querySelectorAll('.js-plotly-plot .main-svg .gtitle').length >= n", arg=charts,
            timeout=60_000)
    else:
        page.wait_for_selector("[data-testid='stDataFrame'], [data-testid='stAlert']", timeout=60_000)
    page.wait_for_timeout(800)  # let the last fonts and transitions settle before a screenshot
    assert page.locator("[data-testid='stException']").count() == 0


def chart_titles(page):
    return page.locator(".js-plotly-plot .gtitle").all_text_contents()


def test_overview_draws_its_charts(app_server, page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_page(page, app_server.url + "/overview", charts=2)
    titles = chart_titles(page)
    assert any("actors support the FTO designation" in t for t in titles), titles
    assert page.get_by_text("Key quote per bloc").count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "overview.png"), full_page=True)
    assert errors == []


def test_positions_shows_the_table(app_server, page):
    open_page(page, app_server.url + "/positions")
    assert page.locator("[data-testid='stDataFrame']").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "positions.png"), full_page=True)


def test_a_copied_url_reopens_the_filtered_view(app_server, page):
    open_page(page, app_server.url + "/overview?bloc=Venezuela%27s+allies", charts=2)
    subtitles = page.locator(".js-plotly-plot .gtitle-subtitle").all_text_contents()
    text = " ".join(chart_titles(page) + subtitles)
    assert "0 of 3 actors support" in text, text
    assert "bloc: Venezuela's allies" in text, text
    assert "bloc=Venezuela" in page.url
