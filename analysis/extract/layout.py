"""What a document's layout says about who is speaking: a round-up's headings ("Focus Ireland: The charity
...") and organisation names on lines of their own, which name the body their paragraph describes; and a
transcript speaker's lines that report someone else ("KRAMER: The provincial council said ..."), whose
reported parties hold what is reported. A mixin of the document reader (`reader.Reader`)."""

from __future__ import annotations

import re

from analysis.extract.actors import Actor
from analysis.extract.claims import Claim, Sentence
from analysis.extract.holders import SPEECH_FORMS
from analysis.extract.mention_patterns import generic_patterns
from analysis.extract.names import described
from analysis.extract.parse import PRONOUN_TAGS, PROPER_TAGS, VERB_TAGS
from analysis.extract.parse import Node as Token
from analysis.extract.references import named_by_description
from analysis.extract.transcripts import speaker_label
from analysis.extract.vocabulary import GROUP_NOUNS, NAME_JOINERS, PORTFOLIO_WORDS, words
from analysis.extract.wording import TIMESTAMP

# holders that are the speaker of the line in a transcript ("we", "I"), not someone the line reports
THEIR_OWN_WORDS = frozenset({"pronoun", "pronoun in the same sentence", "speaker of the quote"})
# "Confederation of Danish Industry (DI)", "Sustainable Agriculture": a name and nothing else
# a capital of Latin script, not only ASCII's: "Government of Åland", "Økonomisk Råd"
_CAPITALS = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x17F)) if ch.isupper())
_NAME_WORD = rf"(?:[{_CAPITALS}0-9][\w’'&.\-–]*|{'|'.join(map(re.escape, sorted(NAME_JOINERS)))})"
NAME_LINE = re.compile(rf"{_NAME_WORD}(?:,?[ \t]+{_NAME_WORD}){{0,9}}(?:[ \t]+\([^()]{{1,20}}\))?")
BODY_LINE = re.compile(
    r"(?!(?:The|A|An|Our|Its|This)\b)((?:[A-Z][\w’'&.\-]*[ \t]+){1,4})"
    r"(?:(?:regional|local|national|provincial|district|city|state)[ \t]+)?(?:[a-z]+s[’'][ \t]+)?([a-z][a-z\-]+)"
)
# "Ministry of Environment, Water and Agriculture": a body's name may list its fields with commas; a dateline
# ("LONDON, March 3"), a byline ("By John Smith, Reuters") or a list of places does not name a body
COMMA_IN_NAME = re.compile(
    r"\b(?:Ministry|Department|Office|Council|Commission|Agency|Authority|Association|Federation|Chamber|Union|"
    r"Institute|Society|Board|Bureau|Confederation|Organi[sz]ation)\b[^,]*,[^,]+(?:,[^,]+)*\band\b"
)
# "Estonian Chamber of Commerce and Industry – The chamber congratulated ...": a round-up's heading set off by
# a dash rather than a colon (counted only where two or more paragraphs open so: one may be a dateline)
# "Public accounts ministry - The ministry, which …": a heading that describes a body, in lower case after its
# first word
DESCRIBED_BODY = (
    r"(?=[A-Z][^–—\n]{0,60}?\b(?i:ministry|office|department|council|union|association|federation|chamber|"
    r"agency|commission|committee|party|government|authority|institute)\b)[A-Z][\w’'\-]*(?:[ \t]+[a-z][\w’'\-]*){1,5}"
)
DASH_HEADING = re.compile(rf"[ \t]*(?:{NAME_LINE.pattern}|{DESCRIBED_BODY})[ \t]+[–—-][ \t]+(?=[A-Z“\"])")
# "The Bahamas Chamber of Commerce and Employers' Confederation: The chamber said …": a body's name too long
# for a speaker's label, all in capitalised words and the little words of names
LONG_NAME_HEADING = re.compile(rf"[ \t]*(?=(?:[^\s:]+[ \t]+){{5}})(?:{NAME_LINE.pattern})[ \t]*:[ \t]+(?=\S)")
# "Viking Line. The ferry company …", "Nordic Harbour Group. NHG says …", "The City of Mariehamn. In its release, …"
NAME_SENTENCE = re.compile(r"(?m)^([^\n.]{2,90}?)\.[ \t]+(?=(?:The|Its|It|In its|[A-Z]{2,8})\b)")
# a section's heading on a line of its own names no one: "Reactions", "WHAT’S NEXT"
SECTION = re.compile(
    r"(?i)(?:the\s+)?(?:reactions?|background|context|analysis|timeline|key (?:facts|points)|next steps"
    r"|what(?:['’]s| is)? next|what happens next|in numbers|the decision|the ruling|the vote|summary|highlights"
    r"|at a glance|in brief|latest|updates?|others|other reactions|elsewhere|also"
    r"|breaking(?: news)?|just in|live|exclusive|developing)"
)
# words that name a body as a heading does ("Treasury:", "City Council:"), though portfolios use them too
BODY_WORDS = words("treasury ministry department office government administration city capital")
MIN_QUOTED_WORDS = 5  # a speaker's line shorter than this ("Yes.") is no position
PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "it"})


