"""A proper name around a holder token: its whole run of words (titles split off, a body's long name
extended), whether the document treats it as a name at all, and what it names (an acronym or surname met
before, a gazetteer mention, a known actor, or a new person or organisation). A mixin of `naming.Namer`,
whose text, index and memory it uses."""

from __future__ import annotations

import re

from analysis.extract import actors as actor_finder
from analysis.extract.actors import Actor, Mention
from analysis.extract.introductions import body_roles_near, gender_of
from analysis.extract.names import (
    ORG_EXTENSION,
    ORG_WORDS,
    STANDALONE_TITLE_WORDS,
    TITLE_WORDS,
    Named,
    is_body_name,
    is_title,
    kind_of_name,
    known_or_new,
    name_span,
    without_full_stop,
)
from analysis.extract.parse import Node as Token
from analysis.extract.parse import is_proper
from analysis.extract.portfolios import PORTFOLIO_BEFORE, after_portfolio
from analysis.extract.references import PERSON_ROLES
from analysis.extract.vocabulary import GROUP_NOUNS, NOT_A_NAME

# the kinds of body a name may follow in lower case: not "chief executive Park Min-jun"
BODY_KINDS = GROUP_NOUNS - PERSON_ROLES
POST_NOMINALS = frozenset(
    {"TD", "MP", "MEP", "MLA", "MSP", "MS", "MPP", "MHA", "MHK", "QC", "KC", "SC", "OBE", "MBE", "CBE"}
)
NAME_WITH_IN = re.compile(r"\s+in\s+(?:[A-Z][\w'’\-]*\s+){0,3}([A-Z][\w'’\-]*)")


