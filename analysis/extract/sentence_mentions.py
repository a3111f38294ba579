"""Who the gazetteer and the document's memory name in a sentence: the known actors' mentions, found a
paragraph at a time, and the surnames of people named earlier. A mixin of the document reader
(`reader.Reader`), whose text, index and memory it reads."""

from __future__ import annotations

import bisect
import re

from analysis.extract import mentions as mention_finder
from analysis.extract.actors import Mention
from analysis.extract.given_names import is_given_name
from analysis.extract.names import TITLE_WORDS
from analysis.extract.vocabulary import SENTENCE_OPENERS

# capitalised words that open a sentence before a surname ("But Galindo said"), not part of another name
CLAUSE_OPENERS = frozenset(
    {"but", "and", "or", "as", "when", "while", "if", "yet", "so", "then", "meanwhile", "however"}
)
NEXT_NAME_WORD = re.compile(r" [A-Z][a-z][\w’'\-]*")


class SentenceMentions:
    """The mention-finding steps of `reader.Reader`."""

    def _mentions(self, start: int, end: int, cache: dict[int, tuple[list[Mention], list[int]]]) -> list[Mention]:
        """The gazetteer's mentions in a sentence: found a paragraph at a time (fewer, longer regex passes),
        then shared out by bisecting their starts (a long paragraph would otherwise be scanned per sentence)."""
        paragraph_start = self.text.rfind("\n", 0, start) + 1
        if paragraph_start not in cache:
            paragraph_end = self.text.find("\n", start)
            found = mention_finder.find_mentions(
                self.text, paragraph_start, len(self.text) if paragraph_end < 0 else paragraph_end, self.index
            )
            cache[paragraph_start] = found, [m.start for m in found]
        found, starts = cache[paragraph_start]
        mentions = [
            m for m in found[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)] if m.end <= end
        ]
        return self._surnames(start, end, mentions)

    def _surnames(self, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
        added = [
            Mention(a, b, self.memory.surnames[surname])
            for a, b, surname in self.memory.surnames_in(self.text, start, end)
            if not any(o.start <= a < o.end for o in mentions)
            and not self._inside_other_name(a, surname)
            and not self._opens_other_name(b, surname)
        ]
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _opens_other_name(self, end: int, surname: str) -> bool:
        """'Her neighbour Ahmed Sherif' after 'Abdulmalik Yusuf Ahmed': a surname that is also a given name,
        followed by another capitalised word, opens someone else's name."""
        following = NEXT_NAME_WORD.match(self.text, end)
        if following is None:
            return False
        if is_given_name(surname):
            return True
        # "The mayor, Bacar Abdou Mhadjou," after "Ahmed Bacar Mdahoma": a middle name kept as a surname, before
        # a word that is not the one after it in the person's own name
        words = self.memory.surnames[surname].name.split()
        at = words.index(surname) if surname in words else len(words) - 1
        return at < len(words) - 1 and words[at + 1] != following.group(0).strip()

    def _inside_other_name(self, start: int, surname: str) -> bool:
        """'Lidl Polska' after 'Jerónimo Martins Polska', 'Liepāja Regional Hospital' after 'Kuldīga Hospital':
        a surname that ends another name (the word before it capitalised, no title, and not the person's own)."""
        # ... or follows a name's particle after a capitalised word ("Exportateurs de Café-Cacao")
        before = re.search(
            r"([A-Z][\w’'\-]*)(\s+(?:de|du|des|da|do|dos|das|del|della|di|of|la|le))?\s+$",
            self.text[max(0, start - 40) : start],
        )
        word = before.group(1).lower().rstrip(".") if before is not None else ""
        if not word or word in TITLE_WORDS or word in SENTENCE_OPENERS or word in CLAUSE_OPENERS:
            return False
        full = self.memory.surnames[surname].name
        particle = before.group(2)
        if particle and (word.endswith(("'s", "’s")) or f"{particle.strip()} {surname}" in full):
            return False  # "France's de Gaulle", "Paulo de Souza": the person's own particle
        return not full.endswith(f"{before.group(0).strip()} {surname}")
