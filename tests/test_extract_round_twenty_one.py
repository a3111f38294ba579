"""Round twenty-one of the extractor (issue 12): names the tagger misreads ("Vivant and the CSP" read as an
adjective and a common noun), bodies named through their members or their group noun ("the Pirate Party's
three deputies", "the CGT and FO unions", "Several unions, including Unite"), a name after a role and a comma,
a text's name that is no person, a party's acronym after a live blog's time, "the City of X", a party's caucus,
a reporting frame's "it", a round-up's "Others:" and "did not take part in the vote". Sentences written for
these tests, not the corpus's."""

import functools

from analysis.extract import extract
from conftest import extract_actors, extract_rows

rows = functools.partial(extract_rows, arbiter=False)
actors = functools.partial(extract_actors, arbiter=False)


def test_an_unknown_name_tagged_as_an_adjective_heads_a_subject_with_an_acronym():
    text = "Asylum verdict\nEcolo and the PTB, both outside the coalition, welcomed the verdict."
    assert {("Ecolo", "supportive"), ("PTB", "supportive")} <= set(rows(text))


def test_a_nationality_before_a_plural_stays_an_adjective():
    text = "Fishing quota vote\nMost Spanish and Italian MEPs voted against it, across party lines."
    assert "Spanish" not in actors(text)


def test_a_partys_deputies_hold_the_partys_position():
    text = "Sunday trading bill\nIn the final vote the CSV backed it, while the KDU’s four deputies abstained."
    assert ("KDU", "neutral") in set(rows(text))


def test_names_before_their_group_noun_are_the_bodies():
    text = "Pension reform\nThe CGT and FO unions rejected the pension offer outright."
    found = set(rows(text))
    assert {("CGT", "opposed"), ("FO", "opposed")} <= found
    assert not any(actor.lower() == "unions" for actor, _ in found)


def test_bodies_a_group_includes_hold_its_position():
    text = "Pay offer\nSeveral unions, including Unite and the GMB, criticised the offer."
    assert {("Unite", "opposed"), ("GMB", "opposed")} <= set(rows(text))
    text = "Pay offer\nThe plan was criticised by several unions, including Unite and the GMB."
    assert {("Unite", "opposed"), ("GMB", "opposed")} <= set(rows(text))


def test_a_name_after_a_role_and_a_comma_is_the_person():
    text = (
        "Reception ruling\n"
        "In a statement, the State Secretary for Housing and Planning, Marta Oosterhuis, said the government "
        '"takes note" of the judgment.'
    )
    assert "Marta Oosterhuis" in actors(text)
    assert "State Secretary" not in actors(text)


def test_a_texts_name_is_no_he_or_she():
    text = (
        "Reception ruling\n"
        "The court found that the state had breached the European Social Charter. "
        "The ruling was read out in Strasbourg. She added that the finding was “long overdue”."
    )
    assert "European Social Charter" not in actors(text)


def test_a_partys_acronym_after_a_live_blogs_time_is_no_time_zone():
    text = (
        "Live: court upholds rent freeze\n"
        "14:05 KDNP said the ruling was “a victory for tenants”.\n"
        "14:20 GMT – The Liberal Party welcomed the ruling."
    )
    found = set(rows(text))
    assert ("KDNP", "supportive") in found
    assert ("Liberal Party", "supportive") in found


def test_the_city_of_a_place_is_its_local_government():
    text = "Rental freeze\nThe City of Rotterdam welcomed the decision in a short statement."
    assert ("City of Rotterdam", "supportive") in set(rows(text))


def test_a_partys_caucus_speaks_for_the_party():
    text = (
        "Carbon fee\n"
        'The Taiwan People\'s Party (TPP) caucus said the rate had been decided "behind closed doors" and called '
        "for public hearings."
    )
    table = extract(text, main_target="main", arbiter=False)
    assert any(
        row.actor == "Taiwan People's Party" and row.quote.startswith("The Taiwan People's Party (TPP) caucus said")
        for row in table.itertuples()
    )


def test_a_name_before_a_possessive_description_is_the_speaker():
    text = "Live: marriage ruling\n09:15 — Rengo, Japan’s largest labour federation, says it “welcomes” the ruling."
    assert "Rengo" in actors(text)
    assert "Japan" not in actors(text)


