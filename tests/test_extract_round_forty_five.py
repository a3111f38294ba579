"""Round forty-five of the extractor (issue 12): a name opened by a people's adjective ("Manx Care", "Irish
Water") is a body, not a person a later "she" could mean; an acronym that is a title before a person's name
("MHK Moira Kissack") leaves a person; "told members" is no group's name; a cue verb parsed as a plural noun
after a body's name ("Liberal Vannin backs …"); airlines, cruise lines and banks as vague groups. Sentences
written for these tests, not the corpus's."""

from functools import partial

from analysis.extract.name_kinds import kind_of_name
from conftest import holders_after_lede, table_after_lede

LEDE = "Fee approved\n\nThe government approved a fee for missed hospital appointments on Monday, officials said.\n"
_table = partial(table_after_lede, LEDE)
_holders = partial(holders_after_lede, LEDE)


def test_a_name_opened_by_a_peoples_adjective_is_a_body():
    assert [kind_of_name(name, default="person") for name in ("Manx Care", "Irish Water", "British Gas")] == [
        "organization",
        "organization",
        "organization",
    ]


def test_a_title_opened_by_a_peoples_adjective_still_names_a_person():
    assert kind_of_name("French President Emmanuel Macron", default="person") == "person"


def test_she_after_a_body_opened_by_a_peoples_adjective_is_the_woman_named_before():
    body = (
        "\nMoira Kissack said the fee was unfair.\n\nManx Care says the charge will cut waste. She will vote against."
    )
    assert _holders(body, "She will vote against") == ["Moira Kissack"]


def test_an_acronym_title_before_a_persons_name_leaves_a_person():
    body = (
        "\nDouglas South MHK Moira Kissack told members the fee would fall hardest on the poor and asked why the "
        "hospital had not first tried phoning patients. She will vote against."
    )
    assert _holders(body, "She will vote against") == ["Douglas South MHK Moira Kissack"]


def test_an_acronym_inside_a_bodys_name_still_makes_a_body():
    assert kind_of_name("TAFE Directors Australia", default="person") == "organization"


def test_a_speaker_who_told_members_is_the_speaker_not_a_group():
    body = (
        "\nTreasury Minister Howard Kinvig said the fee would cut waste. "
        '"Visitors enjoy what taxpayers pay for, and this simply asks for a small contribution," Kinvig told '
        "members before the vote."
    )
    assert _holders(body, "small contribution") == ["Minister Howard Kinvig"]


def test_a_cue_verb_parsed_as_a_plural_noun_after_a_bodys_name_is_its():
    body = "\nLiberal Vannin backs official status but wants the cost of the commissioner capped in law."
    assert _holders(body, "backs") == ["Liberal Vannin"]


def test_cruise_lines_are_a_vague_group():
    body = "\nCruise lines warned the fee could drive ships to cheaper ports."
    rows = _table(body)
    assert rows[rows["evidence"].str.contains("warned")][["actor", "stance"]].values.tolist() == [
        ["Cruise lines", "cautious"]
    ]
