"""What changed since the last briefing (issue 16): every export is on record, and the Changes page, the
CLI and the deck's "What changed" slide compare with the statements it held. Run on the fictional demo
story, with the extra article in tests/fixtures/demo-extra (the regional council moves from neutral to
supportive)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from analysis.cli import main
from analysis.data import briefings, curation, editing, store
from analysis.query import changes
from analysis.query.selection import NOT_A_TIME, Selection
from conftest import DEMO_STORY, ROOT

EXTRA = ROOT / "tests" / "fixtures" / "demo-extra"


def run_cli(argv: list[str], data: Path, seeds: Path) -> int:
    return main([*argv, "--data", str(data), "--seeds", str(seeds)])


def hashes(data: Path) -> dict[str, str]:
    return {t: store.file_sha256(data / f"{t}.csv") for t in store.schema.TABLES}


def add_extra_article(data: Path, seeds: Path) -> str:
    """The extra demo article and its one curated statement; returns the statement's id."""
    text = (EXTRA / "article.txt").read_text(encoding="utf-8")
    source = pd.read_csv(EXTRA / "source.csv", dtype=str).iloc[0]
    row = pd.read_csv(EXTRA / "statement.csv", dtype=str, keep_default_na=False).iloc[0]
    source_id = curation.add_article(
        data,
        seeds,
        text=text,
        title=source["title"],
        outlet=source["outlet"],
        published=dt.date.fromisoformat(source["published"]),
        story_id=DEMO_STORY,
        base=hashes(data),
    )
    start = text.index(row["quote"])
    return editing.add_statement(
        data,
        seeds,
        source_id=source_id,
        start=start,
        end=start + len(row["quote"]),
        actor_id=row["actor_id"],
        stance=row["stance"],
        target_id=row["target_id"],
        cue=row["cue"],
        summary=row["summary"],
        base=hashes(data),
    )


def changes_json(data, seeds, since: str, capsys) -> dict:
    capsys.readouterr()
    assert run_cli(["changes", "--story", DEMO_STORY, "--since", since, "--format", "json"], data, seeds) == 0
    return json.loads(capsys.readouterr().out)


def test_a_briefing_then_one_moving_article_shows_exactly_that_move(data_copy, tmp_path, capsys):
    data, seeds = data_copy
    assert run_cli(["export", "--story", DEMO_STORY, "--csv", str(tmp_path / "first.csv")], data, seeds) == 0
    (first,) = briefings.read(data, story_id=DEMO_STORY)
    assert len(first.statement_ids) == len(pd.read_csv(tmp_path / "first.csv"))
    statement_id = add_extra_article(data, seeds)

    found = changes_json(data, seeds, first.briefing_id, capsys)
    assert set(found) == {"new_statements", "new_actors", "shifts", "first_reactions", "silent"}
    assert [s["statement_id"] for s in found["new_statements"]] == [statement_id]
    assert [(s["actor_id"], s["target_id"], s["old_stance"], s["new_stance"]) for s in found["shifts"]] == [
        ("southern-straits-council", "marrow-gorge-dam", "neutral", "supportive")
    ]
    assert found["new_actors"] == [] and found["first_reactions"] == []
    shift = found["shifts"][0]
    assert "does not take sides" in shift["old_quote"] and "supports the Marrow Gorge Dam" in shift["new_quote"]

    capsys.readouterr()
    assert run_cli(["changes", "--story", DEMO_STORY, "--since", first.briefing_id], data, seeds) == 0
    text = capsys.readouterr().out
    assert "1 new statement, 0 new actors, 1 shift: Southern Straits Council from neutral to supportive" in text

    # A deck with a "What changed" slide after the title.
    deck = tmp_path / "since.pptx"
    argv = ["export", "--story", DEMO_STORY, "--pptx", str(deck), "--views", "blocs", "--since", first.briefing_id]
    assert run_cli(argv, data, seeds) == 0
    second_slide = list(Presentation(str(deck)).slides)[1]
    assert second_slide.shapes.title.text.startswith("What changed since the ")
    words = " ".join(s.text_frame.text for s in second_slide.shapes if s.has_text_frame)
    assert "Southern Straits Council" in words and "supports the Marrow Gorge Dam" in words
    assert any(s.shape_type == 13 for s in second_slide.shapes)  # the shift chart, as a picture

    # Exporting again: nothing has changed since the latest briefing.
    latest = briefings.read(data, story_id=DEMO_STORY)[-1]
    empty = changes_json(data, seeds, latest.briefing_id, capsys)
    assert empty["new_statements"] == [] and empty["shifts"] == [] and empty["new_actors"] == []


