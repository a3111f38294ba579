"""Which clauses of a sentence the unread gate (`unread`) weighs, and what it asks of each: whether it has a
subject of its own, whether it only introduces someone ("runs a guesthouse") or is what a named speaker
reports, whether it is a main clause, and whether it sets its subject against others ("was more careful")."""

from __future__ import annotations

from analysis.extract.holders import RAISING, SPEECH_FORMS
from analysis.extract.parse import VERB_TAGS
from analysis.extract.vocabulary import LIVING

# the clauses of a sentence whose own subject may hold a position the cue rules did not read
CLAUSES = frozenset({"conj", "advcl", "ccomp", "parataxis"})


# the parts of a clause a comparison can sit in: an adverb ("more careful", "differently") or a complement; an
# object only where it names a stance ("a softer line")
COMPARED = frozenset({"advmod", "xcomp", "obl"})
CONTRASTS = frozenset({"differently", "different", "further", "likewise", "similarly", "otherwise"})
STANCE_NOUNS = frozenset({"line", "stance", "tone", "position", "view", "approach", "attitude"})
NOT_COMPARATIVES = frozenset(
    {"other", "former", "latter", "proper", "eager", "clever", "bitter", "sober", "super", "inner", "outer", "upper"}
    | {"utter", "premier", "under", "over", "earlier", "later", "sooner", "longer"}
)


def has_subject(verb) -> bool:
    return any(child.dep_ in ("nsubj", "nsubj:pass") for child in verb.children)


def is_raising(verb) -> bool:
    return verb.lower_ in RAISING and any(c.dep_ == "xcomp" for c in verb.children)


def introduces(verb) -> bool:
    """ "Anna Bielecki runs a guesthouse": what someone does for a living introduces them; any position follows."""
    # and nothing more: not "works with the opposition to block the bill"
    return verb.lower_ in LIVING and not any(t.tag_ in VERB_TAGS and t is not verb for t in verb.subtree)


def reported_by_speaker(root) -> bool:
    """'Canada would “win again,” the trade minister said': the main clause is what the speaker says, and its
    subject is spoken of."""
    return not is_speech_verb(root) and any(
        (c.dep_ == "parataxis" or (c.dep_ == "conj" and not any(g.dep_ == "cc" for g in c.children)))
        and is_speech_verb(c)
        and any(s.dep_ == "nsubj" for s in c.children)
        for c in root.children
    )


def as_main(verb, root) -> bool:
    """A clause the gate weighs as a main one: the root, or a second actor's own clause beside it ("…, while
    Congress leaders in the State demanded compensation", "… and the unions called it a betrayal")."""
    if verb is root:
        return True
    contrast = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children
    )
    return contrast or (verb.dep_ == "conj" and verb.head is root)


def is_comparative(verb) -> bool:
    """Does the clause set its subject against others ("Brussels was more careful", "X has taken a softer
    line", "Y sees it very differently")? An analysis piece states positions this way, with no cue. Not a
    comparison of things ("received more complaints") or of times ("said later")."""
    near = [
        verb,
        *(c for c in verb.children if c.dep_ in COMPARED),
        *(g for c in verb.children if c.lower_ in STANCE_NOUNS for g in c.children),
    ]
    return any(
        (t.tag_ in ("JJR", "RBR") or t.lower_ in CONTRASTS or _comparative_adjective(t))
        and t.lower_ not in NOT_COMPARATIVES
        for t in near
    )


def _comparative_adjective(token) -> bool:
    """ "a softer line", "a tougher stance": the tagger reads some comparatives as plain adjectives, or as
    nouns before the noun of a stance."""
    if not token.lower_.endswith("er"):
        return False
    return token.tag_ == "JJ" or (token.dep_ in ("amod", "compound") and token.head.lower_ in STANCE_NOUNS)


def is_speech_verb(token) -> bool:
    return token.lower_ in SPEECH_FORMS and token.tag_ in VERB_TAGS
