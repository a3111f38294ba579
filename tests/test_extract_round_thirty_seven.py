"""Round thirty-seven of the extractor (issue 12): who a clause or a pronoun means when a place, a seat or a
heading stands between (the councillor "of Kaaraan", "the member for Sohar", a round-up's "Housing:"); surnames
with a particle ("al-Rashdi"); a correspondent's later lines as narration; an opening participle or view read
by the parser as the subject; a firm's name; "with X praising …". Sentences written for these tests, not the
corpus's."""

from functools import partial

from analysis.extract import extract
from analysis.extract.names import kind_of_name
from analysis.extract.opening_repairs import participle_read_as_subject, subject_read_into_opening_phrase
from analysis.extract.relatives import antecedent, place_after_a_name
from conftest import holders_after_lede
from conftest import misparsed as _parsed

LEDE = "Water tariff raised\n\nThe cabinet raised the water tariff by a third on Monday, the ministry said.\n"
_holders = partial(holders_after_lede, LEDE)


def _actors(body: str) -> set[str]:
    return set(extract(LEDE + body + "\n", main_target="main", arbiter=False)["actor"])


def test_the_councillor_of_a_ward_holds_the_reaction_not_the_ward():
    body = "\nThe strongest opposition came from Councillor Amina Warsame of Hodan, who accused the cabinet of greed."
    actors = _actors(body)
    assert "Councillor Amina Warsame" in actors
    assert not {"Hodan", "Strongest opposition"} & actors


def test_which_after_a_body_in_a_city_is_the_body():
    # "The Authority in Nizwa, which must approve it, said …" with the clause hung on the city
    sentence = _parsed(
        "The/DT/det<1 Authority/NNP/nsubj<9 in/IN/case<3 Nizwa/NNP/nmod<1 ,/,/punct<7 which/WDT/nsubj<7 "
        "must/MD/aux<7 approve/VB/acl:relcl<3 it/PRP/obj<7 said/VBD/ROOT<9"
    )
    assert antecedent(sentence[5]).text == "Authority"
    # the mayor of a city is no name the city is placed after
    mayor = _parsed(
        "the/DT/det<1 mayor/NN/nsubj<6 of/IN/case<3 Nizwa/NNP/nmod<1 ,/,/punct<5 who/WP/nsubj<6 said/VBD/ROOT<6"
    )
    assert not place_after_a_name(mayor[3])


def test_the_seat_a_member_holds_is_no_person():
    body = (
        "\nAn amendment tabled by Yusuf al-Badri, the member for Sohar, to halve the rise was defeated. "
        "Al-Badri told members the rise was a disgrace. He abstained in the final vote."
    )
    assert _holders(body, "abstained") == ["Yusuf al-Badri"]
    assert _holders(body, "disgrace") == ["Yusuf al-Badri"]
    assert "Sohar" not in _actors(body)


def test_a_surname_with_its_particle_is_the_person_named_before():
    body = (
        "\nDr Salim al-Harthi, who chairs the committee, opened the debate.\n\n"
        "Closing the debate, al-Harthi dismissed the warnings as exaggerated."
    )
    assert _holders(body, "exaggerated") == ["Dr Salim al-Harthi"]


def test_a_round_ups_topic_heading_is_no_actor():
    body = (
        "\nHousing: The Ministry of Housing reopened its loan scheme. Applicants who spoke to us welcomed the "
        "reopening of the scheme."
    )
    assert "Housing" not in _actors(body)
    assert _holders(body, "welcomed") == ["Applicants"]


def test_a_correspondents_later_lines_are_narration():
    text = (
        "Morning transcript: water tariff\n\nPRESENTER: Good morning. The cabinet has raised the water tariff.\n\n"
        "REPORTER (TOM KAVANA): The decision was announced yesterday.\n\n"
        "KAVANA: The Treasury says the rise will save money. The reaction from teachers was careful.\n"
    )
    table = extract(text, main_target="main", arbiter=False)
    assert not {"Kavana", "Tom Kavana"} & set(table["actor"])
    assert "Treasury" in set(table["actor"])


