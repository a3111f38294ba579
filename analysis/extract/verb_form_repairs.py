"""Repairs to the form the tagger gave a word: a past tense read as an adjective ("Two of the seven justices
dissented."; "Winding up, the minister rejected suggestions …", read as one noun phrase), a participle between
commas after the subject read as the subject's verb ("A spokesman for the regional government, asked whether
Erbil would pay, said only that …"), and a person's noun read as an adjective ("A businessman told me …").
Called by `parse_repairs.repair`, in its order; the other repair modules make a misread participle a
description with `participle_describes_subject`."""

from __future__ import annotations

import itertools

from analysis.extract.nodes import FINITE_TAGS, NOUN_TAGS, SUBJECTS, Node, Parsed, attach, make_root, under
from analysis.extract.person_nouns import is_person_noun
from analysis.extract.vocabulary import GROUP_NOUNS, SPEECH_FORMS


def past_tense_read_as_adjective_word(token: Node) -> bool:
    """A word the tagger read as an adjective though its form is a past tense ("dissented", "disagreed")."""
    return token.tag_ == "JJ" and token.lower_.endswith("ed")


def participle_aside_read_as_verb(parsed: Parsed) -> None:
    """'A representative of the authority, invited to address the session, said …', 'A spokesman for the
    regional government, asked whether Erbil would pay, said only that …', 'Joana Soares, waiting with a feverish
    son, said …', 'The bill, welcomed by the union, passed …': a participle between commas after the subject, read
    as the subject's verb. The speech verb after the aside (any verb, after a participle with an agent) is the
    subject's; the participle describes it."""
    for participle in parsed[2:]:
        if participle.tag_ not in ("VBD", "VBN", "VBG") or parsed[participle.i - 1].text != ",":
            continue
        subject = next((c for c in participle.children if c.dep_ in SUBJECTS and c.i < participle.i), None)
        if subject is None or max(t.i for t in subject.subtree if t.text != ",") != participle.i - 2:
            continue
        # "The bill, welcomed by the union, passed by 19 votes": a participle with an agent describes, whatever
        # verb follows it
        described = participle.tag_ in ("VBD", "VBN") and any(
            c.dep_ == "obl:agent"
            or (c.dep_ == "obl" and c.left_edge.i == participle.i + 1 and c.left_edge.lower_ == "by")
            for c in participle.children
        )
        verb = next(
            (
                n
                for n in parsed[participle.i + 2 : participle.i + 30]
                if (n.tag_ in FINITE_TAGS or (described and n.tag_ == "VBN"))
                and (n.lower_ in SPEECH_FORMS or described)
                and parsed[n.i - 1].text == ","
            ),
            None,
        )
        if verb is None or not (verb.head is participle or participle.head is verb):
            continue
        if any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        participle_describes_subject(subject, participle, verb)


def participle_describes_subject(subject: Node, participle: Node, verb: Node) -> None:
    """Make `verb` the clause's root with `subject` as its subject, and the participle misread as the
    subject's verb a description of the subject (the words after the verb the participle held go to the verb)."""
    if verb.head is participle:
        make_root(verb)
        for later in [c for c in participle.children if c.i > verb.i]:
            attach(later, verb, later.dep_)
    attach(subject, verb, "nsubj")
    attach(participle, subject, "acl")
    if participle.tag_ != "VBG":
        participle.tag_ = "VBN"


def verb_read_as_adjective(parsed: Parsed) -> None:
    """'Winding up, the minister rejected suggestions that …', 'Winding up, Harun rejected suggestions …': after an
    opening the parser cannot place, the subject, its past-tense verb and the verb's object read as one noun
    phrase ("the minister rejected suggestions"). With no verb of its own, the sentence's verb is the past
    tense, the noun before it its subject and the noun after it its object."""
    root = next((n for n in parsed if n.head is n), None)
    if root is None or root.tag_ not in ("NN", "NNS") or root.i < 2:
        return
    verb, subject = parsed[root.i - 1], parsed[root.i - 2]
    if verb.head is not root or verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN"):
        return
    if subject.head is not root or subject.tag_ not in NOUN_TAGS:
        return
    if any(n.tag_ in FINITE_TAGS and not under(n, root) for n in parsed if n is not verb):
        return
    make_root(verb)
    verb.tag_ = "VBD"
    for part in [c for c in root.children if c.i < subject.i]:
        if part.i == 0 and part.lower_.endswith("ing"):
            part.tag_, part.dep_ = "VBG", "advcl"  # "Winding up,": an opening participle, no name
        inside = part.dep_ in ("det", "amod", "compound") and part.i > 0
        attach(part, subject if inside else verb, part.dep_)
    attach(subject, verb, "nsubj")
    for later in [c for c in root.children if c.dep_ in ("advcl", "punct") and c.i > root.i]:
        attach(later, verb, later.dep_)
    attach(root, verb, "obj")


