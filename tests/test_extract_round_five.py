"""Round five of the extractor (issue 12): the phenomena the dev6 split showed, one general case each."""

import pytest

from analysis.extract import extract


def rows(text, **options):
    table = extract(text, main_target="main", **options)
    return [(r.actor, r.stance) for r in table.itertuples()]


@pytest.mark.parametrize(
    "text",
    [
        "Senator, Minister, rejected the plan.",
        "“We reject it,” said Mayor, Councillor.",
        "Speaker, Deputy Speaker and Minister opposed the plan, calling it a disgrace.",
    ],
)
def test_role_words_in_apposition_to_each_other_do_not_loop(text):
    """A parse can make two titles each other's apposition; naming one must not ask for the other forever
    (this raised RecursionError on the val2 split)."""
    table = extract(text, main_target="main")
    assert set(table["stance"]) <= {"condemning", "opposed", "cautious", "neutral", "supportive"}
