"""Round fifteen of the extractor (issue 12): a minister named after a portfolio of several words, and who
"he" and "she" mean when the text and a given name tell a person's gender. Sentences written for these
tests, not the corpus's."""

import functools

import pytest

from analysis.extract import extract
from analysis.extract.given_names import gender_of_name, is_given_name
from conftest import extract_rows

rows = functools.partial(extract_rows, arbiter=False)


@pytest.mark.parametrize(
    ("title", "person"),
    [
        ("Minister of Mining and Heavy Industry Batbayar Ganzorig", "Batbayar Ganzorig"),
        ("Minister of State for Petroleum Kamran Siddiqui", "Kamran Siddiqui"),
        ("Minister of Finance and Budget Aminata Ndiaye Sarr", "Aminata Ndiaye Sarr"),
        ("Minister of Industries Hildur Gunnarsdóttir", "Hildur Gunnarsdóttir"),
        ("Minister for Kampala Capital City and Metropolitan Affairs Rebecca Nabukenya", "Rebecca Nabukenya"),
    ],
)
def test_a_minister_named_after_her_portfolio_is_the_person(title, person):
    assert rows(f"Levy passes\n{title} said the levy was a disgrace.\n") == [(person, "condemning")]


def test_a_portfolio_with_no_name_after_it_stays_a_title():
    table = extract(
        "Levy passes\nThe Minister for Foreign Affairs and International Cooperation said the levy was a disgrace.\n",
        main_target="main",
        arbiter=False,
    )
    assert list(table["actor"]) == ["Minister for Foreign Affairs and International Cooperation"]


def test_a_person_introduced_by_a_role_noun_is_who_he_means_next():
    text = (
        "Road plan passes\n"
        "The mayor, Sunil Deshmane, backed the road.\n"
        "Her neighbour, retired bank officer Vinayak Joshi, was less certain.\n"
        "He said the road was a disgrace.\n"
    )
    # "Her" is the neighbour's neighbour: it neither makes Joshi a woman nor leaves "he" to the mayor
    assert ("Vinayak Joshi", "condemning") in rows(text)
    assert ("Sunil Deshmane", "condemning") not in rows(text)


@pytest.mark.parametrize("pronoun", ["he", "she"])
def test_he_in_a_womans_report_is_someone_else(pronoun):
    text = (
        "Pension bill passes\n"
        'Labour\'s spokesman, Aaron Pirihi, called the bill "a cut".\n'
        f"Green MP Anna Lowther said {pronoun} had understated the damage. "
        'She called the bill "cruel to people".\n'
    )
    # her given name says who she is, against a "he" that follows her "said"
    assert ("Anna Lowther", "condemning") in rows(text)


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Green MP Anna Lowther", "f"),  # "Green" is a given name somewhere, but here a party before a title
        ("Deputy Foreign Minister Victor Rusu", "m"),
        ("Andrea Rossi", ""),  # a given name of both genders
        ("Oh Ji-won", ""),
    ],
)
def test_gender_of_a_given_name(name, gender):
    assert gender_of_name(name) == gender


def test_a_given_name_of_either_gender_is_a_given_name():
    assert is_given_name("Andrea") and is_given_name("Anna") and not is_given_name("Industry")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an acronym opening a sentence, which the parser read as an adverb or a verb in capitals
        (
            "The Singapore Human Resources Institute (SHRI) met on Monday. "
            "SHRI took no position on the thresholds themselves.",
            ("Singapore Human Resources Institute", "neutral"),
        ),
        (
            "The Small Business Enterprise Centre (SBEC) met on Monday. "
            "SBEC called the decision “a death sentence for village shops”.",
            ("Small Business Enterprise Centre", "condemning"),
        ),
        # a chapter speaks for its body
        ("The Colorado chapter of the Sierra Club welcomed the vote.", ("Sierra Club", "supportive")),
        ("Russia dissociated itself from the text.", ("Russia", "opposed")),
        ("China distanced itself from the vote.", ("China", "opposed")),
    ],
)
def test_holders_and_cues_read_in_new_ways(sentence, expected):
    assert expected in rows(f"Levy passes\n{sentence}\n")


def test_an_answer_to_a_question_about_the_objections_is_on_the_decision():
    text = (
        "Norway opens licensing round\n"
        "Kjersti Holmvik, the minister for energy, said the round would be run carefully.\n"
        "Asked about the fishermen's objections, the minister said no licence would be granted in areas "
        "where the institute found “a real risk” to fish stocks.\n"
        "Asked about the water outages, the minister said the repair crews had done “a superb job”.\n"
    )
    answers = [r for r in extract(text, main_target="main", arbiter=False).itertuples() if "Asked" in r.quote]
    # the question's "objections" are the fishermen's, not the minister's; the outages are another matter, and
    # so is an answer that does not speak of the decision (round nineteen: one that does is on it)
    assert [r.actor for r in answers] == ["Kjersti Holmvik"]
    assert "objections" in answers[0].quote and answers[0].stance != "opposed"


def test_a_name_given_an_age_is_a_person_whom_he_means_next():
    text = (
        "Okada ban bites\n"
        "Comrade Taiwo Ogunleye, the union chairman, condemned the ban.\n"
        "Sunday Eze, 34, has ridden an okada in Ikorodu for nine years. He spoke to the Courier at a park.\n"
        "“This ban has finished me,” he said.\n"
    )
    finished = [r.actor for r in extract(text, main_target="main").itertuples() if "finished me" in r.quote]
    assert finished == ["Eze"]


