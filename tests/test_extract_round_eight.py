"""Round eight of the extractor (issue 12): two bodies read as one name, round-up paragraphs that open with a
name as a sentence of its own, positions reserved for later, and which sentences of a quoted passage are
rows of their own. Sentences written for these tests, not the corpus's."""

import pytest

from analysis.extract import extract, said_words
from conftest import extract_rows

rows = extract_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two bodies the parser reads as one name: an acronym and a party, a body and a league
        (
            "Depot vote\nThe board approved the plan, while the SDP and Finns Party (PS) members voted against.",
            [("SDP", "opposed"), ("Finns Party", "opposed")],
        ),
        (
            "Polls\nMembers of the JWF and the Awami Workers' League staged a walkout over the postponement.",
            [("JWF", "opposed"), ("Awami Workers' League", "opposed")],
        ),
        # a name with an "and" of its own stays one
        ("Ferry\nArgyll and Bute Council welcomed the closure.", [("Argyll and Bute Council", "supportive")]),
        (
            "Mines\nThe Ministry of Energy and Mines welcomed the plan.",
            [("Ministry of Energy and Mines", "supportive")],
        ),
        # three bodies listed, two of which the gazetteer read as one name
        (
            "Vote\nThe Green Party, the Left Alliance and the Pirate Party voted against the bill.",
            [("Green Party", "opposed"), ("Left Alliance", "opposed"), ("Pirate Party", "opposed")],
        ),
        # an officer with no name speaks for the body "its" stands for
        (
            "Levy\nThe Swedish Construction Federation met on Monday. Its director of labour market affairs urged "
            "caution, saying the levy must not blow a hole in the budget.",
            [("Swedish Construction Federation", "cautious")],
        ),
        # groups of people stay the groups, not the people they are for
        ("Age checks\nParents' groups have been the bill's loudest champions.", [("Parents' groups", "supportive")]),
        # a comparative line, as the writer characterises it
        (
            "Fishing\nHighland Council, whose area includes Morvern, took a harder line.",
            [("Highland Council", "opposed")],
        ),
        ("Fishing\nThe Nordic Council has taken a more nuanced line.", [("Nordic Council", "cautious")]),
        # a caller named inside the label's brackets, before where they call from
        (
            "Rugby\nHOST: Good morning. The board was dissolved on Monday.\n"
            "CALLER (EPELI, LAUTOKA): Bula. I think the minister did the right thing.",
            [("Epeli", "supportive")],
        ),
        # a branch of a body speaks for the body, not for the place it is in
        (
            "Maternity\nThe Lapland branch of the Finnish Medical Association gave the decision a cautious welcome.",
            [("Finnish Medical Association", "cautious")],
        ),
        # a description, then the name in apposition (parsed as a second subject): one actor, the name
        ("VAR\nThe players' union, NISO, has not taken a position.", [("NISO", "neutral")]),
        # the while-clause's own subject, where the parse gave its verb the first clause's subjects
        (
            "Vote\nThe SPD, the Greens and the FDP voted for the bill, while the CDU/CSU bloc and the far-right "
            "Alternative for Germany (AfD) voted against.",
            [("SPD", "supportive"), ("Greens", "supportive"), ("FDP", "supportive"), ("AfD", "opposed")],
        ),
        # one named among the members who voted holds their vote
        ("Vote\nGantulga was among the MPP members who voted against.", [("Gantulga", "opposed")]),
        # a position reserved for later is neutral, as "is still studying" is
        ("Levy\nThe Ministry of Agriculture said it would study the text.", [("Ministry of Agriculture", "neutral")]),
        (
            "Ruling\nThe electoral commission said it was evaluating whether the ruling applied to it.",
            [("Electoral commission", "neutral")],
        ),
    ],
)
def test_phenomena_of_round_eight(text, expected):
    assert rows(text) == expected


def test_a_round_up_paragraph_that_opens_with_a_name_is_about_that_body():
    text = (
        "Reactions to the payment cap\n"
        "The European Commission proposed on Wednesday to cap direct payments at €100,000 a farm.\n"
        'Nordland Growers. The regional growers\' federation said the cap was "long overdue".\n'
        "Baltic Grain Traders (BGT). The traders' lobby rejected the proposal outright.\n"
    )
    assert rows(text) == [("Nordland Growers", "supportive"), ("Baltic Grain Traders", "opposed")]


def test_a_single_opening_word_or_a_section_heading_is_no_body():
    # one paragraph so opened may be a dateline; section headings in capitals name no one
    text = (
        "Payment cap\n"
        'ECONOMY AND FINANCE. The ministry\'s statement said the cap was "long overdue".\n'
        "FARMERS. The growers' federation rejected the proposal outright.\n"
    )
    actors = [actor for actor, _ in rows(text)]
    assert "ECONOMY AND FINANCE" not in actors and "FARMERS" not in actors and "Farmers" not in actors


def test_a_passage_keeps_each_sentence_that_states_a_view_and_joins_its_colour():
    text = (
        "Bakeries react to the flour levy\n"
        "The government on Monday imposed a levy on imported flour.\n"
        "“This levy will finish us, and the ministry knows it,” said Ana Ruiz, who runs a bakery in Setúbal. "
        "“My grandfather opened this bakery in 1958. We opened at six this morning, as we always do. It is the "
        "worst thing to happen to this street in years.”"
    )
    table = extract(text, main_target="main")
    assert list(table["actor"]) == ["Ana Ruiz", "Ana Ruiz"]
    first, last = (text[r.start : r.end] for r in table.itertuples())
    # the colour is joined to a row next to it; the sentence that states a view is a row of its own
    assert "grandfather opened this bakery" in first and "worst thing" not in first
    assert last.startswith("We opened at six") and last.endswith("in years.”")


def test_the_view_model_tells_a_view_from_colour():
    assert said_words.states_a_view("“It is the best thing to happen to this street in years.")
    assert not said_words.states_a_view("“My grandfather opened this bakery in 1958.")
    assert not said_words.states_a_view("“We opened at six this morning, as we always do.")


def test_she_after_a_quotation_is_not_the_subject_inside_it():
    # the parser hangs "said" under the quotation's "asked": "she" is still the minister, not "Parents"
    text = (
        "Age limit\nSigne Lykkegaard, the minister for digital affairs, presented the bill on Monday. “For fifteen "
        "years we have let the platforms raise our children. Parents asked us for help, and this is the help,” she "
        "said at a press conference at the ministry."
    )
    assert {actor for actor, _ in rows(text)} == {"Signe Lykkegaard"}


def test_a_round_up_heading_with_a_quotation_is_no_transcript():
    # a first person inside a quotation is the speaker's, not the line's: the heading names a body (as the text
    # writes it elsewhere), and the sentence's own subject holds its position
    text = (
        "Age limit\nThe government presented the bill, drafted with Save the Children Denmark, on Monday.\n"
        "SAVE THE CHILDREN DENMARK: The charity said the bill was long overdue.\n"
        "MINISTRY OF DIGITAL AFFAIRS: Signe Lykkegaard, the minister, said the bill was “a line in the sand”. "
        "“We have waited long enough,” she said."
    )
    found = rows(text)
    assert ("Save the Children Denmark", "supportive") in found
    assert {actor for actor, _ in found} == {"Save the Children Denmark", "Signe Lykkegaard"}


def test_a_section_heading_on_its_own_line_names_no_one():
    text = (
        "School food ban\nThe ministry banned sugary drinks in school canteens on Monday.\n"
        "Reactions\nThe association said it was studying an appeal.\n"
    )
    assert "Reactions" not in {actor for actor, _ in rows(text)}
