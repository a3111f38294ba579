"""Who speaks: each quotation's speaker (the reporting verb that governs it, or the subject of the clause a
colon opens it with), the reporting verbs whose holder got no cue (a position whose words decide), and the
predicates that report words or views without a speech verb ("sent us its reaction: …", "regards the ban as
…"). A mixin of the document reader (`reader.Reader`), whose memory, namer and quotations it uses."""

from __future__ import annotations

from analysis.extract.claims import Sentence
from analysis.extract.parse import VERB_TAGS, child_case
from analysis.extract.parse import Node as Token
from analysis.extract.references import actor_key
from analysis.extract.vocabulary import PASSED_ON

# what a reporting verb reports
REPORTED = frozenset({"ccomp", "xcomp", "parataxis", "obj", "csubj"})


class Speakers:
    """The speaker steps of `reader.Reader`."""

    def _set_speakers(self, sentence: Sentence, holders: dict, speech_ids: set[int]) -> None:
        """Each quotation in the sentence is the words of the reporting verb that governs it, or else of
        the nearest one: '“…,” said X, while Y called it “…”' gives each quotation its own speaker."""
        verbs = [sentence.doc[i] for i in sorted(speech_ids) if i in holders]
        if not verbs:
            return
        for q in self.quotations.overlapping(sentence.start, sentence.end):
            run = self.quotations.runs[q]
            if self.quotations.speaker(q) is not None or run.label:
                continue
            governing = [
                v
                for v in verbs
                if sentence.start + v.left_edge.idx <= run.start < sentence.start + v.right_edge.idx + len(v.right_edge)
            ]
            verb = min(
                governing or verbs,
                key=lambda v: len(v.subtree) if governing else abs(sentence.start + v.idx - run.start),
            )
            self.quotations.set_speaker(q, holders[verb.i][0][0].actor)
            self.memory.last_speaker = holders[verb.i][0][0].actor

    def _colon_speakers(self, sentence: Sentence) -> None:
        """A quotation a clause opens with a colon is its subject's words: "The minister was blunt: “…”", "Johanna
        Weiß is at the lectern now: “…”"."""
        doc, base = sentence.doc, sentence.start
        for q in self.quotations.overlapping(sentence.start, sentence.end):
            run = self.quotations.runs[q]
            if run.start <= base or self.quotations.speaker(q) is not None or run.label:
                continue
            colon = next((t for t in doc if t.text == ":" and base + t.idx < run.start), None)
            if colon is None or self.text[base + colon.idx + 1 : run.start].strip():
                continue
            # the parser hangs the colon on the quoted clause, which hangs on the one before it
            clause = colon.head.head if colon.head.i > colon.i else colon.head
            if clause.lower_ in PASSED_ON or any(
                c.dep_ == "obj" and any(g.dep_ == "nmod:poss" or child_case(g) == "from" for g in c.children)
                for c in clause.children
            ):
                continue  # "Fishers received a letter from the minister: “…”": the words are the minister's
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            named = self.namer.name(subject, base, sentence.mentions) if subject is not None else None
            if named is not None:
                self.quotations.set_speaker(q, named.actor)
                self.memory.last_speaker = named.actor

    def _speech_claims(self, sentence: Sentence, claims: dict, holders: dict, speech_ids: set[int]) -> None:
        """Reporting verbs whose holder got no cue: a position the lexicon cannot read; its words decide."""
        quotations = self.quotations.overlapping(sentence.start, sentence.end)
        doc = sentence.doc
        for i in sorted(speech_ids):
            if i not in holders:
                continue
            # what the verb reports, not a clause beside it ("While A hailed the vote, B said ...")
            inside = {node.i for child in doc[i].children if child.dep_ in REPORTED for node in child.subtree}
            if any(c.predicate in inside and "pronoun" not in c.rule for c in claims.values()):
                continue  # "She added that Madrid would not accept it": the reported position is Madrid's
            # "Kiribati and Nauru said they would decide later": "they" was read as the first of them; what it
            # holds, the others hold too
            theirs = (
                [
                    c
                    for c in claims.values()
                    if c.predicate in inside
                    and "pronoun" in c.rule
                    and any(actor_key(c.actor) == actor_key(n.actor) for n in holders[i][0])
                ]
                if len(holders[i][0]) > 1
                else []
            )
            for n in holders[i][0]:
                if any(k[0] == actor_key(n.actor) for k in claims):
                    continue
                claim = self._claim(
                    claims, n.actor, holders[i][1], "direct" if quotations else "reported", sentence, doc[i], doc[i]
                )
                # "The law itself, she says, is out of step …": what she says begins before her verb
                first = min((doc[k].idx for k in inside if k < i), default=doc[i].idx + len(doc[i]))
                claim.spoken = [(self.quotations.runs[q].start, self.quotations.runs[q].end) for q in quotations] or [
                    (sentence.start + first, sentence.end)
                ]
                if theirs:
                    claim.cues.extend(theirs[0].cues)


# "Cepesca has sent us its reaction: the proposal is “a slap in the face”", "The ministry issued a statement:
# ...": what follows the colon is the subject's words, as after a reporting verb
REACTION_NOUNS = frozenset({"reaction", "response", "statement", "verdict", "message", "answer", "comment"})


# "regards the ban as a betrayal", "sees the levy as overdue": the verb whose subject the judgment after "as" is
VIEWING = frozenset({"regard", "regards", "regarded", "view", "views", "viewed", "see", "sees", "saw", "considers"})


def views_as(verb: Token) -> bool:
    return (
        verb.lower_ in VIEWING
        and verb.tag_ in VERB_TAGS
        and any(c.dep_ in ("obl", "xcomp", "advcl") and child_case(c) == "as" for c in verb.children)
    )


def gives_its_words(verb: Token) -> bool:
    if verb.tag_ not in VERB_TAGS:
        return False
    said = next((c for c in verb.children if c.dep_ == "obj" and c.lower_ in REACTION_NOUNS), None)
    if said is None:
        return False
    after = said.i + 1
    return after < len(verb.doc) and verb.doc[after].text == ":"


# "who asked not to be named", "who declined to be identified": the terms of an interview, not its words
UNNAMED_ON_REQUEST = frozenset({"named", "identified", "quoted"})


def asks_not_to_be_named(verb: Token) -> bool:
    return any(c.dep_ in ("xcomp", "ccomp") and c.lower_ in UNNAMED_ON_REQUEST for c in verb.children)
