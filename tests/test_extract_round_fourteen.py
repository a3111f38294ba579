"""Round fourteen of the extractor (issue 12): a broadcast's recorded clips, bodies named by a plural, a name
with a capital inside it, an industry as a group, and the gate's reading of a clause that sets its subject
against others. Sentences written for these tests, not the corpus's."""

import functools

import pytest

from analysis.extract import extract
from analysis.extract.core import explain
from analysis.extract.parse import is_proper, pipeline
from analysis.extract.unread import is_comparative
from conftest import extract_rows

TRANSCRIPT = (
    "Evening News: Kyiv raises the power price\n"
    "PRESENTER (Olena Hnatiuk): Good evening. The price of power rises by a fifth from June.\n"
    "{clip}: The new tariff is the right decision for the grid.\n"
    "PRESENTER: Thank you.\n"
)


rows = functools.partial(extract_rows, arbiter=False)


@pytest.mark.parametrize(
    ("clip", "speaker"),
    [
        # the clip's label names its speaker in brackets, or after a dash; "Clip" is nobody
        ("CLIP (Taras Melnychuk, Minister of Energy)", "Taras Melnychuk"),
        ("CLIP - KYLE BARTON, PIPEFITTER", "Kyle Barton"),
        ("SOT (Dmytro Shevchuk, student)", "Dmytro Shevchuk"),
        ("TARAS MELNYCHUK (MINISTER OF ENERGY, CLIP)", "Taras Melnychuk"),
    ],
)
def test_a_recorded_clip_is_its_speakers_words(clip, speaker):
    assert rows(TRANSCRIPT.format(clip=clip)) == [(speaker, "supportive")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bodies named by a plural speak as people do; things do not
        ("Tariffs\nDistribution companies welcomed the decision.", [("Distribution companies", "supportive")]),
        ("Tariffs\nBanks criticised the decision.", [("Banks", "opposed")]),
        ("Tariffs\nPublic funds backed the scheme, the audit found.", []),
        ("Tariffs\nSocial networks amplified criticism of the tariff.", []),
        # a name with a capital after a small letter, even where it opens the sentence
        ("Wages\nActionSA abstained.", [("ActionSA", "neutral")]),
        # an industry named by its modifiers is a group; "the industry" with none named before is nobody
        ("Dairy ruling\nThe US dairy industry was jubilant.", [("US dairy industry", "supportive")]),
        ("Dairy ruling\nThe industry welcomed the decision.", []),
    ],
)
def test_holders_named_in_new_ways(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("word", "proper"),
    [("ActionSA", True), ("eThekwini", True), ("McKinsey", True), ("NGOs", False), ("FARMERS", False)],
)
def test_a_capital_after_a_small_letter_makes_a_name_where_it_opens_a_sentence(word, proper):
    doc = pipeline()(f"{word} abstained.")
    assert is_proper(doc[0]) is proper


@pytest.mark.parametrize(
    ("sentence", "comparative"),
    [
        ("Brussels was more careful.", True),
        ("Lelo for Georgia has taken a softer line.", True),
        ("Exporters see it differently.", True),
        ("Smaller importers are less convinced.", True),
        ("The ministry published the figures on Monday.", False),
        ("Kenya welcomed the decision.", False),
        ("The ministry received more complaints this year.", False),
        ("The minister said later that the figures were wrong.", False),
        ("The council met in the inner city.", False),
    ],
)
def test_the_gate_knows_a_clause_that_sets_its_subject_against_others(sentence, comparative):
    doc = pipeline()(sentence)
    root = next(t for t in doc if t.head.i == t.i)
    assert is_comparative(root) is comparative


