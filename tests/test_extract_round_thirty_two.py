"""Round thirty-two of the extractor (issue 12): an office described by its place with no holder named ("The
governor of Umnugovi province backed …"), a count that opens a sentence kept out of a name ("Three KMT members"),
co-holders added by "along with" or "alongside", a round-up's name headings set apart from their paragraph by a
blank line, a surname misread after another sentence, officials "in the ministry", gender from a pronoun before
"and", a name after a body's "of", a Spanish name's first surname alone, a participle aside between commas read as
the subject's verb, and a few cues. Sentences written for these tests, not the corpus's."""

import functools

import pytest

from analysis.extract.parse import parse
from conftest import extract_actors, extract_cues, extract_holders_of, extract_rows

actors = functools.partial(extract_actors, arbiter=False)

LEDE = "Fuel levy raised\n\nThe government raised the fuel levy by a third on Monday, the ministry said.\n"


def _holders(sentence: str, words: str) -> list[str]:
    return extract_holders_of(LEDE + sentence + "\n", words, arbiter=False)


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        (
            "The governor of Umnugovi province, home to the largest mine, backed the levy.",
            "Governor of Umnugovi province",
        ),
        ("The mayor of Lusaka said the levy was welcome.", "Mayor of Lusaka"),
    ],
)
def test_an_office_described_by_its_place_holds_the_position_when_no_holder_is_named(sentence, holder):
    assert _holders(sentence, "levy") == [holder]


def test_an_office_of_a_place_with_its_holder_named_after_it_is_that_person():
    holders = _holders(
        "The president of the Colegio de Médicos del Zulia, Freddy Atencio, rejected the levy.", "rejected"
    )
    assert holders == ["Freddy Atencio"]


def test_the_head_of_state_is_no_office_of_a_place():
    text = LEDE + "The presidential administration declined to say when the head of state would sign the levy.\n"
    assert not any(actor.lower().startswith("head of state") for actor in actors(text))


def test_an_office_of_a_place_lends_no_surname_to_a_body_named_after_the_place():
    text = (
        "Reactor restart approved\n\nThe governor of Hokkaido on Tuesday gave her consent to the restart.\n\n"
        "Hokkaido Electric Power Co, which operates the plant, welcomed the decision.\n"
    )
    assert extract_holders_of(text, "welcomed", arbiter=False) == ["Hokkaido Electric Power Co"]


def test_a_count_that_opens_the_sentence_is_no_part_of_a_name():
    holders = _holders("Three KMT members voted against the levy.", "voted")
    assert holders and not any(holder.startswith("Three") for holder in holders)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hsu voted against the levy, along with the TPP's Ko Wei-lun.", ["Hsu", "Ko Wei-lun"]),
        ("The Greens voted against the levy alongside the SNP.", ["Greens", "SNP"]),
        ("Labour backed the levy together with Plaid Cymru.", ["Labour", "Plaid Cymru"]),
    ],
)
def test_who_acts_along_with_the_subject_holds_its_position(sentence, expected):
    assert _holders(sentence, "levy") == expected


def test_along_with_a_description_adds_no_holder():
    assert _holders("Labour backed the levy along with its allies.", "levy") == ["Labour"]


def test_a_name_heading_set_apart_by_a_blank_line_names_who_its_paragraph_is_about():
    text = (
        "Reactions to the worker cap\n\nThe ministry announced the cap on Sunday.\n\n"
        "Basra Oil Contractors Forum\n\n"
        'The forum, which represents about 40 service firms, described the target as "unworkable" for crews.\n\n'
        "Iraqi Labour Solidarity Network\n\n"
        'The network, a coalition of rights groups, denounced the permit freeze as "a licence to expel people."\n'
    )
    assert extract_holders_of(text, "unworkable", arbiter=False) == ["Basra Oil Contractors Forum"]
    assert extract_holders_of(text, "denounced", arbiter=False) == ["Iraqi Labour Solidarity Network"]


def test_a_section_title_in_capitals_set_apart_by_a_blank_line_names_nobody():
    text = (
        "Analysis: the cashew levy\n\nThe government raised the cashew levy on Monday.\n\n"
        "POLITICAL FIGHT\n\n"
        "The opposition ACT-Wazalendo party said its lawmakers would vote against the levy.\n"
    )
    assert "POLITICAL FIGHT" not in actors(text)


