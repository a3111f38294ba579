"""Naming a government or its part from a common noun: a region's own government ("the Galician government",
"the Andalusian regional government"), a person's government ("Maduro and his government"), a place's
("Puntland's government"), a region's states ("the Baltic states"), a government by where it sits ("the
government in Peshawar") or a ministry met before ("the finance ministry"). A mixin of `naming.Namer`, whose text,
index, memory and `name` it uses; split from `bodies.BodyNaming`, which calls it."""

from __future__ import annotations

import re

from analysis.data.countries import short_names
from analysis.extract.actors import GOVERNMENT_NOUNS, Actor, Mention, as_written, slug
from analysis.extract.country_regex import capital_names, countries
from analysis.extract.introductions import gender_of
from analysis.extract.names import OWN_GOVERNMENT, PLACE_WORDS, Named, described
from analysis.extract.parse import Node as Token
from analysis.extract.parse import child_case, is_proper
from analysis.extract.person_nouns import is_person_noun
from analysis.extract.references import FIRM_NOUNS, GENERIC_BODIES, GROUP_NOUNS, OTHER_OFFICE, PERSON_ROLES, PUBLIC_BODY
from analysis.extract.vocabulary import CLOSING_QUOTES, LOCAL_MODIFIERS, OPENING_QUOTES

# the bodies named by whose they are ("the office of the President", "the cabinet of the Prime Minister")
OFFICES_OF = frozenset({"office", "cabinet", "secretariat", "bureau", "chancellery"})


