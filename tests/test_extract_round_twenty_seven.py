"""Round twenty-seven of the extractor (issue 12): where a clause's subject went (a name after a semicolon read
as an oblique, a floating "both", a name before an aside, a second clause's subject read as a conjunct), a list
that opens with an acronym, "the union" after a union was named, a quoted question and its speaker's tag, a
parliament's record of a party vote, and a few reactions and cues. Sentences written for these tests, not the
corpus's."""

import functools

from analysis.extract import extract
from analysis.extract.segment import sentences
from conftest import extract_actors, extract_holders_of, extract_rows

rows = functools.partial(extract_rows, arbiter=False)
actors = functools.partial(extract_actors, arbiter=False)
_holders_of = functools.partial(extract_holders_of, arbiter=False)

LEDE = "Port levy approved\n\nThe city council approved the port levy on Tuesday.\n"


def test_each_clause_after_a_semicolon_has_its_own_voters():
    text = LEDE + (
        "The ANC and the IFP voted for the levy; the DA, ActionSA and the MK party voted against; the PA abstained.\n"
    )
    voters = set(rows(text))
    assert {("DA", "opposed"), ("ActionSA", "opposed"), ("MK party", "opposed")} <= voters
    assert ("PA", "neutral") in voters
    # a name after the last semicolon hung on the first clause's verb, its own verb read as that verb's xcomp
    hung = LEDE + "Labour backed the levy; the Nationals opposed it; ACT abstained.\n"
    assert ("ACT", "neutral") in set(rows(hung))


def test_a_list_that_opens_with_an_acronym_is_no_description_of_the_name_after_it():
    text = LEDE + "The EFF, Rise Mzansi and the GOOD party voted against the levy.\n"
    assert {"EFF", "Rise Mzansi"} <= actors(text)
    # a description in lower case before a name still gives the name alone
    described = LEDE + "The dockers' union, SATAWU, voted against the levy.\n"
    assert actors(described) == {"SATAWU"}


def test_a_floating_both_is_no_second_subject():
    text = LEDE + "Fishing Industry SA and the Port Users Forum (PUF) both described the levy as unaffordable.\n"
    assert set(_holders_of(text, "unaffordable")) == {"Fishing Industry SA", "Port Users Forum"}


def test_a_pair_split_by_its_relative_clause_keeps_both_names():
    text = LEDE + "SATAWU and Numsa, which between them organise most dock workers, have both said they will strike.\n"
    assert {"SATAWU", "Numsa"} <= set(_holders_of(text, "strike"))


def test_a_name_before_an_aside_between_commas_is_the_subject():
    text = LEDE + "NZ First, for its part, has backed the levy.\n"
    assert rows(text) == [("NZ First", "supportive")]
    # an opening phrase with a preposition is not the subject
    placed = LEDE + "In Durban, on the other hand, shippers have welcomed the levy.\n"
    assert "Durban" not in actors(placed)


def test_a_second_clauses_subject_after_and_is_its_own():
    text = (
        LEDE + "Government councillors hailed it as a long-overdue clean-up of Durban politics and "
        "opposition councillors accused the mayor of taxing the poor.\n"
    )
    assert ("Opposition councillors", "opposed") in rows(text)
    # one subject with a place after it stays one subject
    whole = LEDE + (
        "Finance Minister Ana Kovač called the levy “long overdue”, arguing that fishermen in Hvar and Vis could "
        "no longer compete with trawlers.\n"
    )
    assert actors(whole) == {"Finance Minister Ana Kovač"}


def test_the_union_is_the_union_named_before():
    text = (
        LEDE + "The National Union of Dock Workers said it would study the levy.\n"
        "The union later called the levy “a tax on every crate we lift”.\n"
    )
    assert _holders_of(text, "crate") == ["National Union of Dock Workers"]
    # not after two unions, nor after the European Union was named since
    two = text.replace("said it would study", "and the Dock Union said they would study")
    assert "National Union of Dock Workers" not in _holders_of(two, "crate")
    europe = text.replace("\nThe union", " Exports to the European Union will fall.\nThe union")
    assert "European Union" not in _holders_of(europe, "crate")
    # a group's words are its own: "The union said members were angry" names no "Union said members"
    members = LEDE + "The union said members were angry about the levy.\n"
    assert not any("said" in actor for actor in actors(members, min_confidence=0.0, keeper=False))


def test_a_quoted_question_and_its_speakers_tag_are_one_sentence():
    text = "“Who thought this levy was a good idea?” asked Thandi Mokoena, who runs a fishing fleet."
    assert len(sentences(text)) == 1
    full = LEDE + "The DA said it would appeal.\n" + text + "\n"
    assert "Thandi Mokoena" in _holders_of(full, "good idea")


