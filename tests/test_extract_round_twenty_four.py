"""Round twenty-four of the extractor (issue 12): a list of voters whose first two names the parser reads as
two subjects, a press release's quotation signed after a dash, and "For the society, …" after the society was
named. Sentences written for these tests, not the corpus's."""

import functools

from analysis.extract import extract
from conftest import extract_actors, extract_rows

rows = functools.partial(extract_rows, arbiter=False)
actors = functools.partial(extract_actors, arbiter=False)


def _holders_of(text: str, words: str) -> list[str]:
    """The actors of the rows whose quote holds `words`."""
    table = extract(text, main_target="main", arbiter=False)
    return list(table[table["quote"].str.contains(words, regex=False)]["actor"])


def test_every_name_of_a_voters_list_votes():
    text = (
        "Senate passes the bill\n\nThe bill passed the Senate 36 votes to 31.\n"
        "Labor, the Greens and most of the crossbench voted for it; the Coalition and One Nation voted against.\n"
        "KO, Polska 2050 and Konfederacja voted in favour of the second bill.\n"
    )
    found = set(rows(text))
    assert {("Labor", "supportive"), ("Greens", "supportive"), ("KO", "supportive")} <= found
    assert ("Konfederacja", "supportive") in found


def test_a_name_and_its_apposition_are_not_a_list():
    text = (
        "Poll count suspended\n\nThe electoral tribunal suspended the quick count.\n"
        "Patricia Lema, director of the polling firm Encuestas Andinas and a former judge, criticised the "
        "decision.\n"
        "The SADC Organ Troika on Politics, Defence and Security welcomed the decision.\n"
    )
    found = actors(text)
    assert "Patricia Lema" in found
    assert "Defence" not in found and "Security" not in found


def test_a_quotation_signed_after_a_dash_is_the_signers():
    text = (
        "Sector backs training guarantee\n\nMEDIA RELEASE – Minister for Aged Care\n"
        "The Government’s training guarantee, announced today, has been welcomed across the sector.\n"
        "“Every older Australian deserves care from someone who is properly trained,” Minister Brockhurst said.\n"
        "Ageing Australia\n"
        "“This is exactly the kind of long-term investment providers have been calling for.” – Tom Vurlis, "
        "Chief Executive, Ageing Australia\n"
        "Health Services Union\n"
        "“Training is welcome, but it has to be matched by pay that keeps people in the sector.” – Gail "
        "Pettigrew, National Secretary, Health Services Union\n"
        "TAFE Directors Australia\n"
        "“The Guarantee rightly recognises that public TAFE is the backbone of the care workforce.” – TAFE "
        "Directors Australia\n"
    )
    assert _holders_of(text, "long-term investment") == ["Tom Vurlis"]
    assert _holders_of(text, "matched by pay") == ["Gail Pettigrew"]
    assert _holders_of(text, "backbone of the care workforce") == ["TAFE Directors Australia"]


def test_a_dash_inside_a_paragraph_signs_nothing():
    text = (
        "Sector backs training guarantee\n\nThe Government announced a training guarantee today.\n"
        "“This is exactly the investment providers have been calling for,” said Tom Vurlis – and Gail Pettigrew "
        "agreed with him.\n"
        "“It is a disgrace,” Ruth Galloway said. “Nobody asked us.” – and then she left the room.\n"
    )
    assert _holders_of(text, "calling for") == ["Tom Vurlis"]
    assert "And" not in actors(text)


def test_for_the_body_named_before_gives_its_view():
    text = (
        "Nuclear site chosen\n\nThe government chose Bełchatów for the plant on Tuesday.\n"
        "The Polish Nuclear Society issued a statement on Wednesday. For the society, the choice is "
        "“technically sound and socially wise”.\n"
    )
    assert _holders_of(text, "socially wise") == ["Polish Nuclear Society"]


def test_for_the_moment_or_the_first_time_gives_nobody_a_view():
    text = (
        "Nuclear site chosen\n\nThe government chose Bełchatów for the plant on Tuesday.\n"
        "For the moment, the choice is “technically sound and socially wise”.\n"
        "For the region, the plant is a lifeline.\n"
    )
    assert actors(text) <= {"Government", "Poland's government", "Bełchatów"}
