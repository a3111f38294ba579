"""Quoted speech across a document: where each quotation runs, and which quotations continue one another.

A quotation may run over several paragraphs. By the convention of English news, a paragraph that ends
inside a quotation leaves it unclosed and the next paragraph opens with a quotation mark again; the words
of both belong to the speaker named anywhere in the run.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from analysis.extract.actors import CALENDAR, TITLE_WORDS, Actor
from analysis.extract.country_regex import capital_names
from analysis.extract.transcripts import (
    CHAIRS,
    HOSTS,
    JOURNALISTS,
    NOT_LABELS,
    ROLE_LABELS,
    is_label,
    is_transcript,
    journalists,
    on_location,
    opening_host,
    speaker_label,
)
from analysis.extract.vocabulary import NAME_JOINERS, words

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'


@dataclass
class Quotation:
    start: int
    end: int
    opens_paragraph: bool
    continues: int | None = None  # the index of the quotation this one carries on
    speaker: Actor | None = field(default=None, compare=False)
    label: str = ""  # a transcript's speaker label, named once the document's actors are known
    host: bool = False  # the presenter's lines: questions, not positions


@dataclass
class Quotations:
    runs: list[Quotation]
    starts: list[int]
    transcript: bool = False  # whether the document's "Label: words" lines are its speakers'
    # the lines of their own that introduce the speaker of the quotation under them: no sentences to read
    introductions: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Quotations:
        runs: list[Quotation] = []
        position = 0
        open_at_end = False
        transcript = is_transcript(text)
        hosts: set[str] = journalists(text) | opening_host(text) if transcript else set()
        located = on_location(text) if transcript else {}
        introduced = ""  # the speaker a line of its own introduced before a colon ("German County Association:")
        introductions: list[tuple[int, int]] = []
        previous_line = (0, 0)
        for line in text.split("\n"):
            line_start = position
            position += len(line) + 1
            labelled = None if open_at_end or not transcript else _labelled(line, line_start, hosts, located)
            if labelled is not None and not labelled.host:
                runs.append(labelled)
                continue
            # a presenter's line is narration, like a reporter's: what others did is read from it as usual,
            # and the presenter's own questions hold no cue with a holder
            stripped = line.lstrip()
            # a live blog's entry carries on a quotation after its time: "12:04 – “My group will vote against …”"
            stamped = TIMESTAMP.match(stripped)
            stripped = stripped[stamped.end() :] if stamped else stripped
            first = line_start + len(line) - len(stripped)
            carried = open_at_end and stripped[:1] in (OPENING, STRAIGHT)
            found, open_at_end = _quotations_in(line, line_start, first)
            if carried and stamped and found and _attributed_after(text, found[0]):
                carried = False  # "12:04 – “Shameful,” tweeted Senator Ruiz": a new entry's own quotation
            speakers = {} if carried or transcript else _colon_speakers(line, line_start)
            # a paragraph of one quotation and its signature ("“…” – Tom Vurlis, Chief Executive"), not narration
            whole = len(found) == 1 and STAMP_BEFORE.fullmatch(line, 0, found[0].start - line_start) is not None
            signed = _signed_after(line, found[0].end - line_start) if whole and not transcript else ""
            if signed:
                speakers[found[0].start] = signed
            if introduced and found and found[0].start == first:
                speakers.setdefault(found[0].start, introduced)
                introductions.append(previous_line)
            introduced = "" if transcript or found else _introducing_line(line)
            previous_line = (line_start, line_start + len(line))
            for run in found:
                # not "LABOUR: “For years …,” said Tendai Moyo": a quotation closed on a comma (or "?" or "!"
                # and a verb) names its speaker after it
                if not _attributed_after(text, run):
                    run.label = speakers.get(run.start, "")
            runs += found
            if carried:
                index = next((i for i, run in enumerate(runs) if run.start == first), None)
                previous = next((i for i in range(len(runs) - 1, -1, -1) if runs[i].start < line_start), None)
                if index is not None and previous is not None:
                    runs[index].continues = previous
        return cls(runs, [run.start for run in runs], transcript, introductions)

    def at(self, position: int) -> int | None:
        """The index of the quotation that contains `position`, if any."""
        i = bisect.bisect_right(self.starts, position) - 1
        if i >= 0 and self.runs[i].start <= position < self.runs[i].end:
            return i
        return None

    def inside(self, position: int) -> bool:
        return self.at(position) is not None

    def labelled(self, position: int) -> bool:
        """Whether `position` is in a transcript speaker's line (a labelled run, whatever is quoted in it)."""
        i = bisect.bisect_right(self.starts, position) - 1
        while i >= 0:
            run = self.runs[i]
            if run.label and not run.host and run.start <= position < run.end:
                return True
            if run.label:
                return False
            i -= 1
        return False

    def overlapping(self, start: int, end: int) -> list[int]:
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        found = []
        while i < len(self.runs) and self.runs[i].start < end:
            if self.runs[i].end > start:
                found.append(i)
            i += 1
        return found

    def speaker(self, index: int) -> Actor | None:
        """The speaker of a quotation, or of the quotation it continues (or that continues it)."""
        seen = set()
        while index is not None and index not in seen:
            seen.add(index)
            run = self.runs[index]
            if run.speaker is not None:
                return run.speaker
            index = run.continues
        return None

    def set_speaker(self, index: int, actor: Actor) -> None:
        seen = set()
        while index is not None and index not in seen and self.runs[index].speaker is None:
            seen.add(index)
            self.runs[index].speaker = actor
            index = self.runs[index].continues
        # and forward, to the runs that continue this one
        for run in self.runs:
            if run.continues is not None and run.speaker is None and self.runs[run.continues].speaker is actor:
                run.speaker = actor

    def previous_in_paragraph(self, index: int, text: str) -> int | None:
        """The quotation before this one in the same paragraph, if any."""
        if index == 0:
            return None
        previous = self.runs[index - 1]
        return index - 1 if "\n" not in text[previous.end : self.runs[index].start] else None

    def whole(self, start: int, end: int) -> int | None:
        """The quotation a sentence lies inside entirely (a sentence of quoted words only), if any."""
        index = self.at(start)
        if index is None:
            return None
        run = self.runs[index]
        return index if run.end >= end - 1 else None