class GovernmentNaming:
    def _placed_before(self, token: Token, mention: Mention, base: int) -> bool:
        """'A Dili property developer', 'the Paris city council', 'the Poland 2050 party': a capital or a country
        named before another noun, with only words between, says where the one who speaks is (or is part of its
        name); its government does not speak ("the Paris government" does; "Kenya's farmers" are Kenya's)."""
        names, _, capitals = countries()
        place = self.text[mention.start : mention.end]
        return (
            mention.actor.kind == "government"
            and (place in capitals or place in names)
            and bool(re.fullmatch(r"(?:\s+[\w\-]+)*\s+", self.text[mention.end : base + token.idx]))
            and token.tag_ in ("NN", "NNS")
            and token.text.islower()
            and token.lower_ not in GOVERNMENT_HEADS
        )

    def _described_by_place(self, token: Token, mention: Mention, base: int) -> Named | None:
        """'A Moscow distributor of Belarusian cheese': one who speaks, named by the place and a noun of a person
        or a body, with only lower-case words between (not "Progressive Slovakia group", a name)."""
        before = self.text[max(base, mention.start - 40) : mention.start].split()
        opened = not before or before[-1] in OPENERS or not (before[-1][:1].isupper() or before[-1] in NAME_PARTICLES)
        speaks = token.lower_ in GROUP_NOUNS or is_person_noun(token.lower_)
        lower_between = re.fullmatch(r"(?:\s+[a-z][\w\-]*)*\s+", self.text[mention.end : base + token.idx])
        if not (opened and speaks and lower_between and token.tag_ == "NN"):
            return None
        return Named(described(as_written(self.text[mention.start : base + token.idx + len(token)])), "description")

    def _regional_government(self, token: Token, parts: list[Token], base: int) -> Named | None:
        """'the Andalusian regional government', 'the regional government of Madrid': a government below the
        state's, which is not the country's even where the region shares the capital's name."""
        if token.lower_ not in REGIONAL_BODIES:
            return None
        modifiers = [t for t in parts if t.i < token.i and t.dep_ in ("amod", "compound")]
        before = token.doc[token.i - 1] if token.i > 1 else None
        if before is not None and before in modifiers and _a_region_adjective(before):
            # "The Galician government welcomed": a region's own government, named as the text names it (a
            # country's, "the Spanish government", is the gazetteer's)
            return Named(described(self.text[base + before.idx : base + token.idx + len(token)]), "description")
        # "Bavaria's state government"; but "the Chinese state authorities" are the state's own
        state = token.lower_ == "government" and any(t.lower_ == "state" for t in modifiers)
        if not state and not any(t.lower_ in SUBNATIONAL for t in modifiers):
            return None
        owner = next((c for c in token.children if c.dep_ == "nmod:poss" and is_proper(c)), None)
        start = base + (owner.left_edge if owner is not None else modifiers[0]).idx
        place = next((c for c in token.children if c.dep_ == "nmod" and c.i > token.i and child_case(c) == "of"), None)
        end = base + (max(t.idx + len(t) for t in place.subtree) if place is not None else token.idx + len(token))
        return Named(described(self.text[start:end]), "description")

    def _own_government(self, token: Token, determiner, base: int, within, mentions) -> Named | None:
        """'Maduro and his government': the government of the person just named."""
        if determiner is None or determiner.lower_ not in ("his", "her", "their") or token.lower_ not in OWN_GOVERNMENT:
            return None
        person = self.memory.person(determiner.lower_)
        for c in token.doc:
            if c.i < token.i and c.dep_ in ("nsubj", "conj") and is_proper(c):
                named = self.name(c, base, mentions)
                if named is not None and named.actor.kind == "person":
                    person = named.actor
        if person is None or not person.country:
            return None
        name = short_names().get(person.country, person.country)
        return Named(self.index.government(person.country, name), "own government")

    def _owner_s_government(self, token: Token, determiner, base: int) -> Named | None:
        """'Puntland's government rejected the law', 'Tigray's interim administration': the government of the
        place that owns it, not the last government named; by its words, as the writers name it."""
        if token.lower_ not in REGIONAL_BODIES or determiner.dep_ != "nmod:poss" or not is_proper(determiner):
            return None
        words = self.text[base + determiner.left_edge.idx : base + token.idx + len(token)]
        return Named(described(as_written(words), kind="government"), "government of")

    def _group_of_states(self, token: Token, parts: list[Token], base: int) -> Named | None:
        """'The Baltic states have kept their counsel', 'the Nordic countries': a group of governments by their
        region's name, kept as the text names it."""
        named = [t for t in parts if t.i < token.i and t.dep_ in ("compound", "amod") and t.text[:1].isupper()]
        if token.lower_ not in STATE_GROUPS or not named or named[0].i == 0:
            return None
        words = self.text[base + named[0].idx : base + token.idx + len(token)]
        return Named(described(words, kind="government"), "group")

    def _capitalised_body(self, token: Token, parts: list[Token], base: int, mentions, speaker) -> Named | None:
        """'The Ministry considers …' after 'the Ministry of Labour': a body written with a capital, alone after
        "the", is the last one named by its noun; with none named, the name is read as written."""
        others = [p.lower_ for p in parts if p.i != token.i]
        if token.lower_ not in CAPITALISED_BODIES or not token.text[:1].isupper() or others != ["the"]:
            return None
        actor = self.memory.role(token.lower_, ())
        return Named(actor, "role noun") if actor is not None else None

    def _governing_body(self, token: Token, parts: list[Token], modifiers: list[Token], base: int) -> Named | None:
        """'the government in Peshawar' (a province's), 'the foreign ministry' (the government's named before),
        'the finance ministry' or 'the ministry' (the last one named)."""
        place = _place_of(token)
        if (
            token.lower_ in ("government", "administration", "authorities")
            and place
            and place.text not in capital_names()
        ):
            return Named(described(as_written(self._words(token, place, base))), "description")
        place = _place_of(token, case="of")
        runs_a_named_place = (
            token.lower_ == "administration" and place is not None and any(c.lower_ == "the" for c in place.children)
        )
        if runs_a_named_place:
            # "The administration of the Belavezhskaya Pushcha National Park": the park's, not a government
            return Named(described(as_written(self._words(token, place, base))), "description")
        place = place or _named_district_of(token)
        if token.lower_ in LOCAL_BODIES and place is not None and place.left_edge.i == token.i + 1:
            # "the departmental council of Ziguinchor": a body of its own, not the last council named
            first = min([*modifiers, token], key=lambda t: t.i)
            return Named(described(as_written(self._words(first, place, base))), "description")
        if token.lower_ in ("ministry", "office", "ministries") and any(t.lower_ == "foreign" for t in parts):
            foreign = self._foreign_ministry(token, modifiers, base)
            if foreign is not None:
                return foreign
        named_here = self._office_of(token, base) or (self._firm_named_before(token, base) if not modifiers else None)
        if named_here is not None:
            return named_here
        actor = self.memory.role(token.lower_, tuple(t.lower_ for t in modifiers), gender=_gender_said(token))
        if actor is None and token.lower_ == "minister" and any(t.lower_ in OTHER_OFFICE for t in modifiers):
            # "a spokesman for the prime minister" with none named: the office, as the writers name it
            words = self.text[base + modifiers[0].idx : base + token.idx + len(token)]
            return Named(described(f"the {words.lower()}", kind="person"), "description")
        if actor is None:
            return self._office_of_place(token, modifiers, base)
        if actor.kind == "government" and modifiers and token.lower_ in MINISTRY_NOUNS:
            actor = self._ministry_of(actor, modifiers, token, base)
        return Named(actor, "role noun")

    def _foreign_ministry(self, token: Token, modifiers: list[Token], base: int) -> Named | None:
        """'the foreign ministry' is a government's, not the last ministry named at home; "a Chinese foreign
        ministry spokesman" says whose."""
        nationality = _nationality_before(token)
        if nationality is not None:
            words = as_written(self.text[base + nationality.idx : base + token.idx + len(token)])
            return Named(described(words, kind="government"), "description")
        government = self.memory.government()
        return Named(self._ministry_of(government, modifiers, token, base), "role noun") if government else None

    def _office_of(self, token: Token, base: int) -> Named | None:
        """'The office of the President' after 'the prime minister's office', 'the association of private clinics'
        after 'the Association of Comorian Midwives': another body, named by whose it is, as written."""
        if token.lower_ in GENERIC_BODIES:
            return self._body_of_others(token, base)
        holder = _place_of(token, case="of") if token.lower_ in OFFICES_OF else None
        if holder is None or not holder.text[:1].isupper() or holder.i > token.i + 3:
            return None
        return Named(described(as_written(self._words(token, holder, base))), "description")

    def _body_of_others(self, token: Token, base: int) -> Named | None:
        whose = next((c for c in token.children if c.dep_ == "nmod" and child_case(c) == "of"), None)
        if whose is None or whose.i > token.i + 4 or not (whose.tag_ == "NNS" or _named_thing(whose)):
            return None  # "the union of Kenya", "the group of Forty": a name, or no people
        holder = self.memory.role(token.lower_)
        words = [whose, *(c for c in whose.subtree if is_proper(c))]
        if holder is not None and any(w.lower_ in holder.name.lower() for w in words):
            return None  # "the union of teachers" after "the National Union of Teachers"
        # "the operator of the rival port of Kuryk": the thing's place is part of the words
        place = next((c for c in whose.children if c.dep_ == "nmod" and child_case(c) == "of" and is_proper(c)), None)
        return Named(described(as_written(self._words(token, place or whose, base))), "description")

    def _firm_named_before(self, token: Token, base: int) -> Named | None:
        """'Glenelly Minerals has issued a statement: a spokesman for the company said …': "the company" is the
        firm the sentence has just named as a subject, before the text remembers it (not a body named by
        another noun: "the union" is no company)."""
        if token.lower_ not in FIRM_NOUNS:
            return None
        for earlier in reversed(token.doc[: token.i]):
            if earlier.text in OPENING_QUOTES | CLOSING_QUOTES:
                return None  # "“Itaipú was paid off …,” the group said": a name inside the words, not their speaker
            if earlier.dep_ not in ("nsubj", "nsubj:pass") or not is_proper(earlier):
                continue
            named = self.name(earlier, base, [])
            if named is None or named.actor.kind != "organization" or PUBLIC_BODY.search(named.actor.name):
                return None
            heads = set(named.actor.name.lower().split()) & GROUP_NOUNS
            return Named(named.actor, "role noun") if not heads or token.lower_ in heads else None
        return None

    def _office_of_place(self, token: Token, modifiers: list[Token], base: int) -> Named | None:
        """'The governor of Umnugovi province backed the measure', 'the mayor of Lusaka' with no such person
        named before: the office holder, as the text describes them (a person, not the place's government)."""
        doc = token.doc
        place = next((c for c in token.children if c.dep_ == "nmod" and child_case(c) == "of"), None)
        if token.lower_ not in PERSON_ROLES or place is None or doc[token.i + 1].lower_ != "of":
            return None
        named = [t for t in doc[token.i + 2 : place.i + 1] if t.dep_ != "det"]
        # "the imam of the Kulkand mosque": a named place of worship or learning, whose imam no one else is
        kinds = PLACE_WORDS | (LOCAL_INSTITUTIONS if place.lower_ in LOCAL_INSTITUTIONS and len(named) > 1 else set())
        if not any(map(is_proper, named)) or not all(is_proper(t) or t.lower_ in kinds for t in named):
            return None  # "the head of state" is no place's
        after = place.i + 1
        while after < len(doc) and (is_proper(doc[after]) or doc[after].lower_ in ("de", "del", "of", "and")):
            after += 1  # "the Colegio de Médicos del Zulia": the rest of the place's name, however parsed
        if after + 1 < len(doc) and doc[after].text == "," and is_proper(doc[after + 1]):
            return None  # "The regional governor of Tacna, Walter Mamani Condori, welcomed": the name says who
        first = min([*modifiers, token], key=lambda t: t.i)
        return Named(described(as_written(self._words(first, place, base)), kind="person"), "description")

    def _ministry_of(self, government: Actor, modifiers: list[Token], token: Token, base: int) -> Actor:
        """'the finance ministry' of the government named before: the ministry as the text writes it, with
        the government's country (a reader quotes the ministry, not the government)."""
        words = as_written(self.text[base + modifiers[0].idx : base + token.idx + len(token)])
        return Actor(name=words, actor_id=slug(words), kind="government", country=government.country)


