"""Which of a sentence's claims are positions, and their stance: the holder's cues decide (`stance`), or
with none a model of the words learned from annotated news (`said_words`); reported words with no cue,
questions, answers on another matter and the decision-maker's own act are no position. A mixin of the
document reader (`reader.Reader`), whose text, quotations and lede it reads."""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.extract.claims import Claim, Sentence, token_at
from analysis.extract.parse import NOUN_TAGS, VERB_TAGS, is_proper
from analysis.extract.said_words import stance_of
from analysis.extract.stance import Decision, decide
from analysis.extract.valence import deprived, quote_stance
from analysis.extract.view_sources import states_a_view
from analysis.extract.wording import (
    ENACTING,
    GREETING,
    procedure,
    reports_a_clause,
    speaks_of_decision,
    states_a_schedule,
)

OBJECTION_NOUNS = re.compile(
    r"\b(?:objections?|criticisms?|critics|concerns?|complaints?|protests?|opposition|fears|worries|anger|"
    r"backlash|outcry|warnings?|calls for|demands?|appeals?|legal challenges?|"
    # "Asked about the loss of income for canteen operators", "the effect on the current account": what the
    # decision does is its matter too (the dev splits' gold counts 4 such answers of 5 as positions)
    r"loss|losses|impact|effects?|costs?|consequences)\b",
    re.IGNORECASE,
)
# the words a question uses for the news itself, not for another matter
THE_MATTER_IN_HAND = re.compile(r"^\s*(?:the|this|that)\s+(?:change|changes|announcement|matter|issue|news|rise)\s*$")
ASKED_ABOUT = re.compile(r"\b[Aa]sked (?:by [\w ]{1,30} )?(?:about|whether|if|on)\b([^,;:]{1,140})[,;:]")
# "Asked whether the rise could be reversed, …": a question on the decision itself (57 of 65 such answers in the
# dev splits hold a position on it)
ASKED_WHETHER = re.compile(r"[Aa]sked (?:by [\w ]{1,30} )?(?:whether|if)\b")


