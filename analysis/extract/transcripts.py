"""Transcripts: the speaker labels of a broadcast or a debate ("NEEMA KIMARO:", "Halima Juma (presenter):"),
whether a document's "Label: words" lines are its speakers', and who on the programme only reports what others
said (the presenter, a reporter, a correspondent on location). `quotes.Quotations` reads a transcript's lines
as its speakers' quotations."""

from __future__ import annotations

import re

from analysis.extract.actors import TITLE_WORDS
from analysis.extract.vocabulary import NAME_JOINERS

# "NEEMA KIMARO: Because ..." / "Halima Juma (presenter): Good morning": a transcript's speaker label.
# "PRANEE THONGDEE, NETWORK OF THAI PEOPLE IN EIGHT MEKONG PROVINCES:", "KHAMPHOUI SAYASENG, DEPUTY MINISTER
# (recorded):": the role after a comma, in capitals or capitalised words. A broadcast's recorded clip names its
# speaker after the clip's own label: "CLIP (Taras Melnychuk, Minister of Energy):", "CLIP - KYLE BARTON, PIPEFITTER:".
CLIP_LABEL = r"(?i:clip|sot|sound ?bite|vox pop|audio|tape|recording|video)"
SPEAKER_LABEL = re.compile(
    rf"^[ \t]*(?:{CLIP_LABEL}(?:[ \t]+-|[ \t]*[–—])[ \t]*)?"
    r"([^\W\d_](?:[^\W\d_]|['’.\-])*(?:[ \t]+[^\W\d_](?:[^\W\d_]|['’.\-])*){0,4})"
    # "MUSSA CASSAMÁ, taxi driver (recorded):": a role in lower case only after a name in capitals (`speaker_label`)
    r"(?:,[ \t]*((?:[A-Z][\w'’.\-&]*|[a-z][a-z'’\-]*)(?:[ \t]+(?:[A-Z][\w'’.\-&]*|[a-z][a-z'’\-]*)){0,11}))?"
    # "K.V. Sajitha (CPI(M)):": a party's own brackets inside the aside
    r"(?:[ \t]*\(((?:[^()\n]|\([^()\n]{1,20}\)){1,80})\))?[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
CLAUSE_VERB = re.compile(r"\s(?:is|was|are|were|has|had|have|will|would)\s")
JOURNALISTS = "reporter|correspondent"
ROLE_LABELS = re.compile(rf"(?i)caller|guest|listener|viewer|speaker|voice|{JOURNALISTS}|{CLIP_LABEL}")
HOSTS = re.compile(r"\b(?:presenter|host|moderator|anchor|interviewer|chair of the debate)\b", re.IGNORECASE)
# who keeps order in a chamber, labelled by office alone ("The Deputy Presiding Officer:", "Mr Speaker:"): they
# put the question and announce the result, which is nobody's position (a committee's "The Chair:" may vote)
CHAIRS = re.compile(r"(?i)(?:the |mr\.? |madam |madame )(?:deputy )?speaker|(?:the )?(?:deputy )?presiding officer")
NOT_LABELS = frozenset(
    {
        "Update",
        "Updated",
        "Note",
        "Editor",
        "Correction",
        "Read",
        "Watch",
        "Listen",
        "Related",
        "Source",
        "Sources",
        "Photo",
        "Pictured",
        "Q",
        "A",
        "Breaking",
        "Live",
        "Latest",
        "Transcript",
        "Programme",
        "Program",
        "Episode",
        "Interview",
    }
)


# "our political reporter, Joost Kramer", "our correspondent in Hanoi, Nguyen Thu Ha": a journalist on the
# programme reports what others said and holds no position of their own, as the presenter does
JOURNALIST = re.compile(
    rf"\b(?:{JOURNALISTS}|editor)\b(?: in [A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?)?"
    # "our correspondent at Busan’s Jagalchi fish market, Kang Min-ho"
    r"(?:[ \t]+(?:at|in|on|from|outside)[ \t]+[^,.\n]{1,60}(?=,))?"
    # "Court reporter: Dave Labiche." in a programme's header
    r"[,:]?[ \t]+((?:[^\W\d_][\w'’.\-]*[ \t]*){1,4})"
)

# "Marie-Claude Estimé is in Ouanaminthe", then "MARIE-CLAUDE ESTIMÉ (OUANAMINTHE):": a reporter on location,
# whose line reports what others said (a guest "is in Washington" too, but is not labelled with the place)
ON_LOCATION = re.compile(
    r"\b([A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){1,3})[ \t]+(?:is|joins us|is joining us|reports|is reporting|"
    r"is standing|is live)[ \t]+(?:live[ \t]+)?(?:in|at|from|outside)[ \t]+([A-Z][\w'’\-]+)"
)


# "Ruth Gbazi has reaction from the UN and the region", "Tom Hale has the details": the presenter hands over
# to a reporter, whose line then reports what others said
HANDED_OVER = re.compile(
    r"\b([A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+){1,3})[ \t]+has[ \t]+(?:(?:the|more|some)[ \t]+)?"
    r"(?:reactions?|details|latest|story)\b"
)


def journalists(text: str) -> set[str]:
    """The surnames of the journalists a transcript introduces, lower-cased."""
    # not "Trade Secretary Rebecca Miano has the details": an official with the news, not a reporter
    found = {
        match.group(1).split()[-1].lower()
        for match in HANDED_OVER.finditer(text)
        if not any(word.lower().rstrip(".") in TITLE_WORDS for word in match.group(1).split())
    }
    for match in JOURNALIST.finditer(text):
        name = re.split(r"[,;:]|\.(?:\s|$)", match.group(1))[0]
        words = [w for w in name.split() if w[:1].isupper()]
        if words:
            found.add(words[-1].rstrip(".,").lower())
    return found


# "SARAH KINGSLEY: Good morning.", "HOST: Hello and welcome to …": how a presenter opens a programme
# a guest's first words: thanks for the invitation, or a view in the first person singular ("I support …")
GUEST_OPENING = re.compile(r"\b(?:having me|inviting me|for the invitation)\b|\bI\b")
SELF_INTRODUCED = re.compile(r"\bI(?:[’']m| am)\s+[A-Z]\w+")
OPENING_GREETING = re.compile(r"(?:(?:Hello|Hi)(?: and|,)? )?(?:[Gg]ood (?:morning|afternoon|evening)|[Ww]elcome\b)")


def opening_host(text: str) -> set[str]:
    """The surname of whoever speaks first and greets the audience: the presenter, whose label may carry no
    role ("SARAH KINGSLEY: Good morning. The Treasurer has ordered …")."""
    first = next((m for m in speaker_labels(text) if is_label(m.group(1))), None)
    if first is None or not OPENING_GREETING.match(text, first.end()):
        return set()
    line_end = text.find("\n", first.end())
    line = text[first.end() : line_end if line_end >= 0 else len(text)]
    titled = any(word.lower().rstrip(".") in TITLE_WORDS for word in first.group(1).split())
    # not a guest who speaks first ("PAUL TRAN: Good morning, and thank you for having me. I support …"); a
    # presenter may say who they are ("Good morning, I'm Sarah Kingsley") and speak for the programme ("our
    # reporter", "we spoke to")
    guest = GUEST_OPENING.search(SELF_INTRODUCED.sub(" ", QUOTED.sub(" ", line)))
    if titled or guest:
        return set()
    return {first.group(1).split()[-1].lower()}


def on_location(text: str) -> dict[str, str]:
    """Surname -> place, lower-cased, for each person the presenter hands over to at a place."""
    return {m.group(1).split()[-1].lower(): m.group(2).lower() for m in ON_LOCATION.finditer(text)}


def speaker_label(text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """The speaker label that opens text[start:end], if any."""
    label = SPEAKER_LABEL.match(text, start, len(text) if end is None else end)
    # "Apia's response was brief: the Samoan government said …": a sentence of the writer's, not a label
    clause = label is not None and CLAUSE_VERB.search(label.group(1))
    return label if label is not None and _role_fits(label) and not clause else None


def speaker_labels(text: str):
    """Every speaker label of the text."""
    return (label for label in SPEAKER_LABEL.finditer(text) if _role_fits(label))


def _role_fits(label: re.Match) -> bool:
    """A role in capitals ("Hanna Berg, Chair of the Board:"), or in lower case after a name in capitals ("MUSSA
    CASSAMÁ, taxi driver:"): "Asked about it, the minister said:" is no label."""
    role = label.group(2) or ""
    lower = [w for w in role.split() if w[0].islower() and w not in ROLE_JOINERS]
    return not lower or (label.group(1).isupper() and len(role.split()) <= 5)


ROLE_JOINERS = frozenset({"of", "for", "and", "the", "on", "in"})


def is_label(name: str) -> bool:
    """Capitalised words ("ELİF AYDIN", "Halvorsen", "Society of Chartered Surveyors Ireland"), not "Note"
    or "Update"."""
    words = name.split()
    return (
        words[0] not in NOT_LABELS
        and words[0][0].isupper()
        and all(word[0].isupper() or word in NAME_JOINERS for word in words)
    )


def is_transcript(text: str) -> bool:
    """Are the document's "Label: words" lines a transcript's speakers? Yes when a label is written in
    capitals ("KANG DONG-HYUN:"), names a presenter, or comes back ("HALVORSEN:" again and again). A
    round-up's "Industry:" or "Legislative Yuan:", each used once, heads a paragraph of narration."""
    seen: set[str] = set()
    members = 0
    for label in speaker_labels(text):
        name = label.group(1)
        if not is_label(name):
            continue
        if name in seen or HOSTS.search(label.group(0)):
            return True
        line_end = text.find("\n", label.end())
        line = text[label.end() : line_end if line_end >= 0 else len(text)]
        # "KANG DONG-HYUN: We ...", not a round-up's "FANS: The supporters' network was jubilant" nor its
        # "MINISTRY OF DIGITAL AFFAIRS: X presented the bill ... “we have let the platforms ...”" (a quotation)
        spoken = SPOKEN.search(QUOTED.sub(" ", line))
        if name.isupper() and len(name) > 2 and spoken:
            return True
        # a debate's excerpts: "Sunny Kuriakose (Congress): The government is punishing parents …", a member
        # named with their party, speaking in the first person, more than once in the document
        members += bool(spoken and label.group(3) and len(name.split()) > 1)
        if members > 1:
            return True
        seen.add(name)
    return False


QUOTED = re.compile(r"“[^”\n]*”?|\"[^\"\n]*\"?")
# words a speaker says and a narrator does not: a line in the first or second person
SPOKEN = re.compile(r"\b(?:I|I'm|I’m|me|my|we|We|us|our|Our|you|You|your|Your)\b")
