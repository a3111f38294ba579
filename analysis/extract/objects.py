"""One holder, two things judged in one sentence: "welcomed the wage rise while rejecting the shift rule"
is support for one thing and opposition to another, not a mixed (cautious) view of one.

A claim is split in two when its stance cues sit on two verbs with direct objects of their own, the
second not pointing back at the first ("welcomed the decision but criticised its timing" is one view with a
reservation, so it stays whole), and the two verbs read as opposite stances once each is decided alone.
"""

from __future__ import annotations

from dataclasses import replace

from analysis.extract.claims import Claim, Sentence, clause_span, token_at
from analysis.extract.parse import PRONOUN_TAGS, VERB_TAGS
from analysis.extract.stance import NEGATIVE, POSITIVE, decide

BACK_REFERENCES = frozenset({"its", "their", "his", "her", "this", "that", "these", "those"})


def split_by_object(claim: Claim, sentence: Sentence, text: str) -> list[Claim]:
    doc = sentence.doc
    if doc is None or claim.mode == "direct":
        return [claim]
    by_verb: dict[int, list] = {}
    for cue in claim.cues:
        if cue[2].source == "vader":
            continue
        token = token_at(doc, cue[0] - sentence.start, cue[1] - sentence.start)
        if token is None or token.tag_ not in VERB_TAGS:
            return [claim]
        by_verb.setdefault(token.i, []).append(cue)
    if len(by_verb) != 2:
        return [claim]
    (first, first_cues), (second, second_cues) = sorted(by_verb.items())
    objects = [_object(doc[first]), _object(doc[second])]
    if None in objects or _points_back(objects[1]):
        return [claim]
    stances = [decide(text, cues, window_start=sentence.start) for cues in (first_cues, second_cues)]
    kinds = {("+" if s.stance in POSITIVE else "-" if s.stance in NEGATIVE else "0") for s in stances if s}
    if kinds != {"+", "-"}:
        return [claim]
    return [
        replace(claim, cues=cues, span=clause_span(doc[i], sentence), predicate=i, spoken=list(claim.spoken))
        for i, cues in ((first, first_cues), (second, second_cues))
    ]


def _object(verb):
    return next((c for c in verb.children if c.dep_ == "obj"), None)


def _points_back(obj) -> bool:
    """'its timing', 'them', 'this': the thing judged is the one already named."""
    if obj.tag_ in PRONOUN_TAGS:
        return True
    return any(c.dep_ in ("nmod:poss", "det") and c.lower_ in BACK_REFERENCES for c in obj.children)
