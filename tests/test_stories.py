"""Stories (issue 14): each story holds its own rows and nothing else, the picker and the CLI are scoped
to one story, and a new story is set up and curated in the app or from a terminal with nothing edited by
hand and nothing half-written."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from analysis.cli import main
from analysis.data import editing, store, stories, synth
from analysis.present.pages import evidence
from analysis.present.pages.review import proposal_keys, proposals_table
from conftest import DATA_DIR, DEMO_STORY, MERGER_ARTICLE, ROOT, SEED_STORY

STORIES = (SEED_STORY, DEMO_STORY)


def read_csv(data: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(data / f"{table}.csv", dtype=str, keep_default_na=False)


def snapshot(data: Path, seeds: Path) -> dict[str, str]:
    """Every table's bytes and every seed's name: what "nothing was written" compares."""
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(data.glob("*.csv"))}
    found["seeds"] = "|".join(sorted(p.name for p in seeds.iterdir()))
    return found


def csv_story(data: Path, story_id: str) -> dict[str, set[str]]:
    """A story's rows, straight from the CSV files."""
    sources = read_csv(data, "sources")
    source_ids = set(sources.loc[sources["story_id"] == story_id, "source_id"])
    statements = read_csv(data, "statements")
    targets, events = read_csv(data, "targets"), read_csv(data, "events")
    return {
        "sources": source_ids,
        "statements": set(statements.loc[statements["source_id"].isin(source_ids), "statement_id"]),
        "targets": set(targets.loc[targets["story_id"] == story_id, "target_id"]),
        "events": set(events.loc[events["story_id"] == story_id, "event_id"]),
        "actors": set(statements.loc[statements["source_id"].isin(source_ids), "actor_id"]),
    }


# ---------------------------------------------------------------------------------------------------
# Each story holds its own rows


@pytest.mark.parametrize("story_id", STORIES)
def test_a_story_holds_exactly_its_rows_in_the_csv(tables, story_id):
    expected = csv_story(DATA_DIR, story_id)
    part = tables.story(story_id)
    assert set(part.sources["source_id"]) == expected["sources"] != set()
    assert set(part.statements["statement_id"]) == expected["statements"] == set(part.view["statement_id"])
    assert set(part.targets["target_id"]) == expected["targets"]
    assert set(part.events["event_id"]) == expected["events"]
    assert expected["actors"] <= set(part.actors["actor_id"])
    assert set(part.view["story_id"]) == {story_id}


def test_the_stories_do_not_share_sources_targets_or_events(tables):
    seed, demo = (csv_story(DATA_DIR, s) for s in STORIES)
    for table in ("sources", "statements", "targets", "events"):
        assert seed[table].isdisjoint(demo[table]), table


def test_a_story_regroups_actors_into_its_own_blocs(tables):
    seed, demo = tables.story(SEED_STORY), tables.story(DEMO_STORY)
    assert "Venezuela's allies" in set(seed.view["bloc"])
    assert "Venezuela's allies" not in set(demo.view["bloc"]) and "Neighbours" in set(demo.view["bloc"])


def test_the_default_story_is_never_the_demo(tables):
    assert stories.default_story(tables) == SEED_STORY
    assert stories.is_demo(stories.story_title(tables, DEMO_STORY))


