"""Round forty-six of the extractor (issue 12): "the criticism from Oslo, the minister said" is the minister's,
not Oslo's government's; a court that dismisses the appeals against a decision backs it; a quotation led into
by a sentence of the writer's own is not the previous speaker's passage, nor theirs when the sentence's own
subject holds a position; a verb after a quoted reported clause and "and" shares the reporting verb's subject;
"Closer to home," opens a sentence; a programme's name ("the Seasonal Work Category") is no he or she; a name
closed by a country ("Ekalesia Kelisiano Tuvalu") is a national body; "Several PNC members" stay a vague group.
Sentences written for these tests, not the corpus's."""

from functools import partial

from analysis.extract.mention_patterns import generic_patterns
from analysis.extract.name_kinds import kind_of_name
from analysis.extract.references import names_a_text
from conftest import holders_after_lede, table_after_lede

LEDE = "Levy approved\n\nThe island government approved a levy on ferry passengers on Monday, officials said.\n"
_table = partial(table_after_lede, LEDE)
_holders = partial(holders_after_lede, LEDE)


def test_a_capital_after_from_inside_a_noun_phrase_is_no_government_speaking():
    body = (
        "\nTransport minister Karin Dahl said the levy was needed.\n\nAsked whether the island would think again in "
        "the light of the criticism from Oslo, the minister said the levy would stay."
    )
    assert _holders(body, "the levy would stay") == ["Karin Dahl"]


def test_a_capital_opening_the_sentence_still_places_its_government():
    located = generic_patterns()["located_in_capital"]
    assert located.search("From Oslo, the foreign ministry said the levy was a matter for the island.")
    assert located.search("In Oslo, the foreign ministry said it had no view.")
    assert not located.search("the criticism from Oslo, the minister said the levy would stay")


def test_a_court_that_dismisses_the_appeals_against_a_decision_backs_it():
    table = _table("\nThe High Court has dismissed all three appeals and upheld the levy.")
    assert list(table["stance"]) == ["supportive"]


def test_a_court_that_rejects_a_challenge_backs_the_decision():
    table = _table("\nThe High Court rejected the challenge to the levy on Friday.")
    assert list(table["stance"]) == ["supportive"]


def test_a_quotation_after_a_sentence_with_its_own_subject_is_not_the_previous_speakers():
    body = (
        '\nThe Green councillors, who abstained, say they "could not vote for a contract nobody had time to read". '
        'The Centre group hails the decision as "the best day for the harbour in years".'
    )
    table = _table(body)
    hails = table[table["quote"].str.contains("best day")]
    assert list(hails["actor"]) == ["Centre group"]
    abstained = table[table["quote"].str.contains("could not vote")]
    assert not abstained["quote"].str.contains("best day").any()


def test_a_verb_after_a_quoted_reported_clause_shares_the_reporting_verbs_subject():
    body = (
        '\nLiberal leader Jens Dahlblom said the coalition had "put up a toll gate at our own front door" and '
        "promised to scrap the levy if his party won the election."
    )
    assert list(_table(body)["actor"]) == ["Jens Dahlblom"]


def test_closer_to_home_opens_a_sentence_and_names_no_one():
    body = (
        "\nCloser to home, the Falekaupule of Funafuti, which speaks for the families who hold much of the land "
        "around the port, has its own concerns."
    )
    assert "Closer" not in set(_table(body)["actor"])


def test_a_programmes_name_is_no_he_or_she():
    assert names_a_text("Pacific Access Category")
    assert names_a_text("Seasonal Worker Scheme")
    assert not names_a_text("Harriet Category")


def test_he_after_a_programmes_name_is_the_man_named_before():
    body = (
        "\nMP Tomas Berg opposes the levy.\n\nThe Seasonal Worker Scheme sends islanders abroad every summer. He "
        'says the levy would hand "the harbour to people who never use it".'
    )
    assert _holders(body, "the harbour to people") == ["MP Tomas Berg"]


def test_a_name_closed_by_a_country_is_a_national_body():
    assert kind_of_name("Ekalesia Kelisiano Tuvalu", default="person") == "organization"
    assert kind_of_name("Transparency International Vanuatu", default="person") == "organization"


