"""What the document reader remembers of each sentence for the references that follow: who "he", "it", "the
party" or "the minister" will mean next. A mixin of the document reader (`reader.Reader`), whose namer,
memory and quotations it uses."""

from __future__ import annotations

from analysis.extract.claims import Sentence
from analysis.extract.introductions import gender_of
from analysis.extract.parse import PRONOUN_TAGS, PROPER_TAGS, child_case, children, is_proper
from analysis.extract.parse import Node as Token
from analysis.extract.phrase_heads import STATEMENT_NOUNS, is_the_statement
from analysis.extract.vocabulary import LOCATIVE_CASES, SEAT_HOLDERS, SPOKESPEOPLE
from analysis.extract.wording import subject_like

NAMED_ELSEWHERE = frozenset({"ROOT", "obj", "iobj", "obl", "obl:agent", "nmod", "attr", "conj", "ccomp", "xcomp"})


def _placed(token: Token) -> bool:
    first = token.head if token.dep_ == "conj" else token  # "around Hang Bac and Ma May"
    case = child_case(first)
    # "Mohammed al-Badi, the member for Sohar": the seat a member is for
    return case in LOCATIVE_CASES or (case == "for" and first.head.lower_ in SEAT_HOLDERS)


def _second_of_two(token) -> bool:
    """'Armando Sitoe and Joana Mabunda': a name joined to another by a conjunction ("Baia de Criș" is one)."""
    return token.dep_ == "conj" and any(c.dep_ == "cc" for c in token.children)


class Remembering:
    """The remembering steps of `reader.Reader`."""

    def _remember_subjects(self, sentence: Sentence, holders: dict) -> None:
        """The subjects of a sentence are who 'he', 'it' or 'the minister' will mean next: the main clause's
        subject most of all, so it is remembered last, after appositions and other clauses' subjects."""
        doc, base = sentence.doc, sentence.start
        self._remember_named_elsewhere(sentence)
        for token in sorted(doc, key=lambda t: (t.dep_.startswith("nsubj") and t.head.dep_ == "ROOT", t.i)):
            if subject_like(token) and token.tag_ not in PRONOUN_TAGS and not self.quotations.inside(base + token.idx):
                named = self.namer.name(token, base, sentence.mentions)
                if named is None:
                    # "Her neighbour, retired bank officer Vinayak Joshi, was less certain": the name the
                    # role noun governs
                    proper = next((c for c in children(token, "flat") if is_proper(c)), None)
                    named = self.namer.name(proper, base, sentence.mentions) if proper is not None else None
                # "The Government has now responded. It says …": a role noun the main clause's subject is "it" next
                main_subject = token.dep_.startswith("nsubj") and token.head.dep_ == "ROOT"
                if named is not None and (
                    named.rule != "pronoun"
                    and (named.rule != "role noun" or named.actor.kind == "person" or main_subject)
                ):
                    self.memory.remember(named.actor, roles=named.roles, gender=named.gender, text=self.text)
                if named is not None and named.rule == "spokesperson for" and token.lower_ in SPOKESPEOPLE:
                    self.memory.spoken_for(named.actor, gender_of(token.text))
        for named, _ in holders.values():
            for n in named:
                self.memory.remember(n.actor, roles=n.roles, gender=n.gender, text=self.text)
        self._remember_statement(sentence)

    def _remember_statement(self, sentence: Sentence) -> None:
        """ "The Zanu-PF government defended the move in a statement": whose statement "the statement said"
        will mean next (the main clause's subject; no one, when the sentence names none)."""
        doc, base = sentence.doc, sentence.start
        if not any(t.lower_ in STATEMENT_NOUNS and not is_the_statement(t) for t in doc):
            return
        root = next((t for t in doc if t.head.i == t.i), None)
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None) if root else None
        named = self.namer.name(subject, base, sentence.mentions) if subject is not None else None
        self.memory.statement_by = named.actor if named is not None else None

    def _remember_named_elsewhere(self, sentence: Sentence) -> None:
        """Other people named first, least salient ("First up is Adrian Voinea. He calls the tax ..."), and
        bodies named in passing, for "the party" ("the leader of the Swiss People's Party")."""
        doc, base = sentence.doc, sentence.start
        for token in doc:
            if (
                token.tag_ in PROPER_TAGS
                # not a name's other words; but "Armando Sitoe and Joana Mabunda": the second name, on the first
                and (token.head.i == token.i or token.head.tag_ not in PROPER_TAGS or _second_of_two(token))
                and token.dep_ in NAMED_ELSEWHERE
                and not self.quotations.inside(base + token.idx)
                and not _placed(token)
            ):
                named = self.namer.name(token, base, sentence.mentions)
                if named is None or named.rule not in ("name", "named"):
                    continue
                if named.actor.kind == "person":
                    self.memory.remember(named.actor, roles=named.roles, gender=named.gender, text=self.text)
                elif named.actor.kind != "commentators":
                    self.memory.note_body(named.actor, text=self.text)

    def _remember_mentions(self, sentence: Sentence) -> None:
        for mention in sentence.mentions:
            if mention.actor.kind == "person":
                self.memory.remember(mention.actor, text=self.text)
