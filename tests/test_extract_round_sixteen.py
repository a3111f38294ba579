"""Round sixteen of the extractor (issue 12): the subject a relative clause hides from the parser, a prime
minister who is not the minister named before, a reporter the presenter hands over to, feelings predicated
of a group, and three-word names read by their first given name. Sentences written for these tests, not the
corpus's."""

import functools

import pytest

from analysis.extract.given_names import gender_of_name
from analysis.extract.parse import parse
from conftest import extract_rows

rows = functools.partial(extract_rows, arbiter=False)


def subject_of(sentence: str, verb: str) -> str:
    (doc,) = parse([sentence])
    node = next(t for t in doc if t.text == verb)
    return " ".join(c.text for c in node.children if c.dep_ in ("nsubj", "nsubj:pass"))


@pytest.mark.parametrize(
    ("sentence", "verb", "subject"),
    [
        ("Dakar, whose port handles a large share of Mali's imports, said it regretted the decision.", "said", "Dakar"),
        ("Outside the Executive, the SDLP, which leads the opposition, rejected the plan.", "rejected", "SDLP"),
        ("Chad, which imports little poultry by sea, abstained.", "abstained", "Chad"),
        (
            "Safaricom, whose platform handles most payments, said in a statement that it would comply.",
            "said",
            "Safaricom",
        ),
    ],
)
def test_the_name_before_a_relative_clause_is_the_subject_of_the_verb_after_it(sentence, verb, subject):
    assert subject_of(sentence, verb) == subject


def test_a_relative_clause_ends_at_its_comma():
    (doc,) = parse(["Nauru, whose sponsorship triggered the rule in 2021, joined the coalition."])
    name = doc[0]
    assert name.dep_ == "nsubj" and name.head.text == "joined" and name.head.dep_ == "ROOT"
    assert name.right_edge.text == "2021"  # the comma and the full stop are the verb's


def test_a_verb_with_its_own_subject_keeps_it():
    (doc,) = parse(["In the town, which was flooded last year, residents said the levee was too low."])
    said = next(t for t in doc if t.text == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["residents"]


def test_the_relative_clause_holder_is_read():
    text = (
        "Poultry tariff agreed\nMinisters agreed a 30 percent tariff on frozen poultry on Monday.\n"
        "Dakar, whose port handles a large share of Mali's imports, said it regretted the decision.\n"
    )
    assert rows(text) == [("Dakar", "opposed")]


def test_a_prime_minister_is_not_the_minister_named_before():
    text = (
        "Fuel prices rise\nKinshasa raised fuel prices on Monday.\n"
        "Jean-Pierre Mbuyi Kalonji, the minister for hydrocarbons, defended the move as unavoidable.\n"
        "A spokesman for the prime minister declined to comment.\n"
    )
    actors = [actor for actor, _ in rows(text)]
    assert actors == ["Jean-Pierre Mbuyi Kalonji", "The prime minister"]


def test_a_prime_minister_introduced_is_the_prime_minister():
    text = (
        "Fuel prices rise\nPrime Minister Judith Suminwa said the rise was needed.\n"
        "Jean-Pierre Mbuyi Kalonji, the minister for hydrocarbons, defended the move as unavoidable.\n"
        "The prime minister said the rise was painful but necessary.\n"
    )
    assert [actor for actor, _ in rows(text)][-1] == "Prime Minister Judith Suminwa"


def test_a_reporter_the_presenter_hands_over_to_reports_others_words():
    text = (
        "Evening bulletin: curfew in Bangui\n"
        "PRESENTER: The government has imposed a night curfew. Ruth Gbazi has reaction from the region.\n"
        'GBAZI: The ECCAS Commission issued a statement expressing "support for the measures taken".\n'
        "GBAZI: A spokeswoman for MINUSCA said the mission takes note of the decision.\n"
    )
    actors = [actor for actor, _ in rows(text)]
    assert "Ruth Gbazi" not in actors and "MINUSCA" in actors


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Traders were angry.", [("Traders", "opposed")]),
        # "furious" reads condemning since round seventeen's lexicon (the dev gold: condemning twice, opposed once)
        ("Unions were furious.", [("Unions", "condemning")]),
        ("The plan was bitter medicine.", []),  # a verdict on a thing, not a feeling of anyone
    ],
)
def test_a_feeling_predicated_of_a_group_is_its_position(sentence, expected):
    assert (
        rows(f"Fee approved\nMinisters approved a 10 percent fee on transit goods on Monday.\n{sentence}\n") == expected
    )


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Elaine Vidal Portuondo", "f"),
        ("Maria Jose Garcia", "f"),
        ("Bishop Sarah Mullally", "f"),  # a title is no given name
        ("Minister Victor Rusu", "m"),
    ],
)
def test_the_first_of_three_names_is_the_given_name(name, gender):
    assert gender_of_name(name) == gender