def _labelled(line: str, line_start: int, hosts: set[str], located: dict[str, str]) -> Quotation | None:
    """A transcript line ("NAME: words"): the words as a quotation of the labelled speaker. A presenter's
    label ("HALIMA JUMA (presenter):" once, then "JUMA:") marks questions, not positions."""
    label = speaker_label(line)
    if not label or not is_label(label.group(1)):
        return None
    surname = label.group(1).split()[-1].lower()
    role, aside = label.group(2) or "", label.group(3)
    host = (
        bool(aside and HOSTS.search(aside))
        or bool(HOSTS.fullmatch(label.group(1)))
        or bool(HOSTS.search(role))
        or bool(CHAIRS.fullmatch(label.group(1)))
    )
    if host:
        # "ANCHOR (THANDI NKOSI):" then "NKOSI:" or "THANDI NKOSI:"; "CARLA VILLANUEVA (ANCHOR):" then "VILLANUEVA:"
        named = aside if HOSTS.fullmatch(label.group(1)) and aside else label.group(1)
        hosts.add(named.split()[-1].lower())
    name = label.group(1)
    if aside and ROLE_LABELS.fullmatch(name):
        # "CALLER (AKINYI):" is Akinyi; "CALLER (EPELI, LAUTOKA):" is Epeli, calling from Lautoka
        name = aside.split(",")[0].strip()
    elif aside and OFFICE_LABEL.match(name) and PERSON_ASIDE.fullmatch(aside):
        # "MINISTER OF STATE FOR AGRICULTURE (Hon. Robert Ochen Okello):", "THE MINORITY LEADER (Hon. …):": the
        # office's holder, who is named later by surname ("HON. OCHEN OKELLO:")
        name = aside
    # a correspondent's line reports what others said: narration, like a presenter's
    journalist = re.fullmatch(rf"(?i){JOURNALISTS}", label.group(1)) or re.search(rf"(?i)\b(?:{JOURNALISTS})\b", role)
    place = located.get(surname)
    journalist = journalist or bool(place and aside and aside.lower().startswith(place))
    if journalist:
        # "REPORTER (TOM KERUA):" then "KERUA:": the correspondent's later lines are narration too
        hosts.add(name.split()[-1].lower())
    return Quotation(
        line_start + label.end(),
        line_start + len(line.rstrip()),
        True,
        label=name,
        host=host or surname in hosts or bool(journalist),
    )


