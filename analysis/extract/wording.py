"""What the words of a sentence say about a claim read from it, apart from the parse: a headline or a
live blog's timestamp is no sentence, a cue word in another sense ("back to", "come back", "opposition
leader") is no cue, a greeting is no judgment, the lede's decision-maker making the decision is the news,
a schedule said by an actor is procedure, and reported words are a position only when they speak of the
decision. Used by `reader.Reader`."""

from __future__ import annotations

import re

from analysis.extract.actors import Actor
from analysis.extract.claims import Claim, Sentence
from analysis.extract.parse import VERB_TAGS, is_proper
from analysis.extract.parse import Node as Token
from analysis.extract.vocabulary import DECISION_NOUNS, PHRASAL_BACK, STANCE_ROLES

# a time zone: capitals before the time's dash or before the sentence's capital ("10:15 PHT The coast
# guard …"), not a party's acronym before its verb ("11:24 SYRIZA said", "14:05 KDNP said")
ZONE = r"(?:[A-Z]{2,5}\b(?=\s*[-–—:|]|\s+[A-Z]))"
TIMESTAMP = re.compile(
    rf"(?:\d{{1,2}}[:.]\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?|{ZONE}|(?:[A-Z][a-z]+\s+)?local\s+time|"
    rf"[A-Z][a-z]+\s+time)?|Updated?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*{ZONE})?)\s*[-–—:|]?\s*"
)
# The verbs of making a decision, whole words ("signed", not "signalled"; "capped", not "capitulated")
ENACTING = re.compile(
    r"(?:approv|adopt|impos|introduc|announc|designat|agre|decid|clos|rais|issu|freez|propos)(?:e|es|ed|ing)|"
    r"(?:pass|suspend|order|block|clear|halt|extend|lift|grant|sign|enact)(?:s|es|ed|ing)?|"
    r"(?:ban|cap)(?:s|ned|ped|ning|ping)?|rul(?:e|es|ed|ing)|sets?|setting|uph[eo]lds?|upholding|struck|"
    r"strikes?|striking|levie[sd]|levy(?:ing)?|froze|frozen|award(?:s|ed|ing)?|doubl(?:e|es|ed|ing)|cut(?:s|ting)?|"
    r"hik(?:e|es|ed|ing)|renew(?:s|ed|ing)?|revok(?:e|es|ed|ing)|scrap(?:s|ped|ping)?"
)
SCHEDULE = re.compile(
    r"\b(?:from|until|by|after|before|on|in|within|next|this|from the (?:start|end) of)\s+"
    r"(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|next (?:week|month|year)|\d{4}|"
    r"\d+ (?:days|weeks|months))\b"
)
STEPS = re.compile(
    r"\b(?:would|will) be (?:announced|published|collected|reviewed|applied|phased|introduced|set|paid|enforced)\b"
    r"|\bcovers? an estimated\b"
    # "said it would reply to the statement of objections": a step promised, no view
    r"|\b(?:would|will) (?:reply|respond) to\b"
    # "The Minerals Council has put out a statement.": what it says comes next
    r"|\b(?:issued|put out|released)\s+(?:a|an)\s+(?:\w+\s+)?(?:statement|communiqué|press release)\.?$"
)
PROCEDURE = re.compile(f"{SCHEDULE.pattern}|{STEPS.pattern}")
GREETING = re.compile(
    r"\b(?:[Gg]ood (?:morning|afternoon|evening|night|day)|[Tt]hank(?:s| you)(?: (?:very|so) much)?|"
    r"[Ww]elcome (?:to|back)|[Nn]ice to (?:see|be|have)|[Gg]lad to (?:be|have)|[Pp]leasure to)\b"
)
DATELINE_COLON = re.compile(r"[A-Z][A-Z .'’\-]{2,40}:\s+(?=[A-Z])")
DATELINE = re.compile(r"[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?(?:\s*\([^)]{1,30}\))?\s*[-–—]\s+")


def tracked(actor: Actor) -> bool:
    """An actor of the analysts' own table (with a bloc or aliases), as `core` marks a known actor."""
    return bool(actor.actor_id) and bool(actor.bloc or actor.aliases) and actor.kind != "commentators"


