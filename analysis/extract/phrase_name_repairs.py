"""Repairs to names made of ordinary words, which the parser reads as a clause ("People Before Profit
condemned …": "People" and "Profit" two subjects, "Before" a subordinator). Called by `parse_repairs.repair`,
in its order."""

from __future__ import annotations

from analysis.extract.nodes import SUBJECTS, Parsed, attach

# the prepositions a body's name may hold in capitals ("People Before Profit", "Farmers For Action")
NAME_PREPOSITIONS = frozenset({"before", "for", "against", "without", "over", "not", "first"})


def name_with_a_preposition_read_as_clause(parsed: Parsed) -> None:
    """'… and People Before Profit condemned what it called …': a capitalised preposition between two capitalised
    words inside a sentence, with both words read as subjects of the verb after them, is one name."""
    for i in range(1, len(parsed) - 2):
        first, middle, last = parsed[i], parsed[i + 1], parsed[i + 2]
        if middle.lower_ not in NAME_PREPOSITIONS or not middle.text[:1].isupper():
            continue
        if not (first.text[:1].isupper() and last.text[:1].isupper()) or first.dep_ not in SUBJECTS:
            continue
        if last.dep_ not in SUBJECTS or last.head is not first.head:
            continue
        attach(middle, first, "flat")
        attach(last, first, "flat")
        first.tag_ = "NNP"
