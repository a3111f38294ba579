"""Round twenty-eight of the extractor (issue 12): a round-up paragraph under a body's heading that calls the
body by a description ("The party's statement …", "The charity said …") gives the heading's body its row, not
a body called "Party" (test_extract_round_eight's charity under its heading covers the unread gate's side).
Sentences written for these tests, not the corpus's."""

import functools

from conftest import extract_actors

actors = functools.partial(extract_actors, arbiter=False)

ROUND_UP = "Wage rise: the parties react\n\nThe government raised the minimum wage by 12 per cent on Monday.\n\n"


def test_a_unit_of_the_heading_body_speaks_for_it():
    text = ROUND_UP + (
        "Fuerza Popular.\n"
        "The party's statement, signed by its bench in Congress, called the rise reckless and asked for a review.\n"
        "\n"
        "Perú Libre.\n"
        "The party's statement welcomed the rise as overdue.\n"
    )
    found = actors(text)
    assert {"Fuerza Popular", "Perú Libre"} <= found
    assert "Party" not in found
