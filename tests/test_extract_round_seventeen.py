"""Round seventeen of the extractor (issue 12): quotations a name opens with a colon (a debate's excerpts, a
live blog's entries), quotations a clause opens with a colon, a live blog's quotation that carries on after
its time stamp, and a body's leaders who speak for it. Sentences written for these tests, not the corpus's."""

import functools

from analysis.extract import extract
from analysis.extract.parse import parse
from analysis.extract.quotes import _colon_speakers
from conftest import extract_actors, extract_rows

rows = functools.partial(extract_rows, arbiter=False)


actors = functools.partial(extract_actors, arbiter=False)


def test_a_debate_excerpt_gives_its_quotation_to_the_member_named_before_the_colon():
    text = (
        "The committee approved the bill by eight votes to five.\n"
        "Senator Marta Quiroga (Partido Liberal): “This bill will destroy the income of the people it claims to "
        "protect. We will vote against it.”\n"
        "Senator Tomás Arriaga (Alianza Verde): “It comes late, but it comes. We welcome it.”"
    )
    found = rows(text)
    assert ("Senator Marta Quiroga", "opposed") in found
    assert ("Senator Tomás Arriaga", "supportive") in found


def test_a_live_blog_entry_gives_its_quotation_to_the_name_after_its_time():
    text = (
        "Committee rejects the mine\n"
        "13:15 – Greenpeace Chile: “Historic. We welcome this decision without reservation.”\n"
        "13:40 – The opposition reacts. Deputy Ramón Ibarra (UDI), on X: “Shameful. The government has "
        "condemned the town to poverty.”"
    )
    found = actors(text)
    assert "Greenpeace Chile" in found
    assert any("Ramón Ibarra" in actor for actor in found)


def test_a_name_with_a_description_before_the_colon_is_the_speaker():
    text = (
        "Lucía Ferro, executive director of the association of delivery platforms: “This text ignores what "
        "couriers value. We oppose it.”"
    )
    assert ("Lucía Ferro", "opposed") in rows(text)


def test_a_quotation_closed_on_a_comma_names_its_speaker_after_it_not_before_the_colon():
    # a round-up's sector heading before the colon is not the speaker: the verb after the quotation names him
    text = (
        "LABOUR: “For years our members have dug this country’s wealth out of the ground,” said Tendai Moyo, "
        "general secretary of the Mine Workers Union. “A higher royalty is the least the nation deserves.”"
    )
    found = actors(text)
    assert "Tendai Moyo" in found and "LABOUR" not in found and "Labour" not in found


def test_an_apposition_that_reports_is_read_as_a_sentence_not_a_label():
    text = "Pablo Ruiz, who told reporters the plan was rushed: “We reject it.”"
    assert _colon_speakers(text, 0) == {}


def test_a_clause_that_opens_a_quotation_with_a_colon_gives_it_to_its_subject():
    text = (
        "Greens leader Johanna Weiss is at the lectern now: “You are selling this as freedom. We will fight this bill.”"
    )
    found = rows(text)
    assert any("Johanna Weiss" in actor and stance == "opposed" for actor, stance in found)


def test_a_clause_whose_subject_is_no_actor_gives_its_quotation_to_nobody():
    assert rows("The decision was clear: “This law is a disaster for farmers.”") == []


def test_a_live_blog_quotation_carries_on_after_the_next_entrys_time():
    text = (
        "12:03 – Greens leader Johanna Weiss is at the lectern now: “You are selling this as freedom. But "
        "freedom for whom?\n"
        "12:04 – “My group will vote against this bill, and we will stand by every employee who refuses.”"
    )
    table = extract(text, main_target="main", arbiter=False)
    second = table[table["quote"].str.contains("My group")]
    assert len(second) == 1 and "Johanna Weiss" in second.iloc[0]["actor"]


