"""The generic patterns `mentions` reads a text with: titled people, people after their role, governments by
metonym, demonym, possessive or capital, places, named bodies and vague collectives, built from the
gazetteer's word lists and the country table."""

from __future__ import annotations

import functools
import re

from analysis.extract.actors import (
    CALENDAR,
    CAPITAL,
    CHAMBER_PORTFOLIOS,
    COLLECTIVE_NOUNS,
    GOVERNMENT_NOUNS,
    NAME_WORD,
    ORG_HEADS,
    QUALIFIERS,
    ROLE_NOUNS,
    TITLES,
)
from analysis.extract.country_regex import alternation, countries
from analysis.extract.names import AIMING_HEADS

AIMING_LOOKBEHIND = "|".join(f"(?<={head})" for head in sorted(AIMING_HEADS))

# words after a quantifier that are no part of a group's name ("some of the", "several said")
NOT_A_GROUP_WORD = (
    "of|the|a|an|and|or|in|on|at|from|to|for|with|by|as|said|say|says|told|were|are|was|is|have|has|had|"
    "who|which|that|their|its|his|her|our|these|those|such|more|less|than"
)
# "a move unions say will …", "a step rights groups warned …": the news a group speaks of, no part of its name
NEWS_NOUNS = "move|step|measure|decision"
# "In Dhaka, the foreign ministry", "From Beijing, the foreign ministry"; not "the criticism from Stockholm, the
# minister", where "from" hangs on a noun and the minister is the sentence's own
LOCATED_IN = r"(?:\b[Ii]n|\bFrom|(?:(?<=, )|(?<=^))from)"
PLACE_NOUNS = "town|city|district|village|region|area|centre|center|quarter|province|county|state|ward|constituency"

ROMANCE_HEADS = (
    "Confédération|Ligue|Association|Conseil|Syndicat|Groupement|Union|Fédération|Collectif|Mouvement|Parti|"
    "Rassemblement|Comité|Chambre|Ordre|Coordination|Observatoire|Réseau|Société|Institut|Agence|Autorité|"
    "Ministère|Front|Alliance|Organisation|Secrétariat|Conférence|Plateforme|Regroupement|Cellule|Coopérative|"
    "Caisse|Compagnie|Assemblée|Sindicato|Confederación|Confederação|Asociación|Associação|Colegio|Cámara|"
    "Câmara|Consejo|Conselho|Federación|Federação|Frente|Movimiento|Movimento|Partido|Unión|Coordinadora|"
    "Cooperativa|Comisión|Comissão|Instituto|Ministerio|Ministério|Fundación|Fundação|Colectivo|Alianza|Liga"
)
ROMANCE_LITTLE = (
    "de|des|du|la|le|les|et|pour|sans|contre|avec|sous|entre|au|aux|à|sur|del|los|las|y|da|dos|das|para|por|contra"
    "|sin|em"
)
# endings no English word after a body's name has: "nigérienne", "togolaise", "nationaux", "catholique"
ROMANCE_ADJECTIVE = (
    r"(?!(?:general|federal|regional|local|legal|total|central|rural|natural)\b)[a-zà-ÿ][\w\-]*(?:aises?|ais|oises?|ois|iennes?|iens?|éen(?:ne)?s?|aux|iques?|elles?|antes?|ants|ée?s?|é|"
    r"ives?|aires?|euses?|ales|ale|onomes?|ères?|coles?|iers|ières?|istes?|anos?|anas?|enses?|istas?|ados?|adas?|aines?|ains|nal|nel|rale|rales|ral)(?![\w\-])"
)


