"""Finding the actors a stretch of text mentions: the gazetteer's names (`actors.ActorIndex`), titled and
appositive people, governments by metonym, demonym, possessive or capital, places that stand for their
government, named bodies and vague collectives; overlapping mentions resolved longest first, and mentions
joined by commas or "and" grouped."""

from __future__ import annotations

import bisect
import re

from analysis.data.countries import short_names
from analysis.data.schema import slug
from analysis.extract.actors import (
    LOCATION_PREPOSITIONS,
    ORG_HEADS,
    SEATS_OF_BLOCS,
    TITLES,
    Actor,
    ActorIndex,
    Mention,
    fold,
)
from analysis.extract.country_regex import countries
from analysis.extract.mention_patterns import ROMANCE_HEADS, ROMANCE_LITTLE, generic_patterns
from analysis.extract.names import TITLE_WORDS, is_body_name
from analysis.extract.portfolios import PORTFOLIO_WORDS, after_portfolio
from analysis.extract.references import names_a_text
from analysis.extract.vocabulary import MEMBER_NOUNS, NOT_A_NAME, PATRONYMIC_LINKS, SENTENCE_OPENERS

# the first items of a body's list of fields before its head, after "the": "the Culture, Heritage and Tourism
# Bureau" (the organisation pattern stops at a comma, so it reads the list's last two items alone)
LIST_BEFORE_HEAD = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w’'\-]*\s+){0,2}[A-Z][\w’'\-]*,\s+(?:[A-Z][\w’'\-]*,\s+)*)$")


def _country_name(code: str) -> str:
    return short_names().get(code, code)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def find_mentions(text: str, start: int, end: int, index: ActorIndex) -> list[Mention]:
    """Every actor mention in text[start:end], longest first where they overlap, in text order."""
    segment = text[start:end]
    found: list[Mention] = []
    if index.pattern is not None:
        for match in index.pattern.finditer(fold(segment)):
            actor = index.by_alias[match.group(1)]
            if actor.kind == "government" and _names_a_body(segment, match.start()):
                continue
            found.append(Mention(start + match.start(), start + match.end(), actor))
    for finder in (_people, _governments, _places, _bodies):
        found += finder(text, segment, start, index)
    return _longest_first(found)


def _people(text: str, segment: str, start: int, index: ActorIndex) -> list[Mention]:
    """Titled people ("Chancellor X") and people named after their role ("the union's secretary, X,")."""
    patterns, found = generic_patterns(), []
    for match in patterns["titled"].finditer(segment):
        person = match.group(1)
        if PATRONYMIC_BEFORE.search(segment, 0, match.start()):
            continue  # "Siti Mariam binti Haji Yakub": her father, inside her name
        if is_body_name(person):
            # "President Chain Store Corp", "General Motors Corp": a firm whose name opens with a title word
            firm = match.group(0).strip()
            actor = index.near_match(firm) or Actor(name=firm, actor_id=slug(firm), kind="organization")
            found.append(Mention(start + match.start(), start + match.end(), actor))
            continue
        actor = index.near_match(person) or index.near_match(match.group(0))
        if actor is None and names_a_text(match.group(0).strip()):
            continue  # "the General Labour Law", "the General Data Protection Regulation": a text, no one
        actor = actor or Actor(name=match.group(0).strip(), actor_id=slug(person), kind="person")
        found.append(Mention(start + match.start(), start + match.end(), actor))
    for match in patterns["portfolio_titled"].finditer(segment):
        # "Finance and Budget Aminata Ndiaye Sarr": a name the locales know, or the words after the
        # portfolio's own; else its last two ("Media Affairs Bassam Zoubi")
        tail = " ".join(after_portfolio([w for w in match.group("portfolio").split() if w[:1].isupper()]))
        person = tail if len(tail.split()) <= 3 and tail.endswith(match.group("name")) else match.group("name")
        before = match.group(0).split()
        if len(before) >= 4 and before[-1] in POST_NOMINALS:
            person = " ".join(before[-3:-1])  # "Eoin Gallagher TD": the letters after a name are a title
        if is_body_name(person) or person.split()[0].lower() in PORTFOLIO_WORDS:
            continue  # "Director of Public Health England": a body, not a person
        # the portfolio can be longer than the name: the person is named, the role kept as an alias
        role = match.group(0)[: match.group(0).rfind(person.split()[0])].strip()
        actor = index.near_match(person) or Actor(name=person, actor_id=slug(person), kind="person", aliases=(role,))
        found.append(Mention(start + match.start(), start + match.end(), actor))
    for match in patterns["appositive"].finditer(segment):
        # The role phrase reaches back to its determiner: "the union's regional secretary" (in a window,
        # not the whole prefix).
        lead = re.search(
            r"(?:\b[Tt]he\s+|\b[\w’'.\-]+[’']s\s+)(?:[\w’'.\-]+\s+){0,3}$",
            segment[max(0, match.start(1) - 300) : match.start(1)],
        )
        role, person = (lead.group(0) if lead else "") + match.group(1), match.group(2)
        actor = index.near_match(person) or Actor(name=person, actor_id=slug(person), kind="person", aliases=(role,))
        found.append(Mention(start + match.start(2), start + match.end(2), actor))
    return found


# the link to a father's name right before a titled name inside it
PATRONYMIC_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(PATRONYMIC_LINKS))})\s+$")
# titles written after a name ("Eoin Gallagher TD", "Jane Smith MP"): the gazetteer's titles in capitals, and counsel's
POST_NOMINALS = frozenset(t for t in TITLES.split("|") if t.isupper()) | {"QC", "KC"}
# "South Sudan's delegation", "the Kremlin's spokesman": the country or its seat, as the writers name it
MISSION_WORD = re.compile(r"[’']s\s+(?:\w+\s+)?(?:delegation|spokes(?:man|woman|person|people))$")


