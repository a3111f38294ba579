"""Round twenty-two of the extractor (issue 12): a body named after its description ("the environmental
association Biosfera"), a statement's label that shares a surname with someone else, a view framed as "in
her reading" or stated as "X's view is that" with no cue in it, plural titles ("Reps. A and B"), and a few
phrases ("no public position", "a strike call"). Sentences written for these tests, not the corpus's."""

import functools

from analysis.extract import extract
from conftest import extract_actors, extract_rows

rows = functools.partial(extract_rows, arbiter=False)
actors = functools.partial(extract_actors, arbiter=False)


def test_a_body_named_after_its_description_is_the_name():
    text = "Tourist levy\nThe environmental association Biosfera, based in Mindelo, called the increase “long overdue”."
    assert ("Biosfera", "supportive") in set(rows(text))
    assert "Environmental association" not in actors(text)


def test_a_description_with_no_name_after_it_stays_the_description():
    text = "Tourist levy\nAn environmental association based in Mindelo called the increase “long overdue”."
    assert any("association" in actor.lower() for actor in actors(text))


def test_a_statement_label_with_a_given_name_is_not_another_person_of_that_surname():
    text = (
        "Labour plan reactions\n"
        "Coahuila: Economy Secretary Mauricio Garza Villarreal said the state respected the agreement.\n"
        "Rep. Elena Villarreal (D-Texas): “This is exactly what we fought for, and it is a real victory.”\n"
    )
    table = extract(text, main_target="main", arbiter=False)
    victory = table[table["quote"].str.contains("victory")]
    assert list(victory["actor"]) == ["Rep. Elena Villarreal"]


def test_a_statement_label_by_surname_alone_is_the_person_named_before():
    text = (
        "Labour plan reactions\n"
        "Rep. Elena Villarreal (D-Texas) spoke after the vote.\n"
        "VILLARREAL: “This is exactly what we fought for, and it is a real victory.”\n"
    )
    assert "Rep. Elena Villarreal" in actors(text)


def _all_rows(text: str) -> set[tuple[str, str]]:
    table = extract(text, main_target="main", arbiter=False, left_out=True)
    return {(r.actor, r.stance) for r in table.itertuples()}


def test_a_view_framed_as_her_reading_is_hers_without_a_cue():
    text = (
        "Troop deal\n"
        "The secrecy of the terms was criticised by Fátima Mussa, a researcher at Eduardo Mondlane University. "
        "In her reading, Maputo has swapped one dependency for another."
    )
    found = _all_rows(text)
    assert not any(actor == "Maputo" for actor, _ in found)
    table = extract(text, main_target="main", arbiter=False, left_out=True)
    reading = table[table["quote"].str.startswith("In her reading")]
    assert list(reading["actor"]) == ["Fátima Mussa"]


def test_a_view_stated_with_a_possessive_name_is_the_persons():
    text = "Troop deal\nDefence Minister Armindo Muianga’s view is that an early withdrawal would undo everything."
    assert any(actor.endswith("Armindo Muianga") for actor in actors(text))


def test_plural_titles_end_no_sentence_and_each_voter_is_named():
    text = (
        "Rate settlement\n"
        "The council approved the settlement 6-2. Voting in favor were city Reps. Joel Arriaga, Lisa Benavides "
        "and Tom Kessler. Voting against were Reps. Carla Medina and Sergio Lozoya."
    )
    found = set(rows(text))
    assert {("Joel Arriaga", "supportive"), ("Lisa Benavides", "supportive"), ("Tom Kessler", "supportive")} <= found
    assert {("Carla Medina", "opposed"), ("Sergio Lozoya", "opposed")} <= found
    assert not any(actor.startswith("Reps") for actor, _ in found)


def test_no_public_position_is_neutral():
    text = "Troop deal\nThe Southern African Development Community has taken no public position on the deal."
    assert ("Southern African Development Community", "neutral") in set(rows(text))


def test_a_strike_call_and_stopping_work_are_opposition():
    text = (
        "Pay freeze\nThe government froze the salaries of all civil servants. "
        "The teachers' union ONTSTP has already answered with a strike call."
    )
    assert ("ONTSTP", "opposed") in set(rows(text))
    text = (
        "Fuel price\nThe taxi association ANATA was furious. Its president, Francisco Mbala, said members would "
        "stop work from Monday unless the government agreed to a special fuel card."
    )
    assert ("Francisco Mbala", "opposed") in set(rows(text))


