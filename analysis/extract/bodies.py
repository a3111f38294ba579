"""Naming a common noun's phrase ("the ministry", "the county's office", "Green councillors", "the three
CDS-PP deputies", "a coalition of 27 groups, under the banner of X"): a name inside it, the body its members
belong to, a government, a body named by its proper part or by its words, or a role met before. A mixin of
`naming.Namer`, whose text, index, memory and `name` it uses."""

from __future__ import annotations

import re

from analysis.extract.actors import Mention, as_written
from analysis.extract.governments import MINISTRY_NOUNS, REGIONAL_BODIES
from analysis.extract.mention_patterns import generic_patterns
from analysis.extract.names import (
    BANNER,
    PLACE_WORDS,
    Named,
    described,
    is_human_plural,
    known_or_new,
    np_tokens,
)
from analysis.extract.nodes import opened_by_the
from analysis.extract.owned_bodies import BODY_PARTS, OwnedNaming
from analysis.extract.parse import PRONOUN_TAGS, child_case, is_proper
from analysis.extract.parse import Node as Token
from analysis.extract.phrase_heads import PARTY_ONLY_UNITS
from analysis.extract.references import GROUP_NOUNS, PERSON_ROLES
from analysis.extract.unnamed_people import from_where
from analysis.extract.vocabulary import LOCAL_MODIFIERS, MEMBER_NOUNS, NOT_A_NAME

# a body of a named body's people, apart from it ("JIRAMA's own staff union", "the Left's parliamentary club");
# its "resident mission" or "governing body" is the body itself
BODIES_APART = GROUP_NOUNS - {"body", "bodies", "mission", "missions", "office", "offices", "secretariat", "board"}
GOVERNING_ORGANS = frozenset({"board", "management", "leadership"})
REGION_UNITS = frozenset({"state", "province", "region", "county", "prefecture", "governorate", "oblast"})

POSSESSIVE_OR_RELATIVE = frozenset(
    {"whose", "that", "which", "what", "its", "their", "his", "her", "our", "my", "your"}
)
PARTY_BEFORE = re.compile(
    r"^(?:(?:[Tt]he|its|their|all|both|some|several|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+)*"
    r"([A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*)*)\s+$"
)


# "in central and southern", "across the", "throughout": a place after the noun, where its people are
PLACED_AFTER = re.compile(r"\s+(?:in|across|throughout|around)\s+(?:the\s+)?(?:[a-z]+\s+(?:and\s+[a-z]+\s+)?)?")


PLACES_OF_THEIR_BODIES = re.compile(
    r"\s+of\s+the\s+(?:[a-z\-]+\s+){1,3}(?:of|in)\s+(?:[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*(?:,\s+|\s+and\s+))*"
)
PLACE_MODIFIER = re.compile(r"(?:\s+[A-Z][\w’']+)*-[a-z]")


