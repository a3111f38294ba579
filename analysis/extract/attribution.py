"""Who said it: the speaker of quoted words, the subject of a cue, "he added" and "the group's chair", and
the document memory that resolves them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.extract import actors as actor_finder
from analysis.extract.actors import Actor, ActorIndex, Mention

QUOTE_SPANS = re.compile(r"[“\"]([^“”\"]{2,}?)[”\"]")


SPEECH_VERBS = r"(?:said|says|added|adds|told\s+(?:reporters|journalists|[A-Z][\w ]{0,40}?)|stated|argued|" \
               r"insisted|noted|warned|wrote|tweeted|posted|declared|explained|continued|replied)"


# ", which together supply ...," / ", including student unions," / ", one of a dozen companies,": asides.
ASIDE = re.compile(r",\s+(?:which|who|whose|one of|a\s+\w+\s+that|among them|representing)\b[^,]*,")
# A mention right after one of these verbs is their object ("he asked Rubio to ..."), not a subject.


# A mention right after one of these verbs is their object ("he asked Rubio to ..."), not a subject.
OBJECT_OF = re.compile(r"\b(?:asked|asks|told|tells|urged|urges|called on|calls on|pressed|presses|invited|ordered|"
                       r"instructed|accused|thanked|met|met with|named|appointed|recognized|recognised|designated|"
                       r"labels|labelled|labeled|described|against|with)\s+(?:the\s+)?$", re.IGNORECASE)


OWN_GOVERNMENT = re.compile(r"\b(?:his|her|their)\s+(?:government|administration|cabinet|ministers)\b", re.IGNORECASE)


@dataclass
class Memory:
    """Who was mentioned last, for "he added", "they said", "the group's chair said"."""

    person: Actor | None = None
    group: Actor | None = None
    surnames: dict[str, Actor] = field(default_factory=dict)
    _pattern: re.Pattern | None = None  # compiled once per new surname, not once per sentence

    def remember(self, actor: Actor) -> None:
        if actor.kind == "person":
            self.person = actor
            words = re.findall(r"[A-Z][\w'’\-]+", actor.name)
            if len(words) >= 2 and words[-1] not in self.surnames:
                self.surnames[words[-1]] = actor
                self._pattern = None
        else:
            self.group = actor

    def surname_mentions(self, text: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
        """'Kerrigan said' after 'Dave Kerrigan' was met: the same person."""
        if not self.surnames:
            return mentions
        if self._pattern is None:
            self._pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, self.surnames)) + r")(?![\w-])")
        added = [Mention(m.start(), m.end(), self.surnames[m.group(1)])
                 for m in self._pattern.finditer(text, start, end)
                 if not any(o.start <= m.start() < o.end for o in mentions)]
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def speaker(text: str, start: int, end: int, mentions: list[Mention], memory: Memory) -> Actor | None:
    """The speaker of quoted words in this sentence: '“…,” said X', 'X said: “…”', '“…,” he added'."""
    after_quote = re.search(rf"[”\"]\s*,?\s*(?:{SPEECH_VERBS})\s+", text[start:end])
    if after_quote:
        position = start + after_quote.end()
        following = [m for m in mentions if m.start >= position - 1 and m.start - position < 25]
        if following:
            return following[0].actor
        pronoun = text[position:end]
        if actor_finder.PRONOUN_PERSON.match(pronoun):
            return memory.person
        if actor_finder.PRONOUN_GROUP.match(pronoun) or actor_finder.BACK_REFERENCE.match(pronoun):
            return memory.group
    spans = list(QUOTE_SPANS.finditer(text, start, end))
    if spans:
        position = spans[-1].end()
        verb = re.compile(rf"\b{SPEECH_VERBS}\b").search(text, position, min(end, position + 120))
        if verb:
            # '“…,” Kenya's lead negotiator, Dr. Wanjiru Otieno, said': the name nearest the verb speaks.
            between = [m for m in mentions if position <= m.start and m.end <= verb.start()
                       and not any(q.start() < m.start < q.end() for q in spans)]
            people = [m for m in between if m.actor.kind == "person"]
            if people or between:
                return (people or between)[-1].actor
    leading = re.match(rf"\s*[“\"]?(he|she|they|it)\s+(?:{SPEECH_VERBS})\b", text[start:end], re.IGNORECASE)
    if leading:
        return memory.person if leading.group(1).lower() in ("he", "she") else memory.group
    inverted = re.search(rf"[”\"]\s*,?\s*(he|she|they|it)\s+(?:{SPEECH_VERBS})", text[start:end], re.IGNORECASE)
    if inverted:
        return memory.person if inverted.group(1).lower() in ("he", "she") else memory.group
    for mention in mentions:
        rest = text[mention.end:end]
        if re.match(rf"\s*(?:,[^,“\"]{{0,60}},\s*)?{SPEECH_VERBS}\b[^“\"]{{0,40}}[:,]?\s*[“\"]", rest):
            return mention.actor
    return None


def subject_before(text: str, position: int, clause_start: int, mentions: list[Mention],
                    memory: Memory) -> list[Actor]:
    """The actor(s) a cue at `position` belongs to: the nearest group of mentions before it in its clause,
    a 'by X' after a passive cue, or a pronoun / back-reference at the clause start."""
    asides = [(clause_start + a.start(), clause_start + a.end()) for a in ASIDE.finditer(text[clause_start:position])]
    before = [m for m in mentions if clause_start <= m.start and m.end <= position
              and not any(a0 < m.start < a1 for a0, a1 in asides)]
    grouped = [group for group in actor_finder.groups(text, before)
               if not OBJECT_OF.search(text[max(clause_start, group[0].start - 25):group[0].start])]
    if grouped:
        return [m.actor for m in grouped[-1]]
    lead = text[clause_start:position].lstrip(" ,“\"")
    if actor_finder.PRONOUN_PERSON.match(lead) and memory.person:
        return [memory.person]
    if (actor_finder.PRONOUN_GROUP.match(lead) or actor_finder.BACK_REFERENCE.match(lead)) and memory.group:
        return [memory.group]
    return []


def own_governments(text: str, start: int, end: int, mentions: list[Mention], index: ActorIndex,
                     memory: Memory) -> list[Mention]:
    """'Maduro and his government': the government of the person just named (or last named)."""
    added = []
    for match in OWN_GOVERNMENT.finditer(text, start, end):
        people = [m.actor for m in mentions if m.end <= match.start() and m.actor.kind == "person"]
        person = people[-1] if people else memory.person
        if person is not None and person.country:
            added.append(Mention(match.start(), match.end(), index.government(person.country, person.country)))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def in_quotes(mention: Mention, quotes) -> bool:
    return any(q0 < mention.start < q1 for q0, q1 in quotes)


NAMED_SUBJECT = re.compile(r"(?:^|[,;]\s+|\b(?:and|but)\s+)((?:[A-Z][\w&'’.\-]*\s+){0,3}[A-Z][\w&'’\-]*)"
                           r"(?:\s*,[^,]{3,80},)?,?\s+(?:\w+\s+){0,4}$")


NOT_NAMES = {"The", "A", "An", "It", "This", "That", "These", "Those", "But", "And", "However", "In", "On", "At",
             "He", "She", "They", "We", "I", "You", "Its", "Their", "His", "Her", "Another", "Other", "Some",
             "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "If", "When", "While"}


def named_subject(text: str, clause_start: int, position: int, index: ActorIndex) -> list[Actor]:
    """A capitalised name right before the cue that no pattern knew ('Orion Systems, declined to comment'):
    a new organisation."""
    match = NAMED_SUBJECT.search(text[clause_start:position])
    if not match:
        return []
    words = match.group(1).split()
    while words and words[0] in NOT_NAMES:
        words = words[1:]
    if not words or (len(words) == 1 and len(words[0]) < 4):
        return []
    name = " ".join(words)
    actor = index.near_match(name) or Actor(name=name, actor_id=actor_finder.slug(name), kind="organization")
    return [actor]


def passive_agent(text: str, cue_end: int, clause_end: int, mentions: list[Mention]) -> list[Actor]:
    """'was welcomed by Kenya and Ghana' -> [Kenya, Ghana]."""
    match = re.match(r"\s+by\s+", text[cue_end:clause_end])
    if not match:
        return []
    position = cue_end + match.end()
    after = [m for m in mentions if m.start >= position]
    if not after or after[0].start - position > 4:
        return []
    return [m.actor for m in actor_finder.groups(text, after)[0]]
