"""Repairs to the trained parser's reading of a sentence's opening: the body opening it left as a loose word
before its description, an opening phrase of place read as the subject before the real one, the subject's
own place read as a second subject, the subject of a clause a reporting verb interrupts read as the verb's,
the question a reply opens with read as the sentence's verb, an opening participle read as the subject, the
subject read into the opening phrase, a name the sentence addresses read as its subject, and a name left as
the root before the place it is from.
Called by `parse_repairs.repair`, in its order."""

from __future__ import annotations

from analysis.extract.nodes import (
    FINITE_TAGS,
    NOUN_TAGS,
    SUBJECTS,
    VERB_TAGS,
    Parsed,
    attach,
    child,
    first_word,
    is_proper,
    make_root,
)


def subject_read_as_loose_word(parsed: Parsed) -> None:
    """'The association, a member of the platform, said …': the body opening the sentence left as a loose word
    of the verb, and its description between commas read as the subject. The body is the subject, and the
    description its apposition."""
    for verb in parsed:
        description = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb.tag_ in VERB_TAGS else None
        if description is None or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in description.children):
            continue
        body = next((c for c in verb.children if c.dep_ == "dep" and c.i < description.i), None)
        if body is None or first_word(body) != 0 or body.tag_ not in ("NN", "NNP", "NNPS"):
            continue
        end = max(w.i for w in body.subtree if w.dep_ != "punct")
        if parsed[end + 1].text != "," or first_word(description) != end + 2:
            continue
        attach(body, verb, "nsubj")
        attach(description, body, "appos")


def opening_phrase_read_as_subject(parsed: Parsed) -> None:
    """'Across the Friendship Bridge, a spokesman for Brazil's Federal Police said …': the opening phrase of
    place read as the subject, with its preposition, and the subject after the comma as its apposition. The
    apposition is the subject; the phrase is the verb's."""
    for phrase in parsed:
        # "In the opposition, MPs from … questioned …": the phrase may be read as the verb's, the verb left bare
        bare = phrase.dep_ == "obl" and not any(c.dep_ in SUBJECTS for c in phrase.head.children)
        if not (phrase.dep_ in SUBJECTS or bare) or first_word(phrase) != 0:
            continue
        preposition = child(phrase, "case")
        if preposition is None or preposition.i != 0 or preposition.tag_ != "IN":
            continue
        subject = next(
            (c for c in phrase.children if c.dep_ == "appos" and parsed[first_word(c) - 1].text == ","), None
        )
        if subject is None:
            continue
        verb = phrase.head
        attach(subject, verb, "nsubj" if bare else phrase.dep_)
        attach(phrase, verb, "obl")
        for part in [c for c in phrase.children if c.i > subject.i]:
            attach(part, verb if part.dep_ in ("punct", "flat") else subject, part.dep_)


def place_read_as_second_subject(parsed: Parsed) -> None:
    """'The World Health Organization's office in Port Sudan said …': the place the subject is in read as a
    second subject of the verb, with its "in" as the verb's marker. The place is the subject's."""
    for place in parsed:
        if place.dep_ != "nsubj" or not is_proper(place) or first_word(place) < 2:
            continue
        preposition, noun = parsed[first_word(place) - 1], parsed[first_word(place) - 2]
        if preposition.lower_ not in ("in", "at") or preposition.dep_ != "mark" or preposition.head is not place.head:
            continue
        if noun.dep_ != "nsubj" or noun.head is not place.head or noun.tag_ not in ("NN", "NNS"):
            continue
        attach(place, noun, "nmod")
        attach(preposition, place, "case")


def subject_before_an_aside_of_speech(parsed: Parsed) -> None:
    """'The law itself, she says, is out of step with how people live': the reported clause's subject, before
    the reporting verb set off by commas, read as a second subject of that verb. It is the clause's."""
    for verb in parsed:
        if verb.tag_ not in VERB_TAGS or verb.i < 3 or verb.i + 1 >= len(parsed) or parsed[verb.i + 1].text != ",":
            continue
        speaker = parsed[verb.i - 1]
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if clause is None or speaker.dep_ != "nsubj" or speaker.head is not verb or parsed[verb.i - 2].text != ",":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < speaker.i), None)
        if subject is not None and not any(c.dep_ in SUBJECTS for c in clause.children):
            attach(subject, clause, "nsubj")