class BodyNaming(OwnedNaming):
    """The common-noun steps of `naming.Namer`."""

    def _banner(self, token: Token, base: int) -> Named | None:
        """'A coalition of 27 groups, under the banner of Patients First Italy': the coalition's name."""
        head_end = base + token.idx + len(token)
        subtree_end = base + max(t.idx + len(t) for t in token.subtree if t.dep_ != "acl:relcl")
        if token.dep_ in ("nsubj", "nsubj:pass") and token.head.i > token.i:
            # "Thirty NGOs, under the banner of X, welcomed": the parser may hang the banner on the verb
            subtree_end = max(subtree_end, base + token.head.idx - 1)
        elif token.dep_ == "obl:agent" and BANNER.match(self.text, head_end):
            # "welcomed by 22 environmental groups, under the banner of X": and so it may after an agent
            subtree_end = max(subtree_end, BANNER.match(self.text, head_end).end())
        # "A coalition of 27 patients' organisations, under the banner of X": the banner may follow the
        # head's own modifiers, but not another clause
        after = BANNER.search(self.text, head_end, max(subtree_end, head_end) + 1)
        between = self.text[head_end : after.start()] if after is not None else ""
        if after is not None and not re.search(r"[;:]|\b(?:said|says|who|which)\b", between):
            name = re.sub(r"\s+", " ", after.group(1))
            return Named(known_or_new(name, self.index, kind="organization"), "name")
        return None

    def _common(
        self, token: Token, parts: list[Token], base: int, within: list[Mention], mentions: list[Mention]
    ) -> Named | None:
        """A common noun's phrase: a name inside it, the body its members belong to, the government of a
        person just named, a body named by a proper part or a description, a role met before, or a vague
        group of people kept vague."""
        determiner = next((c for c in token.children if c.dep_ in ("det", "nmod:poss")), None)
        # "many small factories in central and southern Taiwan": where they are, not who they are; "A Dili property
        # developer": where the one who speaks is
        placed_before = [m for m in within if self._placed_before(token, m, base)]
        within = [m for m in within if not self._placed_after(token, m, base) and m not in placed_before]
        # a name inside the phrase ("the Lagos chamber"), unless a round-up's heading names who it is, or what
        # the name owns ("Spain's farmers", "the Senate's finance committee")
        proper_inside = [Named(m.actor, "named") for m in within if m.actor.kind != "commentators"]
        described_heading = self._heading_description(token, determiner, parts, base, within + placed_before)
        found = self._owned_by_a_name(token, determiner, parts, base, within, mentions) or self._name_given(token)
        found = found or described_heading or self._one_person(token, parts, base, within)
        found = found or (proper_inside[-1] if proper_inside else None)
        if found is not None:
            return found
        regional = self._regional_government(token, parts, base)
        if regional is not None:
            return regional
        for step in (self._members_of, self._own_government, self._its_officer, self._groups_of_people):
            named = step(token, determiner, base, within, mentions)
            if named is not None:
                return named
        if determiner is not None and determiner.lower_ in POSSESSIVE_OR_RELATIVE:
            return None
        named = self._named_body(token, parts, base) or self._group_of_states(token, parts, base)
        if named is not None:
            return named
        definite = determiner is not None and (
            determiner.lower_ in ("the", "this", "that") or determiner.dep_ == "nmod:poss"
        )
        if definite and (
            token.lower_ in PERSON_ROLES
            or token.lower_ in GROUP_NOUNS
            or token.lower_ in SEATS_OF_OFFICE
            or (token.lower_ in BODY_PARTS | GOVERNING_ORGANS and determiner.dep_ == "nmod:poss")
            or token.lower_ in self.memory.roles
        ):
            return self._definite_role(token, determiner, parts, base, mentions)
        people = token.tag_ in ("NNS", "NNPS") and is_human_plural(token.lower_)
        if within and not (people and within[-1].actor.kind == "commentators" and from_where(token, base)):
            return Named(within[-1].actor, "named")
        if people:
            return self._vague_group(token, parts, base, mentions)
        return self._described_by_place(token, placed_before[0], base) if placed_before and not within else None

    def _heading_description(
        self, token: Token, determiner, parts: list[Token], base: int, within: list[Mention]
    ) -> Named | None:
        """Under a round-up's heading, "The Dubai-based recycler said …", "The Abu Dhabi-listed food company":
        a body the paragraph calls by a description as its subject is the body the heading names, whatever
        its noun (places inside the description only say where it is)."""
        # "The Ciudad Acuña-based workers’ rights network": "the" opens the phrase the body's noun ends
        the = determiner is not None and (
            determiner.lower_ == "the"
            or (determiner.dep_ == "nmod:poss" and determiner.tag_ in ("NN", "NNS") and opened_by_the(determiner))
        )
        # "the ministry" under a firm's heading is a ministry named before; under a ministry's, it is that one (and
        # "the government" under "Government of Åland." that government)
        heading_name = self.heading.name if self.heading is not None else ""
        ministry = token.lower_ in MINISTRY_NOUNS and bool(MINISTRY_HEADING.search(heading_name))
        ministry = ministry or (token.lower_ in REGIONAL_BODIES and bool(GOVERNMENT_HEADING.search(heading_name)))
        if (
            self.heading is None
            or self.heading.kind == "person"
            or not the
            or token.dep_ not in ("nsubj", "nsubj:pass")
            or token.tag_ != "NN"
            or token.lower_ in PERSON_ROLES
            or (token.lower_ in REGIONAL_BODIES | MINISTRY_NOUNS | MISSIONS and not ministry)
            or any(m.actor.kind not in ("government", "commentators") for m in within)
        ):
            return None
        places = [m for m in within if m.actor.kind == "government"]
        # "The opposition KMT caucus" is a body of its own, named; "the Dubai-based recycler", "the Abu
        # Dhabi-listed company", "the Sharjah waste company" only say where the body is
        where = [base + t.idx for t in parts if PLACE_MODIFIER.match(self.text, base + t.idx + len(t))]
        if any(
            is_proper(t) and not any(m.start <= base + t.idx < m.end for m in places) and base + t.idx not in where
            for t in parts
            if t.i < token.i
        ):
            return None
        return Named(self.heading, "heading description")

    def _placed_after(self, token: Token, mention: Mention, base: int) -> bool:
        """A country or city after a group noun; not an institution ("hardliners in the Kremlin")."""
        between = self.text[base + token.idx + len(token) : mention.start]
        place = self.text[mention.start : mention.end]
        # "The deans of the medical faculties of Tunis, Sousse and Sfax": where the bodies they head are
        bodies_placed = is_human_plural(token.lower_) and PLACES_OF_THEIR_BODIES.fullmatch(between)
        return (
            mention.actor.kind == "government"
            and bool(PLACED_AFTER.fullmatch(between) or bodies_placed)
            and not generic_patterns()["metonym"].fullmatch(place)
        )

    def _members_of(self, token: Token, determiner, base: int, within, mentions) -> Named | None:
        """'its members', 'the nine members of the Bloc', 'the union's members': the body they belong to."""
        if token.lower_ not in MEMBER_NOUNS:
            return None
        owner = next(
            (
                c
                for c in token.children
                if c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ == "of" for g in c.children)
            ),
            None,
        )
        named = self.name(owner, base, within) if owner is not None else None
        if named is not None:
            return Named(named.actor, "members of")
        if determiner is not None and determiner.lower_ in ("its", "their"):
            actor = self.memory.group(determiner.lower_)
            return Named(actor, "members of") if actor else None
        # "the three CDS-PP deputies", "Green councillors": the party they sit for
        if token.lower_ != "members":
            parts = np_tokens(token)
            party = PARTY_BEFORE.match(self.text[base + parts[0].idx : base + token.idx])
            name = party.group(1) if party is not None else ""
            known = self.memory.acronyms.get(name) or (self.index.near_match(name) if name else None)
            if known is not None or re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,9}", name):  # "Green councillors" stay a group
                return Named(known or known_or_new(name, self.index, kind="organization"), "members of")
        return None

    def _its_officer(self, token: Token, determiner, base: int, within, mentions) -> Named | None:
        """'Its chief economist called the proposal ...', 'its embassy in Oslo said': an officer or mission
        with no name speaks for the body "its" stands for."""
        if (
            determiner is None
            or determiner.lower_ != "its"
            or not (token.lower_ in PERSON_ROLES or token.lower_ in MISSIONS)
        ):
            return None
        body = self.memory.group("its")
        return Named(body, "officer of") if body is not None else None

    def _groups_of_people(self, token: Token, determiner, base: int, within, mentions) -> Named | None:
        """ "Parents' groups", "farmers' unions": the groups themselves, kept vague, not the people they are for."""
        people = next((c for c in token.children if c.dep_ == "nmod:poss"), None)
        if (
            people is None
            or people.tag_ not in ("NNS", "NNPS")
            or not is_human_plural(people.lower_)
            or token.tag_ != "NNS"
            or token.lower_.removesuffix("s") not in GROUP_NOUNS
        ):
            return None
        text = self.text[base + people.idx : base + token.idx + len(token)]
        return Named(described(text, kind="commentators"), "group")

    def _owned_body(self, token: Token, determiner, base: int, mentions) -> Named | None:
        """'the county's communications office' (the county named before), 'the governor's office' (the
        governor's, not the last office named)."""
        if (
            determiner.dep_ == "nmod:poss"
            and is_proper(determiner)
            and token.lower_ in BODIES_APART | GOVERNING_ORGANS | BODY_PARTS
        ):
            return self._body_of_a_body(token, determiner, base, mentions)
        if determiner.dep_ != "nmod:poss" or determiner.tag_ not in ("NN", "NNS") or token.lower_ in PERSON_ROLES:
            return None
        if determiner.lower_ in GROUP_NOUNS or determiner.lower_ in PLACE_WORDS:
            owner = self.name(determiner, base, mentions)
            if owner is not None:
                return Named(owner.actor, "officer of")
        last = _of_whom(token)
        text = self.text[base + determiner.left_edge.idx : base + last.idx + len(last)]
        return Named(described(as_written(text)), "description")

    def _body_of_a_body(self, token: Token, owner: Token, base: int, mentions) -> Named | None:
        """'JIRAMA's own staff union': a body of a named firm or body's people, described in lower case, as the
        text names it (not the last union named, nor the firm; a place's party or council is the role's)."""
        described_by = [t for t in token.doc[owner.i + 1 : token.i] if t.text[:1].islower() and t.tag_ != "POS"]
        # "Electra's board declined to comment": a named firm's board, as the text names it
        if not (described_by or token.lower_ in GOVERNING_ORGANS | BODY_PARTS):
            return None
        named = self.name(owner, base, mentions)
        if named is None or named.actor.kind != "organization":
            return None
        return Named(
            described(as_written(self.text[base + owner.left_edge.idx : base + token.idx + len(token)])), "description"
        )

    def _named_body(self, token: Token, parts: list[Token], base: int) -> Named | None:
        """'the centre-right EPP group', 'the Ngong Road traders' association': named by its proper part."""
        proper_parts = [
            t
            for t in parts
            if t.i < token.i
            and t.lower_ not in NOT_A_NAME
            and (
                (t.dep_ == "compound" and is_proper(t))
                # "The council's AKP group": the party's name read as the phrase's determiner
                or (t.dep_ == "det" and t.tag_ in ("NNP", "NNPS"))
                # "the Green group", "the Conservative group": a council's party group, by its party
                or (t.dep_ == "amod" and t.i > 0 and t.text[:1].isupper() and token.lower_ in PARTY_ONLY_UNITS)
                # "The UGTT labour federation": an acronym read as an adjective
                or (t.dep_ == "amod" and t.i > 0 and t.text.isupper() and len(t.text) > 1)
            )
        ]
        # "the Almaty city maslikhat", "the Samarkand city hokimiyat": a local body by a name of its own country's
        local = token.i > 0 and token.doc[token.i - 1].lower_ in LOCAL_MODIFIERS and _common_noun(token)
        # "Galmudug state said it had never been consulted": a region by its name and its kind, in lower case
        local = local or (token.lower_ in REGION_UNITS and token.tag_ == "NN")
        if not proper_parts or not (token.lower_ in GROUP_NOUNS or local):
            return None
        first = proper_parts[0]
        inside = {t.i for t in parts}
        # "the Lebanese Forces party": a capitalised word before the name's first is the name's too
        while first.i - 1 in inside and first.doc[first.i - 1].text[:1].isupper():
            before = first.doc[first.i - 1]
            if not (is_proper(before) or (before.tag_ == "JJ" and before.i > 0)):
                break  # "The", "This", a sentence's opening "Former"
            first = before
        text = self.text[base + first.idx : base + token.idx + len(token)]
        known = self.memory.acronyms.get(proper_parts[0].text) if len(proper_parts) == 1 else None
        return Named(known or known_or_new(text, self.index, kind="organization"), "name")

    def _words(self, first: Token, last: Token, base: int) -> str:
        # "the municipal council of Ribeira Grande": a place's name runs on over its own words
        last = max((c for c in last.children if c.dep_ == "flat" and c.i > last.i), key=lambda c: c.i, default=last)
        return self.text[base + first.idx : base + last.idx + len(last)]

    def _definite_role(self, token: Token, determiner, parts: list[Token], base: int, mentions) -> Named | None:
        """'the minister', 'the ministry', 'the council's chief executive', 'the presidential office'."""
        owned = self._owned_body(token, determiner, base, mentions) or self._owner_s_government(token, determiner, base)
        if owned is not None:
            return owned
        modifiers = [t for t in parts if t.dep_ in ("amod", "compound") and t.i < token.i]
        governing = self._governing_body(token, parts, modifiers, base)
        if governing is not None:
            return governing
        if (
            determiner.dep_ == "nmod:poss"
            and token.lower_ in PERSON_ROLES
            and determiner.tag_ not in PRONOUN_TAGS
            and determiner.lower_ not in ("its", "their", "his", "her")
        ):
            owner = self.name(determiner, base, mentions)  # the body speaks through its officer
            if owner is not None:
                return Named(owner.actor, "officer of")
        of_what = next(
            (c for c in token.children if c.dep_ == "nmod" and c.i > token.i and child_case(c) == "of"), None
        )
        if of_what is not None and token.lower_ not in PERSON_ROLES:
            # "the chamber of commerce", "the union of journalists": a body its words name
            end = base + max(t.idx + len(t) for t in of_what.subtree)
            text = self.text[base + (modifiers[0] if modifiers else token).idx : end]
            return Named(described(text), "description")
        if token.lower_ == "opposition" and not modifiers and not any(c.dep_ == "nmod" for c in token.children):
            # "The opposition condemned the rise": the parties outside government, as writers name them (not
            # "the opposition to the plan"); after "the NPP, the main opposition party" it may be that party,
            # which the references after it find
            if OPPOSITION_PARTY.search(self.text, 0, base + token.idx):
                return None
            return Named(described("Opposition"), "group")
        if not modifiers and token.lower_ in SEATS_OF_OFFICE and token.tag_ == "NN":
            # "The presidency has kept its distance", "The governorship said": the office, as the text names it
            return Named(described(as_written(token.text)), "description")
        # "the ministry" with nothing named before it: nobody to give it to; "The strongest opposition came
        # from …": the reaction, whoever it came from
        ranked_reaction = token.lower_ == "opposition" and any(t.tag_ == "JJS" for t in modifiers)
        if not modifiers or token.lower_ in PERSON_ROLES or ranked_reaction:
            return None
        text = self.text[base + modifiers[0].idx : base + token.idx + len(token)]
        return Named(described(text), "description")


