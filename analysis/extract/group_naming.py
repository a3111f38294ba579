"""The group steps of `naming.Namer`: a part of a group ("Some of the farmers", "Some in the Mazhilis"), members
named with their body ("members from Puntland"), a body a description covers, a unit that speaks for its owner
("a spokesman for the militia", "the party's bench") and a party's own units."""

from __future__ import annotations

import re

from analysis.extract.actors import ORG_HEADS, Actor, Mention, as_written
from analysis.extract.country_regex import countries
from analysis.extract.mention_patterns import ROMANCE_HEADS
from analysis.extract.names import (
    ACRONYM,
    Named,
    described,
    is_body_name,
    is_human_plural,
    is_title,
    kind_of_name,
    known_or_new,
    np_tokens,
)
from analysis.extract.nodes import is_acronym_plural
from analysis.extract.parse import NOUN_TAGS, child_case, is_proper
from analysis.extract.parse import Node as Token
from analysis.extract.phrase_heads import (
    CALENDAR_WORDS,
    LEGISLATORS,
    PARTY_MEMBERS,
    PARTY_ONLY_UNITS,
    PARTY_UNITS,
    PLACE_ACRONYMS,
    QUANTIFIERS,
    is_the_statement,
    listed_body,
    named_party,
    part_within,
    partitive_group,
    party_of_unit,
)
from analysis.extract.references import GROUP_NOUNS, actor_key
from analysis.extract.unnamed_people import from_where
from analysis.extract.vocabulary import MEMBER_NOUNS, SPEECH_NOUNS, SPOKESPEOPLE
from analysis.extract.wording import tracked

# the chambers whose members a party's name can open ("Fretilin members of parliament")
LEGISLATURES = frozenset({"parliament", "assembly", "congress", "senate", "legislature", "house", "council"})
# members of a body who sit for a place: "members from Manzini" are people from there, not its government
SEATED_PEOPLE = frozenset({"members", "mps", "deputies", "councillors", "lawmakers", "legislators", "senators"})
# the words for a side of a chamber, capitalised only when they open a sentence ("Opposition members of parliament")
SIDES = frozenset({"opposition", "government", "ruling", "independent", "coalition", "backbench", "senior", "several"})

# the holders of public office whose office speaks as a body of its own ("the prime minister's office")
PUBLIC_OFFICES = frozenset(
    {"minister", "premier", "president", "chancellor", "governor", "mayor", "treasurer", "secretary", "general"}
    | {"prosecutor", "speaker", "commissioner", "ombudsman", "presidency"}
    # "the Attorney General's office", which the parse may hang on "Attorney", "General" only its case mark
    | {"attorney", "auditor", "comptroller", "solicitor", "inspector"}
)


QUANTIFIED = re.compile(r"(?i)(?:some|several|many|most|a few|few|two|three|four|five|\d+)\s")


TITLED_UNITS = frozenset({"directorate", "general"})


