"""One speaker's quoted passage: the sentences of a quotation that runs on (“A,” X said. “B. C.”, and the
paragraphs that carry it on) are read one by one; each that states a view is a proposal of its own, and
the quoted sentences of colour are joined to the nearest proposal of the same speaker in the passage,
whose evidence then spans them.

Why: the annotation guide asks for a row per actor and sentence that says what the actor thinks, and
writers annotate each quoted sentence that carries a point; but a proposal for every sentence pins
positions on sentences of colour ("I've been on Main Street for thirty-one years"). A sentence with a cue
of its own, or its own reporting verb ("she added"), stays a proposal of its own; a quoted sentence with
neither does when a model of annotated news reads its words as stating a view (`said_words.states_a_view`,
which replaced VADER's tone in round eight: on the dev splits, the quoted sentences it keeps were annotated
56% of the time, those it joins 26%).
"""

from __future__ import annotations

import re

from analysis.extract.claims import Sentence
from analysis.extract.quotes import Quotations
from analysis.extract.references import actor_key
from analysis.extract.said_words import WordsModel, states_a_view


def passages(quotations: Quotations, text: str) -> list[int]:
    """The passage each quotation belongs to (the index of its first quotation): quotations joined when
    one carries on another across a paragraph break, or when they follow one another in a paragraph and
    are not known to be different speakers'."""
    parent = list(range(len(quotations.runs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, run in enumerate(quotations.runs):
        if run.continues is not None:
            parent[find(i)] = find(run.continues)
        before = quotations.previous_in_paragraph(i, text)
        if before is not None and _may_be_same_speaker(quotations, i, before, text):
            parent[find(i)] = find(before)
    return [find(i) for i in range(len(parent))]


def _may_be_same_speaker(quotations: Quotations, later: int, earlier: int, text: str) -> bool:
    """A quotation with no speaker of its own carries on the one before it, unless a sentence of the writer's
    own comes between and leads into it ("… say they “could not in good conscience vote”. The Centre group hails
    the decision as “the best day for the harbour”": the group's words); one whose speaker is named does not
    take in an earlier one whose speaker is not ("a statement condemning it as “…”. … Choi said she had
    “never felt so abandoned”")."""
    mine, theirs = quotations.speaker(later), quotations.speaker(earlier)
    if mine is None:
        return not NARRATION_BETWEEN.search(text, quotations.runs[earlier].end, quotations.runs[later].start)
    return theirs is not None and actor_key(mine) == actor_key(theirs)


# a sentence end, then the writer's words up to the next quotation
NARRATION_BETWEEN = re.compile(r"[.!?]\s+[^\s“”\"‘’']")


def joined(results: list, quotations: Quotations, text: str, *, view: WordsModel | None = None) -> list:
    """The (claim, decision, sentence) results with each speaker's passage joined, in text order."""
    if not quotations.runs:
        return results
    passage_of = passages(quotations, text)
    bounds = _bounds(quotations, passage_of)
    speakers = _speakers(quotations, passage_of)
    groups: dict[tuple, list[int]] = {}
    for position, (claim, _, sentence) in enumerate(results):
        key = _passage_key(claim, sentence, quotations, passage_of, speakers)
        if key is not None:
            groups.setdefault(key, []).append(position)
    dropped: set[int] = set()
    for key, members in groups.items():
        dropped |= _join(results, members, bounds[key[2]], text, view)
    kept = []
    for position, (claim, decision, sentence) in enumerate(results):
        if position in dropped:
            continue
        if claim.span != (sentence.start, sentence.end) and position in _positions(groups):
            sentence = Sentence(*claim.span, None, [])
        kept.append((claim, decision, sentence))
    return kept


def _join(results: list, members: list[int], bound: tuple[int, int], text: str, view: WordsModel | None) -> set[int]:
    """Join one passage's proposals; the positions joined into another."""
    anchors = [
        p
        for p in members
        if _has_cue(results[p][0], word_cues=True)
        or not _quoted_only(results[p][0])
        or states_a_view(text[results[p][2].start : results[p][2].end], model=view)
    ]
    if not anchors:  # words alone: one position, told by its most telling sentence
        anchors = [max(members, key=lambda p: (results[p][1].confidence, -p))]
    dropped = set()
    for p in members:
        if p in anchors:
            continue
        nearest = results[min(anchors, key=lambda a: (abs(a - p), a))][0]
        absorbed = results[p][0]
        nearest.span = (min(nearest.span[0], absorbed.span[0]), max(nearest.span[1], absorbed.span[1]))
        if absorbed.mode == "direct":
            nearest.mode = "direct"
        dropped.add(p)
    # the passage's sentences that produced no proposal are still its speaker's words
    first, last = results[anchors[0]][0], results[anchors[-1]][0]
    first.span = (min(first.span[0], bound[0]), first.span[1])
    last.span = (last.span[0], max(last.span[1], bound[1]))
    return dropped


def _positions(groups: dict[tuple, list[int]]) -> set[int]:
    return {p for members in groups.values() for p in members}


def _bounds(quotations: Quotations, passage_of: list[int]) -> dict[int, tuple[int, int]]:
    """Where each passage starts and ends."""
    bounds: dict[int, tuple[int, int]] = {}
    for q, root in enumerate(passage_of):
        run = quotations.runs[q]
        low, high = bounds.get(root, (run.start, run.end))
        bounds[root] = (min(low, run.start), max(high, run.end))
    return bounds


def _speakers(quotations: Quotations, passage_of: list[int]) -> dict[int, str]:
    """The speaker of each passage whose speaker the quotations name (the first one named)."""
    found: dict[int, str] = {}
    for q, root in enumerate(passage_of):
        speaker = quotations.speaker(q)
        if speaker is not None and root not in found:
            found[root] = actor_key(speaker)
    return found


def _quoted_only(claim) -> bool:
    """A sentence of quoted words, attributed by its quotation rather than by a reporting verb of its own."""
    return claim.rule.startswith(("speaker of the quotation", "quotation"))


def _has_cue(claim, *, word_cues: bool = False) -> bool:
    return any(word_cues or cue[2].source != "vader" for cue in claim.cues)


def _passage_key(
    claim, sentence: Sentence, quotations: Quotations, passage_of: list[int], speakers: dict[int, str]
) -> tuple | None:
    """(speaker, target, passage) of a claim read from a sentence of a passage that is not known to be
    another speaker's."""
    mine = actor_key(claim.actor)
    for q in quotations.overlapping(sentence.start, sentence.end):
        root = passage_of[q]
        if speakers.get(root, mine) == mine and not quotations.runs[q].host:
            return (mine, claim.target, root)
    return None