def test_factions_named_before_their_group_noun_are_the_parties():
    text = "Groundwater bylaw\nThe NasDem and PKB factions also backed the bylaw without amendments."
    assert {("NasDem", "supportive"), ("PKB", "supportive")} <= set(rows(text))


def test_an_unknown_name_before_a_relative_clause_is_the_subject():
    text = (
        "Fibre rates\nUnifor, which represents thousands of Bell technicians, warned that any pullback in "
        "network spending would cost jobs."
    )
    assert "Unifor" in actors(text)


def test_the_middle_name_of_a_list_of_three_is_a_conjunct():
    text = "Transit budget\nSabbagh, Lemieux-Bérubé and Kapoor were among the nine councillors who voted against it."
    assert {("Sabbagh", "opposed"), ("Lemieux-Bérubé", "opposed"), ("Kapoor", "opposed")} <= set(rows(text))
    text = "Back-to-work bill\nThe NDP, the Bloc Québécois and the Green Party voted against the bill."
    assert {("NDP", "opposed"), ("Bloc Québécois", "opposed"), ("Green Party", "opposed")} <= set(rows(text))


def test_a_role_between_a_name_and_a_conjunct_stays_an_apposition():
    text = "Transit budget\nAli Khan, Mayor of Lahore, and Fatima Rao condemned the plan."
    assert "Mayor of Lahore" not in actors(text)


def test_and_the_joins_two_bodies_not_one_name():
    text = "Back-to-work bill\nThe Bloc Québécois and the Green Party voted against the bill."
    assert {("Bloc Québécois", "opposed"), ("Green Party", "opposed")} <= set(rows(text))
    text = "Trade deal\nThe Chamber of Commerce and Industry welcomed the deal."
    assert "Chamber of Commerce and Industry" in actors(text)


def test_a_riding_joined_by_a_dash_before_the_role_is_no_actor():
    text = "Snow crab quota\nAcadie–Bathurst MP Daniel Landry, a Liberal, said he would push for support measures."
    assert "Daniel Landry" in actors(text)
    assert "Acadie" not in actors(text)
    text = "Transit budget\nOttawa Centre MPP Catherine Lalonde said council had “chosen the easy way out”."
    assert "Catherine Lalonde" in actors(text)


def test_a_name_before_an_aside_is_the_subject_not_someone_spoken_to():
    text = "Capital delay\nBambang, for his part, rejects the charge that the delay signals waning commitment."
    assert "Bambang" in actors(text)


def test_scholars_are_people():
    text = "Deportation law\nSeveral legal scholars said the ruling was a mistake."
    assert "Several legal scholars" in actors(text)


def test_a_partys_parliamentary_group_and_majority_are_the_party():
    text = "Rent cap ruling\nChega’s parliamentary group says it will not take a position before reading the ruling."
    assert "Chega" in actors(text)
    text = "Troop deal\nFrelimo’s majority voted down a Renamo request for a plenary debate on the agreement."
    assert ("Frelimo", "opposed") in set(rows(text))


def test_a_bodys_group_of_experts_is_not_the_body():
    text = "Troop deal\nThe UN’s group of experts said the deal was a mistake."
    assert "UN" not in actors(text)


def test_a_federation_named_by_a_plural_is_no_person():
    text = (
        "Study permit cap\nColleges Ontario said the reduction would push several institutions toward insolvency. "
        "It called the cut reckless."
    )
    table = extract(text, main_target="main", arbiter=False)
    reckless = table[table["quote"].str.contains("reckless")]
    assert list(reckless["actor"]) == ["Colleges Ontario"]


def test_a_vote_list_goes_on_after_a_comma_and_names_a_described_coalition():
    text = (
        "Airline sale\nThe resolution passed by 27 votes to 24, with the governing coalition and the Liberal "
        "Initiative voting in favour, the Socialists and the Left Bloc against, and Chega and PAN abstaining."
    )
    found = set(rows(text))
    assert {("Governing coalition", "supportive"), ("Liberal Initiative", "supportive")} <= found
    assert {("Socialists", "opposed"), ("Left Bloc", "opposed")} <= found


def test_two_names_joined_by_and_after_a_plural_title_are_one_subject():
    text = "Rate settlement\nReps. Carla Medina and Sergio Lozoya voted against."
    assert {("Carla Medina", "opposed"), ("Sergio Lozoya", "opposed")} <= set(rows(text))


