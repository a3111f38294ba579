"""Round thirty-one of the extractor (issue 12): members named with a Romance party ("Senators of the Partido de
la U"), an acronym's plural read as a singular ("the Kataeb party's MPs"), a union's section; parse repairs for
a name left as the root before its description, a verb after an aside read as a participle, a plural's
possessive apostrophe read as a closing quotation mark, a known name read as an adverb, a portfolio of two
fields read as a list ("Mines and Energy Minister …"), a stance verb read as a noun after a body's common noun
("The party proposes …"); a name equated with the role of a position's holder ("its most determined opponent
is …"); "Programme Officer" as a role. Sentences written for these tests, not the corpus's."""

import functools

import pytest

from analysis.extract.parse import parse
from conftest import extract_actors, extract_holders_of

actors = functools.partial(extract_actors, arbiter=False)

LEDE = "Fuel levy raised\n\nThe government raised the fuel levy by a third on Monday, the ministry said.\n"


def _holders(sentence: str, words: str) -> list[str]:
    return extract_holders_of(LEDE + sentence + "\n", words, arbiter=False)


def test_members_of_a_romance_party_are_the_partys():
    holders = _holders(
        "Senators of the Partido de la U walked out before the vote, calling the levy “a robbery”.", "walked"
    )
    assert holders == ["Partido de la U"]


def test_an_acronyms_plural_read_as_a_singular_still_names_members_of_the_party():
    assert _holders("In Beirut, the Kataeb party's MPs have walked out of the session.", "walked out") == [
        "Kataeb party"
    ]


def test_a_unions_section_speaks_for_the_union():
    holders = _holders("The CFDT section, the largest union at the depot, welcomed the levy.", "welcomed")
    assert holders == ["CFDT"]


@pytest.mark.parametrize(
    ("sentence", "verb", "subject"),
    [
        (
            "Valentin Tudose, chief economist at a Bucharest brokerage, calls the levy a credible step.",
            "calls",
            "Tudose",
        ),
        ("The Taichung City Government, while backing the increase, called for an exemption.", "called", "Government"),
        ("Liao abstained, saying the modelling had not been published.", "abstained", "Liao"),
        ("The party proposes moving the levy to 2029.", "proposes", "party"),
    ],
)
def test_the_subject_a_misparse_hid_is_the_verbs(sentence, verb, subject):
    parsed = parse([sentence])[0]
    found = next(node for node in parsed if node.text == verb)
    assert found.dep_ == "ROOT" and found.tag_.startswith("VB")
    assert any(child.dep_ == "nsubj" and child.text == subject for child in found.children)


def test_a_person_with_an_employer_in_the_description_holds_it_not_the_place():
    sentence = "Valentin Tudose, chief economist at a Bucharest brokerage, calls the levy “a credible first step”."
    assert _holders(sentence, "credible") == ["Valentin Tudose"]


def test_a_body_before_an_aside_holds_the_verb_after_it():
    sentence = "The Taichung City Government, while backing the increase, called for an exemption for buses."
    assert _holders(sentence, "exemption") == ["Taichung City Government"]


def test_a_plurals_possessive_apostrophe_is_no_closing_quotation_mark():
    parsed = parse(["The builders' association AICCOPN struck a similar note."])[0]
    association = next(node for node in parsed if node.text == "association")
    assert association.dep_ == "nsubj" and association.head.text == "struck"
    assert {child.text for child in association.children} >= {"builders", "AICCOPN"}
    holders = _holders("The builders' association AICCOPN welcomed the levy, though it asked for a delay.", "welcomed")
    assert holders == ["AICCOPN"]


def test_a_portfolio_of_two_fields_is_one_ministers():
    sentence = "Mines and Minerals Development Minister Chanda Mwelwa told reporters the levy was necessary."
    holders = _holders(sentence, "told reporters")
    assert len(holders) == 1 and holders[0].endswith("Chanda Mwelwa")
    # two titles joined by "and" stay two roles of one person
    sentence = "Deputy Prime Minister and Defence Minister Tomasz Wierzbicki said the levy was necessary."
    assert any(h.endswith("Tomasz Wierzbicki") for h in _holders(sentence, "necessary"))


def test_a_name_equated_with_an_opponent_holds_the_opposition():
    sentence = "The levy's most determined opponent is the Civil Service Workers' Union (CSWU)."
    table = extract_holders_of(LEDE + sentence + "\n", "opponent", arbiter=False)
    assert table == ["Civil Service Workers' Union"]


def test_a_programme_officer_is_the_person_named_after_the_role():
    sentence = "Its Programme Officer, Ms Tiyamike Kalua, said the levy “closes part of the gap” in road funding."
    assert _holders(sentence, "closes part") == ["Ms Tiyamike Kalua"]


def test_conditions_and_reserve_are_read():
    text = LEDE + (
        "The union said it supported the increase “on one condition”.\nFuel retailers are keeping their powder dry.\n"
    )
    from analysis.extract import extract

    table = extract(text, main_target="main", arbiter=False)
    stances = dict(zip(table["actor"], table["stance"], strict=False))
    assert stances.get("Union") == "cautious"
    assert stances.get("Retailers") == "neutral"
    assert actors(text) >= {"Union", "Retailers"}


