"""References across a document: who "he", "she", "they", "the minister", "the ministry", "the group",
a bare surname or an acronym stands for, and whose words a quote that runs on belongs to.

The rule is the usual salience heuristic: the last compatible actor named before the reference, where
compatible means the same sort (a person for "he" / "the minister", an organisation or government for
"it" / "the ministry"), the same gender when the text gives one, and the same role word when the
reference is a role ("the minister" goes to the last minister, not merely the last person).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.extract.actors import TITLE_WORDS, Actor
from analysis.extract.given_names import gender_of_name, is_given_name
from analysis.extract.introductions import (
    body_roles_near,
    patronymic_link,
    roles_near,
)
from analysis.extract.name_kinds import PARTY_NAME_ENDINGS
from analysis.extract.vocabulary import (
    DOCUMENT_HEADS,
    FEMALE_WORDS,
    GENERIC_BODIES,
    GROUP_NOUNS,
    LOCAL_MODIFIERS,
    MALE_WORDS,
    PERSON_ROLES,
)

PERSON_KINDS = frozenset({"person"})
FIRM_NOUNS = frozenset({"company", "firm", "business", "corporation", "operator", "group"})
PUBLIC_BODY = re.compile(
    r"\b(?:Commission|Court|Ministry|Authority|Agency|Department|Council|Parliament|Assembly|Bureau|Office|"
    r"Regulator|Tribunal|Board|Senate|Congress|Government)\b"
)
GROUP_PRONOUNS = frozenset({"they", "it", "them", "its", "their"})
# words before a role noun that name no portfolio ("the new minister", "the country's deputy minister")
PORTFOLIO_FILLERS = frozenset({"new", "former", "deputy", "acting", "senior", "junior", "country", "state", "then"})
# words that make a role another office, not a portfolio of it: "the prime minister" is never the minister
# for hydrocarbons named before, whatever else is unknown of either
OTHER_OFFICE = frozenset({"prime", "first", "chief"})


def actor_key(actor: Actor) -> str:
    return actor.actor_id or actor.name


@dataclass
class Memory:
    """What the document has named so far, most recent last."""

    people: list[Actor] = field(default_factory=list)
    groups: list[Actor] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    # what a person's given name suggests ("Victor", "Lidia"): weaker than the text's own "Ms" or "she said",
    # since names cross cultures ("Nino" is a man in Italy and a woman in Georgia; "Nana" is a Ghanaian title)
    given_genders: dict[str, str] = field(default_factory=dict)
    roles: dict[str, list[Actor]] = field(default_factory=dict)
    # the words around a person where the text introduces them ("the minister for international trade"), so
    # that "the trade minister" finds the minister whose portfolio it names, not merely the last minister
    introductions: dict[str, frozenset[str]] = field(default_factory=dict)
    surnames: dict[str, Actor] = field(default_factory=dict)
    # the first word of each person's name, for a name used alone; None once two people share it
    given_names: dict[str, Actor | None] = field(default_factory=dict)
    acronyms: dict[str, Actor] = field(default_factory=dict)
    last_speaker: Actor | None = None
    # who the last statement a sentence mentions is by ("The government defended the move in a statement")
    statement_by: Actor | None = None
    _introduced: set[str] = field(default_factory=set)

    # --- learning ---------------------------------------------------------------------------------
    def remember(self, actor: Actor, *, roles: tuple[str, ...] = (), gender: str = "", text: str = "") -> None:
        """Note that `actor` was just named, with the roles and gender the text gives it where it first
        names it (read once per actor)."""
        key = actor_key(actor)
        if text and key not in self._introduced:
            self._introduced.add(key)
            if actor.kind in PERSON_KINDS:
                found_roles, found_gender, self.introductions[key] = roles_near(text, actor.name)
                roles = (*roles, *found_roles)
                gender = gender or found_gender
                self.given_genders[key] = gender_of_name(actor.name)
            else:
                roles = (*roles, *body_roles_near(text, actor.name))
        if actor.kind in PERSON_KINDS:
            self._remember_person(actor)
        else:
            self._remember_body(actor)
            # "The Prime Minister's Office": a body, which "the minister" never means
            roles = tuple(r for r in roles if r not in PERSON_ROLES or r in GROUP_NOUNS)
        for role in roles:
            self._add_role(role, actor)
        if gender and key not in self.genders:
            self.genders[key] = gender

    def _remember_person(self, actor: Actor) -> None:
        _move_to_end(self.people, actor)
        words = NAME_WORD.findall(actor.name)
        if " of " in actor.name:
            words = []  # "Governor of Hokkaido", an office described by its place, has no surname
        patronymic = patronymic_link(words)
        if patronymic is not None:
            # "Haji Rosli bin Haji Mahmud" is "Haji Rosli" later: the name before "bin" is the one used alone
            self.surnames.setdefault(words[patronymic - 1], actor)
            words = words[:patronymic]
        if len(words) >= 2 and words[-1] not in self.surnames:
            self.surnames[words[-1]] = actor
            if words[-1][:1].islower():
                # "Said al-Rashdi", then "Al-Rashdi said" opening a sentence
                self.surnames.setdefault(words[-1][:1].upper() + words[-1][1:], actor)
                self.surnames.setdefault(words[-1].split("-", 1)[1], actor)  # the parser's last token, "Rashdi"
        if len(words) >= 2 and words[0] == actor.name.split()[0]:
            earlier = self.given_names.setdefault(words[0], actor)
            if earlier is not None and actor_key(earlier) != actor_key(actor):
                self.given_names[words[0]] = None
        if len(words) >= 3 and not is_given_name(words[-2]) and words[-2].lower() not in PERSON_ROLES | TITLE_WORDS:
            # "Aníbal Krauss Benítez", then "Krauss said": a Spanish name's first surname is the one used alone
            self.surnames.setdefault(words[-2], actor)
        for word in re.findall(r"[a-z]+", " ".join(actor.aliases).lower()):
            if word in PERSON_ROLES:
                self._add_role(word, actor)

    def _remember_body(self, actor: Actor) -> None:
        _move_to_end(self.groups, actor)
        for word in re.findall(r"[a-z\-]+", actor.name.lower()):
            if word in GROUP_NOUNS:
                self._add_role(word, actor)
        head = head_noun(actor.name)
        if head:
            self._add_role(head, actor)
        if head in PARTY_NAME_ENDINGS:
            self._add_role("party", actor)  # "the Gibraltar Social Democrats", then "the party"
        if actor.kind == "government":
            for word in ("government", "ministry", "administration", "authorities", "cabinet"):
                self._add_role(word, actor)

    def spoken_for(self, actor: Actor, gender: str) -> None:
        """'A spokeswoman for the association said ...': until another person is named, "she" is the
        spokeswoman, whose words are the association's."""
        if actor.kind in PERSON_KINDS:
            return  # "a spokeswoman for Mr Mahama": he is already the person "he" means
        _move_to_end(self.people, actor)
        if gender:
            self.genders[actor_key(actor)] = gender

    def note_body(self, actor: Actor, *, text: str = "") -> None:
        """A body named in passing ("the leader of the Swiss People's Party"; "a licence to Kenmare Resources, a
        mining company,"): who "the party" or "the company" means next, but not who "it" means, which stays with
        the bodies that acted."""
        for word in re.findall(r"[a-z\-]+", actor.name.lower()):
            if word in GROUP_NOUNS:
                self._add_role(word, actor)
        for word in body_roles_near(text, actor.name) if text else ():
            self._add_role(word, actor)

    def _add_role(self, role: str, actor: Actor) -> None:
        holders = self.roles.setdefault(role, [])
        _move_to_end(holders, actor)

    def set_gender(self, actor: Actor, gender: str) -> None:
        self.genders.setdefault(actor_key(actor), gender)

    def define_acronym(self, acronym: str, actor: Actor) -> None:
        self.acronyms[acronym] = actor

    # --- resolving --------------------------------------------------------------------------------
    def person(self, pronoun: str = "") -> Actor | None:
        """The last person compatible with a personal pronoun ("he", "she") or with none."""
        wanted = "m" if pronoun.lower() in MALE_WORDS else "f" if pronoun.lower() in FEMALE_WORDS else ""
        compatible = [
            actor
            for actor in reversed(self.people)
            if (not wanted or self.genders.get(actor_key(actor), "") in ("", wanted)) and not names_a_text(actor.name)
        ]
        if not compatible:
            return None
        if wanted and self.given_genders.get(actor_key(compatible[0]), "") not in ("", wanted):
            # "Victor Rusu ... Lidia Grosu ... she said": a name that disagrees yields to an earlier one that
            # agrees, never to one that merely does not disagree
            agreeing = [
                a
                for a in compatible[1:]
                if (self.genders.get(actor_key(a), "") or self.given_genders.get(actor_key(a), "")) == wanted
            ]
            if agreeing:
                return agreeing[0]
        return compatible[0]

    def group(self, pronoun: str = "") -> Actor | None:
        """The last body named; for a singular "it"/"its", the last that is not a vague plural group
        ("critics", "some farmers"), which is "they"."""
        if pronoun.lower() in ("it", "its"):
            single = [g for g in self.groups if g.kind != "commentators"]
            return single[-1] if single else None
        return self.groups[-1] if self.groups else None

    def government(self) -> Actor | None:
        """The last government named."""
        governments = [g for g in self.groups if g.kind == "government"]
        return governments[-1] if governments else None

    def role(self, noun: str, portfolio: tuple[str, ...] = (), *, gender: str = "") -> Actor | None:
        """'the minister', 'the ministry', 'the union': the last actor known by that role or noun; 'the trade
        minister' (`portfolio`: the words before the noun): the last one introduced with those words, if any;
        "the minister said he …" (`gender`): the last whose gender, where known, agrees."""
        noun = noun.lower()
        holders = self.roles.get(noun)
        if holders and gender:
            agreeing = [h for h in holders if self._gender(h) in ("", gender)]
            holders = agreeing or holders
        if holders:
            wanted = {w.lower() for w in portfolio} - PORTFOLIO_FILLERS
            named = [h for h in holders if wanted and wanted <= self._described_by(h)]
            if not named and wanted - LOCALITY_WORDS:
                # "the federal commerce minister" after "Commerce Minister X" and a province's trade minister:
                # the one whose portfolio the words name, whatever tier the text adds
                named = [h for h in holders if (wanted - LOCALITY_WORDS) <= self._described_by(h)]
            if not named and wanted & OTHER_OFFICE and self.introductions.get(actor_key(holders[-1])):
                return None  # introduced with a title or portfolio of their own, not this one
            if (
                not named
                and wanted - LOCALITY_WORDS
                and (named_by_description(holders[-1]) or self._another_portfolio(noun, wanted, holders))
            ):
                # "the fire service" after "the ambulance service", "the labour ministry" after the Ministry of
                # Health: another body of that kind
                return None
            if not named and noun == "ministry":
                # "the ministry" after the Ministry of Ecology and then "a government spokesman": the ministry
                named = [h for h in holders if h.kind != "government"]
            return (named or holders)[-1]
        if noun in GENERIC_BODIES:
            # "the company", "the group": the last body named, if it was no government (and, for a firm,
            # no public body: "the company" after "the Commerce Commission ruled" is not the commission)
            bodies = [g for g in self.groups if g.kind not in ("government", "commentators")]
            if noun in FIRM_NOUNS:
                bodies = [g for g in bodies if not PUBLIC_BODY.search(g.name)]
            return bodies[-1] if bodies else None
        return None

    def _another_portfolio(self, noun: str, wanted: set[str], holders: list[Actor]) -> bool:
        """'the labour ministry' after the Ministry of Health; not 'the economy ministry' after the Ministry of
        Economic Development (the same word's stem)."""
        if noun != "ministry":
            return False
        stems = {w[:5] for h in holders for w in self._described_by(h)}
        return not any(w[:5] in stems for w in wanted - LOCALITY_WORDS)

    def _gender(self, actor: Actor) -> str:
        key = actor_key(actor)
        return self.genders.get(key, "") or self.given_genders.get(key, "")

    def _described_by(self, actor: Actor) -> frozenset[str]:
        """The words of an actor's name and of the text that introduced it."""
        return self.introductions.get(actor_key(actor), frozenset()) | frozenset(
            re.findall(r"[a-z]+", actor.name.lower())
        )

    def surnames_in(self, text: str, start: int, end: int):
        """(start, end, surname) of each known surname standing as a word of text[start:end], the longest
        where two fit ("O'Brien" before "O"), left to right and not overlapping. The words are looked up in
        the dictionary: one pattern over all surnames was compiled anew whenever a surname was added."""
        if not self.surnames:
            return
        after_last = start
        for opening in CAPITAL_OPENING.finditer(text, start, end):
            at = opening.start()
            if at < after_last:
                continue
            run = WORD_RUN.match(text, at, end).group()
            # a surname ends where the run does, or before an apostrophe ("Okafor's")
            cuts = [len(run)] + [i for i in range(len(run) - 1, 0, -1) if run[i] in "'’"]
            for cut in cuts:
                if run[:cut] in self.surnames:
                    yield at, at + cut, run[:cut]
                    after_last = at + cut
                    break


