"""What a relative pronoun stands for ("Angola and Tanzania, which …", "Parvina Odinaeva, who …, and who said
…"): the noun its clause hangs on, as the dependency relations and their usual misreadings give it."""

from __future__ import annotations

from analysis.extract.names import is_human_plural
from analysis.extract.parse import NOUN_TAGS, child_case, is_proper
from analysis.extract.parse import Node as Token

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
PLACING_CASES = frozenset({"of", "in", "from", "at"})
QUANTIFIERS = frozenset({"all", "both", "each", "some", "most", "many", "several", "none", "two", "three", "four"})


def _first_of_two_relatives(token: Token) -> Token | None:
    """'criticised by Parvina Odinaeva, who spent eleven years …, and who said …': the second relative clause,
    read as the sentence's conjunct, stands for what the first does."""
    if token.i < 2 or token.doc[token.i - 1].lower_ not in ("and", "but"):
        return None
    return next((t for t in reversed(token.doc[: token.i - 1]) if t.lower_ == token.lower_), None)


def antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ('Angola and Tanzania, which ...', 'Russia, China and Iran,
    all of which ...'): the first conjunct of what the relative clause hangs on, or, if the parser missed
    the clause, the nearest noun before the pronoun."""
    if token.lower_ not in RELATIVE_PRONOUNS and not (
        token.lower_ in QUANTIFIERS and any(c.lower_ in ("which", "whom") for c in token.subtree)
    ):
        return None
    clause = token
    while clause.dep_ != "acl:relcl" and clause.head.i != clause.i:
        clause = clause.head
    earlier = _first_of_two_relatives(token) if clause.dep_ != "acl:relcl" else None
    if earlier is not None:
        return antecedent(earlier)
    found = (
        clause.head
        if clause.dep_ == "acl:relcl"
        else next((t for t in reversed(token.doc[: token.i]) if t.tag_ in NOUN_TAGS), None)
    )
    while found is not None and found.dep_ == "conj" and found.head.i != found.i and found.head.i < found.i:
        found = found.head
    if found is not None and place_after_a_name(found):
        found = found.head
    # "the Club, a group with 90,000 members, which has denounced ...": the body, not its members
    with_members = (
        found is not None
        and found.dep_ == "nmod"
        and any(c.dep_ == "case" and c.lower_ == "with" for c in found.children)
    )
    # "ABRACE, the association of large industrial energy consumers, which regretted …": "which" is no people's
    of_people = (
        found is not None
        and token.lower_ == "which"
        and found.dep_ == "nmod"
        and found.tag_ == "NNS"
        and is_human_plural(found.lower_)
    )
    if with_members or of_people:
        found = found.head
        if found.dep_ == "appos" and found.head.i < found.i:
            found = found.head
    # "MP Fatima Al Qattan, one of the three who abstained,": the person the description describes; "the
    # Consumer Rights League, an Almaty-based NGO, which called …": the body its description describes
    described = found is not None and (found.tag_ == "CD" or (found.tag_ in ("NN", "NNS") and is_proper(found.head)))
    if described and found.dep_ == "appos" and found.head.i < found.i:
        found = found.head
    # "Gantulga was among the MPP members who voted against": the one who is among them
    among = found is not None and any(c.dep_ == "case" and c.lower_ == "among" for c in found.children)
    member = next((c for c in found.children if c.dep_ == "nsubj"), None) if among else None
    if member is not None and any(c.dep_ == "cop" for c in found.children):
        found = member
    return found


def place_after_a_name(found: Token) -> bool:
    """ "Councillor Liibaan Xasan Warsame of Kaaraan, who accused …", "The Ethiopian Heritage Authority in Addis
    Ababa, which must sign off …": the named one the clause is about, not the place that locates them."""
    return (
        found.dep_ == "nmod"
        and is_proper(found)
        and child_case(found) in PLACING_CASES
        and found.head.i < found.i
        and is_proper(found.head)
    )