LOCAL_INSTITUTIONS = frozenset({"mosque", "church", "cathedral", "temple", "monastery", "parish", "school", "madrasa"})
REGIONAL_BODIES = frozenset({"government", "administration", "authorities", "executive", "cabinet"})
SUBNATIONAL = frozenset(
    {"regional", "provincial", "local", "municipal", "city", "county", "district", "autonomous", "devolved"}
)
STATE_GROUPS = frozenset({"states", "countries", "nations"})
MINISTRY_NOUNS = frozenset({"ministry", "ministries", "department", "office"})
# the words before a place that open a description of someone there ("A Moscow distributor"), not a name around
# it ("Progressive Slovakia", "Govern d’Andorra")
OPENERS = frozenset({"A", "An", "The", "One", "Another"})
NAME_PARTICLES = frozenset({"d’", "d'", "de", "du", "des", "la", "le", "of", "pour"})
# the nouns a government speaks through: "the Paris government", "Nairobi officials", "the Kinshasa ministry"
GOVERNMENT_HEADS = frozenset(noun.split()[-1] for noun in GOVERNMENT_NOUNS.split("|")) | MINISTRY_NOUNS


def _named_thing(noun: Token) -> bool:
    """'the rival port of Kuryk', 'the Kuryk port': a thing in lower case that a place's name makes one of its
    own (the operator of it is no body named before)."""
    if noun.tag_ != "NN":
        return False
    return any(
        (c.dep_ == "nmod" and child_case(c) == "of" and is_proper(c)) or (c.dep_ == "compound" and is_proper(c))
        for c in noun.children
    )


