"""Round six of the extractor (issue 12): the phenomena the dev7 split showed, one general case each, in
sentences written for these tests (not the corpus's)."""

import pytest

from analysis.extract.given_names import gender_of_name
from conftest import extract_holders_of, extract_rows

rows = extract_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the district", "the front": the body whose name is built on that noun
        (
            "Budget cuts\nThe School District of Lancaster closed its schools on Monday. The district did not take a "
            "position on the strike.",
            [("School District of Lancaster", "neutral")],  # the whole name, "school" a body word since round 34
        ),
        (
            "Farm law\nThe National Front for the Defence of Growers blocked roads. A spokesman for the front "
            "described the vote as “a betrayal of the people who feed this country.”",
            [("National Front for the Defence", "condemning")],
        ),
        # a list of names before its verb, one with an "and" of its own, acronyms in brackets
        (
            "Vote\nThe ALP, the Federation of Dock Workers (FDW), the Traders and Hawkers Alliance (THA) and the "
            "People’s Party voted in favour.",
            [
                ("ALP", "supportive"),
                ("Federation of Dock Workers", "supportive"),
                ("Traders and Hawkers Alliance", "supportive"),
                ("People’s Party", "supportive"),
            ],
        ),
        # a person in apposition to the role's place, where the parse hung it
        (
            "Ruling\nThe college's vice-president for the Western Cape, Dr Thandi Mokoena, said the move was "
            "“clinically the right call”.",
            [("Dr Thandi Mokoena", "supportive")],
        ),
        # a noun after the first name's relative clause is that clause's, not a second holder
        (
            "Pilot\nThe Federation of Transport Workers (FTW), which represents rank-and-file drivers, welcomed the "
            "pilot.",
            [("Federation of Transport Workers", "supportive")],
        ),
        # "said the federation's deputy chairman, NAME" / "said its chairwoman, NAME": the officer by name
        (
            "Duties\n“This is a gift to three families who own the mills,” said the federation’s deputy chairman, "
            "Karim Haddad.",
            [("Karim Haddad", "opposed")],
        ),
        (
            "Vote\n“Today the chamber has finally taken young people seriously,” said its chairwoman, Anke Volkmer.",
            [("Anke Volkmer", "supportive")],
        ),
        # who the votes or the abstentions came from
        (
            "Vote\nThe bill was approved with votes in favour from the Greens, the Left Bloc and Livre.",
            [("Greens", "supportive"), ("Left Bloc", "supportive"), ("Livre", "supportive")],
        ),
        ("Vote\nMost of the abstentions came from the Farmers party.", [("Farmers party", "neutral")]),
        # a description after a name is its apposition, even when the parse made it a conjunct
        (
            "Poll\nThe Military Ruling Council (MRC), the junta's ruling body, welcomed the announcement.",
            [("Military Ruling Council", "supportive")],
        ),
        # "whose members" stand for the body the relative clause is about
        (
            "Duties\nThe Vietnam Association of Tool Makers (VATM), whose members need the imported grades, had "
            "lobbied against the duties for months.",
            [("Vietnam Association of Tool Makers", "opposed")],
        ),
        # what a named reporter says of their own side is the reporter's position
        (
            "Vote\nThe Greens' leader, Anna Lind, said the Liberals were wrong. Lind said their deputies would vote "
            "against the bill.",
            [("Anna Lind", "opposed")],
        ),
        # a subject the parse misread ("AfD" as a common noun): the person named right before the verb
        (
            "Reform\nAfD parliamentary leader Dieter Vossberg denounced the reform as “an assault on the voters”.",
            [("Dieter Vossberg", "condemning")],
        ),
        # how the holder says it feels, in reported speech
        (
            "Shield\nMadrid said it was satisfied that European-made systems would make up half of the shield.",
            [("Madrid", "supportive")],
        ),
        ("Shield\nBrussels is broadly satisfied.", [("Brussels", "supportive")]),
        # not yet decided
        (
            "Ban\nConsumer group Codacons said it would consult its members before taking a position.",
            [("Codacons", "neutral")],
        ),
        # what the decision drew from X is X's
        (
            "Deal\nThe deal drew fire from the Sabah Heritage Party.",
            [("Sabah Heritage Party", "opposed")],
        ),
        (
            "Tax\nThe tax drew an immediate threat of retaliation from the United States.",
            [("United States", "condemning")],
        ),
        # ", with B calling it ...": B holds the second position; "clashed with B, accusing him" is not B's
        (
            "Pilot\nThe Police Federation welcomed the pilot, with its chair, Gail Hutchinson, calling it “a force "
            "multiplier”.",
            [("Police Federation", "supportive"), ("Gail Hutchinson", "supportive")],
        ),
        (
            "Tariff\nCouncillor Nomvula Pillay clashed with Mayor Sandile Mkhize, accusing him of hiding a deficit.",
            [("Councillor Nomvula Pillay", "opposed")],
        ),
        # a phrase of place that opens the sentence is nobody: the name after it is the holder
        (
            "Duties\nSouth of the border, the U.S. Timber Coalition, which brought the original petition, welcomed "
            "the decision.",
            [("U.S. Timber Coalition", "supportive")],
        ),
        # how the holder reacted, by the valence of the adverb
        ("Ruling\nThe Tenants Union reacted angrily to the ruling.", [("Tenants Union", "opposed")]),
    ],
)
def test_round_six_phenomena(text, expected):
    # what the cue rules read: the unread gate weighs what they leave (tests/test_unread.py)
    assert [(actor, stance) for actor, stance in rows(text, min_confidence=0, arbiter=False, gate=False)] == expected


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Deputy Foreign Minister Victor Rusu", "m"),
        ("Lidia Grosu", "f"),
        ("Oh Ji-won", ""),  # family name first: its first word says nothing
        ("Grosu", ""),  # a surname alone
    ],
)
def test_a_given_name_suggests_a_gender(name, gender):
    assert gender_of_name(name) == gender


