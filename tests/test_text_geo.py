"""Text helpers (context, escaping, span segments) and the offline world map geometry."""

import itertools

import pytest

from analysis.present import geo
from analysis.present.text import escape_markdown, in_context, span_segments

TEXT = "First one. The U.S. said no to it. Third here.\nNext para, with words. Gen. Smith agreed."


def test_in_context_returns_the_whole_sentence():
    start = TEXT.index("said no")
    before, quote, after = in_context(TEXT, start, start + len("said no"))
    assert quote == "said no"
    assert before == "The U.S. " and after == " to it."
    start = TEXT.index("Smith")
    assert in_context(TEXT, start, start + 5)[0] == "Gen. "


@pytest.mark.parametrize(
    "payload",
    [
        "[click](javascript:alert(1))",
        "<script>x</script>",
        "**bold** _it_",
        ":red[colour] :smile:",
        "$x^2$",
        "# heading\n- item",
        "![img](http://x/y.png)",
    ],
)
def test_escaped_markdown_has_no_active_syntax(payload):
    escaped = escape_markdown(payload)
    for i, ch in enumerate(escaped):
        if ch in "[]()<>*_:$#!-`":
            assert escaped[i - 1] == "\\", (payload, escaped)
    assert "\n" not in escaped


def test_span_segments_cover_the_text_and_handle_overlaps():
    a, b, c = TEXT.index("The U.S."), TEXT.index("U.S. said"), TEXT.index("here.")
    spans = [(a, TEXT.index(" to it"), "a"), (b, b + len("U.S. said no"), "b"), (c, TEXT.index(" with"), "c")]
    paragraphs = span_segments(TEXT, spans)
    assert len(paragraphs) == 2
    flat = [seg for p in paragraphs for seg in p]
    assert "".join(TEXT[s:e] for s, e, _ in flat) == TEXT.replace("\n", "")
    keys = {TEXT[s:e]: k for s, e, k in flat}
    assert keys["U.S. said no"] == ("a", "b")
    assert keys["The "] == ("a",)
    assert keys[" to it. Third "] == ()
    assert any(k == ("c",) for _, _, k in paragraphs[1])  # a span crossing a newline continues


def test_world_outlines_have_the_story_countries():
    outlines = geo.world_outlines()
    assert {"USA", "VEN", "RUS", "CHN", "IRN"} <= set(outlines)
    assert len(outlines) > 170


def test_no_ring_jumps_across_the_map():
    """Rings that cross the antimeridian are split, so none draws a band across the whole map."""
    for code, rings in geo.world_outlines().items():
        if code == "ATA":  # a ring around the pole; the map leaves Antarctica out
            continue
        for ring in rings:
            for (x1, _), (x2, _) in itertools.pairwise(ring):
                assert abs(x2 - x1) < 2.0, code


def test_natural_earth_projection_known_points():
    assert geo.natural_earth(0, 0) == (0.0, 0.0)
    x, y = geo.natural_earth(180, 0)
    assert x == pytest.approx(2.7354, abs=1e-3) and y == 0
    assert geo.natural_earth(0, 90)[1] == pytest.approx(1.4224, abs=1e-3)