QUESTIONED = frozenset({"asked", "pressed", "questioned", "quizzed", "challenged"})


def question_read_as_the_verb(parsed: Parsed) -> None:
    """'Asked whether other plants could face similar curbs, a Rosselkhoznadzor spokesperson declined to
    speculate': the question that opens the sentence read as its verb, and the reply's verb as its conjunct.
    The reply is the sentence's verb; the question its adverbial clause."""
    question = next((w for w in parsed if w.text[:1].isalpha()), None)
    if question is None or question.lower_ not in QUESTIONED or question.head is not question:
        return
    if question.tag_ not in ("VBD", "VBN") or any(c.dep_ in SUBJECTS for c in question.children):
        return
    reply = next((c for c in question.children if c.dep_ == "conj" and c.tag_ in VERB_TAGS), None)
    subject = next((c for c in reply.children if c.dep_ in SUBJECTS), None) if reply is not None else None
    if subject is None or parsed[first_word(subject) - 1].text != ",":
        return
    make_root(reply)
    for part in [c for c in question.children if c.i > reply.i]:
        attach(part, reply, part.dep_)
    attach(question, reply, "advcl")


def participle_read_as_subject(parsed: Parsed) -> None:
    """'Closing the debate, al-Rashdi dismissed the warning …': the participle clause that opens the sentence
    read as the verb's subject, and the name after its comma as an apposition inside it. The name is the
    subject; the participle's clause is the verb's adverbial."""
    opening = next((w for w in parsed if w.text[:1].isalpha()), None)
    if opening is None or opening.tag_ != "VBG" or opening.dep_ not in ("nsubj", "csubj"):
        return
    if opening.head.tag_ not in VERB_TAGS:
        return
    verb = opening.head
    before_verb = _verb_group_start(verb)
    subject = next(
        (
            n
            for n in opening.subtree
            if (n.dep_ == "appos" or (n.dep_ == "parataxis" and is_proper(n)))
            and n.tag_ in NOUN_TAGS
            and (n.head is opening or n.head.head is opening)  # not "as Yannick Le Gall, a French MEP, calls"
            and parsed[first_word(n) - 1].text == ","
            and _ends_before(n, before_verb)
        ),
        None,
    )
    if subject is None:
        return
    attach(subject, verb, "nsubj")
    attach(opening, verb, "advcl")


def _verb_group_start(verb) -> int:
    """Where the verb's group begins: its first auxiliary before it ("has bypassed"), else the verb."""
    return min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "aux:pass") and c.i < verb.i)])


def _ends_before(phrase, verb_at: int) -> bool:
    """Does the phrase end right before the verb, or before a comma right before it ("…, the minister of
    labour, said")?"""
    end = max(w.i for w in phrase.subtree if w.dep_ != "punct")
    return end + 1 == verb_at or (end + 2 == verb_at and phrase.doc[end + 1].text == ",")


def subject_read_into_opening_phrase(parsed: Parsed) -> None:
    """'In the view of opposition leader Clement Houanihau, cabinet has bypassed Parliament': the subject after
    the opening phrase's comma read as the head of the phrase's last noun, and the verb left with no subject.
    The noun after the comma is the subject; the name before it stays in the phrase."""
    verb = next((n for n in parsed if n.head is n), None)
    if verb is None or verb.tag_ not in VERB_TAGS or any(c.dep_ in SUBJECTS for c in verb.children):
        return
    before_verb = _verb_group_start(verb)
    subject = parsed[before_verb - 1] if before_verb > 2 else None
    if subject is None or subject.tag_ not in NOUN_TAGS or subject.dep_ != "nmod" or subject.head.head is not verb:
        return
    phrase = subject.head
    if phrase.dep_ != "obl" or first_word(phrase) != 0:
        return
    comma = next((t for t in reversed(list(subject.subtree)) if t.text == "," and t.i < subject.i), None)
    named = [c for c in subject.children if c.i < (comma.i if comma else -1) and c.dep_ in ("compound", "flat")]
    preposition = next((c for c in subject.children if c.dep_ == "case" and c.i < subject.i), None)
    if comma is None or len(named) != 1 or preposition is None:
        return
    if any(parsed[i].tag_ not in ("DT", "JJ", "NN", "NNS") for i in range(comma.i + 1, subject.i)):
        return  # the subject's own words only, between the comma and its noun
    attach(named[0], phrase, "nmod")
    attach(preposition, named[0], "case")
    attach(comma, named[0], "punct")
    attach(subject, verb, "nsubj")


