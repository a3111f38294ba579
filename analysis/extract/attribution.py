"""Who a predicate or a reporting verb belongs to, past what the dependency relations alone give: reporting
verbs whose subject the parser lost, names cut by asides and relative clauses. Who speaks each quotation, and the
reporting verbs with no cue at all, are `speakers`'; who owns a cue tied to no holder is `cue_owners`'. A mixin
of the document reader (`reader.Reader`), whose memory and quotations it reads."""

from __future__ import annotations

import re

from analysis.extract.claims import Sentence
from analysis.extract.coordination import alongside, conjuncts
from analysis.extract.holders import holder_of, hypothetical
from analysis.extract.names import ACRONYM
from analysis.extract.naming import Named
from analysis.extract.parse import NOUN_TAGS, PRONOUN_TAGS, child_case, is_proper
from analysis.extract.parse import Node as Token
from analysis.extract.phrase_heads import listed_body
from analysis.extract.relatives import antecedent
from analysis.extract.vocabulary import MEMBER_NOUNS, words

ASIDE = re.compile(
    r",\s+(?:who|which|whose|where|one of|a|an|the|in|at|speaking|writing|like|unlike|including)\b"
    r"[^,]{0,120},"
)
# "X, whose members include A, B and C, said": a relative clause that runs up to the verb may list names
RELATIVE_BEFORE_VERB = re.compile(
    r",\s+(?:who|which|whose)\b[^,;:“”\"]{0,160}"
    r"(?:,\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)*(?:,?\s+and\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)?,\s*$"
)
NAME_RIGHT_BEFORE = re.compile(r"(?:\b[A-Z][\w'’\-]+|\([A-Z]{2,}\))\s+$")
DESCRIBING = frozenset({"acl:relcl", "xcomp", "compound", "advmod"})
REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "ourselves", "myself"})
CLAUSE_EDGE = re.compile(r"[;:—–]|,\s+(?:while|whereas|but|and)\s|\bwhile\b")
FRONTED = re.compile(
    r"(?:(?:North|South|East|West)(?:\s+of)?|Outside|Inside|Across|Beyond|Near|Along|Behind|Downstream|Upstream|"
    r"Back in|Over in|Further|In|At)\s[^,;:]{1,60},"
)
# "…, as did the PNP", "…, as have the Greens"
LIKEWISE_VERBS = words("did do does has have had")
WHILE = re.compile(r",\s+(?:while|whereas)\s")
OWN_SIDE = frozenset({"his", "her", "their", "its", "our"})
OBJECT_BEFORE = re.compile(
    r"\b(?:asked|asks|told|tells|urged|urges|called on|calls on|pressed|invited|ordered|"
    r"accused|thanked|met|named|appointed|against|with|by|to|for|of|from|on|at|in|than)\s+"
    r"(?:the\s+)?$"
    # "Deputy Itzel Navarro Rosas of the local party Futuro, …, said": a name described after a preposition
    r"|\b(?:of|from|for|with)\s+the\s+(?:(?-i:[a-z\-]+)\s+)?(?-i:party|union|group|movement|bloc|faction|caucus|"
    r"alliance|coalition|association|federation)\s+$",
    re.IGNORECASE,
)


