"""Round forty-three of the extractor (issue 12): local bodies the tagger does not know ("hukumat", "jamoat") and a
district named by its name and its kind; an opening adverb of place read as a name; the name "one" gave; the body
an "according to" opening credits, for the pronouns after it; an acronym read as an adjective; "as" read as a
preposition before a list of subjects; the imam of a named mosque; "lined up against". Sentences written for
these tests, not the corpus's."""

from functools import partial

from analysis.extract.verb_form_repairs import descriptor_read_as_second_subject
from conftest import holders_after_lede, table_after_lede
from conftest import misparsed as _parsed

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


def test_a_round_up_heading_in_capitals_names_the_body_the_ministry_is():
    body = (
        "\nMINISTRY OF WATER. The ministry said in its release that the tariff would “finally pay for the pipes”."
        "\n\nFARMERS UNION OF KHATLON. The union said the tariff was “a blow to every village”."
        "\n\nCHAMBER OF COMMERCE. The chamber said it welcomed the tariff."
    )
    assert _holders(body, "finally pay for the pipes") == ["Ministry of Water"]
    assert _holders(body, "it welcomed the tariff") == ["Chamber of Commerce"]


def test_a_coalition_in_government_is_not_the_government():
    body = (
        "\nUnity, the coalition in government, will vote for the tariff."
        '\n\nThe government\'s spokesperson said: "A fairer tariff is one vote away."'
    )
    holders = _holders(body, "one vote away")
    assert holders and holders[0] != "Unity"


def test_a_long_title_after_a_name_is_the_persons_role():
    body = (
        "\nThe tariff was presented by Davron Karimov, chairman of the Commission for Tariffs and Public Utilities "
        "(CTPU), who said it was fair."
        "\n\nFarida Nazarova, the deputy chairman who presided over the sitting, declined to give her own view."
        "\n\nClosing the debate, the CTPU chairman rejected the charge that the tariff was unfair."
    )
    assert _holders(body, "rejected the charge") == ["Davron Karimov"]


def test_not_convinced_is_a_cue_of_opposition():
    # the dev splits' writers read "not convinced" and "unconvinced" as opposed 12 times, cautious 6
    table = _table("\nThe Bakers' Association was not convinced by the tariff.")
    rows = table[table["actor"] == "Bakers' Association"]
    assert list(zip(rows["cue"], rows["stance"])) == [("not convinced", "opposed")]


def test_one_woman_who_put_it_like_this_speaks():
    body = '\nOne woman who sells bread put it like this: "They want us to pay more for water we never get."'
    assert _holders(body, "pay more for water") == ["One woman"]


def test_a_second_relative_clause_stands_for_what_the_first_does():
    body = (
        "\nThe tariff was criticised by Parvina Saidova, who worked in the ministry before opening a shop in "
        "Khorog, and who said the rise was “an eternity of debt”."
    )
    assert "Khorog" not in set(_table(body)["actor"])


def test_a_common_noun_before_a_party_name_describes_it():
    # the parser's reading of "The opposition Democratic Party of Socialists said it would …"
    sentence = _parsed(
        "The/DT/det<1 opposition/NN/nsubj<6 Democratic/NNP/amod<3 Party/NNP/nsubj<6 of/IN/case<5 "
        "Socialists/NNPS/nmod<3 said/VBD/ROOT<6 it/PRP/nsubj<9 would/MD/aux<9 ask/VB/ccomp<6"
    )
    descriptor_read_as_second_subject(sentence)
    opposition, party, said = sentence[1], sentence[3], sentence[6]
    assert opposition.head is party and opposition.dep_ == "compound"
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Party"]


def test_two_subjects_apart_stay_two_subjects():
    sentence = _parsed("Police/NN/nsubj<3 ,/,/punct<2 Oxfam/NNP/nsubj<3 said/VBD/ROOT<3 no/DT/obj<3")
    descriptor_read_as_second_subject(sentence)
    assert sentence[2].dep_ == "nsubj"


def test_votes_from_a_list_end_where_a_clause_of_others_begins():
    body = "\nThe 41 votes in favour came from the Unity Party and Renewal, while 12 PSD and Levo deputies voted no."
    table = _table(body)
    assert set(table.loc[table["actor"].isin(["Unity Party", "Renewal"]), "stance"]) == {"supportive"}
    assert set(table.loc[table["actor"].isin(["PSD", "Levo"]), "stance"]) == {"opposed"}
    assert {"PSD", "Levo"} <= set(table["actor"])


def test_a_foreign_ministry_spokesman_of_a_named_nationality_is_that_countrys():
    body = (
        "\nThe Uzbek government said nothing.\n\nA Chinese foreign ministry spokesman said the tariff was "
        "“a model of cooperation”."
    )
    holders = _holders(body, "a model of cooperation")
    assert holders == ["Chinese foreign ministry"]