def reports_a_clause(sentence: Sentence, claim: Claim) -> bool:
    """'said the ban would ...' reports what someone holds; 'announced the tariff' only reports an act."""
    if sentence.doc is None or not 0 <= claim.predicate < len(sentence.doc):
        return True
    verb = sentence.doc[claim.predicate]
    # "described the levy as a fair way ...", "regarding it as a blunt instrument": a judgment by "as"
    judged_as = any(
        c.dep_ in ("obl", "advcl", "nmod", "xcomp")
        and any(g.dep_ in ("case", "mark") and g.lower_ == "as" for g in c.children)
        for c in verb.children
    )
    return judged_as or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children)


def procedure(text: str, spans: list[tuple[int, int]]) -> bool:
    """'said the surcharge will apply from March 1', 'would be reviewed in January': a schedule or a
    procedure, which the annotation guide counts as no position."""
    return any(PROCEDURE.search(text, a, b) for a, b in spans)


def states_a_schedule(text: str, sentence: Sentence) -> bool:
    """A promised step ("would be published"), or a date inside the clause someone reports ("Mayor Ana Ruiz said
    the freeze would apply from 1 March"): a schedule, no position. A date on the sentence's own verb ("voted on
    Wednesday to extend it", "went further, calling a strike from Monday") says when, not what, so it is left
    to the unread gate (round twenty-nine: 34 more matched held rows for 75 more proposed)."""
    if STEPS.search(text, sentence.start, sentence.end):
        return True
    if sentence.doc is None:
        return procedure(text, [(sentence.start, sentence.end)])
    for found in SCHEDULE.finditer(text, sentence.start, sentence.end):
        verb = next((t for t in sentence.doc if sentence.start + t.idx >= found.start()), None)
        while verb is not None and verb.tag_ not in VERB_TAGS and verb.head is not verb:
            verb = verb.head
        if verb is not None and verb.dep_ in ("ccomp", "xcomp"):
            return True
        if verb is not None and verb.head is verb and not any(c.dep_ in COMPLEMENTS for c in verb.children):
            return True  # "The federation met on Monday": the date is all the sentence says of it
    return False


# what a verb says beyond when: its object, or a clause of its own
COMPLEMENTS = frozenset({"obj", "ccomp", "xcomp", "advcl", "parataxis", "conj"})


def speaks_of_decision(text: str, spans: list[tuple[int, int]]) -> bool:
    return any(word in DECISION_NOUNS for a, b in spans for word in re.findall(r"[a-z']+", text[a:b].lower()))


HELD_FEELINGS = frozenset({"worry", "worries", "concern", "concerns", "fear", "fears"})


def _weighed_alone(feeling: Token) -> bool:
    """'the bigger worry', 'the main concern': a feeling weighed against others, not 'the fear among riders'
    (whose feeling it is, said inside it)."""
    children = [c.dep_ for c in feeling.children]
    return "amod" in children and "nmod" not in children and "acl" not in children


def is_topic(token: Token) -> bool:
    """A noun cue that is what a clause is about ("said the ban would keep prices in check"), not a
    judgment of it."""
    if token.tag_ not in ("NN", "NNS") or token.dep_ not in ("nsubj", "nsubj:pass"):
        return False
    if _after_misread_verb(token):
        return False  # "Akira Nishio voiced concern that free tuition would ...": "voiced" taken for an adjective
    copular = any(c.dep_ == "cop" for c in token.head.children)
    if copular and token.lower_ in STANCE_ROLES and is_proper(token.head):
        return False  # "The plan's most determined opponent is the MCSWU": the name's position
    if copular and token.lower_ in HELD_FEELINGS and _weighed_alone(token):
        return False  # "For the shippers, the bigger worry is cost": the feeling of whoever the frame names
    # "the ban would keep prices in check", "the ban is a temporary shield"
    return token.head.tag_ in VERB_TAGS or copular


def _after_misread_verb(token: Token) -> bool:
    """Whether the noun follows a verb in -ed the tagger took for its adjective, right after a proper name."""
    return any(
        c.dep_ == "amod" and c.i == token.i - 1 and c.i > 0 and c.lower_.endswith("ed") and c.doc[c.i - 1].tag_ == "NNP"
        for c in token.children
    )


def subject_like(token: Token) -> bool:
    """A subject, an apposition, or the owner of a subject ("Peter Njoroge's ward includes the market"):
    who the next "he" or "the minister" most likely means."""
    if token.dep_ in ("nsubj", "nsubj:pass", "nsubj:outer", "appos"):
        return True
    return token.dep_ == "nmod:poss" and token.head.dep_ in ("nsubj", "nsubj:pass") and token.tag_ in ("NNP", "NNPS")


