"""Which proposals the extractor keeps (`analysis.extract.keeping`): the document features, the filter in
`extract`, the shipped model and its fit, on real articles of the dev splits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.extract import fitting, keeping
from analysis.extract.core import extract, propose
from analysis.extract.keeping import Keeper
from conftest import shipped_fit

BLIND = Path(__file__).parent / "fixtures" / "blind"
ARTICLE = BLIND / "dev12" / "ce04-botswana-diamonds-analysis.txt"
ACTORS_TEXT = (
    "Botswana signed a new diamond sales agreement with De Beers on Monday.\n\n"
    "The opposition Umbrella for Democratic Change condemned the agreement as a giveaway.\n\n"
    "Neo Ramotswa, an economist in Gaborone, welcomed the deal."
)


def _row(actor: str, start: int, end: int, sentence: tuple[int, int], kind: str = "person") -> dict:
    return {
        "actor": actor,
        "start": start,
        "end": end,
        "sentence_start": sentence[0],
        "sentence_end": sentence[1],
        "actor_kind": kind,
        "mode": "direct",
    }


def test_document_features_see_an_actors_later_rows_and_a_shared_sentence():
    rows = [
        _row("Ana Ruiz", 0, 40, (0, 40)),
        _row("Ana Ruiz", 50, 60, (50, 150)),
        _row("Farmers' Union", 100, 150, (50, 150), kind="organization"),
    ]
    before = [dict(row) for row in rows]
    first, second, third = keeping.document_features(rows)
    assert rows == before, "the rows are not changed"
    assert first["document:later_row_of_actor"] == 0 and second["document:later_row_of_actor"] == 1
    assert first["document:actor_rows"] == second["document:actor_rows"] > third["document:actor_rows"] == 0
    assert first["document:other_row_in_sentence"] == 0 and second["document:other_row_in_sentence"] == 1
    assert first["document:sentence_share"] == 1 and second["document:sentence_share"] == 0.1
    assert third["document:kind:organization"] == 1 and "document:kind:person" not in third
    assert first["document:position"] == 0 and third["document:position"] == 1


def test_a_keeper_that_keeps_nothing_still_keeps_the_known_actors():
    import pandas as pd

    actors = pd.DataFrame(
        [
            {
                "actor_id": "udc",
                "name": "Umbrella for Democratic Change",
                "kind": "party",
                "country": "Botswana",
                "bloc": "Opposition",
                "party": "",
                "aliases": "UDC",
            }
        ]
    )
    everything = extract(ACTORS_TEXT, actors=actors, main_target="main", keeper=Keeper({"bias": 0.0}, 0.0))
    assert set(everything["actor"]) == {"Umbrella for Democratic Change", "Neo Ramotswa"}
    nothing = extract(ACTORS_TEXT, actors=actors, main_target="main", keeper=Keeper({"bias": -50.0}, 0.5))
    assert list(nothing["actor"]) == ["Umbrella for Democratic Change"]


def test_the_shipped_keeper_leaves_out_rows_the_confidence_floor_alone_kept():
    text = ARTICLE.read_text(encoding="utf-8")
    proposed = propose(text, main_target="main")
    keeper = keeping.shipped()
    assert keeper is not None
    probabilities = keeper.probabilities([row for row, _, _ in proposed], [features for _, features, _ in proposed])
    assert all(0 < p < 1 for p in probabilities) and min(probabilities) < keeper.cut < max(probabilities)
    shipped = extract(text, main_target="main")
    assert len(shipped) == sum(p >= keeper.cut for p in probabilities)
    assert extract(text, main_target="main", keeper=True).equals(shipped)
    # the confidence cut alone (keeper=False, or a min_confidence given) keeps a row the keep model drops
    by_confidence = extract(text, main_target="main", keeper=False)
    assert extract(text, main_target="main", min_confidence=None, keeper=False).equals(by_confidence)
    dropped = set(zip(by_confidence["start"], by_confidence["actor"])) - set(zip(shipped["start"], shipped["actor"]))
    assert dropped
    assert len(shipped) < len(extract(text, main_target="main", min_confidence=0.0))


def test_the_shipped_keeper_was_fitted_on_dev_splits_only_and_raised_f1_left_out():
    fitted = shipped_fit(keeping.KEEP_FILE)
    assert set(fitted["weights"]) == set(keeping.FEATURES)
    assert 0.0 <= fitted["cut"] <= 0.55
    assert fitted["f1_left_out"] >= fitted["f1_keeping_all"] and fitted["recall_left_out"] >= 0.8
    # a later row of an actor already heard is less often a position of its own
    assert fitted["weights"]["document:later_row_of_actor"] < 0


def test_every_shipped_model_was_fitted_on_the_same_dev_splits():
    # a model refitted on other splits than the rest reads inputs the others were not fitted to give it
    from analysis.extract import arbiter, confidence, said_words, unread

    files = (
        said_words.MODEL_FILE,
        said_words.VIEW_FILE,
        unread.GATE_FILE,
        arbiter.ARBITER_FILE,
        confidence.CALIBRATION_FILE,
        keeping.KEEP_FILE,
    )
    assert len({frozenset(shipped_fit(path)["fitted_on"].split()) for path in files}) == 1


def test_calibrating_writes_a_keeper_beside_the_confidence_that_reads_back(tmp_path):
    shipped_before = keeping.KEEP_FILE.read_bytes()
    fitting.calibrate([BLIND / "dev12"], path=tmp_path / "calibration.json")
    assert keeping.KEEP_FILE.read_bytes() == shipped_before, "a fit to a given path leaves the shipped model be"
    fitted = json.loads((tmp_path / keeping.KEEP_FILE.name).read_text(encoding="utf-8"))
    keeper = keeping.shipped(tmp_path / keeping.KEEP_FILE.name)
    assert keeper is not None and keeper.cut == fitted["cut"]
    assert fitted["fitted_on"] == "tests/fixtures/blind/dev12" and fitted["fitted_on_proposals"] > 100


def test_fitting_the_keeper_refuses_a_sealed_split(tmp_path):
    with pytest.raises(fitting.HeldOutSplit):
        fitting.calibrate([BLIND / "dev12", BLIND / "test12"], path=tmp_path / "calibration.json")


def test_the_cut_is_the_lowest_within_the_noise_of_the_best_f1():
    # two splits of one document each; a probability split the rows cleanly, so any cut that drops the
    # spurious rows and keeps the matched ones is best, and the lowest such cut is chosen
    rows = [_row(f"Actor {k}", 10 * k, 10 * k + 5, (10 * k, 10 * k + 9)) for k in range(8)]
    values = [{"bias": 1.0, "strength": float(k % 2)} for k in range(8)]
    labels = [k % 2 for k in range(8)]
    documents = [("dev-a", rows[:4], values[:4], labels[:4]), ("dev-b", rows[4:], values[4:], labels[4:])]
    fitted = keeping.fit(documents, 4, noise=0.0)
    assert fitted["f1_keeping_all"] == pytest.approx(2 * 4 / (8 + 4), abs=1e-4)
    assert fitted["f1_left_out"] == 1.0 and fitted["recall_left_out"] == 1.0
    assert fitted["weights"]["strength"] > 0
    loose = keeping.fit(documents, 4, noise=1.0)
    assert loose["cut"] == 0.0


def test_the_evaluation_names_a_position_the_filter_left_out():
    import pandas as pd

    from analysis.extract import evaluation

    text = "Kenya welcomed the deal. Uganda said little."
    gold = pd.DataFrame(
        [
            {"actor": "Kenya", "stance": "supportive", "evidence": "Kenya welcomed the deal", "start": 0, "end": 23},
            {"actor": "Uganda", "stance": "neutral", "evidence": "Uganda said little", "start": 25, "end": 43},
        ]
    )
    proposed = propose(text, main_target="main")
    kenya = pd.DataFrame([row for row, _, _ in proposed if row["actor"] == "Kenya"])
    left_out = pd.DataFrame([{**kenya.iloc[0].to_dict(), "actor": "Uganda", "start": 25, "end": 43}])
    named = evaluation.score(kenya, gold, by_id=False, left_out=left_out)
    assert named.causes["missed, left out as unlikely"] == 1 and not named.causes["missed, nothing proposed there"]
    # a row of another actor left out there does not count: the position was never read
    other = evaluation.score(kenya, gold, by_id=False, left_out=left_out.assign(actor="Tanzania"))
    assert other.causes["missed, nothing proposed there"] == 1 and not other.causes["missed, left out as unlikely"]
    assert named.recall == other.recall == 0.5


def test_with_left_out_every_proposal_comes_marked_and_the_kept_ones_are_extracts():
    text = ARTICLE.read_text(encoding="utf-8")
    everything = extract(text, main_target="main", left_out=True)
    assert everything["left_out"].dtype == bool and everything["left_out"].any() and not everything["left_out"].all()
    assert len(everything) == len(propose(text, main_target="main"))
    kept = everything[~everything["left_out"]].drop(columns="left_out").reset_index(drop=True)
    assert kept.equals(extract(text, main_target="main"))


def test_the_dev_splits_are_dealt_into_folds_each_split_in_one():
    corpora = tuple(Path(f"dev{number}") for number in range(20))
    folds = fitting._folds(corpora)
    assert len(folds) == fitting.FOLDS
    assert sorted(corpus for fold in folds for corpus in fold) == sorted(corpora)
    assert fitting._folds(corpora[:3]) == [(corpora[0],), (corpora[1],), (corpora[2],)]


def test_each_split_is_read_with_the_models_fitted_outside_its_fold():
    from analysis.extract import said_words

    corpora = [BLIND / "dev12", BLIND / "dev13"]
    models = fitting._left_out(corpora, fitting._statements)
    fitted_on_the_other = said_words.WordsModel.of(said_words.fit(fitting._statements([BLIND / "dev13"])))
    assert models[BLIND / "dev12"] == fitted_on_the_other != models[BLIND / "dev13"]
