"""Quotations whose speaker is not known when they are read: each sentence waits, with who was salient,
until the document names the speaker after the quotation, or ends (then the speaker of the quotation
before it in the paragraph, or the person introduced before it, holds it). A mixin of the document reader
(`reader.Reader`), whose quotations, memory and `_decided` it uses."""

from __future__ import annotations

import re

from analysis.extract.actors import Actor
from analysis.extract.claims import Claim, Sentence
from analysis.extract.holders import SPEECH_FORMS
from analysis.extract.parse import VERB_TAGS

SENTENCE_END = re.compile(r"[.!?]\s+$")


class PendingQuotations:
    """The waiting-quotation steps of `reader.Reader`."""

    def _wait(self, quotation: int, sentence: Sentence, cues: list) -> None:
        """Quoted words whose speaker is not known yet: kept, one claim per sentence, with who was salient."""
        waiting = self.pending.setdefault(quotation, {})
        if sentence.start not in waiting:
            salient = None
            if not self._has_reporting_verb(sentence):
                salient = self._introduced_speaker(quotation)
            claim = Claim(
                Actor(name=""),
                "speaker of the quotation",
                "direct",
                self.main,
                (sentence.start, sentence.end),
                [],
                [(sentence.start, sentence.end)],
            )
            waiting[sentence.start] = (claim, sentence, salient)
        waiting[sentence.start][0].cues.extend(cues)

    def _introduced_speaker(self, quotation: int) -> Actor | None:
        """Who a quotation with no speaker named for it is by: at the opening of a paragraph, whoever was
        salient; after the writer's own sentence in the paragraph, the person that sentence names ("Maria Lopez,
        a nurse in Quito, earns $300 a month. “For me the fee is not small money.”"), and nobody else."""
        run = self.quotations.runs[quotation]
        if run.opens_paragraph:
            return self.memory.person() or self.memory.group()
        line_start = self.text.rfind("\n", 0, run.start) + 1
        narration = self.text[line_start : run.start]
        if not SENTENCE_END.search(narration):
            return None
        last_sentence = re.split(r"(?<=[.!?])\s+", narration.strip())[-1]
        person = self.memory.person()
        if person is None or person.name.split()[-1] not in last_sentence:
            return None
        return person

    def _has_reporting_verb(self, sentence: Sentence) -> bool:
        return any(
            t.lower_ in SPEECH_FORMS and t.tag_ in VERB_TAGS and not self.quotations.inside(sentence.start + t.idx)
            for t in sentence.doc
        )

    def _flush_pending(self, held: set[int]):
        """Quotations whose speaker was named after them, or never: a quotation that opens a paragraph
        after its speaker was introduced ("Chairman X has heard it all before. / “Nobody ...”") is theirs. Words
        quoted in a sentence whose own actor holds a position there are that actor's, not the last speaker's
        ("The Centre group hails the decision as “the best day for the harbour”"); `held`: where those
        sentences start."""
        results = []
        for quotation, waiting in self.pending.items():
            speaker = self.quotations.speaker(quotation)
            previous = self.quotations.previous_in_paragraph(quotation, self.text)
            before = self.quotations.speaker(previous) if previous is not None else None
            for claim, sentence, salient in waiting.values():
                actor = speaker or before or salient
                if actor is None or (speaker is None and sentence.start in held):
                    continue
                claim.actor = actor
                if speaker is None:
                    claim.rule = "quotation continues" if before else "quotation after its speaker was named"
                results.extend(self._decided([claim], sentence))
        return results