def without_timestamp(text: str, start: int, end: int) -> tuple[int, int]:
    """A live blog's '10:42 GMT –' or a dateline's 'MASERU —' before a sentence is not part of it; so is
    'KUALA LUMPUR:' opening the first paragraph under the headline (elsewhere a name in capitals and a colon
    is a transcript's speaker)."""
    for pattern in (TIMESTAMP, DATELINE):
        match = pattern.match(text, start, end)
        if match and match.end() > start:
            start = match.end()
    match = DATELINE_COLON.match(text, start, end)
    if match and "\n" not in text[:start].strip():
        start = match.end()
    return start, end


def is_headline(text: str, start: int, end: int) -> bool:
    """A line of its own without closing punctuation: a headline or dateline, not a statement. A bulleted line
    ("• Small parties call it a law to shut them out") is a key point, a statement whatever its close."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    stripped = line.strip()
    return (
        start == line_start + (len(line) - len(line.lstrip()))
        and end >= line_start + len(line.rstrip())
        and not stripped.endswith((".", "!", "?", "”", '"', "’", "'", ":", ")"))
        and not stripped.startswith(BULLETS)
    )


BULLETS = ("•", "▪", "◦", "‣")


# "welcomed EU ambassadors to a reception", "welcomed the visiting delegation into the palace"
GUESTS_WELCOMED = re.compile(
    r"\s+(?:(?!(?:by|of|for|from|with|and|or|calls?|efforts?|moves?|plans?)\b)[\w’'\-]+\s+){0,2}"
    r"(?:ambassadors?|delegates?|delegations?|guests?|visitors?|diplomats?|envoys?|counterparts?|leaders|ministers|"
    r"participants|journalists|students|tourists|refugees)\s+(?:to|into|at)\s+(?:the|a|an|our|their|his|her|its|[A-Z])"
)
PROCEDURAL_OBJECTION = re.compile(r"\b(?:statement|moment|stage|period|window|right)\s+of\s+$", re.IGNORECASE)
RIGHT_TO = re.compile(r"\b(?:right|rights|freedom)\s+to\s+$", re.IGNORECASE)
PHASE_NOUN_MODIFIERS = frozenset(
    {"a", "an", "the", "this", "another", "new", "next", "first", "second", "third", "final", "last"}
    | {"latest", "early", "initial", "current", "key", "critical", "decisive", "dangerous", "its", "their"}
)


def is_false_cue(text: str, cue) -> bool:
    """Cue words used in another sense: 'back to', 'officials accused of', 'opposition leader'."""
    start, end, found = cue
    following = text[end : end + 12].lower().split()
    if found.text in ("back", "backs"):
        preceding = text[max(0, start - 12) : start].lower().split()
        if preceding and preceding[-1] in PHRASAL_BACK:
            return True  # "it doesn't come back", "fight back", "cut back": no backing
        return bool(following) and following[0] in {
            "to",
            "from",
            "in",
            "into",
            "on",
            "down",
            "up",
            "off",
            "away",
            "home",
            "then",
        }
    if found.text == "accus*":
        return bool(following) and following[0] == "of"
    if found.text == "oppos*" and text[start:end].lower() == "opposition":
        # "opposition to the plan" is a stance; "the opposition" (to talks, in parliament) is a party
        preceding = text[max(0, start - 20) : start].lower().split()
        if preceding and preceding[-1] in ("the", "main", "official", "political", "parliamentary", "invited"):
            return True
        return not following or following[0] != "to"
    if found.text.startswith("welcom") and GUESTS_WELCOMED.match(text, end):
        return True  # "welcomed EU ambassadors to a reception": a host greeting guests
    if text[start:end].lower() == "phase in":
        # "marks a new phase in the campaign": the noun, not the verb of "phase in the cuts gradually"
        preceding = text[max(0, start - 20) : start].lower().split()
        return bool(preceding) and preceding[-1] in PHASE_NOUN_MODIFIERS
    if found.text == "object*" and text[start:end].lower() in ("objections", "objection"):
        # "a statement of objections" is a legal document; "the moment of objection" a stage of a procedure
        return bool(PROCEDURAL_OBJECTION.search(text, max(0, start - 20), start))
    # "nobody is taking away anybody's right to object": a right named, not a stance taken ("reserves the right
    # to veto" is a threat, and a stance)
    named_right = RIGHT_TO.search(text, max(0, start - 20), start)
    return bool(named_right) and text[start:end].lower().startswith(("object", "protest", "appeal", "dissent"))