def test_a_copula_naming_critics_is_opposed():
    rows = extract_rows(LEDE + "The opposition parties are fierce critics of the levy.\n", arbiter=False)
    assert ("Opposition parties", "opposed") in rows


@pytest.mark.parametrize(
    "sentence",
    [
        "The committee then voted on the levy. Wang abstained.",
        "The committee then voted on the levy. Liao abstained, saying the modelling had not been published.",
    ],
)
def test_a_surname_the_tagger_misreads_after_another_sentence_still_abstains(sentence):
    rows = extract_rows(LEDE + sentence + "\n", arbiter=False)
    assert any(actor in ("Wang", "Liao") and stance == "neutral" for actor, stance in rows)


def test_officials_in_a_body_named_before_speak_for_it():
    text = (
        "Soya floor price set\n\nThe Ministry of Agriculture set a floor price for soya on Monday.\n\n"
        "Officials in the ministry said the floor was fair to growers.\n"
    )
    assert extract_holders_of(text, "fair to growers", arbiter=False) == ["Ministry of Agriculture"]


@pytest.mark.parametrize(
    ("sentence", "cue", "stance"),
    [
        ("The farmers' union is more guarded about the levy.", "more guarded", "cautious"),
        ("The victims' association says the fines under the levy law are too lenient.", "too lenient", "opposed"),
        ("The regional government said only that the levy was a matter for Baghdad.", "said only that", "neutral"),
    ],
)
def test_new_cues_decide_their_stance(sentence, cue, stance):
    assert (cue, stance) in extract_cues(LEDE + sentence + "\n", arbiter=False)


def test_a_pronoun_before_and_gives_no_gender_to_the_name_after_it():
    text = (
        "Trucks on the riverside\n\nThe ministry wants lorries to wait on the riverside avenue.\n\n"
        "Councillor Marlene Schaefer spoke for twenty minutes.\n\n"
        "“I am against turning the one place where this city breathes into a parking lot,” she said.\n\n"
        "Krauss said the council would go to court. He and Schaefer left the chamber together.\n"
    )
    assert extract_holders_of(text, "parking lot", arbiter=False) == ["Councillor Marlene Schaefer"]


def test_a_name_after_a_bodys_of_is_no_titled_person():
    text = (
        "Trucks on the riverside\n\nCouncillor Marlene Schaefer led the opposition to the ministry's plan. On "
        "Tuesday night, the District council of Encarnación said no.\n\n"
        "“Children ride bicycles where the ministry now wants to park forty-tonne trucks,” she said.\n"
    )
    assert extract_holders_of(text, "forty-tonne", arbiter=False) == ["Councillor Marlene Schaefer"]


def test_a_spanish_names_first_surname_alone_is_that_person():
    text = (
        "Trucks on the riverside\n\nThe ministry wants lorries to wait on the riverside avenue.\n\n"
        "District council chairman Aníbal Krauss Benítez opened the session by reading the ministry's letter.\n\n"
        "Krauss said the council would take the matter to the courts if the ministry did not withdraw it.\n"
    )
    assert extract_holders_of(text, "to the courts", arbiter=False) == ["Aníbal Krauss Benítez"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A representative of the Environment Public Authority, invited to address the session, said it was fine.",
        "A spokesman for the regional government, asked whether Erbil would pay, said only that it was closed.",
    ],
)
def test_a_participle_aside_between_commas_leaves_the_subject_to_the_speech_verb(sentence):
    parsed = parse([sentence])[0]
    said = next(node for node in parsed if node.text == "said")
    assert said.dep_ == "ROOT"
    assert [c.text for c in said.children if c.dep_ == "nsubj"] in (["representative"], ["spokesman"])


def test_the_body_whose_representative_speaks_after_an_aside_holds_the_position():
    text = LEDE + (
        "A representative of the Environment Public Authority, invited to address the session, said the "
        'authority was "still reviewing" the levy.\n'
    )
    assert extract_holders_of(text, "still reviewing", arbiter=False) == ["Environment Public Authority"]


def test_members_named_by_their_partys_side_and_acronym_hold_the_partys_position():
    holders = _holders("Unions are furious and opposition CCC MPs walked out of the chamber over the levy.", "walked")
    assert holders == ["CCC"]
