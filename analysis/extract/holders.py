"""Who holds a position: the dependency relations that tie a stance cue or a reporting verb to its holder.

For a predicate (a cue such as "welcomed", or a reporting verb such as "said"), the holder is, in order:
- its subject (`nsubj`), also when the subject is far away behind an apposition or a relative clause;
- the agent of a passive ("was criticised by X": `obl:agent`);
- the subject it shares with the verb it depends on: "refused to back" (`xcomp`), "welcomed it but warned"
  (`conj`), "condemned it, branding it ..." (`advcl`), "the plan, which X called ..." is not shared;
- a possessor or a "from X" of a noun cue ("Beijing's criticism", "criticism from the union");
- for a reporting verb after a quote ("“…,” said X"), the name right after the verb, even when the parser
  took it for an object.
"According to X" makes X the holder of a sentence whose predicates have no holder of their own.
The holder's noun phrase then names an actor (`naming.actor_of`).
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.extract.parse import NOUN_TAGS, PRONOUN_TAGS, VERB_TAGS, child, child_case, children, is_proper
from analysis.extract.parse import Node as Token
from analysis.extract.vocabulary import SPEECH_FORMS as SPEECH_FORMS
from analysis.extract.vocabulary import STANCE_ROLES, words

SUBJECTS = ("nsubj", "nsubj:outer")
PASSIVE_MARKERS = ("aux:pass", "nsubj:pass")
SHARES_SUBJECT = ("xcomp", "conj", "advcl")
NOMINAL_TAGS = NOUN_TAGS | PRONOUN_TAGS | {"CD", "DT"}


@dataclass(frozen=True)
class Holder:
    """The noun token that names who holds a position, and the relation that led to it."""

    token: Token
    rule: str


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_MARKERS for c in verb.children)


def agent_of(verb: Token) -> Token | None:
    agent = child(verb, "obl:agent")
    if agent is not None:
        return agent
    for candidate in children(verb, "obl", "nmod"):
        if any(c.dep_ == "case" and c.lower_ == "by" for c in candidate.children):
            return candidate
        # "welcomed by the Madrid Tenants' Union", its "by" hung on the possessor inside the name
        if candidate.i > verb.i and candidate.left_edge.lower_ == "by" and candidate.left_edge.dep_ == "case":
            return candidate
    return None


HYPOTHETICAL = frozenset({"if", "unless", "whether", "until", "once", "before", "after", "when", "whenever", "lest"})


def hypothetical(predicate: Token) -> bool:
    """'if traders refuse to leave', 'whether it would back the law', 'would decide whether to file an
    appeal': a condition or an open question, not a position."""
    token = predicate
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL for c in token.children):
            return True
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "conj") or token.head.i == token.i:
            return False
        token = token.head
    return False


def holder_of(predicate: Token, *, speech: bool) -> Holder | None:
    """The token naming the holder of `predicate`, walking up through shared subjects."""
    if hypothetical(predicate) or predicted(predicate) or _describes_a_description(predicate):
        return None
    named = _named_by_its_role(predicate)
    if named is not None:
        # "The plan's most determined opponent is the Civil Service Workers' Union": the name it is equated with
        return Holder(named, "subject")
    token, rule = predicate, "subject"
    for _ in range(6):
        found = _own_holder(token, rule, first=token.i == predicate.i, speech=speech)
        if found is not None:
            return found
        if token.dep_ in SHARES_SUBJECT and token.head.i != token.i:
            if token.dep_ == "advcl" and _has_own_marker(token):
                return None
            quoted = _quoted_as_saying(token)
            if quoted is not None:
                return Holder(quoted, "shared subject")
            token, rule = token.head, "shared subject"
            continue
        if _issued_with(token):
            # "The union issued a statement calling the closure “a disgrace”": who issued it calls it that
            token, rule = token.head.head, "shared subject"
            continue
        return _described(token)
    return None


# "Minister Terrence Lall is quoted as saying that …": the passive's subject is the one who said it
QUOTED_AS = frozenset({"quoted", "cited", "reported", "recorded", "heard"})


def _quoted_as_saying(clause: Token) -> Token | None:
    if clause.dep_ != "advcl" or clause.head.lower_ not in QUOTED_AS or not is_passive(clause.head):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children):
        return None
    return child(clause.head, "nsubj:pass")


def _named_by_its_role(predicate: Token) -> Token | None:
    """A name equated with the role of a position's holder ("its most determined opponent is the MCSWU"), read
    from the role or from the name."""
    role, name = (predicate, predicate.head) if predicate.dep_ == "nsubj" else (child(predicate, "nsubj"), predicate)
    if role is None or role.lower_ not in STANCE_ROLES or child(name, "cop") is None or not is_proper(name):
        return None
    return name


# what a body issues that speaks for it: "issued a statement calling ...", "sent a letter urging ..."
ISSUED = frozenset(
    {"statement", "communique", "communiqué", "letter", "release", "note", "message", "resolution", "motion", "post"}
)