def test_a_persons_surname_that_is_also_a_country_leaves_a_person():
    assert kind_of_name("Tom Holland", default="person") == "person"
    assert kind_of_name("Michael Jordan", default="person") == "person"


def test_some_of_a_bodys_members_stay_a_vague_group():
    assert _holders("\nSeveral PNC members said the levy was unfair.", "unfair") == ["Several PNC members"]
    assert _holders("\nSome TTC board members argued against the levy.", "argued against") == ["Some TTC board members"]


def test_a_bodys_members_without_a_quantifier_are_not_made_vague():
    assert _holders("\nThe PNC's MPs voted against the levy.", "voted against") == ["PNC"]


def test_appealing_a_decision_opposes_it():
    table = _table("\nThe fishermen's association Havfisk appealed the levy in court.")
    assert list(zip(table["actor"], table["stance"])) == [("Havfisk", "opposed")]
    table = _table("\nThe levy was appealed by the Ferry Users' Association.")
    assert list(zip(table["actor"], table["stance"])) == [("Ferry Users' Association", "opposed")]


def test_a_view_stated_after_an_aside_is_its_owners():
    body = (
        "\nTransport minister Karin Dahl's argument, in essence, is that the harbour has been neglected for a "
        "decade and that a levy now will spare islanders a tax rise later."
    )
    assert _holders(body, "in essence") == ["Karin Dahl"]


def test_a_speakers_aside_between_commas_reports_the_clauses_around_it():
    body = (
        "\nHealth minister Camilla Dahl defended the fee. The emergency department saw more than 6,000 visitors "
        "last summer, she said, and the cost of that “cannot be carried by islanders alone”."
    )
    assert _holders(body, "cannot be carried") == ["Camilla Dahl"]


def test_the_speakers_aside_is_parsed_as_the_reporting_verb():
    from analysis.extract.reporting_repairs import speaker_aside_read_as_conjunct
    from conftest import misparsed

    parsed = misparsed(
        "The/DT/det<1 department/NN/nsubj<2 treated/VBD/ROOT<2 visitors/NNS/obj<2 ,/,/punct<2 she/PRP/nsubj<6 "
        "said/VBD/conj<2 ,/,/punct<10 and/CC/cc<10 costs/NNS/nsubj<10 rose/VBD/conj<2 ././punct<2"
    )
    speaker_aside_read_as_conjunct(parsed)
    assert (parsed[6].dep_, parsed[2].dep_, parsed[2].head.i) == ("ROOT", "ccomp", 6)


def test_signatures_in_favour_of_a_decision_back_it():
    table = _table("\nThe Youth Council, which had collected 1,400 signatures in favour of the levy, met the Speaker.")
    assert list(zip(table["actor"], table["stance"])) == [("Youth Council", "supportive")]
    table = _table("\nThe residents' association collected 800 signatures against the levy.")
    assert list(table["stance"]) == ["opposed"]


def test_a_heading_names_its_body_whatever_its_capitals_and_the_government_under_it():
    body = (
        "\nÖresund Ferries. The ferry company says the levy will cost it custom.\n\n"
        "Ålands Näringsliv. The business federation welcomes the levy as overdue.\n\n"
        "Government of Åland. The government, which owns the rival harbour, says it has no view on the choice."
    )
    table = _table(body)
    assert set(zip(table["actor"], table["quote"].str[:14])) >= {
        ("Öresund Ferries", "The ferry comp"),
        ("Ålands Näringsliv", "The business f"),
        ("Government of Åland", "The government"),
    }


def test_a_heading_before_an_acronym_or_in_its_opens_its_bodys_paragraph():
    body = (
        '\nNordic Harbour Group. NHG says it is "delighted" to have won the levy contract.\n\n'
        'The City of Mariehamn. In its release, the city says the levy will bring "badly needed money".\n\n'
        "Viking Line. The ferry company says the levy will cost it custom."
    )
    table = _table(body)
    assert {"City of Mariehamn", "Viking Line"} <= set(table["actor"])
