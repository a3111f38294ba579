"""Names in text, before any sentence is read: what counts as an organisation word or a title, how far a
capitalised name runs, and what kind of actor a new name is (the acronyms a document defines are
`acronyms.py`'s)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extract import actors as actor_finder
from analysis.extract.actors import Actor, ActorIndex
from analysis.extract.country_regex import countries
from analysis.extract.given_names import HYPHENED_PARTICLE
from analysis.extract.parse import Node as Token
from analysis.extract.references import PERSON_ROLES
from analysis.extract.vocabulary import GROUP_NOUNS, NOT_A_NAME, NOT_HUMAN_PLURALS, PARTICLES, SENTENCE_OPENERS

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
ORG_WORDS = frozenset(w.lower() for w in actor_finder.ORG_HEADS.replace("\\", "").split("|") for w in w.split()) | {
    "coalition",
    "ngo",
    "ngos",
    "inc",
    "ltd",
    "plc",
    "group",
    "holdings",
    "airways",
    "airlines",
    "motors",
    "bank",
    # "Amaury Government School": a building's body, though "Amaury" is a given name
    "school",
    "college",
    "hospital",
    "clinic",
    "government",
    "church",
    "diocese",
    "media",
    "news",
    "times",
    "post",
    "herald",
    "tribune",
    "industries",
    "partners",
    "capital",
    "energy",
    "mining",
    "resources",
    "technologies",
    "systems",
    "labs",
    "party",
    "front",
    "union",
    "club",
    "fc",
    "board",
    "tribunal",
    "cooperative",
    "co-operative",
    "collective",
    "syndicate",
    "caucus",
    "initiative",
    "project",
    "campaign",
    # company forms across jurisdictions: "Agroganadera Boquerón SA" is a firm, not a person
    "sa",
    "s.a",
    "ag",
    "gmbh",
    "llc",
    "corp",
    "spa",
    "bhd",
    "nv",
    "bv",
    "pty",
    "ltda",
    "sarl",
    "kk",
    "pt",
    "tbk",
    "jsc",
    "ojsc",
    "oao",
    "srl",
    "ab",
    "asa",
    "oy",
    "compute",
    "logistics",
    "foods",
    "pharma",
    "telecom",
    "shipping",
    "clothing",
    "textiles",
    "construction",
    "developments",
    "properties",
    "index",
    "exchange",
    "bourse",
}
# "Nakuru County", "Mlimani Market", "Route 39": places and the bodies named after them are no people
PLACES = (
    "avenue basin bay beach bridge canal city coast county creek district estate highway hill island lake "
    "market mine mountain municipality park port prefecture province region river road route shire square "
    "state station street town township valley village ward"
)
PLACE_WORDS = frozenset(PLACES.split())
WORLD_REGIONS = frozenset({"africa", "asia", "europe", "america", "americas", "pacific", "caribbean", "worldwide"})
TITLE_WORDS = actor_finder.TITLE_WORDS
# The titles that are titles on their own ("Minister", "Mayor"), not the words of longer ones ("Treasury"
# in "Treasury Secretary", "Trade" in "Trade Minister"): a name made only of these is no name
STANDALONE_TITLE_WORDS = frozenset(
    t.lower().rstrip(".") for t in actor_finder.TITLES.replace("\\", "").split("|") if " " not in t
)
COLLECTIVE_WORDS = frozenset(w.lower() for w in actor_finder.COLLECTIVE_NOUNS.split("|") if " " not in w)
# the heads of bodies' names in French, Spanish and Portuguese ("Conseil du Café-Cacao", "Banco do Brasil"):
# a body's when they open the name, but some are surnames too ("Diogo Câmara"), so never as its last word
FOREIGN_BODY_HEADS = frozenset(
    {
        "conseil",
        "consejo",
        "conselho",
        "groupement",
        "comité",
        "fédération",
        "federación",
        "federação",
        "confédération",
        "confederación",
        "confederação",
        "syndicat",
        "sindicato",
        "chambre",
        "cámara",
        "câmara",
        "banque",
        "banco",
        "ministère",
        "ministerio",
        "ministério",
        "agence",
        "agencia",
        "agência",
        "institut",
        "instituto",
        "société",
        "sociedad",
        "sociedade",
        "asociación",
        "associação",
        "assemblée",
        "asamblea",
        "partido",
        "parti",
        "frente",
        "mouvement",
        "movimiento",
        "movimento",
        "rassemblement",
        "congrès",
        "congreso",
        "fondation",
        "fundación",
        "fundação",
        "collectif",
        "coordinadora",
        "cooperativa",
        "coopérative",
        "autorité",
        "autoridad",
        "secretaría",
        "comisión",
        "comissão",
        "organización",
        "organização",
        "réseau",
        "observatoire",
        "observatorio",
        "universidad",
        "université",
        "universidade",
        "compagnie",
        "compañía",
    }
)


def is_body_name(name: str) -> bool:
    """A name with a body's head word: "Ministry of ...", "Lagos Chamber of Commerce", "Conseil du Café"."""
    lowered = [w.lower().strip(".,") for w in name.split()]
    return bool(set(lowered) & ORG_WORDS) or any(w in FOREIGN_BODY_HEADS for w in lowered[:-1])