RELATIVE_WORDS = frozenset({"which", "whom", "whose", "where"})


def aside_read_as_the_verb(parsed: Parsed) -> None:
    """'Mountain villagers along the route, speaking through their shura, asked for assurances …', 'The
    Interstate Commission for Water Coordination, in which Afghanistan has no seat, has stopped short of …': the
    aside after the opening subject read as the sentence's verb, and the real verb after the aside's closing
    comma as its conjunct, with no subject. The later verb is the sentence's, with the opening subject; the
    aside describes the subject."""
    aside = next((n for n in parsed if n.head is n), None)
    if aside is None or aside.tag_ not in VERB_TAGS:
        return
    subjects = [c for c in aside.children if c.dep_ in SUBJECTS]
    if not subjects or subjects[0].tag_ not in NOUN_TAGS:
        return
    subject = subjects[0]
    if any(w.dep_ != "punct" for w in parsed[: first_word(subject)]):
        return  # the subject opens the sentence
    end = max(n.i for n in subject.subtree)
    if end + 1 >= aside.i or parsed[end + 1].text != ",":
        return
    relative = any(c.lower_ in RELATIVE_WORDS and c.i < aside.i for c in aside.children)
    participle = aside.tag_ == "VBG" and len(subjects) == 1
    if not (participle or (relative and len(subjects) == 2)):
        return
    verb = next(
        (
            c
            for c in aside.children
            if c.dep_ in ("conj", "parataxis") and c.i > aside.i and parsed[first_word(c) - 1].text == ","
        ),
        None,
    )
    if verb is None or any(c.dep_ in SUBJECTS for c in verb.children) or not _finite(verb):
        return
    make_root(verb)
    attach(subject, verb, "nsubj")
    attach(aside, subject, "acl:relcl" if relative else "acl")
    for later in [c for c in aside.children if c.i > verb.i]:
        attach(later, verb, later.dep_)


def _finite(verb) -> bool:
    return verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in verb.children)


def addressed_name_read_as_subject(parsed: Parsed) -> None:
    """'Helena, a spokesman for the Commission told me it was …': a first name the speaker addresses, read as
    the subject with the real subject as its apposition. An apposition is closed by a comma before the verb;
    with none there, the name is spoken to and the description is the subject."""
    if len(parsed) < 5 or parsed[1].text != "," or not is_proper(parsed[0]) or parsed[0].dep_ not in SUBJECTS:
        return
    name, verb = parsed[0], parsed[0].head
    described = next((c for c in name.children if c.dep_ == "appos" and c.i > 1 and not is_proper(c)), None)
    if described is None or verb.tag_ not in FINITE_TAGS or verb.i < described.i:
        return
    end = max(w.i for w in described.subtree)
    if end + 1 != verb.i or parsed[end].text == ",":
        return
    attach(described, verb, name.dep_)
    attach(name, verb, "vocative")


def name_left_as_root_before_its_place(parsed: Parsed) -> None:
    """'Reader Lamin, from Serrekunda, writes: “…”': the name opening the sentence left as the root, the verb
    after the place between commas hung on it with no subject. The verb is the root, the name its subject and
    the place the name's."""
    name = next((n for n in parsed if n.head is n), None)
    if name is None or not is_proper(name) or first_word(name) != 0 or name.i + 4 >= len(parsed):
        return
    if parsed[name.i + 1].text != "," or parsed[name.i + 2].lower_ not in ("from", "of", "in"):
        return
    verb = next((c for c in name.children if c.dep_ in LOOSE_VERBS and c.i > name.i + 3), None)
    if verb is None or verb.tag_ not in FINITE_TAGS or parsed[verb.i - 1].text != ",":
        return
    between = parsed[name.i + 2 : verb.i - 1]
    if any(c.dep_ in SUBJECTS for c in verb.children) or any(w.tag_ in FINITE_TAGS for w in between):
        return
    make_root(verb)
    for later in [c for c in name.children if c.i > verb.i]:
        attach(later, verb, later.dep_)
    attach(name, verb, "nsubj")
    place = next((w for w in between if w.head.i not in range(between[0].i, verb.i - 1)), None)
    if place is not None and place.dep_ != "punct":
        attach(place, name, "nmod")


LOOSE_VERBS = frozenset({"advcl", "parataxis", "conj", "acl"})
