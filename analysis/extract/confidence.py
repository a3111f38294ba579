"""How likely a proposal is right: a logistic model over what the proposal rests on (how its holder was
found, what kind of cue decided it, whether the actor is known), fitted on the dev splits of the blind
corpus so that of the proposals scored about 0.8, about 80% are right (actor, position and stance).

`python -m analysis evaluate --calibrate --corpus DEV [--corpus DEV2 ...]` refits it and writes
`calibration.json`; the evaluation prints the reliability table. Until a fit exists the prior weights below apply.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import numpy as np

CALIBRATION_FILE = Path(__file__).resolve().parent / "calibration.json"
HOLDER_RULES = (
    "subject",
    "passive agent",
    "shared subject",
    "speaker after the verb",
    "possessor of the cue",
    "apposition",
    "according to",
    "speaker of the quotation",
    "known actor's action",
)
REFERENCE_RULES = ("pronoun", "role noun", "surname", "acronym", "spokesperson for", "speaker of the quote")
FEATURES = (
    "bias",
    "strength",
    "lexicon_cue",
    "word_cue_only",
    "no_cue",
    "direct",
    "neutral",
    "condemning",
    "cautious",
    "opposed",
    "known_actor",
    "group_actor",
    "new_name",
    "cues",
    "tone_strength",
    "learned_probability",
    "stance_probability",
    "view",
    "quoted_words_only",
    "mid_quotation",
    "said_without_cue",
    "unread_gate",
    *(f"holder:{r}" for r in HOLDER_RULES),
    *(f"reference:{r}" for r in REFERENCE_RULES),
)
STANCE_FEATURES = ("neutral", "condemning", "cautious", "opposed")  # supportive is the baseline
PRIOR = {
    "bias": -0.4,
    "strength": 0.5,
    "lexicon_cue": 0.6,
    "word_cue_only": -0.4,
    "no_cue": -0.8,
    "direct": 0.2,
    "known_actor": 1.0,
    "holder:known actor's action": -0.5,
    "holder:subject": 0.4,
    "holder:passive agent": 0.3,
    "holder:speaker after the verb": 0.4,
    "reference:pronoun": -0.2,
    "reference:role noun": -0.2,
}


def features(claim, decision) -> dict[str, float]:
    """The features of one proposal (a `core.Claim` and its `stance.Decision`), by name."""
    cues = claim.cues
    lexicon = [c for c in cues if c[2].source != "vader"]
    values = {
        "bias": 1.0,
        "strength": max((c[2].strength for c in cues), default=0) / 3,
        "lexicon_cue": float(bool(lexicon)),
        "word_cue_only": float(bool(cues) and not lexicon),
        "no_cue": float(not cues),
        "direct": float(claim.mode == "direct"),
        **{stance: float(decision.stance == stance) for stance in STANCE_FEATURES},
        "known_actor": float(bool(claim.actor.actor_id) and bool(claim.actor.bloc)),
        "group_actor": float(claim.actor.kind == "commentators"),
        "new_name": float(not claim.actor.bloc and claim.actor.kind != "commentators"),
        "cues": min(len(cues), 4) / 4,
        # how clearly the words alone lean, when no cue decided
        "tone_strength": abs(decision.tone) if decision.tone is not None else 0.0,
        # how sure the words model was of the stance it gave words with no cue
        "learned_probability": decision.learned,
        # how sure the arbiter was of the stance it read last (`arbiter`)
        "stance_probability": decision.stance_probability,
        # how likely its sentence states a view at all, by the model of annotated sentences: most rows
        # where the writers saw no position are sentences of fact or colour
        "view": decision.view,
        # a sentence of quoted words with no reporting verb: attributed by the quotation around it
        "quoted_words_only": float(claim.rule.startswith(("speaker of the quotation", "quotation"))),
        "mid_quotation": float(claim.rule.startswith("quotation")),
        # "X said “…”" with no cue in what was said: a reporting verb is no position by itself
        "said_without_cue": float(not lexicon and not claim.rule.startswith(("speaker of the quotation", "quotation"))),
        # a sentence the cue rules read nothing in, proposed by the unread gate (`unread`): how sure it was
        "unread_gate": decision.gate,
    }
    values |= {f"gate:{name}": value for name, value in (decision.gate_inputs or {}).items()}
    for rule in HOLDER_RULES:
        values[f"holder:{rule}"] = float(claim.rule.split(",")[0] == rule)
    for rule in REFERENCE_RULES:
        values[f"reference:{rule}"] = float(rule in claim.rule)
    return values


def restanced(values: dict[str, float], stance: str, probability: float) -> dict[str, float]:
    """A proposal's features as they are once the arbiter has read its stance as `stance`."""
    return values | {s: float(stance == s) for s in STANCE_FEATURES} | {"stance_probability": probability}


@functools.cache
def _fitted() -> dict:
    if CALIBRATION_FILE.exists():
        return json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    return {}


@functools.cache
def weights() -> dict[str, float]:
    return _fitted().get("weights", PRIOR)


@functools.cache
def min_confidence() -> float:
    """Below this calibrated confidence a proposal is left out: chosen on the dev split as the cut that
    gives the best F1 there."""
    return float(_fitted().get("min_confidence", 0.3))


def probability(values: dict[str, float], weight: dict[str, float] | None = None) -> float:
    weight = weights() if weight is None else weight
    # most features are 0 for any one proposal
    z = sum([weight.get(name, 0.0) * value for name, value in values.items() if value])
    return 1 / (1 + math.exp(-min(40.0, max(-40.0, z))))


def score(claim, decision, text: str) -> float:
    """The calibrated confidence of a proposal, rounded to two places, in [0.05, 0.95]."""
    return bounded(features(claim, decision))


def bounded(values: dict[str, float]) -> float:
    """The calibrated confidence of a proposal with these features, rounded to two places, in [0.05, 0.95]."""
    return round(min(0.95, max(0.05, probability(values))), 2)


def fit(
    rows: list[dict[str, float]],
    outcomes: list[int],
    *,
    l2: float = 1.0,
    steps: int = 50,
    names: tuple[str, ...] = FEATURES,
    prior: dict[str, float] = PRIOR,
) -> dict[str, float]:
    """Logistic regression by Newton's method over the features `names` (the first is the intercept), each
    weight pulled toward its `prior` (a Gaussian prior, so a feature the data never shows, such as a known
    actor in a corpus without an actors table, keeps its prior weight rather than dropping to zero): the
    weights by name."""
    names = list(names)
    x = np.array([[row.get(n, 0.0) for n in names] for row in rows], dtype=float)
    y = np.array(outcomes, dtype=float)
    prior = np.array([prior.get(n, 0.0) for n in names])
    w = prior.copy()
    penalty = np.full(len(names), l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * (w - prior)
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {n: round(float(v), 4) for n, v in zip(names, w)}