def test_a_bodys_leaders_speak_for_it():
    text = (
        "The teachers' confederation CTERA read the ruling as a vindication. Its leaders argued that the decree "
        "had always been a budget cut."
    )
    found = actors(text)
    assert "Leaders" not in found and all("CTERA" in actor for actor in found)


def test_a_verb_the_tagger_took_for_an_adjective_keeps_its_cue_before_a_long_clause():
    text = (
        "Shimane Gov. Akira Nishio voiced concern that free tuition at private schools would draw students away "
        "from rural public high schools."
    )
    # the learned gate may also propose the schools the clause speaks of; the cue stays the governor's
    assert [row for row in rows(text) if row[0] == "Gov. Akira Nishio"] == [("Gov. Akira Nishio", "cautious")]


def test_they_after_two_named_subjects_is_both_of_them():
    text = "The forum adopted the compact on Tuesday.\nKiribati and Nauru said they would decide later."
    assert sorted(rows(text)) == [("Kiribati", "neutral"), ("Nauru", "neutral")]


def test_a_wrong_the_decision_fights_is_no_objection_to_it():
    text = (
        "Fisheries minister Tavita Leota said the compact would strengthen the region’s ability to counter "
        "illegal fishing."
    )
    assert rows(text) == [("Tavita Leota", "supportive")]
    # fighting the decision itself is still opposition
    assert rows("The union vowed to fight the ban.") == [("Union", "opposed")]


def test_rejecting_someones_complaints_backs_what_they_complained_of():
    text = "Forestry minister Waiko rejected the industry's complaints, saying companies had been on notice."
    assert rows(text) == [("Waiko", "supportive")]


def test_being_steamrolled_is_an_objection():
    text = (
        'Farmers say they have been "steamrolled" after the state government confirmed on Monday that the line '
        "will cross the district."
    )
    assert ("Farmers", "opposed") in rows(text)


def test_a_steelmaker_is_a_body_that_can_decline_to_comment():
    assert rows("The country's largest steelmaker declined to comment.") == [
        ("Country's largest steelmaker", "neutral")
    ]


def test_a_cue_of_a_copula_and_a_preposition_is_held_by_the_subject_of_the_noun_it_hangs_on():
    text = "The court struck down the law on Monday.\nThe unions are also against the bill."
    table = extract(text, main_target="main", arbiter=False)
    assert [(r.actor, r.stance, r.rule) for r in table.itertuples()] == [("The unions", "opposed", "subject")]


def test_topic_sentences_of_a_group_carry_its_position():
    text = (
        "The court struck down the law on Monday.\n"
        "Business groups were no less critical. Developers struck a more careful note. The churches are also "
        "against the bill."
    )
    found = rows(text)
    assert ("Business groups", "opposed") in found
    assert ("Developers", "cautious") in found
    assert ("Churches", "opposed") in found


def test_a_feeling_not_hidden_is_shown():
    text = "The court struck down the law on Monday.\nMayor Bartolo Ruggeri did not hide his anger."
    assert rows(text) == [("Mayor Bartolo Ruggeri", "opposed")]
    # a feeling denied is still denied
    assert rows("The court struck down the law on Monday.\nMayor Pia Rossi was not furious.") != [
        ("Mayor Pia Rossi", "condemning")
    ]


def test_a_judge_who_overreached_is_an_objection():
    text = "The court struck down the law on Monday.\nSenator Luis Gomez said the judge had overreached."
    assert rows(text) == [("Senator Luis Gomez", "opposed")]


def test_a_bracket_after_a_members_name_does_not_take_her_place():
    sentence = "Ms Nur Aisyah Rahman (Marsiling-Yew Tee GRC) said she supported the Bill."
    assert rows("The court struck down the law on Monday.\n" + sentence) == [("Ms Nur Aisyah Rahman", "supportive")]
    (doc,) = parse([sentence])
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT" and [c.text for c in said.children if c.dep_ == "nsubj"] == ["Aisyah"]
    assert [t.text for t in doc if t.dep_ == "ROOT"] == ["said"]