@functools.cache
def generic_patterns() -> dict[str, re.Pattern]:
    names, demonyms, capitals = countries()
    country_names = alternation(n for n in names if len(n) > 3 and "," not in n)
    # the collective pattern is tried at every word: as prefix trees, its word lists cost a few letters' tests there
    counted = [word for word in QUALIFIERS.split("|") if "\\d" in word]
    quantifiers = [word.replace("\\.", ".") for word in QUALIFIERS.split("|") if "\\d" not in word]
    qualifiers = "|".join([alternation(quantifiers), *counted])
    collective_nouns = alternation(COLLECTIVE_NOUNS.split("|"))
    return {
        "titled": re.compile(
            rf"(?=[A-Z])\b(?:(?:{alternation(demonyms)}|{country_names})(?:[’']s)?\s+)?"
            # "Economy, Trade and Industry Minister Yoko Hirabayashi": a title's list of portfolios
            r"(?:(?:[A-Z][a-z]+,\s+)+[A-Z][a-z]+\s+and\s+[A-Z][a-z]+\s+(?=(?:Minister|Secretary)\b))?"
            # "Governor Ts.Batsaikhan": a Mongolian name's initial, joined to it by a full stop; "Law Minister
            # H.S. Manjunath": a South Indian name's initials before it
            rf"(?:(?:{TITLES})\s+)+((?:[A-Z][a-z]?\.(?=[A-Z][a-z]))?(?:(?:[A-Z]\.){{1,3}}\s+(?=[A-Z][a-z]))?"
            rf"(?:{NAME_WORD}\s+){{0,4}}"
            # the last word without a possessive's "’s" ("Minister John Smith's office")
            rf"(?:{CAPITAL}|(?:al|el)-{CAPITAL})(?:[\w'’\-]*[\w\-])?(?<!['’]s)(?:(?![\w'’\-])|(?=['’]s\b)))"
        ),
        # "Minister of State for Media Affairs Bassam Zoubi told", "Assistant Undersecretary for Financial Policy
        # at the Finance Ministry Mariam Al Khaja said": a title's portfolio runs on to the name, the last two
        # capitalised words (with a particle between) before the verb or the comma, never after "and" or a comma;
        # `portfolios.after_portfolio` finds a longer name among them
        "portfolio_titled": re.compile(
            r"\b(?:(?:Assistant|Deputy|Acting|Senior|Principal|Permanent)\s+)?"
            r"(?:Minister(?:\s+of\s+State)?|Secretary(?:\s+of\s+State)?|Under-?[Ss]ecretary|State\s+Secretary|"
            r"Commissioner|Director(?:-General)?|Chairman|Chairwoman|Chair)"
            # the portfolio's words, joined by commas or connectives; its last word stands right before the name
            rf"\s+(?:of|for)\s+(?:the\s+)?(?P<portfolio>(?:{CAPITAL}[\w'’\-]*(?:,\s+|\s+(?:(?:and|&|of|for|at|the|in)\s+)*)){{0,8}}?"
            rf"{CAPITAL}[\w'’\-]*\s+"
            rf"(?P<name>{CAPITAL}[\w'’\-]+\s+(?:(?:Al|El|al|el|bin|bint|ibn|Abu|abu|de|da|van|von|del|dos|du)\s+)?"
            rf"{CAPITAL}[\w'’\-]+))(?=\s+[a-z]|\s*[,(;:])"
        ),
        # "the union's regional secretary, Dave Kerrigan," / "Kenya's lead negotiator, Dr. Wanjiru Otieno,"
        "appositive": re.compile(
            rf"\b({ROLE_NOUNS})\s*,\s*((?:(?:{TITLES})\s+)*"
            rf"[A-Z][\w'’\-]+(?:\s+{NAME_WORD}){{0,2}}\s+[A-Z][\w'’\-]+)\s*(?=,)"
        ),
        # "Moscow's envoy", "China's commerce ministry", "Beijing's trade negotiators"
        "capital_possessive": re.compile(
            rf"\b({alternation(capitals)})[’']s\s+(?:\w+\s+)?"
            rf"(?:{GOVERNMENT_NOUNS}|envoy|ambassador|representative)\b"
        ),
        "metonym": re.compile(
            r"\b(?:the\s+)?(White House|Kremlin|Pentagon|State Department|Downing Street|"
            r"Whitehall|Élysée|Elysee|Quai d’Orsay|Bundestag|Duma)\b"
        ),
        "government_demonym": re.compile(rf"\b(?:the\s+)?({alternation(demonyms)})\s+(?:{GOVERNMENT_NOUNS})\b"),
        "government_possessive": re.compile(rf"\b({country_names})[’']s\s+(?:\w+\s+)?(?:{GOVERNMENT_NOUNS})\b"),
        "government_of": re.compile(
            rf"\b[Tt]he\s+(?:\w+\s+)?(?:government|authorities|administration|foreign ministry|"
            rf"ministry|presidency|regime)\s+(?:of|in)\s+(?:the\s+)?({country_names})\b"
        ),
        "government_in_capital": re.compile(
            rf"\b[Tt]he\s+(?:\w+\s+)?(?:government|authorities|administration|"
            rf"presidency|regime)\s+in\s+({alternation(capitals)})\b"
        ),
        # "In Moscow, the agriculture ministry said": the ministry of the capital or country the sentence opens in
        "located_in_capital": re.compile(
            rf"{LOCATED_IN}\s+({alternation(capitals)}),\s+(the\s+(?:[\w\-]+\s+){{0,2}}?(?:{GOVERNMENT_NOUNS}))\b"
        ),
        "located_in_country": re.compile(
            rf"{LOCATED_IN}\s+({country_names}),\s+(the\s+(?:[\w\-]+\s+){{0,2}}?(?:{GOVERNMENT_NOUNS}))\b"
        ),
        "country": re.compile(rf"(?<![\w-])({country_names})(?![\w-])"),
        "capital": re.compile(rf"(?<![\w-])({alternation(capitals)})(?![\w-])"),
        "organisation": re.compile(
            # "Greens and the Pirate Party": after "and", "the" opens a second name
            # not a round-up's heading before it ("FINANCE. The Ministry of Finance, …")
            rf"\b(?:the\s+)?((?:(?![A-Z]{{3,}}\.\s)[A-Z][\w'’.\-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?|and\s+(?!the\s))?)"
            rf"{{0,5}}(?:{ORG_HEADS})s?(?![\w-])"
            # "People’s Movement to Stop Haze", "Campaign to Protect Rural England": a body named by its aim
            rf"(?:(?:{AIMING_LOOKBEHIND})\s+to(?:\s+[A-Z][\w'’\-]*){{1,4}})?"
            # "Ministry of Foreign Affairs and International Cooperation": "International" opens a name's tail
            rf"(?:(?<=International)(?:\s+(?!{CALENDAR}|(?:{TITLES})\b)[A-Z][\w'’\-]*){{1,2}})?"
            # "Chamber of Commerce, Enterprise and Industry": the portfolios listed after the head's own "of"
            rf"(?:(?<=Commerce)(?:,\s+(?:{CHAMBER_PORTFOLIOS}))*\s+(?:and|&)\s+(?:{CHAMBER_PORTFOLIOS}))?"
            rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?"
            # "Ministry of Agriculture, Food and Agribusiness": a comma inside the name's list of portfolios
            rf"(?:(?!{CALENDAR})[A-Z][\w'’\-]*(?:,(?=\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?(?:,|\s+and\s+[A-Z])))?"
            rf"(?:\s+(?:and|&)(?=\s+[A-Z]))?\s*){{1,9}}"
            # "Secretariat of State for Vocational Training and Employment Policy": a second part, after "for"
            rf"(?:(?<=[a-z\s])\bfor\s+(?:the\s+)?(?:(?!{CALENDAR})[A-Z][\w'’\-]*(?:\s+(?:and|&)(?=\s+[A-Z]))?\s*){{1,4}})?)?)"
        ),
        # "Confédération nigérienne du travail", "Ligue togolaise des droits de l'homme", "Sindicato nacional de
        # trabajadores": a French, Spanish or Portuguese body's name in lower case after its head word; it runs
        # on through the language's little words and the word after each, and its adjectives
        "romance_body": re.compile(
            rf"\b((?:{ROMANCE_HEADS})(?:\s+{ROMANCE_ADJECTIVE}|\s+{CAPITAL}[\w\-’']*)*"
            rf"(?:(?:\s+(?:{ROMANCE_LITTLE})(?=\s))+\s+(?:[dl][’'])?[\w\-’']+(?:\s+{ROMANCE_ADJECTIVE}|\s+{CAPITAL}[\w\-’']*)*"
            rf"|\s+[dl][’'][\w\-’']+)*)(?![\w’'\-])"
        ),
        "collective": re.compile(
            # "Some coastal MPs", "several Tanga MPs": after a quantifier, a word of the group's own
            rf"\b(?<![\w-])((?:(?:(?:{qualifiers})\s+){{1,3}}(?:(?!(?:{NOT_A_GROUP_WORD})\b)[\w’'\-]+\s+)?)?"
            rf"(?:{collective_nouns})"
            # "Several MPs from Puntland and Jubaland", "some residents of the old town": where they are from
            rf"(?:\s+of\s+the\s+[a-z]+(?:\s+(?:{PLACE_NOUNS}))?"
            rf"|(?-i:\s+(?:from|in)\s+(?:the\s+)?[A-Z][\w’'\-]+(?:(?:\s+and\s+|\s+)[A-Z][\w’'\-]+){{0,3}}"
            rf"(?:\s+(?:{PLACE_NOUNS})s?)?))?)(?![\w-])",
            re.IGNORECASE,
        ),
        # "Passenger organisations", "Civil rights organizations", "Union members", "student unions"
        "collective_generic": re.compile(
            # not "Kinvig told members": a speaker and a verb of speech are no part of a group's name
            r"(?<![\w-])((?:(?!(?:including|and|or|of|the|with|from|for|by|to|said|says|told|tells|urged|urges|"
            r"asked|asks|warned|warns|reminded|reminds|assured|assures|thanked|thanks|briefed|briefs|addressed|"
            rf"addresses|among|other|its|their|his|her|{NEWS_NOUNS})\s)[A-Za-z][a-z\-]+\s+){{1,2}}"
            r"(?:groups|organisations|"
            r"organizations|associations|members|charities|unions|campaigners|"
            r"advocates|federations))(?![\w-])"
        ),
        "org_lower": re.compile(
            # not "an invitation the coalition said it would accept": a second article opens another phrase
            rf"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+((?:(?!(?:{NEWS_NOUNS}|the|an?|its|their)\s)[a-z]+[\s-]){{0,2}}(?:union|unions|"
            r"association|"
            r"federation|alliance|coalition|charity|NGO|think tank|lobby group|trade body|"
            r"industry body|watchdog|regulator))(?![\w-])"
        ),
    }