def test_the_subject_read_into_an_opening_view_is_the_verbs():
    # "In the view of opposition leader Peter Toli, cabinet has acted …", the subject read as the name's head
    sentence = _parsed(
        "In/IN/case<2 the/DT/det<2 view/NN/obl<11 of/IN/case<9 opposition/NN/compound<5 leader/NN/compound<6 "
        "Peter/NNP/compound<9 Toli/NNP/flat<6 ,/,/punct<6 cabinet/NN/nmod<2 has/VBZ/aux<11 acted/VBN/ROOT<11"
    )
    subject_read_into_opening_phrase(sentence)
    assert (sentence[9].dep_, sentence[9].head.text) == ("nsubj", "acted")
    assert (sentence[6].dep_, sentence[6].head.text) == ("nmod", "view")


def test_according_to_a_source_another_speaker_still_holds_their_words():
    body = (
        "\nWater Minister Mary Tako backed the rise.\n\nAccording to two officers present at a briefing in Rove, she "
        "told senior staff that the old tariff had become “a risk we can no longer take.”"
    )
    assert _holders(body, "we can no longer") == ["Minister Mary Tako"]
    assert not any(actor.startswith("According") for actor in _actors(body))


def test_a_firms_name_is_no_persons():
    assert kind_of_name("Pacific Diesel Services", default="person") == "organization"
    assert kind_of_name("Atlas Mining Holdings", default="person") == "organization"
    assert kind_of_name("John Stuart Mills", default="person") == "person"
    body = (
        "\nThe Tenants’ Council said the rise was built on their patience.\n\nPacific Diesel Services said the "
        "rise was premature. The company urged the utility to delay the rise."
    )
    assert _holders(body, "urged") == ["Pacific Diesel Services"]


def test_with_someone_doing_it_they_do_it():
    body = "\nReaction in Parliament split along party lines, with independent MP Florence Taro praising the rise."
    assert _holders(body, "praising") == ["MP Florence Taro"]


def test_a_long_ministry_name_after_a_round_up_heading_is_whole():
    body = (
        "\nTRADE. The Ministry of Trade, Co-operatives, Micro, Small and Medium Enterprises and Communications "
        "gave the rise a cautious welcome."
    )
    assert _holders(body, "cautious welcome") == [
        "Ministry of Trade, Co-operatives, Micro, Small and Medium Enterprises and Communications"
    ]


def test_a_person_left_unnamed_is_named_by_the_name_they_gave():
    body = "\nHer neighbour, who gave his name only as Abu Salem, said the rise was a disgrace."
    assert _holders(body, "disgrace") == ["Abu Salem"]
    body = "\n“They take our water money,” said one driver at the depot, who gave only his first name, Karim."
    assert _holders(body, "water money") == ["Karim"]
    # a name the clause does not give stays unsaid
    body = "\nOne driver, who gave no name, said the rise was a disgrace."
    assert _holders(body, "disgrace") == ["One driver"]


def test_who_speaks_after_an_opening_participle_is_the_subject():
    body = (
        "\nPresenting the bill, Maria Tavares, the minister of water, energy and housing, said the new tariff was "
        "“a fair price for clean water”."
    )
    assert _holders(body, "fair price") == ["Maria Tavares"]
    # not a description's noun after a name inside the opening ("as X, a French MEP, calls …")
    sentence = _parsed(
        "Heckling/VBG/nsubj<9 from/IN/case<2 benches/NNS/obl<0 as/IN/case<4 Gall/NNP/nmod<2 ,/,/punct<7 "
        "a/DT/det<7 MEP/NN/appos<4 ,/,/punct<9 calls/VBZ/ROOT<9"
    )
    participle_read_as_subject(sentence)
    assert sentence[0].dep_ == "nsubj"
    # where the name is the opening's own apposition, it is the subject
    sentence = _parsed(
        "Closing/VBG/nsubj<5 the/DT/det<2 debate/NN/obj<0 ,/,/punct<4 Harthi/NNP/appos<2 dismissed/VBD/ROOT<5"
    )
    participle_read_as_subject(sentence)
    assert (sentence[4].dep_, sentence[0].dep_) == ("nsubj", "advcl")


def test_an_acronym_that_spells_a_pronoun_is_a_name():
    assert _holders("\nThe WHO hailed the rise as a model for the region.", "hailed") == ["WHO"]
    # the relative pronoun stays one
    body = "\nThe Consumer Council, who had asked for a freeze, condemned the rise."
    assert _holders(body, "condemned") == ["Consumer Council"]
