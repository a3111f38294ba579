"""Round seven of the extractor (issue 12): the phenomena the dev8 split showed, one general case each, in
sentences written for these tests (not the corpus's)."""

import pytest

from conftest import extract_rows

rows = extract_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a finite main verb whose subject the parse lost behind a place phrase: the name right before it
        (
            "Port deal\nIn Wellington, New Zealand’s Minister for Trade, Aroha Tane, welcomed the vote.",
            [("Aroha Tane", "supportive")],
        ),
        # members named by the body they come from hold its position; a place is no body
        (
            "Budget\nSenators from the opposition Liberal Reform party voted en bloc against the bill.",
            [("Liberal Reform party", "opposed")],
        ),
        (
            "Budget\nDeputies from the PSD welcomed the bill.",
            [("PSD", "supportive")],
        ),
        (
            "Budget\nLawmakers from Bavaria welcomed the bill.",
            [("Lawmakers from Bavaria", "supportive")],
        ),
        # "voiced" taken for an adjective of the cue noun: the name before it voiced the concern
        (
            "Local polls\nThe Forum for Civic Rights voiced concern about the delays.",
            [("Forum for Civic Rights", "cautious")],
        ),
        # "In Lima," is a place the sentence opens with, not who spoke
        (
            "Labour reform\nIn Lima, the regional office of the International Labour Organization (ILO) congratulated "
            "Colombia, calling the reform “a serious step towards decent work.”",
            [("International Labour Organization", "supportive")],
        ),
        # a feeling in a "with" phrase of the main verb is the subject's
        ("Port deal\nBusiness groups reacted with dismay.", [("Business groups", "opposed")]),
        ("Port deal\nThe plan was met with dismay.", []),
        # idioms of the trade: a walkout, not being drawn, analysing, keeping the door open
        (
            "Local polls\nThe Workers’ Front staged a walkout over the postponement. The Farmers Union would not be "
            "drawn on the decision. Spain's Repsol said only that it was analysing the new framework.",
            [("Workers’ Front", "opposed"), ("Farmers Union", "neutral"), ("Repsol", "neutral")],
        ),
    ],
)
def test_round_seven_cases(text, expected):
    assert rows(text, min_confidence=0.0) == expected