class Attribution:
    """The attribution steps of `reader.Reader`."""

    def _holders(self, sentence: Sentence, predicates: list[int], speech_ids: set[int]) -> dict:
        holders: dict[int, tuple[list[Named], str]] = {}
        for i in predicates:
            token = sentence.doc[i]
            found = holder_of(token, speech=i in speech_ids and self._after_quote(sentence, token))
            if found is None:
                # the parser lost the subject of a reporting verb, or of a finite main verb ("In Canberra, the
                # minister, Helen Marsh, welcomed"): the name that opens its clause
                finite_root = token.dep_ == "ROOT" and (
                    token.tag_ in ("VBD", "VBZ", "VBP")
                    # "…, sewing operator Morjina Khatun, 27, was doing the sums"
                    or any(c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in token.children)
                )
                reporting = i in speech_ids and token.dep_ in ("ROOT", "parataxis", "conj")
                if (finite_root or reporting) and not hypothetical(token):
                    named = self._name_before(sentence, token)
                    # past a reporting verb any name; past another verb a person, as in `_named_holders`
                    if named is not None and (
                        reporting or named.actor.kind == "person" or self._right_before(sentence, token)
                    ):
                        holders[i] = ([named], "name before the verb")
                continue
            if found.rule == "shared subject" and WHILE.search(
                self.text, sentence.start + found.token.idx, sentence.start + token.idx
            ):
                # "A voted for the bill, while B voted against", misparsed as one subject for both: the name in
                # the while-clause, before its verb
                fallback = self._name_before(sentence, token)
                if fallback is not None:
                    holders[i] = ([fallback], "subject")
                    continue
            matrix = self._matrix_subject(sentence, token, found) if i in speech_ids else None
            if matrix is not None:
                holders[i] = ([matrix], "subject")
                continue
            holder = antecedent(found.token) or found.token
            reporter = self._reporter_of_own_side(sentence, token, holder, speech_ids)
            if reporter is not None:
                holders[i] = ([reporter], f"{found.rule}, reporter's own side")
                continue
            named = self._named_holders(sentence, token, holder, speech=i in speech_ids)
            if named:
                named += self._likewise(sentence, holder.head, named)
                named += self._included(sentence, holder, token, named)
                rule = found.rule if named[0].rule in ("named", "name", "group") else f"{found.rule}, {named[0].rule}"
                holders[i] = (named, rule)
        return holders

    def _likewise(self, sentence: Sentence, verb: Token, named: list[Named]) -> list[Named]:
        """'The JTA welcomed the change, as did the PNP', 'Unión por la Patria voted in favour, as did the Frente
        de Izquierda and UCR-Evolución', '…, along with X': who the clause "as did X" adds holds what the verb's
        subject does (the parser reads X as the object of "did" as often as its subject)."""
        found: list[Named] = []
        for beside in alongside(verb):
            other = self.namer.name(beside, sentence.start, sentence.mentions)
            if other is not None and all(other.actor != n.actor for n in [*named, *found]):
                found.append(other)
        for clause in verb.children:
            if (
                clause.dep_ == "advcl"
                and clause.lower_ in LIKEWISE_VERBS
                and any(
                    c.dep_ in ("mark", "advmod") and c.lower_ in ("as", "so") and c.i < clause.i
                    for c in clause.children
                )
            ):
                after = [c for c in clause.children if c.dep_ in ("nsubj", "obj") and c.i > clause.i]
                for token in conjuncts(after[0]) if after else []:
                    other = self.namer.name(token, sentence.start, sentence.mentions)
                    if other is not None and all(other.actor != n.actor for n in [*named, *found]):
                        found.append(other)
        return found

    def _included(self, sentence: Sentence, holder: Token, verb: Token, named: list[Named]) -> list[Named]:
        """'was criticised by several unions, including Unite and the GMB', 'Several groups, including Amnesty,
        criticised': the bodies a group is said to include hold its position too."""
        found: list[Named] = []
        for phrase in (*holder.children, *(verb.children if holder.dep_ == "obl:agent" else ())):
            cases = [c for c in phrase.children if c.dep_ == "case"]
            right_after = bool(cases) and cases[0].i in (holder.i + 1, holder.i + 2)
            if [c.lower_ for c in cases] != ["including"] or not right_after or phrase.dep_ not in ("nmod", "obl"):
                continue  # not "including in France", where the group is found, not who is in it
            for token in conjuncts(phrase):
                if any(c.dep_ == "cc" and c.lower_ == "but" for c in token.children):
                    break  # "including Unite but not the GMB"
                if not (is_proper(token) or ACRONYM.fullmatch(token.text)):
                    continue  # "including Apple's suppliers": a description, no body of the group's
                other = self.namer.name(token, sentence.start, sentence.mentions)
                if other is not None and all(other.actor != n.actor for n in [*named, *found]):
                    found.append(other)
        return found + self._among_them(sentence, holder, [*named, *found])

    def _among_them(self, sentence: Sentence, holder: Token, named: list[Named]) -> list[Named]:
        """'Several environmental organisations, among them WWF Greece, welcomed the cap': the names after
        "among them" are of the group, and hold its position too."""
        among = next(
            (c for c in holder.children if c.lower_ == "them" and any(g.lower_ == "among" for g in c.children)), None
        )
        if among is None:
            return []
        found: list[Named] = []
        for name in (c for c in holder.children if c.dep_ == "appos" and c.i > among.i and is_proper(c)):
            for token in conjuncts(name):
                other = self.namer.name(token, sentence.start, sentence.mentions)
                if other is not None and all(other.actor != n.actor for n in [*named, *found]):
                    found.append(other)
        return found

    def _right_before(self, sentence: Sentence, verb: Token) -> bool:
        """'Across the South China Sea, Gabungan Parti Sarawak (GPS) welcomed': a name (or its acronym) right
        before the verb is its subject, whatever the parse made of it."""
        return bool(
            NAME_RIGHT_BEFORE.search(
                self.text, max(sentence.start, sentence.start + verb.idx - 40), sentence.start + verb.idx
            )
        )

    def _matrix_subject(self, sentence: Sentence, verb: Token, found) -> Named | None:
        """'The ISA noted that the blocks lie in Norway's waters and said it ...', parsed with "said" sharing
        the subject of the reported clause: a reporting verb's shared subject that is no actor gives way to
        the subject of the verb that clause reports to."""
        clause = found.token.head
        if found.rule != "shared subject" or verb.head.i != clause.i or clause.dep_ != "ccomp":
            return None
        if found.token.tag_ not in NOUN_TAGS or is_proper(found.token):
            return None
        upper = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if upper is None:
            return None
        if self.namer.name(found.token, sentence.start, sentence.mentions) is not None and not (
            # "Its president, Hery Rabemananjara, said hauliers had never been consulted and called the toll
            # “a death sentence”": a group spoken of in the reported clause does not speak in the next verb
            # when a named person reports it
            found.token.tag_ == "NNS" and upper.tag_ not in ("NNS", "NNPS")
        ):
            return None
        return self.namer.name(upper, sentence.start, sentence.mentions)

    def _named_holders(self, sentence: Sentence, token: Token, holder: Token, *, speech: bool) -> list[Named]:
        """The actors the holder token and its conjuncts name; failing that, the name before the verb; and a
        list of names before the verb that the parser read as one name, or cut short."""
        aside = RELATIVE_BEFORE_VERB.search(self.text, sentence.start, sentence.start + token.idx)
        if aside is not None and holder.i < token.i and sentence.start + holder.idx > aside.start():
            # "Salvatore Lo Giudice, 54, who skippers a trawler out of Mazara del Vallo, told us", its subject
            # taken from inside the relative clause: the name before the clause
            fallback = self._name_before(sentence, token)
            if fallback is not None:
                return [fallback]
        fronted = self._fronted_phrase_end(sentence, holder, token)
        if fronted:
            # "South of the border, the Lumber Coalition ... welcomed", "Outside Government House, 40 herders were
            # jubilant": the place that opens the sentence is no one; the name after it, before the verb, is
            fallback = self._name_before(sentence, token, after=fronted)
            if fallback is not None:
                return [fallback]
        # "Commissioners Ruth Aaseng and Bill Tollefson voted no": the people in apposition to a plural role
        # are coordinated under the first of them
        listed_people = [c for a in holder.children if a.dep_ == "appos" for c in conjuncts(a)[1:]]
        listed_people += self._other_member_bodies(sentence, holder)
        named = [
            n
            for n in (self.namer.name(t, sentence.start, sentence.mentions) for t in conjuncts(holder) + listed_people)
            if n is not None
        ]
        # "she would write to the Minister of Local Government asking him to …": a pronoun the verb shares with
        # the verb before it is read right; the name before this verb is that verb's object
        shared_pronoun = (
            holder.tag_ == "PRP" and token.dep_ == "advcl" and token.tag_ == "VBG" and holder.head is token.head
        )
        if not named and (speech or holder.i < token.i) and not hypothetical(token) and not shared_pronoun:
            # "AfD parliamentary leader Dieter Vossberg denounced", its subject misread: the name before the verb
            fallback = self._name_before(sentence, token)
            if fallback is not None and (speech or fallback.actor.kind == "person"):
                named = [fallback]
        if holder.i < token.i:
            # "In Brussels, France and Germany backed …": the list starts after the phrase of place that opens it
            fronted = FRONTED.match(self.text, sentence.start, sentence.start + token.idx)
            begin = fronted.end() if fronted is not None else sentence.start
            listed_from, listed = self.namer.listed(begin, sentence.start + token.idx, sentence.mentions)
            if len(listed) >= max(len(named), 2) and sentence.start + holder.idx >= listed_from:
                named = listed
        return named

    def _other_member_bodies(self, sentence: Sentence, holder: Token) -> list[Token]:
        """'The councillors of the governing Partido Popular (PP) and of Vox voted': the bodies after the first,
        when the holder is named after the first (not "lawmakers from Bavaria and Saxony": places)."""
        if holder.lower_ not in MEMBER_NOUNS or holder.tag_ not in ("NNS", "NNPS"):
            return []
        named = self.namer.name(holder, sentence.start, sentence.mentions)
        if named is None:
            return []
        for body in holder.children:
            if body.dep_ == "nmod" and child_case(body) in ("from", "of"):
                body = listed_body(body) or body
                first = self.namer.name(body, sentence.start, sentence.mentions)
                if first is not None and first.actor == named.actor:
                    return conjuncts(body)[1:]
        return []

    def _fronted_phrase_end(self, sentence: Sentence, holder: Token, verb: Token) -> int:
        """Where a phrase of place that opens the sentence ends ("South of the border,", "Outside Government
        House,"), when the holder the parse found is inside it; else 0."""
        fronted = FRONTED.match(self.text[sentence.start : sentence.start + verb.idx])
        inside = fronted is not None and holder.idx < fronted.end()
        return sentence.start + fronted.end() if inside else 0

    def _reporter_of_own_side(self, sentence: Sentence, predicate: Token, holder: Token, speech_ids) -> Named | None:
        """'Seidu said his caucus would abstain', 'LR said their deputies would not vote for it': a subject
        owned by a pronoun, in what a named reporter says, is the reporter's own side, and the reporter holds
        the position."""
        if not any(c.dep_ == "nmod:poss" and c.lower_ in OWN_SIDE for c in holder.children):
            return None
        clause = predicate
        while clause.dep_ not in ("ccomp", "parataxis") and clause.head.i != clause.i:
            clause = clause.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.i not in speech_ids:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ in PRONOUN_TAGS:
            return None
        return self.namer.name(subject, sentence.start, sentence.mentions)

    def _name_before(self, sentence: Sentence, verb: Token, *, after: int = 0) -> Named | None:
        """'Opening the debate, Councillor Rewi Tapsell, who holds the housing portfolio, said ...': the last
        name or subject before the verb (and after `after`), leaving out asides between commas and objects of
        other verbs."""
        start = max(sentence.start, after)
        for edge in CLAUSE_EDGE.finditer(self.text, sentence.start, sentence.start + verb.idx):
            start = edge.end()
        stretch = self.text[start : sentence.start + verb.idx]
        blank = lambda m: " " * len(m.group(0))  # noqa: E731
        stretch = ASIDE.sub(blank, RELATIVE_BEFORE_VERB.sub(blank, stretch))
        candidates = [
            t
            for t in sentence.doc[: verb.i]
            if sentence.start + t.idx >= start
            and not stretch[sentence.start + t.idx - start].isspace()
            and (t.tag_ in PRONOUN_TAGS or t.tag_ in NOUN_TAGS)
            # "The consortium itself describes …": the common noun it stresses, named or not (not "EPBiH itself")
            and not (t.lower_ in REFLEXIVES and t.head.tag_ in ("NN", "NNS"))
            and not self.quotations.inside(sentence.start + t.idx)
        ]
        for token in reversed(candidates):
            if OBJECT_BEFORE.search(
                self.text[max(start, sentence.start + token.idx - 25) : sentence.start + token.idx]
            ):
                continue
            if (
                token.tag_ in NOUN_TAGS
                and token.i + 1 < len(sentence.doc)
                and sentence.doc[token.i + 1].tag_ in NOUN_TAGS
                and sentence.doc[token.i + 1].i < verb.i
            ):
                continue  # not the head of its noun phrase
            named = self.namer.name(token, sentence.start, sentence.mentions)
            if named is not None:
                return named
            break
        return None

    def _after_quote(self, sentence: Sentence, verb: Token) -> bool:
        """'“…,” said X' / '“…,” X said': the verb follows a closing quotation mark (and a comma)."""
        before = self.text[max(sentence.start, sentence.start + verb.idx - 4) : sentence.start + verb.idx]
        return bool(re.search(r"[”\"][,.]?\s*$|[”\"],?\s*$", before))
