"""Repairs to names made of ordinary words, which the parser reads as a clause ("People Before Profit
condemned …": "People" and "Profit" two subjects, "Before" a subordinator). Called by `parse_repairs.repair`,
in its order."""

from __future__ import annotations

from analysis.extract.nodes import SUBJECTS, Parsed, attach
from analysis.extract.vocabulary import PATRONYMIC_LINKS

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


def name_split_at_patronymic(parsed: Parsed) -> None:
    """'Yang Berhormat Dayang Hajah Norliza binti Haji Sulaiman, a Belait district representative, who says …':
    the link to the father's name tagged as an adjective, and the name cut in two there. It is one name."""
    for link in parsed[1:-1]:
        before, after = parsed[link.i - 1], parsed[link.i + 1]
        if link.lower_ not in PATRONYMIC_LINKS or not (before.text[:1].isupper() and after.text[:1].isupper()):
            continue
        start = link.i - 1
        while start > 0 and parsed[start - 1].text[:1].isupper() and parsed[start - 1].tag_ in ("NNP", "NNPS"):
            start -= 1
        end = link.i + 1
        while end + 1 < len(parsed) and parsed[end + 1].text[:1].isupper() and parsed[end + 1].tag_ in ("NNP", "NNPS"):
            end += 1
        run = parsed[start : end + 1]
        heads = [n for n in run if n.head.i < start or n.head.i > end or n.head is n]
        if len(heads) < 2 and all(n.dep_ in ("flat", "compound") for n in run if n is not heads[0]):
            continue  # one name already
        head = heads[0]
        for node in run:
            if node is not head:
                outside = [c for c in node.children if c.i < start or c.i > end]
                for c in outside:
                    attach(c, head, c.dep_)
                attach(node, head, "flat")
        link.tag_ = "NNP"
