"""Pronouns in a holder's place, resolved: a reflexive stresses the name before it ("Haugland herself"), a
pronoun in a reported clause is the reporter ("the ministry said it ..."), a he or she is the nearest
agreeing person named earlier in the sentence, else the last one the document named, and "we" or "I" in a
quotation is its speaker. A mixin of `naming.Namer`, whose memory and name steps it uses."""

from __future__ import annotations

from analysis.extract.actors import Actor
from analysis.extract.given_names import gender_of_name
from analysis.extract.introductions import gender_of
from analysis.extract.names import Named
from analysis.extract.parse import NOUN_TAGS, PRONOUN_TAGS, is_proper
from analysis.extract.parse import Node as Token
from analysis.extract.references import actor_key
from analysis.extract.view_sources import according_to

# the relations that join a body's name to the noun before it ("the platform Tournons La Page")
NAME_PARTS = frozenset({"appos", "compound", "flat"})

BLOCKED = Named(Actor(name=""), "blocked")  # a pronoun that refers to something other than an actor
FRAMES = frozenset({"said", "says", "added", "adds", "told", "wrote", "writes", "stated", "noted"})
REFLEXIVES = {"himself": "he", "herself": "she", "itself": "it", "themselves": "they"}


class PronounNaming:
    """The pronoun steps of `naming.Namer`."""

    def _pronoun(self, token: Token, speaker: Actor | None, base: int = 0, mentions=()) -> Named | None:
        word = token.lower_
        if word in REFLEXIVES:
            # "Haugland herself called the proposal ...": the name the pronoun stresses
            before = token.doc[token.i - 1] if token.i > 0 else None
            if before is not None and before.text[:1].isupper() and before.tag_ not in PRONOUN_TAGS:
                return self.proper_name(before, base, list(mentions))
            word = REFLEXIVES[word]
        bound = self._bound(token, base, mentions)
        if bound is BLOCKED:
            return None
        if bound is not None:
            return bound
        if word in ("he", "she", "him", "her", "his"):
            earlier = self._person_before(token, base, mentions, "m" if word in ("he", "him", "his") else "f")
            if earlier is not None:
                return earlier
            actor = self.memory.person(word)
            if actor is None:
                return None
            # "He calls the tax ..." makes its man a "he" from then on: the next "she" is someone else
            self.memory.set_gender(actor, "m" if word in ("he", "him", "his") else "f")
            return Named(actor, "pronoun")
        if word in ("they", "it", "its", "their"):
            return self._group_pronoun(token, word, base, mentions)
        if word in ("we", "i") and speaker is not None:
            return Named(speaker, "speaker of the quote")
        return None

    def _person_before(self, pronoun: Token, base: int, mentions, gender: str) -> Named | None:
        """'its chairwoman, Anja Behrens, said she would abstain' (parsed with no subject for "said"): the
        nearest person named earlier in the sentence whose gender, where known, agrees."""
        for token in reversed(pronoun.doc[: pronoun.i]):
            if token.i + 2 == pronoun.i and pronoun.doc[token.i + 1].text == ",":
                continue  # "Peeters, he added, had caved in": the name is what he speaks of
            surname = token.dep_ in ("nsubj", "nsubj:pass") and token.text in self.memory.surnames
            if surname and token.head.i in _governing_verbs(pronoun) and not _quoted_before(pronoun.doc, token):
                # "Stylianou congratulated MEPs on what he called ...", the surname tagged as a common noun
                surnamed = self.memory.surnames[token.text]
                agrees = self._known_gender(Named(surnamed, "surname")) in ("", gender)
                if agrees and self.may_be_name(token.text):
                    return Named(surnamed, "pronoun in the same sentence")
            if not is_proper(token) or (token.head.i > token.i and is_proper(token.head)):
                continue  # only the last word of a name
            if _quoted_before(pronoun.doc, token):
                continue  # "“The Old Quarter is a living museum,” she said": a name she speaks of, not her
            if token.dep_ not in ("nsubj", "nsubj:pass", "appos", "flat", "conj"):
                continue
            named = self.name(token, base, list(mentions))
            if named is None or named.actor.kind != "person":
                continue
            known = self._known_gender(named)
            if known and known != gender:
                continue
            return Named(named.actor, "pronoun in the same sentence")
        return None

    def _known_gender(self, named: Named) -> str:
        """A person's gender as the text has shown it so far, else as their given name suggests."""
        return self.memory.genders.get(actor_key(named.actor), "") or named.gender or gender_of_name(named.actor.name)

    def _group_pronoun(self, token: Token, word: str, base: int, mentions) -> Named | None:
        earlier = self._body_before(token, base, mentions) if word in ("it", "its") else None
        earlier = earlier or self._body_before_colon(token, base, mentions)
        earlier = earlier or self._source_before(token, base, mentions)
        if earlier is not None:
            return earlier
        actor = self.memory.group(word)
        return Named(actor, "pronoun") if actor else None

    def _body_before(self, pronoun: Token, base: int, mentions) -> Named | None:
        """'The Regulatory Commission said the price is set by the Cabinet, and it declined ...' (parsed with
        "it" under the price's clause): the body that is the subject of a clause earlier in the sentence."""
        for token in reversed(pronoun.doc[: pronoun.i]):
            if token.dep_ not in ("nsubj", "nsubj:pass") or _quoted_before(pronoun.doc, token):
                continue
            # "The civil society platform Tournons La Page Niger went further, condemning what it called …": a
            # body's noun before its name
            if not is_proper(token) and not any(is_proper(c) and c.dep_ in NAME_PARTS for c in token.children):
                continue
            if _subordinate(token.head):
                continue  # "Although Poland objected, it defended the plan": a subordinate clause's subject
            named = self.name(token, base, list(mentions))
            if named is not None and named.actor.kind not in ("person", "commentators"):
                return Named(named.actor, "pronoun in the same sentence")
        return None

    def _source_before(self, pronoun: Token, base: int, mentions) -> Named | None:
        """'According to the National Association of Small Businesses, its members want a transition period':
        the body a sentence opening with "according to" credits, which its pronouns after stand for."""
        doc = pronoun.doc
        if len(doc) < 3 or doc[0].lower_ != "according" or doc[1].lower_ != "to":
            return None
        source = according_to(doc)
        if source is None or source.i >= pronoun.i:
            return None
        named = self.name(source, base, list(mentions))
        if named is None or named.actor.kind in ("person", "commentators"):
            return None
        return Named(named.actor, "pronoun in the same sentence")

    def _body_before_colon(self, pronoun: Token, base: int, mentions) -> Named | None:
        """'Quick one from the Liberal Democrats: they back the levy': the body a live blog's line names before
        the colon that opens what it says."""
        if pronoun.i < 2 or pronoun.doc[pronoun.i - 1].text != ":":
            return None
        for token in reversed(pronoun.doc[: pronoun.i - 1]):
            if not is_proper(token) or (token.head.i > token.i and is_proper(token.head)):
                continue
            named = self.name(token, base, list(mentions))
            if named is not None and named.actor.kind != "person":
                return Named(named.actor, "pronoun in the same sentence")
            return None
        return None

    def _bound(self, pronoun: Token, base: int, mentions) -> Named | None:
        """'The ministry said it deplored ...', 'Lund says he will abstain': a subject pronoun in a clause
        that reports what its matrix subject said or thought refers to that subject when they agree
        (he/she with a person, it/they with a body)."""
        person = pronoun.lower_ in ("he", "she", "him", "her")
        clause = pronoun.head
        for _ in range(6):
            # up through "issued a statement saying it ...", not out of a relative clause or a subject, nor out
            # of a speaker's frame ("Consumers would see lower bills, it said")
            frame = clause.dep_ == "parataxis" and clause.lower_ in FRAMES
            if frame or clause.dep_ in ("ROOT", "nsubj", "nsubj:pass", "acl:relcl") or clause.head.i == clause.i:
                return None
            clause = clause.head
            subject = next(
                (
                    c
                    for c in clause.children
                    if c.dep_ in ("nsubj", "nsubj:pass") and c.i < pronoun.i and c.tag_ not in PRONOUN_TAGS
                ),
                None,
            )
            if subject is None:
                continue
            if _quoted(pronoun.doc, subject) and not _quoted_before(pronoun.doc, pronoun):
                # "“Parents asked us for help,” she said", misparsed with "said" under "asked": the
                # quotation's words are what she says, not who she is
                return None
            named = self.name(subject, base, list(mentions))
            if named is None:
                # "A cooperative in Novaliches says it backs", "Several shoppers said they worried": the
                # pronoun is a subject's that no one named before, not the last body named before it
                if _indefinite(subject):
                    return BLOCKED
                # "The company said it would appeal" after only governments were named: not the last of them
                last = self.memory.group(pronoun.lower_)
                business = subject.lower_ in BUSINESS_NOUNS and last is not None and last.kind == "government"
                return BLOCKED if business else None
            if (named.actor.kind == "person") == person:
                if person and self._known_gender(named) not in ("", gender_of(pronoun.lower_)):
                    return None  # "Anna Lowther said he had understated the damage": he is someone else
                return Named(named.actor, "pronoun in the same sentence")
            # "the minister said it would ...": "it" is what she spoke of, not someone named earlier
            return BLOCKED
        return None


