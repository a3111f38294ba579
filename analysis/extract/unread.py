"""Positions in sentences where the cue rules read none: "Iran, which has long opposed any change to its
frontier, was more guarded", "She believes the margin could add two percent of GDP", "The association has
called a three-day strike". A learned gate weighs each such sentence whose holder the parse still gives
(the subject of its main verb, or the speaker of the quotation it lies in) and proposes it when annotated
news says a sentence like it is that holder's position more often than not.

Why a model here and rules elsewhere: by round eleven, the misses of each new split were sentences with a
holder but no cue the lexicon knows, each phrased its own way, and rules written for one split's phrasings
moved the next sealed split by a row or less. Whether such a sentence states its subject's position shows
in what a model can weigh across every dev split at once: how likely its words state a view and which
way they lean (`said_words`, fitted on the other splits), how its holder was found, whether the holder has
spoken just before, and whether it is quoted speech.

`make fit` refits it (`fitting.fit_gate`, on proposals read with the words models fitted on the other
splits) and writes `unread_gate.json`; reading it needs no scikit-learn.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from pathlib import Path

from analysis.extract import actors as actor_finder
from analysis.extract import confidence
from analysis.extract.actors import Actor
from analysis.extract.claims import Claim, Sentence
from analysis.extract.given_names import is_given_name
from analysis.extract.layout import describes_by_common_noun
from analysis.extract.parse import PRONOUN_TAGS
from analysis.extract.references import actor_key
from analysis.extract.said_words import WordsModel, probabilities, stance_of, view_probability
from analysis.extract.stance import Decision
from analysis.extract.unread_clauses import (
    CLAUSES,
    as_main,
    has_subject,
    introduces,
    is_comparative,
    is_raising,
    is_speech_verb,
    reported_by_speaker,
)
from analysis.extract.valence import quote_stance
from analysis.extract.view_sources import view_framed_by
from analysis.extract.vocabulary import PASSED_ON, RECEIVING

GATE_FILE = Path(__file__).resolve().parent / "unread_gate.json"
# the gate's L2 penalty: 1 and 3 gave the same F1 on the dev splits left out, 3 lowered no split
REGULARISATION = 3.0
RULE = "no cue read"  # every rule this module names starts with it, so the confidence and the review page see it
VIAS = ("subject", "name before the verb", "shared subject", "speaker of its quotation", "passive subject", "other")
REFERENCES = ("pronoun", "role noun", "surname", "acronym")
KINDS = ("person", "organization", "country", "commentators")
STANCES_READ = ("condemning", "opposed", "cautious", "neutral", "supportive")
FEATURES = (
    "bias",
    *(f"via:{v}" for v in VIAS),
    *(f"reference:{r}" for r in REFERENCES),
    *(f"kind:{k}" for k in KINDS),
    "known_actor",
    "view",
    *(f"words:{s}" for s in STANCES_READ),
    "lean",
    "tone",
    "quoted_share",
    "whole_quotation",
    "question",
    "speech_verb",
    "main_clause",
    "spoke_just_before",
    "spoke_earlier",
    "opens_paragraph",
    "lede",
    "beside_other",
    "words",
    "comparative",
)


@dataclass(frozen=True)
class Candidate:
    """A sentence the rules proposed nothing in, and who would hold a position there."""

    sentence: Sentence
    actors: tuple[Actor, ...]
    via: str
    speech_verb: bool
    main_clause: bool = True
    comparative: bool = False


def features(
    text: str,
    candidate: Candidate,
    *,
    spoken_before: list[set[str]],
    quoted_share: float,
    whole_quotation: bool,
    opens_paragraph: bool,
    lede: bool,
    beside_other: bool,
    words: WordsModel | None = None,
    view: WordsModel | None = None,
) -> dict[str, float]:
    """What the gate weighs for one candidate, by name. `spoken_before` holds the actor keys with a
    proposal in each earlier sentence, the nearest last."""
    sentence = text[candidate.sentence.start : candidate.sentence.end]
    actor = candidate.actors[0]
    key = actor_key(actor)
    via = candidate.via.split(",")[0]
    read = probabilities(sentence, model=words)
    values = {
        "bias": 1.0,
        f"via:{via if via in VIAS else 'other'}": 1.0,
        **{f"reference:{r}": float(r in candidate.via) for r in REFERENCES},
        f"kind:{actor.kind if actor.kind in KINDS else 'organization'}": 1.0,
        "known_actor": float(bool(actor.actor_id)),
        "view": view_probability(sentence, model=view),
        **{f"words:{s}": read.get(s, 0.0) for s in STANCES_READ},
        "lean": max((read.get(s, 0.0) for s in STANCES_READ if s != "neutral"), default=0.0),
        "tone": abs(quote_stance(text, [(candidate.sentence.start, candidate.sentence.end)]).tone or 0.0),
        "quoted_share": quoted_share,
        "whole_quotation": float(whole_quotation),
        "question": float(sentence.rstrip(" ”\"’'").endswith("?")),
        "speech_verb": float(candidate.speech_verb),
        "main_clause": float(candidate.main_clause),
        "spoke_just_before": float(bool(spoken_before) and key in spoken_before[-1]),
        "spoke_earlier": float(any(key in keys for keys in spoken_before)),
        "opens_paragraph": float(opens_paragraph),
        "lede": float(lede),
        "beside_other": float(beside_other),
        "words": min(len(sentence.split()), 60) / 60,
        "comparative": float(candidate.comparative),
    }
    return values


@dataclass(frozen=True)
class Gate:
    """A fitted gate: the weight of each feature and the probability from which a candidate is proposed.
    `Gate.everything()` proposes every candidate (what the fitting reads)."""

    weights: dict[str, float]
    threshold: float

    @classmethod
    def of(cls, fitted: dict) -> Gate:
        return cls(dict(fitted["weights"]), float(fitted["threshold"]))

    @classmethod
    def everything(cls) -> Gate:
        return cls({"bias": 40.0}, 0.0)

    def probability(self, values: dict[str, float]) -> float:
        return confidence.probability(values, self.weights)


@functools.cache
def shipped(path: Path = GATE_FILE) -> Gate | None:
    if not path.exists():
        return None
    return Gate.of(json.loads(path.read_text(encoding="utf-8")))


def left_out(corpus: str, path: Path = GATE_FILE) -> Gate | None:
    """The gate fitted on every dev split but `corpus` (as `fit_gate` names it), for scoring that split as
    a new article would be: the confidence learns from it (`fitting.calibrate`)."""
    if not path.exists():
        return None
    fitted = json.loads(path.read_text(encoding="utf-8"))
    weights = fitted.get("left_out", {}).get(corpus)
    return Gate(dict(weights), float(fitted["threshold"])) if weights else None


def same_or_part(actor: Actor, other: Actor) -> bool:
    """The same actor, or one named by a part of the other's name ("Military Veterans" and "Department of
    Defence and Military Veterans")."""
    if actor_key(actor) == actor_key(other):
        return True
    mine, theirs = actor_finder.fold(actor.name).lower(), actor_finder.fold(other.name).lower()
    shorter, longer = sorted((mine, theirs), key=len)
    return bool(shorter) and f" {shorter} " in f" {longer} "


