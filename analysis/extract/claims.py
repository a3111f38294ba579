"""What one sentence's reading produces: a claim (an actor's position in the sentence, with its cues and
evidence span), the sentence it was read from, and the parse helpers that measure them."""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.extract.actors import Actor, Mention
from analysis.extract.holders import drawn_object
from analysis.extract.parse import Node as Token
from analysis.extract.parse import Parsed as Doc


@dataclass
class Claim:
    """One actor's position in one sentence, gathered from its cues (or its quoted words alone)."""

    actor: Actor
    rule: str
    mode: str
    target: str
    span: tuple[int, int]
    cues: list = field(default_factory=list)
    spoken: list[tuple[int, int]] = field(default_factory=list)
    predicate: int = -1  # the index of the token the claim hangs on in its sentence, if any


def quoted_words(actor: Actor, target: str, sentence: tuple[int, int], spoken: tuple[int, int]) -> Claim:
    """A position held by quoted words alone, with no cue: their speaker's, on the target, in the sentence."""
    return Claim(actor, "speaker of the quotation", "direct", target, sentence, [], [spoken])


@dataclass
class Sentence:
    start: int
    end: int
    doc: Doc | None
    mentions: list[Mention]


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The head token of the cue that spans doc text [start, end)."""
    inside = [t for t in doc if start <= t.idx < end]
    if not inside:
        return None
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    # "are against the bill": the copula and the preposition both hang on the noun, which is the predicate
    if (
        len({t.head.i for t in heads}) == 1
        and all(t.dep_ in FUNCTION_RELATIONS for t in heads)
        and heads[0].head.dep_ != "acl:relcl"  # "Farmers who are against the bill": read as before
    ):
        return heads[0].head
    return heads[0] if heads else inside[0]


FUNCTION_RELATIONS = frozenset({"cop", "case", "aux", "advmod"})


HYPHENS = frozenset({"-", "‐", "‑"})


def phrase(token: Token) -> str:
    """The cue's own phrase: its subtree without the clauses coordinated with it or hanging on it with a
    subject of their own, as text."""
    nodes, stack = [], [token]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(
            c
            for c in node.children
            if c.dep_ not in ("conj", "cc", "parataxis", "advcl", "punct") or c.text in HYPHENS  # "cross-border"
        )
    ordered = sorted(nodes, key=lambda n: n.i)
    # as written ("narco-terrorism", not "narco - terrorism", so that a target's keyword is found in it), with
    # a space where a left-out clause was
    return "".join(
        n.text + (n.whitespace_ if following.i == n.i + 1 else " ")
        for n, following in zip(ordered, [*ordered[1:], ordered[-1]])
    ).strip()


def _own_subject(clause: Token) -> bool:
    """ "…, while Iran and Hezbollah rejected it": an adverbial clause with a subject of its own is its
    subject's evidence on its own (the main clause's evidence still runs over it)."""
    return clause.dep_ == "advcl" and any(
        c.dep_ in ("nsubj", "nsubj:pass") and c.tag_ not in ("WDT", "WP", "PRP") for c in clause.children
    )


def clause_span(token: Token, sentence: Sentence) -> tuple[int, int]:
    """The clause a predicate heads, with its subject: the evidence of a reported position ("The tariff has
    drawn criticism from church leaders" for the noun "criticism" that the verb draws)."""
    clause = token.head if drawn_object(token) else token
    while (
        clause.dep_ in ("xcomp", "conj", "amod", "acl", "advcl")
        and clause.head.i != clause.i
        and clause.dep_ != "conj"
        and not _own_subject(clause)
    ):
        clause = clause.head
    left, right = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    start, end = sentence.start + left, sentence.start + right
    text = sentence.doc.text
    while end > start and text[end - sentence.start - 1] in " ,;:—-":
        end -= 1
    return max(start, sentence.start), min(end, sentence.end)
