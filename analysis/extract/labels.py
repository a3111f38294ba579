"""Naming a speaker from the words a text writes for them outside any sentence: a transcript's label
("NEEMA KIMARO:"), a press release's signature ("– Tom Vurlis, Chief Executive"), or a line that introduces the
quotation under it ("German County Association:"). A mixin of `naming.Namer`, which holds the document's text,
gazetteer index and memory."""

from __future__ import annotations

import re

from analysis.extract import actors as actor_finder
from analysis.extract.actors import Actor
from analysis.extract.names import TITLE_WORDS, kind_of_name
from analysis.extract.phrase_heads import same_person

# how a speaker is addressed, which names no one: "Mr Chair", "Madam Speaker"
ADDRESSES = ("mr", "mrs", "ms", "madam", "madame", "miss")


class LabelNaming:
    def label(self, label: str) -> Actor:
        """The speaker a transcript label names: 'NEEMA KIMARO' is the Dr Neema Kimaro introduced before."""
        # a label in capitals is a name in capitals ("DEMİR"), not "TAFE Directors Australia" signing a quotation
        capitals = all(w.isupper() for w in label.split() if len(w) > 3)
        name = " ".join(
            w if not capitals or not w.isupper() or (len(w) <= 3 and "." in w) else w.title().replace("i\u0307", "i")
            for w in label.split()
        )
        words = name.split()
        # a label with a given name is nobody else of that surname ("Rep. Elena Villarreal" after "Mauricio
        # Garza Villarreal")
        own = [w for w in words if w.lower().rstrip(".") not in TITLE_WORDS] or words[-1:]
        if words[-1] in self.memory.surnames and same_person(self.memory.surnames[words[-1]], own):
            return self.memory.surnames[words[-1]]
        if name in self.memory.acronyms:
            return self.memory.acronyms[name]
        for actor in reversed(self.memory.people):
            if same_person(actor, own):
                return actor
        known = self.index.near_match(name)
        if known is not None:
            return known
        # the introduction of the name in full ("KIMARO" is the Dr Neema Kimaro named before), within one line
        # and one sentence ("Monday. Greenpeace Chile" is no name); a label of several words is its own full name
        pattern = re.compile(rf"(?:(?:[A-Z][\w'’\-]{{0,2}}\.|[A-Z][\w'’\-]*)[ \t]+){{0,4}}{re.escape(name)}\b")
        introduced = pattern.search(self.text)
        full = introduced.group(0) if introduced else name
        kind = kind_of_name(name, default="person")
        # a body's label is its whole name ("Railway and Transport Union"), a person's without the titles
        full_words = [w for w in full.split() if w.lower().rstrip(".") not in TITLE_WORDS] if kind == "person" else []
        if all(w.lower().rstrip(".") in ("the", "a", "an", *ADDRESSES) for w in full_words):
            # "THE MINISTER OF ENVIRONMENT": an office, named as the label names it; "CHAIR:" after "Mr Chair"
            full_words = []
        actor = Actor(name=" ".join(full_words) or name, actor_id=actor_finder.slug(name), kind=kind)
        self.memory.remember(actor, text=self.text)
        return actor
