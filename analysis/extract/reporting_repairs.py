"""Repairs to a reporting clause that closes a sentence: "The association will stage a protest on 1 June, its
president, Jacinta Silva, told this newspaper", whose speaker the trained parser cut loose from its verb; and
"…, while the Department of Finance, according to a spokeswoman, regarded it as …", whose "while" it read as a
preposition; and a speaker's second verb read as part of the passive clause they report ("said members had not
been consulted and called the rise …"). `parse_repairs.repair` runs them on every parsed sentence."""

from __future__ import annotations

from analysis.extract.nodes import (
    FINITE_TAGS,
    NOUN_TAGS,
    SUBJECTS,
    VERB_TAGS,
    Node,
    Parsed,
    attach,
    is_proper,
    make_root,
    under,
)
from analysis.extract.vocabulary import PERSON_ROLES, SPEECH_FORMS

OWNERS = frozenset({"its", "his", "her", "their", "the"})


def speaker_cut_from_closing_verb(parsed: Parsed) -> None:
    """'…, its president, Jacinta Silva, told this newspaper.': the role read as a conjunct of the clause
    before it, the name as a clause of its own and the verb with no subject. The role is the verb's subject,
    and the name its apposition."""
    for verb in parsed:
        if verb.lower_ not in SPEECH_FORMS or verb.tag_ not in FINITE_TAGS or verb.dep_ not in ("conj", "parataxis"):
            continue
        if verb.i < 6 or parsed[verb.i - 1].text != "," or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        start = verb.i - 1
        while start > 0 and is_proper(parsed[start - 1]):
            start -= 1
        if start == verb.i - 1 or start < 4 or parsed[start - 1].text != ",":
            continue
        role, owner = parsed[start - 2], parsed[start - 3]
        if role.lower_ not in PERSON_ROLES or owner.lower_ not in OWNERS or parsed[start - 4].text != ",":
            continue
        words = parsed[start : verb.i - 1]
        name = next((w for w in words if not start <= w.head.i < verb.i - 1 or w.head is w), None)
        if name is None or any(w is not name and w.head is not name for w in words):
            continue
        attach(role, verb, "nsubj")
        attach(owner, role, "nmod:poss" if owner.lower_ != "the" else "det")
        attach(name, role, "appos")


def while_read_as_preposition(parsed: Parsed) -> None:
    """'Andrew Kennedy avoided any direct criticism …, while his counterpart in Dublin, Minister of State Orlaith
    Carey, said she was still studying …': "while" read as a preposition of the noun after it, and the verb after
    that noun left with no subject (or made the sentence's root). The noun is the verb's subject, and the clause
    a contrast with the one before it."""
    for word in parsed[1:]:
        noun = word.head
        if word.lower_ not in ("while", "whereas") or word.dep_ != "case" or noun.tag_ not in NOUN_TAGS:
            continue
        verb = next(
            (
                n
                for n in parsed[noun.i + 1 :]
                if n.tag_ in FINITE_TAGS and not any(c.dep_ in SUBJECTS for c in n.children) and n.dep_ != "aux"
            ),
            None,
        )
        main = _clause_before(noun, verb)
        if verb is None or main is verb or main.tag_ not in VERB_TAGS or main.i > word.i:
            continue
        between = [
            n
            for n in parsed[noun.i + 1 : verb.i]
            if n.dep_ != "punct" and not under(n, noun) and n.head.i not in range(noun.i, verb.i)
        ]
        if under(main, verb):
            make_root(main)
        attach(verb, main, "advcl")
        attach(word, verb, "mark")
        attach(noun, verb, "nsubj")
        for n in between:
            attach(
                n,
                verb if any(c.dep_ == "case" for c in n.children) else noun,
                "obl" if any(c.dep_ == "case" for c in n.children) else "appos",
            )


def _clause_before(noun: Node, verb: Node | None) -> Node:
    """The top clause the words before "while" belong to: the sentence's root, or the clause under it when the
    parser made the verb after "while" the root."""
    chain = [noun]
    while chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    if verb is not None and chain[-1] is verb and len(chain) >= 3:
        return chain[-2]
    return chain[-1]


def speakers_verb_read_as_conjunct_of_a_passive(parsed: Parsed) -> None:
    """'Gastaldi said elected members had not been consulted and called the rise “badly timed”': the second verb,
    a verb of speech with an object of its own, read as a conjunct of the passive clause the speaker reports.
    The passive's subject only undergoes; the speaking is the speaker's."""
    for verb in parsed:
        passive = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.lower_ not in SPEECH_FORMS:
            continue
        if not any(c.dep_ == "obj" for c in verb.children):
            continue
        if any(c.dep_ in SUBJECTS for c in verb.children) or not any(c.dep_ == "aux:pass" for c in passive.children):
            continue
        speech = passive.head
        if passive.dep_ == "ccomp" and speech.lower_ in SPEECH_FORMS and speech.i < passive.i:
            attach(verb, speech, "conj")


def as_read_as_preposition(parsed: Parsed) -> None:
    """'…, with the ministry standing by the measure as doctors, unions and opposition parties lined up against
    it': "as" read as a preposition of the nouns after it, and the verb right after them left with no subject.
    The nouns are the verb's subject, and "as" opens a clause of its own."""
    for word in parsed[1:]:
        noun = word.head
        if word.lower_ != "as" or word.dep_ != "case" or noun.tag_ not in ("NNS", "NNPS", "NNP"):
            continue
        end = max(t.i for t in noun.subtree)
        verb = parsed[end + 1] if end + 1 < len(parsed) else None
        if verb is None or any(c.dep_ in SUBJECTS for c in verb.children) or under(verb, noun):
            continue
        if not (verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and verb.dep_ in ("conj", "advcl", "xcomp"))):
            continue
        main = _clause_before(noun, verb)
        if main is verb or main.tag_ not in VERB_TAGS or main.i > word.i:
            continue
        if under(main, verb):
            make_root(main)
        verb.tag_ = "VBD" if verb.tag_ == "VBN" else verb.tag_
        attach(verb, main, "advcl")
        attach(word, verb, "mark")
        attach(noun, verb, "nsubj")


def speaker_aside_read_as_conjunct(parsed: Parsed) -> None:
    """'The emergency department treated 6,000 visitors last summer, she said, and the cost “cannot be carried
    by islanders alone”': the speaker's aside between commas read as a conjunct of the clause before it. It is the
    sentence's reporting verb, and that clause (with the one after it) what it reports."""
    for verb in parsed:
        if verb.lower_ not in SPEECH_FORMS or verb.tag_ not in FINITE_TAGS or verb.dep_ != "conj":
            continue
        clause = verb.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if clause.head is not clause or clause.i > verb.i or subject is None:
            continue
        if any(c.dep_ not in (*SUBJECTS, "punct") for c in verb.children):
            continue  # "…, and she said it would help": a clause of its own
        opening, after = subject.left_edge.i - 1, verb.i + 1
        if opening < 1 or parsed[opening].text != "," or after >= len(parsed) or parsed[after].text != ",":
            continue
        make_root(verb)
        attach(clause, verb, "ccomp")
