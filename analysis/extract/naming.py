"""From a holder's noun phrase to an actor: a name the gazetteer knows (a known actor, a government by its
country, demonym or capital, a titled person), a proper name the parser found (a new person or
organisation, its full name however long), a pronoun or role noun resolved from the document's memory,
a surname or acronym met before, or a vague group kept vague."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.extract import actors as actor_finder
from analysis.extract.actors import Actor, ActorIndex, Mention
from analysis.extract.bodies import BodyNaming
from analysis.extract.given_names import is_given_name
from analysis.extract.governments import GovernmentNaming
from analysis.extract.group_naming import GroupNaming
from analysis.extract.introductions import gender_of
from analysis.extract.labels import LabelNaming
from analysis.extract.name_lists import ListNaming
from analysis.extract.names import (
    ACRONYM,
    ROLE_WORDS,
    Named,
    is_human_plural,
    np_tokens,
)
from analysis.extract.nodes import is_acronym_plural
from analysis.extract.parse import NOUN_TAGS, PRONOUN_TAGS, child_case, is_proper
from analysis.extract.parse import Node as Token
from analysis.extract.phrase_heads import (
    BRANCHES,
    ROLE_THEN_NAME,
    STATE_VOICES,
    WEEKDAYS,
    capitalised_role,
    last_of_name,
)
from analysis.extract.pronouns import PronounNaming
from analysis.extract.proper_names import ProperNaming
from analysis.extract.references import GROUP_NOUNS, PERSON_ROLES, Memory
from analysis.extract.relatives import antecedent
from analysis.extract.unnamed_people import from_where
from analysis.extract.vocabulary import MEMBER_NOUNS, PATRONYMIC_LINKS, SEAT_HOLDERS, SPEECH_NOUNS


@dataclass
class Namer(ProperNaming, BodyNaming, GovernmentNaming, GroupNaming, PronounNaming, ListNaming, LabelNaming):
    """Names the holder tokens of one document, with its gazetteer mentions and its memory."""

    text: str
    index: ActorIndex
    memory: Memory
    _lowercase: frozenset[str] | None = None
    _memo_base: int = -1
    _memo: dict = field(default_factory=dict)
    # the body a round-up's heading names, for the sentences of its paragraph ("Enviroserve", then "The
    # Dubai-based recycler said ..."); the reader sets it sentence by sentence
    heading: Actor | None = None

    def name(self, token: Token, base: int, mentions: list[Mention], *, speaker: Actor | None = None) -> Named | None:
        """The actor `token` (a noun or pronoun of a sentence that starts at `base`) stands for. A noun's
        answer is kept for the rest of its sentence (a sentence names its subjects several times over)."""
        if token.tag_ in PRONOUN_TAGS:
            return self._name(token, base, mentions, speaker=speaker)
        if self._memo_base != base:
            self._memo_base, self._memo = base, {}
        if token.i not in self._memo:
            # a parse can make two role words each other's apposition ("MP Minister ..."): a name asked
            # for again while it is being found is no name
            self._memo[token.i] = None
            self._memo[token.i] = self._name(token, base, mentions, speaker=speaker)
        return self._memo[token.i]

    def _name(self, token: Token, base: int, mentions: list[Mention], *, speaker: Actor | None = None) -> Named | None:
        found = antecedent(token)
        if found is not None:
            return self.name(found, base, mentions, speaker=speaker)
        if (
            token.tag_ in PRONOUN_TAGS
            or token.lower_ in ("he", "she", "they", "it", "we", "i", "his", "its", "their")
            or (token.lower_ == "her" and token.dep_ == "nmod:poss")  # "in her view"; not "criticised her"
        ):
            return self._pronoun(token, speaker, base, mentions)
        if self._a_day(token, base):
            return None  # "On Mondays and Fridays I will be selling bread": a day names nobody
        person = (
            self._person_after_role(token, base)
            or self._part_of(token, base, mentions)
            or self._acronyms_people_from(token, base, mentions)
        )
        if person is not None:
            return person
        parts = np_tokens(token)
        for step in (
            self._named_before_role,
            self._capitalised_body,
            self._person_in_role,
            self._banner_of,
            self._members_from,
            self._representing,
            self._covered,
            self._spoken_for,
            self._appositive,
        ):
            named = step(token, parts, base, mentions, speaker)
            if named is not None:
                return named
        start, end = base + parts[0].idx, base + parts[-1].idx + len(parts[-1])
        within = [m for m in mentions if start <= m.start and m.end <= end]
        if self._opening_name(token):
            return self.proper_name(token, base, mentions)
        if capitalised_role(token, parts):
            # "The Treasurer said", "the Minister told reporters": a role met before, as "the treasurer" is
            return self._common(token, parts, base, within, mentions)
        if is_proper(token) or ACRONYM.match(token.text):
            named = self._proper(token, base, within)
            # "Processors welcomed the move", tagged a name: a common noun the document writes in lower case
            # ("The Government has now responded", where the text also writes "government")
            opening = token.i == 0 or (token.i == 1 and token.doc[0].lower_ == "the")
            opening_noun = opening and token.tag_ in NOUN_TAGS and not self.may_be_name(token.text)
            return self._common(token, parts, base, within, mentions) if named is None and opening_noun else named
        return self._common(token, parts, base, within, mentions) if token.tag_ in NOUN_TAGS else self._one(token)

    def _acronyms_people_from(self, token: Token, base: int, mentions: list[Mention]) -> Named | None:
        """'Several MPs from rural constituencies': an acronym's plural, kept vague with where they are from, in
        lower case (a name after "from" may be a party's: "Several MPs from Labour")."""
        end = from_where(token, base) if is_acronym_plural(token) else None
        where = self.text[base + token.idx + len(token) : end] if end is not None else ""
        if not where.islower() or not is_human_plural(token.lower_):
            return None
        return self._vague_group(token, np_tokens(token), base, mentions)

    def _one(self, token: Token) -> Named | None:
        """'said one, who gave his name as Bahrom': the name the one the text leaves unnamed gave."""
        return self._name_given(token) if token.lower_ == "one" else None

    def _a_day(self, token: Token, base: int) -> bool:
        """A weekday, not a name that opens with one ("Fridays for Future")."""
        day = token.lower_.removesuffix("s") in WEEKDAYS
        return day and not NAME_AFTER_A_DAY.match(self.text, base + token.idx + len(token))

    def _person_after_role(self, token: Token, base: int) -> Named | None:
        """'Labour backbencher Sarah Quinn', 'Conservative lawmaker Tomasz Nowak': a party or country word, a
        role in lower case, then the person's name (whatever the parse made the head)."""
        if not token.text[:1].isupper():
            return None
        found = ROLE_THEN_NAME.match(self.text, base + token.idx + len(token))
        if found is None or self.text[base + token.idx - 1 : base + token.idx] == "-":
            return None
        name = found.group(2)
        actor = self.index.near_match(name) or Actor(
            name=name, actor_id=actor_finder.slug(name), kind="person", aliases=(found.group(1),)
        )
        return Named(actor, "name", (found.group(1),), gender_of(found.group(1)))

    def _person_in_role(self, token: Token, parts, base: int, mentions, speaker) -> Named | None:
        """'the Swedish MEP Anna Lindqvist' / 'Anna Lindqvist, the Swedish MEP': the person, not the role."""
        if token.lower_ not in ROLE_WORDS:
            return None
        person = next(
            (c for c in token.children if c.dep_ in ("appos", "flat", "compound") and is_proper(c) and c.i > token.i),
            None,
        )
        hung = self._apposition_on_place(token)
        described_party = person is not None and any(c.dep_ == "det" for c in person.children)
        if described_party and hung is not None and hung.i < person.i:
            # "The member for Kingsclear Heights, Janine Doucet-Wallace, also a Progressive Conservative": the
            # name right after the role's place, not the party further on
            person = hung
        if person is None and token.dep_ == "appos" and is_proper(token.head) and not child_case(token.head):
            person = token.head  # not "Across the Friendship Bridge, a spokesman for …": a place, misparsed
        doc = token.doc
        if person is None and token.i + 2 < len(doc) and doc[token.i + 1].text == "," and is_proper(doc[token.i + 2]):
            # "said its chairman, Ho Kwok-keung.": the name right after the role's comma, however it was parsed
            person = last_of_name(doc, token.i + 2)
        if person is None and token.i + 1 < len(doc) and is_proper(doc[token.i + 1]) and token.text.islower():
            # "said JTA president Dionne Clarke-Grant": the name the parse left out of the role's phrase
            person = last_of_name(doc, token.i + 1)
        if person is None:
            # "RCEM's vice-president for Northern Ireland, Dr Niamh Cassidy, said": the apposition the parse
            # hung on the role's own place or body, right after it
            person = hung
            named = self.name(person, base, mentions, speaker=speaker) if person is not None else None
            if named is None or named.actor.kind != "person":
                return None
            return Named(named.actor, "apposition", (token.lower_,), named.gender)
        named = self.name(person, base, mentions, speaker=speaker) if person is not None else None
        return Named(named.actor, "apposition", (token.lower_,), named.gender) if named is not None else None

    @staticmethod
    def _apposition_on_place(token: Token) -> Token | None:
        return next(
            (
                a
                for n in token.children
                if n.dep_ == "nmod" and n.i > token.i
                for a in n.children
                # "the State Secretary for Housing and Planning, Marta Oosterhuis,": parsed as a third portfolio
                if (a.dep_ == "appos" or (a.dep_ == "conj" and token.doc[a.i - 1].text == ","))
                and is_proper(a)
                and a.i > n.i
            ),
            None,
        )

    def _banner_of(self, token: Token, parts, base: int, mentions, speaker) -> Named | None:
        """'Thirty NGOs, under the banner of X', 'a coalition of 27 groups, under the banner of X'."""
        if token.lower_ in GROUP_NOUNS or token.lower_ in MEMBER_NOUNS or token.tag_ in ("NNS", "NNPS"):
            return self._banner(token, base)
        return None

    def _named_before_role(self, token: Token, parts, base: int, mentions, speaker) -> Named | None:
        """'Salt, the third mobile operator, said ...' parsed with the description as the subject: the name
        that opens the sentence is the actor, the description its apposition."""
        if token.tag_ not in ("NN", "NNS") or not parts or parts[0].i < 2 or parts[0].lower_ not in ("the", "a", "an"):
            return None
        doc = token.doc
        comma = doc[parts[0].i - 1]
        name = doc[comma.i - 1]
        if comma.text != "," or not is_proper(name) or name.dep_ == "advmod":
            return None  # not "Unsurprisingly, the drivers are against the ban", an adverb in capitals
        if not all(is_proper(t) or t.lower_ == "the" for t in doc[: name.i]):
            return None  # the name must open the sentence: "In Moscow, the agriculture ministry" is the ministry
        named = self.name(name, base, mentions, speaker=speaker)
        after = max(t.i for t in token.subtree) + 1
        vocative = name.i == 0 and is_given_name(name.text) and named is not None and named.actor.kind != "government"
        if vocative and after < len(doc) and doc[after].text != ",":
            return None  # "Sarah, the union said …": a transcript's speaker addressing Sarah; no aside closes
        return Named(named.actor, "apposition", (token.lower_,), named.gender) if named is not None else None

    def _appositive(self, token: Token, parts, base: int, mentions, speaker) -> Named | None:
        """'the union's regional secretary, Dave Kerrigan,': the name is the actor, the role an alias."""
        if token.tag_ not in NOUN_TAGS or is_proper(token):
            return None
        appositive = [c for c in token.children if c.dep_ == "appos" and is_proper(c)]
        named = self.name(appositive[0], base, mentions, speaker=speaker) if appositive else None
        return Named(named.actor, "apposition", (token.lower_,), named.gender) if named is not None else None

    def _owner(self, token: Token) -> Token | None:
        if token.lower_ == "delegation" and any(child_case(c) == "to" and is_proper(c) for c in token.children):
            return None  # "The EU delegation to Libya": a mission, which speaks for itself
        unit_of = _unit_owner(token)
        if unit_of is not None:
            return unit_of
        for c in token.children:
            if c.dep_ == "nmod:poss":
                return c
            # "a Rosselkhoznadzor spokesperson": a body's name the parse may read as an adjective
            named_as_adjective = c.dep_ == "amod" and c.tag_ in ("NNP", "NNPS") and token.lower_ in SPEECH_NOUNS
            relation = "compound" if named_as_adjective else c.dep_
            if token.lower_ in SEAT_HOLDERS and child_case(c) == "for":
                continue  # "the member for Sohar", "the MP for Tonbridge": the seat, no body they speak for
            if relation in ("nmod", "compound") and (
                (relation == "compound" and (is_proper(c) or c.lower_ in GROUP_NOUNS))
                or any(g.dep_ == "case" and g.lower_ in ("for", "of", "from", "at") for g in c.children)
            ):
                return c
            # "officials in Helsinki", "an education official in Hebei": the government of the place; "officials
            # in the ministry": the ministry
            named_before = c.lower_ in GROUP_NOUNS and self.memory.role(c.lower_) is not None
            placed = is_proper(c) or (named_before and any(d.lower_ == "the" for d in c.children))
            if token.lower_ in STATE_VOICES and c.dep_ == "nmod" and child_case(c) == "in" and placed:
                return c
        return None

    def _role_words(self, token: Token, parts: list[Token]) -> tuple[tuple[str, ...], str]:
        roles = tuple(t.lower_ for t in parts if t.lower_ in PERSON_ROLES)
        words = [t.text for t in token.doc[max(0, parts[0].i - 3) : parts[-1].i + 1]]
        # "Siti Mariam binti Haji Yakub": the title after the link is her father's
        links = [i for i, w in enumerate(words) if w in PATRONYMIC_LINKS]
        return roles, gender_of(" ".join(words[: links[0]] if links else words))


# "Fridays for Future": a name that opens with a day
NAME_AFTER_A_DAY = re.compile(r"\s+(?:for|of)\s+[A-Z]")


def _unit_owner(token: Token) -> Token | None:
    if token.lower_ in BRANCHES:
        # "the Lapland branch of the Finnish Medical Association": the association, not the place
        return next((c for c in token.children if c.dep_ == "nmod" and child_case(c) == "of"), None)
    if token.lower_ == "bench":
        # "the Creemos opposition bench": the party, not the opposition it sits in
        return next((c for c in token.children if c.dep_ == "compound" and is_proper(c)), None)
    return None