def page_text(at: AppTest) -> str:
    """Every text the page shows: headings, markdown, captions, metrics, tables, choices."""
    parts = [e.value for kind in ("title", "markdown", "caption", "header", "subheader") for e in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    return "\n".join(map(str, parts))


@pytest.mark.parametrize(("story_id", "other"), [(SEED_STORY, DEMO_STORY), (DEMO_STORY, SEED_STORY)])
@pytest.mark.parametrize("page", ["views/overview.py", "views/positions.py", "views/timeline.py", "views/briefing.py"])
def test_a_page_opened_with_a_story_shows_that_story_only(tables, story_id, other, page):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["story"] = story_id
    at.switch_page(page).run()
    assert not at.exception
    assert at.sidebar.selectbox(key="story").value == story_id
    shown = page_text(at)
    mine, theirs = tables.story(story_id), tables.story(other)
    only_theirs = set(theirs.actors["name"]) - set(mine.actors["name"])
    leaked = [n for n in [*only_theirs, *theirs.sources["title"], *theirs.targets["label"]] if n in shown]
    assert leaked == []
    if page == "views/overview.py":
        statements = next(m for m in at.metric if m.label.lower().startswith("statements"))
        assert statements.value.replace(",", "") == str(len(csv_story(DATA_DIR, story_id)["statements"]))


def test_the_stories_page_lists_every_story_with_a_link_into_it(tables):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.switch_page("views/stories.py").run()
    assert not at.exception
    table = at.dataframe[0].value
    sources = read_csv(DATA_DIR, "sources")
    newest = sources.groupby("story_id")["published"].max()
    newest_first = sorted(STORIES, key=lambda s: newest[s], reverse=True)
    assert table["Open"].tolist() == [f"./overview?story={s}" for s in newest_first]
    counts = dict(zip(table["Open"].str.rsplit("=", n=1).str[-1], table["Statements"]))
    for story_id in STORIES:
        assert counts[story_id] == len(csv_story(DATA_DIR, story_id)["statements"])


def test_the_profile_follows_an_actor_across_stories(tables):
    from analysis.query.stories import across_stories

    both = set(tables.story(SEED_STORY).statements["actor_id"]) & set(tables.story(DEMO_STORY).statements["actor_id"])
    for actor_id in sorted(both):  # an actor who spoke on both stories (none need to)
        assert set(across_stories(tables, actor_id)["story_id"]) == set(STORIES)
    rubio = across_stories(tables, "marco-rubio")
    assert rubio["story_id"].tolist() == [SEED_STORY]
    view = tables.view
    quote = rubio["quote"].iloc[0]
    assert quote in set(view.loc[view["actor_id"] == "marco-rubio", "quote"])


# ---------------------------------------------------------------------------------------------------
# The same from a terminal


def run_cli(argv: list[str], data: Path, seeds: Path) -> int:
    return main([*argv, "--data", str(data), "--seeds", str(seeds)])


def test_a_story_set_up_from_the_terminal_validates_and_stays_in_its_story(data_copy, tmp_path, capsys):
    data, seeds = data_copy
    before = {s: csv_story(data, s) for s in STORIES}
    article = tmp_path / "northline-veto.txt"
    article.write_text(MERGER_ARTICLE, encoding="utf-8")
    assert (
        run_cli(
            [
                *("story", "add", "rail-merger", "--title", "EU veto of the Northline rail merger"),
                *("--target-label", "The merger veto", "--keywords", "veto|merger"),
            ],
            data,
            seeds,
        )
        == 0
    )
    assert (
        run_cli(
            ["ingest", str(article), "--story", "rail-merger", "--published", "2026-11-30", "--extract"], data, seeds
        )
        == 0
    )
    assert run_cli(["validate"], data, seeds) == 0
    tables = store.load(data, seeds, cache=False)
    merger = tables.story("rail-merger")
    assert len(merger.sources) == 1 and len(merger.statements) >= 2
    assert set(merger.statements["target_id"]) <= set(merger.targets["target_id"])
    assert set(merger.view["date"].dt.strftime("%Y-%m-%d")) == {"2026-11-30"}  # dated as the article
    assert {s: csv_story(data, s) for s in STORIES} == before  # the other stories are untouched
    assert "analysts" not in set(merger.statements["actor_id"])  # the seed story's analysts are its own
    assert stories.default_story(tables) == "rail-merger"  # the real story with the latest article
    out = tmp_path / "merger.csv"
    deck = tmp_path / "merger.pptx"
    assert run_cli(["export", "--story", "rail-merger", "--csv", str(out), "--pptx", str(deck)], data, seeds) == 0
    assert len(pd.read_csv(out, encoding="utf-8-sig")) == len(merger.statements)
    slides = Presentation(str(deck)).slides
    assert next(iter(slides)).shapes.title.text == "Who stands where on the merger veto"
    text = " ".join(shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame)
    assert "Cartel" not in text and "Venezuela" not in text and "Marrow" not in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ingest", "{article}", "--story", "atlantis"], "There is no story 'atlantis'"),
        (["ingest", "{binary}", "--story", DEMO_STORY], "binary file"),
        (["ingest", "{article}", "--story", DEMO_STORY, "--target", "fto-designation"], "is not a target of story"),
        (["story", "add", SEED_STORY, "--title", "Again"], "exists already"),
        (["story", "add", "Not A Slug", "--title", "Bad id"], "is not a slug"),
        (["target", "add", "x", "--story", "atlantis", "--label", "X"], "There is no story 'atlantis'"),
        (["target", "add", "fto-designation", "--story", DEMO_STORY, "--label", "Twice"], "exists already"),
        (["export", "--story", "atlantis", "--csv", "{out}"], "Unknown story 'atlantis'"),
        (["extract", "{article}", "--story", DEMO_STORY, "--target", "fto-designation"], "is not a target of story"),
    ],
)
def test_bad_terminal_input_is_refused_clearly_and_writes_nothing(argv, message, data_copy, tmp_path, capsys):
    data, seeds = data_copy
    (tmp_path / "a.txt").write_text(MERGER_ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01PK\x03\x04" * 100)
    names = {"article": tmp_path / "a.txt", "binary": tmp_path / "b.txt", "out": tmp_path / "out.csv"}
    before = snapshot(data, seeds)
    assert run_cli([a.format(**names) for a in argv], data, seeds) == 2
    assert message in capsys.readouterr().err
    assert snapshot(data, seeds) == before
    assert not (tmp_path / "out.csv").exists()


# ---------------------------------------------------------------------------------------------------
# Editing through the safe save


def hashes(data: Path) -> dict[str, str]:
    return {t: store.file_sha256(data / f"{t}.csv") for t in store.schema.TABLES}


def test_an_event_quotes_its_evidence_verbatim_and_is_refused_from_another_story(data_copy):
    data, seeds = data_copy
    tables = store.load(data, seeds, cache=False)
    demo = tables.story(DEMO_STORY)
    source_id = demo.sources["source_id"].iloc[0]
    text = demo.texts[source_id]
    span = evidence.search(text, text.split(". ")[1][:40])[0]
    event_id = editing.add_event(
        data,
        seeds,
        story_id=DEMO_STORY,
        title="A test event",
        source_id=source_id,
        start=span.start - 1,  # a space before the words: left out
        end=span.end,
        role="milestone",
        actor_ids=(demo.actors["actor_id"].iloc[0],),
        base=hashes(data),
    )
    events = store.load(data, seeds, cache=False).events.set_index("event_id")
    assert events.at[event_id, "quote"] == text[span.start : span.end]
    assert events.at[event_id, "start"] == span.start and events.at[event_id, "story_id"] == DEMO_STORY
    before = snapshot(data, seeds)
    seed_source = tables.story(SEED_STORY).sources["source_id"].iloc[0]
    for kwargs, field in (
        (dict(source_id=seed_source, start=0, end=10, title="x"), "source_id"),
        (dict(source_id=source_id, start=5, end=5, title="x"), "evidence"),
        (dict(source_id=source_id, start=0, end=10, title="  "), "title"),
    ):
        with pytest.raises(editing.EditError) as refused:
            editing.add_event(data, seeds, story_id=DEMO_STORY, base=hashes(data), **kwargs)
        assert refused.value.field == field
    assert snapshot(data, seeds) == before


def test_a_missed_statement_with_a_new_actor_is_saved_verbatim_and_dated(data_copy):
    data, seeds = data_copy
    tables = store.load(data, seeds, cache=False)
    demo = tables.story(DEMO_STORY)
    source = demo.sources.iloc[-1]
    text = demo.texts[source["source_id"]]
    sentence = evidence.sentence_spans(text)[2]
    span = evidence.trimmed(evidence.words(text, sentence), 1, 5)
    statement_id = editing.add_statement(
        data,
        seeds,
        source_id=source["source_id"],
        start=span.start,
        end=span.end,
        actor_id="",
        stance="cautious",
        target_id=stories.main_target(tables, DEMO_STORY),
        cue="warned",
        new_actor={
            "name": "Lirre Fishers' Cooperative",
            "kind": "organization",
            "country": "",
            "bloc": "Civil society",
        },
        base=hashes(data),
    )
    after = store.load(data, seeds, cache=False)
    row = after.story(DEMO_STORY).view.set_index("statement_id").loc[statement_id]
    assert row["quote"] == text[span.start : span.end] == " ".join(text[sentence.start : sentence.end].split()[1:6])
    assert row["actor_name"] == "Lirre Fishers' Cooperative" and row["bloc"] == "Civil society"
    assert row["date"] == source["published"] and row["summary"] == "Lirre Fishers' Cooperative: warned (cautious)"
    assert row["origin"] == "curated" and bool(row["reviewed"])
    assert statement_id not in set(after.story(SEED_STORY).statements["statement_id"])


def test_refused_edits_name_their_field_and_write_nothing(data_copy):
    data, seeds = data_copy
    before = snapshot(data, seeds)
    cases = [
        (lambda: editing.edit_actor(data, seeds, "marco-rubio", name="Marco Rubio", kind="person", country="XXX",
                                    bloc="US administration", base=hashes(data)), "country"),
        (lambda: editing.edit_story(data, seeds, DEMO_STORY, title="T", description="", status="active",
                                    default_target="fto-designation", base=hashes(data)), "default_target"),
        (lambda: editing.edit_story(data, seeds, DEMO_STORY, title="T", description="", status="paused",
                                    default_target="", base=hashes(data)), "status"),
        (lambda: editing.add_target(data, seeds, story_id=DEMO_STORY, label="", base=hashes(data)), "label"),
        (lambda: editing.add_statement(data, seeds, source_id="2025-11-cartel-de-los-soles-fto", start=0, end=20,
                                       actor_id="marco-rubio", stance="supportive",
                                       target_id=stories.main_target(store.load(data, seeds), DEMO_STORY),
                                       base=hashes(data)), "target_id"),
        (lambda: editing.set_story_bloc(data, seeds, story_id=DEMO_STORY, actor_id="nobody", bloc="X",
                                        base=hashes(data)), "actor_id"),
    ]  # fmt: skip
    for edit, field in cases:
        with pytest.raises(editing.EditError) as refused:
            edit()
        assert refused.value.field == field, refused.value
    assert snapshot(data, seeds) == before


def test_a_story_bloc_regroups_an_actor_in_that_story_only(data_copy):
    data, seeds = data_copy
    editing.set_story_bloc(
        data, seeds, story_id=DEMO_STORY, actor_id="marco-rubio", bloc="Outsiders", base=hashes(data)
    )
    tables = store.load(data, seeds, cache=False)
    assert tables.story(DEMO_STORY).actors.set_index("actor_id").at["marco-rubio", "bloc"] == "Outsiders"
    assert set(tables.story(SEED_STORY).view.loc[lambda v: v["actor_id"] == "marco-rubio", "bloc"]) == {
        "US administration"
    }
    editing.set_story_bloc(data, seeds, story_id=DEMO_STORY, actor_id="marco-rubio", bloc="", base=hashes(data))
    assert "marco-rubio" not in set(store.load(data, seeds, cache=False).story(DEMO_STORY).actors["actor_id"])


# ---------------------------------------------------------------------------------------------------
# Picking evidence


def test_search_finds_the_words_across_line_breaks_and_case():
    text = "The dam\n  WOULD flood fourteen villages. The dam would not."
    spans = evidence.search(text, "the dam would")
    assert [text[s.start : s.end] for s in spans] == ["The dam\n  WOULD", "The dam would"]
    assert evidence.search(text, "   ") == [] and evidence.search(text, "no such words") == []


def test_a_sentence_trims_word_by_word_and_a_match_widens_to_its_sentence():
    text = "First sentence here. The minister warned that the dam was a grave mistake. Last one."
    sentences = evidence.sentence_spans(text)
    assert [text[s.start : s.end] for s in sentences][1] == "The minister warned that the dam was a grave mistake."
    pieces = evidence.words(text, sentences[1])
    span = evidence.trimmed(pieces, 5, 2)  # either order
    assert text[span.start : span.end] == "warned that the dam"
    match = evidence.search(text, "grave mistake")[0]
    wide = evidence.widened(match, sentences)
    assert (wide.start, wide.end) == (sentences[1].start, sentences[1].end)


def test_a_proposal_rejected_once_starts_unticked(tables):
    seed = tables.story(SEED_STORY)
    source_id = seed.sources["source_id"].iloc[0]
    proposals = pd.DataFrame(
        {
            "actor": ["Kenya", "Peru"],
            "actor_id": ["kenya", "peru"],
            "stance": ["supportive", "opposed"],
            "target_id": ["fto-designation"] * 2,
            "cue": ["backed", "rejected"],
            "evidence": ["a", "b"],
            "start": [5, 50],
            "end": [9, 60],
            "confidence": [0.9, 0.9],
            "actor_kind": ["government"] * 2,
            "mode": ["reported"] * 2,
            "holder_rule": [""] * 2,
            "stance_rule": [""] * 2,
        },
        index=["p001", "p002"],
    )
    fresh = proposals_table(seed, source_id, proposals)
    assert fresh.table["include"].tolist() == [True, True]
    again = proposals_table(seed, source_id, proposals, rejected_before=frozenset({proposal_keys(proposals)["p002"]}))
    assert again.table["include"].tolist() == [True, False]
    assert "you rejected before" in again.caption


# ---------------------------------------------------------------------------------------------------
# Many stories: the same answers as the plain definition, and tables capped on screen
# ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many_stories(tmp_path_factory) -> store.Tables:
    folder = synth.generate(50_000, tmp_path_factory.mktemp("many-stories"), seed=3, stories=250)
    # Some undated statements, so that "latest" has to place them (before every dated one).
    statements = read_csv(folder / "data", "statements")
    statements.loc[statements.index[::7], ["date", "date_precision"]] = ["", "unknown"]
    statements.to_csv(folder / "data" / "statements.csv", index=False)
    tables = store.load(folder / "data", folder / "seeds", cache=False)
    assert tables.view["date"].isna().any()
    return tables


def across_by_definition(tables: store.Tables, actor_id: str) -> dict[str, str]:
    """Per story: the id of the actor's latest statement on the story's main target, else in the story."""
    from analysis.data.stories import main_target

    chosen = {}
    mine = tables.view[tables.view["actor_id"] == actor_id]
    for story_id, rows in mine.groupby("story_id", observed=True):
        on_main = rows[rows["target_id"].astype(str) == main_target(tables, str(story_id))]
        pool = on_main if len(on_main) else rows
        latest = max(
            zip(pool["date"], pool["statement_id"]), key=lambda r: (pd.notna(r[0]), r[0] if pd.notna(r[0]) else 0, r[1])
        )
        chosen[str(story_id)] = latest[1]
    return chosen


def test_across_stories_agrees_with_its_definition_on_many_stories(many_stories):
    from analysis.query.stories import across_stories

    for actor_id in ("actor-0000", "actor-0003", "actor-0040"):
        rows = across_stories(many_stories, actor_id)
        assert dict(zip(rows["story_id"], rows["statement_id"])) == across_by_definition(many_stories, actor_id)
        order = list(many_stories.stories["story_id"])
        assert [order.index(s) for s in rows["story_id"]] == sorted(order.index(s) for s in rows["story_id"])


def test_the_stories_page_and_the_profile_cap_their_tables_with_many_stories(many_stories):
    from analysis.present.pages import profile
    from analysis.present.pages import stories as stories_model

    page = stories_model.stories_page(many_stories, as_of=dt.date(2026, 12, 1))
    assert len(page.table) == stories_model.MAX_STORIES_ON_SCREEN < 250
    assert "of 250" in page.capped and page.headline.startswith("250 stories")
    dates = [d for d in page.table["Last article"] if d != "undated"]
    assert dates == sorted(dates, reverse=True)
    bars = page.balance.to_dict()["data"][0]["y"]
    assert len(bars) == stories_model.MAX_STORIES_CHARTED
    from analysis.query.filters import FilterSpec
    from analysis.query.scope import Scope

    first = many_stories.story(str(many_stories.stories["story_id"].iloc[0]))
    scope = Scope.of(first, FilterSpec(), as_of=dt.date(2026, 12, 1))
    table, note = profile.across_stories_table(scope, "actor-0000")
    assert len(table) == profile.MAX_STORIES_ON_SCREEN and "The first 100 are shown" in note
