"""Round thirty-four of the extractor (issue 12): a body's name with a list before its head, a reporter named in
a programme's header, first names and given names used alone, offices and states named as written, the
decision-maker's reason for its decision, and parses mended where the subject was lost (an opening the parser
cannot place, a body left as a loose word, a phrase of place read as the subject). Sentences written for
these tests, not the corpus's."""

from functools import partial

import pytest

from analysis.extract import extract
from analysis.extract.introductions import gender_of
from analysis.extract.names import kind_of_name
from conftest import extract_holders_of, holders_after_lede

LEDE = "Fuel levy raised\n\nThe government raised the fuel levy by a third on Monday, the ministry said.\n"
_holders = partial(holders_after_lede, LEDE)


def test_a_bodys_name_with_a_list_of_fields_before_its_head_is_one_name():
    body = "\nThe Kasama Culture, Heritage and Tourism Bureau said the levy was “a welcome step”."
    assert _holders(body, "welcome step") == ["Kasama Culture, Heritage and Tourism Bureau"]


def test_a_reporter_named_in_a_programmes_header_reports_what_others_said():
    text = (
        "Transcript: levy ruling\n\n[Evening bulletin, Radio Sud. Presenter: Anna Soto. Court reporter: Pavel Mraz.]"
        "\n\nANNA SOTO: Good evening. The court has upheld the fuel levy. Pavel Mraz was at the court this afternoon. "
        "Pavel, what did the judge decide?\n\nPAVEL MRAZ: Good evening, Anna. The judge upheld the levy. The hauliers' "
        "lawyer, Irena Kolar, told me the ruling was “wrong in law”. She said the hauliers would appeal. The drivers' "
        "lawyer, Marko Basic, disagreed. He said the judgment was “a gift to the treasury”.\n"
    )
    assert extract_holders_of(text, "a gift to the treasury", arbiter=False) == ["Marko Basic"]


def test_a_place_after_of_the_is_no_person_a_pronoun_can_mean():
    body = (
        "\nFor thirty years Miriam Tadesse has sold spices by the gate. Next month the traders are to be moved so "
        "that the old stretch of the Jugol can be restored.\n\n“The levy takes the bread from my table,” she said."
    )
    assert _holders(body, "bread from my table") == ["Miriam Tadesse"]


def test_a_first_name_used_alone_is_the_person_named_in_full_before():
    body = (
        "\nZeyneba Abdullahi has sold turmeric at the gate for thirty years.\n\nZeyneba called the levy "
        "“the end of the world”."
    )
    assert _holders(body, "end of the world") == ["Zeyneba Abdullahi"]


def test_a_surname_that_opens_another_name_is_someone_else():
    body = (
        "\nThe bureau's head, Abdulmalik Yusuf Ahmed, defended the levy.\n\nHer neighbour Ahmed Sherif was "
        "blunter. “This levy is a crime against the poor,” he said."
    )
    assert _holders(body, "crime against the poor") == ["Ahmed Sherif"]


def test_an_attorney_generals_office_is_named_as_written():
    body = "\nThe Attorney General’s office said it was still reviewing the levy."
    assert _holders(body, "reviewing") == ["Attorney General’s office"]


@pytest.mark.parametrize(
    "body",
    [
        "\nA World Bank spokesperson, asked about the change, said such rates were a matter for the government and "
        "declined to comment further.",
        # the answer to a question on another matter is still no position
        "\nA World Bank spokesperson, asked about the football results, declined to comment further.",
    ],
)
def test_an_answer_asked_about_the_change_is_on_the_news(body):
    holders = _holders(body, "declined to comment")
    assert holders == (["World Bank"] if "change" in body else [])


def test_the_last_place_of_a_list_is_not_the_subject_of_the_main_verb():
    body = (
        "\nRepresentatives of the two dozen firms operating near substations in Oromia and Amhara argue that the "
        "levy is unfair."
    )
    holders = _holders(body, "Representatives")
    assert holders and "Amhara" not in holders


