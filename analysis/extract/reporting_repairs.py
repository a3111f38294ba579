"""Repairs to a reporting clause that closes a sentence: "The association will stage a protest on 1 June, its
president, Jacinta Silva, told this newspaper", whose speaker the trained parser cut loose from its verb.
`parse_repairs.repair` runs them on every parsed sentence."""

from __future__ import annotations

from analysis.extract.nodes import FINITE_TAGS, SUBJECTS, Parsed, attach, is_proper
from analysis.extract.vocabulary import PERSON_ROLES, SPEECH_FORMS

OWNERS = frozenset({"its", "his", "her", "their", "the"})


def speaker_cut_from_closing_verb(parsed: Parsed) -> None:
    """'…, its president, Jacinta Silva, told this newspaper.': the role read as a conjunct of the clause
    before it, the name as a clause of its own and the verb with no subject. The role is the verb's subject,
    and the name its apposition."""
    for verb in parsed:
        if verb.lower_ not in SPEECH_FORMS or verb.tag_ not in FINITE_TAGS or verb.dep_ not in ("conj", "parataxis"):
            continue
        if verb.i < 6 or parsed[verb.i - 1].text != "," or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        start = verb.i - 1
        while start > 0 and is_proper(parsed[start - 1]):
            start -= 1
        if start == verb.i - 1 or start < 4 or parsed[start - 1].text != ",":
            continue
        role, owner = parsed[start - 2], parsed[start - 3]
        if role.lower_ not in PERSON_ROLES or owner.lower_ not in OWNERS or parsed[start - 4].text != ",":
            continue
        words = parsed[start : verb.i - 1]
        name = next((w for w in words if not start <= w.head.i < verb.i - 1 or w.head is w), None)
        if name is None or any(w is not name and w.head is not name for w in words):
            continue
        attach(role, verb, "nsubj")
        attach(owner, role, "nmod:poss" if owner.lower_ != "the" else "det")
        attach(name, role, "appos")