def _governments(text: str, segment: str, start: int, index: ActorIndex) -> list[Mention]:
    """Governments by metonym ("the Kremlin"), demonym, possessive or "the government in CAPITAL"."""
    patterns, found = generic_patterns(), []
    names, demonyms, capitals = countries()
    for match in patterns["metonym"].finditer(segment):
        name = match.group(1)
        actor = index.near_match(name) or Actor(name=name, actor_id=slug(name), kind="government")
        found.append(Mention(start + match.start(), start + match.end(), actor))
    for key, table in (
        ("government_demonym", demonyms),
        ("government_possessive", names),
        ("government_of", names),
        ("government_in_capital", capitals),
        ("capital_possessive", capitals),
    ):
        for match in patterns[key].finditer(segment):
            code = table[match.group(1)]
            # "South Sudan's delegation abstained": the country, as the text and the writers name it; a ministry or an
            # embassy stays as written (writers name "China's embassy in London" so, and not always "China")
            written = match.group(1) if MISSION_WORD.search(match.group(0)) else match.group(0)
            actor = index.government(code, _country_name(code), written=written)
            found.append(Mention(start + match.start(), start + match.end(), actor))
    for key, table in (("located_in_capital", capitals), ("located_in_country", names)):
        for match in patterns[key].finditer(segment):
            code = table[match.group(1)]
            # "In Dhaka, the foreign ministry": the ministry as written, with its country
            written = match.group(2) if re.search(r"ministr|office|department", match.group(2)) else ""
            actor = index.government(code, _country_name(code), written=written)
            found.append(Mention(start + match.start(2), start + match.end(2), actor))
    return found


def _places(text: str, segment: str, start: int, index: ActorIndex) -> list[Mention]:
    """A country or capital standing for its government, unless it is a place ("in Beijing"); a capital
    that seats a bloc stands for the bloc when the text is about the bloc."""
    patterns, found = generic_patterns(), []
    names, _, capitals = countries()
    for key, table in (("country", names), ("capital", capitals)):
        for match in patterns[key].finditer(segment):
            before = segment[max(0, match.start() - 80) : match.start()].split()  # the word before it
            if before and before[-1].lower().strip(",") in LOCATION_PREPOSITIONS:
                continue
            if key == "country" and _names_a_body(segment, match.start()):
                continue
            code = table[match.group(1)]
            seat = SEATS_OF_BLOCS.get(match.group(1)) if key == "capital" else None
            if seat is not None and seat[0].search(text):
                actor = index.near_match(seat[1]) or Actor(
                    name=match.group(1), actor_id=slug(seat[1]), kind="organization"
                )
            else:
                actor = index.government(code, _country_name(code), written=match.group(0))
            found.append(Mention(start + match.start(), start + match.end(), actor))
    return found


