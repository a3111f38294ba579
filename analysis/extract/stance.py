"""Deciding a stance from the cues one holder has in a sentence: negation, hedges, contrast and mixture.

- negation: "did not oppose", "could not back", "never supported", "avoided any direct criticism" turn a
  cue around (a negated support is opposition; a negated opposition or condemnation is neutral);
- hedges: "stopped short of condemning" is cautious;
- contrast: in "supported the goal but worried that ...", what follows "but" weighs most;
- mixture: praise and reservations together ("welcomed it but warned", "does not oppose it, but its
  support is conditional") are a cautious position, which is what the scale's middle means;
- an explicit non-position ("declined to comment", "will abstain") is neutral unless a stronger cue says
  otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.extract.lexicon import Cue
from analysis.extract.vocabulary import DECISION_NOUNS

NEGATION = re.compile(
    r"(?:\b(?:not|never|no longer|neither|nor|cannot|without|no)\b|n[’']t\b|\brefus\w*\s+to\b|"
    r"\bfail\w*\s+to\b|\bdeclin\w*\s+to\b|\bunwilling\s+to\b|\bfar\s+from\b)(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
# "did not hide his anger", "made no secret of its dismay": a feeling shown, not denied
SHOWN = re.compile(
    r"\b(?:not|n[’']t|never)\s+(?:\w+\s+)?(?:hid\w*|conceal\w*|disguis\w*|mask\w*)\s+(?:\w+\s+){0,2}$|"
    r"\bno\s+secret\s+of\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
NEITHER = re.compile(r"\bneither\s+$", re.IGNORECASE)
NEITHER_NOR_BEFORE = re.compile(r"\bneither\s+([^.;]{0,60}?)\s+nor\s+$", re.IGNORECASE)
NOR = re.compile(r"(?:[\s,]+[\w'’\-]+){0,4}?[\s,]+nor\s+", re.IGNORECASE)
OPPOSITE_OF_SUPPORT = re.compile(
    r"(?:strik\w*\s+down|reject\w*|oppos\w*|den(?:y|ied|ies|ying)|condemn\w*|critici[sz]\w*|block\w*|veto\w*|"
    r"challeng\w*|overturn\w*|scrap\w*|revers\w*)\b",
    re.IGNORECASE,
)
SUPPORT = re.compile(
    r"(?:support\w*|endors\w*|back\w*|welcom\w*|accept\w*|approv\w*|confirm\w*|embrac\w*|defend\w*|"
    r"uph[eo]ld\w*)\b",
    re.IGNORECASE,
)
# "stopped short of condemning", "avoided any direct criticism": a reservation held back, so cautious
HEDGE = re.compile(
    r"\b(?:stop(?:ped|s)?\s+short\s+of(?:\s+(?:calling|asking|pushing|demanding)\s+for(?:\s+[\w'’\-]+){0,5})?|"
    r"short\s+of|stopped\s+short|avoid\w*(?:\s+\w+){0,2}|refrain\w*\s+from(?:\s+\w+){0,2})\s*$",
    re.IGNORECASE,
)
# "would back the cap only if ...", "support is conditional on ...": support with a condition is a reservation
CONDITION = re.compile(
    r"[^.;]{0,80}?\b(?:only if|if|unless|provided(?: that)?|as long as|on condition|so long as)\b", re.IGNORECASE
)
WITHHELD_UNTIL = re.compile(
    r"[^.;]{0,80}?\b(?:without|unless|until|only if|if|provided(?: that)?|as long as)\b", re.IGNORECASE
)
# "rejected the criticism", "dismissed the concerns", "dismissed all three appeals": turning down an objection
# backs what was objected to
REJECTED_OBJECTION = re.compile(
    r"\b(?:reject\w*|dismiss\w*|den(?:y|ied|ies)|brush\w* aside|waved? away|bristl\w* at|thr(?:ew|own|ows?) out|"
    r"turn(?:s|ed|ing)? down|overrul\w*)\s+(?:[\w'’\-]+\s+){0,3}"
    r"(?:criticisms?|concerns?|objections?|fears|complaints?|arguments?|warnings?|claims?|accusations?|"
    r"suggestions?|charges?|appeals?|challenges?|lawsuits?|petitions?)\b",
    re.IGNORECASE,
)
# backing others' fight against the decision opposes it
OPPOSITION_BACKED = re.compile(
    r"[^.;]{0,60}?\b(?:fight|campaign|struggle|battle|protests?|strike|petition|opposition|challenge)\s+"
    r"(?:against|to\s+(?:stop|block|scrap|overturn|reverse|halt))\s+(?:the\s+|this\s+|its\s+|their\s+)?"
    r"(?P<words>[\w\-]+(?:\s+[\w\-]+){0,2})",
    re.IGNORECASE,
)
# what a rejected charge is called: an accusation dismissed ("as baseless"), or a fee judged ("as unfair")
CHARGE_JUDGED_AS = re.compile(r"\s+as\s+[“\"‘']?(\w+)")
DISMISSALS = frozenset(
    {"unfounded", "baseless", "false", "nonsense", "absurd", "ridiculous", "groundless", "untrue", "politically"}
    | {"misleading", "malicious", "defamatory", "fabricated", "lies", "slander", "smear", "wrong", "misguided"}
)
# "would help counter illegal fishing", "to crack down on corruption": a wrong the decision fights is no
# objection to it; fighting it is what its backers say for it
WRONG_FOUGHT = re.compile(
    r"\b(?:counter(?:s|ed|ing)?|combat\w*|tackl\w*|curb(?:s|ed|ing)?|(?:crack|clamp)\w*\s+down\s+on|"
    r"stamp\w*\s+out|root\w*\s+out|deter(?:s|red|ring)?|eradicat\w*)\s+"
    r"(?:(?:the|all|any|more|such|further)\s+)?$",
    re.IGNORECASE,
)
# "presented it as a question of sovereignty": a decision's defence, unless what it is framed as says otherwise
FRAMINGS = frozenset({"presented ... as", "presents ... as", "framed ... as", "frames ... as"})
# "urged the board to approve the plan", "called for the levy to be scrapped": a request takes the stance of
# what it asks for, when that carries one; alone ("urged the ministry to wait") it stays a reservation
REQUESTS = frozenset(
    {"urged", "called for", "pushed for", "pushing for", "push for", "called on", "calls on", "its call for"}
    | {"demanded that"}
)
# "complaints about the fund were “unfair”", "fears of a collapse were exaggerated": the objection is judged,
# so the judge backs what was objected to
OBJECTION_DISMISSED = re.compile(
    r"\b(?:criticisms?|complaints?|concerns?|objections?|fears|warnings?|claims?|accusations?)\b[^.;]{0,70}\b"
    r"(?:were|was|are|is|as)\s+[“\"‘]?(?:\w+\s+){0,2}(?:unfair|unfounded|exaggerated|misplaced|overblown|baseless|"
    r"wrong|misguided|alarmist|scaremongering|false|nonsense)\b[^\w]*$",
    re.IGNORECASE,
)
# "urged both sides to keep talking", "called on the union and the company to return to the table": asking
# the parties to talk takes no side (the guide's neutral)
TALKS = re.compile(
    r"[^.;]{0,90}?\bto\s+(?:keep\s+|continue\s+)?(?:talk\w*|negotiat\w*|resume\s+(?:talks|negotiations|dialogue)|"
    r"return\s+to\s+the\s+(?:bargaining|negotiating)\s+table|engage\s+in\s+dialogue|show\s+restraint|"
    r"exercise\s+restraint|remain\s+calm|stay\s+calm|find\s+a\s+compromise|seek\s+a\s+compromise|"
    r"sit\s+down(?:\s+together)?|meet\s+halfway|work\s+together)\b",
    re.IGNORECASE,
)
BOTH_SIDES = re.compile(r"\b(?:both|all|the\s+two)\s+\w+|\band\b", re.IGNORECASE)
ASKING = re.compile(r"urged|urges|urging|called\s+on|calls\s+on|appealed\s+to|encouraged|invited", re.IGNORECASE)
WELCOME_THEN_REQUEST = re.compile(
    r"[^.;!?]{0,150}?\b(?:but|however|though|although)\b[^.;!?]{0,120}?\b(?:urg(?:ed|es|ing)|"
    r"call(?:ed|s|ing)?\s+(?:on|for)|ask(?:ed|s|ing)|want(?:ed|s)|demand(?:ed|s|ing)|request(?:ed|s|ing)|"
    r"press(?:ed|es|ing)\s+for|insist(?:ed|s|ing))\b",
    re.IGNORECASE,
)
CONTRAST = re.compile(r"\b(?:but|however|yet|although|though|while\s+also|even\s+as|except)\b", re.IGNORECASE)
NEGATED = {
    "supportive": "opposed",
    "opposed": "cautious",  # "did not oppose it": the corpora's writers read reservations (37 of 42)
    "condemning": "neutral",
    "cautious": "neutral",
    "neutral": "neutral",
}
POSITIVE = frozenset({"supportive"})
NEGATIVE = frozenset({"opposed", "condemning"})


@dataclass(frozen=True)
class Decision:
    stance: str
    cue: str
    cue_start: int
    cue_end: int
    confidence: float
    tone: float | None = None  # VADER's compound score, when no cue decided and the words' tone did
    learned: float = 0.0  # the words model's probability of the stance, when it decided (`said_words`)
    rule_stance: str = ""  # the stance the cue rules gave, when the arbiter read it again (`arbiter`)
    stance_probability: float = 0.0  # the arbiter's probability of the stance it chose
    view: float = 0.0  # how likely the proposal's sentence states a view at all (`said_words.view_probability`)
    inputs: dict | None = field(default=None, compare=False, repr=False)  # what the arbiter weighed
    features: dict | None = field(default=None, compare=False, repr=False)  # what the confidence weighed
    gate: float = 0.0  # for a sentence the cue rules read nothing in, the unread gate's probability (`unread`)
    gate_inputs: dict | None = field(default=None, compare=False, repr=False)  # what that gate weighed


@dataclass(frozen=True)
class Judged:
    """One cue read in place."""

    start: int
    end: int
    cue: Cue
    stance: str
    hedged: bool
    negated: bool


def _judge(text: str, start: int, end: int, cue: Cue, *, window_start: int) -> Judged:
    before = text[max(window_start, start - 70) : start]
    if ASKING.fullmatch(text[start:end]):
        talks = TALKS.match(text, end, end + 120)
        if talks and BOTH_SIDES.search(text, end, talks.end()):
            return Judged(start, end, cue, "neutral", False, False)
    if HEDGE.search(before):
        return Judged(start, end, cue, "cautious", True, False)
    if _both_sides_refused(text, start, end, cue, before):
        # "neither endorsing nor striking down the scheme": both sides refused, no position taken
        return Judged(start, end, cue, "neutral", False, True)
    if (
        cue.stance != "neutral"
        and NEGATION.search(before)
        and not cue.text.startswith(("declin", "not ", "no "))
        and not SHOWN.search(before)
    ):
        if cue.stance == "supportive" and WITHHELD_UNTIL.match(text, end, end + 90):
            # "could not support the bill without a fund": support held back on a condition is a reservation
            return Judged(start, end, cue, "cautious", False, True)
        return Judged(start, end, cue, NEGATED[cue.stance], False, True)
    if cue.stance == "supportive" and _backs_a_fight_against_a_decision(text, end):
        # "stood fully behind the railway workers in their fight against the concession": backing the fight
        return Judged(start, end, cue, "opposed", False, True)
    if cue.stance == "supportive" and CONDITION.match(text, end, end + 90):
        return Judged(start, end, cue, "cautious", False, False)
    if cue.stance in NEGATIVE and (
        _rejects_an_objection(text, max(window_start, start - 40), end + 40)
        or OBJECTION_DISMISSED.search(text[max(window_start, start - 90) : end])
        or (cue.strength < 2 and WRONG_FOUGHT.search(text[max(window_start, start - 40) : start]))
    ):
        return Judged(start, end, cue, "supportive", False, True)
    return Judged(start, end, cue, cue.stance, False, False)


def _backs_a_fight_against_a_decision(text: str, end: int) -> bool:
    """'stood fully behind the railway workers in their fight against the concession' (not "backed the
    campaign against smuggling", a wrong the decision fights)."""
    found = OPPOSITION_BACKED.match(text, end, end + 110)
    return found is not None and any(w in DECISION_NOUNS for w in found.group("words").lower().split())


def _rejects_an_objection(text: str, start: int, end: int) -> bool:
    """'rejected the criticism', 'dismissed the charges as baseless'; not 'rejected the charge as
    “discriminatory”', where the charge is a fee the words judge."""
    found = REJECTED_OBJECTION.search(text, start, end)
    if found is None or not found.group(0).lower().endswith(("charge", "charges")):
        return found is not None
    judged = CHARGE_JUDGED_AS.match(text, found.end())
    return judged is None or judged.group(1).lower() in DISMISSALS


def _both_sides_refused(text: str, start: int, end: int, cue: Cue, before: str) -> bool:
    """'neither endorsing nor striking down', 'neither confirm nor deny': a "neither ... nor" whose other
    verb is of the opposite side ("neither accept nor tolerate" refuses one side twice)."""
    other = OPPOSITE_OF_SUPPORT if cue.stance == "supportive" else SUPPORT if cue.stance in NEGATIVE else None
    if other is None:
        return False
    nor = NOR.match(text, end, end + 60)
    if NEITHER.search(before) and nor:
        return bool(other.match(text, nor.end(), nor.end() + 40))
    neither = NEITHER_NOR_BEFORE.search(before)
    return bool(neither) and bool(other.match(neither.group(1)))


def decide(text: str, cues: list[tuple[int, int, Cue]], *, window_start: int = 0) -> Decision | None:
    """The stance of one actor's stretch of text, from its cues (absolute offsets into `text`)."""
    if not cues:
        return None
    judged = [_judge(text, s, e, c, window_start=window_start) for s, e, c in sorted(cues, key=lambda c: c[0])]
    judged = _requests_resolved(text, judged)
    if any(j.cue.text not in FRAMINGS and j.stance != "neutral" for j in judged):
        # "Critics framed the plan as a land grab": what it is framed as decides
        judged = [j for j in judged if j.cue.text not in FRAMINGS] or judged
    contrast = [m.end() for m in CONTRAST.finditer(text, judged[0].start, judged[-1].end)]
    after = [j for j in judged if contrast and j.start >= contrast[-1] and not j.hedged]
    stance, chosen = _combine(judged, after)
    if stance == "supportive" and WELCOME_THEN_REQUEST.match(text, chosen.end):
        # "welcomed the goal but called on the government to fund it": support with a request attached is a
        # reservation (the dev splits' writers: cautious 37 times, supportive 2)
        stance = "cautious"
    return Decision(
        stance=stance, cue=text[chosen.start : chosen.end], cue_start=chosen.start, cue_end=chosen.end, confidence=0.0
    )


def _requests_resolved(text: str, judged: list[Judged]) -> list[Judged]:
    """Without the request cues whose request carries a stance of its own, close after them."""
    kept = []
    for j in judged:
        asked = [
            k
            for k in judged
            if k.start > j.end
            and k.start - j.end <= 60
            and k.stance in ("supportive", "opposed", "condemning")
            and not re.search(r"[.;]", text[j.end : k.start])
        ]
        if j.cue.text in REQUESTS and not j.negated and asked:
            continue
        kept.append(j)
    return kept


def _strongest(cues: list[Judged]) -> Judged:
    return max(cues, key=lambda j: (j.cue.strength, j.start))


def _combine(judged: list[Judged], after_contrast: list[Judged]) -> tuple[str, Judged]:
    positive = [j for j in judged if j.stance in POSITIVE]
    negative = [j for j in judged if j.stance in NEGATIVE]
    cautious = [j for j in judged if j.stance == "cautious"]
    neutral = [j for j in judged if j.stance == "neutral"]
    strongest = _strongest(judged)
    if any(j.hedged for j in judged):
        return "cautious", _strongest([j for j in judged if j.hedged])
    explicit_neutral = [j for j in neutral if j.cue.strength >= 3 and not j.negated]
    if (
        explicit_neutral
        and strongest.cue.strength <= 3
        and not any(j.cue.strength >= 3 and j.stance != "neutral" for j in judged)
    ):
        return "neutral", _strongest(explicit_neutral)
    if positive and (negative or cautious):
        # praise and reservations together: unless one side is only a weak word against strong ones
        top_positive, top_other = _strongest(positive), _strongest(negative + cautious)
        if (top_positive.cue.strength >= 2 and top_other.cue.strength >= 2) or abs(
            top_positive.cue.strength - top_other.cue.strength
        ) <= 1:
            return "cautious", _strongest(cautious or [top_other])
        return (
            ("supportive", top_positive)
            if top_positive.cue.strength > top_other.cue.strength
            else (_negative(negative) if negative else ("cautious", top_other))
        )
    if negative:
        if cautious and not any(j.cue.strength >= 2 for j in negative):
            return "cautious", _strongest(cautious)
        return _negative(negative)
    if cautious:
        return "cautious", _strongest(cautious)
    if positive:
        return "supportive", _strongest(positive)
    return "neutral", _strongest(neutral)


def _negative(cues: list[Judged]) -> tuple[str, Judged]:
    condemning = [j for j in cues if j.stance == "condemning" and j.cue.strength >= 2]
    if condemning:
        return "condemning", _strongest(condemning)
    return "opposed", _strongest([j for j in cues if j.stance in NEGATIVE] or cues)