def test_a_parliaments_record_of_a_party_vote_gives_each_party_the_vote():
    text = (
        "Levy bill passes\n\nThe bill was read a first time.\n"
        "A party vote was called for on the question.\n"
        "Ayes 70: Social Democrats 40; Centre Party 30.\nNoes 21: Liberal Alliance 12; Red-Green Alliance 9.\n"
    )
    voters = set(rows(text, min_confidence=0.0, keeper=False))
    assert {("Social Democrats", "supportive"), ("Centre Party", "supportive")} <= voters
    assert {("Liberal Alliance", "opposed"), ("Red-Green Alliance", "opposed")} <= voters


def test_a_vote_against_as_a_bloc_and_an_attack_from_a_party():
    text = LEDE + "The levy passed, with the Freedom Front voting against as a bloc.\n"
    assert rows(text) == [("Freedom Front", "opposed")]
    attack = LEDE + "The sharpest attack came from the Patriotic Alliance.\n"
    assert rows(attack, min_confidence=0.0, keeper=False) == [("Patriotic Alliance", "condemning")]


def test_a_view_opened_by_for_and_a_name_with_its_acronym():
    text = LEDE + "For the Natal Fishing Council (NFC), the levy is “long overdue recognition of its costs”.\n"
    assert rows(text) == [("Natal Fishing Council", "supportive")]


def test_a_countrys_people_are_no_he_or_she():
    text = (
        LEDE + "Harbour Minister Zodwa Mthethwa opened the debate. Her department says 40,000 South Africans work "
        "in fishing. “Our harbours are falling apart,” she told the House.\n"
    )
    assert "South Africans" not in _holders_of(text, "falling apart")
    assert [actor.endswith("Zodwa Mthethwa") for actor in _holders_of(text, "falling apart")] == [True]


def test_a_body_whose_name_ends_in_its_country_is_that_body():
    text = LEDE + "The Trawler Council South Africa, which represents boat owners, said it was “deeply disappointed”.\n"
    assert actors(text) == {"Trawler Council South Africa"}
    # a country's own government is still the country
    assert actors(LEDE + "The South Africa government backed the levy.\n") == {"South Africa"}


def test_a_councils_party_group_is_named_by_its_party():
    text = LEDE + "The assembly’s AKP group backed the levy.\n"
    assert rows(text) == [("AKP group", "supportive")]


def test_a_speaker_described_by_the_party_after_a_preposition_is_the_speaker():
    text = (
        LEDE + "Opening the debate, Councillor Sipho Dube of the local party Abantu, who proposed the levy, said "
        "the harbour had reached a breaking point.\n"
    )
    assert "Abantu" not in actors(text)
    # a place after "at the" is no party: the name after it still speaks
    spoke = LEDE + "Speaking at the news conference Mokoena said the levy was a matter for the city.\n"
    assert actors(spoke, min_confidence=0.0, keeper=False) == {"Mokoena"}


def test_a_bodys_report_speaks_for_the_body():
    text = LEDE + "Transnet said nothing on Monday. Its annual report, however, warned against the levy.\n"
    assert _holders_of(text, "annual report") == ["Transnet"]


def test_a_who_clause_belongs_to_the_person_before_it():
    text = (
        LEDE + "The SAMSA's own release quoted transport minister Lindiwe Zulu, who said the levy would “keep the "
        "harbour open”.\n"
    )
    table = extract(text, main_target="main", arbiter=False)
    # by the cue rules (the learned gate may also give the body whose release it is a row of no cue)
    by_rules = table[table["quote"].str.contains("keep the harbour open") & ~table["rule"].str.startswith("no cue")]
    assert list(by_rules["actor"]) == ["Lindiwe Zulu"]
    # people in a place: the clause is the people's, not the place's
    placed = LEDE + "Fishmongers in Umlazi, who say they will lose half their trade, condemned the levy.\n"
    assert "Umlazi" not in actors(placed, min_confidence=0.0, keeper=False)


def test_a_decisions_backers_after_has_the_backing_of():
    text = LEDE + "The levy has the backing of the Durban Chamber of Business.\n"
    assert rows(text, min_confidence=0.0, keeper=False) == [("Durban Chamber of Business", "supportive")]
    # a person's backers, or a challenge's, are no backers of the decision
    for other in (
        "The mayor has the backing of the Durban Chamber of Business.",
        "A legal challenge to the levy has the backing of the Durban Chamber of Business.",
        "A rival proposal from ACT has the backing of the Durban Chamber of Business.",
    ):
        assert rows(LEDE + other + "\n", min_confidence=0.0, keeper=False) == [], other


def test_a_presenters_question_is_no_ones_position():
    text = (
        "Harbour Hour\n\nPRESENTER: Good evening. The city council approved the port levy on Tuesday.\n"
        "PRESENTER: Thabo, is the Fishing Forum taking this further?\n"
        "THABO NKOSI: Not yet. We are waiting for the minister.\n"
    )
    assert "Fishing Forum" not in actors(text, min_confidence=0.0, keeper=False)


def test_cues_of_round_twenty_seven():
    assert rows(LEDE + "The Fishing Forum has been less enthusiastic.\n") == [("Fishing Forum", "cautious")]
    assert rows(LEDE + "The Western Cape will push for amendments.\n", arbiter=False) == [("Western Cape", "cautious")]