def test_she_after_a_woman_with_two_surnames_is_her():
    text = (
        "Tariffs rise\nThe telecoms company raised its tariffs on Monday.\n"
        "Lisandra Oliva, who runs a café, said she would gladly pay.\n"
        "Elaine Vidal Portuondo, an economist, was scathing.\n"
        'She called the tariffs "a tax on being poor".\n'
    )
    assert rows(text)[-1][0] == "Elaine Vidal Portuondo"


def test_a_debates_excerpts_are_its_members_words():
    text = (
        "Coaching bill passed\nThe Assembly on Thursday passed the coaching centres bill.\n"
        "Excerpts from the debate:\n"
        "Sunny Kuriakose (Congress): The government is punishing parents for the failure of its own schools. "
        "We will repeal this law.\n"
        "K.V. Sajitha (CPI(M)): We welcome this Bill, which finally puts a stop to coaching factories.\n"
    )
    found = rows(text)
    assert {actor for actor, _ in found} == {"Sunny Kuriakose", "K.V. Sajitha"}
    assert ("K.V. Sajitha", "supportive") in found and ("Sunny Kuriakose", "opposed") in found


def test_one_member_named_with_a_party_is_no_transcript():
    from analysis.extract.transcripts import is_transcript

    assert not is_transcript("Bill passed\nSunny Kuriakose (Congress): We oppose it.\nThe bill passed.\n")


def test_the_chair_of_a_debate_holds_no_position():
    text = (
        "Minimum price debate\nThe Parliament debated the order to raise the minimum price on Tuesday.\n"
        "The Deputy Presiding Officer: The next item of business is a debate on the order. I call the minister.\n"
        "Morag Kennedy: I warmly welcome the order, which will save lives.\n"
        "Carol Dempsey: We oppose this order, because it punishes families.\n"
        "The Deputy Presiding Officer: The motion is therefore agreed to.\n"
    )
    found = [actor for actor, _ in rows(text)]
    # the learned gate may also read the lede ("The Parliament debated the order"); the chair never speaks for a side
    assert not any("Presiding" in actor for actor in found) and found[-2:] == ["Morag Kennedy", "Carol Dempsey"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Okada riders have parked their motorbikes along Kissy Road in protest.", [("Okada riders", "opposed")]),
        ("Abuja has not reacted at all.", [("Abuja", "neutral")]),
        ("Two of the platforms referred queries to the association.", []),  # a count names no one
        ("For the Malian Shippers’ Council, the bigger worry is cost.", [("Malian Shippers’ Council", "cautious")]),
    ],
)
def test_more_positions_read(sentence, expected):
    assert (
        rows(f"Fee approved\nMinisters approved a 10 percent fee on transit goods on Monday.\n{sentence}\n") == expected
    )


def test_a_person_named_in_a_sentence_with_no_position_is_who_he_means_next():
    text = (
        "Court strikes down fee rise\n"
        "Rodrigue Mballa Ndongo, the ministry spokesman, said the ministry would answer in due course.\n"
        "Minister of Higher Education Jacques Fouda Belinga has finally spoken. He said he regretted a ruling.\n"
    )
    assert rows(text)[-1][0] == "Jacques Fouda Belinga"


