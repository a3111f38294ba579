"""The stance of words with no cue, learned from the dev splits' gold (`analysis/extract/said_words.py`):
the shipped model is what fitting gives, its reading without scikit-learn is scikit-learn's, and an
extraction uses it where a statement has no cue."""

import csv
import json

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from analysis.__main__ import main
from analysis.extract import extract, fitting, said_words
from conftest import ROOT

BLIND = ROOT / "tests" / "fixtures" / "blind"


def gold_statements(*splits):
    found = []
    for split in splits:
        for path in sorted((BLIND / split).glob("*.gold.csv")):
            with open(path, encoding="utf-8", newline="") as handle:
                found += [(row["evidence"], row["stance"]) for row in csv.DictReader(handle)]
    return found


def test_words_after_a_negation_are_marked_until_the_next_punctuation():
    assert said_words.words("Four dollars doesn’t even cover rent, she said") == [
        "four",
        "dollars",
        "does",
        "n't",
        "NOT_even",
        "NOT_cover",
        "NOT_rent",
        "she",
        "said",
    ]
    assert "does n't" in said_words.terms("It doesn't work")


def test_reading_the_model_without_scikit_learn_gives_scikit_learns_probabilities():
    statements = gold_statements("dev2", "dev5")
    model = said_words.WordsModel.of(said_words.fit(statements))
    vectoriser = TfidfVectorizer(analyzer=said_words.terms, min_df=said_words.MIN_DOCUMENTS, sublinear_tf=True)
    matrix = vectoriser.fit_transform([text for text, _ in statements])
    classifier = LogisticRegression(C=said_words.REGULARISATION, max_iter=5000).fit(
        matrix, [stance for _, stance in statements]
    )
    probes = [text for text, _ in gold_statements("dev")[:40]] + ["Nothing here is known to the model at all"]
    expected = classifier.predict_proba(vectoriser.transform(probes))
    for text, row in zip(probes, expected):
        ours = said_words.probabilities(text, model=model)
        assert list(ours) == [str(s) for s in classifier.classes_]
        # the weights are stored to four places
        assert np.allclose(list(ours.values()), row, atol=0.02), text


def test_the_shipped_model_is_what_fitting_on_the_dev_splits_gives(tmp_path):
    shipped = json.loads(said_words.MODEL_FILE.read_text(encoding="utf-8"))
    splits = [split.removeprefix("tests/fixtures/blind/") for split in shipped["fitted_on"].split()]
    assert splits and all(split.startswith("dev") for split in splits)
    refitted = fitting.fit_words(
        [BLIND / split for split in splits], path=tmp_path / "said_words.json", view_path=tmp_path / "said_view.json"
    )
    # each gold statement twice: its evidence and its sentence
    assert refitted["fitted_on_statements"] == shipped["fitted_on_statements"] == 2 * len(gold_statements(*splits))
    assert refitted["terms"] == shipped["terms"] and refitted["idf"] == shipped["idf"]
    assert refitted["intercepts"] == pytest.approx(shipped["intercepts"], abs=1e-3)
    # and the model of whether a sentence states a view, fitted on the same splits
    view = json.loads(said_words.VIEW_FILE.read_text(encoding="utf-8"))
    refitted_view = json.loads((tmp_path / "said_view.json").read_text(encoding="utf-8"))
    assert view["fitted_on"] == shipped["fitted_on"] and view["stances"] == ["none", "view"]
    assert refitted_view["terms"] == view["terms"] and refitted_view["idf"] == view["idf"]
    assert refitted_view["intercepts"] == pytest.approx(view["intercepts"], abs=1e-3)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # complaint with no cue word: what the measure costs the speaker
        (
            "Wage floor\nThe wage board set the minimum at $208. “Four dollars does not even cover the rise in rent "
            "for a single room,” said Leak Sothea, a seamstress.",
            "opposed",
        ),
        (
            "Wage floor\nThe wage board set the minimum at $208. “This will put food on the table for thousands of "
            "families at last,” said Leak Sothea, a seamstress.",
            "supportive",
        ),
    ],
)
def test_a_statement_with_no_cue_takes_the_stance_its_words_carry(text, stance):
    table = extract(text, main_target="main")
    assert [(r.actor, r.stance) for r in table.itertuples()] == [("Leak Sothea", stance)]


def test_cli_refuses_to_fit_the_words_on_a_held_out_split(capsys):
    assert main(["evaluate", "--corpus", str(BLIND / "dev2"), "--corpus", str(BLIND / "val2"), "--fit-words"]) == 2
    assert "held out" in capsys.readouterr().err
    assert main(["evaluate", "--fit-words"]) == 2
