"""Round forty-three of the extractor (issue 12): local bodies the tagger does not know ("hukumat", "jamoat") and a
district named by its name and its kind; an opening adverb of place read as a name; the name "one" gave; the body
an "according to" opening credits, for the pronouns after it; an acronym read as an adjective; "as" read as a
preposition before a list of subjects; the imam of a named mosque; "lined up against". Sentences written for
these tests, not the corpus's."""

from functools import partial

from conftest import holders_after_lede, table_after_lede

LEDE = "Fee raised\n\nThe government approved a higher water tariff on Monday, officials said.\n"
_table = partial(table_after_lede, LEDE)
_holders = partial(holders_after_lede, LEDE)


def test_a_local_body_the_tagger_does_not_know_is_a_body():
    body = "\nThe Vakhsh district hukumat said in a statement that it welcomed the tariff."
    assert _holders(body, "welcomed the tariff") == ["Vakhsh district hukumat"]


def test_the_body_of_a_named_district_is_named_without_its_relative_clause():
    body = (
        "\nThe hukumat of Rasht district, which had asked for a lower rate, said it “deeply regretted” not being "
        "consulted."
    )
    assert _holders(body, "deeply regretted") == ["Hukumat of Rasht district"]


def test_an_opening_adverb_of_place_is_no_name():
    body = "\nDownstream, the Kofarnihon city hukumat has not commented on the tariff."
    assert _holders(body, "has not commented") == ["Kofarnihon city hukumat"]


def test_the_name_one_gave_is_the_speaker():
    body = '\n"This tariff is a disgrace," said one, who gave his name as Rustam.'
    assert _holders(body, "a disgrace") == ["Rustam"]


def test_one_described_after_a_comma_gives_his_name_too():
    body = (
        "\nOne, a bread seller who gave his name only as Farrukh, called the tariff “a kick in the teeth for "
        "small people”."
    )
    assert _holders(body, "a kick in the teeth") == ["Farrukh"]


def test_the_pronoun_after_an_according_to_opening_is_the_sources():
    body = (
        "\nThe Chamber of Hoteliers welcomed it."
        "\n\nAccording to the Federation of Market Traders, its members want a transition period of two years."
    )
    assert _holders(body, "want a transition period") == ["Federation of Market Traders"]


def test_an_acronym_before_office_names_the_body():
    body = "\nThe FAO office in Khorog gave the tariff a cautious welcome."
    assert _holders(body, "a cautious welcome") == ["FAO"]


def test_as_before_a_list_of_subjects_opens_their_clause():
    body = (
        "\nThe tariff dominated the week, with the ministry defending it as doctors, unions and opposition parties "
        "lined up against it."
    )
    table = _table(body)
    opposed = set(table.loc[table["stance"] == "opposed", "actor"])
    assert {"Doctors", "Unions", "Opposition parties"} <= opposed


def test_as_a_preposition_stays_a_preposition():
    body = "\nThe minister, speaking as a farmer, welcomed the tariff."
    assert "Farmer" not in set(_table(body)["actor"])


def test_the_imam_of_a_named_mosque_is_a_person_described():
    body = (
        "\nThe imam of the Sarband mosque, who hosted the meeting, did not take a position, saying his door was "
        "“open to both sides”."
    )
    table = _table(body)
    rows = table[table["actor"].str.contains("mosque")]
    assert list(rows["actor"]) == ["Imam of the Sarband mosque"]
    assert list(rows["stance"]) == ["neutral"]
