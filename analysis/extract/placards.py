"""Words on a protest's placards: "About 40 farmers gathered outside the court with placards reading “Land is
not for sale”", "Their placards read: “…”". The words are those who carry them, as the corpora's writers count
them. A mixin of the document reader (`reader.Reader`), whose namer, memory and quotations it uses."""

from __future__ import annotations

import re

from analysis.extract.claims import Sentence, quoted_words
from analysis.extract.parse import PRONOUN_TAGS, VERB_TAGS
from analysis.extract.parse import Node as Token
from analysis.extract.references import actor_key

PLACARD_NOUNS = frozenset(
    {"placard", "placards", "banner", "banners", "sign", "signs", "poster", "posters", "t-shirts", "slogans"}
)
# the words between a placard and what it says: "placards reading", "signs that read:", "a banner saying"
PLACARD_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(PLACARD_NOUNS))})\b[^“”\"\n]{{0,30}}?"
    r"\b(?:read|reads|reading|saying|said|proclaiming|declaring|bearing)\s*:?\s*$",
    re.IGNORECASE,
)
# who may carry a placard in a sentence's words without being its holder: "some holding signs", "many of them"
NOT_THE_HOLDER = frozenset({"some", "many", "several", "most", "others", "one", "them", "few"})


class Placards:
    """The placard steps of `reader.Reader`."""

    def _placard_speakers(self, sentence: Sentence) -> list:
        """Each quotation written on a placard, with its carriers as its speaker: (quotation, actor)."""
        found = []
        for q in self.quotations.overlapping(sentence.start, sentence.end):
            run = self.quotations.runs[q]
            if run.label or self.quotations.speaker(q) is not None or run.start <= sentence.start:
                continue
            if not PLACARD_BEFORE.search(self.text, max(sentence.start, run.start - 80), run.start):
                continue
            placard = _placard_before(sentence, run.start)
            carrier = _carrier(placard) if placard is not None else None
            named = self.namer.name(carrier, sentence.start, sentence.mentions) if carrier is not None else None
            if named is not None and named.actor.name:
                self.quotations.set_speaker(q, named.actor)
                found.append((q, named.actor))
        return found

    def _placard_claims(self, sentence: Sentence, claims: dict, carried: list) -> None:
        """The carriers' position, where no cue in the placard's words gave them one."""
        for q, actor in carried:
            if any(key[0] == actor_key(actor) for key in claims):
                continue
            run = self.quotations.runs[q]
            span = (sentence.start, sentence.end)
            claims[(actor_key(actor), self.main)] = quoted_words(actor, self.main, span, (run.start, run.end))


def _placard_before(sentence: Sentence, at: int) -> Token | None:
    """The last placard noun before the quotation."""
    nouns = [t for t in sentence.doc if t.lower_ in PLACARD_NOUNS and sentence.start + t.idx < at]
    return nouns[-1] if nouns else None


def _carrier(placard: Token) -> Token | None:
    """Who carries the placard: its owner ("Their placards"), or the subject of the first clause above it that
    names one ("parents …, some holding signs": the parents, not "some")."""
    owner = next((c for c in placard.children if c.dep_ == "nmod:poss"), None)
    if owner is not None:
        return owner
    if placard.dep_ == "appos" and placard.head.tag_ in ("NNS", "NNPS"):
        return placard.head  # "parents …, some holding signs that read": "signs" read as the parents' apposition
    node = placard
    for _ in range(8):
        if node.tag_ == "VBG" and node.dep_ == "acl" and node.head.tag_ in ("NNS", "NN", "NNP", "NNPS"):
            return node.head  # "mostly Juwa supporters holding placards that read …"
        if node.tag_ in VERB_TAGS or node.head is node:
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if subject is not None and subject is not placard and subject.lower_ not in NOT_THE_HOLDER:
                return subject if subject.tag_ not in PRONOUN_TAGS or subject.lower_ == "they" else None
        if node.head is node:
            return None
        node = node.head
    return None