class Judging:
    """The judging steps of `reader.Reader`."""

    def _decision(self, sentence: Sentence, claim: Claim) -> Decision | None:
        """The claim's stance from its cues, or from the tone of its words; None when it is no position."""
        lexicon_cues = [c for c in claim.cues if c[2].source != "vader"]
        verb_cues = self._verb_cues(sentence, claim)
        if lexicon_cues or verb_cues:
            # the holder's own evaluative verb ("complained that ...") judges, whatever the tone of the words
            # it reports
            return decide(self.text, lexicon_cues or verb_cues, window_start=sentence.start)
        # no stance cue: the tone of what was said (VADER), evaluative words included
        said = claim.spoken or self._quoted(sentence, claim) or [claim.span]
        if GREETING.match(self.text[said[0][0] : said[0][1]].lstrip(" “\"‘'")):
            return None  # "“Good morning and welcome to this special meeting,” the Lord Provost told members"
        decision = quote_stance(self.text, said)
        learned = stance_of(self.text[claim.span[0] : claim.span[1]], model=self.words)
        if learned is not None:
            # the model reads all the words, so no single word is shown as the cue that decided
            no_cue = {"cue": "", "cue_end": decision.cue_start}
            decision = replace(decision, stance=learned[0], learned=learned[1], **no_cue)
        elif self._reported_loss(sentence, claim, decision):
            decision = replace(decision, stance="opposed")
        spoken = claim.spoken or [claim.span]
        if (
            claim.mode == "reported"
            # what a speaker reports another saying is kept as the speaker's own words would be
            and claim.rule != "reported in the quotation"
            and not self._acts_by_verb(sentence, claim)
            and not (
                (reports_a_clause(sentence, claim) or claim.rule == "according to")
                and (speaks_of_decision(self.text, spoken) or self._quotes_a_fragment(sentence, spoken))
                and not procedure(self.text, spoken)
            )
            and not (claim.rule == "according to" and states_a_view(sentence.doc))
        ):
            return None  # "X said it would reply to the letter": reported words with no cue are no position
            # unless they speak of the decision ("said the ban would keep prices in check")
        return decision

    def _quotes_a_fragment(self, sentence: Sentence, spoken: list[tuple[int, int]]) -> bool:
        """'said the combination would “strengthen the resilience of the system”': words the writer chose to
        quote inside reported speech are the speaker's judgment, whatever they name."""
        if self.quotations.whole(sentence.start, sentence.end) is not None:
            return False
        return any(self.quotations.overlapping(a, b) for a, b in spoken)

    def _reported_loss(self, sentence: Sentence, claim: Claim, decision: Decision) -> bool:
        """'X said buyers “would have nothing left”': a quoted fragment in a reporting sentence that speaks of
        loss is opposition. (A whole sentence of quotation is often the problem a measure fixes, so not there.)"""
        if decision.stance != "supportive" or abs(decision.tone or 0.0) >= 0.3 or not claim.spoken:
            return False
        if claim.rule.startswith(("speaker of the quotation", "quotation")):
            return False
        inside = [s for s in claim.spoken if self.quotations.inside(s[0]) and s[0] > sentence.start]
        return bool(inside) and deprived(self.text, inside)

    def _asks(self, sentence: Sentence, claim: Claim) -> bool:
        """A question in the writer's or a presenter's words. A speaker's own question in a quotation ("“Who pays
        the 5 per cent now?”") is a position, cue or none: the dev splits' writers annotate such questions, 71% of
        them as opposition (round twenty-five: 31 more matched dev rows for 48 more proposed)."""
        if not self.text[sentence.start : sentence.end].rstrip(" ”\"’'").endswith("?"):
            return False
        return claim.mode != "direct"

    def _states_no_position(self, sentence: Sentence, root) -> bool:
        """A schedule, a procedure or a greeting, as the annotation guide says, or a question in the writer's
        words or a presenter's line ("Is Tonga taking this further?"; a speaker's own question is a position):
        no one's position, whoever its subject is."""
        words = self.text[sentence.start : sentence.end]
        if states_a_schedule(self.text, sentence) or GREETING.match(words.lstrip(" “\"‘'")):
            return True
        if not words.rstrip(" ”\"’'").endswith("?"):
            return False
        quotation = self.quotations.at(sentence.start + root.idx)
        return quotation is None or self.quotations.runs[quotation].host

    def _answers_another_question(self, sentence: Sentence) -> bool:
        """'Asked about the water outages, Mahlangu said ...': an answer on another matter (the guide counts
        people quoted on unrelated matters as no position)."""
        asked = ASKED_ABOUT.search(self.text, sentence.start, sentence.end)
        # "Asked about the cost, the minister said the reform was “an investment”": an answer that speaks of
        # the decision is on it, whatever the question (the dev splits' gold counts 21 answers after a question
        # on another matter as positions, against 12 that are none)
        if asked is None or ASKED_WHETHER.match(self.text, asked.start()):
            return False
        if speaks_of_decision(self.text, [asked.span(1), (asked.end(), sentence.end)]):
            return False
        if THE_MATTER_IN_HAND.search(asked.group(1)):
            return False  # "asked about the change", "asked about the matter": the news the article is about
        # "Asked about the fishermen's objections, the minister said ...": the reaction to the decision, and
        # its effects, are the decision's matter
        return not OBJECTION_NOUNS.search(asked.group(1))

    def _enacts(self, sentence: Sentence, claim: Claim) -> bool:
        """'The Italian government on Tuesday approved a decree ...' opening the article: whoever makes the
        decision, making it. The corpora's writers never count that as a position on it."""
        if sentence.doc is None or not 0 <= claim.predicate < len(sentence.doc):
            return False
        predicate = sentence.doc[claim.predicate]
        if (
            claim.rule.startswith("passive agent")
            and predicate.tag_ == "VBN"
            and predicate.dep_ in ("acl", "amod", "advcl")
        ):
            # "the Gaming Act approved by Parliament in November": the decision named by who made it
            return bool(ENACTING.fullmatch(predicate.lower_))
        if not claim.rule.startswith("subject"):
            return False
        if any("strike" in cue[2].text for cue in claim.cues):
            return False  # "The RMT has announced a 48-hour strike": a protest, not the decision
        return self._enacts_in_lede(sentence, predicate)

    def _enacts_in_lede(self, sentence: Sentence, verb) -> bool:
        """The article's opening sentence, its verb making a decision ("approved", "passed", "struck down")."""
        if sentence.start != self.lede or any(c.lower_ in ("not", "n't", "never") for c in verb.children):
            return False  # "X has not yet decided": no decision, a position of waiting
        return bool(ENACTING.fullmatch(verb.lower_))

    def _quoted(self, sentence: Sentence, claim: Claim) -> list[tuple[int, int]]:
        """The quoted words of a claim read from inside a quotation ("called it “a sad day”"): what the
        speaker said, without the writer's words around it."""
        if claim.mode != "direct":
            return []
        runs = [self.quotations.runs[q] for q in self.quotations.overlapping(sentence.start, sentence.end)]
        return [(max(r.start, sentence.start), min(r.end, sentence.end)) for r in runs]

    def _verb_cues(self, sentence: Sentence, claim: Claim) -> list:
        """The claim's evaluative verbs by VADER's valence, in the writer's words (not quoted)."""
        if sentence.doc is None:
            return []
        found = []
        for cue in claim.cues:
            if cue[2].source != "vader" or self.quotations.inside(cue[0]):
                continue
            token = token_at(sentence.doc, cue[0] - sentence.start, cue[1] - sentence.start)
            if token is not None and acts(token) and not self._in_presenters_line(cue[0]):
                found.append(cue)
        return found

    def _acts_by_verb(self, sentence: Sentence, claim: Claim) -> bool:
        """An evaluative verb ("attacked the governor") is a position in itself; an evaluative modifier in
        reported words ("a special session", "free to set fees") is not."""
        if sentence.doc is None:
            return bool(claim.cues)
        for start, end, _ in claim.cues:
            token = token_at(sentence.doc, start - sentence.start, end - sentence.start)
            if token is not None and acts(token) and not self._in_presenters_line(start):
                return True
        return False

    def _in_presenters_line(self, position: int) -> bool:
        """Whether `position` is in a transcript's presenter's line: "Minister, the Pirates are not happy"
        puts a question to a guest."""
        return self.quotations.transcript and not self.quotations.labelled(position)