def _named_by_given_name(actor: Actor) -> bool:
    words = actor.name.split()
    return actor.kind == "person" and len(words) > 1 and is_given_name(words[0])


def claim_of(candidate: Candidate, actor: Actor, main_target: str) -> Claim:
    sentence = candidate.sentence
    mode = "direct" if candidate.via.startswith("speaker of") else "reported"
    return Claim(actor, f"{RULE}: {candidate.via}", mode, main_target, (sentence.start, sentence.end))


def decision_of(text: str, claim: Claim, *, words: WordsModel | None, probability: float) -> Decision:
    """The stance of a sentence with no cue: the words model's reading of it, else its tone."""
    decision = quote_stance(text, [claim.span])
    learned = stance_of(text[claim.span[0] : claim.span[1]], model=words)
    if learned is None:
        return decision
    return replace(
        decision, stance=learned[0], learned=learned[1], cue="", cue_end=decision.cue_start, confidence=probability
    )


class UnreadSentences:
    """The steps of `reader.Reader` for the sentences its cue rules proposed nothing in."""

    def _note_unread(self, sentence: Sentence, claimed: list[Actor]) -> None:
        """Who would hold a position in a sentence where the cue rules read none for them (`claimed`: the
        actors they read one for): its main verb's subject, as the cue rules find a holder,
        else the speaker of the quotation it lies in; and the subject of each other clause of its own
        ("…, with B calling it …", "While A welcomed it, B …"). A subject the parse missed is remembered for
        the references after it whether or not a gate weighs the sentence."""
        root = next((t for t in sentence.doc if t.head.i == t.i), None)
        if root is None or self._states_no_position(sentence, root):
            return
        # the actors the rules read a position for here, or rejected one of (a question, the decision-maker's
        # own act), and those already weighed
        seen = [*claimed, *self.rejected.get(sentence.start, ())]
        for verb in [root, *(t for t in sentence.doc if t.dep_ in CLAUSES and has_subject(t))]:
            if verb is not root and self.quotations.inside(sentence.start + verb.idx):
                continue  # a clause inside quoted words is the speaker's, whoever its subject is
            speech = is_speech_verb(verb)
            actors, via = self._would_hold(sentence, verb, speech=speech, main=verb is root)
            heading = self._heading_of(sentence)
            # "SAVE THE CHILDREN: The charity said …": the heading's body, read in this sentence already (not in the
            # sentence before it: "LAPAR (…): LAPAR said … The league asked for exemptions" is a second position)
            read = heading is not None and any(same_or_part(heading, a) for a in claimed)
            if read and (via.endswith("description") or describes_by_common_noun(verb)):
                actors = ()
            fresh: list[Actor] = []
            for actor in actors:
                if not any(same_or_part(actor, other) for other in seen):
                    fresh.append(actor)
                    seen.append(actor)
            # the sentence's subject is who "he" and the quotation that follows will be, whether or not it
            # states a position: "Two streets away, Jussi Rautio, 44, sees it differently. “…”" (a subject the
            # parse missed), "Minister of Higher Education Jacques Fouda Belinga has finally spoken. He said …"
            # (a person by a given name: "Nile Delta Steel rose 9 per cent" names no one "he" can be)
            spoken = self.quotations.inside(sentence.start + verb.idx)  # a name in quoted words is spoken of
            for actor in actors:
                subject = verb is root and via == "subject" and not spoken and _named_by_given_name(actor)
                if via.startswith("name before the verb") or subject:
                    self.memory.remember(actor, text=self.text)
            # the lede's decision-maker making the decision (the cue rules read no position in it either), or
            # what a named speaker reports
            enacts = verb is root and (self._enacts_in_lede(sentence, verb) or reported_by_speaker(verb))
            if fresh and self.gate is not False and not introduces(verb) and not enacts:
                self.unread.append(
                    Candidate(
                        sentence, tuple(fresh), via, speech, as_main(verb, root), comparative=is_comparative(verb)
                    )
                )

    def _would_hold(self, sentence: Sentence, verb, *, speech: bool, main: bool) -> tuple[tuple[Actor, ...], str]:
        """Who would hold a position in one clause, and how they were found: its subject as the cue rules find
        a holder, else a passive's experiencer, else (in the main clause) the speaker of the quotation. The
        subject of "received a letter urging her …" is spoken to, and holds nothing."""
        if verb.lower_ in RECEIVING:
            return (), ""
        if verb.lower_ in PASSED_ON and self.quotations.overlapping(sentence.start + verb.idx, sentence.end):
            return (), ""  # "Senator Ruiz read out the minister's pledge: “We will back this plan.”"
        source = view_framed_by(sentence.doc) if main else None
        named_source = self.namer.name(source, sentence.start, sentence.mentions) if source is not None else None
        if named_source is not None and named_source.actor.name:
            # "In her reading, Maputo has swapped one dependency for another": hers, whoever its subject is
            return (named_source.actor,), f"subject, according to, {named_source.rule}"
        # "“… Parents asked us for help, and this is the help,” she said", its subject inside the quoted words:
        # who is named there is spoken of; the quotation is its speaker's (not "The OAS “warmly welcomes” it")
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        run = self.quotations.at(sentence.start + subject.idx) if subject is not None else None
        quoted = run is not None and not self.quotations.runs[run].label  # a transcript's line is narration
        found = None if quoted else self._holders(sentence, [verb.i], {verb.i} if speech else set()).get(verb.i)
        if found and found[1].startswith("passive agent") and is_raising(verb):
            return (), ""  # "Japan is said by diplomats to have warned ...": the diplomats report Japan's position
        if found:
            named, via = found
            return tuple(n.actor for n in named if n.actor.name), via
        experiencer = None if quoted else self._passive_experiencer(sentence, verb)
        if experiencer is not None:
            return (experiencer,), "passive subject"
        if not main:
            return (), ""
        runs = self.quotations.overlapping(sentence.start, sentence.end)
        speaker = next(
            filter(None, (self.quotations.speaker(q) for q in runs if not self.quotations.runs[q].host)), None
        )
        return ((speaker,), "speaker of its quotation") if speaker is not None else ((), "")

    def _passive_experiencer(self, sentence: Sentence, verb) -> Actor | None:
        """The subject of a passive with no agent, who may be its experiencer ("Analysts were divided",
        "Unions were not convinced") rather than what was done to ("The minister was criticised" has an agent
        elsewhere): the gate weighs which, by what such sentences were in annotated news."""
        if any(c.dep_ == "obl:agent" for c in verb.children):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
        if subject is None or subject.tag_ in PRONOUN_TAGS:
            return None
        named = self.namer.name(subject, sentence.start, sentence.mentions)
        return named.actor if named is not None and named.actor.name else None

    def _unread_results(self, results: list) -> list:
        """The candidates whose sentence still holds no proposal and that the gate passes, as results."""
        gate = self.gate if isinstance(self.gate, Gate) else shipped() if self.gate is not False else None
        if gate is None:
            return []
        spoken: dict[int, set[str]] = {}
        for claim, _, sentence in results:
            spoken.setdefault(sentence.start, set()).add(actor_key(claim.actor))
        added = []
        for candidate in self.unread:
            start, end = candidate.sentence.start, candidate.sentence.end
            # a joined passage's row may span this sentence though it started in another
            if any(
                claim.span[0] < end and start < claim.span[1] and same_or_part(claim.actor, actor)
                for claim, _, _ in results
                for actor in candidate.actors
            ):
                continue
            quoted = sum(
                min(end, self.quotations.runs[q].end) - max(start, self.quotations.runs[q].start)
                for q in self.quotations.overlapping(start, end)
            )
            values = features(
                self.text,
                candidate,
                spoken_before=[keys for at, keys in sorted(spoken.items()) if at < start],
                beside_other=start in spoken,
                quoted_share=min(1.0, max(0.0, quoted / max(end - start, 1))),
                whole_quotation=self.quotations.whole(start, end) is not None,
                opens_paragraph=not self.text[self.text.rfind("\n", 0, start) + 1 : start].strip(),
                lede=start == self.lede,
                words=self.words,
                view=self.view,
            )
            probability = gate.probability(values)
            if probability < gate.threshold:
                continue
            for actor in candidate.actors:
                claim = claim_of(candidate, actor, self.last_target.get(actor_key(actor), self.main))
                decision = decision_of(self.text, claim, words=self.words, probability=probability)
                added.append((claim, replace(decision, gate=probability, gate_inputs=values), candidate.sentence))
        return added