def test_a_given_name_breaks_a_tie_between_people_only_towards_one_that_agrees():
    """'she' after Lidia Grosu and then Victor Rusu is Grosu; with no woman named before, the last person
    named keeps the quote (a given name can mislead across cultures, so it never excludes on its own)."""
    both = (
        "Debate\nDeputy Lidia Grosu spoke first. Deputy Foreign Minister Victor Rusu followed her.\n"
        "“It was never a market, it was a leash,” she told the chamber."
    )
    assert [actor for actor, _ in rows(both, min_confidence=0)] == ["Deputy Lidia Grosu"]
    alone = "Debate\nDeputy Foreign Minister Victor Rusu spoke first.\n“It was a leash,” she told the chamber."
    assert [actor for actor, _ in rows(alone, min_confidence=0)] == ["Deputy Foreign Minister Victor Rusu"]


def test_a_transcript_label_with_a_role_after_a_comma():
    """'NAME, ROLE:' labels a guest's words; a correspondent's line is narration, its label no part of it."""
    text = (
        "River dam - broadcast transcript\n"
        "MALEE SRISUK, HOST: Good evening. Laos has approved the dam.\n"
        "SOMCHAI KEO, CORRESPONDENT: In Hanoi, the Ministry of Agriculture said it was deeply concerned about "
        "the dam.\n"
        "PRANEE THONG, NETWORK OF RIVER VILLAGES: This dam is a disaster for the river and for us.\n"
        "MALEE SRISUK, HOST: Thank you both."
    )
    found = rows(text, min_confidence=0)
    assert ("Ministry of Agriculture", "cautious") in found
    assert any(actor.lower() == "pranee thong" and stance in ("opposed", "condemning") for actor, stance in found)
    assert not any("srisuk" in actor.lower() or "keo" in actor.lower() for actor, _ in found)


def test_a_round_up_with_headings_in_capitals_is_no_transcript():
    """'FANS: The supporters' network was jubilant': headings in capitals over lines of narration name
    categories, not speakers; the body each line names holds its position."""
    text = (
        "Statements after the board is suspended\n"
        "PLAYERS: The Professional Cricketers’ Association voiced concern about the suspension.\n"
        "FANS: The Cricket Supporters Network was jubilant.\n"
        "SPONSOR: Lanka Tea said it would wait for the audit before deciding."
    )
    found = rows(text, min_confidence=0)
    assert ("Professional Cricketers’ Association", "cautious") in found
    assert ("Cricket Supporters Network", "supportive") in found
    assert not any(actor in ("Players", "Fans", "Sponsor") for actor, _ in found)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ban\nWard chairwoman Nguyen Thi Lan, of the Hoan Kiem Ward People’s Committee, said the ward had spent "
            "three years preparing. “The Old Quarter is a living museum, and a museum cannot breathe exhaust,” she "
            "said.",
            "Nguyen Thi Lan",
        ),
        (
            "Ban\nTwo doors down, Pham Thi Hoa, 61, sells noodles. The streets around Hang Bac and Ma May are busy.\n"
            "“I cough every winter, so I am happy if the air is cleaner,” she said.",
            "Pham Thi Hoa",
        ),
    ],
)
def test_a_name_inside_the_quote_or_after_a_place_preposition_is_not_who_she_is(text, speaker):
    """'“The Old Quarter is a living museum,” she said' is the woman named before, not the Old Quarter; and
    streets named after 'around' are never the last person named."""
    assert extract_holders_of(text, "she said", min_confidence=0) == [speaker]


def test_curly_quotes_hide_no_word_from_vader():
    """VADER strips only ASCII punctuation: '“terrible”' and "don’t" must read as 'terrible' and "don't"."""
    from analysis.extract.valence import tone

    assert tone("the timing “terrible”") == tone('the timing "terrible"') < 0
    assert tone("I don’t like it") == tone("I don't like it")