# not "received a letter urging her to ...": the letter is someone else's
ISSUING = words(
    "issue issues issued issuing release releases released releasing publish publishes published publishing "
    "send sends sending sent write writes writing wrote written sign signs signed signing post posts posted "
    "posting submitted submitting deliver delivers delivered delivering put puts putting"
)


def _issued_with(token: Token) -> bool:
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBG"
        and token.head.lower_ in ISSUED
        and token.head.dep_ == "obj"
        and token.head.head.lower_ in ISSUING
    )


def _own_holder(token: Token, rule: str, *, first: bool, speech: bool) -> Holder | None:
    """The holder a predicate names itself: its subject, a passive's agent, a noun cue's owner, or the name
    after a reporting verb."""
    drawn = _drawn_from(token) if token.lower_ in DRAWING else None
    if drawn is not None:  # "the decision drew fire from Warisan": Warisan fired
        return Holder(drawn, "passive agent")
    absolute = _with_subject(token) if token.tag_ == "VBG" else None
    if absolute is not None:  # "X welcomed it, with its chair, Gail Hutchinson, calling it ...": Hutchinson calls
        return Holder(absolute, "subject")
    subjects = [c for c in token.children if c.dep_ in SUBJECTS and not _is_expletive(c)]
    if len(subjects) > 1 and any(c.tag_ not in ("JJ", "JJR", "JJS") for c in subjects):
        # "Ioanna Mela of the Foundation for European and Foreign Policy argues", "European" taken for a subject
        subjects = [c for c in subjects if c.tag_ not in ("JJ", "JJR", "JJS")]
    if subjects:
        # two subjects is a parse error ("Outside Parliament, the Council deplored"): the nearer one
        return Holder(subjects[-1] if subjects[-1].i < token.i else subjects[0], rule)
    raised = _raised_subject(token) if not first else None
    if raised is not None:
        return Holder(raised, "subject")
    # "a decision welcomed by taxi operators": a participle's agent, with or without an auxiliary
    agent = agent_of(token) if is_passive(token) or token.tag_ == "VBN" else None
    if agent is not None:
        return Holder(agent, "passive agent")
    owner = _owner_of_noun(token) if first and token.tag_ in NOUN_TAGS else None
    if owner is not None:
        # "drew criticism from church leaders": the leaders criticise, as "was criticised by" would say
        return Holder(owner, "passive agent" if drawn_object(token) else "possessor of the cue")
    after = _name_after(token) if speech and first else None
    return Holder(after, "speaker after the verb") if after is not None else None


# "Spain is understood to back the plan", "Tokyo is said by diplomats to have warned": the position is the
# subject's; whoever said or understood it only reports it
RAISING = frozenset({"said", "understood", "believed", "thought", "reported", "known", "seen"})
# "Egypt's delegation is expected to vote against": a prediction about Egypt, not Egypt's position
PREDICTIONS = frozenset({"expected", "likely", "unlikely", "set", "poised", "tipped", "predicted", "forecast"})


