"""Which common nouns name a person: the list GUM's typed entities give (`training/person_nouns.py` writes
`person_nouns.txt`), the roles the extractor knows, and the nouns of agents ("lender", "endocrinologist")."""

from __future__ import annotations

from pathlib import Path

from analysis.extract.name_kinds import is_human_plural
from analysis.extract.nodes import Node, is_proper
from analysis.extract.vocabulary import GROUP_NOUNS, PERSON_ROLES

PERSON_NOUNS = frozenset(
    line
    for line in (Path(__file__).parent / "person_nouns.txt").read_text(encoding="utf-8").split("\n")
    if line and not line.startswith("#")
)
# "who gave his name only as Teboho", "who gave only her first name, Atieno", "identified only as Musa"
GIVING_A_NAME = frozenset({"gave", "give", "gives", "giving", "identified"})
IRREGULAR_PLURALS = {"man": "men", "woman": "women", "chairman": "chairmen", "businessman": "businessmen"}


def is_person_noun(noun: str) -> bool:
    """Does a singular common noun (lower case) name a person?"""
    if noun in PERSON_NOUNS or noun in PERSON_ROLES:
        return True
    if noun in GROUP_NOUNS or noun.endswith("ment"):
        return False  # "a commitment", "the government"
    if noun.endswith(("sman", "swoman", "sperson", "eman", "ewoman")):
        return True  # "businessman", "saleswoman", "policeman" (not "German" or "shaman")
    return noun.endswith(("er", "or", "ist", "ian", "ant", "ent")) and is_human_plural(_plural(noun))


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return IRREGULAR_PLURALS.get(noun, noun[:-3] + "men")
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def name_given(person: Node) -> str:
    """The name a person the text leaves unnamed gives in a clause about them ("her neighbour, who gave his
    name only as Abu Faisal"), else ""."""
    # "one driver at the crossroads, who gave …": the clause may hang on the place, or on the verb
    loose = [c for c in person.head.children if c.i > person.i and any(w.lower_ == "who" for w in c.children)]
    for clause in [*person.subtree, *loose]:
        if clause.lower_ not in GIVING_A_NAME or not (clause.dep_ in ("acl:relcl", "acl") or clause in loose):
            continue
        words = clause.subtree
        named = next(
            (
                w
                for w in words
                if is_proper(w)
                and w.i > clause.i
                and (w.head.i == w.i or not is_proper(w.head))
                and any(v.lower_ in ("as", "name", ",") for v in words if clause.i < v.i < w.i)
            ),
            None,
        )
        if named is not None:
            parts = [named, *(c for c in named.children if c.dep_ in ("flat", "compound") and is_proper(c))]
            parts.sort(key=lambda w: w.i)
            return " ".join(w.text for w in parts)
    return ""