def test_a_firm_that_rose_on_the_exchange_is_not_who_he_means():
    text = (
        "Steel duties imposed\nThe government imposed duties on imported rebar on Monday.\n"
        "Shares in steelmakers jumped. Nile Delta Steel rose 9.4 per cent.\n"
        "Its chief executive, Hany Fathy, was jubilant. “We have waited three years for this,” he said.\n"
    )
    assert {actor for actor, _ in rows(text)} == {"Hany Fathy"}


def test_a_group_spoken_of_in_a_report_does_not_speak_in_the_next_verb():
    text = (
        "Toll approved\nDeputies approved the toll on Monday.\n"
        "Its president, Hery Rabemananjara, said hauliers had never been consulted and called the planned "
        'lorry toll "a death sentence for small transporters".\n'
    )
    assert rows(text) == [("Hery Rabemananjara", "condemning")]


def test_a_banner_with_a_preposition_in_its_name():
    text = (
        "Rent reform passed\nParliament passed the rent reform on Monday.\n"
        "Forty tenant groups, under the banner of the Right to a Home Alliance, said the reform would hurt renters.\n"
    )
    assert [actor for actor, _ in rows(text)] == ["Right to a Home Alliance"]


# misfires a reviewer found in this round's rules, each fixed
def test_a_name_inside_quoted_words_is_not_who_he_means_next():
    text = (
        "Market tax\nThe council imposed a tax on market stalls.\n"
        'Union president Joseph Obeng called the tax "a betrayal".\n'
        '"My father paid nothing here. Samuel Amoah, who trained me, paid nothing. Now we pay twice," he said.\n'
        "He added that the union would go to court.\n"
    )
    assert {actor for actor, _ in rows(text)} == {"Joseph Obeng"}


def test_a_prime_minister_introduced_in_apposition_is_the_prime_minister():
    text = (
        "Fuel levy\nThe government raised the fuel levy on Monday.\n"
        "The prime minister, Robinah Nabbanja, said the levy was fair.\n"
        'The prime minister later called critics "irresponsible".\n'
    )
    assert {actor for actor, _ in rows(text)} == {"Robinah Nabbanja"}


def test_the_place_in_an_apposition_is_no_subject():
    sentence = (
        "Dr Chidi Okeke, an economist at the University of Lagos, whose work on subsidies was cited by the "
        "minister, warned the cut would fuel inflation."
    )
    (doc,) = parse([sentence])
    assert not any(t.text == "Lagos" and t.dep_ == "nsubj" for t in doc)


def test_an_official_with_the_details_is_no_reporter():
    text = (
        "Mining licence\nPRESENTER: The mining licence was approved today. Mines Minister Gwede Mantashe has the "
        "details.\nMANTASHE: I will sign it, and I welcome this licence.\n"
    )
    assert any(actor.endswith("Gwede Mantashe") for actor, _ in rows(text))


def test_a_committee_chair_may_vote():
    text = (
        "Ban debated\nPRESENTER: The committee debated the ban today.\n"
        "The Chair: I think this ban is a mistake and I will vote against it.\n"
    )
    assert rows(text) != []


@pytest.mark.parametrize(
    "sentence",
    [
        "The fear among riders is real, but the ban is necessary, Transport Minister Edward Katumba said.",
        "Riders in Kawempe now live in fear of arrest, Transport Minister Edward Katumba said.",
    ],
)
def test_feelings_held_by_others_in_a_ministers_sentence(sentence):
    found = rows(f"Boda ban\nThe city banned motorcycle taxis from the centre.\n{sentence}\n")
    assert [actor for actor, _ in found] == ["Transport Minister Edward Katumba"]


def test_an_honorific_is_no_given_name():
    assert gender_of_name("Elder Mary Wanjiku") == "f"