class GroupNaming:
    """Steps of `naming.Namer` that name groups and the bodies that speak for them."""

    def _part_of(self, token: Token, base: int, mentions: list[Mention]) -> Named | None:
        """'Some of the farmers', 'Most of the roughly 60 people who spoke', 'two of its members': a part of a
        group holds what the group would: the body its members belong to, else the words up to the group's
        noun, kept vague."""
        group = partitive_group(token)
        if group is None:
            body = part_within(token)  # "Some in the Mazhilis go further": vague, by the words up to the body
            if body is None:
                return None
            text = self.text[base + token.idx : base + body.idx + len(body)]
            return Named(described(text, kind="commentators"), "group")
        named = self.name(group, base, mentions) if group.lower_ in MEMBER_NOUNS else None
        if named is not None and named.actor.kind != "commentators":
            return named  # "some of its members": the body they belong to (not "some of the Greens": a faction)
        if not (is_human_plural(group.lower_) or group.lower_ == "people" or is_proper(group)):
            return None  # "most of the money", "two of the bills"
        text = self.text[base + token.idx : base + group.idx + len(group)]
        return Named(described(text, kind="commentators"), "group")

    def _members_from(self, token: Token, parts, base: int, mentions, speaker) -> Named | None:
        """'Senators from the opposition Democratic Centre party', 'Board members from the Centre Party', 'the
        ADR's five deputies': members named by the body they come from hold its position."""
        # "the Kataeb party's MPs": the tagger reads an acronym's plural as a singular noun
        plural = token.tag_ in ("NNS", "NNPS") or (token.tag_ == "NN" and is_acronym_plural(token))
        if token.lower_ not in MEMBER_NOUNS:
            return None
        side = SIDE_PARTY.search(self.text, max(base, base + token.idx - 40), base + token.idx)
        if side is not None and token.text.endswith("s"):
            # "opposition CCC MPs walked out", "ruling ZANU-PF MPs cheered": the party, by its acronym
            return Named(self.memory.acronyms.get(side.group(1)) or described(side.group(1)), "members of")
        if not plural:
            return None
        subset = self._quantified_members(token, base, mentions)
        if subset is not None:
            return subset
        opener = self._party_opening(token, base, mentions)
        if opener is not None:
            return opener
        for body in token.children:
            # "deputies from the ADR", "the ADR's five deputies"
            if body.dep_ == "nmod:poss" or (body.dep_ == "nmod" and child_case(body) in ("from", "of")):
                body = listed_body(body) or body  # "Deputies from the two governing parties, the MR and ..."
                bodily_word = is_proper(body) or named_party(body) or ACRONYM.fullmatch(body.text)
                named = self.name(body, base, mentions) if bodily_word else None
                bodily = named is not None and named.actor.kind == "organization"
                if body.dep_ == "nmod:poss" and token.lower_ not in LEGISLATORS:
                    bodily = False  # "the ADR's five deputies", not "the UN's delegates"
                # "Senators of the Partido de la U": a body by its head word, English or Romance
                heads = rf"{ORG_HEADS}|\b(?:{ROMANCE_HEADS})\b"
                body_name = named_party(body) or re.search(heads, named.actor.name) if bodily else False
                if body_name or (bodily and ACRONYM.fullmatch(named.actor.name)):
                    return named  # a body, not a place ("lawmakers from Bavaria" stay lawmakers)
        return None

    def _quantified_members(self, token: Token, base: int, mentions) -> Named | None:
        """'Several PNC members', 'Some TTC board members', 'Most ODM deputies': some of a body's members, a vague
        group as the text writes it, not the body; not a group the analysts track ("Several Republican lawmakers"
        are the Republican lawmakers of the actors table)."""
        start, end = base + token.idx - 40, base + token.idx + len(token)
        if any(m.start < end and start < m.end and tracked(m.actor) for m in mentions):
            return None
        some = next(
            (
                c
                for c in token.children
                if c.i < token.i and c.dep_ in ("det", "amod", "nummod") and c.lower_ in SUBSETS
            ),
            None,
        )
        if some is None or not any(t.text[:1].isupper() for t in token.doc[some.i + 1 : token.i]):
            return None
        return Named(
            described(self.text[base + some.idx : base + token.idx + len(token)], kind="commentators"), "group"
        )

    def _party_opening(self, token: Token, base: int, mentions) -> Named | None:
        """'Fretilin members of parliament denounced …': a word the text never writes in lower case, opening the
        sentence before legislators, is their party (the tagger reads an unknown word there as a common noun)."""
        opener = next((c for c in token.children if c.dep_ == "compound" and c.i == 0 and c.i == token.i - 1), None)
        if opener is None or token.lower_ != "members" or not opener.text[:1].isupper():
            return None
        if not any(c.lower_ in LEGISLATURES for c in token.children):
            return None  # "Opposition members", "Board members": no chamber named
        if opener.lower_ in self._lower_words() or opener.lower_ in SIDES:
            return None
        start = base + opener.idx
        if any(m.start <= start < m.end and m.actor.kind == "government" for m in mentions):
            return None  # "Dili members of the assembly": a place's
        # a party: who "the party" means next
        return Named(known_or_new(opener.text, self.index, kind="organization"), "members of", ("party",))

    def _covered(self, token: Token, parts, base: int, mentions, speaker) -> Named | None:
        """A name the gazetteer found over the head word (not a generic group standing for its members)."""
        head_start, head_end = base + token.idx, base + token.idx + len(token)
        covering = [m for m in mentions if m.start < head_end and head_start < m.end]
        if covering and covering[0].actor.kind == "commentators":
            # "the Social Democrats" is a party, not the group "Democrats": the capitalised word before it names it
            before = re.search(
                r"([A-Z][\w’'\-]+)\s+$", self.text[max(base, covering[0].start - 30) : covering[0].start]
            )
            if before and not is_title(before.group(1)) and before.group(1).lower() not in QUANTIFIERS:
                return None
        body = self._body_named_with_country(token, covering[0], base) if covering else None
        if body is not None:
            return body
        vague = bool(covering) and covering[0].actor.kind == "commentators"
        if vague and self.heading is None and self._one_body_called(token, covering[0].actor.name.lower()):
            return None  # "the union" after "the National Union of Mineworkers": that union, not a vague one
        named_next = [
            c
            for c in token.children
            if c.dep_ == "appos" and c.i == token.i + 1 and is_proper(c) and c.lower_ not in CALENDAR_WORDS
        ]
        if covering and named_next and covering[0].end <= base + named_next[0].idx:
            return None  # "The environmental association Biosfera, based in Mindelo,": the name, next
        if vague and token.lower_ in SPEECH_NOUNS and self._owner(token):
            return None  # "Economists at the Bureau for Economic Research": the body they speak for, next
        unqualified = not any(is_proper(t) for t in parts if t.i < token.i)  # not "several DP lawmakers from …"
        if vague and unqualified and covering[0].end == head_end and from_where(token, base):
            return None  # "Four opposition deputies from the region": named whole with where they are from, next
        # "Several MPs from Puntland and Jubaland", "Some coastal MPs": a group named with where it is from or
        # with a word of its own, kept whole (not "Labour MPs", the party's)
        placed = vague and covering[0].end > head_end and covering[0].actor.name.split()[-1][:1].isupper()
        placed = placed or (vague and QUANTIFIED.match(covering[0].actor.name) is not None)
        # "and opposition MPs accused": a group in lower case, not a party's members ("Labour MPs")
        placed = placed or (
            vague
            and covering[0].end == head_end
            and covering[0].start >= base + parts[0].idx  # not "The union said members": its own words only
            and self.text[covering[0].start].islower()
            and len(covering[0].actor.name.split()) > 1
        )
        if covering and (placed or not (vague and token.lower_ in MEMBER_NOUNS)):
            return Named(covering[0].actor, "named", *self._role_words(token, parts))
        return None

    def _one_body_called(self, token: Token, group: str) -> bool:
        """Whether one body, and the last the text called so, goes by a group's noun ("the union" after "the
        National Union of Mineworkers"; not after two unions, nor after "the European Union")."""
        holders = self.memory.roles.get(token.lower_, []) if group == token.lower_ else []
        bodies = [h for h in holders if h.kind == "organization"]
        return len(bodies) == 1 and holders[-1] is bodies[0]

    def _representing(self, token: Token, parts, base: int, mentions, speaker) -> Named | None:
        """'The union representing the ULA's administrative and maintenance staff': a body the text names by
        whom it speaks for, as the text names it (not the body those people work for)."""
        if token.lower_ not in GROUP_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        clause = next((c for c in token.children if c.dep_ == "acl" and c.lower_ == "representing"), None)
        if clause is None or clause.i != token.i + 1 or any(c.dep_ == "appos" for c in token.children):
            return None  # not "The union representing shop workers, the Sindicato dos Comerciários": its name
        end = max(t.idx + len(t) for t in clause.subtree)
        return Named(described(as_written(self.text[base + token.idx : base + end])), "description")

    def _spoken_for(self, token: Token, parts, base: int, mentions, speaker) -> Named | None:
        """'a spokesman for the militia', 'a statement from the union': the body spoken for."""
        if token.lower_ in SPEECH_NOUNS and any(
            c.dep_ == "appos" and c.i > token.i and ACRONYM.fullmatch(c.text) for c in token.children
        ):
            return None  # "The European Union's humanitarian office, ECHO, called": the office, by its own name
        # "the ministry's directorate-general" speaks for the ministry; "the Commission's Directorate-General for
        # Energy" is a body of its own name
        speaks = token.lower_ in SPEECH_NOUNS and not (token.lower_ in TITLED_UNITS and token.text[0].isupper())
        owner = self._owner(token) if speaks else party_of_unit(token)
        if owner is None and is_the_statement(token) and self.memory.statement_by is not None:
            # "“No one is served …,” the statement said": the statement the text last said someone made
            return Named(self.memory.statement_by, "spokesperson for")
        if owner is None and token.lower_ in SPOKESPEOPLE:
            return self._body_spoken_of(token, base, mentions, speaker)
        if owner is None or (token.lower_ == "leaders" and owner.dep_ == "compound"):
            return None  # "its leaders", "the leaders of the union"; not "World leaders", "Community leaders"
        if token.lower_ == "office" and owner.dep_ == "nmod:poss" and owner.lower_ in PUBLIC_OFFICES:
            # "the prime minister's office", "the Queensland Treasurer's office": the office speaks, as writers
            # annotate it; "Petersen's office" is Petersen's
            words = self.text[base + np_tokens(owner)[0].idx : base + token.idx + len(token)]
            return Named(described(as_written(words), kind="government"), "spokesperson for")
        if _unnamed_body(owner) and is_human_plural(token.lower_):
            # "Analysts at one Baku brokerage": a body the text leaves unnamed; the people, as the text calls them
            words = self.text[base + parts[0].idx : base + owner.idx + len(owner)]
            return Named(described(words, kind="commentators"), "group")
        named = self.name(owner, base, mentions, speaker=speaker)
        people = self._people_of(token, owner, named, parts, base, mentions) if named is not None else None
        if people is not None:
            return people
        if token.lower_ in PARTY_UNITS and token.lower_ not in SPEECH_NOUNS:
            return self._party_unit(token, owner, named)
        if named is None and owner.lower_ in GROUP_NOUNS and owner.tag_ in NOUN_TAGS and not is_proper(owner):
            # "a spokesman for the militia" with no militia named before: the body, as the text calls it
            named = Named(described(owner.text), "description")
        return Named(named.actor, "spokesperson for") if named is not None else None

    def _people_of(self, token: Token, owner: Token, named: Named, parts, base: int, mentions) -> Named | None:
        """People named by whom or where they are of, as the text names them: "Some members from Kenya" (people
        from a place, not its government), "Workers' representatives on the council" (who speak for a vague
        group)."""
        names, _, capitals = countries()
        place = named.actor.kind == "government" or named.actor.name in names or named.actor.name in capitals
        if place and token.lower_ in SEATED_PEOPLE and child_case(owner) == "from" and from_where(token, base):
            return self._vague_group(token, parts, base, mentions)
        vague_owner = named.actor.kind == "commentators" and not is_proper(owner)
        if vague_owner and owner.dep_ == "nmod:poss" and is_human_plural(owner.lower_):
            words = self.text[base + owner.idx : base + token.idx + len(token)]
            return Named(described(words, kind="commentators"), "group")
        return None

    def _body_spoken_of(self, token: Token, base: int, mentions, speaker) -> Named | None:
        """'A spokesman said the ministry was still gathering views', 'A spokesperson in Paris said the centre had
        received no file': a spokesperson for no body named speaks for the body their words name as "the …"."""
        verb = token.head
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) if token.dep_ == "nsubj" else None
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None) if clause else None
        if subject is None or subject.tag_ != "NN" or not any(c.lower_ == "the" for c in subject.children):
            return None
        named = self.name(subject, base, mentions, speaker=speaker)
        if named is None or named.actor.kind in ("person", "commentators"):
            return None
        return Named(named.actor, "spokesperson for")

    def _party_unit(self, token: Token, owner: Token, named: Named | None) -> Named | None:
        """The party a unit belongs to ("Chega's parliamentary group", "the MPLA's majority"), if its owner
        names a party: not a place ("Europe's majority") or a person ("Macron's majority")."""
        members = token.lower_ in PARTY_MEMBERS
        opening = owner.i == 0 and not is_proper(owner) and owner.lower_ not in self._lower_words()
        if named is None and opening and not members:
            return Named(described(owner.text, kind="organization"), "spokesperson for")  # "Frelimo’s majority"
        if named is None or (members and owner.text in PLACE_ACRONYMS):
            return None  # not "The UK's MPs"
        # a party first met as a bare name ("SYRIZA") may have been taken for a person; not "Starmer's MPs"
        kind = kind_of_name(named.actor.name, default="")
        if kind == "person" or (named.actor.kind != "organization" and kind != "organization"):
            return None
        # only a party has a caucus or a parliamentary group, and members in a chamber when its name shows it is
        # a body; a majority may be anyone's
        party = (
            token.lower_ in PARTY_ONLY_UNITS
            or ACRONYM.fullmatch(owner.text)
            or is_body_name(named.actor.name)
            or (members and (kind == "organization" or self._a_party(named.actor)))
        )
        return Named(named.actor, "spokesperson for") if party else None

    def _a_party(self, actor: Actor) -> bool:
        """Whether the text shows a body to be a party: called one ("Warisan, the Sabah party"), or put in
        brackets after a member's name ("Datuk Azman (Warisan)"); not "Scotland" or "Sunak"."""
        called = any(actor_key(actor) == actor_key(a) for a in self.memory.roles.get("party", []))
        return called or re.search(rf"\({re.escape(actor.name)}[),]", self.text) is not None


# the words that make a body's members some of them
SUBSETS = frozenset({"some", "several", "most", "many", "few"})
# a party's side before its acronym and its members: "opposition CCC MPs", "the ruling ZANU-PF lawmakers"
SIDE_PARTY = re.compile(r"\b(?:[Oo]pposition|[Rr]uling|[Gg]overning)\s+([A-Z][A-Z0-9&\-]{1,9})\s+$")


def _unnamed_body(owner: Token) -> bool:
    """'one Baku brokerage', 'a Lusaka bank': a body the text does not name, only says where it is."""
    # "one" may hang on the place's name ("one Baku brokerage" is parsed "one Baku" + "brokerage")
    words = [*owner.children, *(g for c in owner.children if c.dep_ == "compound" for g in c.children)]
    indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in words)
    return indefinite and owner.dep_ == "nmod" and owner.lower_ in GROUP_NOUNS and not is_proper(owner)
