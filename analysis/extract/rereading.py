"""The last step of reading a document: each proposal's stance read again by the arbiter (`arbiter`) with
the words model's reading of its whole evidence (its passage, once joined), and its confidence computed for
the stance that results.

The evidence is read whole even where another holder's clause shares its sentence ("Several Republican
lawmakers praised the designation, while some Democrats urged caution"): leaving the other holders'
clauses out was tried, with the arbiter refitted on it, and read 0.807 of the dev splits' stances right
against 0.810 (each split scored with models fitted on the others; worse on five of the nine), though it
fixed two of the seed story's 25.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from analysis.extract import arbiter as stance_arbiter
from analysis.extract import confidence as confidence_model
from analysis.extract.said_words import WordsModel, probabilities, term_counts, view_probability


def reread(
    results: list,
    text: str,
    *,
    words: WordsModel | None,
    view: WordsModel | None,
    arbiter: stance_arbiter.Arbiter | bool | None,
) -> list:
    """The (claim, decision, sentence) results with each stance read last by `arbiter` (None: the shipped
    one; False: the cue rules' stance kept, with the shipped arbiter's probability of it, which the
    confidence weighs), each decision carrying what the arbiter weighed and how likely its sentence states a
    view (by `view`, the shipped model when None)."""
    model = arbiter if isinstance(arbiter, stance_arbiter.Arbiter) else stance_arbiter.shipped()
    views: dict[tuple[int, int], float] = {}  # a sentence often holds several proposals
    counted: dict[tuple[int, int], Counter] = {}  # ... and a proposal's evidence is often its sentence
    reread_results = []
    for claim, decision, sentence in results:
        where = (sentence.start, sentence.end)
        if where not in views:
            counted[where] = term_counts(text[sentence.start : sentence.end])
            views[where] = view_probability("", model=view, counts=counted[where])
        decision = replace(decision, view=views[where])
        features = confidence_model.features(claim, decision)
        span = tuple(claim.span)
        evidence = counted.get(span) or term_counts(text[span[0] : span[1]])
        values = stance_arbiter.inputs(
            decision.stance, features, probabilities("", model=words, counts=evidence), tone=decision.tone
        )
        stance, probability, rule_stance = decision.stance, decision.stance_probability, decision.rule_stance
        if model and arbiter is False:
            probability = model.probabilities(values).get(stance, 0.0)
        elif model:
            rule_stance = stance
            stance, probability = model.read(values)
        features = confidence_model.restanced(features, stance, probability)
        decision = replace(
            decision,
            stance=stance,
            stance_probability=probability,
            rule_stance=rule_stance,
            confidence=confidence_model.bounded(features),
            inputs=values,
            features=features,
        )
        reread_results.append((claim, decision, sentence))
    return reread_results