def _predicted(predicate: Token) -> bool:
    """'Egypt is expected to vote against': a prediction about an actor. 'The tariff is likely to backfire'
    is a judgment of a thing, and whoever says it holds it."""
    if predicate.dep_ != "xcomp" or predicate.head.lower_ not in PREDICTIONS:
        return False
    subject = next((c for c in predicate.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    return subject is not None and (is_proper(subject) or subject.tag_ in PRONOUN_TAGS or _has_proper_owner(subject))


def _has_proper_owner(noun: Token) -> bool:
    """'Egypt's delegation': a body named by whom it belongs to."""
    return any(c.dep_ == "nmod:poss" and is_proper(c) for c in noun.children)


def _describes_a_description(predicate: Token) -> bool:
    """'The Alliance for the Republic, a coalition of some 40 parties that support the government, said …': a
    relative clause on a noun inside a subject's description tells what the description is, not a view."""
    if predicate.dep_ != "acl:relcl":
        return False
    noun = predicate.head
    return noun.dep_ == "nmod" and noun.head.dep_ == "appos" and noun.head.head.dep_ in ("nsubj", "nsubj:pass")


def predicted(token: Token) -> bool:
    """Whether a cue sits in a prediction ("is expected to vote against it"), up its chain of clauses."""
    for _ in range(4):
        if _predicted(token):
            return True
        if token.head.i == token.i or token.dep_ not in ("xcomp", "conj", "compound:prt", "obj", "advmod"):
            return False
        token = token.head
    return False


def _raised_subject(verb: Token) -> Token | None:
    if verb.lower_ not in RAISING or not is_passive(verb) or child(verb, "xcomp") is None:
        return None
    return child(verb, "nsubj:pass")


def _owner_of_noun(token: Token) -> Token | None:
    """'Beijing's criticism', 'criticism from the union', 'drew a threat of retaliation from the United States':
    who a noun cue belongs to ('criticism of the minister' names what is criticised, not who criticises)."""
    owner = child(token, "nmod:poss") or next(
        (
            c
            for c in children(token, "nmod")
            if any(g.dep_ == "case" and g.lower_ in ("from", "by", "among") for g in c.children)
        ),
        None,
    )
    if owner is None and drawn_object(token):
        owner = _drawn_from(token.head)
    if owner is None and token.dep_ == "nmod" and token.head.tag_ in NOUN_TAGS and child_case(token) == "of":
        owner = _owner_of_noun(token.head)  # "a threat of retaliation from the United States"
    return owner if owner is not None and owner.tag_ in NOMINAL_TAGS else None


# "drew fire from", "won praise from", "earned a rebuke from": what comes from X is X's
DRAWING = frozenset(
    {"drew", "draw", "draws", "drawn", "drawing", "won", "wins", "earned", "earns", "attracted", "attracts"}
)


def _with_subject(participle: Token) -> Token | None:
    """The subject of an absolute clause, 'with B calling it ...': the noun after "with" that ends right
    before the participle, however the parse attached it."""
    for c in (*participle.children, *participle.head.children):
        # ("with the Green Madagascar Platform dismissing …": the name may be read as the participle's compound)
        if c.i < participle.i and c.dep_ in ("obl", "nmod", "nsubj", "compound") and child_case(c) == "with":
            word = next(g for g in c.children if g.dep_ == "case")
            opens = word.i == 0 or c.doc[word.i - 1].text in (",", ";", "—")  # ", with B calling", not "clashed with B"
            if opens and 0 < participle.i - c.right_edge.i <= 2 and c.tag_ in NOMINAL_TAGS:
                return c
    return None


def drawn_object(token: Token) -> bool:
    """ "criticism" in "drew criticism from church leaders": what a verb of DRAWING draws from someone."""
    return token.dep_ == "obj" and token.head.lower_ in DRAWING


def _drawn_from(verb: Token) -> Token | None:
    return next((c for c in children(verb, "obl") if child_case(c) == "from"), None)


def _described(token: Token) -> Holder | None:
    """'X, a vocal critic of the plan' / 'X, long opposed to the plan': a phrase describing a name."""
    if token.head.i == token.i:
        return None
    if token.dep_ in ("acl", "amod") and token.head.tag_ in NOUN_TAGS:
        described = token.head
        if described.dep_ == "ROOT" and token.dep_ == "acl" and token.tag_ in ("VBD", "VBN") and _first_verb(token):
            # "Forty-one associations, under the banner of X, called the law ..." parsed as one noun phrase:
            # a verb in the past tense after the sentence's head noun is that noun's act
            return Holder(described, "subject")
        if token.dep_ == "acl" and token.tag_ == "VBG" and child_case(described) == "with":
            return Holder(described, "subject")  # "…, with independent MP Florence Taro praising the cut": she does
        return Holder(described.head, "apposition") if described.dep_ == "appos" else None
    if token.dep_ == "appos":
        return Holder(token.head, "apposition")
    return None


def _first_verb(token: Token) -> bool:
    return next((t for t in token.doc if t.tag_ in VERB_TAGS), None) is token


def _is_expletive(token: Token) -> bool:
    return token.lower_ in ("there",) or token.dep_ == "expl"


def _has_own_marker(clause: Token) -> bool:
    """An adverbial clause with a subordinator of its own ("because", "if", "while") states a condition or a
    circumstance, not more of the same holder's words; a bare participle ("branding it ...") is shared."""
    if clause.tag_ in ("VBG", "VBN") and not any(c.dep_ in SUBJECTS for c in clause.children):
        # "welcomed the rise while rejecting the rule": a participle with no subject of its own is the
        # same holder's, whatever joins it
        return any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL for c in clause.children)
    return any(c.dep_ == "mark" and c.lower_ not in ("with", "by", "to") for c in clause.children)


def _name_after(verb: Token) -> Token | None:
    """'“…,” said Foreign Minister Ana Ruiz': the first nominal right after the verb, if it is a name or a
    role ("said the minister"), whatever relation the parser gave it."""
    if verb.lower_ in ADDRESSING:
        return None  # "…, telling reporters the government could no longer pay": whom she told
    doc = verb.doc
    i = verb.i + 1
    while i < min(len(doc), verb.i + 10):
        token = doc[i]
        if token.tag_ in ("DT", "PRP$", "JJ", "POS") or token.lower_ in ("the",):
            i += 1
            continue
        if token.tag_ in NOUN_TAGS or token.tag_ in PRONOUN_TAGS:
            # the head of the name: the last of a run of nouns
            j = i
            while j + 1 < len(doc) and doc[j + 1].tag_ in NOUN_TAGS:
                j += 1
            if j + 1 < len(doc) and doc[j + 1].tag_ == "POS" and token.tag_ not in PRONOUN_TAGS:
                i = j + 2  # "said the federation's deputy chairman, X": the officer, not the body that owns him
                continue
            return doc[j] if (is_proper(doc[j]) or doc[j].tag_ in NOUN_TAGS or doc[j].tag_ in PRONOUN_TAGS) else None
        break
    return None


ADDRESSING = frozenset({"tell", "tells", "telling", "told"})
