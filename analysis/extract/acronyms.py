"""The acronyms a document defines ("the Peace and Security Council (PSC)", "the Korea Federation for
Environmental Movements, or KFEM,"), each with the name it stands for, so that a later "PSC" names that body."""

from __future__ import annotations

import re

from analysis.extract.actors import Actor, ActorIndex
from analysis.extract.names import kind_of_name, known_or_new

DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’\-]*\s+(?:(?:of|for|and|on|the|de|in|&)\s+)*){1,8}[A-Z][\w'’\-]*)\s*"
    # "the Peace and Security Council (PSC)", or in apposition: "the American Chamber of Commerce in Korea, AMCHAM,"
    # "the Korea Federation for Environmental Movements, or KFEM,"; "..., known as Suhyup," is a banner
    r"(?:\(([A-Z][A-Za-z0-9&]{1,7})\)|,\s+(?:or\s+)?([A-Z][A-Z0-9&]{1,7})(?=[,.;]))"
)


def acronyms_of(text: str, index: ActorIndex) -> dict[str, Actor]:
    """Acronyms the document defines: 'the Peace and Security Council (PSC)'."""
    found = {}
    for match in DEFINED_ACRONYM.finditer(text):
        name = re.sub(r"^(?:The|A|An)\s+", "", match.group(1).strip())
        words = name.split()
        acronym = match.group(2) or match.group(3)
        letters = acronym.rstrip("s").upper()
        # the name is the shortest tail of the capitalised run whose initials spell the acronym; a name
        # whose initials do not ("Wong Kah Leong (MRP)") gives its party, not its own name, in brackets
        # "Grains Retailers’ Confederation of the Philippines (GRECON)": the acronym may leave out a last "of ..."
        cuts = [len(words)] + [i for i in range(len(words) - 1, 0, -1) if words[i] in ("of", "for", "in")]
        spelled = None
        for cut in cuts:
            stem = _spelling(words[:cut], letters)
            if stem is not None:
                spelled = " ".join([stem, *words[cut:]])
                break
        if spelled is None or acronym in found:
            continue
        found[acronym] = known_or_new(spelled, index, kind=kind_of_name(spelled, default="organization"))
    return found


def _spelling(words: list[str], letters: str) -> str | None:
    """The shortest tail of the words whose initials spell the letters (or, failing that, whose leading
    letters do: "Amalgamated Commercial Motorcycle ... (ACOMORAN)")."""
    for size in range(1, len(words) + 1):
        tail = words[-size:]
        if "".join(w[0] for w in tail if w[0].isupper()).upper() == letters:
            return " ".join(tail)
    for size in range(2, len(words) + 1):
        if _spelled_by_prefixes([w for w in words[-size:] if w[0].isupper()], letters):
            return " ".join(words[-size:])
    return None


def _spelled_by_prefixes(words: list[str], letters: str) -> bool:
    """Whether `letters` is the words' leading letters, each word giving one or more (at most three)."""
    if not words:
        return not letters
    head = words[0].upper()
    return any(
        letters.startswith(head[:n]) and _spelled_by_prefixes(words[1:], letters[n:])
        for n in range(1, min(3, len(head), len(letters)) + 1)
    )