def _reports_speech(label: str) -> bool:
    """'Senator Úna Harte said: "…"', 'Giorgi Beridze told us: "…"': a sentence that reports what follows its
    colon, not a round-up's heading."""
    return any(word in SPEECH_FORMS for word in re.findall(r"\b[a-z]+\b", label))


def _romance_name(name: str) -> bool:
    """ "Ligue togolaise des droits de l'homme (LTDH)": a French or Spanish body's name, in lower case after
    its head word, with its acronym."""
    return bool(generic_patterns()["romance_body"].fullmatch(re.sub(r"\s*\([^()]{1,20}\)$", "", name)))


def _a_portfolio(name: str) -> bool:
    """'Housing:', 'Transport:', 'Health and education:': the matter a ministry round-up's paragraph is on, in
    the words portfolios are made of (not "Treasury:", the body)."""
    names = name.lower().replace("&", "and").split()
    return all(word in PORTFOLIO_WORDS - BODY_WORDS or word == "and" for word in names)


def _title_cased(name: str) -> str:
    """'MINISTRY OF TOURISM' as a name is written: "Ministry of Tourism"."""
    return " ".join(
        word.lower() if i and word.lower() in NAME_JOINERS else word.capitalize() for i, word in enumerate(name.split())
    )


def describes_heading(claim: Claim, text: str) -> bool:
    """A body the paragraph calls by a description ("the charity", "the network") rather than a name; not one
    whose description holds a name of its own ("The regional government of Liguria" under "ITALY")."""
    if any(word[:1].isupper() for word in claim.actor.name.split()[1:]):
        return False
    if claim.rule.endswith("description"):
        return True
    body = claim.actor.kind not in ("person", "government")
    # "National housing charity", from "the national housing charity"; not "The Ligue ivoirienne des droits de
    # l'homme", a name in a language that writes its words in lower case, written so inside the sentence
    described_body = named_by_description(claim.actor) and not _capitalised_inside_a_sentence(text, claim.actor.name)
    # "The party's bench in Congress said …" under the party's heading: the unit of a body the text describes
    unit = claim.rule.endswith("spokesperson for") and claim.actor.name.lower() in GROUP_NOUNS
    return body and (claim.rule.endswith("role noun") or claim.actor.kind == "commentators" or described_body or unit)


def _capitalised_inside_a_sentence(text: str, name: str) -> bool:
    """Whether a name with a Romance language's little words ("des droits de l'homme") is written capitalised
    after another word of its sentence: a body's own name, not an English description ("the Bulgarian
    hauliers' association")."""
    if not ROMANCE_PARTICLES.search(name):
        return False
    return any(
        re.search(r"\w[ \t]+$", text[max(0, m.start() - 20) : m.start()]) for m in re.finditer(re.escape(name), text)
    )


ROMANCE_PARTICLES = re.compile(r"\b(?:de|des|du|del|della|la|le|les|da|das|do|dos|y|et)\b")


