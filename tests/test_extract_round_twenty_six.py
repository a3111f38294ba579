"""Round twenty-six of the extractor (issue 12): a party's units and a country's delegation, names the parser
misreads (an acronym run into a word, a name in capitals before its description, a speech verb read as a
noun, a verb quoted alone), a relative clause holding a list, a clause after a semicolon, a role left as
the root, a seat of office, and a few cues. Sentences written for these tests, not the corpus's."""

import functools

from analysis.extract.parse import parse
from conftest import extract_actors, extract_holders_of, extract_rows

rows = functools.partial(extract_rows, arbiter=False)
actors = functools.partial(extract_actors, arbiter=False)
_holders_of = functools.partial(extract_holders_of, arbiter=False)

LEDE = "Steel tariff raised\n\nThe trade bloc raised the steel tariff on Tuesday.\n"


def test_a_countrys_delegation_is_the_country_as_the_text_names_it():
    text = LEDE + "South Sudan's delegation abstained.\nBurundi's delegation asked for a longer phase-in period.\n"
    assert _holders_of(text, "abstained") == ["South Sudan"]
    assert _holders_of(text, "phase-in") == ["Burundi"]
    britain = LEDE + "Britain's delegation welcomed the decision. Britain has long pushed for such a deal.\n"
    assert actors(britain) == {"Britain"}


def test_a_partys_members_and_group_stand_for_the_party():
    text = (
        LEDE + "New Left spoke on Monday. Datuk Azman (Warisan) spoke too.\n"
        "Warisan's three MPs walked out in protest.\n"
        "New Left's MPs voted against the tariff.\n"
        "The parliamentary group of New Democracy backed the decision.\n"
    )
    assert _holders_of(text, "walked out") == ["Warisan"]
    assert _holders_of(text, "voted against") == ["New Left"]
    assert _holders_of(text, "backed the decision") == ["New Democracy"]
    # a place's or a person's MPs are no party's
    others = LEDE + "Scotland's MPs voted against the bill.\nKeir Starmer spoke.\nStarmer's MPs backed the decision.\n"
    assert not {"Scotland", "Starmer", "Keir Starmer"} & actors(others)


def test_names_the_parser_misreads_are_read_as_names():
    text = (
        LEDE + "UKHospitality, which represents hotels, pubs and restaurants, calls the tariff “a hammer blow”.\n"
        "TÜSİAD, the country’s biggest business group, stopped short of criticising the move.\n"
        "Unite, Britain's biggest manufacturing union, welcomed the decision outright.\n"
    )
    assert _holders_of(text, "hammer blow") == ["UKHospitality"]
    assert _holders_of(text, "stopped short") == ["TÜSİAD"]
    assert _holders_of(text, "welcomed the decision") == ["Unite"]
    described = (
        LEDE + "COSATU, South Africa's largest labour federation, rejected the plan.\n"
        "Fonterra, New Zealand's largest company, welcomed the deal.\n"
        "Germany, France, Italy and Spain, the bloc's four biggest economies, backed the plan.\n"
    )
    assert _holders_of(described, "rejected the plan") == ["COSATU"]
    assert _holders_of(described, "welcomed the deal") == ["Fonterra"]
    assert set(_holders_of(described, "backed the plan")) == {"Germany", "France", "Italy", "Spain"}


def test_a_pair_of_names_before_a_word_between_subject_and_verb_is_one_subject():
    text = LEDE + "GMB and Unite have both said they will move to formal ballots for industrial action.\n"
    assert set(_holders_of(text, "formal ballots")) == {"GMB", "Unite"}


def test_a_speech_verb_read_as_a_noun_after_a_name_is_the_verb():
    text = (
        LEDE + "SYRIZA confirms it will file an application for annulment with the Council of State.\n"
        "West Midlands mayor Priya Lal posts that the new tariff is “exactly what we asked for”.\n"
    )
    assert _holders_of(text, "annulment") == ["SYRIZA"]
    assert _holders_of(text, "asked for") == ["Priya Lal"]
    verbs = {node.text: node.tag_ for node in parse(["SYRIZA confirms it will file an appeal."])[0]}
    assert verbs["confirms"].startswith("VB")


def test_a_verb_quoted_alone_is_its_subjects():
    text = LEDE + "China “firmly opposes” the decision.\nNissan “fully supports” the decision.\n"
    assert set(rows(text)) >= {("China", "opposed"), ("Nissan", "supportive")}
    # a quotation inside someone's reported words stays theirs
    reported = LEDE + "Jane Ngugi said the government had “pulled the rug” from under traders.\n"
    assert _holders_of(reported, "pulled the rug") == ["Jane Ngugi"]