def test_a_minister_named_again_by_her_role_is_whom_he_means_next():
    text = (
        "Fuel price rises\n"
        "Finance Minister Anand Ramsaran said the subsidy was unaffordable.\n"
        "The Tobago House of Assembly said it was still studying the likely impact.\n"
        "The minister was blunt. “There will be no reversal, it is the right decision,” he said.\n"
    )
    table = extract(text, main_target="main")
    # "House" heads a body's name, which runs on into "of Assembly"; "the minister" is Ramsaran, then "he"
    assert "Tobago House of Assembly" in set(table["actor"])
    assert [r.actor for r in table.itertuples() if "reversal" in r.quote] == ["Finance Minister Anand Ramsaran"]


def test_a_correspondent_handed_over_to_at_a_place_reports_others_words():
    text = (
        "Transcript: border markets closed\n"
        "ANCHOR (LUCÍA TAVERAS): Good evening. The government suspended the markets.\n"
        "ANCHOR: Let us cross the river. Marie-Claude Estimé is in Ouanaminthe.\n"
        "MARIE-CLAUDE ESTIMÉ (OUANAMINTHE): Here the gates are closed. One of them, Rose-Michelle Joseph, said: "
        "“They close the door on our children’s food, and they call it security.”\n"
    )
    assert [actor for actor, _ in rows(text)] == ["Rose-Michelle Joseph"]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("The union issued a statement calling the closure “a disgrace”.", "Union"),
        ("Three mayors sent a letter urging the minister to scrap the closure.", "Three mayors"),
    ],
)
def test_what_a_body_issues_speaks_for_it(sentence, actor):
    assert [a for a, _ in rows(f"Border markets closed\n{sentence}\n")] == [actor]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the parse leaves the hyphenated name out of the role's phrase
        ("“This is a disgrace,” said JTA president Dionne Clarke-Grant.", ("Dionne Clarke-Grant", "condemning")),
        # a view stated as X's
        (
            "The CARICOM Secretariat’s view is that the measure is welcome, targeted and consistent with the treaty.",
            ("CARICOM Secretariat", "supportive"),
        ),
        ("The union's view was that the cap was a mistake.", ("Union", "opposed")),
    ],
)
def test_more_holders_the_parse_hides(sentence, expected):
    assert expected in rows(f"School day extended\n{sentence}\n")


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        (
            "ACT-Wazalendo said it welcomed the goal of universal cover but called on the government to fund it.",
            "cautious",
        ),
        (
            "The Beira Chamber of Commerce welcomed the investment but urged the government to publish the contract.",
            "cautious",
        ),
        ("The Beira Chamber of Commerce welcomed the investment but asked for the tariff schedule.", "cautious"),
        # no request after the praise: support
        ("The Beira Chamber of Commerce welcomed the investment and said it would bring jobs.", "supportive"),
    ],
)
def test_support_with_a_request_attached_is_a_reservation(sentence, stance):
    assert [s for _, s in rows(f"Port concession signed\n{sentence}\n")] == [stance]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles and places before a name are no given names ("Bishop", "Ireland"), nor is a family name
        # written first ("Li"): he and she still go to the person the sentence names
        (
            "Former Secretary of State Julian Smith welcomed the act.\n"
            "Northern Ireland Secretary Hilary Benn said he opposed the act.\n",
            ("Ireland Secretary Hilary Benn", "opposed"),
        ),
        (
            "Health Secretary Wes Streeting welcomed the act.\nBishop Sarah Mullally said she opposed the act.\n",
            ("Bishop Sarah Mullally", "opposed"),
        ),
        (
            "Trade Minister Wang Lei welcomed the act.\nChinese Premier Li Qiang said he opposed the act.\n",
            ("Chinese Premier Li Qiang", "opposed"),
        ),
        # a guest the presenter says is somewhere is no correspondent
        (
            "ANCHOR: Good evening. Prime Minister Keir Starmer is in Washington tonight.\n"
            "STARMER: These tariffs are a disgrace.\n",
            ("Prime Minister Keir Starmer", "condemning"),
        ),
        # a woman whose surname is House stays a person
        (
            "Sylvia House, who runs a hardware store in Dayton, said the act was a disgrace. "
            "She said she would lose customers.\n",
            ("Sylvia House", "opposed"),
        ),
        # a middle name the locales know does not cut the name after the portfolio
        (
            "Minister of Health Zweli Lawrence Mkhize said the act was a disgrace.\n",
            ("Zweli Lawrence Mkhize", "condemning"),
        ),
    ],
)
def test_the_round_fifteen_rules_do_not_misfire(text, expected):
    assert expected in rows(f"Transcript: act passes\n{text}")


@pytest.mark.parametrize(
    "text",
    [
        # a letter someone received is not theirs
        "Finance Minister Jane Doe received a letter urging her to scrap the levy.\n",
        # an answer on another matter takes no position
        "Asked about the Springboks' World Cup hopes, Finance Minister Jane Doe said she was a great fan.\n",
    ],
)
def test_no_position_where_a_round_fifteen_rule_could_misfire(text):
    assert rows(f"Levy rises\n{text}") == []


def test_a_question_whether_he_opposed_it_is_what_he_answers():
    text = "Levy rises\nAsked if he opposed the levy, opposition leader Sam Dube said he did.\n"
    table = extract(text, main_target="main")
    assert [(r.actor, r.stance) for r in table.itertuples()] == [("Sam Dube", "opposed")]