def test_a_role_with_a_portfolio_finds_the_minister_introduced_with_it():
    # "the trade minister" is the minister introduced "for international trade", not the last minister named
    text = (
        "Lumber duties\n"
        "Simone Arsenault, the minister for international trade, said producers were being punished.\n"
        "Alberta's forestry minister, Jolene Marchuk, avoided any direct criticism of Washington.\n"
        "Canada would “win again, as we always do,” the trade minister said late on Friday.\n"
    )
    assert [actor for actor, _ in rows(text)] == ["Simone Arsenault", "Jolene Marchuk", "Simone Arsenault"]
    # with no portfolio named, the last minister still answers; a word near a name that is no title is no portfolio
    near = text.replace(
        "Alberta's forestry minister, Jolene Marchuk,", "Asked about trade, forestry minister Jolene Marchuk"
    )
    assert [actor for actor, _ in rows(near)][-1] == "Simone Arsenault"
    plain = text.replace("the trade minister said", "the minister said")
    assert [actor for actor, _ in rows(plain)][-1] == "Jolene Marchuk"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a debate's tally: the parser reads "Akel voting" as one noun phrase, so the words decide
        ("The bill passed by 30 votes to 20, with Akel voting against.", [("Akel", "opposed")]),
        (
            "The bill passed, with Akel voting against it and the Greens abstaining.",
            [("Akel", "opposed"), ("Greens", "neutral")],
        ),
        ("The bill passed, with the Greens voting in favour.", [("Greens", "supportive")]),
        # "and" alone opens no such clause, and a vague group stays unnamed
        ("With Akel voting against, the bill passed.", [("Akel", "opposed")]),
        (
            "The bill passed, with Akel, Diko and Edek voting against.",
            [("Akel", "opposed"), ("Diko", "opposed"), ("Edek", "opposed")],
        ),
        ("Kenya and Ghana voting against it was a surprise.", []),
        ("The bill passed, with most MPs voting for it.", []),
        # a vote on something else is no position on the matter
        ("Polls closed at 8pm, with Kenyans voting for a new president.", []),
    ],
)
def test_a_vote_given_with_the_tally_is_each_voters_position(sentence, expected):
    assert rows(f"Cable vote\nThe House met on Thursday.\n{sentence}") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a view given as someone's reading, account or eyes; "her" as a possessive is the woman named before
        ("In her reading, the loan is a mistake.", [("Ilze Vitola", "opposed")]),
        ("In the eyes of the union, the loan is a mistake.", [("Union", "opposed")]),
        ("The minister gave an account of the talks.", []),
        ("There were tears in her eyes as the loan, a terrible mistake, was approved.", []),
    ],
)
def test_a_view_given_as_someones_reading(sentence, expected):
    text = f"Rail loan\nEconomist Ilze Vitola of the Riga Institute spoke on Monday. She teaches there.\n{sentence}"
    assert rows(text) == expected


def test_a_body_named_by_its_portfolio_is_the_one_whose_name_has_it():
    text = (
        "Ministries react\nThe Ministry of Health welcomed the plan. The Ministry of Finance said it was studying it.\n"
        "The health ministry said the plan was long overdue.\n"
    )
    assert [actor for actor, _ in rows(text)] == ["Ministry of Health", "Ministry of Finance", "Ministry of Health"]


def test_a_person_the_parse_missed_as_subject_is_who_the_next_quotation_is_by():
    # "Two streets away" hides the subject from the parse; the name found before the verb is remembered
    text = (
        "Holiday flats capped\nAino Kemppainen, 71, has lived in the same building since 1984.\n"
        "“When I heard how the council had voted, I was glad,” she said.\n"
        "Two streets away, Jussi Rautio, 44, sees it differently. He owns three flats in the centre.\n"
        "“The council now tells me that I am the problem. I will appeal.”\n"
    )
    assert [actor for actor, _ in rows(text)][-1] == "Jussi Rautio"
    # whether or not the gate weighs the sentence the name was found in
    assert [actor for actor, _ in rows(text, gate=False)][-1] == "Jussi Rautio"


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        # an office named by a role speaks as the office, as writers annotate it
        ("The prime minister’s office did not comment on the decision.", "Prime minister’s office"),
        ("The Queensland Treasurer’s office did not comment.", "Queensland Treasurer’s office"),
        # a spokesman for a body is still the body, and a named person's office is that person's
        ("A spokesman for the Kenya Ports Authority said it was studying the plan.", "Kenya Ports Authority"),
        ("Seru’s office said he was studying the plan.", "Prime Minister Kaliova Seru"),
    ],
)
def test_an_office_named_by_a_role_is_the_office(sentence, actor):
    text = f"Power price\nPrime Minister Kaliova Seru announced the rise.\n{sentence}"
    assert [a for a, _ in rows(text)][-1] == actor


def test_the_review_page_says_how_a_vote_given_with_the_tally_was_read():
    table = extract(
        "Cable vote\nThe House met on Thursday.\nThe bill passed, with Akel voting against.", main_target="main"
    )
    row = next(table.itertuples())
    assert row.actor == "Akel" and "“…, with X voting against”" in explain(row)