def test_a_decision_presented_or_framed_as_something_is_defended_unless_the_words_say_otherwise():
    opening = "The central bank raised rates on Monday.\n"
    assert rows(opening + "The European Commission presented it as housekeeping.") == [
        ("European Commission", "supportive")
    ]
    assert rows(opening + "The union framed it as a betrayal of workers.") == [("Union", "condemning")]


def test_a_position_described_is_its_owners():
    text = "The central bank raised rates on Monday.\nUMNO's position is more ambivalent."
    assert rows(text) == [("UMNO", "cautious")]
    # a case judged weak is the writer's word, nobody's position
    assert rows("The central bank raised rates on Monday.\nThe minister's case is weak.") == []


def test_what_a_country_is_said_by_diplomats_to_have_done_is_the_countrys():
    sentence = "Japan is said by diplomats to have warned Canberra privately that the plan could hurt its reputation."
    assert rows("The central bank raised rates on Monday.\n" + sentence) == [("Japan", "cautious")]
    (doc,) = parse([sentence])
    warned = next(t for t in doc if t.text == "warned")
    assert warned.dep_ == "xcomp" and warned.head.text == "said"


def test_officials_in_a_capital_speak_for_its_government():
    text = "The central bank raised rates on Monday.\nOfficials in Brussels presented it as a modest extension."
    assert rows(text) == [("Brussels", "supportive")]
    # "in" a common noun names no capital: the officials stay as they are written
    assert rows("The central bank raised rates on Monday.\nOfficials in the ministry said it was a mistake.") == [
        ("Officials", "opposed")
    ]


def test_asking_for_a_vote_to_be_postponed_is_a_reservation():
    text = (
        "The committee will vote on the minimum wage today.\n"
        "Employer representatives on the committee have asked for the vote to be postponed."
    )
    assert rows(text) == [("Employer representatives", "cautious")]


def test_a_name_of_two_parts_joined_by_and_is_one_name():
    (doc,) = parse(["The Archdiocese of Munich and Freising said in a statement that the plan was wrong."])
    freising = next(t for t in doc if t.text == "Freising")
    assert freising.dep_ == "conj" and freising.head.text == "Munich"
    text = (
        "The bishops met on Monday.\nThe Archdiocese of Munich and Freising said in a statement that the plan "
        "would “hollow out” the protection of Sunday rest."
    )
    assert [actor for actor, _ in rows(text)] == ["Archdiocese"]
    # two bodies, the second with its article, stay two
    (doc,) = parse(["The Ministry of Finance and the Central Bank welcomed the plan."])
    assert next(t for t in doc if t.text == "Bank").head.text == "Ministry"


def test_a_ruling_considered_well_founded_and_no_side_taken():
    opening = "The court suspended the decree on Monday.\n"
    assert rows(opening + "Professor Silvina Arroyo considers the ruling well founded.") == [
        ("Professor Silvina Arroyo", "supportive")
    ]
    assert rows(opening + "The Argentine Observatory of Technical Education took no side on the legal question.") == [
        ("Argentine Observatory of Technical Education", "neutral")
    ]


# what a reviewer found misread by this round's first rules, each fixed
OPENING = "The ministry approved the plan on Monday.\n"


def test_a_label_names_its_speaker_within_its_own_line():
    # not "Monday. Greenpeace Chile": the label's name is found within one line and one sentence
    assert rows(OPENING + "Greenpeace Chile: “We welcome this decision. It is historic.”") == [
        ("Greenpeace Chile", "supportive"),
        ("Greenpeace Chile", "supportive"),
    ]


def test_headings_before_a_colon_are_no_speakers():
    for heading in ("Background", "Key Quote", "Official Statement", "In Their Own Words", "Dear Minister"):
        assert rows(OPENING + f"{heading}: “We, the undersigned, strongly support the plan.”") == [], heading
    assert rows(OPENING + "Question: “Do you support the plan?” Answer: “Absolutely, we support it.”") == []


