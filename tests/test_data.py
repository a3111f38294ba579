"""The curated tables for the first story: complete, and every quote verbatim at its offsets."""

import csv
import hashlib

import pytest

from conftest import DATA_DIR, ROOT, SEEDS_DIR

SEED = SEEDS_DIR / "2025-11-cartel-de-los-soles-fto.txt"
SEED_SHA256 = "c79cdf70ac3e593e8a11f99ef06ed6ba8195bb9035f96d477c558805641c34fb"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_e2861eb97543ea85.txt"


def read(table):
    with open(DATA_DIR / f"{table}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_seed_is_the_shared_article_byte_for_byte():
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256
    if SHARED_SEED.exists():
        assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_real_data_validates(tables):
    assert len(tables.statements) >= 15
    assert tables.view["actor_name"].notna().all()


@pytest.mark.parametrize("table", ["statements", "events"])
def test_every_quote_is_verbatim_at_its_offsets(table):
    """Checked here without the store, straight from the files, as the evidence rule demands."""
    sources = {row["source_id"]: row for row in read("sources")}
    rows = read(table)
    assert rows
    for row in rows:
        path = SEEDS_DIR / sources[row["source_id"]]["path"].removeprefix("seeds/")
        raw = path.read_bytes()
        assert hashlib.sha256(raw).hexdigest() == sources[row["source_id"]]["sha256"]
        text = path.read_text(encoding="utf-8")  # as open(path, encoding="utf-8").read()
        assert text[int(row["start"]) : int(row["end"])] == row["quote"], row


def test_actors_named_in_the_issue_are_all_there(tables):
    names = set(tables.actors["actor_id"])
    required = {
        "us-state-department",
        "marco-rubio",
        "donald-trump",
        "nicolas-maduro",
        "venezuelan-government",
        "republican-lawmakers",
        "some-democrats",
        "critics",
        "supporters",
        "analysts",
        "russia",
        "china",
        "iran",
        "us-agencies",
        "us-prosecutors",
        "obama-administration",
        "trump-first-administration",
    }
    assert required - names == set()


def test_every_actor_takes_a_position_or_an_action_or_is_named_in_its_story(tables):
    """An actor that only declined to comment is kept so new articles name it, not guess it anew."""
    event_actors = {a for ids in tables.events["actor_ids"] for a in ids.split("|") if a}
    idle = set(tables.actors["actor_id"]) - set(tables.statements["actor_id"]) - event_actors
    blocs = tables.story_blocs
    for actor_id in idle:
        stories = set(blocs.loc[blocs["actor_id"] == actor_id, "story_id"])
        assert stories, f"{actor_id} takes no position and belongs to no story"
        actor = tables.actors.set_index("actor_id").loc[actor_id]
        names = [actor["name"], *filter(None, str(actor["aliases"]).split("|"))]
        texts = [
            (ROOT / path).read_text(encoding="utf-8")
            for path in tables.sources.loc[tables.sources["story_id"].isin(stories), "path"]
        ]
        assert any(name in text for name in names for text in texts), actor_id


def test_the_story_reads_as_the_brief_says(tables):
    view = tables.view
    stance_of = view.groupby("actor_id")["stance"].agg(lambda s: set(map(str, s)))
    assert stance_of["republican-lawmakers"] == {"supportive"}
    assert "cautious" in stance_of["some-democrats"]
    assert stance_of["venezuelan-government"] == {"opposed"}
    for ally in ("russia", "china", "iran"):
        assert stance_of[ally] == {"condemning"}
        assert tables.actors.set_index("actor_id").loc[ally, "bloc"] == "Venezuela's allies"


def test_trump_has_two_positions_in_separate_rows(tables):
    trump = tables.view[tables.view["actor_id"] == "donald-trump"]
    assert {"further-us-action", "dialogue-with-caracas"} <= set(trump["target_id"])
    assert any("sort of" in q for q in trump["quote"])
    assert any("Venezuela wants to talk" in q for q in trump["quote"])


def test_vague_collectives_stay_vague(tables):
    actors = tables.actors.set_index("actor_id")
    assert actors.loc["some-democrats", "name"] == "Some Democrats"
    for collective in ("critics", "supporters", "analysts"):
        assert actors.loc[collective, "country"] == ""


def test_events_cover_the_history_and_the_designation(tables):
    events = tables.events.set_index("event_id")
    assert {
        "mid-2000s-sanctions",
        "2015-national-security-threat",
        "2019-guaido-recognition",
        "indictments-venezuelan-generals",
        "fto-announcement",
        "fto-designation-effective",
    } <= set(events.index)
    assert str(events.loc["fto-announcement", "date"].date()) == "2025-11-16"
    assert str(events.loc["fto-designation-effective", "date"].date()) == "2025-11-24"
    assert events.loc["indictments-venezuelan-generals", "date_precision"] == "unknown"


def test_source_records_no_invented_outlet_or_url(tables):
    source = tables.sources.iloc[0]
    assert source["outlet"] == "" and source["url"] == ""
    assert "public record" in source["date_note"]