# where a capitalised word begins (no letter, digit, "_" or "-" before it), and the word run from there
CAPITAL_OPENING = re.compile(r"(?<![\w-])(?:[a-z]{1,3}-)?[A-Z]")
# a name's capitalised words, with the particle joined to a surname ("al-Rashdi", "el-Sisi", "bin-Salem")
NAME_WORD = re.compile(r"(?<![\w-])(?:[a-z]{1,3}-)?[A-Z][\w'’\-]+")
WORD_RUN = re.compile(r"[\w'’\-]+")


# the words that end a body's head in its name: "School District of Philadelphia", "Front for the Rescue of"
HEAD_ENDS = re.compile(r"\s+(?:of|for|on|in|to|against|de|del|des|du|la|le)\s+|\s*[,(]")


def head_noun(name: str) -> str:
    """The noun a body's name is built on, lower-cased: "district" for the School District of Philadelphia,
    "front" for the National Front for the Rescue of the Countryside: what "the district" or "the front"
    means later. '' when the name has no such noun (one word, an acronym, a lower-case description)."""
    words = HEAD_ENDS.split(name, maxsplit=1)[0].split()
    if len(words) >= 3 and words[-2] in LOCAL_MODIFIERS and re.fullmatch(r"[a-z][a-z\-]{2,}", words[-1]):
        return words[-1]  # "the maslikhat" after "the Almaty city maslikhat"
    if len(words) < 2 or not re.fullmatch(r"[A-Z][a-z\-]{2,}", words[-1]):
        return ""
    return words[-1].lower()


def _move_to_end(items: list[Actor], actor: Actor) -> None:
    key = actor_key(actor)
    for i, existing in enumerate(items):
        if actor_key(existing) == key:
            del items[i]
            break
    items.append(actor)


# "the local council" after "the city council" is the same council
LOCALITY_WORDS = frozenset(
    {"local", "city", "town", "municipal", "regional", "provincial", "national", "federal", "state"}
)


def named_by_description(actor: Actor) -> bool:
    """A body known only by a description in lower case ("Ambulance service", from "the ambulance service"; not
    "KMT caucus")."""
    words = actor.name.split()
    return (
        actor.kind != "person" and len(words) > 1 and not words[0].isupper() and all(w[:1].islower() for w in words[1:])
    )


def names_a_text(name: str) -> bool:
    """'European Convention', 'Paris Agreement': a text's name, no he or she (not 'Harriet Pact')."""
    return name.split()[-1] in DOCUMENT_HEADS and not gender_of_name(name)