def test_the_clause_after_a_semicolon_has_its_own_subject():
    text = (
        LEDE + "The National Action Party (PAN) has rejected the tariff outright; its Senate coordinator, Jorge "
        'Treviño Salas, called it populism that would "destroy credit for the middle class."\n'
    )
    assert set(_holders_of(text, "populism")) == {"National Action Party", "Jorge Treviño Salas"}


def test_a_role_and_its_holder_left_as_the_root_is_the_verbs_subject():
    text = LEDE + "Llwyncelyn’s ward councillor, Huw Jenkins (Labour), spoke against the plan at the meeting.\n"
    assert _holders_of(text, "spoke against") == ["Huw Jenkins"]


def test_a_seat_of_office_with_nobody_named_is_the_office():
    text = (
        LEDE + "The presidency has kept its distance, saying the executive respects the Senate's autonomy.\n"
        "The governorship said it had not yet received any application and would not comment.\n"
    )
    assert ("Presidency", "neutral") in set(rows(text))
    assert set(_holders_of(text, "would not comment")) == {"Governorship"}


def test_a_list_after_an_opening_phrase_with_an_adverb_before_the_verb():
    text = LEDE + "At Westminster, the Conservatives, the Liberal Democrats and Reform UK all backed the measure.\n"
    assert set(_holders_of(text, "backed the measure")) == {"Conservatives", "Liberal Democrats", "Reform UK"}


def test_described_reactions_are_read():
    text = (
        LEDE + "Unison, the largest union in the health service, is holding its fire.\n"
        "The EYDAP workers' union has announced a 48-hour strike.\n"
        "The UNT said it would march to the Labor Ministry to demand a higher increase.\n"
        "The NUP members rose and walked out in protest.\n"
        "Home-improvement retailers are hedging.\n"
        "The Coordinador Eléctrico Nacional said it will analyse the new schedule.\n"
    )
    found = set(rows(text))
    assert {("EYDAP workers' union", "opposed"), ("UNT", "opposed"), ("NUP", "opposed")} <= found
    # a strike announced opening the article is a protest, not the decision being made
    assert ("RMT", "opposed") in set(rows("Rail fares\n\nThe RMT has announced a 48-hour strike over the rise.\n"))
    assert {("Retailers", "cautious"), ("Coordinador Eléctrico Nacional", "neutral")} <= found
    assert "Unison" in {actor for actor, _ in found}


def test_a_pronoun_after_a_live_blog_lines_colon_is_the_body_named_before_it():
    text = (
        LEDE + "The Federation of Small Businesses warns that B&Bs and guesthouses will carry the burden.\n"
        "14.20 Quick one from the Liberal Democrats: they back the tariff, but only if the money goes to ports.\n"
    )
    assert _holders_of(text, "they back the tariff") == ["Liberal Democrats"]


def test_the_last_words_of_a_quotation_are_no_subject_of_the_verb_after_it():
    text = (
        LEDE + 'Unite welcomed the decision outright. "For the first time in a generation a government has stood up '
        "for car workers in Sunderland, Ellesmere Port and Luton,\" said Sharon Daley, the union's national officer.\n"
    )
    assert _holders_of(text, "car workers") == ["Sharon Daley"]
    spoken = (
        LEDE + "“No. Paris, Barcelona and Amsterdam charge visitors and they are not short of them,” says Ms Ellery.\n"
    )
    assert set(_holders_of(spoken, "Paris")) == {"Ms Ellery"}


def test_the_names_a_group_is_said_to_count_among_it_hold_its_position():
    text = LEDE + "Several environmental organisations, among them WWF Greece, welcomed the tariff.\n"
    assert set(_holders_of(text, "welcomed")) == {"Several environmental organisations", "WWF Greece"}
    listed = LEDE + "Several unions, among them Unite and the GMB, criticised the tariff.\n"
    assert set(_holders_of(listed, "criticised")) == {"Several unions", "Unite", "GMB"}


def test_a_body_before_last_night_and_before_a_verb_read_as_a_noun_is_the_subject():
    text = (
        LEDE + "Thessaloniki city council last night passed a resolution calling on the government to withdraw the "
        "tariff.\nConsumer association EKPIZO urges MPs to write a ceiling on price increases into the law.\n"
    )
    assert _holders_of(text, "withdraw") == ["Thessaloniki city council"]
    assert _holders_of(text, "urges") == ["EKPIZO"]


def test_a_councils_party_groups_voting_in_a_pair_are_each_named():
    text = (
        LEDE + "Labour members and the Green group voted in favour; the Conservative group and the independents "
        "voted against.\n"
    )
    assert set(_holders_of(text, "voted against")) >= {"Conservative group", "Independents"}
    assert "Green group" in actors(text)
