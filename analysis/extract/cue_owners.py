"""Who owns a cue the dependency relations tied to no holder directly: its quotation's speaker, the
nearest predicate above it that has a holder, the X of "according to X" (and when X holds the main clause),
a name the tagger misread, and, failing the parse, the nearest subject or actor before it. A mixin of the
document reader (`reader.Reader`), next to `attribution.Attribution`, whose holders it reads."""

from __future__ import annotations

from analysis.extract.actors import Actor
from analysis.extract.attribution import CLAUSE_EDGE, DESCRIBING, OBJECT_BEFORE
from analysis.extract.claims import Sentence
from analysis.extract.coordination import conjuncts
from analysis.extract.holders import SPEECH_FORMS, holder_of, predicted
from analysis.extract.naming import Named
from analysis.extract.nodes import FINITE_TAGS
from analysis.extract.parse import NOUN_TAGS, PRONOUN_TAGS, PROPER_TAGS, VERB_TAGS
from analysis.extract.parse import Node as Token
from analysis.extract.references import actor_key
from analysis.extract.relatives import antecedent
from analysis.extract.view_sources import below_main_clause, view_framed_by
from analysis.extract.vocabulary import words

# verbs by which a speaker reports a third party's message ("has told this House that ...", "has written to the
# minister asking ..."), inside the speaker's own quoted words; not "said", by which speakers cite others to argue
# their own case ("The court has said clearly that ..."), nor the present ("the council tells me I am the problem")
REPORTED_BY_OTHERS = words("told written wrote warned certified")
# the message is the verb's clause: "told us that ...", "wrote to the minister asking her to ..."
MESSAGE_CLAUSES = frozenset({"ccomp", "xcomp", "advcl"})
# a clause joined to the report is the speaker's again: "..., and I agree with them", "..., which is outrageous"
SPEAKERS_OWN_CLAUSES = frozenset({"conj", "parataxis", "acl:relcl", "acl"})
NOBODY = frozenset({"nobody", "no-one", "none", "nothing"})
# the speaker's own side, inside the speaker's words: "our union has told the minister ..."
OWN_SIDE_WORDS = frozenset({"i", "we", "my", "our"})


