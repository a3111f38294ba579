"""Round twenty-nine of the extractor (issue 12): a date no longer makes a sentence a schedule for the
unread gate ("… went further, calling a 48-hour strike from Monday"); a description under a round-up heading
that no cue read is still weighed when the heading's body holds no row in its sentence; more nouns name a
body ("the police prefecture", "the Aerospace Valley cluster"); "Eng." is a title, not a sentence's end; and
a name before its description between commas is the verb's subject ("The CFDT, usually the most conciliatory
of the big unions, has joined …"). Sentences written for these tests, not the corpus's."""

import functools

import pytest

from analysis.extract.parse import parse
from conftest import extract_actors, extract_holders_of

actors = functools.partial(extract_actors, arbiter=False)

LEDE = (
    "Speed limit cut to 110 km/h\n\n"
    "The government will lower the motorway speed limit to 110 km/h, the transport ministry said.\n"
)


def test_a_sentence_with_a_date_is_still_weighed_by_the_gate():
    text = LEDE + (
        "The National Union of Tourist Transport Drivers went further, calling a 48-hour strike from Monday.\n"
    )
    assert "National Union of Tourist Transport Drivers" in actors(text)


def test_a_promised_step_is_still_no_position():
    text = LEDE + "The ministry said the new signs would be published in the Official Journal next week.\n"
    assert not extract_holders_of(text, "new signs", arbiter=False)


def test_a_description_under_a_heading_is_weighed_when_the_heading_body_holds_no_row_there():
    text = (
        "Truck toll: the reactions\n\nThe government raised the truck toll by a third on Monday.\n\n"
        "LAPAR (League of Agricultural Producers Associations): LAPAR said the toll would add 8 euros a tonne and "
        'called it "a blow to farmers in the middle of a bad year." The league asked for harvest-season exemptions '
        "for trucks carrying grain.\n"
    )
    assert extract_holders_of(text, "harvest-season exemptions", arbiter=False)


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("The police prefecture declined to comment on the decision.", "Police prefecture"),
        (
            "In Toulouse, the Aerospace Valley cluster has warned that the exclusion would hit smaller suppliers.",
            "Aerospace Valley cluster",
        ),
    ],
)
def test_more_common_nouns_name_a_body(sentence, actor):
    assert actor in actors(LEDE + sentence + "\n")


def test_an_engineers_title_does_not_end_the_sentence():
    text = LEDE + "“The souq is not safe,” said Eng. Rashid Al Hinai, the director of projects.\n"
    assert "Eng. Rashid Al Hinai" in actors(text)


def test_a_name_before_its_description_between_commas_is_the_subject():
    sentence = parse(["The CFDT, usually the most conciliatory of the big unions, has joined the protest."])[0]
    subject = next(t for t in sentence if t.dep_ == "nsubj" and t.head.text == "joined")
    assert subject.text == "CFDT"
    text = LEDE + "The CFDT, usually the most conciliatory of the big unions, has joined the protest.\n"
    assert "CFDT" in actors(text)


def test_a_description_with_a_clause_of_its_own_is_left_as_it_is():
    sentence = parse(["Fonterra, the largest dairy exporter, welcomed the deal."])[0]
    assert next(t for t in sentence if t.dep_ == "nsubj").text == "Fonterra"