def past_tense_read_as_adjective(parsed: Parsed) -> None:
    """'Two of the seven justices dissented.': a past tense read as an adjective with a subject and no copula,
    which no adjective has. It is the verb."""
    root = next((n for n in parsed if n.head is n), None)
    if root is None or not past_tense_read_as_adjective_word(root):
        return
    if any(c.dep_ in ("cop", "aux", "aux:pass") for c in root.children):
        return
    if any(c.dep_ == "nsubj" and c.i < root.i for c in root.children):
        root.tag_ = "VBD"


def person_read_as_adjective(parsed: Parsed) -> None:
    """'A businessman told me he hoped …', 'A businessman flying to Istanbul told me …': a noun after "a" or
    "the", tagged as an adjective, read as the subject or as a modifier of the participle after it. It is the
    subject, a noun; the participle describes it. So is "general" closing a hyphenated title ("The UN
    secretary-general said …", "The ministry's directorate-general said …")."""
    for word in parsed[1:-1]:
        determiner = parsed[word.i - 1]
        if word.tag_ == "JJ" and word.lower_ == "general" and determiner.text == "-" and word.dep_ in SUBJECTS:
            word.tag_ = "NN"
            continue
        if word.tag_ != "JJ" or determiner.lower_ not in ("a", "an", "the") or not is_person_noun(word.lower_):
            continue
        participle = word.head
        if word.dep_ in SUBJECTS:
            word.tag_ = "NN"
        elif word.dep_ == "amod" and participle.i == word.i + 1 and participle.tag_ == "VBG":
            if participle.dep_ not in SUBJECTS or determiner.head is not participle:
                continue
            verb = participle.head
            word.tag_ = "NN"
            attach(word, verb, participle.dep_)
            attach(determiner, word, "det")
            attach(participle, word, "acl")


def body_noun_read_as_name(parsed: Parsed) -> None:
    """'The Isfara district hukumat said …': a body's noun in lower case the tagger does not know, read as a
    name; it is a common noun, as "council" is."""
    for token in parsed:
        if token.tag_ in ("NNP", "NNPS") and token.text.islower() and token.lower_ in GROUP_NOUNS:
            token.tag_ = "NN" if token.tag_ == "NNP" else "NNS"


# a body's own branch, which speaks for it ("the FAO office in Dushanbe"); not its people ("EU officials")
BRANCH_NOUNS = frozenset({"office", "delegation", "mission", "branch", "secretariat", "bureau"})


def acronym_read_as_adjective(parsed: Parsed) -> None:
    """'The FAO office in Dushanbe gave the decision a cautious welcome': an acronym before a noun, read as an
    adjective; it names the body the noun belongs to, as "The UNHCR office" does."""
    for token in parsed[1:]:
        acronym = len(token.text) > 1 and token.text.isupper() and token.text.isalpha()
        office = token.head.i == token.i + 1 and token.head.lower_ in BRANCH_NOUNS
        if acronym and token.tag_ == "JJ" and token.dep_ == "amod" and office:
            token.tag_, token.dep_ = "NNP", "compound"


def descriptor_read_as_second_subject(parsed: Parsed) -> None:
    """'The opposition Democratic Party of Socialists said it would …': the common noun that describes a name
    right after it, read as a subject of its own beside the name. It is the name's modifier."""
    for verb in parsed:
        subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: c.i)
        for first, second in itertools.pairwise(subjects):
            touching = max(t.i for t in first.subtree) + 1 == min(t.i for t in second.subtree)
            common = first.tag_ == "NN" and second.left_edge.dep_ != "punct"
            if common and second.tag_ in ("NNP", "NNPS") and touching:
                attach(first, second, "compound")


def subject_of_an_adjective_read_as_passive(parsed: Parsed) -> None:
    """'The nurses’ union Nursind is worried about …': the subject of "is" and an adjective read as a passive's,
    which holds nothing; with no passive auxiliary, it is the adjective's subject."""
    for subject in parsed:
        adjective = subject.head
        if subject.dep_ != "nsubj:pass" or adjective.tag_ != "JJ":
            continue
        relations = {c.dep_ for c in adjective.children}
        if "cop" in relations and "aux:pass" not in relations:
            subject.dep_ = "nsubj"
