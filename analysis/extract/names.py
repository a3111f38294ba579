"""Names in text, before any sentence is read: what counts as a title, how far a capitalised name runs, and the
actor a phrase or a new name stands for (what kind of actor a name is, is `name_kinds.py`'s; the acronyms a
document defines, `acronyms.py`'s)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extract import actors as actor_finder
from analysis.extract.actors import Actor, ActorIndex
from analysis.extract.given_names import HYPHENED_PARTICLE
from analysis.extract.name_kinds import ACRONYM as ACRONYM
from analysis.extract.name_kinds import ORG_WORDS as ORG_WORDS
from analysis.extract.name_kinds import PLACE_WORDS as PLACE_WORDS
from analysis.extract.name_kinds import is_body_name as is_body_name
from analysis.extract.name_kinds import is_human_plural as is_human_plural
from analysis.extract.name_kinds import kind_of_name as kind_of_name
from analysis.extract.parse import Node as Token
from analysis.extract.references import PERSON_ROLES
from analysis.extract.vocabulary import ELIDED_CAPITAL, NOT_A_NAME, PARTICLES, SENTENCE_OPENERS

NP_PARTS = frozenset(
    {
        "compound",
        "flat",
        "amod",
        "det",
        "nmod:poss",
        "case",
        "nummod",
        "fixed",
        "nmod",
        "det:predet",
        "nmod:unmarked",
        "flat:name",
        "compound:prt",
    }
)
TITLE_WORDS = actor_finder.TITLE_WORDS
# The titles that are titles on their own ("Minister", "Mayor"), not the words of longer ones ("Treasury"
# in "Treasury Secretary", "Trade" in "Trade Minister"): a name made only of these is no name
STANDALONE_TITLE_WORDS = frozenset(
    t.lower().rstrip(".") for t in actor_finder.TITLES.replace("\\", "").split("|") if " " not in t
)
ORG_EXTENSION = re.compile(
    # "and the" joins two bodies ("the Bloc Québécois and the Green Party"), not a name's parts
    r"(?:\s+(?:(?:of|for|on|de|du|des|la|del)\s+(?:the\s+)?|(?:and|&)\s+)"
    r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)+"
)
BANNER = re.compile(
    r",?\s+(?:under the banner of|known as|calling itself|which calls itself|campaigning (?:together )?as|"
    r"grouped (?:together )?(?:as|in|under)|organi[sz]ed as|operating as|trading as)\s+(?:the\s+)?"
    # "the Right to a Home Alliance"
    r"([A-Z][\w'’\-]*(?:\s+(?:(?:of|for|and|&|the|de|a|an|to)\s+){0,2}[A-Z][\w'’\-]*)*)"
)


OWN_GOVERNMENT = frozenset({"government", "administration", "cabinet", "ministers", "regime", "ministry"})
ROLE_WORDS = PERSON_ROLES | TITLE_WORDS | {"mep", "mp", "td", "mk", "mla", "mpp", "cllr"}


@dataclass(frozen=True)
class Named:
    actor: Actor
    rule: str
    roles: tuple[str, ...] = ()
    gender: str = ""


def np_tokens(head: Token) -> list[Token]:
    """The noun phrase of `head` without its clauses, appositions and conjuncts."""
    kept, stack = [head], [head]
    while stack:
        token = stack.pop()
        for c in token.children:
            if c.dep_ in NP_PARTS:
                kept.append(c)
                stack.append(c)
    return sorted(kept, key=lambda t: t.i)


def described(text: str, *, kind: str = "organization") -> Actor:
    """An actor the text describes rather than names ("the chamber of commerce", "licensed taxi operators"),
    named by those words, capitalised."""
    name = text[:1].upper() + text[1:]
    return Actor(name=name, actor_id=actor_finder.slug(name), kind=kind)


def without_full_stop(name: str) -> str:
    """ "the animal-welfare party PAN.", "Osei." at a sentence's end: the full stop is the sentence's, not an
    abbreviation's ("Inc.", "U.N.")."""
    last = name.split()[-1] if name.split() else ""
    if name.endswith(".") and "." not in name[:-1] and (len(last) > 4 or last[:-1].isupper()):
        return name[:-1]
    return name