def _gender_said(token: Token) -> str:
    """'the minister said he was happy to accept': the gender of the pronoun that opens what the role's holder
    says ("m", "f" or "")."""
    verb = token.head if token.dep_ in ("nsubj", "nsubj:pass") else None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None) if verb is not None else None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None) if clause else None
    return gender_of(subject.lower_) if subject is not None and subject.lower_ in ("he", "she") else ""


def _place_of(token: Token, *, case: str = "in") -> Token | None:
    """The proper noun after "in" in "the government in Peshawar" (or after `case`)."""
    return next(
        (c for c in token.children if c.dep_ == "nmod" and c.i > token.i and child_case(c) == case and is_proper(c)),
        None,
    )


def _nationality_before(token: Token) -> Token | None:
    """'Chinese' in "a Chinese foreign ministry spokesman", however the parser hung it."""
    words = [token.doc[i] for i in range(max(0, token.i - 3), token.i)]
    first = next((w for w in words if w.lower_ == "foreign"), None)
    before = token.doc[first.i - 1] if first is not None and first.i > 0 else None
    if before is None or not before.text[:1].isupper() or before.tag_ not in ("JJ", "NNP", "NNPS"):
        return None
    return before


def _named_district_of(token: Token) -> Token | None:
    """'district' in "the hukumat of Panj district": a place named by its name and its kind, in lower case."""
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "nmod"
            and c.i > token.i
            and child_case(c) == "of"
            and c.lower_ in LOCAL_MODIFIERS
            and c.i > 0
            and is_proper(c.doc[c.i - 1])
            and c.doc[c.i - 1].head is c
        ),
        None,
    )


CAPITALISED_BODIES = frozenset({"ministry", "department", "secretariat", "federation", "confederation", "chamber"})
# a place's own body, named "the … council of X"
LOCAL_BODIES = frozenset({"council", "assembly", "municipality", "prefecture", "commune"})
LOCAL_BODIES |= {"akimat", "hokimiyat", "hukumat", "jamoat"}


def _a_region_adjective(word: Token) -> bool:
    """'Galician', 'Andalusian', 'Bavarian': a capitalised adjective of a place (not "Conservative", "Federal",
    "Republican")."""
    return (
        word.tag_ == "JJ"
        and word.text[:1].isupper()
        and bool(re.search(r"(?:ian|an|ese|ish)$", word.text))
        and word.lower_ not in NOT_REGIONS
    )


NOT_REGIONS = frozenset({"republican", "christian", "european", "african", "american", "asian", "latin", "pan"})
