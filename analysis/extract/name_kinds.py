"""What kind of actor a name is, read from its words alone: a body ("Lagos Chamber of Commerce", "Conseil du
Café-Cacao", "Pacific Diesel Services"), a person ("Clement Yokwe Ladu"), or a country's people ("Kenyans"); and
whether a plural noun names people or bodies that speak ("families", "banks") rather than things. `names.py`
re-exports these for the namer."""

from __future__ import annotations

import re

from analysis.extract import actors as actor_finder
from analysis.extract.country_regex import countries
from analysis.extract.given_names import HYPHENED_PARTICLE, is_given_name
from analysis.extract.introductions import patronymic_link
from analysis.extract.vocabulary import GROUP_NOUNS, NOT_HUMAN_PLURALS, words

TITLE_WORDS = actor_finder.TITLE_WORDS
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
# the peoples of places the country table has no row for: "Manx Care", "Welsh Water" are bodies
REGIONAL_DEMONYMS = words(
    "basque bavarian bermudian breton catalan cornish corsican english faroese flemish greenlandic kurdish manx "
    "sardinian scottish sicilian tamil tibetan welsh zanzibari"
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
    # Catalan's and Italian's ("Confederació Empresarial Andorrana", "Unione Sammarinese dei Lavoratori")
    | {"confederació", "federació", "unió", "unión", "sindicat", "associació", "col·legi", "cambra", "consell"}
    | {"partit", "moviment", "fundació", "comissió", "agència", "societat", "universitat", "confederazione"}
    | {"federazione", "unione", "sindacato", "associazione", "camera", "consiglio", "partito", "fondazione"}
    | {"istituto", "società", "commissione", "comitato", "ordine", "organizzazione", "università", "agenzia"}
    | {"collegio"}
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
    | {"deans", "principals", "justices", "magistrates", "clerics", "rabbis", "mullahs", "veterans", "victims"}
    | {"entrepreneurs", "nomads", "pilots", "architects", "athletes", "pupils", "artisans", "craftsmen"}
)
# words that open parties' names and never a person's ("Christian" and "Green" do both)
PARTY_NAME_OPENERS = frozenset(
    {"new", "democratic", "popular", "national", "social", "socialist", "liberal", "civic", "free", "united"}
    | {"progressive", "radical", "patriotic", "renew", "left", "labour", "labor", "conservative", "republican"}
    | {"traditional", "unionist", "nationalist", "people", "alternative", "freedom", "solidarity", "forward"}
)
# the plurals a party's name ends with, which no person's name ends with ("the Gibraltar Social Democrats")
PARTY_NAME_ENDINGS = frozenset(
    {"democrats", "republicans", "liberals", "greens", "socialists", "conservatives", "nationalists"}
    | {"unionists", "progressives", "patriots", "communists", "libertarians", "radicals"}
)
SCHOOL_ENDINGS = frozenset({"primary", "secondary"})
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
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")
ROMAN = frozenset({"III", "VII", "VIII", "XIV", "XVI"})
INITIALLED = re.compile(r"[A-Z][a-z]{0,2}\.[A-Z][a-z]{3,}")


