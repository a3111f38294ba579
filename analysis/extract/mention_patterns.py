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


@functools.cache
def generic_patterns() -> dict[str, re.Pattern]:
    names, demonyms, capitals = countries()
    country_names = alternation(n for n in names if len(n) > 3 and "," not in n)
    return {
        "titled": re.compile(
            rf"(?=[A-Z])\b(?:(?:{alternation(demonyms)}|{country_names})(?:[’']s)?\s+)?"
            # "Economy, Trade and Industry Minister Yoko Hirabayashi": a title's list of portfolios
            r"(?:(?:[A-Z][a-z]+,\s+)+[A-Z][a-z]+\s+and\s+[A-Z][a-z]+\s+(?=(?:Minister|Secretary)\b))?"
            # "Governor Ts.Batsaikhan": a Mongolian name's initial, joined to it by a full stop
            rf"(?:(?:{TITLES})\s+)+((?:[A-Z][a-z]?\.(?=[A-Z][a-z]))?(?:{NAME_WORD}\s+){{0,4}}"
            rf"(?:{CAPITAL}|(?:al|el)-{CAPITAL})[\w'’\-]+)"
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
            rf"\b(?:[Ii]n|[Ff]rom)\s+({alternation(capitals)}),\s+(the\s+(?:[\w\-]+\s+){{0,2}}?(?:{GOVERNMENT_NOUNS}))\b"
        ),
        "located_in_country": re.compile(
            rf"\b(?:[Ii]n|[Ff]rom)\s+({country_names}),\s+(the\s+(?:[\w\-]+\s+){{0,2}}?(?:{GOVERNMENT_NOUNS}))\b"
        ),
        "country": re.compile(rf"(?<![\w-])({country_names})(?![\w-])"),
        "capital": re.compile(rf"(?<![\w-])({alternation(capitals)})(?![\w-])"),
        "organisation": re.compile(
            rf"\b(?:the\s+)?((?:[A-Z][\w'’.\-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?)"
            rf"{{0,5}}(?:{ORG_HEADS})s?(?![\w-])"
            # "Ministry of Foreign Affairs and International Cooperation": "International" opens a name's tail
            rf"(?:(?<=International)(?:\s+(?!{CALENDAR}|(?:{TITLES})\b)[A-Z][\w'’\-]*){{1,2}})?"
            # "Chamber of Commerce, Enterprise and Industry": the portfolios listed after the head's own "of"
            rf"(?:(?<=Commerce)(?:,\s+(?:{CHAMBER_PORTFOLIOS}))*\s+(?:and|&)\s+(?:{CHAMBER_PORTFOLIOS}))?"
            rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?"
            # "Ministry of Agriculture, Food and Agribusiness": a comma inside the name's list of portfolios
            rf"(?:(?!{CALENDAR})[A-Z][\w'’\-]*(?:,(?=\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?(?:,|\s+and\s+[A-Z])))?"
            rf"(?:\s+(?:and|&)(?=\s+[A-Z]))?\s*){{1,6}}"
            # "Secretariat of State for Vocational Training and Employment Policy": a second part, after "for"
            rf"(?:(?<=[a-z\s])\bfor\s+(?:the\s+)?(?:(?!{CALENDAR})[A-Z][\w'’\-]*(?:\s+(?:and|&)(?=\s+[A-Z]))?\s*){{1,4}})?)?)"
        ),
        "collective": re.compile(
            rf"\b(?<![\w-])((?:(?:{QUALIFIERS})\s+){{0,3}}(?:{COLLECTIVE_NOUNS})"
            rf"(?:\s+of\s+the\s+[a-z]+)?)(?![\w-])",
            re.IGNORECASE,
        ),
        # "Passenger organisations", "Civil rights organizations", "Union members", "student unions"
        "collective_generic": re.compile(
            r"(?<![\w-])((?:(?!(?:including|and|or|of|the|with|from|for|by|to|"
            r"among|other|its|their|his|her)\s)[A-Za-z][a-z\-]+\s+){1,2}"
            r"(?:groups|organisations|"
            r"organizations|associations|members|charities|unions|campaigners|"
            r"advocates|federations))(?![\w-])"
        ),
        "org_lower": re.compile(
            r"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+((?:[a-z]+[\s-]){0,2}(?:union|unions|association|"
            r"federation|alliance|coalition|charity|NGO|think tank|lobby group|trade body|"
            r"industry body|watchdog|regulator))(?![\w-])"
        ),
    }