def test_a_correction_after_a_briefing_is_a_correction_not_a_shift(data_copy, tmp_path, capsys):
    data, seeds = data_copy
    assert run_cli(["export", "--story", DEMO_STORY, "--csv", str(tmp_path / "b.csv")], data, seeds) == 0
    (briefing,) = briefings.read(data, story_id=DEMO_STORY)
    tables = store.load(data, seeds, cache=False).story(DEMO_STORY)
    row = tables.statements[tables.statements["stance"] == "opposed"].iloc[0]
    curation.correct_statement(
        data,
        seeds,
        row["statement_id"],
        stance="cautious",
        target_id=row["target_id"],
        summary=row["summary"],
        reviewed=True,
        base=store.file_sha256(data / "statements.csv"),
    )
    found = changes_json(data, seeds, briefing.briefing_id, capsys)
    assert found["shifts"] == [] and found["new_statements"] == []
    whole = store.load(data, seeds, cache=False).story(DEMO_STORY)
    result = changes.changes(
        Selection.everything(whole),
        changes.Baseline("b", briefing.statement_ids, briefing.stances, key=briefing.briefing_id),
        candidates=whole.actors,
    )
    assert result.corrections[["statement_id", "old_stance", "new_stance"]].values.tolist() == [
        [row["statement_id"], "opposed", "cautious"]
    ]


def test_a_date_baseline_respects_each_dates_precision():
    dates = pd.to_datetime(["2026-10-01", "2026-10-01", "2026-11-02", "2026-10-15", "2026-01-01"])
    dates_ns = dates.to_numpy().astype("datetime64[ns]").astype("int64")
    dates_ns[-1] = NOT_A_TIME  # undated
    precisions = np.array(["month", "month", "day", "day", "unknown"], dtype=object)
    names = {changes.BEFORE: "before", changes.NEW: "new", changes.MAYBE: "maybe new"}

    def status(day):
        return [names[s] for s in changes.date_status(dates_ns, precisions, day)]

    maybe = "maybe new"
    assert status(dt.date(2026, 10, 20)) == [maybe, maybe, "new", "before", maybe]
    assert status(dt.date(2026, 9, 30)) == ["new", "new", "new", "new", maybe]
    assert status(dt.date(2026, 10, 31)) == ["before", "before", "new", "before", maybe]


@pytest.fixture
def app_with_a_briefing(data_copy, monkeypatch, tmp_path):
    data, seeds = data_copy
    assert run_cli(["export", "--story", DEMO_STORY, "--csv", str(tmp_path / "b.csv")], data, seeds) == 0
    add_extra_article(data, seeds)
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data))
    monkeypatch.setenv("DASHBOARD_SEEDS_DIR", str(seeds))
    return data, briefings.read(data, story_id=DEMO_STORY)[-1]


def test_the_changes_page_shows_the_move_its_chart_and_both_quotes(app_with_a_briefing):
    _, briefing = app_with_a_briefing
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params["story"] = DEMO_STORY
    at.query_params["since"] = briefing.briefing_id
    at.switch_page("views/changes.py").run()
    assert not at.exception and not at.error
    headline = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "1 shift: Southern Straits Council from neutral to supportive" in headline
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    shift = charts[0]
    (arrows,) = [t for t in shift["data"] if "arrow" in (t.get("marker", {}).get("symbol") or [])]
    assert arrows["name"] == "toward support"
    assert arrows["x"] == [0.0, 1.0, None]  # from neutral to supportive on the stance scale
    assert arrows["marker"]["symbol"][:2] == ["circle-open", "arrow"]
    shifts = at.dataframe[0].value
    assert shifts[["Actor", "Then", "Now"]].values.tolist() == [["Southern Straits Council", "neutral", "supportive"]]
    assert "does not take sides" in shifts["Quote then"].iloc[0]


def test_the_briefing_page_lists_past_briefings_with_a_link_to_what_changed(app_with_a_briefing):
    _, briefing = app_with_a_briefing
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params["story"] = DEMO_STORY
    at.switch_page("views/briefing.py").run()
    assert not at.exception
    past = next(d.value for d in at.dataframe if "What changed since" in d.value.columns)
    assert past["What changed since"].tolist() == [f"./changes?story={DEMO_STORY}&since={briefing.briefing_id}"]


def test_the_matrix_shows_the_latest_stance_by_default_or_the_earliest_and_says_when(every_story):
    from analysis.present import registry
    from analysis.present.figures import ViewOptions
    from analysis.query.aggregates import actor_target_cells
    from analysis.query.filters import FilterSpec
    from analysis.query.scope import Scope

    demo = every_story.story(DEMO_STORY)
    scope = Scope.of(demo, FilterSpec(), as_of=dt.date(2026, 12, 1))
    cells = {
        which: actor_target_cells(scope.selection, stance=which).set_index(["actor_id", "target_id"])
        for which in ("latest", "earliest")
    }
    pair = ("veloria-government", "joint-river-commission")
    assert (cells["earliest"].at[pair, "stance"], cells["latest"].at[pair, "stance"]) == ("opposed", "supportive")
    for which, line in (("latest", "supportive, 27 Oct 2026"), ("earliest", "opposed, 9 Oct 2026")):
        fig = registry.figure("matrix", scope, options=ViewOptions(cell=which))
        texts = [str(t) for trace in fig.to_dict()["data"] for row in (trace.get("hovertext") or []) for t in row]
        (veloria,) = [t for t in texts if "Government of Veloria</b> on Joint Lirre" in t]
        assert f"its {which} statement: {line}" in veloria
