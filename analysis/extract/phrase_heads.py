"""What the words of a noun phrase say about whom it names: a role before a person's name, a party's
units, a body's branches and legislators, a partitive group, a statement with no author of its own, and
whether a transcript's label is a person named before. Helpers of `naming.Namer`."""

from __future__ import annotations

import re

from analysis.extract.actors import Actor
from analysis.extract.given_names import gender_of_name
from analysis.extract.names import ACRONYM, TITLE_WORDS
from analysis.extract.nodes import opened_by_the
from analysis.extract.parse import Node as Token
from analysis.extract.parse import child_case, is_proper
from analysis.extract.references import PERSON_ROLES

ROLE_THEN_NAME = re.compile(
    # "Acadie–Bathurst MP Daniel Landry": a riding's two names joined by a dash before the role
    r"(?:[–\-][A-Z][\w'’]*)*\s+(backbencher|frontbencher|lawmaker|legislator|senator|deputy|councillor|councilor|activist|campaigner|"
    r"economist|analyst|spokesman|spokeswoman|spokesperson|candidate|MP|MEP|MSP|TD|MPP|MLA|MNA|MHA)\s+"
    r"((?:[A-Z][\w'’\-]+|(?:al|el)-[A-Z][\w'’\-]+)(?:\s+(?:[A-Z][\w'’\-]+|(?:al|el)-[A-Z][\w'’\-]+|(?:bin|de|van|von)(?=\s+[A-Z]))){1,3})"
)
STATE_VOICES = frozenset({"officials", "official"})
LEGISLATORS = frozenset({"deputies", "mps", "senators", "councillors", "councilors", "lawmakers", "legislators"})
LEGISLATORS |= {"meps", "tds", "mlas", "msps", "representatives", "parliamentarians"}
BRANCHES = frozenset({"branch", "chapter", "wing", "arm", "section", "delegation"})
QUANTIFIERS = frozenset({"some", "many", "several", "most", "other", "few", "two", "three", "all", "both", "senior"})


# a party's own units, which speak and vote for it when the party owns them by name
# "The JSP's MPs voted for the bill as a bloc": a party's members in a chamber stand for the party
PARTY_MEMBERS = frozenset({"mps", "meps", "lawmakers", "legislators", "deputies", "senators", "councillors"})
# "The UK's MPs", "the EU's MEPs": a place's members, though its acronym looks like a party's
PLACE_ACRONYMS = frozenset({"UK", "US", "USA", "EU", "UAE", "UN", "DRC"})
PARTY_UNITS = frozenset({"group", "majority", "faction", "caucus", "leadership", "minority"}) | PARTY_MEMBERS
PARTY_ONLY_UNITS = frozenset({"group", "faction", "caucus"})


# "The union Tuesday called the offer …": a day or month after a body's noun is no name of it
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
CALENDAR_WORDS = frozenset(
    WEEKDAYS
    | {day + "s" for day in WEEKDAYS}
    | {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october"}
    | {"november", "december"}
)
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "release"})


def is_the_statement(token: Token) -> bool:
    """'the statement said', 'the statement added': a document with no author of its own named."""
    return (
        token.lower_ in STATEMENT_NOUNS
        and token.dep_ == "nsubj"
        and token.head.lower_ in ("said", "says", "added", "adds", "continued", "read", "reads")
        and opened_by_the(token)
        and len(token.children) == 1
    )


def party_of_unit(token: Token) -> Token | None:
    """'Chega's parliamentary group says', "Frelimo's majority voted down": the party (not "the UN's group of
    experts", a body's unit named by what it does, nor "Alberta's NDP caucus", a unit that names its party)."""
    if token.lower_ not in PARTY_UNITS:
        return None
    named_after = _party_named_after(token)
    if named_after is not None:
        return named_after
    if any(c.dep_ == "nmod" for c in token.children):
        return None
    if any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in token.children):
        return None  # "Quebec's Liberal caucus", "the Senate's Republican majority"
    if token.lower_ == "group" and not any(c.lower_ in ("parliamentary", "political") for c in token.children):
        return None  # "Smith's group, a coalition of 40 landowners"
    owner = next((c for c in token.children if c.dep_ == "nmod:poss"), None)
    # "Frelimo’s majority" opening a sentence: the tagger reads an unknown capitalised owner as a common noun
    named = owner is not None and (is_proper(owner) or owner.text[:1].isupper() or ACRONYM.fullmatch(owner.text))
    return owner if named else None


