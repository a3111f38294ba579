"""Which common nouns name a person: the list GUM's typed entities give (`training/person_nouns.py` writes
`person_nouns.txt`), the roles the extractor knows, and the nouns of agents ("lender", "endocrinologist")."""

from __future__ import annotations

from pathlib import Path

from analysis.extract.names import is_human_plural
from analysis.extract.references import GROUP_NOUNS, PERSON_ROLES

PERSON_NOUNS = frozenset(
    line
    for line in (Path(__file__).parent / "person_nouns.txt").read_text(encoding="utf-8").split("\n")
    if line and not line.startswith("#")
)
IRREGULAR_PLURALS = {"man": "men", "woman": "women", "chairman": "chairmen", "businessman": "businessmen"}


def is_person_noun(noun: str) -> bool:
    """Does a singular common noun (lower case) name a person?"""
    if noun in PERSON_NOUNS or noun in PERSON_ROLES:
        return True
    if noun in GROUP_NOUNS or noun.endswith("ment"):
        return False  # "a commitment", "the government"
    return noun.endswith(("er", "or", "ist", "ian", "ant", "ent")) and is_human_plural(_plural(noun))


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return IRREGULAR_PLURALS.get(noun, noun[:-3] + "men")
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"
