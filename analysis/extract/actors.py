"""The gazetteer: the actors the extractor knows (by name, alias and near match) and the word lists for
titles, bodies and collectives. `mention_patterns` builds the generic patterns from those lists and
`mentions` uses both to find the actors a stretch of text names."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, process

from analysis.data.schema import slug
from analysis.extract.country_regex import alternation, countries

TITLES = (
    "Prime Minister|Deputy Prime Minister|Foreign Minister|Foreign Secretary|Home Secretary|Defence Secretary|"
    "Defense Secretary|Secretary of State|Secretary-General|Secretary General|Secretary|Minister|"
    "President|Vice President|Vice-President|Chancellor|Senator|Sen\\.|Representative|Rep\\.|Congressman|"
    "Congresswoman|Governor|Gov\\.|Mayor|Deputy Mayor|Council member|Councilmember|Councillor|Councilor|"
    "Dr\\.|Dr|Professor|Prof\\.|General|Gen\\.|Admiral|Ambassador|Envoy|Commissioner|Chairman|Chairwoman|"
    "Chair|Chief Executive|CEO|Director|Director-General|Spokesperson|Spokesman|Spokeswoman|Judge|Justice|"
    "King|Queen|Prince|Pope|Speaker|Premier|Leader|Minority Leader|Majority Leader|Economy Minister|"
    "Finance Minister|Health Minister|Trade Minister|Defence Minister|Defense Minister|Interior Minister|"
    "Trade Representative|Trade Commissioner|Labour Minister|Labor Minister|Environment Minister|"
    "Transport Minister|Energy Minister|Climate Minister|Health Secretary|Commerce Secretary|Treasury Secretary|"
    "Colonel|Col\\.|Major|Captain|Capt\\.|Lieutenant|Lt\\.|Sergeant|Commander|Brigadier|Field Marshal|Marshal|"
    "Sheikh|Archbishop|Bishop|Cardinal|Rabbi|Imam|Mr\\.?|Mrs\\.?|Ms\\.?|Lord|Lady|Sir|Dame|"
    "MP|MEP|MCA|MLA|MSP|MPP|MNA|TD|Deputy|Supervisor|Alderman|Alderwoman|Assemblyman|Assemblywoman|Lawmaker|"
    "Legislator|Cllr\\.?|Cllrs|Cr\\.?|Crs|Superintendent|Paramount Chief|"
    # Malay honorifics (Brunei, Malaysia): "Dato Seri Setia Awang Haji Rosli", then "Haji Rosli" (not "Yang" or
    # "Tan", Chinese surnames too)
    "Dato|Datuk|Datin|Pehin|Haji|Hajah|Hajjah|Awang|Dayang|Encik|Puan"
)
TITLE_WORDS = frozenset(w.lower().rstrip(".") for t in TITLES.replace("\\", "").split("|") for w in t.split())
ROLE_NOUNS = (
    "leader|chair|chairman|chairwoman|chairperson|director|director general|director-general|secretary|"
    "general secretary|regional secretary|spokesman|spokeswoman|spokesperson|president|vice president|minister|"
    "negotiator|lead negotiator|chief negotiator|commissioner|climate commissioner|envoy|ambassador|head|chief|"
    "founder|co-founder|economist|chief economist|analyst|official|executive|chief executive|CEO|boss|"
    "representative|coordinator|campaigner|adviser|advisor|governor|mayor|member|secretary-general"
)
# a capital letter of the Latin alphabets: "Ärlig", "Ó Móráin", "Þórdís", "Łukasz" as well as "Lindqvist"
CAPITAL = "[A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper() and chr(c).isalpha()) + "]"
NAME_WORD = (
    rf"(?:{CAPITAL}[\w'’\-]*|(?:al|el)-{CAPITAL}[\w'’\-]*|"
    rf"(?:de|da|van|von|al|bin|binti|binte|ibn|bint|abu|la|le|del|dos|du|ab|ap)(?=\s+{CAPITAL}))"
)
ORG_HEADS = (
    "Ministry|Council|Commission|Union|Chamber of Commerce|Party|Agency|Department|Bank|Fund|Organisation|"
    "Organization|Association|Federation|Institute|Court|Parliament|Congress|Senate|Assembly|Committee|"
    "Coalition|Alliance|Forum|Group|Office|Authority|Board|Secretariat|Foundation|Network|Confederation|"
    "Chamber|Cabinet|Police|Army|Navy|Guard|Corporation|Company|Society|League|Movement|Front|Watch|"
    "International|Institution|Centre|Center|University|Academy|Consortium|Caucus|Trust|Programme|Program|"
    "Bureau|Directorate|Inspectorate|Tribunal|Observatory|Institut|Bloc|Conference|Syndicate|Delegation|Embassy|"
    "Initiative|Mission|Partnership|Collective|Campaign"
)
CHAMBER_PORTFOLIOS = (
    "Industry|Industries|Enterprise|Agriculture|Trade|Crafts|Handicrafts|Services|Tourism|Shipping|Navigation|"
    "Mines|Mining|Investment|Commerce|Technology"
)
COLLECTIVE_NOUNS = (
    "lawmakers|legislators|MPs|senators|congressmen|Democrats|Republicans|critics|analysts|supporters|"
    "opponents|economists|experts|officials|diplomats|activists|campaigners|environmentalists|residents|"
    "protesters|protestors|farmers|workers|unions|trade unions|employers|investors|traders|business groups|"
    "business leaders|businesses|aid organisations|aid organizations|aid groups|aid agencies|"
    "humanitarian groups|humanitarian organisations|humanitarian organizations|human rights groups|"
    "rights groups|rights activists|NGOs|scientists|researchers|doctors|nurses|health experts|"
    "public health experts|teachers|parents|observers|commentators|industry groups|manufacturers|"
    "exporters|importers|environmental groups|civil society groups|religious leaders|opposition leaders|"
    "opposition parties|opposition figures|leaders|governments|member states|countries|nations|allies|"
    "neighbours|neighbors|donors|consumer groups|retailers|shopkeepers|drivers|commuters|passengers|"
    "patients|students|voters|citizens|locals|tech companies|technology companies|start-ups|startups|"
    "developers|civil liberties groups|privacy advocates|advocates|campaign groups|medical associations|"
    "health campaigners|industry leaders|insiders|sources|delegates|negotiators|regulators|ministers|"
    "deputies|peers|backbenchers|lawyers|judges|landlords|tenants|fishermen|miners|vendors|growers|producers|"
    "mayors|governors|academics|pensioners|consumers|shoppers|truckers|hauliers|insurers|churches|bishops|"
    "charities|couriers|motorists|cyclists|airlines|cruise lines|shipping lines|hoteliers|lenders|banks|"
    "broadcasters|publishers|pharmacists|dentists|midwives|physicians|"
    "fishers|mills|carmakers|automakers|steelmakers|young people|communities"
)
QUALIFIERS = (
    "some|several|many|most|few|a few|a number of|a group of|a handful of|scores of|other|others|leading|"
    "prominent|independent|"
    "senior|local|foreign|international|western|Western|European|African|Asian|Arab|Latin American|"
    "Republican|Democratic|Conservative|Labour|Labor|Liberal|Green|opposition|ruling|US|U\\.S\\.|American|"
    "British|French|German|Chinese|Russian|Indian|EU|European Union|UN|U\\.N\\.|top|key|major|small|"
    "large|big|rival|regional|national|federal|state|city|municipal|government|party|moderate|hardline|"
    "progressive|more than \\d+|dozens of|hundreds of|thousands of|two|three|four|five|\\d+"
)
GOVERNMENT_NOUNS = (
    "government|administration|officials|authorities|ministry|foreign ministry|commerce ministry|"
    "trade ministry|defence ministry|defense ministry|finance ministry|health ministry|president|leader|"
    "leaders|diplomats|negotiators|delegation|regulators|cabinet|embassy|military|army|lawmakers|"
    "parliament|prime minister|foreign minister|state media|state television|spokesperson|spokesman|spokeswoman|"
    "spokespeople|minister|ministers|ministries|presidency|trade representative|agriculture ministry|"
    "economy ministry|interior ministry|labour ministry|labor ministry|transport ministry|energy ministry|"
    "environment ministry|justice ministry|education ministry|shipping ministry|fisheries ministry|"
    "envoy|ambassador|representative|negotiator"
)
CALENDAR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b"
)
LOCATION_PREPOSITIONS = {
    "in",
    "at",
    "from",
    "to",
    "near",
    "outside",
    "across",
    "into",
    "between",
    "via",
    "through",
    "toward",
    "towards",
    "around",
    "of",
    "on",
    "over",
    "against",
    "with",
}
# A capital that is also the seat of a bloc stands for the bloc when the text is about the bloc: "Brussels has
# blocked national rules" in a story about the EU is the EU, not Belgium.
SEATS_OF_BLOCS = {
    "Brussels": (re.compile(r"\b(?:EU|European (?:Union|Commission|Parliament|Council))\b"), "European Union"),
}
PRONOUN_PERSON = re.compile(r"^(?:he|she)\b", re.IGNORECASE)
PRONOUN_GROUP = re.compile(r"^(?:they|it)\b", re.IGNORECASE)
BACK_REFERENCE = re.compile(
    r"^the\s+(?:group|ministry|union|council|commission|organi[sz]ation|agency|"
    r"association|federation|party|committee|coalition|alliance|bank|department|"
    r"government|company|chamber|body|bloc|campaign)\b(?:[’']s\s+\w+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Actor:
    """Who a mention refers to: a known actor (actor_id set) or a new one proposed from the text."""

    name: str
    actor_id: str = ""
    kind: str = "organization"
    country: str = ""
    bloc: str = ""
    aliases: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: Actor


def fold(text: str) -> str:
    """Lower-case and strip accents, one character for one, so offsets still index the original."""
    if text.isascii():  # the common case: NFKD leaves ASCII alone and casefold is lower
        return text.lower()
    return "".join(map(_fold_character, text))


@functools.lru_cache(maxsize=4096)
def _fold_character(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[0]
    low = base.casefold()
    if low == "ı":  # Turkish dotless i: "Yılmaz" and "YILMAZ" are one name
        return "i"
    return low if len(low) == 1 else base


@dataclass(frozen=True)
class ActorIndex:
    """Known actors as one regex over accent-folded, lower-cased text, plus the fuzzy lookup table."""

    pattern: re.Pattern | None
    by_alias: dict[str, Actor]
    by_country: dict[str, Actor]
    alias_keys: tuple[str, ...] = field(init=False, repr=False, compare=False)  # for the fuzzy lookup

    def __post_init__(self):
        # Listed once here, not on each of the many near_match calls a document makes.
        object.__setattr__(self, "alias_keys", tuple(self.by_alias))

    @classmethod
    def build(cls, actors: pd.DataFrame | None) -> ActorIndex:
        """The index of an actors table; built once per table content (compiling the alias regex of a few
        hundred actors costs more than extracting from a short document) and shared by every document."""
        return _index_of(actor_rows(actors))

    @classmethod
    def from_rows(cls, rows: tuple[tuple, ...]) -> ActorIndex:
        """The index of (name, actor_id, kind, country, bloc, aliases) rows, as `actor_rows` gives them."""
        by_alias: dict[str, Actor] = {}
        by_country: dict[str, Actor] = {}
        governments: list[Actor] = []
        for name, actor_id, kind, country, bloc, alias_text in rows:
            aliases = tuple(a for a in str(alias_text or "").split("|") if a)
            actor = Actor(name=name, actor_id=actor_id, kind=kind, country=country or "", bloc=bloc, aliases=aliases)
            for alias in (name, *aliases):
                if len(alias) >= 3 and not re.fullmatch(r"[A-Z]\.?[A-Z]?\.?", alias):
                    by_alias.setdefault(fold(alias), actor)
            if kind == "government" and country:
                governments.append(actor)
        if governments:
            # A country's government is the known actor named after the country or its capital
            # ("Russia", "Washington"), else its first government actor.
            names, _, capitals = countries()
            for actor in governments:
                if any(
                    names.get(a) == actor.country or capitals.get(a) == actor.country
                    for a in (actor.name, *actor.aliases)
                ):
                    by_country.setdefault(actor.country, actor)
            for actor in governments:
                by_country.setdefault(actor.country, actor)
        pattern = None
        if by_alias:
            pattern = re.compile(r"(?<![\w-])(" + alternation(by_alias) + r")(?![\w-])")
        return cls(pattern=pattern, by_alias=by_alias, by_country=by_country)

    def near_match(self, name: str) -> Actor | None:
        """A known actor whose name or alias nearly equals `name` (spelling variants, missing accents)."""
        if not self.by_alias:
            return None
        best = process.extractOne(fold(name), self.alias_keys, scorer=fuzz.ratio, score_cutoff=90)
        return self.by_alias[best[0]] if best else None

    def government(self, code: str, name: str, *, written: str = "") -> Actor:
        """The known government actor of a country, or a new one: named as the text names it ("Tokyo", "the
        Bolivian government", which is how a reader quotes it) when given, with the country's id either way."""
        known = self.by_country.get(code)
        if known is not None:
            return known
        return Actor(name=as_written(written) or name, actor_id=slug(name), kind="government", country=code)


def as_written(words: str) -> str:
    """A name as the text writes it, without its article: "the government in La Paz" -> "Government in La Paz"."""
    words = re.sub(r"^(?:the|The)\s+", "", " ".join(words.split()))
    return words[:1].upper() + words[1:]


ACTOR_COLUMNS = ("name", "actor_id", "kind", "country", "bloc", "aliases")


def actor_rows(actors: pd.DataFrame | None) -> tuple[tuple, ...]:
    """The columns of the actors table the index reads, as hashable rows: the index's cache key."""
    if actors is None or not len(actors):
        return ()
    columns = [actors[c].tolist() if c in actors.columns else [""] * len(actors) for c in ACTOR_COLUMNS]
    return tuple(zip(*columns))


@functools.lru_cache(maxsize=16)
def _index_of(rows: tuple[tuple, ...]) -> ActorIndex:
    return ActorIndex.from_rows(rows)