def test_a_state_named_with_its_kind_in_lower_case_holds_its_own_position():
    body = (
        "\nPuntland, the semi-autonomous state in the north-east, called the levy a victory.\n\nGalmudug state, whose "
        "coastline includes Hobyo, backed the levy."
    )
    assert _holders(body, "Galmudug") == ["Galmudug state"]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "Ore exports suspended\n\nZambia has suspended exports of raw manganese ore, in a move it says will force "
            "miners to build smelters at home.\n",
            "a move it says",
            [("Zambia", "supportive")],
        ),
        (
            "Cotton exports banned\n\nIndia on Thursday banned exports of raw cotton, a move the government said "
            "would cool domestic prices, but which farmers denounced as a betrayal.\n",
            "a move the government said",
            [("India", "supportive")],
        ),
        # a critic's account of the decision is no maker's reason
        (
            "Rice cap\n\nVietnam capped rice exports on Monday. Manila regretted the decision, which it said had come "
            "without warning.\n",
            "Manila",
            [("Manila", "opposed")],
        ),
    ],
)
def test_the_decision_makers_reason_for_its_decision_is_its_position(text, words, expected):
    table = extract(text, main_target="main", arbiter=False)
    quoted = table[table["quote"].str.contains(words, regex=False)]
    assert list(zip(quoted["actor"], quoted["stance"])) == expected


def test_an_office_of_a_minister_is_not_who_the_minister_means():
    body = (
        "\nLabour Minister Sunita Bhoyroo is due to meet both sides.\n\nThe Prime Minister’s Office says the cabinet "
        "“fully supports the levy”.\n\nThe minister later urged both sides to “lower the temperature”."
    )
    assert _holders(body, "lower the temperature") == ["Labour Minister Sunita Bhoyroo"]


def test_role_nouns_give_a_gender_and_a_school_is_a_body():
    assert gender_of("the headmistress") == "f"
    assert gender_of("the headmaster") == "m"
    assert kind_of_name("Amaury Government School", default="person") == "organization"


def test_a_body_named_after_with_before_its_participle_holds_its_words():
    body = (
        "\nThe Ministry of Mines described the levy as “a model for the region”, with the Green Madagascar Platform "
        "dismissing that description as “greenwashing by decree”."
    )
    assert "Green Madagascar Platform" in _holders(body, "")


def test_an_opening_the_parser_cannot_place_leaves_the_subject_its_verb():
    body = (
        "\nChristophe Dubignon, the minister for internal affairs, opened the debate.\n\nWinding up, the minister "
        "rejected suggestions that the levy would hurt fishermen, calling the idea “pure fantasy”."
    )
    assert _holders(body, "Winding up") == ["Christophe Dubignon"]


def test_a_body_opening_the_sentence_before_its_description_is_the_subject():
    body = (
        "\nGreen Madagascar Platform\n\nThe platform condemned the levy as “a betrayal”.\n\nAmbondromamy Women’s "
        "Association\n\nThe association, a member of the platform, said it had collected 1,300 signatures against "
        "the levy."
    )
    assert _holders(body, "signatures") == ["Ambondromamy Women’s Association"]


def test_a_named_firms_staff_union_is_named_as_written():
    body = (
        "\nThe Antananarivo Consumers’ League condemned the levy.\n\nJIRAMA’s own staff union has kept out of the "
        "argument, saying only that it is still studying the figures."
    )
    assert _holders(body, "studying") == ["JIRAMA’s own staff union"]


@pytest.mark.parametrize(
    ("body", "words", "holder"),
    [
        (
            "\nAcross the Friendship Bridge, a spokesman for Brazil’s Federal Police in Foz do Iguaçu said cooperation "
            "would continue “whatever the levy costs”.",
            "Friendship Bridge",
            "Brazil’s Federal Police",
        ),
        (
            "\nOutside the hall, several hundred protesters from a network of civic groups called the levy “a tax on "
            "jobs”.",
            "a tax on jobs",
            "Several hundred protesters",
        ),
        (
            "\nOutside City Hall, around 50 residents from the new settlements are holding a picket against the levy.",
            "picket",
            "50 residents from the new settlements",
        ),
    ],
)
def test_an_opening_phrase_of_place_is_not_the_subject(body, words, holder):
    assert _holders(body, words) == [holder]