def kind_of_name(name: str, *, default: str) -> str:
    words = name.split()
    lowered = {w.lower().strip(".,") for w in words}
    if is_body_name(name) or ACRONYM.match(name) or lowered & PLACE_WORDS:
        return "organization"
    if _closed_as_a_body(words):
        return "organization"
    acronyms = [i for i, w in enumerate(words) if _acronym(w)]
    if len(words) > 1 and acronyms and not _titled_person(words[acronyms[-1] + 1 :]):
        return "organization"  # "TAFE Directors Australia", "AMCHAM Korea": an acronym inside, no person's name
    if _opened_by_a_peoples_adjective(words):
        return "organization"  # "British Gas", "Irish Water", "Manx Care"
    if INITIALLED.fullmatch(name):
        return "person"  # "N.Otgonbayar", "Ts.Batsaikhan": a Mongolian name after its initial
    if name.endswith("s") and name[:-1] in countries()[1]:
        return "commentators"  # "South Africans", "Kenyans": a country's people, no "he" or "she"
    first = words[0].lower() if words else ""
    if len(words) > 1 and (_plural_of_body(first) or first in HUMAN_PLURALS or first in PLURAL_BODY_OPENERS):
        return "organization"  # "Colleges Ontario", "Universities Canada", "Farmers for Climate Action"
    if len(words) > 1 and first in PARTY_NAME_OPENERS:
        return "organization"  # "New Left", "Civic Platform", "Free Democrats": no person's name opens so
    words = _without_titles(_own_names(words))
    if 2 <= len(words) <= 4 and all(
        w[:1].isupper()
        or HYPHENED_PARTICLE.match(w)
        or w.lower() in ("de", "van", "von", "al", "bin", "da", "dos", "del", "la", "le", "du")
        for w in words
    ):
        return "person"
    return default


def _closed_as_a_body(words: list[str]) -> bool:
    """'Greenpeace Africa', 'Oxfam Asia': a body's regional office; 'Pacific Diesel Services': a firm; 'Gibraltar
    Social Democrats': a party; 'Nhlangano Central Primary': a school; 'Ekalesia Kelisiano Tuvalu': a national
    body, its capitalised words closed by a country's name that is no one's name too ("Holland", "Jordan")."""
    last = words[-1] if words else ""
    if len(words) > 1 and last.lower() in WORLD_REGIONS | FIRM_ENDINGS | PARTY_NAME_ENDINGS | SCHOOL_ENDINGS:
        return True
    return (
        len(words) > 1
        and all(w[:1].isupper() for w in words)
        and last in countries()[0]
        and not is_given_name(last)
        and last not in SURNAMES_OF_COUNTRIES
    )


SURNAMES_OF_COUNTRIES = frozenset({"England", "Wales", "Ireland", "Holland", "France", "Israel", "Jordan", "Chad"})


def _acronym(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word.isupper() and word not in ROMAN


def _titled_person(after_acronym: list[str]) -> bool:
    """'Douglas South MHK Moira Kissack': a given name and a surname after an acronym that is a title."""
    return len(after_acronym) >= 2 and is_given_name(after_acronym[0]) and after_acronym[-1][:1].isupper()


def _opened_by_a_peoples_adjective(words: list[str]) -> bool:
    """A people's adjective opens no person's name, but may open a title before one ("French President
    Emmanuel Macron")."""
    if len(words) < 2 or not (words[0] in countries()[1] or words[0].lower() in REGIONAL_DEMONYMS):
        return False
    if is_human_plural(words[-1].lower()) and not _plural_of_body(words[-1].lower()):
        return False  # "Italian MEPs", "Portuguese Psychologists": a people's group, read as such elsewhere
    return not any(w.lower().strip(".") in TITLE_WORDS or is_given_name(w) for w in words[1:])


def _without_titles(words: list[str]) -> list[str]:
    """'Paramount Chief Clement Yokwe Ladu', 'Kenya Health Minister Susan Nakhumicha': the titles (and a place
    before them) before a long name are no part of it."""
    while len(words) > 4 and words[0].lower().strip(".") in TITLE_WORDS:
        words = words[1:]
    titles = [
        i
        for i, w in enumerate(words[:-2])
        if w.lower().strip(".") in TITLE_WORDS | {"officer"} or (_acronym(w) and _titled_person(words[i + 1 :]))
    ]
    return words[titles[-1] + 1 :] if len(words) > 4 and titles else words


def _own_names(words: list[str]) -> list[str]:
    """'Dayang Hajah Siti Mariam binti Haji Yakub': her own names, before her father's, when they are a name of
    two words or more (`introductions.patronymic_link`)."""
    link = patronymic_link(words)
    return words[:link] if link is not None and link >= 2 else words


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