class CueOwnership:
    """The cue-owner steps of `reader.Reader`."""

    def _owner_of_cue(self, sentence: Sentence, token: Token, found_cues: list, holders: dict, source_named):
        """(named, rule, predicate, mode) of a cue: its quotation's speaker, the nearest predicate above it
        with a holder, the X of 'according to X', or, failing the parse, the nearest actor before it."""
        position = sentence.start + token.idx
        quotation = self.quotations.at(position)
        if quotation is not None:
            # "In her telling, nurses have been “thanked …”": a sentence framed as someone's view is theirs
            quoted_verb = self._quoted_verb_owner(sentence, token, quotation) if source_named is None else None
            if quoted_verb is not None:
                return quoted_verb
            return self._quotation_owner(sentence, token, quotation, found_cues)
        if predicted(token):
            return None  # "Egypt is expected to vote against": a prediction, nobody's position
        misread = self._name_before_misread_verb(sentence, token)
        if misread is None and token.tag_ in NOUN_TAGS:
            # "The Forum for Democratic Rights voiced concern", "voiced" taken for an adjective of "concern"
            verb = next((c for c in token.children if c.dep_ == "amod" and c.i == token.i - 1), None)
            misread = self._name_before_misread_verb(sentence, verb) if verb is not None else None
        if misread is not None:
            return [misread], "name before the verb", None, "reported"
        owner = _owner(token, holders)
        if owner is not None and not self._framed_as_a_view(sentence, owner[2], source_named):
            named, rule, predicate = owner
            return named, rule, predicate, "reported"
        if source_named is not None:  # the evidence is the sentence: "According to X, ..." frames all of it
            root = next((t for t in sentence.doc if t.dep_ == "ROOT"), None)
            return [source_named], "according to", root, "reported"
        if token.tag_ in NOUN_TAGS and (
            token.dep_ in ("nmod", "obl", "compound", "nmod:poss") or any(c.dep_ == "case" for c in token.children)
        ):
            # "a two-year dispute", "of illegal content": the writer's words, nobody's position; but "Business groups
            # reacted with dismay" is the subject's feeling
            return self._feeling_of_subject(sentence, token)
        return self._fallback_owner(sentence, token, position)

    def _source_holds_main_clause(self, sentence: Sentence, claims: dict, cue_tokens: dict, source_named) -> None:
        """'According to Brazil's ministry, the deal guarantees “predictability”, although some officials have
        questioned it': the source holds the main clause, whoever holds a clause below it."""
        doc = sentence.doc
        if (
            source_named is None
            or not all(below_main_clause(doc, claim.predicate) for claim in claims.values())
            or self._another_speaker(sentence, source_named.actor)
        ):
            return
        root = next(t for t in doc if t.head.i == t.i)
        # "According to the ministry, the treaty ends “thirty years of improvisation”": the source holds it
        owned = {cue[0] for other in claims.values() for cue in other.cues}
        claim = self._claim(claims, source_named.actor, "according to", "reported", sentence, root, root)
        claim.spoken = [(sentence.start, sentence.end)]
        # "In the view of the Tenants' Association, the extension was “long overdue”": the quoted cue is its
        claim.cues.extend(cue for found in cue_tokens.values() for cue in found if cue[0] not in owned)

    def _another_speaker(self, sentence: Sentence, source: Actor) -> bool:
        """'According to two officers, she told senior staff …': a speech verb in the main clause whose subject
        is someone other than the source, who then holds what is said."""
        for verb in sentence.doc:
            if verb.lower_ not in SPEECH_FORMS or verb.tag_ not in VERB_TAGS or below_main_clause(sentence.doc, verb.i):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            named = self.namer.name(subject, sentence.start, sentence.mentions) if subject is not None else None
            if named is not None and actor_key(named.actor) != actor_key(source):
                return True
        return False

    @staticmethod
    def _framed_as_a_view(sentence: Sentence, predicate: Token | None, source_named) -> bool:
        """'In his view, Belarus has traded away its last chip, and the neighbours would be wise to respond
        with patience': a sentence framed as someone's view is theirs, whoever its clauses' subjects are, unless
        a subject is said to speak ("according to X" may only report a fact: "…, the ministry criticised")."""
        said = predicate is not None and predicate.lower_ in SPEECH_FORMS and predicate.tag_ in FINITE_TAGS
        if source_named is None or said:
            return False
        return view_framed_by(sentence.doc) is not None

    def _quoted_verb_owner(self, sentence: Sentence, token: Token, quotation: int):
        """'The RHA “strongly opposes” the levy': the writer's sentence quotes only its verb, whose subject stands
        outside the quotation and holds it."""
        run = self.quotations.runs[quotation]
        if run.start <= sentence.start or run.end >= sentence.end or run.label or token.tag_ not in VERB_TAGS:
            return None
        if token.head is not token:
            return None  # "X said the Government has “pulled the rug …”": the quotation is X's words of others
        outside = [t for t in sentence.doc if not self.quotations.inside(sentence.start + t.idx)]
        if any(t.lower_ in SPEECH_FORMS and t.tag_ in VERB_TAGS for t in outside):
            return None  # "Canada would “win again,” the trade minister said": the words are the speaker's
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None or self.quotations.inside(sentence.start + subject.idx) or subject.tag_ in PRONOUN_TAGS:
            return None
        holders = self._holders(sentence, [token.i], set())
        if token.i not in holders:
            return None
        named, rule = holders[token.i]
        return named, rule, token, "reported"

    def _quotation_owner(self, sentence: Sentence, token: Token, quotation: int, found_cues: list):
        if self.quotations.runs[quotation].host:
            return None
        speaker = self.quotations.speaker(quotation)
        reported = self._reporter_in_quotation(sentence, token, speaker)
        if reported is not None:
            return [reported[0]], "reported in the quotation", reported[1], "reported"
        if speaker is None:
            self._wait(quotation, sentence, found_cues)
            return None
        return [Named(speaker, "speaker")], "speaker of the quotation", None, "direct"

    def _reporter_in_quotation(self, sentence: Sentence, token: Token, speaker: Actor | None):
        """(named, verb): 'The warden of the County of Annapolis has written to the minister asking her to
        reverse it', in a member's speech: a body the speaker names as having told or written something holds
        what its message says. Not "we" or "our union" (the speaker's side), nor a pronoun (who "he" is, inside
        quoted words, is the speaker's to say), nor a clause the speaker adds ("..., and I agree with them")."""
        below = None
        while True:  # up from the cue to the reporting verb whose message holds it
            if token.lower_ in REPORTED_BY_OTHERS and token.tag_ in VERB_TAGS:
                return self._reported_body(sentence, token, below, speaker)
            if token.dep_ in SPEAKERS_OWN_CLAUSES or token.head.i == token.i:
                return None
            below, token = token, token.head

    def _reported_body(self, sentence: Sentence, verb: Token, below: Token | None, speaker: Actor | None):
        message = [c for c in verb.children if c.dep_ in MESSAGE_CLAUSES]
        if not message or (below is not None and below not in message):
            return None  # "Parliament wrote this levy into law": no message; "..., and we are furious"
        if verb.dep_ not in ("ROOT", "ccomp") or not self.quotations.inside(sentence.start + verb.idx):
            return None  # not the writer's "told", nor "the innovation Beijing says it wants"
        if below is None and any(c.dep_ in SPEAKERS_OWN_CLAUSES and c.tag_ in VERB_TAGS for c in verb.children):
            return None  # a whole sentence that also holds the speaker's own clause stays the speaker's
        if any(t.dep_.startswith("nsubj") and t.lower_ == "which" for t in verb.subtree):
            return None  # "..., which is outrageous": the speaker's comment, whatever the parse joins it to
        holder = holder_of(verb, speech=False)
        subject = holder.token if holder is not None and holder.rule == "subject" else None
        if subject is None or subject.tag_ in PRONOUN_TAGS or subject.lower_ in OWN_SIDE_WORDS | NOBODY:
            return None
        if any(c.lower_ in NOBODY for c in verb.children if c.dep_ == "obj"):
            return None  # "the Opposition told us nothing": a reproach, the speaker's
        if any(c.dep_ == "nmod:poss" and c.lower_ in OWN_SIDE_WORDS for c in subject.children):
            return None
        found = self._named_holders(sentence, verb, subject, speech=True)
        named = found[0] if len(found) == 1 else None
        if named is None or (speaker is not None and actor_key(named.actor) == actor_key(speaker)):
            return None
        return named, verb

    def _feeling_of_subject(self, sentence: Sentence, token: Token):
        if not _manner_of_main_verb(token):
            return None
        governing = self._governing_subject(sentence, token)
        return None if governing is None else (governing[0], "subject", governing[1], "reported")

    def _name_before_misread_verb(self, sentence: Sentence, token: Token) -> Named | None:
        """'Tomasz Nowak denounced price freezes', parsed as if "denounced" described the freezes: a cue verb
        the tagger took for an adjective, right after a proper name, is that name's."""
        if token.i == 0 or token.tag_ in ("VB", "VBG", "VBP", "VBZ", "MD") or token.dep_ not in ("amod", "compound"):
            return None
        before = sentence.doc[token.i - 1]
        # "Liberal Vannin backs official status but …", parsed as a noun phrase with no verb: "backs" is one
        verbless = token.tag_ == "NNS" and not any(t.tag_ in FINITE_TAGS for t in sentence.doc[: token.i])
        if not (token.lower_.endswith("ed") or (verbless and _root_is_noun(sentence.doc))):
            return None
        if before.tag_ in PROPER_TAGS:
            return self.namer.name(before, sentence.start, sentence.mentions)
        # "Harun rejected suggestions ...", the name itself read as a common noun: a capitalised word opening
        # the sentence that the document never writes in lower case
        if before.i == 0 and before.text[:1].isupper() and self.namer.may_be_name(before.text):
            return self.namer.proper_name(before, sentence.start, sentence.mentions)
        return None

    def _fallback_owner(self, sentence: Sentence, token: Token, position: int):
        """When the parse tied a cue to no holder: the nearest subject before it that names an actor, else the
        paragraph's heading actor, else a vague group as the subject before it, else the nearest actor named
        before it."""
        if token.dep_ in DESCRIBING or (token.dep_ == "acl" and token.tag_ == "VB"):
            return None  # "which is expected to approve it", "a fund to support ...": a description, no one's act
        governing = self._governing_subject(sentence, token)
        if governing is not None:  # "RUCO, the state agency that ..., took a more measured line"
            return governing[0], "subject", governing[1], "reported"
        subject = self._subject_before(sentence, token)
        if subject is not None and subject.actor.kind != "commentators":
            return [subject], "nearest subject before", None, "reported"
        heading = self._heading_of(sentence)
        if heading is not None:  # "Swedish Bankers' Association: A brief statement congratulated Ekholm"
            return [Named(heading, "named")], "paragraph heading", None, "reported"
        if subject is not None:
            return [subject], "nearest subject before", None, "reported"
        nearest = self._nearest_before(sentence, position)
        if nearest is not None:
            return [Named(nearest, "named")], "nearest actor before", None, "reported"
        return None

    def _governing_subject(self, sentence: Sentence, cue: Token) -> tuple[list[Named], Token] | None:
        """A cue inside a noun phrase ("a more measured line", "its blessing"): (the subject and the subjects
        coordinated with it, the verb) of the verb that noun phrase is the object of, when that verb is the
        sentence's own ("Members of the JWF and the Awami Workers' League staged a walkout")."""
        node = cue
        for _ in range(4):
            allowed = node.dep_ in ("amod", "obj", "compound", "nmod", "iobj", "advmod")
            if node.head.i == node.i or not (allowed or (node is cue and (_manner_of_main_verb(node) or _says(node)))):
                return None
            node = node.head
            if node.tag_ in VERB_TAGS:
                break
        else:
            return None
        if node.dep_ != "ROOT" or node.i < cue.i - 8:
            return None
        found = holder_of(node, speech=False)
        if found is None or found.token.i > node.i:
            return None
        holder = antecedent(found.token) or found.token
        named = self.namer.name(holder, sentence.start, sentence.mentions)
        if named is None:
            return None
        others = [
            n
            for n in (self.namer.name(t, sentence.start, sentence.mentions) for t in conjuncts(holder)[1:])
            if n is not None and n.actor != named.actor
        ]
        return [named, *others], node

    def _subject_before(self, sentence: Sentence, cue: Token) -> Named | None:
        """The last subject before a cue that names an actor, when the parse tied the cue to none; not a
        relative clause's ("whose members build cars")."""
        for token in reversed(sentence.doc[: cue.i]):
            if any(c.tag_ == "WP$" for c in token.children):
                continue
            if token.dep_ in ("nsubj", "nsubj:pass") and not self.quotations.inside(sentence.start + token.idx):
                named = self.namer.name(token, sentence.start, sentence.mentions)
                if named is not None:
                    return named
        return None

    def _nearest_before(self, sentence: Sentence, position: int) -> Actor | None:
        """The last actor named before a cue in its clause, when the parse gave the cue no holder."""
        clause_start = sentence.start
        for edge in CLAUSE_EDGE.finditer(self.text, sentence.start, position):
            clause_start = edge.end()
        before = [
            m
            for m in sentence.mentions
            if clause_start <= m.start
            and m.end <= position
            and not self.quotations.inside(m.start)
            and not OBJECT_BEFORE.search(self.text[max(clause_start, m.start - 25) : m.start])
        ]
        return before[-1].actor if before else None


