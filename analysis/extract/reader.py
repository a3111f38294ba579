"""Reading one document, sentence by sentence, with a memory of who was named: the loop behind
`core.propose`. Per sentence it finds the stance cues (the lexicon, then VADER's evaluative words), ties
each to its holder (`holders`, `attribution`), groups them by actor and target into claims and decides each
claim's stance (`stance`, `valence`) and confidence (`confidence`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.attrs import IDX

from analysis.extract import actors as actor_finder
from analysis.extract import arbiter as stance_arbiter
from analysis.extract import confidence as confidence_model
from analysis.extract.acronyms import acronyms_of
from analysis.extract.actions import Actions
from analysis.extract.actors import Actor, ActorIndex, Mention
from analysis.extract.attribution import Attribution
from analysis.extract.claims import Claim, Sentence, clause_span, phrase, quoted_words, token_at
from analysis.extract.cue_owners import CueOwnership
from analysis.extract.holders import SPEECH_FORMS
from analysis.extract.judging import ASKED_ABOUT, OBJECTION_NOUNS, Judging, manner_of_verb
from analysis.extract.layout import MIN_QUOTED_WORDS, Layout, describes_heading
from analysis.extract.lexicon import Lexicon
from analysis.extract.names import Named
from analysis.extract.naming import Namer
from analysis.extract.objects import split_by_object
from analysis.extract.parse import VERB_TAGS, parse_paragraphs
from analysis.extract.parse import Node as Token
from analysis.extract.parse import Parsed as Doc
from analysis.extract.passages import joined
from analysis.extract.pending import PendingQuotations
from analysis.extract.placards import Placards
from analysis.extract.quotes import Quotations
from analysis.extract.references import Memory, actor_key
from analysis.extract.remembering import Remembering
from analysis.extract.rereading import reread
from analysis.extract.said_words import WordsModel
from analysis.extract.segment import segmented
from analysis.extract.sentence_mentions import SentenceMentions
from analysis.extract.speakers import Speakers, asks_not_to_be_named, gives_its_words, views_as
from analysis.extract.unread import Gate, UnreadSentences
from analysis.extract.valence import word_cue
from analysis.extract.view_sources import according_to, for_whom
from analysis.extract.wording import (
    GREETING,
    is_false_cue,
    is_headline,
    is_topic,
    tracked,
    without_timestamp,
)

TargetKeywords = tuple[tuple[str, re.Pattern, str], ...]  # (folded keyword, its regex, target id)


def _target_of(text: str, start: int, end: int, keywords: TargetKeywords, main_target: str) -> str:
    """The document's main target, unless this stretch of text clearly names another known target."""
    if not keywords:
        return main_target
    lowered = actor_finder.fold(text[start:end])
    for keyword, pattern, target_id in keywords:
        if keyword in lowered and pattern.search(lowered):  # the substring test skips most regex searches
            return target_id
    return main_target