class ProperNaming:
    """The proper-name steps of `naming.Namer`."""

    def proper_name(self, token: Token, base: int, mentions: list[Mention]) -> Named | None:
        """The token read as a proper name, whatever its tag."""
        start, end = base + token.idx, base + token.idx + len(token)
        return self._proper(token, base, [m for m in mentions if m.start < end and start < m.end])

    def _proper(self, token: Token, base: int, within: list[Mention]) -> Named | None:
        """A proper name's run of words around the head: a known actor, a surname or acronym met before, a
        gazetteer name it overlaps, or a new person or organisation."""
        found = self._name_words(token, base)
        if found is None:
            return None
        name, words, roles, (name_start, name_end) = found
        if name in self.memory.acronyms:
            return Named(self.memory.acronyms[name], "acronym")
        if len(words) == 1 and name in self.memory.surnames:
            return Named(self.memory.surnames[name], "surname")
        overlapping = [
            m
            for m in within
            if m.start < name_end
            and name_start < m.end
            # "the Social Democrats" is a party's name, longer than the group "Democrats" inside it; "opposition
            # Workers" is no group of the "Workers’ Party" it cuts into
            and not (m.actor.kind == "commentators" and (m.end - m.start < len(name) or m.start < name_start < m.end))
            and not self._place_opens_name(m, name_start, name_end)
            # "the Unió Sindical d'Andorra": a country's name, its article elided into it, ends a body's name
            and not (name_start < m.start and self.text[m.start - 1 : m.start] in ("'", "’"))
        ]
        if overlapping:
            return Named(max(overlapping, key=lambda m: m.end - m.start).actor, "named")
        known = self.index.near_match(name)
        if known is not None:
            return Named(known, "named")
        if len(words) == 1 and self.memory.given_names.get(name):
            # "Zeyneba spoke to us" after "Zeyneba Abdullahi has sold spices ...": a feature's first-name terms
            return Named(self.memory.given_names[name], "surname")
        preceding = self.text[max(base, name_start - 40) : name_start].lower()
        # "Councillor X" names a person; "the District council of Encarnación" a place
        # ("the stretch of the Jugol": "of" is a word of titles, "Minister of State", but no title alone)
        titled = preceding.split()[-1:] != ["of"] and any(
            w.rstrip(".") in TITLE_WORDS and w != "of" for w in preceding.split()[-2:]
        )
        has_title = bool(roles) or titled
        # "The commerce and services council Consecomercio": a body's kind in lower case before its name
        kind_before = preceding.split()[-1:]
        organisation = is_body_name(name) or (bool(kind_before) and kind_before[0] in BODY_KINDS)
        # "Sunday Eze, 34, has ridden an okada ...": an age makes a person of a name with no title
        # ... and so does "who" after a name of two words or more ("Chang Yi-ting, who runs three noodle shops in
        # Taichung, said"; not "Greenpeace, who ...")
        who = WHO_AFTER.match(self.text, name_end) and len(name.split()) >= 2
        age = bool(AGE_AFTER.match(self.text, name_end))
        aged = (age or bool(who)) and not organisation
        kind = "person" if (has_title or aged) and not organisation else kind_of_name(name, default="organization")
        # "sewing operator Morjina Khatun, 27,": an age makes a person whatever noun comes before
        if (
            kind == "person"
            and not has_title
            and not age
            and (body_roles_near(self.text, name) or WHICH_AFTER.match(self.text, name_end))
        ):
            # "Riders United Philadelphia, a passenger advocacy group,"; "Sinn Féin, which holds the First
            # Minister's office,": what no person is called
            kind = "organization"
        actor = Actor(name=name, actor_id=actor_finder.slug(name), kind=kind, aliases=tuple(roles))
        # "Her neighbour, retired bank officer Vinayak Joshi": a pronoun before a name is someone else's
        titles = PRONOUN_WORDS.sub(" ", preceding)
        return Named(actor, "name", tuple(roles), gender_of(titles + " " + " ".join(roles)))

    def _body_named_with_country(self, token: Token, country: Mention, base: int) -> Named | None:
        """A body whose name ends in its country's, when a country's name covers a phrase's head and the proper
        words before it in the phrase name a body with it ("The Minerals Council South Africa", "Amnesty
        International Kenya"): the body, not the country."""
        if country.actor.kind != "government" or country.end != base + token.idx + len(token):
            return None
        before = [
            t
            for t in token.subtree
            if t.dep_ in ("compound", "flat", "amod") and is_proper(t) and base + t.idx < country.start
        ]
        if not before:
            return None
        name = self.text[base + min(t.idx for t in before) : country.end]
        return Named(known_or_new(name, self.index, kind="organization"), "name") if is_body_name(name) else None

    def _place_opens_name(self, mention: Mention, name_start: int, name_end: int) -> bool:
        """ "Washington Realtors", "Kenya Airways": a country or capital that only opens a longer name, whose
        other words are no titles ("Brazil President Lula" is the president)."""
        # "The Gibraltar Social Democrats": the article before the place opens the name too
        opens = mention.start == name_start or re.fullmatch(r"[Tt]he\s+", self.text[name_start : mention.start])
        if mention.actor.kind != "government" or not opens or mention.end >= name_end - 1:
            return False
        rest = self.text[mention.end : name_end].split()
        return bool(rest) and not any(is_title(w) for w in rest)

    def _name_words(self, token: Token, base: int):
        """(name, its words, the titles and roles before it, (start, end)) of the name around `token`, or
        None when what is left is no name (a heading in capitals, a common word, a title alone)."""
        name_start, name_end = name_span(
            self.text, base + token.idx, base + token.idx + len(token), base, base + len(token.doc.text)
        )
        words = self.text[name_start:name_end].split()
        if not words:
            return None
        if len(words) > 2 and PORTFOLIO_BEFORE.search(self.text, max(base, name_start - 120), name_start):
            words = after_portfolio(words)
        whole = list(words)
        words, roles = _titles_split(words)
        determined = whole[0].lower() == "the" or re.search(
            r"\b[Tt]he\s+$", self.text[max(base, name_start - 4) : name_start]
        )
        if roles and len(words) == 1 and determined:
            # "the Executive Yuan", "the Labour Party": a body's name, not a title
            words, roles = [w for w in whole if w.lower() != "the"], []
        words = _without_count(words)
        # "The WHO", "the US": an acronym after "the" that spells a common word is a name
        acronym = bool(determined) and words and words[0].isupper() and len(words[0]) > 1 and token.dep_ != "compound"
        if not words or (words[0].lower() in NOT_A_NAME and not acronym):
            return None
        if len(words) > 2 and words[-1].rstrip(",.") in POST_NOMINALS:
            words = words[:-1]  # "Eoin Gallagher TD", "Sarah Jones MP": the person, without the seat's letters
        if len(words) > 1 and without_full_stop(words[-1]) in MUTE_TEXTS:
            return None  # "the Family Register Act", "the Schengen Borders Code": a text, which says nothing
        name = " ".join(words)
        name = name[:-2] if name.endswith(("’s", "'s")) else name
        name = self._extended(without_full_stop(name), words, name_end)
        if not acronym and (len(name) < 2 or name.lower() in NOT_A_NAME or not self.may_be_name(name)):
            return None
        return name, words, roles, (name_start, name_end)

    def _extended(self, name: str, words: list[str], name_end: int) -> str:
        """A body's name with the "of …" that completes it ("the Chamber of Commerce and Industry")."""
        extension = ORG_EXTENSION.match(self.text, name_end)
        # "the Tobago House of Assembly": a House of something is a body ("Sylvia House" alone is a person)
        house_of = words[-1] == "House" and extension is not None and extension.group(0).split()[0] == "of"
        # "the City of Athens", "the Municipality of Limassol": a local government "of" its place, and no more
        local = LOCAL_OF.match(self.text, name_end) if words[-1] in ("City", "Municipality", "Prefecture") else None
        if local:
            return re.sub(r"\s+", " ", name + local.group(0))
        # "the Solomon Islands Women in Business Association": "in" inside a body's name that ends with its noun
        inside = NAME_WITH_IN.match(self.text, name_end)
        if inside and inside.group(1).lower() in ORG_WORDS:
            return re.sub(r"\s+", " ", name + inside.group(0))
        # "Alternative for Germany", "Transport for NSW": one word and what it is for, a body's name
        one_word_for = extension is not None and len(words) == 1 and extension.group(0).split()[0] == "for"
        if extension and (house_of or one_word_for or set(w.lower() for w in re.findall(r"[\w\-]+", name)) & ORG_WORDS):
            return re.sub(r"\s+", " ", name + extension.group(0).rstrip())
        return name

    def _lower_words(self) -> frozenset[str]:
        """The words the document writes in lower case somewhere (read once per document)."""
        if self._lowercase is None:
            self._lowercase = frozenset(w for w in re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", self.text))
        return self._lowercase

    def _written_otherwise(self, word: str) -> bool:
        """Whether the document also writes a word in capitals as an ordinary word or name."""
        return (
            word.title() in self.text
            or word.lower() in self._lower_words()
            or bool(re.search(rf"\b{re.escape(word)}\s*[—–-]", self.text))
        )

    def _opening_name(self, token: Token) -> bool:
        """'Sumar, the junior partner in the coalition, backed ...', the sentence's first word tagged a common
        noun: a capitalised word the document never writes in lower case, described by an apposition."""
        # "Eni, which operates the fields, did not comment": described by a relative clause as well
        return (
            token.i == 0
            and token.tag_ in ("NN", "NNS")
            and token.text[:1].isupper()
            and any(c.dep_ in ("appos", "acl:relcl") for c in token.children)
            and self.may_be_name(token.text)
        )

    def may_be_name(self, name: str) -> bool:
        """Not a heading in capitals ('RESULT', 'MASERU'), nor a common word that opens a sentence ('Bill',
        'Insurance'): the document writes it in lower case elsewhere."""
        words = name.split()
        if re.fullmatch(r"[RDI]-[A-Z][\w.]*", name):
            return False  # "Rep. John Smith, R-Ohio": a party and state, not another actor
        if len(words) == 1:
            word = words[0]
            if word.isupper() and len(word) > 5 and word not in self.memory.acronyms and self._written_otherwise(word):
                return False  # "MASERU —" before "Maseru": a dateline; "CONFIEP", written only so, is a name
            if not word.isupper() and word.lower() in self._lower_words():
                return False
        return not all(w.lower().rstrip(".") in STANDALONE_TITLE_WORDS or w.lower() in PERSON_ROLES for w in words)


MUTE_TEXTS = frozenset({"Act", "Code", "Directive", "Regulation", "Bill", "Law", "Constitution", "Decree"})
LOCAL_OF = re.compile(r"\s+of\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*")
AGE_AFTER = re.compile(r",\s+(?:aged\s+)?\d{1,2},")
WHO_AFTER = re.compile(r",\s+who\b")
WHICH_AFTER = re.compile(r",\s+which\b")
PRONOUN_WORDS = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b")


COUNTS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty"}
    | {"thirty", "forty", "fifty", "hundred"}
)


