"""The unread gate (`analysis.extract.unread`): sentences where the cue rules read no position, weighed by
a model fitted on the dev splits, on real text and the shipped model."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.extract import fitting, unread
from analysis.extract.core import explain, propose
from analysis.extract.unread import RULE, Gate
from conftest import shipped_fit

BLIND = Path(__file__).parent / "fixtures" / "blind"
ARTICLE = (
    "Botswana signed a new diamond sales agreement with De Beers on Monday.\n\n"
    "Neo Ramotswa, an economist at the University of Botswana, was in Gaborone for the signing.\n\n"
    "She believes the margin on direct sales could add as much as two percent of GDP.\n\n"
    "The agreement runs for ten years."
)


def _rules(proposals) -> list[tuple[str, str]]:
    return [(row["actor"], row["rule"]) for row, _, _ in proposals]


def test_a_sentence_with_no_cue_gets_its_subject_as_holder_when_the_gate_passes_it():
    everything = propose(ARTICLE, main_target="main", gate=Gate.everything())
    unread_rows = [row for row, _, _ in everything if row["rule"].startswith(RULE)]
    # "She believes ...": no cue the rules know, and "she" is the economist named before
    assert ("Neo Ramotswa", f"{RULE}: subject, pronoun") in [(row["actor"], row["rule"]) for row in unread_rows]
    believes = next(row for row in unread_rows if row["rule"] == f"{RULE}: subject, pronoun")
    assert ARTICLE[believes["start"] : believes["end"]] == believes["evidence"]
    assert believes["evidence"].startswith("She believes the margin")
    why = explain(believes)
    assert why.startswith("no cue, weighed by the gate (") and "the subject of its main verb, via pronoun" in why
    # a sentence whose subject is no actor has no holder to weigh
    assert not [row for row in unread_rows if row["evidence"].startswith("The agreement runs")]
    assert not [row for row, _, _ in propose(ARTICLE, main_target="main", gate=False) if row["rule"].startswith(RULE)]


def _table(proposals) -> list[tuple]:
    return sorted(
        (row["start"], row["end"], row["actor"], row["rule"], row["stance"], row["confidence"])
        for row, _, _ in proposals
    )


def test_the_gate_adds_rows_and_changes_none_of_the_others():
    text = (BLIND / "dev12" / "ce04-botswana-diamonds-analysis.txt").read_text(encoding="utf-8")
    without = _table(propose(text, main_target="main", gate=False))
    everything = propose(text, main_target="main", gate=Gate.everything())
    assert [row for row in _table(everything) if not row[3].startswith(RULE)] == without
    added = [row for row, _, _ in everything if row["rule"].startswith(RULE)]
    assert added, "the analysis article has sentences with a subject and no cue"
    # no added row overlaps a row of the same actor (or of a name it is part of)
    for row in added:
        for other, _, _ in everything:
            if other is row or not (other["start"] < row["end"] and row["start"] < other["end"]):
                continue
            assert other["actor"] not in row["actor"] and row["actor"] not in other["actor"], (row, other)


def test_weighing_every_sentence_and_passing_none_changes_nothing():
    """The gate's reading of a sentence (its holder, found as the rules find one) leaves the rules' memory
    of who was named as it was: the rows are those of no gate, row for row."""
    for name in ("ce04-botswana-diamonds-analysis.txt", "cf03-iran-iaea-ministries.txt"):
        text = (BLIND / "dev12" / name).read_text(encoding="utf-8")
        closed = Gate({"bias": -40.0}, 0.5)
        assert _table(propose(text, main_target="main", gate=closed)) == _table(
            propose(text, main_target="main", gate=False)
        )


@pytest.mark.parametrize(
    "text",
    [
        # the decision-maker's own act, a schedule, a greeting, a question: no position, as the guide says
        "Lisbon's Municipal Assembly on Tuesday approved a freeze on new licences.",
        "Mayor Ana Ruiz said the freeze would apply from 1 March.",
        "“Good morning and welcome to this special meeting,” Mayor Ana Ruiz told members.",
        "Is the freeze really necessary, Councillor Ruiz?",
    ],
)
def test_what_the_rules_rule_out_the_gate_never_proposes(text):
    everything = propose(text, main_target="main", gate=Gate.everything())
    assert not [row for row, _, _ in everything if row["rule"].startswith(RULE)]


def test_a_gate_of_true_means_the_shipped_one():
    text = (BLIND / "dev12" / "ce04-botswana-diamonds-analysis.txt").read_text(encoding="utf-8")
    assert _table(propose(text, main_target="main", gate=True)) == _table(propose(text, main_target="main"))


def test_the_shipped_gate_was_fitted_on_dev_splits_only_and_weighs_every_feature():
    fitted = shipped_fit(unread.GATE_FILE)
    assert set(fitted["weights"]) == set(unread.FEATURES)
    # inside the grid the fit searches (0.20 to 0.70): round eighteen's fit chose 0.25, rounds before 0.30
    assert 0.2 <= fitted["threshold"] <= 0.7
    # the threshold was chosen because it raised F1 on the splits left out
    assert fitted["f1_with_left_out"] >= fitted["f1_without"]
    assert fitted["positions"] < fitted["candidates"]


def test_the_shipped_gate_passes_some_sentences_and_not_others():
    gate = unread.shipped()
    assert gate is not None
    text = (BLIND / "dev12" / "ce04-botswana-diamonds-analysis.txt").read_text(encoding="utf-8")
    everything = propose(text, main_target="main", gate=Gate.everything())
    weighed = [features for row, features, _ in everything if row["rule"].startswith(RULE)]
    probabilities = [gate.probability({k[5:]: v for k, v in f.items() if k.startswith("gate:")}) for f in weighed]
    assert probabilities and min(probabilities) < 1.0
    shipped = [row for row, _, _ in propose(text, main_target="main") if row["rule"].startswith(RULE)]
    assert len(shipped) < len(probabilities)
    assert max(probabilities) >= gate.threshold or not shipped


def test_fitting_the_gate_refuses_a_sealed_split():
    with pytest.raises(fitting.HeldOutSplit):
        fitting.fit_gate([BLIND / "dev12", BLIND / "test12"])


def test_fitting_the_gate_on_dev_splits_writes_a_gate_that_reads_back(tmp_path):
    path = tmp_path / "gate.json"
    fitted = fitting.fit_gate([BLIND / "dev12"], path=path)
    gate = unread.shipped(path)
    assert gate is not None and gate.threshold == fitted["threshold"]
    assert fitted["candidates"] > 20 and 0 < fitted["positions"] < fitted["candidates"]
    assert fitted["fitted_on"] == "tests/fixtures/blind/dev12"
    assert gate.weights["view"] > 0, "a sentence the view model says states a view is likelier a position"


def test_the_review_page_names_a_row_with_no_cue_as_such():
    import pandas as pd

    from analysis.present.pages.review import proposal_label

    proposals = pd.DataFrame({"actor": ["De Beers", "Kenya"], "cue": ["", "welcomed"]}, index=["p001", "p002"])
    assert proposal_label(proposals, "p001") == "p001 · De Beers · (no cue)"
    assert proposal_label(proposals, "p002") == "p002 · Kenya · welcomed"