def describes_by_common_noun(verb: Token) -> bool:
    """A subject that is, or belongs to, a common noun with "the" ("The charity said …", "The party's bench
    said …"): a description of a body, not its name."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    owner = next((c for c in subject.children if c.dep_ == "nmod:poss"), None) if subject is not None else None
    noun = owner if owner is not None and owner.tag_ in ("NN", "NNS") else subject
    the = noun is not None and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return the and noun.tag_ in ("NN", "NNS")


def _main_clause(token: Token) -> bool:
    return token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT")


def _third_party(verb: Token) -> bool:
    """A verb whose subject is named, not "I", "we" or "they": in a main clause, or anywhere when the name
    is a proper one ("And I would point out that the Chamber of Rice Millers did not oppose the cut")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.tag_ in PRONOUN_TAGS or subject.lower_ in PERSONAL:
        return False
    return _main_clause(verb) or subject.tag_ in PROPER_TAGS


class Layout:
    """The layout steps of `reader.Reader`."""

    def _name_lines(self) -> dict[int, tuple[int, int]]:
        """A round-up's organisation names on lines of their own ("Danish Agriculture & Food Council", then
        its paragraph), by where the paragraph they head starts: (line start, line end)."""
        found = {}
        position = self.text.find("\n") + 1  # past the headline
        while 0 < position < len(self.text):
            end = self.text.find("\n", position)
            end = len(self.text) if end < 0 else end
            opening = end + 1
            while self.text[opening : opening + 1] == "\n":  # paragraphs apart by a blank line
                opening += 1
            following = self.text.find("\n", opening)
            paragraph = self.text[opening : len(self.text) if following < 0 else following].strip()
            # "European Coordination Via Campesina (ECVC)." : a name line may end in a full stop
            line = self.text[position:end].strip().removesuffix(".")
            named = (NAME_LINE.fullmatch(line) or self._body_line(line)) and (
                "," not in line or COMMA_IN_NAME.search(line)
            )
            named = named and not TIMESTAMP.match(line)  # "16.34": a live blog's time on its own line
            # "POLITICAL FIGHT", a blank line, then a paragraph: an analysis's section, not a body's heading
            named = named and not (opening > end + 1 and line.isupper() and " " in line)
            if named and paragraph[-1:] in (".", "”", '"') and not SECTION.fullmatch(line):
                found[opening] = (position, end)
            position = end + 1
        return found | self._name_sentences()

    def _body_line(self, line: str) -> bool:
        """'Gabès governorate', 'UGTT regional union', 'Markakol beekeepers’ cooperative': a round-up's heading
        that names a body by its place or acronym and its kind in lower case (not "Civil society", words the text
        also writes in lower case)."""
        found = BODY_LINE.fullmatch(line)
        if found is None or found.group(2) not in GROUP_NOUNS:
            return False
        return all(self.namer.may_be_name(word) for word in found.group(1).split())

    def _name_sentences(self) -> dict[int, tuple[int, int]]:
        """A round-up's paragraphs that open with a name as a sentence of its own ("Copa-Cogeca. The EU's largest
        farm lobby ... rejected"), where two or more do (one may be a dateline): (name start, name end) by
        where the sentence after the name starts."""
        found = {}
        for opening in NAME_SENTENCE.finditer(self.text):
            name = opening.group(1)
            # a name, or an acronym; not a section heading ("Unions", "ECONOMY AND FINANCE"): a single word
            # the text also writes in lower case is a common one
            common = len(name.split()) == 1 and re.search(rf"\b{re.escape(name.lower())}\b", self.text)
            # "MINISTRY OF TOURISM. The ministry said …": in capitals, a body by the noun of its kind
            body = name.isupper() and any(word.lower() in GROUP_NOUNS for word in name.split())
            named = re.fullmatch(r"[A-Z]{2,8}", name) or body or not (name.isupper() or common)
            if opening.start() > 0 and named and (NAME_LINE.fullmatch(name) or _romance_name(name)):
                found[opening.end()] = (opening.start(), opening.start() + len(opening.group(1)))
        return found if len(found) >= 2 else {}

    def _heading_actor(self, paragraph: int, line: tuple[int, int], cache: dict) -> None:
        """The actor a heading names ("Focus Ireland:", a line "Confederation of Danish Industry (DI)"): an
        actor the analysts track named in it, else the heading itself as a body (a gazetteer mention inside it,
        "Ireland", is only part of the name)."""
        mentions = self._mentions(*line, cache)
        name = re.sub(r"\s*(?:\([^)]*\))?\s*[:–—.-]?\s*$", "", self.text[line[0] : line[1]].strip())
        if not name or SECTION.fullmatch(name) or _a_portfolio(name):
            return  # "Key points:", "Update:", "Housing:": a section of the text, no one's heading
        if re.match(r"The\s+\S+\s+\S", name):
            name = name[4:].lstrip()  # "The Bahamas Chamber of Commerce …:" is the chamber's name without "The"
        if name.isupper():
            # "SAVE THE CHILDREN DENMARK:" is the Save the Children Denmark the text writes elsewhere
            written = next(
                (
                    m.group(0)
                    for m in re.finditer(re.escape(name), self.text, re.IGNORECASE)
                    if not m.group(0).isupper()
                ),
                None,
            )
            name = written or (_title_cased(name) if " " in name else name)
        known = [m.actor for m in mentions if m.actor.bloc or m.actor.aliases]
        whole = [m.actor for m in mentions if m.end - m.start >= len(name) - 1]
        actor = (known or whole or [None])[0] or self.index.near_match(name) or described(name)
        self.memory.remember(actor, text=self.text)
        self.heading.setdefault(paragraph, actor)

    def _headings(self, spans: list[tuple[int, int]]) -> dict[int, tuple[int, int]]:
        """A round-up's paragraph headings ("Legislative Yuan: The opposition caucus ..."), by the start of
        the sentence they open: (heading start, where the sentence proper starts)."""
        found, dashed = {}, {}
        for start, end in spans:
            if start == 0 or self.text[start - 1] == "\n":
                label = speaker_label(self.text, start, end) or LONG_NAME_HEADING.match(self.text, start, end)
                if label is not None and label.end() < end and not _reports_speech(label.group(0)):
                    found[start] = (start, label.end())
                    continue
                label = DASH_HEADING.match(self.text, start, end)
                if label is not None and label.end() < end:
                    dashed[start] = (start, label.end())
        if len(dashed) >= 2:
            found.update(dashed)
        return found

    def _heading_of(self, sentence: Sentence) -> Actor | None:
        """The actor the heading of the sentence's paragraph names, in a round-up."""
        return self.heading.get(self.text.rfind("\n", 0, sentence.start) + 1)

    def _narrated(self, sentence: Sentence, cue_ids) -> dict:
        """A transcript speaker reporting someone else ("KANG: ... AMCHAM said in a statement that it was
        “concerned”"): the reporting verbs inside a speaker's line whose holder is named, not "I" or "we"."""
        doc, base = sentence.doc, sentence.start
        speech = {
            t.i
            for t in doc
            if t.lower_ in SPEECH_FORMS and t.tag_ in VERB_TAGS and self.quotations.labelled(base + t.idx)
        }
        # "Friesland's King's Commissioner, Anke Postma, called the decision “reckless”": a main clause's
        # evaluative verb with a third party as its subject reports that party, as a reporting verb does
        acting = {
            i
            for i in cue_ids
            if doc[i].tag_ in VERB_TAGS
            and _third_party(doc[i])
            and self.quotations.labelled(base + doc[i].idx)
            # not "School leaders will welcome the clarity": what the speaker expects of others is the speaker's
            and not any(c.tag_ == "MD" for c in doc[i].children)
        }
        verbs = sorted(speech | acting)
        if not verbs:
            return {}
        found = self._holders(sentence, verbs, speech)
        return {
            i: (named, rule)
            for i, (named, rule) in found.items()
            if named and named[0].rule not in THEIR_OWN_WORDS and rule.startswith("subject")
        }

    def _narrated_owner(self, token: Token, narrated: dict):
        """The named holder of the reporting verb a cue hangs under, in a speaker's line that reports another."""
        node = token
        for _ in range(8):
            if node.i in narrated:
                named, rule = narrated[node.i]
                return named, rule, node, "reported"
            if node.head.i == node.i:
                return None
            node = node.head
        return None
