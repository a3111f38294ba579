"""saving.save: atomic, locked, stale-checked, logged; and the curator's upload checks. Crashes, a full
disk, a held lock and concurrent saves are in test_save_faults.py."""

import pandas as pd
import pytest

from analysis.data import curation, saving, store
from conftest import SEED_STORY


def statements(data):
    raw, problems = store.read_tables(data)
    assert problems == []
    return raw["statements"]


def base_of(data, *tables):
    return {t: store.file_sha256(data / f"{t}.csv") for t in tables}


def test_a_save_replaces_the_file_and_logs_the_change(data_copy):
    data, seeds = data_copy
    rows = statements(data)
    rows.loc[0, "stance"] = "neutral"
    saving.save(data, seeds, {"statements": rows}, base=base_of(data, "statements"), reason="test")
    assert statements(data).loc[0, "stance"] == "neutral"
    log = (data / saving.CHANGE_LOG).read_text(encoding="utf-8").splitlines()
    assert len(log) == 1 and '"row_ids": ["s001"]' in log[0] and '"reason": "test"' in log[0]


def test_a_stale_save_is_refused_and_writes_nothing(data_copy):
    data, seeds = data_copy
    loaded = base_of(data, "statements")
    first = statements(data)
    first.loc[0, "stance"] = "neutral"
    saving.save(data, seeds, {"statements": first}, base=loaded)
    before = (data / "statements.csv").read_bytes()
    second = statements(data)
    second.loc[1, "stance"] = "cautious"
    with pytest.raises(saving.StaleError, match="changed since you loaded it"):
        saving.save(data, seeds, {"statements": second}, base=loaded)
    assert (data / "statements.csv").read_bytes() == before


def test_an_invalid_save_is_refused_and_writes_nothing(data_copy):
    data, seeds = data_copy
    before = (data / "statements.csv").read_bytes()
    rows = statements(data)
    rows.loc[2, "actor_id"] = "nobody"
    with pytest.raises(store.DataError, match="actor_id"):
        saving.save(data, seeds, {"statements": rows}, base=base_of(data, "statements"))
    assert (data / "statements.csv").read_bytes() == before
    assert not (data / saving.CHANGE_LOG).exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.txt", b"", "empty"),
        ("a.txt", b"   \n ", "empty"),
        ("a.txt", b"x" * 1_000_001, "limit is 1 MB"),
        ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("a.txt", "caf\xe9".encode("latin-1"), "not valid UTF-8"),
        ("a.pdf", b"%PDF-1.4", "Only .txt and .md"),
        ("../../etc/passwd", b"root:x:0:0", "Only .txt and .md"),
    ],
)
def test_bad_uploads_are_refused_with_a_message(name, data, message):
    with pytest.raises(curation.CurationError, match=message):
        curation.check_upload(name, data)


def test_adding_an_article_stores_it_under_a_slug_of_the_title(data_copy):
    data, seeds = data_copy
    source_id = curation.add_article(
        data,
        seeds,
        text="Kenya welcomed the deal.\n",
        title="../Kenya: A Deal!",
        story_id=SEED_STORY,
        base=base_of(data, "sources"),
        precision="unknown",
    )
    assert source_id == "kenya-a-deal"
    assert (seeds / "kenya-a-deal.txt").read_text(encoding="utf-8") == "Kenya welcomed the deal.\n"
    tables = store.load(data, seeds)
    assert tables.sources.set_index("source_id").loc["kenya-a-deal", "date_precision"] == "unknown"
    with pytest.raises(curation.CurationError, match="exists already"):
        curation.add_article(
            data, seeds, text="Other text.", title="Kenya: a deal", story_id=SEED_STORY, base=base_of(data, "sources")
        )


def test_accepted_proposals_need_their_new_actors_described(data_copy):
    data, seeds = data_copy
    proposals = pd.DataFrame(
        [
            {
                "actor_id": "kenya",
                "actor": "Kenya",
                "stance": "supportive",
                "target_id": "fto-designation",
                "quote": "The U.S. State Department",
                "start": 0,
                "end": 25,
                "cue": "announced",
                "mode": "reported",
                "confidence": 0.7,
            }
        ]
    )
    source = "2025-11-cartel-de-los-soles-fto"
    with pytest.raises(curation.CurationError, match="Describe the new actor"):
        curation.save_proposals(data, seeds, proposals, source_id=source, base=base_of(data, "statements"))
    new = pd.DataFrame(
        [{"actor_id": "kenya", "name": "Kenya", "kind": "government", "country": "KEN", "bloc": "Observers"}]
    )
    saved = curation.save_proposals(
        data, seeds, proposals, source_id=source, new_actors=new, base=base_of(data, "statements", "actors")
    )
    assert saved == 1
    tables = store.load(data, seeds)
    added = tables.view[tables.view["actor_id"] == "kenya"].iloc[0]
    before = store.load(data, seeds, cache=False).statements  # the new id follows the highest one
    assert added["origin"] == "extracted" and not added["reviewed"]
    assert (
        added["statement_id"]
        == f"s{max(int(i[1:]) for i in before['statement_id'] if i != added['statement_id']) + 1:03d}"
    )