def test_it_in_a_reporting_frame_is_the_reporter_not_the_subject_it_frames():
    text = (
        "Power cable deal\n"
        "The Ministry of Energy said the signing marked “the end of our isolation”. "
        "Consumers would see lower bills “once the cable is switched on”, it said, without giving a date."
    )
    assert "Consumers" not in actors(text)
    assert [actor for actor, _ in rows(text)] == ["Ministry of Energy", "Ministry of Energy"]


def test_others_heading_a_round_up_paragraph_is_no_one():
    text = (
        "Water agenda adopted\n"
        "Others: Several delegations from the northern shore complained that the financing chapter leaned too "
        "heavily on loans."
    )
    assert "Others" not in actors(text)


def test_not_taking_part_in_a_vote_is_neutral():
    text = "Surveillance bill\nThe governing party voted for it, and the Pirates took no part in the vote."
    assert ("Pirates", "neutral") in set(rows(text))


def test_a_speaker_named_after_a_job_before_a_colon_holds_the_quotation():
    text = (
        "Live: marriage ruling\n"
        "18:10 — Voices near the station. Office worker Keiko Arai, 31: “Honestly, I thought this was already "
        "allowed. I welcome it.”\n"
        "18:40 — Tokyo Party secretary-general Daichi Moriyama: “We will back any bill that gives these couples "
        "the same rights as everyone else.”"
    )
    found = set(rows(text))
    assert ("Keiko Arai", "supportive") in found
    assert "Daichi Moriyama" in {actor for actor, _ in found}


def test_a_name_tagged_as_an_adjective_in_a_list_of_names_is_a_name():
    text = "Trade deal\nThe Liberals backed the deal, as did the Socialists, Ecolo and the PTB."
    assert "Ecolo" in actors(text)


def test_a_body_joined_to_the_last_word_of_a_name_holds_the_same_position():
    text = (
        "Live: airport ruling\n"
        "11:42 – Greenpeace Netherlands and Natuurmonumenten have issued a joint statement welcoming the ruling."
    )
    found = set(rows(text))
    assert {("Greenpeace Netherlands", "supportive"), ("Natuurmonumenten", "supportive")} <= found


def test_a_speaker_before_a_colon_and_where_they_spoke_holds_the_quotation():
    text = (
        "Live: marriage ruling\n"
        "15:48 — Deputy Chief Secretary Hiroshi Tanabe at his afternoon press conference: “The government takes "
        "the ruling seriously and will carefully examine its contents.”"
    )
    assert any("Tanabe" in actor for actor, _ in rows(text))


def test_where_a_speaker_spoke_is_no_part_of_the_speaker():
    text = (
        "Fishing quotas\n"
        "Fisherman Kostas Georgiou in the port of Piraeus: “The quota will ruin us, and nobody in Brussels cares.”"
    )
    assert "Piraeus" not in actors(text)


def test_a_time_zone_before_the_sentence_and_a_party_before_its_verb():
    text = "Live: rate decision\n14:02 BRT Lula criticised the central bank's rate decision."
    assert "Lula" in actors(text)


def test_the_city_of_a_place_stops_at_the_place():
    text = "Rental freeze\nThe City of Athens on Monday welcomed the decision."
    assert ("City of Athens", "supportive") in set(rows(text))


def test_including_where_or_but_not_adds_no_body():
    found = actors("Directive\nSeveral unions, including in France and Germany, criticised the directive.")
    assert not {"France", "Germany"} & found
    found = actors("Pay offer\nSeveral unions, including Unite but not the GMB, criticised the pay offer.")
    assert "Unite" in found and "GMB" not in found


def test_whose_delegates_or_companies_are_no_bodies_of_their_own():
    assert not {"US", "EU"} & actors("Tariffs\nThe US and EU companies criticised the tariff.")
    assert "UN" not in actors("Resolution\nThe UN's delegates welcomed the resolution.")


def test_a_person_whose_surname_ends_like_a_treaty_is_still_she():
    text = 'Housing scheme\nHarriet Pact, a local campaigner, rejected the scheme. She said it was "a con".'
    assert [actor for actor, _ in rows(text)] == ["Harriet Pact", "Harriet Pact"]


def test_a_partys_bench_speaks_for_the_party():
    assert "Fuerza Popular" in actors("Pension withdrawal\nFuerza Popular's bench rejected the bill.")


def test_an_act_or_a_code_says_nothing():
    text = (
        "Marriage ruling\n"
        "The court found that provisions of the Family Register Act that do not allow same-sex couples to marry "
        "violate Article 14 of the Constitution."
    )
    assert "Family Register Act" not in actors(text)