OFFICE_LABEL = re.compile(
    r"(?i)(?:the[ \t]+)?(?:(?:deputy|shadow|acting|assistant|junior|majority|minority|opposition)[ \t]+)?"
    r"(?:minister|secretary|leader|chair(?:man|woman|person)?|governor|mayor|commissioner|attorney|whip)\b"
)
# a person's name in a label's brackets, with an honorific at most: not a party, a place or an office
PERSON_ASIDE = re.compile(r"(?:(?:Hon|Dr|Mr|Ms|Mrs|Prof)\.?[ \t]+){0,2}[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){1,4}")


# a live blog entry's time ("12:04 – "); narrower than `wording.TIMESTAMP` ("10:42 GMT –", "Updated 12:04"), whose
# optional time zone and separator would read "09:45 WHO: “…”" as a time and a speaker "O"
TIMESTAMP = re.compile(r"\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]*[–—-][ \t]*")
# "Senator Mauricio Lozada (Centro Democrático): “This bill …”", "11:55 – Greenpeace Chile: “Historic.”", "Camila
# Restrepo, executive director of Alianza In: “…”": a paragraph that names a speaker and opens a quotation
# after a colon, with no verb, gives the quotation to the name (a debate's excerpts, a live blog's entries)
COLON_SPEAKER = re.compile(
    rf"[ \t]*(?:{TIMESTAMP.pattern})?"
    r"([^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,7})"
    # "Chief Cabinet Secretary Takuya Onodera at his afternoon press conference: “…”"
    r"(?:[ \t]+(?:at|in|on|during|after)[ \t]+(?:his|her|their|its|a|an|the)\b[^:“”\"\n]{1,60}?)?"
    r"(?:[ \t]*\((?:[^()\n]|\([^()\n]{1,20}\)){1,80}\))?"
    r"(?:,[ \t]*([^:“”\"\n]{1,160}?))?"
    r"[ \t]*:[ \t]*(?=[“\"])"
)
SENTENCE_END = re.compile(r"[.!?][ \t]+(?=[A-Z0-9])")
# an apposition that reports is a sentence of its own ("Smith, who told reporters:"), read as usual
REPORTING_IN_APPOSITION = re.compile(
    r"\b(?:said|says|told|tells|added|adds|wrote|writes|posted|tweeted|declared|stated|replied|asked|announced|"
    r"quoting|citing|reading|paraphrasing|according)\b"
)


# a heading before a colon, not a speaker: "Background: “…”", "Key Quote: “…”", "Dear Minister: “…”"
HEADING_WORDS = frozenset(word.lower() for word in NOT_LABELS) | words(
    "background context timeline analysis comment comments verdict reaction reactions summary headline headlines "
    "caption warning disclaimer excerpt excerpts extract key official in not dear question answer quote quotes "
    "statement statements words message response view what why how who where when the our my your their his her "
    "its this that these those today yesterday tomorrow also more full bottom text"
)


def _is_speaker_name(name: str) -> bool:
    lowered = name.lower().split()
    return is_label(name) and lowered[0] not in HEADING_WORDS and lowered[-1] not in HEADING_WORDS


def _attributed_after(text: str, run: Quotation) -> bool:
    """Whether a quotation closed on a comma, "?" or "!" names its speaker after it ("…?” asked Anna Berg")."""
    closed = text[run.end - 2 : run.end - 1] in (",", "?", "!")
    return closed and (text[run.end - 2] == "," or bool(ATTRIBUTION_AFTER.match(text, run.end)))


ATTRIBUTION_AFTER = re.compile(
    r"[ \t]+(?:[a-z]|[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,3}[ \t]+(?:said|says|asked)\b)"
)


def _introducing_line(line: str) -> str:
    """'Frank Oltmanns, Vice-President of the Association of German Cities:', 'Railway and Transport Union
    (EVG):': a press office's line of its own that names the speaker of the quotation under it."""
    match = INTRODUCING_LINE.fullmatch(line.strip())
    name = match.group(1).strip() if match else ""
    words = name.split()
    if not name or not _is_speaker_name(name) or CREDIT.match(name) or name in capital_names():
        return ""
    # "Mayors In Bavaria Were More Critical:", "From Our Correspondent In Berlin:": a heading in title case
    if any(w.lower() in TITLE_CASE_WORDS for w in words):
        return ""
    return name if len(words) >= 2 or name.isupper() else ""


