"""The parsed sentence the extractor reads: its nodes (a light copy of spaCy's tokens, so that parse repairs can
move them), the tag classes, and the small questions every reader asks of a node."""

from __future__ import annotations

import re

# the marks that may open a sentence before its first word
OPENING_MARKS = frozenset({"“", '"', "‘", "'", "(", "["})
# Penn Treebank tags of the trained tagger, read as coarse classes.
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PROPER_TAGS = frozenset({"NNP", "NNPS"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
PRONOUN_TAGS = frozenset({"PRP"})
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


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
INNER_CAPITAL = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*[A-Z][\w\-]*|[A-Z]{3,}[a-z]{2,}[\w\-]*")


def is_acronym_plural(token: Node) -> bool:
    """'MPs', 'NGOs': an acronym's plural, which the tagger often reads as a singular noun."""
    return re.fullmatch(r"[A-Z]{2,}s", token.text) is not None


def is_verb(token: Node) -> bool:
    return token.tag_ in VERB_TAGS


def children(token: Node, *relations: str) -> list[Node]:
    return [child for child in token.children if child.dep_ in relations]


def child_case(token: Node) -> str:
    """The preposition a noun phrase hangs on ("of" in "of commerce", "with" in "with its chair"), lower-cased,
    or ''."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), "")


def opened_by_the(token: Node) -> bool:
    """Whether "the" is the determiner of `token`'s phrase ("the governing coalition")."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def child(token: Node, *relations: str) -> Node | None:
    for c in token.children:
        if c.dep_ in relations:
            return c
    return None


# "Fistel-CISL", "Filt-CGIL": a union's name joined to its confederation's acronym (not "Anti-EU")
UNION_OF_CONFEDERATION = re.compile(r"(?!(?:Anti|Pro|Non|Pre|Post|Ex|Pan|Mid)-)[A-Z][a-z]+-[A-Z]{2,}\Z")


def under(node: Node, ancestor: Node) -> bool:
    """Whether `ancestor` is above `node` in the tree (not `node` itself)."""
    while node.head is not node:
        node = node.head
        if node is ancestor:
            return True
    return False


def make_root(node: Node) -> None:
    """Make `node` its sentence's root (a parse repair's move)."""
    if node.head is not node:
        node.head.children.remove(node)
    node.head, node.dep_ = node, "ROOT"
    for other in node.doc:
        other._subtree = None  # a subtree read before the move is out of date


def first_word(node: Node) -> int:
    """Where the words `node` heads begin, punctuation aside."""
    return min(w.i for w in node.subtree if w.dep_ != "punct")


def attach(node: Node, head: Node, dep: str) -> None:
    """Hang `node` on `head` by `dep` (a parse repair's move)."""
    if node.head is not node:
        node.head.children.remove(node)
    node.head, node.dep_ = head, dep
    head.children.append(node)
    for other in node.doc:
        other._subtree = None  # a subtree read before the move is out of date
