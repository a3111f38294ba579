"""Round thirty-three of the extractor (issue 12): people at a body the text leaves unnamed ("Analysts at one
Baku brokerage"), the second of two names joined by "and" remembered for "she", a text's name opened by a title
word ("the General Labour Law") no person, the fields of a minister's portfolio in lower case no more people, and
a few cues. Sentences written for these tests, not the corpus's."""

import pytest

from analysis.extract.actors import ActorIndex
from analysis.extract.mentions import find_mentions
from conftest import extract_cues, extract_holders_of

LEDE = "Fuel levy raised\n\nThe government raised the fuel levy by a third on Monday, the ministry said.\n"


def _holders(sentence: str, words: str) -> list[str]:
    return extract_holders_of(LEDE + sentence + "\n", words, arbiter=False)


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("Analysts at one Lusaka brokerage said the levy was a mistake.", "Analysts at one Lusaka brokerage"),
        ("Economists at a Harare bank called the levy a mistake.", "Economists at a Harare bank"),
        # a body the text names speaks for its analysts, as before
        ("Analysts at Renaissance Capital said the levy was a mistake.", "Renaissance Capital"),
    ],
)
def test_people_at_a_body_the_text_leaves_unnamed_are_named_as_written(sentence, holder):
    assert _holders(sentence, "mistake") == [holder]


def test_the_second_of_two_names_joined_by_and_is_who_she_means():
    text = (
        LEDE + "\nTwo MPs spoke to reporters on the steps: Armando Sitoe of the governing Frelimo party and Joana "
        "Mabunda of Renamo. He said the levy had “emptied every pocket in the country”. She called the levy "
        "“a good day for the Republic”.\n"
    )
    assert extract_holders_of(text, "a good day", arbiter=False) == ["Joana Mabunda"]


def test_a_place_named_in_two_parts_is_not_remembered_as_a_second_person():
    text = (
        LEDE + "\nFor Alina Cioban, 27, from Baia de Criș, the question is practical. “The levy takes a day's pay "
        "from every trip I make to the market,” she said.\n"
    )
    assert extract_holders_of(text, "a day's pay", arbiter=False) == ["Alina Cioban"]


def test_a_texts_name_opened_by_a_title_word_is_no_person():
    text = "The amendments to the General Labour Law were approved. General Mamadi Doumbouya said he backed them."
    found = {m.actor.name: m.actor.kind for m in find_mentions(text, 0, len(text), ActorIndex.from_rows(()))}
    assert "General Labour Law" not in found
    assert found.get("General Mamadi Doumbouya") == "person"


def test_a_quotation_after_a_texts_name_is_not_the_texts():
    text = (
        LEDE + "\nThe levy amends the General Fuel Law of 2009.\n\n“This levy gives every school a roof,” she told "
        "deputies.\n"
    )
    assert "General Fuel Law" not in extract_holders_of(text, "a roof", arbiter=False)


@pytest.mark.parametrize(
    "sentence",
    [
        "Jean Mballa, the minister for trade, industry and cooperatives, said the levy was “a lifeline”.",
        "Rosa Tembo, the minister of local government, housing and rural development, said the levy was “a lifeline”.",
    ],
)
def test_the_fields_of_a_ministers_portfolio_are_no_more_people(sentence):
    assert _holders(sentence, "lifeline") == [sentence.split(",")[0]]


@pytest.mark.parametrize(
    ("sentence", "cue", "stance"),
    [
        ("Insurers, for their part, are staying on the sidelines on the levy.", "staying on the sidelines", "neutral"),
        ("The chamber of commerce remained on the sidelines over the levy.", "remained on the sidelines", "neutral"),
        # a decision's maker that holds to it is for it, as the writers annotate ("no intention of backing down"
        # had read as opposed: "backing" a cue, then negated)
        ("The union shows no sign of retreat over the levy.", "no sign of retreat", "supportive"),
        (
            "The union said it had “no intention of backing down” on the levy.",
            "no intention of backing down",
            "supportive",
        ),
        ("The union made it clear that it did not intend to back down.", "not intend to back down", "supportive"),
        ("Inside the farmers' union, the mood over the levy is warier still.", "warier", "cautious"),
    ],
)
def test_new_cues_decide_their_stance(sentence, cue, stance):
    assert (cue, stance) in extract_cues(LEDE + sentence + "\n", arbiter=False)


def test_the_sidelines_of_a_meeting_are_no_cue():
    from analysis.extract import extract

    table = extract(LEDE + "The minister met her Zambian counterpart on the sidelines of the summit.\n", arbiter=False)
    assert "on the sidelines" not in " ".join(table["cue"])


def test_a_body_named_in_passing_with_its_kind_is_who_the_kind_means_next():
    text = (
        LEDE + "\nThe ministry granted a levy exemption to Kenmare Resources, a mining company, on Monday.\n\n"
        "The company welcomed the exemption.\n"
    )
    assert extract_holders_of(text, "The company welcomed", arbiter=False) == ["Kenmare Resources"]
