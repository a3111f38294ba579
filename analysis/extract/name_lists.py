"""Names listed right before their verb ("Conaway, Supervisor Marguerite Boateng and Supervisor Samir
Kerrigan voted against"; "The DAB, the Federation of Trade Unions (FTU), the Business and Professionals
Alliance (BPA) and the New People's Party voted in favour"), one actor each: a mixin of `naming.Namer`,
whose text, memory, index and `may_be_name` it uses."""

from __future__ import annotations

import re

from analysis.extract.actors import Mention
from analysis.extract.names import ACRONYM, Named, is_title, kind_of_name, known_or_new
from analysis.extract.vocabulary import NOT_A_NAME, words

_ITEM = (
    r"(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:(?:of|for|the|and|de|del|van|von|bin)\s+)*[A-Z][\w'’\-]*)*"
    r"(?:\s+\([A-Z][\w&]{1,10}\))?"
)
_LAST_ITEM = (
    r"(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:(?:of|for|the|and|de|del|van|von|bin|&)\s+)*[A-Z][\w'’\-]*)*"
    r"(?:\s+\([A-Z][\w&]{1,10}\))?"
)
# "Conaway, Supervisor Marguerite Boateng and Supervisor Samir Kerrigan voted against": names listed right
# before their verb, the last one allowed an "and" of its own ("Platform for Life and Peace")
NAME_LIST = re.compile(
    rf"(?<![\w’'])((?:{_ITEM},\s+)+{_ITEM},?\s+and\s+{_LAST_ITEM})\s+(?:(?:all|both|also|each|then|had|have)\s+)*$"
)


class ListNaming:
    """The list step of `naming.Namer`."""

    def listed(self, start: int, end: int, mentions: list[Mention]) -> tuple[int, list[Named]]:
        """(where the list starts, the actors) of a list of names that ends right before a verb at `end`, one
        per name, known or new; (end, []) when the text from `start` to the verb ends in no such list. A list
        of portfolios inside one name ("Minister of Industries, Mines and Energy", "the Ministry of Environment,
        Urbanisation and Climate Change", a name the gazetteer reads across a comma) is none."""
        found = NAME_LIST.search(self.text, start, end)
        if found is None or re.search(r"\b(?:of|on|for|and|&)\s+$", self.text[start : found.start(1)]):
            return end, []
        if re.match(r"(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s+(?:of|for|on)\s", found.group(1)):
            return end, []
        items = self._list_items(found.group(1), found.start(1), mentions)
        if not items:
            return end, []
        names, titled = [], False
        for item in items:
            words = item.split()
            while len(words) > 1 and (is_title(words[0]) or words[0].lower() == "the"):
                titled |= words.pop(0).lower() not in NOT_A_NAME
            name = " ".join(words)
            if not name or name.lower() in NOT_A_NAME or not self.may_be_name(name):
                return end, []
            names.append(name)
        named = []
        for name in names:
            kind = "person" if titled else kind_of_name(name, default="organization")
            known = self.memory.acronyms.get(name) or self.memory.surnames.get(name)
            named.append(Named(known or known_or_new(name, self.index, kind=kind), "named"))
        return found.start(1), named

    def _list_items(self, listing: str, at: int, mentions: list[Mention]) -> list[str]:
        """The items of a list of names, split at its commas and at the "and" before its last item: the
        first "and" there that no gazetteer name spans ("the Business and Professionals Alliance (BPA) and the
        New People's Party"). [] when a gazetteer name spans a comma (a list of portfolios inside one name)."""

        def inside_a_name(position: int) -> bool:
            # "the Left Alliance and the Pirate Party", read as one name, is two bodies
            return any(m.start < at + position < m.end and not _two_bodies(m.actor.name) for m in mentions)

        commas = list(re.finditer(r"\s*,\s+", listing))
        if any(inside_a_name(c.start()) for c in commas):
            return []
        tail_from = commas[-1].end() if commas else 0
        ands = re.finditer(r"(?:^|\s+)and\s+", listing[tail_from:])
        final = next((a for a in ands if not inside_a_name(tail_from + a.end() - 1)), None)
        if final is None:
            return []
        bounds = [0, *(x for c in commas for x in (c.start(), c.end()))]
        items = [listing[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds) - 1, 2)]
        items += [listing[tail_from : tail_from + final.start()], listing[tail_from + final.end() :]]
        return [re.sub(r"\s*\([^()]*\)", "", item).strip() for item in items if item.strip()]

    def split_pair(self, named: Named) -> list[Named]:
        """'the SDP and Finns Party (PS) members voted against', 'the JWF and the Awami Workers' League staged a
        walkout': two bodies the parser read as one name, each an acronym or a name with a body's head word,
        are two actors. A name with an "and" inside ("Argyll and Bute Council", "Ministry of Energy and
        Mines", "Business and Professionals Alliance") is one."""
        if not _two_bodies(named.actor.name):
            return [named]
        pair = []
        for part in PAIR.fullmatch(named.actor.name).groups():
            known = self.memory.acronyms.get(part)
            pair.append(Named(known or known_or_new(part, self.index, kind="organization"), named.rule))
        return pair


PAIR = re.compile(r"(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+)")
BODY_HEADS = words(
    "party league alliance front movement union congress bloc caucus coalition association federation council "
    "group forum confederation organisation organization committee society network international watch institute "
    "foundation"
)


def _a_body(name: str) -> bool:
    words = name.split()
    return bool(ACRONYM.match(name)) or (len(words) >= 2 and words[-1].lower().strip("'’") in BODY_HEADS)


def _two_bodies(name: str) -> bool:
    parts = PAIR.fullmatch(name)
    return parts is not None and all(_a_body(part) for part in parts.groups())
