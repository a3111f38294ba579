"""A common noun owned by a name ("Gibraltar's main environmental groups", "the National Assembly's health
committee"): who speaks is what the name owns, not the name. A mixin of the namer (`bodies.BodyNaming`)."""

from __future__ import annotations

from analysis.extract.actors import Mention, as_written
from analysis.extract.names import Named, described, is_human_plural
from analysis.extract.parse import Node as Token
from analysis.extract.unnamed_people import UnnamedPeople

# a named body's part that the text describes: "the Pacific Community's public health division"
BODY_PARTS = frozenset({"division", "unit", "branch", "section", "wing"})
# a named body's committee: a body of its own, which the whole body may not back
COMMITTEES = frozenset({"committee", "subcommittee", "caucus"})


class OwnedNaming(UnnamedPeople):
    """The owned-noun steps of the namer."""

    def _owned_by_a_name(
        self, token: Token, determiner, parts: list[Token], base: int, within: list[Mention], mentions
    ) -> Named | None:
        """People of a place ("Spain's farmers": not its government), or a named body's committee or part."""
        if determiner is None or determiner.dep_ != "nmod:poss":
            return None
        owner = [m for m in within if m.start <= base + determiner.idx < m.end]
        if not owner:
            return None
        if _people(token) and owner[0].actor.kind == "government" and not self._name_given(token):
            first = min((determiner.subtree[0], parts[0]), key=lambda t: t.i)
            return self._vague_group(token, [first, *parts], base, mentions)
        if token.lower_ in COMMITTEES | BODY_PARTS:
            text = self.text[base + determiner.left_edge.idx : base + token.idx + len(token)]
            return Named(described(as_written(text)), "description")
        return None


def _people(token: Token) -> bool:
    return token.tag_ == "NNS" and is_human_plural(token.lower_)