OPPOSITION_PARTY = re.compile(
    r"\b[Oo]pposition\s+(?:party|parties|bloc|coalition|alliance|caucus|leader)\b|\bin\s+opposition\b|"
    r"\bleads?\s+the\s+opposition\b"
)
SEATS_OF_OFFICE = frozenset({"presidency", "governorship", "premiership", "chancellery"})
MISSIONS = frozenset({"embassy", "mission", "delegation", "consulate"})
MINISTRY_HEADING = re.compile(r"(?i)\b(?:ministry|ministerio|ministério|ministère|secretar[ií]a|department)\b")
GOVERNMENT_HEADING = re.compile(r"(?i)\b(?:government|administration|executive|cabinet)\b")


def _of_whom(token: Token) -> Token:
    """'the school's board of parents', 'the town's association of shopkeepers': the people a body is of, which
    are part of its description; else the body's noun itself."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    whose = next((c for c in token.children if c.dep_ == "nmod" and child_case(c) == "of"), None)
    if after is None or after.lower_ != "of" or whose is None or whose.tag_ != "NNS" or whose.i > token.i + 3:
        return token
    return whose


def _common_noun(token: Token) -> bool:
    """A common noun, or a lower-case word the tagger read as a name because it does not know it ("the Isfara
    district hukumat")."""
    return token.tag_ == "NN" or (token.tag_ == "NNP" and token.text.islower())
