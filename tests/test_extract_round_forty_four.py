"""Round forty-four of the extractor (issue 12): people of a place named by its possessive ("Gibraltar's
environmental groups"), not its government; a named body's committee, a body of its own, also where the parser
read it inside the owner's name; a party named by a plural ("the Gibraltar Social Democrats") and "the party"
after it; a place and a title in capitals before a person's name; a school's name, which is no person; "in"
inside a body's name; heckling and jeering. Sentences written for these tests, not the corpus's."""

from functools import partial

from conftest import holders_after_lede, table_after_lede

LEDE = "Tariff raised\n\nThe government approved a higher water tariff on Monday, officials said.\n"
_table = partial(table_after_lede, LEDE)
_holders = partial(holders_after_lede, LEDE)


def _stances(body: str, words: str) -> list[tuple[str, str]]:
    table = _table(body)
    return [(row.actor, row.stance) for row in table.itertuples() if words in row.evidence]


def test_a_places_groups_of_people_are_the_people_not_its_government():
    body = "\nGibraltar's main environmental groups welcomed the tariff."
    assert _holders(body, "welcomed the tariff") == ["Gibraltar's main environmental groups"]


def test_a_place_possessing_its_government_is_still_the_government():
    body = "\nKenya's government welcomed the tariff."
    assert _holders(body, "welcomed the tariff") == ["Kenya's government"]


def test_a_named_bodys_committee_is_a_body_of_its_own():
    body = "\nThe National Assembly's health committee said it had not taken a position on the tariff."
    assert _holders(body, "not taken a position") == ["National Assembly's health committee"]


def test_a_committee_read_inside_its_owners_name_is_the_subject():
    body = (
        "\nThe House of Assembly's health portfolio committee, chaired by MP Sandile Ginindza, said it had not "
        "taken a position on the tariff."
    )
    assert _holders(body, "not taken a position") == ["House of Assembly's health portfolio committee"]


def test_a_party_whose_name_opens_with_a_place_is_the_party():
    body = "\nThe Gibraltar Social Democrats said the tariff was a mistake."
    assert _holders(body, "a mistake") == ["Gibraltar Social Democrats"]


def test_the_party_after_a_party_named_by_a_plural_is_that_party():
    body = (
        "\nThe Gibraltar Social Democrats criticised the tariff."
        "\n\nThe party said it would table a motion asking for the increase to be phased in over three years."
    )
    assert _holders(body, "phased in") == ["Gibraltar Social Democrats"]


def test_members_from_a_known_place_are_people_from_there():
    body = "\nSome members from Kenya heckled the minister over the tariff."
    assert _stances(body, "heckled") == [("Some members from Kenya", "opposed")]


def test_members_from_a_body_still_speak_for_it():
    body = "\nMembers from Greenpeace heckled the minister over the tariff."
    assert _holders(body, "heckled") == ["Greenpeace"]


def test_a_handful_of_people_heckling_is_a_vague_group_opposed():
    body = "\nA handful of residents jeered the minister over the tariff."
    assert _stances(body, "jeered") == [("A handful of residents", "opposed")]


def test_a_place_and_a_title_before_a_persons_name_make_a_person_whose_quotation_follows():
    body = (
        "\nPupils will move to Nhlangano Central Primary in January."
        "\n\nShiselweni Regional Education Officer Mcebisi Bhembe defended the tariff at length on Tuesday."
        "\n\n“I understand the pain. But the tariff is fair and the money goes into pipes.”"
    )
    assert _holders(body, "defended the tariff") == ["Mcebisi Bhembe"]
    assert _holders(body, "the tariff is fair") == ["Mcebisi Bhembe"]


def test_in_inside_a_bodys_name_keeps_the_name_whole():
    body = "\nThe tariff was welcomed by the Solomon Islands Women in Business Association."
    assert _holders(body, "welcomed") == ["Solomon Islands Women in Business Association"]


def test_the_first_to_rise_against_it_is_opposed():
    body = "\nMP Sakhile Nxumalo was the first to rise against the tariff."
    assert _stances(body, "rise against") == [("MP Sakhile Nxumalo", "opposed")]


def test_the_government_as_a_main_clauses_subject_is_who_it_means_next():
    lede = "Permit quashed\n\nThe Gibraltar government granted the permit in 2023.\n"
    body = (
        "\nEastside Holdings said it was disappointed."
        "\n\nThe Government has now responded. It says it profoundly disagrees with the judgment."
    )
    assert holders_after_lede(lede, body, "profoundly disagrees") == ["Gibraltar"]


def test_rejecting_a_charge_called_unfair_is_opposing_the_charge():
    body = '\nThe Association of Spanish Workers rejected the tariff charge as "discriminatory".'
    assert [stance for _, stance in _stances(body, "rejected")] == ["opposed"]


def test_rejecting_charges_as_baseless_still_backs_what_was_charged():
    body = "\nThe Water Authority rejected the charges as baseless."
    assert [stance for _, stance in _stances(body, "rejected")] == ["supportive"]


def test_objections_that_come_from_a_body_are_its_own():
    body = "\nThe sharpest objections come from the National Trust Commission, which manages the reserve."
    assert _stances(body, "sharpest objections") == [("National Trust Commission", "opposed")]


def test_backing_a_fight_against_the_decision_opposes_it():
    body = '\nThe federation said it stood "fully behind" the railway workers in their fight against the tariff.'
    assert [stance for _, stance in _stances(body, "fully behind")] == ["opposed"]


def test_backing_a_campaign_against_a_wrong_the_decision_fights_is_no_opposition():
    body = "\nThe union said it supports the minister's campaign against smuggling."
    assert [stance for actor, stance in _stances(body, "supports") if actor == "Union"] not in ([], ["opposed"])