FEELERS = frozenset({"it", "he", "she", "they", "we", "i"})
FEELINGS = frozenset(
    {"angry", "furious", "livid", "irate", "indignant", "upset", "bitter", "hostile", "unconvinced", "unhappy"}
    | {"happy", "glad", "hopeful", "confident", "enthusiastic", "jubilant", "ecstatic", "grateful", "thankful"}
    | {"keen", "eager", "sympathetic", "relieved", "pleased", "satisfied", "delighted", "angrier"}
    | {"dismayed", "disappointed", "frustrated", "worried", "concerned", "alarmed", "wary", "uneasy", "nervous"}
)


def acts(token) -> bool:
    """A verb, the adverb that says how a verb was done ("reacted angrily", "responded warmly"), or how the
    holder says they feel ("Paris said it was satisfied", "she said she was disappointed")."""
    felt = token.lower_.endswith("ed")  # "Brussels is satisfied": a feeling; "the Liberals were wrong": a verdict
    # "Traders were angry", "Local industry was jubilant": an adjective that only a feeling can be says
    # how its subject, whoever that is, takes the news
    feeling = token.lower_ in FEELINGS
    predicative = (
        token.tag_ in ("JJ", "VBN")
        and any(c.dep_ in ("cop", "aux:pass") for c in token.children)
        and any(
            c.dep_ in ("nsubj", "nsubj:pass", "expl")
            and (c.lower_ in FEELERS or (is_proper(c) and felt) or (feeling and c.tag_ in NOUN_TAGS))
            for c in token.children
        )
    )
    return token.tag_ in VERB_TAGS or manner_of_verb(token) or predicative


def manner_of_verb(token) -> bool:
    """An adverb next to the verb it qualifies: "reacted angrily", "bitterly opposed"."""
    near = abs(token.head.i - token.i) <= 2
    return token.tag_ == "RB" and token.dep_ == "advmod" and token.head.tag_ in VERB_TAGS and near
