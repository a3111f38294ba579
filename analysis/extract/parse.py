"""Parsing sentences with the project's own spaCy pipeline (a tagger and a dependency parser trained on
UD English EWT and GUM; see model/README.md), loaded once per process.

The model ships in the repository (`analysis/extract/model/`), so nothing is downloaded; `make model`
rebuilds it from ../shared/corpora. After parsing, each sentence becomes a list of plain `Node`s: the rules
walk the tree many times, and reading a spaCy token's attributes builds a new Python object each time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IDX, LENGTH, ORTH, SENT_START, SPACY, TAG
from spacy.tokens import Doc

from analysis.extract.vocabulary import SENTENCE_OPENERS, words

# Titles before a name that spaCy's English exceptions do not list
TITLE_ABBREVIATIONS = (
    "Hon.",
    "Cllr.",
    "Rt.",
    "Supt.",
    "Insp.",
    "Sgt.",
    "Cpl.",
    "Pte.",
    "Amb.",
    "Rev.",
    "Fr.",
    "Msgr.",
    "Brig.",
    "Maj.",
    "Adm.",
    "Lt.",
    "Col.",
    "Capt.",
    "Prof.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Pres.",
    "Dept.",
)

MODEL_DIR = Path(__file__).resolve().parent / "model"
BATCH_SIZE = 256

# Penn Treebank tags of the trained tagger, read as coarse classes.
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
PRONOUN_TAGS = frozenset({"PRP"})
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})


class Node:
    """One token of a parsed sentence: its text, offset in the sentence, tag, relation and neighbours."""

    __slots__ = ("_subtree", "children", "dep_", "doc", "head", "i", "idx", "lower_", "tag_", "text", "whitespace_")

    def __init__(self, doc: Parsed, i: int, text: str, idx: int, tag: str, dep: str, whitespace: str):
        self.doc, self.i, self.text, self.idx, self.tag_, self.dep_ = doc, i, text, idx, tag, dep
        self.lower_ = text.lower()
        self.whitespace_ = whitespace
        self.head: Node = self
        self.children: list[Node] = []
        self._subtree: list[Node] | None = None

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"{self.text}/{self.tag_}/{self.dep_}<{self.head.i}"

    @property
    def subtree(self) -> list[Node]:
        if self._subtree is None:
            found, stack = [], [self]
            while stack:
                node = stack.pop()
                found.append(node)
                stack.extend(node.children)
            self._subtree = sorted(found, key=lambda n: n.i)
        return self._subtree

    @property
    def left_edge(self) -> Node:
        return self.subtree[0]

    @property
    def right_edge(self) -> Node:
        return self.subtree[-1]

    @property
    def conjuncts(self) -> list[Node]:
        """The other members of a coordination this node heads or belongs to."""
        first = self
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        found, stack = [], [first]
        while stack:
            node = stack.pop()
            if node.i != self.i:
                found.append(node)
            stack.extend(c for c in node.children if c.dep_ == "conj")
        return sorted(found, key=lambda n: n.i)


class Parsed(list):
    """A parsed sentence: its nodes in order, and its text."""

    text: str = ""


@functools.cache
def pipeline() -> spacy.Language:
    """The trained pipeline; its tokenizer is spaCy's English one, whose tokens match UD's."""
    nlp = spacy.load(MODEL_DIR)
    for abbreviation in TITLE_ABBREVIATIONS:  # one token, so that no sentence ends at "Hon."
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.max_length = 2_000_000
    return nlp


def parse(texts: Sequence) -> list[Parsed]:
    """One parsed sentence per text (a string, or a spaCy Doc of its tokens), in order."""
    if not len(texts):
        return []
    strings = pipeline().vocab.strings
    return [_nodes(doc, strings) for doc in pipeline().pipe(texts, batch_size=BATCH_SIZE)]


def _nodes(doc, strings) -> Parsed:
    return _sentence(
        doc.text,
        doc.to_array([TAG, DEP, IDX, SPACY, LENGTH]).tolist(),
        doc.to_array(HEAD).astype("int64").tolist(),
        0,
        len(doc),
        strings,
    )


def _sentence(text: str, rows: list, heads: list, first: int, last: int, strings) -> Parsed:
    """Tokens first..last-1 of a parsed text as a sentence of nodes, offsets counted from its first token."""
    parsed = Parsed()
    origin = rows[first][2] if first < last else 0
    parsed.text = text[origin : rows[last - 1][2] + rows[last - 1][4]] if first < last else ""
    for i in range(first, last):
        tag, dep, idx, space, length = rows[i]
        parsed.append(
            Node(
                parsed,
                i - first,
                text[idx : idx + length],
                idx - origin,
                strings[tag],
                strings[dep],
                " " if space else "",
            )
        )
    for node, head in zip(parsed, heads[first:last]):
        target = node.i + head
        if head and 0 <= target < len(parsed):
            node.head = parsed[target]
            node.head.children.append(node)
    _subject_before_relative(parsed)
    _subject_before_parenthesis(parsed)
    _infinitive_after_agent(parsed)
    _name_of_two_parts(parsed)
    return parsed


RELATIVE_PRONOUNS = frozenset({"which", "who", "whose"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
NAME_PARTS = frozenset({"flat", "flat:name", "compound", "fixed", "appos"})
INSIDE_A_PHRASE = frozenset({"nmod", "obl", "nmod:poss", "obj", "iobj"})


def _subject_before_relative(parsed: Parsed) -> None:
    """'Dakar, whose port handles a large share of Mali's imports, said it regretted the decision': the
    trained parser often hangs the name off the relative clause and the verb after it off the clause too (a
    third of such sentences in the dev splits). Put the name back as the verb's subject and the clause under
    the name, where the verb after the clause has no subject of its own."""
    for comma in (n for n in parsed if n.text == "," and 0 < n.i < len(parsed) - 2):
        found = _relative_before_verb(parsed, comma)
        if found is None:
            continue
        name, top, verb, closing = found
        root_moves = top.head is top or name.head is name or _under(verb, name)
        _attach(name, verb, "nsubj")
        for stray in [c for c in verb.children if c.dep_ in SUBJECTS and name.i < c.i < closing.i and c is not top]:
            _attach(stray, top, stray.dep_)
        if root_moves or verb.head is top:
            if verb.head is not verb:
                verb.head.children.remove(verb)
            verb.head, verb.dep_ = verb, "ROOT"
        # what hung off the clause or the name after the clause's closing comma (that comma, the full stop, a
        # clause of the verb's) is the verb's: the clause and the name end where they end
        for stray in [c for holder in (top, name) for c in holder.children if c.i >= closing.i and c is not verb]:
            _attach(stray, verb, stray.dep_)
        _attach(top, name, "acl:relcl")
        return


def _relative_before_verb(parsed: Parsed, comma: Node) -> tuple[Node, Node, Node, Node] | None:
    """(name, the relative clause's top node, the verb after it, the clause's closing comma) where `comma`
    opens a relative clause after a noun and a finite verb with no subject outside the clause follows it."""
    name, relative = parsed[comma.i - 1], parsed[comma.i + 1]
    if relative.lower_ not in RELATIVE_PRONOUNS or name.tag_ not in NOUN_TAGS:
        return None
    # the whole name ("Hotel owner Fatuma Hassan"), not its last word
    while (
        name.dep_ in NAME_PARTS and name.head.i < name.i and "," not in (t.text for t in parsed[name.head.i : name.i])
    ):
        name = name.head
    if name.dep_ in INSIDE_A_PHRASE:
        return None  # "Dr Chidi Okeke, an economist at the University of Lagos, whose …": the place is no subject
    closing = next((n for n in parsed[relative.i + 1 :] if n.text in (",", ";", ":", "“", '"')), None)
    if closing is None or closing.text != "," or closing.i + 1 >= len(parsed):
        return None
    after = next((n for n in parsed[closing.i + 1 :] if n.tag_ != "RB"), None)
    # "abstained" with no auxiliary is finite, whatever the tagger says
    bare_participle = (
        after is not None and after.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in after.children)
    )
    if after is None or (after.tag_ not in FINITE_TAGS and not bare_participle):
        return None
    verb = after.head if after.dep_ in ("aux", "aux:pass", "cop") and after.head.i > closing.i else after
    clause = range(relative.i, closing.i)
    top = relative
    while top.head.i in clause and top.head is not top:
        top = top.head
    if name.head is verb or any(c.dep_ in SUBJECTS and c.i not in clause for c in verb.children):
        return None
    if verb.i in clause or top is verb or verb.dep_ not in ("ROOT", "conj", "advcl", "parataxis", "ccomp"):
        return None
    return name, top, verb, closing


def _subject_before_parenthesis(parsed: Parsed) -> None:
    """'Ms Nur Aisyah Rahman (Marsiling-Yew Tee GRC) said she supported the Bill': a member's constituency or
    party in brackets after the name can throw the parser, which then makes the bracket a sentence of its own
    and leaves the verb after it with no subject. Put the bracket under the name and the name under the verb."""
    for opening in (n for n in parsed if n.text == "(" and n.i > 0 and parsed[n.i - 1].tag_ in PROPER_TAGS):
        found = _bracket_before_verb(parsed, opening)
        if found is None:
            continue
        name, span, verb = found
        for node in [
            n for n in parsed[span.start : span.stop] if n is not name and (n.head.i not in span or n.head is n)
        ]:
            _attach(node, name, "flat" if node.i < opening.i else "appos")
        for node in [n for n in parsed if n.i not in span and n.head.i in span]:
            _attach(node, verb if node.i > span.stop and node is not verb else name, node.dep_)
        if verb.head.i in span or verb.head is verb:
            if verb.head is not verb:
                verb.head.children.remove(verb)
            verb.head, verb.dep_ = verb, "ROOT"
        _attach(name, verb, "nsubj")
        return


def _bracket_before_verb(parsed: Parsed, opening: Node) -> tuple[Node, range, Node] | None:
    """(the name's head, the tokens of the name and its bracket, the verb after them) where the bracket after
    a name is followed by a finite verb with no subject outside the bracket."""
    closing = next((n for n in parsed[opening.i + 1 : opening.i + 12] if n.text in ("(", ")")), None)
    if closing is None or closing.text != ")" or closing.i + 1 >= len(parsed):
        return None
    after = next((n for n in parsed[closing.i + 1 :] if n.tag_ != "RB"), None)
    if after is None or after.tag_ not in FINITE_TAGS:
        return None
    verb = after.head if after.dep_ in ("aux", "aux:pass", "cop") and after.head.i > closing.i else after
    first = opening.i - 1
    while first > 0 and parsed[first - 1].tag_ in PROPER_TAGS:
        first -= 1
    span, names = range(first, closing.i + 1), range(first, opening.i)
    if verb.i <= closing.i or any(c.dep_ in SUBJECTS and c.i not in span for c in verb.children):
        return None
    name = next((n for n in parsed[first : opening.i] if n.head.i not in names or n.head is n), None)
    if name is None or (_under(verb, name) and verb.head.i not in span):
        return None
    if name.dep_ in ("obl", "nmod") and child_case(name):
        return None  # "Alternative for Germany (AfD) voted": Germany is inside the name, not the name
    return name, span, verb


def _name_of_two_parts(parsed: Parsed) -> None:
    """'The Archdiocese of Munich and Freising said': the parser made Freising a second subject beside the
    archdiocese. A name with "of A and B" is one name (131 of 134 such phrases in the dev splits' gold), so B
    is A's conjunct."""
    for node in parsed:
        if node.dep_ != "conj" or not is_proper(node) or node.i < 4 or not is_proper(node.head):
            continue
        owner, joiner, part = node.head, parsed[node.i - 1], parsed[node.i - 2]
        if joiner.lower_ != "and" or part.dep_ != "nmod" or part.head is not owner or child_case(part) != "of":
            continue
        if is_proper(part) and not any(c.dep_ == "det" for c in node.children):
            _attach(node, part, "conj")


# "Japan is said by diplomats to have warned Canberra": the verbs whose passive raises their subject
RAISING_VERBS = frozenset({"said", "understood", "believed", "thought", "reported", "known", "seen"})


def _infinitive_after_agent(parsed: Parsed) -> None:
    """'Japan is said by diplomats to have warned Canberra …': the parser hangs "to have warned" on the
    diplomats, as if it described them. It is what Japan is said to have done: put it under "said"."""
    for node in parsed:
        agent = node.head
        verb = agent.head
        if (
            node.dep_ == "acl"
            and any(c.dep_ == "mark" and c.lower_ == "to" for c in node.children)
            and agent.dep_ == "obl:agent"
            and verb.lower_ in RAISING_VERBS
            and any(c.dep_ == "nsubj:pass" for c in verb.children)
            and not any(c.dep_ == "xcomp" for c in verb.children)
        ):
            _attach(node, verb, "xcomp")


def _under(node: Node, ancestor: Node) -> bool:
    while node.head is not node:
        node = node.head
        if node is ancestor:
            return True
    return False


def _attach(node: Node, head: Node, dep: str) -> None:
    if node.head is not node:
        node.head.children.remove(node)
    node.head, node.dep_ = head, dep
    head.children.append(node)


def parse_paragraphs(paragraphs: Sequence, sentences: Sequence[Sequence[tuple[int, int]]]) -> list[Parsed]:
    """Parse each paragraph's tokens (a spaCy Doc) once, with its sentence boundaries fixed beforehand,
    and cut it into the sentences given as token ranges: no sentence is tokenised twice."""
    strings = pipeline().vocab.strings
    for doc, ranges in zip(paragraphs, sentences):
        starts = {first for first, _ in ranges} | {last for _, last in ranges} | {0}
        # set as one array: setting each token's is_sent_start checks the whole document every time
        flags = numpy.array([[1 if i in starts else -1] for i in range(len(doc))], dtype="int32").astype("uint64")
        doc.from_array([SENT_START], flags)
    paragraphs = [_truecased(doc, ranges) for doc, ranges in zip(paragraphs, sentences)]
    parsed = []
    for doc, ranges in zip(pipeline().pipe(paragraphs, batch_size=BATCH_SIZE // 8), sentences):
        rows = doc.to_array([TAG, DEP, IDX, SPACY, LENGTH]).tolist()
        heads = doc.to_array(HEAD).astype("int64").tolist()
        text = doc.user_data.get("text") or doc.text  # Doc.text joins every token each time it is read
        parsed.extend(_sentence(text, rows, heads, first, last, strings) for first, last in ranges)
    return parsed


QUOTE_TOKENS = frozenset({"“", '"', "‘", "'", "(", "["})


def _truecased(doc, ranges):
    """The paragraph's tokens with each sentence's capitalised opening word lower-cased when it is a
    closed-class word, or an acronym written as a name ("SHRI took no position" is parsed as "Shri took ...":
    in capitals the parser read it as an adverb; elsewhere in a sentence it reads acronyms well, and as names
    worse); the same Doc when neither is."""
    lowered = {}
    for first, last in ranges:
        i = first
        while i < last - 1 and doc[i].text in QUOTE_TOKENS:
            i += 1
        word = doc[i].text
        if word[:1].isupper() and word.lower() in SENTENCE_OPENERS and not word.isupper():
            lowered[i] = word.lower()
        elif ACRONYM.fullmatch(word) and word.lower() not in CAPITALISED_WORDS and not _in_capitals(doc, first, last):
            lowered[i] = word.title()
    if not lowered:
        return doc
    # only the sentences' openings are read above: a Token object per word of every paragraph was a
    # tenth of the time spent parsing
    words = [lowered.get(i, t.text) for i, t in enumerate(doc)]
    truecased = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    truecased.from_array([SENT_START], doc.to_array([SENT_START]).reshape(-1, 1))
    truecased.user_data.update(doc.user_data)
    return truecased


def _in_capitals(doc, first: int, last: int) -> bool:
    """A heading or a line in capitals, whose words are no acronyms."""
    letters = "".join(t.text for t in doc[first:last])
    return sum(c.isupper() for c in letters) * 2 > sum(c.isalpha() for c in letters)


# three to eight capitals standing alone; two-letter ones ("EU", "US", "IT") the parser knows, or are words
ACRONYM = re.compile(r"(?<![\w\-.’'])[A-Z]{3,8}(?![\w\-’'])")
# words a news text writes in capitals that are no acronyms
CAPITALISED_WORDS = words(
    "the and for but not nor yet are was has had can all new our who why how yes now off out one two six "
    "ten end live update breaking news clip sot vox pop you she her his its they them this that with from "
    "will any may per via"
)


def is_proper(token: Node) -> bool:
    """A proper noun by its tag, or a capitalised noun past a sentence's first word, or a name with a capital
    after a small letter ("ActionSA", "eThekwini") wherever it stands, though not an acronym's plural ("NGOs")."""
    if token.tag_ in PROPER_TAGS:
        return True
    if token.tag_ not in NOUN_TAGS:
        return False
    if token.text[:1].isupper() and token.i > 0:
        return True
    # a name standing alone: "AfD" in "AfD parliamentary leader Dieter Vossberg" only qualifies him
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    alone = after is None or not after.tag_.startswith(("NN", "JJ"))
    return alone and token.dep_ != "compound" and INNER_CAPITAL.fullmatch(token.text) is not None


# "ActionSA", "eThekwini", "McKinsey": a capital after a small letter; not "NGOs", "MPs" or "FARMERS"
INNER_CAPITAL = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*[A-Z][\w\-]*")


def is_verb(token: Node) -> bool:
    return token.tag_ in VERB_TAGS


def children(token: Node, *relations: str) -> list[Node]:
    return [child for child in token.children if child.dep_ in relations]


def child_case(token: Node) -> str:
    """The preposition a noun phrase hangs on ("of" in "of commerce", "with" in "with its chair"), lower-cased,
    or ''."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), "")


def child(token: Node, *relations: str) -> Node | None:
    for c in token.children:
        if c.dep_ in relations:
            return c
    return None