def _owner(token: Token, holders: dict):
    """The nearest predicate at or above `token` that has a holder: (named, rule, predicate). A vague group
    in a reported clause ("The union said workers would lose out", "Haque said residents had petitioned for
    the ban") is what the reporter speaks of: the reporter holds the position."""
    found = None
    reported = False
    for _ in range(12):
        if token.i in holders:
            named, rule = holders[token.i]
            if found is None:
                found = named, rule, token
                if not all(n.actor.kind == "commentators" for n in named):
                    return found
            elif reported and token.lower_ in SPEECH_FORMS and not any(n.actor.kind == "commentators" for n in named):
                return named, f"{rule}, the reporter of a vague group", token
        if token.head.i == token.i:
            return found
        reported = reported or (found is not None and token.dep_ in ("ccomp", "parataxis"))
        token = token.head
    return found


# what a body issues that says something: "issued statements welcoming the decision"
MESSAGES = words("statement statements letter letters communique communiqué message messages note release tweet post")


def _says(cue: Token) -> bool:
    """'statements welcoming the decision', 'a letter condemning it': the cue is what the message says."""
    return cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.lower_ in MESSAGES


def _manner_of_main_verb(token: Token) -> bool:
    """A feeling in a "with" phrase of the sentence's main verb ("reacted with dismay", "greeted it with
    relief"), or what the verb was done "in" ("parked their motorbikes along Kissy Road in protest")."""
    return (
        token.dep_ == "obl"
        and token.head.dep_ == "ROOT"
        and token.head.tag_ in VERB_TAGS
        and any(
            c.dep_ == "case"
            and (c.lower_ == "with" or (c.lower_ == "in" and c.i == token.i - 1 and token.lower_ == "protest"))
            for c in token.children
        )
    )


def _root_is_noun(doc) -> bool:
    return any(t.dep_ == "ROOT" and t.tag_ in NOUN_TAGS for t in doc)