def test_the_statement_said_is_its_speakers():
    text = (
        "Election delay\nThe government spokesman, Fernando Mendes Có, said in a statement that the postponement "
        "was “a responsible decision, not a political one”. “No one is served by an election that half the "
        "country cannot vote in,” the statement said."
    )
    table = extract(text, main_target="main", arbiter=False)
    served = table[table["quote"].str.contains("No one is served")]
    assert list(served["actor"]) == ["Fernando Mendes Có"]


def test_a_round_ups_heading_names_the_ministry_and_the_network_it_describes():
    text = (
        "What they said: the labor deal\n"
        "The two governments announced a remediation plan at the plant on Wednesday.\n"
        "Secretaría del Trabajo y Previsión Social (STPS): The ministry said the plan “reflects Mexico’s "
        "sovereign commitment to the labor reform” and welcomed it.\n"
        "Red Fronteriza de Derechos Laborales: The Ciudad Acuña-based workers’ rights network said the deal was "
        "“good news, but only a first step.”\n"
        "Consejo Coordinador Empresarial (CCE): The business council said the mechanism “must not become a "
        "weapon”.\n"
    )
    found = actors(text)
    assert {"Secretaría del Trabajo y Previsión Social", "Red Fronteriza de Derechos Laborales"} <= found
    assert not any("network" in actor for actor in found)


# Guards written from a reviewer's misfires (round twenty-two's first rules, before they were narrowed)
def test_the_statement_said_is_the_statement_last_named_not_the_last_speaker():
    text = (
        "Election delay\nOpposition leader Nelson Chamisa called the delay “unconstitutional”. The Zanu-PF "
        "government defended the move in a statement. “The delay protects citizens,” the statement said."
    )
    table = extract(text, main_target="main", arbiter=False)
    protects = table[table["quote"].str.contains("protects citizens")]
    assert "Nelson Chamisa" not in set(protects["actor"])


def test_a_unit_that_names_its_own_party_or_a_places_majority_is_not_the_owner():
    assert "Alberta" not in actors("Citizenship law\nAlberta’s NDP caucus condemned the bill.")
    assert "Europe" not in actors("Pension reform\nEurope’s majority supports stricter rules, a poll found.")
    assert "Macron" not in actors("Pension reform\nMacron’s majority voted down the amendment on pensions.")


def test_titled_voters_in_a_with_clause_and_no_guess_at_the_chamber():
    text = "Energy bill\nThe Senate passed the bill 52-48, with Sens. Manchin and Sinema voting against."
    found = set(rows(text))
    assert {("Manchin", "opposed"), ("Sinema", "opposed")} <= found
    assert ("Senate", "opposed") not in found


def test_a_cue_less_according_to_gives_the_outlet_no_position():
    text = "Troop deal\nAccording to Axios, the White House is frustrated with the Senate bill."
    assert "Axios" not in actors(text)


def test_a_label_with_a_shorter_given_name_is_the_person_introduced():
    text = (
        "Debate transcript\nHOST: Joining us is Senator Elizabeth Warren.\n"
        "SEN. LIZ WARREN: This bill will hurt families and we reject it.\n"
    )
    assert "Liz Warren" not in actors(text)


def test_a_role_before_a_name_does_not_take_the_verbs_first_letters():
    text = "Housing bill\nNDP MPP Marit Stiles described the bill as “a giveaway to developers”."
    assert "Marit Stiles" in actors(text)


def test_a_weekday_after_a_bodys_noun_is_no_name():
    text = "Pilot strike\nThe union Tuesday called the airline's offer “an insult to every pilot”."
    assert actors(text)


def test_some_members_of_a_body_in_a_vote_list_are_not_the_body():
    assert "Opposition" not in actors("Pension reform\nVoting in favour were rebels from the opposition.")
    text = "Pension reform\nThe motion failed, with a third of the ruling coalition voting against."
    assert "Ruling coalition" not in actors(text)


def test_an_aside_or_an_apposition_after_a_comma_is_no_vote():
    text = "Airline sale\nWith the Socialists abstaining, the PSD, which had been against, switched to back it."
    assert ("PSD", "opposed") not in set(rows(text))
    text = (
        "Media law\nWith Fidesz voting in favour, Momentum, a pro-EU party, against and Jobbik abstaining, it passed."
    )
    assert "EU party" not in actors(text)