def test_a_speaker_who_reads_or_cites_anothers_words_does_not_hold_them():
    for text in (
        "Senator Pablo Ruiz, reading from the company statement: “We welcome this decision wholeheartedly.”",
        "Greenpeace Chile, citing the ministry's own report: “This plan is one we fully support.”",
        "Fishers in Valparaíso received a letter from the minister: “We fully support this plan.”",
        "Senator Ruiz read out the minister's pledge: “We will back this plan.”",
    ):
        assert rows(OPENING + text) == [], text


def test_a_quotation_attributed_after_it_is_not_the_labels():
    text = OPENING + "THE GREENS: “Is this really a plan we can support?” asked co-leader Anna Berg."
    assert all(actor not in ("The Greens", "THE GREENS") for actor, _ in rows(text))


def test_a_new_entrys_attributed_quotation_does_not_carry_on_the_last_one():
    text = (
        "The ministry approved the plan in Santiago.\n"
        "12:01 – Greenpeace Chile: “This decision is a disgrace and we will keep fighting it\n"
        "12:04 – “Shameful,” tweeted Senator Pablo Ruiz, who backs the mine."
    )
    table = extract(text, main_target="main", arbiter=False)
    fighting = table[table["quote"].str.contains("disgrace")]
    assert "Senator Pablo Ruiz" not in set(fighting["actor"])


def test_fighting_the_decision_itself_is_still_opposition():
    for text in (
        "Residents said they would do everything to stop the illegal mine.",
        "Fishers mounted a determined resistance to the plan.",
    ):
        assert [stance for _, stance in rows(OPENING + text)] == ["opposed"], text


def test_world_or_community_leaders_are_not_the_world_or_the_community():
    assert rows(OPENING + "World leaders criticised the plan.") == [("Leaders", "opposed")]


def test_what_critics_frame_a_plan_as_decides_their_stance():
    assert rows(OPENING + "Critics framed the plan as a land grab.") == [("Critics", "opposed")]


def test_an_office_named_by_a_transcript_label_keeps_its_name():
    text = (
        "The Wild Life Amendment Bill was debated.\n"
        "THE MINISTER OF ENVIRONMENT (HON. CHIRWA): Thank you. I commend this Bill to the House.\n"
        "HON. NCUBE: This Bill sells our parks. I oppose it.\n"
        "THE MINISTER OF ENVIRONMENT (HON. CHIRWA): I thank all members. We support the Bill."
    )
    assert "The" not in {actor for actor, _ in rows(text)}


def test_a_round_ups_heading_that_describes_a_body_names_it():
    text = (
        "Corsica transport grant cut: what the ministries said\n"
        "PARIS - The government's decision to cut the grant drew statements from four ministries.\n"
        "Public accounts ministry - The ministry, which wrote the cut into the budget, defended it as "
        '"a proportionate effort".\n'
        "Ministry for territorial cohesion - The ministry, which handles relations with local government, did not "
        "comment on the size of the cut."
    )
    assert rows(text) == [("Public accounts ministry", "supportive"), ("Ministry for territorial cohesion", "neutral")]


def test_cues_from_the_dev_gold_approval_held_back_and_pressed_for():
    opening = "The government banned log exports on Monday.\n"
    assert rows(opening + "Economist Elizabeth Sere said the policy made sense on paper.") == [
        ("Elizabeth Sere", "cautious")
    ]
    assert rows(opening + "The Philippines pushed hard for the ban.") == [("Philippines", "supportive")]
    assert rows(opening + "Minister Grant Elwood said he was very confident the ban would survive.") == [
        ("Minister Grant Elwood", "supportive")
    ]
    assert rows(opening + "The industry federation said the ban was the wrong tool.") == [
        ("Industry federation", "opposed")
    ]
