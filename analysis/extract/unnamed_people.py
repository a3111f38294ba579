"""People the text leaves unnamed, named as it does: one person kept vague ("One lender", "said one woman"), the
name such a person gave ("who gave his name only as Teboho"), and a vague group ("Some economists"). A mixin of
`bodies.BodyNaming`, whose text and index it uses."""

from __future__ import annotations

import re

from analysis.extract.actors import Mention
from analysis.extract.introductions import gender_of
from analysis.extract.names import Named, described, known_or_new
from analysis.extract.parse import Node as Token
from analysis.extract.parse import child_case, is_proper
from analysis.extract.person_nouns import is_person_noun, name_given
from analysis.extract.vocabulary import SPEECH_FORMS

ONE_OF_A_KIND = frozenset({"a", "an", "one", "another"})
# people who speak for a body ("an Iranian foreign ministry spokesman"): the body, where the phrase names one
BODY_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officer", "representative"})
BODY_VOICES |= {"delegate", "envoy", "ambassador", "diplomat", "negotiator", "minister", "secretary", "member"}
HOLDER_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obl:agent", "obl"})


class UnnamedPeople:
    """The unnamed people's steps of `bodies.BodyNaming`."""

    def _name_given(self, token: Token) -> Named | None:
        """'One man in Leribe, who gave his name only as Teboho': the name he gave."""
        given = name_given(token)
        return Named(known_or_new(given, self.index, kind="person"), "name given") if given else None

    def _one_person(self, token: Token, parts: list[Token], base: int, within: list[Mention]) -> Named | None:
        """'One lender, speaking on condition of anonymity, called …', 'said one woman, who asked not to be
        named', 'A senior executive at one of the larger developers said': one person the text leaves
        unnamed, kept vague by the words up to the noun. Not who speaks for a body ("an Iranian foreign
        ministry spokesman"), whom the body's name or the text before stands for."""
        # "A former port official, who asked not to be named, said …": who once spoke for a body speaks for himself
        former = any(c.dep_ == "amod" and c.lower_ in ("former", "retired") for c in token.children)
        voice = token.lower_ in BODY_VOICES and not former
        if token.tag_ != "NN" or voice or any(m.actor.kind == "organization" for m in within):
            return None  # "An endocrinologist at a Minsk city clinic": where she works, not the city's government
        if token.dep_ not in HOLDER_RELATIONS or not (token.head.lower_ in SPEECH_FORMS or _puts_it(token.head)):
            return None  # who says something: not "a commitment of ten years is a long time", nor "a reader" read
        verb = token.head
        reported = verb.dep_ == "ccomp" and verb.head.lower_ in SPEECH_FORMS
        if reported or any(c.dep_ == "appos" for c in token.children):
            return None  # "she says a secretariat employee told parents …": who she speaks of
        one = next((c for c in token.children if c.dep_ in ("det", "nummod") and c.i < token.i), None)
        if one is None or one.lower_ not in ONE_OF_A_KIND or not is_person_noun(token.lower_):
            return None
        doc = token.doc
        if one.i >= 2 and doc[one.i - 1].text == "," and is_proper(doc[one.i - 2]):
            return None  # "Dr Tom Odhiambo, a senior research scientist there, said": his description
        text = self.text[base + one.idx : base + token.idx + len(token)]
        return Named(described(text, kind="person"), "one person", (), gender_of(text))

    def _vague_group(self, token: Token, parts: list[Token], base: int, mentions: list[Mention]) -> Named:
        """'Some economists', 'Several MPs from Puntland and Jubaland': people kept vague, as the text names
        them, with where they are from when a mention says so."""
        head_end = base + token.idx + len(token)
        placed = next((m for m in mentions if m.actor.kind == "commentators" and m.start < head_end < m.end), None)
        if placed is not None:
            return Named(placed.actor, "group")
        head_end = from_where(token, base) or head_end
        text = re.sub(
            r"^(?:(?:according\s+to|by|with|from|of|for|among|to|the|along|together|alongside)\s+)+",
            "",
            self.text[base + parts[0].idx : head_end],
            flags=re.IGNORECASE,
        )
        return Named(described(text, kind="commentators"), "group")


def _puts_it(verb: Token) -> bool:
    """'One woman put it like this: “…”', 'put it bluntly': a way of saying."""
    return verb.lower_ in ("put", "puts") and any(c.dep_ == "obj" and c.lower_ == "it" for c in verb.children)


def from_where(token: Token, base: int) -> int | None:
    """Where 'Four opposition deputies from the region' ends: where the people are from, as writers name the group
    (a short phrase right after the noun, no clause; not where they are, "Morena deputies in the state congress")."""
    where = next((c for c in token.children if c.dep_ == "nmod" and child_case(c) == "from"), None)
    if where is None or where.i - token.i != 1 + sum(1 for c in where.children if c.i < where.i):
        return None
    words = where.subtree
    if len(words) > 5 or any(w.tag_ in (",", "-LRB-", "WDT", "WP") or w.tag_.startswith("V") for w in words):
        return None
    last = words[-1]
    return base + last.idx + len(last)