PERSON_OF_BODY = re.compile(
    r"([A-Z][a-z][\w'’\-]*(?:\s+(?:and\s+)?[A-Z][\w'’\-]+){1,4})\s+(?:of|from)\s+(?:the\s+)?(.+)$"
)


def _without_opener(name: str) -> str:
    words = name.split(" ")
    while len(words) > 1 and words[0].lower() in SENTENCE_OPENERS:
        words.pop(0)
    return " ".join(words)


POSSESSIVE_END = re.compile(r"(?<=\w)(?:['’]s|(?<=s)['’])$")


def _bodies(text: str, segment: str, start: int, index: ActorIndex) -> list[Mention]:
    """Named organisations ("the Lagos Chamber of Commerce") and collective actors ("some economists")."""
    patterns, found = generic_patterns(), []
    for match in patterns["organisation"].finditer(segment):
        name = re.sub(r"^(?:The|A|An)\s+", "", match.group(1).strip())
        person = PERSON_OF_BODY.match(name)
        if person and not re.search(ORG_HEADS, person.group(1)):
            # "Marit Eide of the Liberal Party": a person, then her party; the body is the party
            offset = match.group(1).index(person.group(2), len(person.group(1)))
            name = person.group(2)
            found.append(
                Mention(
                    start + match.start(1) + offset,
                    start + match.end(1),
                    index.near_match(name) or Actor(name=name, actor_id=slug(name), kind="organization"),
                )
            )
            continue
        begins = match.start(1)
        members = re.match(r"([A-Z][\w’']+)\s+of\s+(?:the\s+)?(?=[A-Z])", name)
        if members and members.group(1).lower() in MEMBER_NOUNS:  # "Deputies of the Bloc of ...": the bloc
            name = name[members.end() :]
            begins = match.end(1) - len(name)
        if _without_opener(name) != name:  # "Outside Parliament, the AGI ...": the opening word is none of it
            name = _without_opener(name)
            begins = match.end(1) - len(name)
        if len(name.split()) < 2 and name not in ("Congress", "Parliament", "Senate"):
            continue
        name, begins = _with_fields_listed_before(segment, name, begins)
        # "The Bank of England's monetary policy committee": the name is the possessor's, without its "'s"
        owner = POSSESSIVE_END.search(name)
        ends = match.end(1) - (len(owner.group()) if owner else 0)
        name = name[: owner.start()] if owner else name
        actor = index.near_match(name) or Actor(name=name, actor_id=slug(name), kind="organization")
        found.append(Mention(start + begins, start + ends, actor))
    for match in patterns["romance_body"].finditer(segment):
        name = match.group(1)
        if len(name.split()) < 2 or all(w[:1].isupper() for w in name.split()) or not _romance(name):
            continue  # "the Union"; a name all in capitals is read as one already
        actor = index.near_match(name) or Actor(name=name, actor_id=slug(name), kind="organization")
        found.append(Mention(start + match.start(1), start + match.end(1), actor))
    for key in ("collective", "collective_generic", "org_lower"):
        for match in patterns[key].finditer(segment):
            words = _without_a_body(match.group(1))
            name = _capitalise(words)
            actor = index.near_match(name) or Actor(name=name, actor_id=slug(name), kind="commentators")
            found.append(Mention(start + match.start(1), start + match.start(1) + len(words), actor))
    return found


def _with_fields_listed_before(segment: str, name: str, begins: int) -> tuple[str, int]:
    """'The Harari Culture, Heritage and Tourism Bureau': the list's first items, which the organisation pattern
    stops before (at a comma), are the name's too."""
    if " and " not in name:
        return name, begins
    window = max(0, begins - 120)
    listed = LIST_BEFORE_HEAD.search(segment[window:begins])
    if listed is None or listed.end() != begins - window:
        return name, begins
    return listed.group(1) + name, window + listed.start(1)


