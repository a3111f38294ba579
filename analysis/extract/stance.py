"""Deciding a stance from the cues in a stretch of text: negation, contrast and hedges.

- negation: "did not oppose", "could not back", "never supported" turn the cue around
  (a negated support is opposition; a negated opposition or condemnation is neutral).
- contrast: in "supported the goal but worried that ...", the clause after "but" decides.
- hedges: "stopped short of opposing ... but expressed concern" is cautious; a hedged cue alone is
  cautious too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extract.lexicon import Cue

NEGATION = re.compile(r"(?:\b(?:not|never|no longer|neither|nor|cannot|without)\b|n[’']t\b|\brefus\w*\s+to\b|"
                      r"\bfail\w*\s+to\b|\bdeclin\w*\s+to\b)(?:\s+\w+){0,2}\s*$", re.IGNORECASE)
HEDGE = re.compile(r"\b(?:stop(?:ped|s)?\s+short\s+of|short\s+of|stopped\s+short)\s*$", re.IGNORECASE)
CONTRAST = re.compile(r"\b(?:but|however|yet|although|though|while\s+also)\b", re.IGNORECASE)
NEGATED = {"supportive": "opposed", "opposed": "neutral", "condemning": "neutral", "cautious": "neutral",
           "neutral": "neutral"}
BASE_CONFIDENCE = {1: 0.55, 2: 0.7, 3: 0.82}


@dataclass(frozen=True)
class Decision:
    stance: str
    cue: str
    cue_start: int
    cue_end: int
    confidence: float


def _adjust(text: str, start: int, end: int, cue: Cue, *, window_start: int) -> tuple[str, float, bool]:
    """The stance a cue carries in place, its confidence, and whether it is hedged."""
    before = text[max(window_start, start - 40):start]
    if HEDGE.search(before):
        return "cautious", 0.6, True
    if cue.stance != "neutral" and NEGATION.search(before) and not cue.text.startswith("declin"):
        return NEGATED[cue.stance], BASE_CONFIDENCE[cue.strength] - 0.1, False
    return cue.stance, BASE_CONFIDENCE[cue.strength], False


def decide(text: str, cues: list[tuple[int, int, Cue]], *, window_start: int = 0) -> Decision | None:
    """The stance of one actor's stretch of text, from its cues (absolute offsets into `text`)."""
    if not cues:
        return None
    judged = []
    for start, end, cue in cues:
        stance, confidence, hedged = _adjust(text, start, end, cue, window_start=window_start)
        judged.append((start, end, cue, stance, confidence, hedged))
    # Contrast: cues after the last "but" (and the like) decide, if there are any.
    first_start = judged[0][0]
    last_end = judged[-1][1]
    contrast = [m.end() for m in CONTRAST.finditer(text, first_start, last_end)]
    if contrast:
        after = [j for j in judged if j[0] >= contrast[-1] and not j[5]]
        if after:
            judged = after
    # A hedged cue gives way to any plain cue; otherwise the strongest cue wins, the later one on a tie.
    plain = [j for j in judged if not j[5]]
    pool = plain or judged
    if plain and any(j[5] for j in judged):
        # "stopped short of opposing ... but expressed concern": the concern is the position.
        concerned = [j for j in plain if j[3] == "cautious"]
        pool = concerned or plain
    start, end, cue, stance, confidence, _ = max(pool, key=lambda j: (j[2].strength, j[0]))
    if any(j[5] for j in judged) and stance != "cautious":
        stance = "cautious"
    return Decision(stance=stance, cue=text[start:end], cue_start=start, cue_end=end,
                    confidence=round(min(0.95, confidence), 2))