def _party_named_after(token: Token) -> Token | None:
    """'The parliamentary group of New Democracy', 'the MPs of Chega': the party named after its unit (not
    'a group of farmers', nor 'the group of Forty', a body's own name)."""
    party = next((c for c in token.children if c.dep_ == "nmod" and child_case(c) == "of" and is_proper(c)), None)
    if party is None or not any(c.lower_ in ("the", "its") for c in token.children):
        return None
    if token.lower_ in PARTY_MEMBERS or any(c.lower_ in ("parliamentary", "political") for c in token.children):
        return party
    return None


def same_person(actor: Actor, words: list[str]) -> bool:
    """Whether a label's words (titles dropped) name a person remembered as `actor`: the same surname, and no
    given name of the other sex ("Rep. Elena Villarreal" is not "Mauricio Garza Villarreal"; "Liz Warren"
    and "Martha Karua" are "Elizabeth Warren" and "Martha Wangari Karua")."""
    names = [w for w in actor.name.split() if w.lower().rstrip(".") not in TITLE_WORDS]
    if names[-1:] != words[-1:]:
        return False
    if len(words) == 1 or words[0] in names:
        return True
    theirs, ours = gender_of_name(" ".join(names)), gender_of_name(" ".join(words))
    return not (theirs and ours and theirs != ours)


def last_of_name(doc, first: int) -> Token | None:
    """The last word of the name that starts at `first` (its words and hyphens), if it ends on a name."""
    last = first
    while last + 1 < len(doc) and (is_proper(doc[last + 1]) or doc[last + 1].tag_ == "HYPH"):
        last += 1
    return doc[last] if is_proper(doc[last]) else None


def listed_body(group: Token) -> Token | None:
    """'the two governing parties, the MR and Les Engagés': the first body a common group noun lists."""
    if group.tag_ != "NNS" or is_proper(group):
        return None
    return next((c for c in group.children if c.dep_ == "appos" and (is_proper(c) or ACRONYM.fullmatch(c.text))), None)


def named_party(token: Token) -> bool:
    """'the opposition Democratic Centre party': a common head word after a proper name."""
    return token.lower_ in ("party", "bloc", "group", "caucus", "alliance", "coalition", "front") and any(
        is_proper(c) for c in token.children if c.i < token.i
    )


def capitalised_role(token: Token, parts: list[Token]) -> bool:
    """ "the Treasurer", "The Minister": a role written with a capital, alone after "the"."""
    others = [p for p in parts if p.i != token.i]
    return (
        token.text[:1].isupper()
        and token.lower_ in PERSON_ROLES
        and len(others) == 1
        and others[0].lower_ == "the"
        and others[0].i == token.i - 1
    )


# "Some of the farmers", "two of the unions": a quantifier (or a number) standing for part of a group
PARTITIVES = frozenset({"some", "many", "several", "most", "few", "all", "both", "each", "half"})


def partitive_group(token: Token) -> Token | None:
    """The group of "Some of the farmers" (the token is "Some"): a plural noun after "of the", "of its"."""
    if token.lower_ not in PARTITIVES and token.tag_ != "CD":
        return None
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "nmod"
            and child_case(c) == "of"
            and c.tag_ in ("NNS", "NNPS")
            and any(d.dep_ in ("det", "nmod:poss") for d in c.children)
        ),
        None,
    )


def part_within(token: Token) -> Token | None:
    """The body of "Some in the Mazhilis", "many within the party" (the token is "Some"): a part of a body,
    named by it, whose members the text leaves vague."""
    if token.lower_ not in PARTITIVES or token.tag_ not in ("DT", "JJ", "PRP", "NN"):
        return None
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "nmod"
            and child_case(c) in ("in", "within", "inside")
            and (is_proper(c) or c.lower_ in ("party", "government", "cabinet", "coalition", "majority", "opposition"))
        ),
        None,
    )