def _without_a_body(group: str) -> str:
    """'Several MPs from Puntland and Jubaland' stays whole; 'Deputies from the Ecological Party', 'Deputies from
    the PSD' and 'traders in Sharjah’s' end at their noun: the body they come from is named on its own, and a
    possessive is another's."""
    where = PLACED.search(group)
    if where is None:
        return group
    place = re.sub(r"^\s+(?:from|in|of)\s+(?:the\s+)?", "", where.group(0))
    # "Officials in Brussels": a government's people, who speak for it (`actors.ActorIndex` names it); "MPs
    # from Labour": one word may as well be a party's as a place's
    body = re.search(ORG_HEADS, place) or re.search(rf"[’']s$|\b[A-Z]{{2,}}\b|^(?:{ROMANCE_HEADS})\b", place)
    return group[: where.start()] if body or _a_state(place) or len(place.split()) == 1 else group


def _a_state(place: str) -> bool:
    patterns = generic_patterns()
    return bool(patterns["country"].fullmatch(place) or patterns["capital"].fullmatch(place))


# "Senators of the Partido de la U": the pattern stops at "de", so the body is cut off here and named whole
PLACED = re.compile(rf"\s+(?:(?:from|in)\s+(?:the\s+)?[A-Z]|of\s+the\s+(?:{ROMANCE_HEADS})\b).*$")


# head words English shares: after them a name needs a word no English one is ("Union representatives",
# "Front national" stays out; "Union des forces de changement", "Coordination rurale" are in)
ENGLISH_HEADS = frozenset({"Union", "Association", "Alliance", "Front", "Coordination", "Organisation", "Liga"})
ROMANCE_ONLY = re.compile(
    rf"(?i)\b(?:{ROMANCE_LITTLE})\b|[à-ÿ]"
    r"|(?:aise|oise|ienne|éen|aux|ique|elle|rale|ales|ano|ana|ista)s?\b"
)


def _romance(name: str) -> bool:
    """A French, Spanish or Portuguese body's name, not an English head word and its role ("Union
    representatives")."""
    head, rest = name.split(maxsplit=1)
    return head not in ENGLISH_HEADS or bool(ROMANCE_ONLY.search(rest))


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (a known actor wins a tie), in text order."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), m.actor.actor_id == "", m.start))
    kept: list[Mention] = []
    # The kept spans never overlap, so in (start, end) order their ends rise too: a new span overlaps one
    # of them exactly when the last span starting before its end reaches past its start. Bisecting keeps
    # a sentence crowded with names from costing the square of its mentions.
    bounds: list[tuple[int, int]] = []
    for mention in ranked:
        before_end = bisect.bisect_left(bounds, (mention.end,))
        if before_end == 0 or bounds[before_end - 1][1] <= mention.start:
            kept.append(mention)
            bisect.insort(bounds, (mention.start, mention.end))
    return sorted(kept, key=lambda m: m.start)


COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+|\s*&\s*)\s*$")


def groups(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions joined by commas or 'and' ("China, Russia and Algeria") form one group."""
    result: list[list[Mention]] = []
    for mention in mentions:
        if result and COORDINATION.match(" " + text[result[-1][-1].end : mention.start] + " "):
            result[-1].append(mention)
        else:
            result.append([mention])
    return result


# "Horticulture New Zealand", "Athletics Kenya", "WWF Norway": a body named after its country
NAMED_AFTER_COUNTRY = re.compile(r"\b([A-Z][a-z]{3,}|[A-Z]{3,6}) $")


def _names_a_body(segment: str, start: int) -> bool:
    """Whether a country name is the end of a body's name: a capitalised noun right before it that is no
    title, no sentence opener and no adjective ("Neighbouring Kenya", "Southern Sudan" are not bodies)."""
    found = NAMED_AFTER_COUNTRY.search(segment, max(0, start - 40), start)
    if found is None:
        return False
    word = found.group(1).lower()
    if word in NOT_A_NAME or word in TITLE_WORDS or word.endswith(ADJECTIVE_ENDINGS):
        return False
    before = segment[: found.start()].rstrip()
    return not before or before[-1] not in "“\"'‘"


ADJECTIVE_ENDINGS = ("ing", "ed", "ern", "ful", "ous", "al", "ic", "ian", "ese", "ish", "ive", "ary", "less")