def known_or_new(name: str, index: ActorIndex, *, kind: str, roles: tuple[str, ...] = ()) -> Actor:
    name = without_full_stop(name)
    known = index.near_match(name)
    if known is not None:
        return known
    return Actor(name=name, actor_id=actor_finder.slug(name), kind=kind, aliases=roles)


NAME_WORD = re.compile(r"[A-Z]{2,}\([A-Z]{1,2}\)|[\w'’.\-&·]+")  # "CPI(M)" is one word, and Catalan's "Col·legi"
PREFIXED_CAPITAL = re.compile(r"[a-z]{1,3}[A-Z][a-z]")


# the heads of bodies named by what they aim to do ("Movement to Stop Haze", "Coalition to End Child Marriage")
AIMING_HEADS = frozenset({"Movement", "Campaign", "Coalition", "Alliance", "Network", "Initiative", "Committee"})


def name_span(text: str, head_start: int, head_end: int, lower: int, upper: int) -> tuple[int, int]:
    """The run of capitalised words (with name particles and hyphens) around a head word, within one
    sentence: "County board chairman Lyle Ostrander" -> "Lyle Ostrander"'s run starts at "County"."""
    words = [(m.start(), m.end()) for m in NAME_WORD.finditer(text, lower, upper)]
    index = next((i for i, (a, b) in enumerate(words) if a <= head_start < b), None)
    if index is None:
        return head_start, head_end

    def capital(i: int) -> bool:
        word = text[words[i][0] : words[i][1]]
        return (
            word[:1].isupper()
            or bool(HYPHENED_PARTICLE.match(word))  # "Khalid al-Mansouri", "Ahmed el-Sayed"
            or bool(PREFIXED_CAPITAL.match(word))  # "uMkhonto weSizwe", "eThekwini"
            or bool(ELIDED_CAPITAL.match(word))  # "Unió Sindical d'Andorra", "Consulta … all’Estero"
            or (word in PARTICLES and i + 1 < len(words) and text[words[i + 1][0] : words[i + 1][0] + 1].isupper())
            # "de la Pêche", "de los Andes": two particles, then the name goes on
            or (
                word in PARTICLES
                and i + 2 < len(words)
                and text[words[i + 1][0] : words[i + 1][1]] in PARTICLES
                and text[words[i + 2][0] : words[i + 2][0] + 1].isupper()
            )
            or (word == "&" and 0 < i < len(words) - 1 and upper_at(i - 1) and upper_at(i + 1))  # "Haus & Grund"
            # "People’s Movement to Stop Haze", "Campaign to Protect Rural England": a body named by its aim
            or (
                (word == "to" and 0 < i < len(words) - 1 and text[words[i - 1][0] : words[i - 1][1]] in AIMING_HEADS)
                and upper_at(i + 1)
            )
        )

    def upper_at(i: int) -> bool:
        return text[words[i][0] : words[i][0] + 1].isupper()

    def joined(i: int) -> bool:  # words i and i+1 are separated by white space only
        return text[words[i][1] : words[i + 1][0]].strip() == "" and "\n" not in text[words[i][1] : words[i + 1][0]]

    first = last = index
    while (
        first > 0
        and capital(first - 1)
        and not (words[first - 1][0] == lower and text[words[0][0] : words[0][1]].lower() in SENTENCE_OPENERS)
        and joined(first - 1)
        and not text[words[first - 1][0] : words[first - 1][1]].endswith(("’s", "'s"))
    ):
        first -= 1
    while (
        last + 1 < len(words)
        and capital(last + 1)
        and joined(last)
        and not text[words[last][0] : words[last][1]].endswith(("’s", "'s"))
    ):
        last += 1
    return words[first][0], words[last][1]


def is_title(word: str) -> bool:
    """A title, role or filler word before a name ("Foreign Minister", "Cllr", "The", and the plural
    "Commissioners X and Y")."""
    lowered = word.lower().rstrip(".")
    singular = lowered[:-1] if lowered.endswith("s") and len(lowered) > 3 else lowered
    return (
        lowered in TITLE_WORDS
        or lowered in ROLE_WORDS
        or lowered in NOT_A_NAME
        or (singular != lowered and (singular in STANDALONE_TITLE_WORDS or singular in ROLE_WORDS))
    )