def _indefinite(noun: Token) -> bool:
    """'a cooperative', 'several shoppers', 'two councillors': a noun that brings in someone new."""
    return noun.tag_ in NOUN_TAGS and any(
        c.lower_ in INDEFINITE or c.dep_ == "nummod" for c in noun.children if c.i < noun.i
    )


BUSINESS_NOUNS = frozenset(
    {"company", "firm", "association", "federation", "union", "operator", "carrier", "airline", "manufacturer"}
    | {"producer", "insurer", "lender", "bank", "developer", "chamber", "group", "retailer", "chain", "employer"}
)
INDEFINITE = frozenset({"a", "an", "another", "several", "some", "many", "few", "other", "various", "numerous"})


def _governing_verbs(token: Token) -> set[int]:
    """The heads above a token, up to its sentence's root."""
    found, node = set(), token
    for _ in range(12):
        if node.head.i == node.i:
            break
        node = node.head
        found.add(node.i)
    return found


def _subordinate(verb: Token) -> bool:
    """Is the verb in an adverbial or relative clause, or under one?"""
    node = verb
    for _ in range(12):
        if node.dep_ in ("advcl", "acl", "acl:relcl", "csubj"):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _quoted_before(doc, token: Token) -> bool:
    """Is `token` inside a quotation that opens earlier in its sentence?"""
    opening = closing = straight = 0
    for t in doc[: token.i]:
        opening += t.text in ("“", "‘")
        closing += t.text in ("”", "’")
        straight += t.text == '"'
    return opening > closing or straight % 2 == 1


def _quoted(doc, token: Token) -> bool:
    """Is `token` quoted: inside a quotation that opens earlier in its sentence, or in a sentence that opens
    inside one (“A. B,” she said: B's words) before the quotation closes?"""
    if _quoted_before(doc, token):
        return True
    depth = 0
    for t in doc:
        # double marks only: a ’ is as often an apostrophe ("the ministry’s") as a closing quotation mark
        depth += (t.text == "“") - (t.text == "”")
        if depth < 0:
            return token.i < t.i
    return False