class Reader(
    Attribution,
    Speakers,
    Placards,
    CueOwnership,
    Actions,
    PendingQuotations,
    Judging,
    Layout,
    Remembering,
    SentenceMentions,
    UnreadSentences,
):
    """One pass over one document, sentence by sentence, with its memory of who was named."""

    def __init__(
        self,
        text: str,
        lexicon: Lexicon,
        index: ActorIndex,
        keywords: TargetKeywords,
        main_target: str,
        *,
        words: WordsModel | None = None,
        view: WordsModel | None = None,
        arbiter: stance_arbiter.Arbiter | bool | None = None,
        gate: Gate | bool | None = None,
    ):
        self.text, self.lexicon, self.index, self.keywords, self.main = text, lexicon, index, keywords, main_target
        self.words = words  # the model of uncued words' stance; None: the shipped one
        self.view = view  # the model of whether a sentence states a view; None: the shipped one
        self.arbiter = arbiter  # what reads each stance last; None: the shipped one, False: none
        self.gate = gate  # what weighs sentences with no position read (`unread`); None: the shipped one, False: none
        self.unread: list = []  # those sentences, with who would hold a position there
        self.rejected: dict[int, list[Actor]] = {}  # by sentence start: actors whose claim the rules ruled out
        self.memory = Memory(acronyms=acronyms_of(text, index))
        self.namer = Namer(text, index, self.memory)
        self.quotations = Quotations.of(text)
        self.last_target: dict[str, str] = {}
        # quotations whose speaker is named later: their sentences wait, with who was salient meanwhile
        self.pending: dict[int, list] = {}
        self.lede = -1  # where the article's first sentence starts
        self.heading: dict[int, Actor] = {}  # a round-up paragraph's heading actor, by where the paragraph starts

    def read(self):
        found, paragraphs = segmented(self.text)
        name_lines = {} if self.quotations.transcript else self._name_lines()
        inside_name_line = {a for a, _ in found for s, e in name_lines.values() if s <= a < e}
        inside_name_line |= {a for a, _ in found for s, e in self.quotations.introductions if s <= a < e}
        spans = [
            without_timestamp(self.text, a, b)
            for a, b in found
            if not is_headline(self.text, a, b) and a not in inside_name_line
        ]
        headings = self._headings(spans)
        if self.quotations.transcript:
            # "NOVOTNÝ: The Pirates voted for ...", "KEOLA, CORRESPONDENT: In Hanoi, the ministry said ...": a
            # speaker's label is no part of the sentence a parser should read
            spans, headings = [(headings[a][1], b) if a in headings else (a, b) for a, b in spans], {}
        spans = [(headings[a][1], b) if a in headings else (a, b) for a, b in spans]
        spans = [(a, b) for a, b in spans if b > a]
        self.lede = spans[0][0] if spans else -1
        # every sentence is parsed: one without a position still names who "he" or "the group" is next
        parsed = dict(zip(*self._parsed(spans, paragraphs)))
        paragraph_mentions: dict[int, tuple[list[Mention], list[int]]] = {}
        results = []
        heading_at = {end: start for start, end in headings.values()}
        for start, end in spans:
            if start in heading_at:  # "Gaming Commission of Ghana: The commission said ...": who it is about
                self._heading_actor(heading_at[start], (heading_at[start], start), paragraph_mentions)
            if start in name_lines and start not in self.heading:
                self._heading_actor(self.text.rfind("\n", 0, start) + 1, name_lines[start], paragraph_mentions)
            mentions = self._mentions(start, end, paragraph_mentions)
            sentence = Sentence(start, end, parsed.get((start, end)), mentions)
            self._label_speakers(sentence)
            if sentence.doc is not None:
                self.namer.heading = self._heading_of(sentence)
                claimed = self._claims(sentence)
                results.extend(claimed)
                self._note_unread(sentence, [claim.actor for claim, _, _ in claimed])
            else:
                self._remember_mentions(sentence)
        results.extend(self._flush_pending(held={sentence.start for _, _, sentence in results}))
        results.sort(key=lambda item: item[0].span[0])  # stable: coordinated actors keep their order
        results = joined(results, self.quotations, self.text, view=self.view)
        added = self._unread_results(results)
        if added:
            results = sorted(results + added, key=lambda item: item[0].span[0])
        return reread(results, self.text, words=self.words, view=self.view, arbiter=self.arbiter)

    def _parsed(self, spans: list[tuple[int, int]], paragraphs: dict) -> tuple[list[tuple[int, int]], list[Doc]]:
        """The sentences that start and end at token boundaries, parsed a paragraph at a time."""
        starts = sorted(paragraphs)
        offsets = {p: paragraphs[p].to_array(IDX).tolist() for p in starts}
        kept, ranges = [], {}
        for start, end in spans:
            p = starts[bisect.bisect_right(starts, start) - 1]
            first = bisect.bisect_left(offsets[p], start - p)
            last = bisect.bisect_left(offsets[p], end - p)
            if first < last and offsets[p][first] == start - p:
                kept.append((start, end))
                ranges.setdefault(p, []).append((first, last))
        order = [p for p in starts if p in ranges]
        return kept, parse_paragraphs([paragraphs[p] for p in order], [ranges[p] for p in order])

    # --- per sentence -------------------------------------------------------------------------------

    def _label_speakers(self, sentence: Sentence) -> None:
        """A transcript's speaker label names its speaker once the earlier introduction is known."""
        for q in self.quotations.overlapping(sentence.start, sentence.end):
            run = self.quotations.runs[q]
            if run.label and run.speaker is None and not run.host:
                run.speaker = self.namer.label(run.label)

    def _cues(self, sentence: Sentence) -> list:
        greetings = [m.span() for m in GREETING.finditer(self.text, sentence.start, sentence.end)]
        # "Asked about the fishermen's objections, the minister said ...": the question's words are not hers
        greetings += [
            m.span(1)
            for m in ASKED_ABOUT.finditer(self.text, sentence.start, sentence.end)
            if OBJECTION_NOUNS.search(m.group(1))
        ]
        cues = [
            c
            for c in self.lexicon.find(self.text, sentence.start, sentence.end)
            if not is_false_cue(self.text, c) and not any(a <= c[0] < b for a, b in greetings)
        ]
        cues = [c for c in cues if not any(m.start <= c[0] < m.end for m in sentence.mentions)]
        taken = [(c[0], c[1]) for c in cues] + [(m.start, m.end) for m in sentence.mentions]
        # "Good morning, Jenna", "Thank you, Chair": courtesies, not judgments; nor a question put to the speaker
        taken += greetings
        for token in sentence.doc:
            position = sentence.start + token.idx
            if any(a <= position < b for a, b in taken):
                continue
            cue = word_cue(token.text, token.tag_, quoted=self.quotations.inside(position))
            if cue is not None:
                cues.append((position, position + len(token), cue))
            elif manner_of_verb(token) and not self.quotations.inside(position):
                # "reacted angrily": how the holder reacted is the cue, held by whoever did the verb
                cue = word_cue(token.text, "VB", quoted=False)
                verb = sentence.start + token.head.idx
                if cue is not None:
                    cues.append((min(verb, position), max(verb + len(token.head), position + len(token)), cue))
        return cues

    def _claims(self, sentence: Sentence):
        doc, base = sentence.doc, sentence.start
        cues = self._cues(sentence)
        cue_tokens: dict[int, list] = {}
        for cue in cues:
            token = token_at(doc, cue[0] - base, cue[1] - base)
            if token is not None and not is_topic(token):
                cue_tokens.setdefault(token.i, []).append(cue)
        outside = [t for t in doc if not self.quotations.inside(base + t.idx)]
        speech_ids = {
            t.i
            for t in outside
            if (t.lower_ in SPEECH_FORMS and t.tag_ in VERB_TAGS and not asks_not_to_be_named(t)) or gives_its_words(t)
        }
        holders = self._holders(
            sentence,
            sorted(
                {
                    *(i for i in cue_tokens if not self.quotations.inside(base + doc[i].idx)),
                    *speech_ids,
                    *(t.i for t in outside if views_as(t)),
                }
            ),
            speech_ids,
        )
        self._set_speakers(sentence, holders, speech_ids)
        self._colon_speakers(sentence)
        carried = self._placard_speakers(sentence)
        source = according_to(doc)
        if source is not None and source.tag_ in ("PRP", "PRP$") and for_whom(doc) is not None:
            source = None  # "For the ministry, the rise is overdue: tariffs, in its account, …": "its" is the ministry
        source_named = self.namer.name(source, base, sentence.mentions) if source is not None else None
        if source is None and not self.quotations.inside(base):
            source_named = self._view_holder(for_whom(doc), base, sentence)
        claims: dict[tuple[str, str], Claim] = {}
        narrated = self._narrated(sentence, cue_tokens)
        for i, found_cues in cue_tokens.items():
            owner = self._narrated_owner(doc[i], narrated) or self._owner_of_cue(
                sentence, doc[i], found_cues, holders, source_named
            )
            if owner is None:
                continue
            named, rule, predicate, mode = owner
            for n in named:
                self._claim(claims, n.actor, rule, mode, sentence, predicate, doc[i]).cues.extend(found_cues)
        self._speech_claims(sentence, claims, holders, speech_ids)
        self._source_holds_main_clause(sentence, claims, cue_tokens, source_named)
        self._known_actions(sentence, claims)
        self._votes_from(sentence, claims)
        self._division(sentence, claims)
        self._votes_with(sentence, claims)
        self._reactions_from(sentence, claims)
        self._backed_with(sentence, claims)
        self._justified_decision(sentence, claims)
        self._placard_claims(sentence, claims, carried)
        if not claims:
            self._whole_quotation(sentence, claims)
        self._remember_subjects(sentence, holders)
        return self._decided([part for claim in claims.values() for part in self._split_pair(claim)], sentence)

    def _whole_quotation(self, sentence: Sentence, claims: dict) -> None:
        """A sentence all in quotation marks with no cue: its speaker's words, or those of a body the speaker
        reports as having told or written them."""
        whole = self.quotations.whole(sentence.start, sentence.end)
        # "Yes.", "Let me finish, please.": too short to say what anyone thinks of anything
        short = len(self.text[sentence.start : sentence.end].split()) < MIN_QUOTED_WORDS
        if whole is None or self.quotations.runs[whole].host or short:
            return
        speaker = self.quotations.speaker(whole)
        # a transcript's line is parsed with its speaker's label, which is a root of its own
        root = [t for t in sentence.doc if t.head.i == t.i and self.quotations.inside(sentence.start + t.idx)][-1:]
        reported = self._reporter_in_quotation(sentence, root[0], speaker) if root else None
        if reported is not None:
            named, verb = reported
            claim = self._claim(claims, named.actor, "reported in the quotation", "reported", sentence, verb, verb)
            claim.spoken = [(sentence.start, sentence.end)]
        elif speaker is None:
            self._wait(whole, sentence, [])
        else:
            span = (sentence.start, sentence.end)
            claims[(actor_key(speaker), self.main)] = quoted_words(speaker, self.main, span, span)

    def _view_holder(self, owner: Token | None, base: int, sentence: Sentence) -> Named | None:
        """X of "For X, …" when X is a person or a body of more than one word: "For Gaza, ...", "For
        Brexit, ..." name a place or a thing whose view it is not."""
        named = self.namer.name(owner, base, sentence.mentions) if owner is not None else None
        if named is None or (named.actor.kind != "person" and len(named.actor.name.split()) < 2):
            # "For Chadema, the main opposition party, …", "For Oxfam, …" after Oxfam spoke: a body all the same
            body = named is not None and named.actor.kind == "organization"
            described = any(c.dep_ == "appos" for c in owner.children) if owner is not None else False
            if not body or not (described or named.actor in self.namer.memory.groups):
                return None
        return named

    def _split_pair(self, claim: Claim) -> list[Claim]:
        parts = self.namer.split_pair(Named(claim.actor, claim.rule))
        return [claim] if len(parts) == 1 else [replace(claim, actor=p.actor, cues=list(claim.cues)) for p in parts]

    def _claim(
        self,
        claims: dict,
        actor: Actor,
        rule: str,
        mode: str,
        sentence: Sentence,
        predicate: Token | None,
        cue_token: Token,
    ) -> Claim:
        span = clause_span(predicate if predicate is not None else cue_token, sentence)
        # the target is what the cue's own phrase names ("warned against steps that could lead to military
        # escalation"), else the actor's last target in the sentence, else the story's main one
        words = phrase(cue_token)
        target = _target_of(words, 0, len(words), self.keywords, "") or self.last_target.get(
            actor_key(actor), self.main
        )
        key = (actor_key(actor), target)
        if key not in claims:
            claims[key] = Claim(
                actor, rule, mode, target, span, predicate=(predicate if predicate is not None else cue_token).i
            )
        else:
            existing = claims[key]
            existing.span = (min(existing.span[0], span[0]), max(existing.span[1], span[1]))
            if mode == "direct":
                existing.mode = "direct"
        self.last_target[actor_key(actor)] = target
        return claims[key]

    def _decided(self, claims: list[Claim], sentence: Sentence):
        results = []
        for claim in (part for whole in claims for part in split_by_object(whole, sentence, self.text)):
            if not claim.actor.name:
                continue
            heading = self._heading_of(sentence)
            if heading is not None and describes_heading(claim, self.text):
                # "Confederation of Swedish Enterprise: The employers' organisation applauded the choice",
                # "Focus Ireland: The charity gave the measure a cautious welcome"
                claim.actor = heading
            decision = self._decision(sentence, claim)
            if decision is None:
                continue
            if self._asks(sentence, claim) or self._answers_another_question(sentence):
                self.rejected.setdefault(sentence.start, []).append(claim.actor)
                continue  # "Dr Rashed, is it necessary?": the writer's or a presenter's question takes no position
            if self._enacts(sentence, claim) and not tracked(claim.actor):
                self.rejected.setdefault(sentence.start, []).append(claim.actor)
                continue  # the decision itself is the news; an actor the analysts track is still shown
            if claim.mode == "direct" or claim.rule.startswith(("speaker of", "quotation after")):
                claim.span = (sentence.start, sentence.end)
            score = confidence_model.score(claim, decision, self.text)
            results.append((claim, replace(decision, confidence=score), sentence))
            self.memory.remember(claim.actor, text=self.text)
        return results