# small words a name writes in lower case ("Association of German Cities") and a heading capitalises
TITLE_CASE_WORDS = words("in from our were was is are more with to at by on our your their its about how why what")
# the name, then its role after a comma or its acronym in brackets, then the colon that ends the line
INTRODUCING_LINE = re.compile(r"([^\W\d_][^,:“”\"()]{1,80}?)[ \t]*(?:,[^:“”\"]{0,200}|\([^()]{1,20}\))?:")


def _signed_after(line: str, end: int) -> str:
    """'“… every trained worker counts.” – Tom Vurlis, Chief Executive, Ageing Australia': a press release's
    quotation signed after a dash at the end of its paragraph is the signer's."""
    match = SIGNATURE.fullmatch(line, end)
    name = match.group(1).strip() if match else ""
    return name if name and _is_speaker_name(name) and not CREDIT.match(name) else ""


# nothing before a paragraph's quotation but its time ("11:05 GMT – “…”", "10:05 Suva time: “…”")
STAMP_BEFORE = re.compile(r"[ \t]*(?:\d{1,2}[:.]\d{2}[^“\"\n]{0,16}?[–—:-][ \t]*)?")
# the signer's name, then their role and body after commas, and nothing else in the paragraph
SIGNATURE = re.compile(r"[ \t]*[–—][ \t]*([^\W\d_][^,:“”\"()]{1,80})(?:,[^:“”\"]{0,160})?[ \t]*")
# a news agency's or a photo's credit, or a date, where a press release would sign
CREDIT = re.compile(
    rf"(?:AFP|AP|Reuters|Agencies|Agency|Photo|Source|Twitter|X|Bloomberg|Xinhua|TASS|dpa|EFE|ANSA|{CALENDAR})\b"
)


def _colon_speakers(line: str, line_start: int) -> dict[int, str]:
    """Where each quotation opens that a paragraph or a sentence of it gives to a name before a colon ("The
    opposition reacts. Deputy Cristián Barros (UDI), on X: “Shameful.”"), and the name."""
    found = {}
    for start in [0] + [m.end() for m in SENTENCE_END.finditer(line)]:
        match = COLON_SPEAKER.match(line, start)
        name = _after_title(match.group(1)) if match is not None else ""
        if not name or not _is_speaker_name(name):
            continue
        if match.group(2) and REPORTING_IN_APPOSITION.search(match.group(2)):
            continue
        found[line_start + match.end()] = name
    return found


WHERE_SPOKEN = frozenset({"in", "at", "on", "near", "outside", "during"})


def _after_title(name: str) -> str:
    """'Labour leader Joe Ajaero' -> 'Joe Ajaero', 'Office worker Haruka Mori' -> 'Haruka Mori': a title or
    a job in lower case before the capitalised name of two words or more (not "Minister of Health")."""
    words = name.split()
    # "Fisherman Kostas Georgiou in the port of Piraeus": where they spoke is no part of who
    words = words[: next((i for i, w in enumerate(words) if i and w in WHERE_SPOKEN), len(words))]
    lower = [i for i, w in enumerate(words) if w[:1].islower()]
    if not lower or lower[-1] == len(words) - 1:
        return " ".join(words)
    role = words[lower[-1]]
    if role not in NAME_JOINERS and (role in TITLE_WORDS or len(words) - lower[-1] > 2):
        return " ".join(words[lower[-1] + 1 :])
    return " ".join(words)


def _quotations_in(line: str, line_start: int, first: int) -> tuple[list[Quotation], bool]:
    """The quotations of one paragraph, and whether the last one is still open at its end (it then runs to
    the end of the paragraph, and may carry on in the next)."""
    found: list[Quotation] = []
    opened: int | None = None
    straight_open = False
    for offset, ch in enumerate(line):
        at = line_start + offset
        if ch == OPENING and opened is None:
            opened = at
        elif ch == CLOSING and opened is not None:
            found.append(Quotation(opened, at + 1, opened == first))
            opened = None
        elif ch == STRAIGHT and straight_open and opened is not None:
            found.append(Quotation(opened, at + 1, opened == first))
            opened, straight_open = None, False
        elif ch == STRAIGHT and opened is None:
            opened, straight_open = at, True
    if opened is None:
        return found, False
    found.append(Quotation(opened, line_start + len(line.rstrip()), opened == first))
    return found, True