# people named by what they are, not by a suffix of what they do: "Some founding families are uneasy"
HUMAN_PLURALS = frozenset(
    {"families", "households", "parents", "citizens", "pensioners", "patients", "nurses", "doctors", "motorists"}
    | {"fishermen", "fishers", "shopkeepers", "landowners", "smallholders", "migrants", "refugees", "youths"}
    | {"women", "men", "mothers", "fathers", "graduates", "clergy", "bishops", "imams", "chiefs", "elders"}
    | {"scholars", "academics", "jurists", "experts", "priests", "pastors", "monks", "students", "villagers"}
    | {"deans", "principals"}
)
# words that open parties' names and never a person's ("Christian" and "Green" do both)
PARTY_NAME_OPENERS = frozenset(
    {"new", "democratic", "popular", "national", "social", "socialist", "liberal", "civic", "free", "united"}
    | {"progressive", "radical", "patriotic", "renew", "left", "labour", "labor", "conservative", "republican"}
)
# the words a firm's name ends with, which no person's name ends with ("Mills" and "Steel" are surnames)
FIRM_ENDINGS = frozenset(
    {"services", "industries", "holdings", "enterprises", "systems", "solutions", "logistics", "motors"}
    | {"airways", "airlines", "minerals", "resources", "telecom", "telecoms", "bottlers", "foods", "partners"}
    | {"petroleum", "pharmaceuticals", "construction", "textiles", "shipping", "mining", "energy", "cement"}
    | {"breweries", "plantations", "investments", "properties", "technologies", "consultants", "exporters"}
)
# the plurals that open a federation's name ("Restaurants Canada"), which no person's name opens with
PLURAL_BODY_OPENERS = frozenset(
    {"colleges", "universities", "restaurants", "farmers", "growers", "teachers", "engineers", "builders"}
    | {"retailers", "manufacturers", "exporters", "importers", "producers", "truckers", "physicians", "employers"}
    | {"workers", "schools", "hospitals", "cities", "municipalities", "businesses"}
)
HUMAN_SUFFIXES = ("ers", "ors", "ists", "ians", "ants", "ents", "ees", "ives", "crats", "cans", "ites")
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
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")


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


def kind_of_name(name: str, *, default: str) -> str:
    words = name.split()
    lowered = {w.lower().strip(".,") for w in words}
    if is_body_name(name) or ACRONYM.match(name) or lowered & PLACE_WORDS:
        return "organization"
    if len(words) > 1 and words[-1].lower() in WORLD_REGIONS | FIRM_ENDINGS:
        # "Greenpeace Africa", "Oxfam Asia": a body's regional office; "Pacific Diesel Services": a firm
        return "organization"
    if len(words) > 1 and any(len(w) >= 3 and w.isalpha() and w.isupper() and w not in ROMAN for w in words):
        return "organization"  # "TAFE Directors Australia", "AMCHAM Korea": an acronym inside, no person's name
    if INITIALLED.fullmatch(name):
        return "person"  # "N.Otgonbayar", "Ts.Batsaikhan": a Mongolian name after its initial
    if name.endswith("s") and name[:-1] in countries()[1]:
        return "commentators"  # "South Africans", "Kenyans": a country's people, no "he" or "she"
    first = words[0].lower() if words else ""
    if len(words) > 1 and (_plural_of_body(first) or first in HUMAN_PLURALS or first in PLURAL_BODY_OPENERS):
        return "organization"  # "Colleges Ontario", "Universities Canada", "Farmers for Climate Action"
    if len(words) > 1 and first in PARTY_NAME_OPENERS:
        return "organization"  # "New Left", "Civic Platform", "Free Democrats": no person's name opens so
    while len(words) > 4 and words[0].lower().strip(".") in TITLE_WORDS:
        words = words[1:]  # "Paramount Chief Clement Yokwe Ladu": the titles before a name are no part of it
    if 2 <= len(words) <= 4 and all(
        w[:1].isupper()
        or HYPHENED_PARTICLE.match(w)
        or w.lower() in ("de", "van", "von", "al", "bin", "da", "dos", "del", "la", "le", "du")
        for w in words
    ):
        return "person"
    return default


ROMAN = frozenset({"III", "VII", "VIII", "XIV", "XVI"})
NAME_WORD = re.compile(r"[A-Z]{2,}\([A-Z]{1,2}\)|[\w'’.\-&]+")  # "CPI(M)" is one word
INITIALLED = re.compile(r"[A-Z][a-z]{0,2}\.[A-Z][a-z]{3,}")
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


def is_human_plural(word: str) -> bool:
    """Does a plural noun name people, or bodies that speak ("distribution companies", "banks",
    "universities"), rather than things?"""
    if word in COLLECTIVE_WORDS or word in ("ngos", "mps", "meps", "councillors", "backbenchers", "residents"):
        return True
    if word in HUMAN_PLURALS:
        return True
    if word in NOT_HUMAN_PLURALS:
        return False
    return word.endswith(HUMAN_SUFFIXES) or _plural_of_body(word)


def _plural_of_body(word: str) -> bool:
    singulars = {word[:-1]} | ({word[:-3] + "y"} if word.endswith("ies") else set())
    singulars |= {word[:-2]} if word.endswith(("ches", "shes", "sses", "xes")) else set()
    return word.endswith("s") and bool(singulars & GROUP_NOUNS)


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