def _without_count(words: list[str]) -> list[str]:
    """ "Three KMT members voted against": a count that opens the sentence is no part of a name."""
    while len(words) > 1 and words[0].lower() in COUNTS:
        words = words[1:]
    return words


def _titles_split(words: list[str]) -> tuple[list[str], list[str]]:
    """(the name's words, the titles and roles before them, lower-cased)."""
    words, roles = list(words), []
    while len(words) > 1 and is_title(words[0]):
        word = words.pop(0).lower()
        if word not in NOT_A_NAME:
            roles.append(word)
    return (words, roles) if roles else _after_inner_title(words)


def _after_inner_title(words: list[str]) -> tuple[list[str], list[str]]:
    """'Shiselweni Regional Education Officer Mcebisi Bhembe', 'Kenya Health Minister Susan Nakhumicha': a
    place and a title in capitals before a person's name of two words or more. The person is the name; the
    words up to the title are their role. Otherwise the words stand as they are."""
    last_title = max((i for i, w in enumerate(words[:-2]) if is_title(w) and w[:1].isupper()), default=None)
    if last_title is None or last_title == 0:
        return words, []
    rest = words[last_title + 1 :]
    if len(rest) > 4 or not all(w[:1].isupper() and w.isalpha() and not is_title(w) for w in rest):
        return words, []
    if {w.lower() for w in rest} & ORG_WORDS:
        return words, []
    return rest, [w.lower() for w in words[: last_title + 1]]