def test_a_ministrys_second_field_is_no_second_body():
    holders = _holders("The Ministry of Finance and the Economy said the levy was necessary.", "necessary")
    assert holders == ["Ministry of Finance"]
    # two bodies joined by "and" stay two
    holders = _holders("The Ministry of Health and the Teachers Union welcomed the levy.", "welcomed")
    assert set(holders) == {"Ministry of Health", "Teachers Union"}


def test_two_bodies_named_by_international_and_watch_are_two():
    sentence = "Amnesty International and Human Rights Watch both called the levy a step forward."
    assert set(_holders(sentence, "step forward")) == {"Amnesty International", "Human Rights Watch"}


def test_an_adverb_in_capitals_opening_a_sentence_is_no_name():
    text = LEDE + "Predictably, the union opposed the levy.\n"
    assert "Predictably" not in actors(text)
    assert "Union" in actors(text)


def test_a_bodys_regional_office_is_no_person_and_its_it_is_the_body():
    text = LEDE + (
        "A spokesperson for the EU delegation said only that Brussels was “studying the text carefully”.\n"
        "Greenpeace Africa hailed what it called “a courageous first step” and urged a full audit.\n"
    )
    assert extract_holders_of(text, "courageous", arbiter=False) == ["Greenpeace Africa"]


def test_its_in_a_view_framed_for_a_body_is_that_bodys():
    text = LEDE + (
        "Industrial tariffs, including the one paid by the smelter TALCO, are unchanged.\n"
        "For the Ministry of Energy, the rise is overdue arithmetic: tariffs, in its account, have covered barely "
        "two-thirds of the cost since 2019.\n"
    )
    assert extract_holders_of(text, "overdue arithmetic", arbiter=False) == ["Ministry of Energy"]


def test_a_given_name_with_an_accent_has_the_gender_of_its_plain_spelling():
    from analysis.extract.given_names import gender_of_name

    assert gender_of_name("María Auxiliadora") == gender_of_name("Maria Auxiliadora") == "f"
    text = LEDE + (
        "On Monday, Father Miguel Ángel Roberts, parish priest of María Auxiliadora, said mass at the depot. "
        "He called on the ministry “to sit down with the drivers and find a solution”.\n"
    )
    assert extract_holders_of(text, "He called", arbiter=False) == ["Father Miguel Ángel Roberts"]


def test_what_a_speaker_expects_of_others_in_a_labelled_quotation_is_the_speakers():
    text = LEDE + (
        "Simon Carver, General Secretary of the National Association of Head Teachers (NAHT), said:\n"
        "“School leaders will welcome the clarity that a single national rule brings. But the money must be real.”\n"
    )
    assert extract_holders_of(text, "School leaders will welcome", arbiter=False) == ["Simon Carver"]


def test_a_chairs_label_is_no_mister_after_mr_chair():
    text = (
        "Assembly approves fare rise\n\nThe following is an edited record of the session.\n"
        "CHAIR (Deputy Mayor Nilgün Erdem): We move to item four, the fare proposal.\n"
        "Cllr Ayşe Kaplan (AKP): Mr Chair, a family with two commuters will pay an extra 1,400 lira a month.\n"
        "CHAIR: I support the proposal, which is long overdue and fair to the drivers.\n"
    )
    assert "Mr" not in actors(text)


def test_a_name_tagged_as_a_verb_before_its_modal_is_the_subject():
    text = LEDE + (
        "The National Chamber of Entrepreneurs, known as Atameken, struck a more measured tone. In a statement, the "
        "chamber said it understood the government’s concern about fuel prices but warned that repeated levies "
        "“undermine the trust of foreign partners.” Atameken would back a temporary restriction only if it came "
        "with compensation for exporters holding signed contracts, the statement added.\n"
    )
    assert extract_holders_of(text, "would back", arbiter=False) == ["Atameken"]


def test_a_local_body_by_its_own_countrys_noun_is_named_and_referred_back_to():
    text = LEDE + (
        "The Samarkand city hokimiyat announced the relocation of the market on Monday.\n"
        "The hokimiyat says the move will take heavy lorries out of the old city.\n"
    )
    assert extract_holders_of(text, "The hokimiyat says", arbiter=False) == ["Samarkand city hokimiyat"]


def test_a_bodys_noun_read_as_an_adverb_after_a_possessive_heads_the_phrase():
    holders = _holders("The fishermen's cooperative welcomed the levy.", "welcomed")
    assert holders == ["Fishermen's cooperative"]


def test_disagrees_before_a_colon_is_the_names_verb():
    sentence = "Her Lisbon colleague Henrique Bastos disagrees: in his view, the levy is a mistake."
    assert _holders(sentence, "a mistake") == ["Henrique Bastos"]
    parsed = parse(["Henrique Bastos disagrees: in his view, the levy is a mistake."])[0]
    verb = next(node for node in parsed if node.text == "disagrees")
    assert verb.tag_ == "VBZ" and any(child.dep_ == "nsubj" and child.text == "Bastos" for child in verb.children)


def test_the_representatives_of_a_vague_group_are_named_as_the_text_names_them():
    holders = _holders("Workers' representatives on the council welcomed the levy as well.", "welcomed")
    assert holders == ["Workers' representatives"]


def test_the_letters_after_a_ministers_name_are_a_title():
    sentence = "The Minister for Housing, Local Government and Heritage, Eoin Gallagher TD, has welcomed the levy."
    assert _holders(sentence, "welcomed") == ["Eoin Gallagher"]
