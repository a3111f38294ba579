"""The arbiter that reads each proposal's stance last (`analysis/extract/arbiter.py`): its reading without
scikit-learn is scikit-learn's, the shipped file was fitted on dev splits only, and an extraction shows
where it read a stance other than the cue's."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from analysis.data.schema import STANCES
from analysis.extract import arbiter, confidence, fitting, said_words
from analysis.extract.core import explain, propose
from conftest import shipped_fit

TEXT = "Kenya welcomed the deal. Ghana said the plan was flawed."


def _always(stance: str) -> arbiter.Arbiter:
    """An arbiter that reads every stance as `stance`, whatever the rules said."""
    stances = tuple(STANCES)
    return arbiter.Arbiter(stances, tuple(5.0 if s == stance else 0.0 for s in stances), {})


def test_reading_the_arbiter_without_scikit_learn_gives_scikit_learns_probabilities():
    rng = np.random.default_rng(7)
    rows, stances = [], []
    for _ in range(300):
        rule = rng.choice(STANCES)
        words = {s: float(rng.uniform(0.01, 1.0)) for s in STANCES}
        features = {"lexicon_cue": float(rng.integers(0, 2)), "strength": float(rng.uniform(0, 1))}
        rows.append(arbiter.inputs(str(rule), features, words, tone=float(rng.uniform(-1, 1))))
        # the gold leans to the rules' stance, sometimes to the words' likeliest
        stances.append(str(rule) if rng.uniform() < 0.6 else max(words, key=words.get))
    fitted = arbiter.fit(rows, stances)
    model = arbiter.Arbiter.of(fitted)
    names = fitted["inputs"]
    classifier = LogisticRegression(C=arbiter.REGULARISATION, max_iter=5000).fit(
        [[r.get(n, 0.0) for n in names] for r in rows], stances
    )
    for row, expected in zip(rows[:50], classifier.predict_proba([[r.get(n, 0.0) for n in names] for r in rows[:50]])):
        ours = model.probabilities(row)
        assert list(ours) == [str(s) for s in classifier.classes_]
        assert np.allclose(list(ours.values()), expected, atol=0.02)  # weights stored to four places


def test_the_shipped_arbiter_was_fitted_on_dev_splits_only_and_reads_what_the_pipeline_gives_it():
    shipped = shipped_fit(arbiter.ARBITER_FILE)
    assert set(shipped["stances"]) == set(STANCES) and shipped["fitted_on_proposals"] > 3000
    rows = propose(TEXT, main_target="main", arbiter=False)
    assert rows and all(set(inputs) == set(shipped["inputs"]) for _, _, inputs in rows)


def test_an_extraction_shows_where_the_arbiter_read_another_stance_than_the_cue():
    ruled = propose(TEXT, main_target="main", arbiter=False)
    assert [(row["actor"], row["stance"], row["rule_stance"]) for row, _, _ in ruled] == [
        ("Kenya", "supportive", ""),
        ("Ghana", "opposed", ""),
    ]
    read = propose(TEXT, main_target="main", arbiter=_always("cautious"))
    assert [(row["stance"], row["rule_stance"]) for row, _, _ in read] == [
        ("cautious", "supportive"),
        ("cautious", "opposed"),
    ]
    assert explain(read[0][0]).startswith("“welcomed” (supportive by the cue; cautious read with all its words)")
    # the confidence is that of the stance read last
    assert read[0][1]["cautious"] == 1.0 and read[0][1]["stance_probability"] > 0.9
    # where it agrees with the cue, the reviewer sees the cue's reading only
    same = propose("Kenya welcomed the deal.", main_target="main", arbiter=_always("supportive"))
    assert explain(same[0][0]).startswith("“welcomed” (supportive) ·")


def test_the_confidence_learns_from_the_arbiters_reading(tmp_path):
    features = {"bias": 1.0, "opposed": 1.0, "stance_probability": 0.0}
    assert confidence.restanced(features, "cautious", 0.7) == {
        "bias": 1.0,
        "opposed": 0.0,
        "neutral": 0.0,
        "condemning": 0.0,
        "cautious": 1.0,
        "stance_probability": 0.7,
    }
    assert features["opposed"] == 1.0  # not changed in place


def test_fitting_the_arbiter_refuses_held_out_splits(tmp_path):
    blind = fitting.REPO / "tests" / "fixtures" / "blind"
    for split in ("test9", "val2"):
        with pytest.raises(fitting.HeldOutSplit):
            fitting.calibrate(blind / split, path=tmp_path / "calibration.json")
    assert not (tmp_path / "stance_arbiter.json").exists()


def test_the_confidence_weighs_whether_the_sentence_states_a_view():
    text = "The bridge opened in 1962. Kenya welcomed the deal, calling it a fair bargain for both sides."
    (row, features, _), *_ = propose(text, main_target="main")
    sentence = text[row["sentence_start"] : row["sentence_end"]]
    assert features["view"] == said_words.view_probability(sentence) > 0.5
    assert "view" in confidence.FEATURES
    # a sentence of fact reads as no view
    assert said_words.view_probability("The bridge opened in 1962.") < features["view"]


def test_with_the_arbiter_off_the_confidence_still_weighs_its_probability_of_the_rules_stance():
    (row, features, inputs), *_ = propose("Kenya welcomed the deal.", main_target="main", arbiter=False)
    assert row["stance"] == "supportive" and row["rule_stance"] == ""
    # the confidence was fitted with the arbiter's probability among its features: without it every row
    # would look unlikely, so the arbiter's probability of the rules' own stance stands in
    expected = arbiter.shipped().probabilities(inputs)["supportive"]
    assert features["stance_probability"] == expected > 0.5


def test_vaders_tone_reaches_the_arbiter_where_no_cue_decided():
    # the words model knows the dev splits' words; VADER's people-rated lexicon knows the evaluative words
    # they never used, and the arbiter weighs its tone (fitted: a positive tone leans supportive)
    rows = propose("Ghana said the plan was “cruel and heartless”.", main_target="main", arbiter=False)
    (_, _, inputs) = rows[0]
    assert inputs["tone:negative"] > 0.3 and inputs["tone:positive"] == 0.0
    cued = propose("Kenya welcomed the deal.", main_target="main", arbiter=False)
    assert cued[0][2]["tone:negative"] == cued[0][2]["tone:positive"] == 0.0
    shipped = arbiter.shipped()
    lean = dict(zip(shipped.stances, shipped.weights["tone:positive"]))
    assert lean["supportive"] > 0 > lean["opposed"]
    # fitted on the dev splits, a negative tone reads as degree (towards condemning) more than as side: the
    # side stays with the words model, which has not seen "cruel" or "heartless" and still reads this one
    # supportive (a known weakness, README "What the numbers say")
    toneless = inputs | {"tone:negative": 0.0}
    assert shipped.probabilities(inputs)["condemning"] > shipped.probabilities(toneless)["condemning"]
