"""Repairs to clauses on a subject that the trained parser misreads as the sentence's main clause: relative
clauses after a name ("Dakar, whose port handles …, said …", "Samvel Khachatryan, a former deputy head of the
Committee whose wife and sons are defendants …, called …"), a participle's object read as a second subject
("The union representing the ULA's staff said …"), a person's faction read as a second subject ("NAME of the
X faction told …") and a reduced relative's subject read as its head ("a decision the association called …").
`parse_repairs.repair` runs them on every parsed sentence."""

from __future__ import annotations

from analysis.extract import name_repairs
from analysis.extract.nodes import (
    FINITE_TAGS,
    NOUN_TAGS,
    PRONOUN_TAGS,
    PROPER_TAGS,
    SUBJECTS,
    Node,
    Parsed,
    attach,
    make_root,
    under,
)

RELATIVE_PRONOUNS = frozenset({"which", "who", "whose"})
NAME_PARTS = frozenset({"flat", "flat:name", "compound", "fixed", "appos"})
INSIDE_A_PHRASE = frozenset({"nmod", "obl", "nmod:poss", "obj", "iobj"})


def subject_before_relative(parsed: Parsed) -> None:
    """'Dakar, whose port handles a large share of Mali's imports, said it regretted the decision': the
    trained parser often hangs the name off the relative clause and the verb after it off the clause too (a
    third of such sentences in the dev splits). Put the name back as the verb's subject and the clause under
    the name, where the verb after the clause has no subject of its own."""
    for comma in (n for n in parsed if n.text == "," and 0 < n.i < len(parsed) - 2):
        found = _relative_before_verb(parsed, comma)
        if found is None:
            continue
        name, top, verb, closing = found
        if name.tag_ not in NOUN_TAGS:
            name.tag_ = "NNP"
        root_moves = top.head is top or name.head is name or under(verb, name)
        attach(name, verb, "nsubj")
        for stray in [c for c in verb.children if c.dep_ in SUBJECTS and name.i < c.i < closing.i and c is not top]:
            attach(stray, top, stray.dep_)
        if root_moves or verb.head is top:
            make_root(verb)
        # what hung off the clause or the name after the clause's closing comma (that comma, the full stop, a
        # clause of the verb's) is the verb's: the clause and the name end where they end
        for stray in [c for holder in (top, name) for c in holder.children if c.i >= closing.i and c is not verb]:
            attach(stray, verb, stray.dep_)
        attach(top, name, "acl:relcl")
        return


def _relative_before_verb(parsed: Parsed, comma: Node) -> tuple[Node, Node, Node, Node] | None:
    """(name, the relative clause's top node, the verb after it, the clause's closing comma) where `comma`
    opens a relative clause after a noun and a finite verb with no subject outside the clause follows it."""
    name, relative = parsed[comma.i - 1], parsed[comma.i + 1]
    # "Unifor, which represents …, warned": an unknown name opening the sentence can be tagged anything
    opening_name = name.i == 0 and name_repairs.may_be_name(name) and name.tag_ not in PRONOUN_TAGS
    if relative.lower_ not in RELATIVE_PRONOUNS or not (name.tag_ in NOUN_TAGS or opening_name):
        return None
    # the whole name ("Hotel owner Fatuma Hassan"), not its last word
    while (
        name.dep_ in NAME_PARTS and name.head.i < name.i and "," not in (t.text for t in parsed[name.head.i : name.i])
    ):
        name = name.head
    if name.dep_ in INSIDE_A_PHRASE:
        return None  # "Dr Chidi Okeke, an economist at the University of Lagos, whose …": the place is no subject
    closing = _closing_comma(parsed, relative)
    if closing is None:
        return None
    after = next(n for n in parsed[closing.i + 1 :] if n.tag_ != "RB")
    verb = after.head if after.dep_ in ("aux", "aux:pass", "cop") and after.head.i > closing.i else after
    clause = range(relative.i, closing.i)
    top = relative
    while top.head.i in clause and top.head is not top:
        top = top.head
    if (name.head is verb and name.dep_ in SUBJECTS) or any(
        c.dep_ in SUBJECTS and c.i not in clause for c in verb.children
    ):
        return None
    if verb.i in clause or top is verb or verb.dep_ not in ("ROOT", "conj", "advcl", "parataxis", "ccomp"):
        return None
    return name, top, verb, closing


def _closing_comma(parsed: Parsed, relative: Node) -> Node | None:
    """The comma that closes a relative clause: the first that a finite verb follows, since the clause may
    hold a list ("UKHospitality, which represents hotels, pubs and restaurants, calls …")."""
    for mark in (n for n in parsed[relative.i + 1 :] if n.text in (",", ";", ":", "“", '"')):
        if mark.text != "," or mark.i + 1 >= len(parsed):
            return None
        after = next((n for n in parsed[mark.i + 1 :] if n.tag_ != "RB"), None)
        if after is not None and _finite(after):
            return mark
    return None


def _finite(verb: Node) -> bool:
    """A finite verb, or a bare participle ("abstained" with no auxiliary is finite, whatever the tagger says)."""
    return verb.tag_ in FINITE_TAGS or (verb.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in verb.children))


def subject_inside_relative_after_apposition(parsed: Parsed) -> None:
    """'Samvel Khachatryan, a former deputy head of the State Revenue Committee whose wife and two sons are
    defendants in one of the pending suits, called the decision …': with no comma before the relative clause
    inside the name's description, the parser read the clause's predicate ("defendants") as the verb's
    subject. No subject of the verb lies inside a relative clause: the name before the description is the
    subject, and the clause hangs on the noun it follows."""
    for relative in parsed:
        found = _relative_in_apposition(parsed, relative) if relative.lower_ in RELATIVE_PRONOUNS else None
        if found is None:
            continue
        name, top, verb, closing = found
        clause = range(relative.i, closing.i)
        if name.head is name or under(verb, name) or under(verb, top):
            make_root(verb)
        attach(name, verb, "nsubj")
        # the clause's own words the parser hung outside it ("whose wife", read as the name's conjunct)
        for stray in [n for n in parsed[relative.i : closing.i] if n is not top and n.head.i not in clause]:
            subject = stray.i < top.i and stray.tag_ in NOUN_TAGS and not any(c.dep_ in SUBJECTS for c in top.children)
            attach(stray, top, "nsubj" if subject else stray.dep_)
        for stray in [c for c in top.children if c.i >= closing.i]:
            attach(stray, verb, stray.dep_)
        attach(top, parsed[relative.i - 1], "acl:relcl")
        return


def _relative_in_apposition(parsed: Parsed, relative: Node) -> tuple[Node, Node, Node, Node] | None:
    """(name, the verb's subject inside the clause, the verb, the clause's closing comma) where `relative`
    follows a noun in a description set off by a comma after a name, and the verb after the clause has its
    subject inside it."""
    antecedent = parsed[relative.i - 1] if relative.i else None
    if antecedent is None or antecedent.tag_ not in NOUN_TAGS:
        return None
    comma = next((t for t in reversed(parsed[: relative.i]) if t.text in PUNCTUATION), None)
    if comma is None or comma.text != "," or comma.i < 1 or comma.i + 1 >= antecedent.i:
        return None
    name = parsed[comma.i - 1]
    while name.dep_ in NAME_PARTS and name.head.i < name.i:
        name = name.head
    if name.tag_ not in NOUN_TAGS or name.tag_ in PRONOUN_TAGS or name.dep_ in INSIDE_A_PHRASE:
        return None
    closing = _closing_comma(parsed, relative)
    if closing is None:
        return None
    after = next(n for n in parsed[closing.i + 1 :] if n.tag_ != "RB")
    verb = after.head if after.dep_ in ("aux", "aux:pass", "cop") and after.head.i > closing.i else after
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    inside = [c for c in subjects if relative.i < c.i < closing.i]
    if len(subjects) != 1 or not inside or verb.i <= closing.i:
        return None
    return name, inside[0], verb, closing


PUNCTUATION = frozenset({",", ";", ":", "(", ")", "“", "”", '"', "–", "—"})


def object_read_as_second_subject(parsed: Parsed) -> None:
    """'The union representing the ULA's administrative and maintenance staff said …': the participle's object
    read as a second subject of the verb. The first subject is the verb's; the second, the participle's object."""
    for verb in parsed:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        # "The association representing bakers said": the body read as a modifier of the participle's object
        body = next((c for c in subjects[0].children if c.dep_ == "compound"), None) if len(subjects) == 1 else None
        first, second = (body, subjects[0]) if body is not None else [*subjects, None, None][:2]
        if len(subjects) > 2 or first is None or second is None:
            continue
        participle = next((c for c in first.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)
        if participle is None or any(c.dep_ == "obj" for c in participle.children):
            continue
        if not participle.i < second.i or any(t.text in PUNCTUATION for t in parsed[participle.i : second.i]):
            continue
        if first is body:
            attach(body, verb, "nsubj")
        attach(second, participle, "obj")
        return


def relative_object_read_as_subject(parsed: Parsed) -> None:
    """'Two foreign investors who had been studying processing plants told this newspaper …': the relative
    clause's object read as the subject of the main verb, and the verb as a second relative clause on the
    sentence's first noun. The noun is the verb's subject; the object, the clause's."""
    root = next((n for n in parsed if n.head is n), None)
    if root is None or root.tag_ not in NOUN_TAGS:
        return
    clauses = [c for c in root.children if c.dep_ == "acl:relcl" and c.i > root.i]
    if len(clauses) != 2:
        return
    relative, verb = clauses
    if not any(c.dep_ in SUBJECTS and c.lower_ in ("who", "that", "which") for c in relative.children):
        return
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if verb.tag_ not in FINITE_TAGS or subject is None or subject.tag_ not in NOUN_TAGS:
        return
    if min(t.i for t in subject.subtree) != max(t.i for t in relative.subtree) + 1:
        return  # the subject right after the clause's last word, where its object would be
    make_root(verb)
    attach(root, verb, "nsubj")
    attach(relative, root, "acl:relcl")
    attach(subject, relative, "obj")


def affiliation_read_as_second_subject(parsed: Parsed) -> None:
    """'Almazbek Orozaliev of the Ata-Jurt Kyrgyzstan faction told the chamber …': the body a person belongs to,
    read as a second subject of the verb (or a conjunct of the role before the name) with its "of" hung inside
    it. It is the person's modifier."""
    for of in parsed[2:-2]:
        person = parsed[of.i - 1]
        if of.lower_ != "of" or of.dep_ != "case" or person.tag_ not in PROPER_TAGS or of.head.i < of.i:
            continue
        body = of.head
        while body.dep_ in ("compound", "flat") and body.head.i > body.i:
            body = body.head
        if body.dep_ not in (*SUBJECTS, "conj") or body.tag_ not in ("NN", "NNP") or under(body, person):
            continue
        if body.head is body or under(person, body) or (person.dep_ in ("compound", "flat") and person.head.i > of.i):
            continue  # not a name's inner word
        attach(body, person, "nmod")
        attach(of, body, "case")


# the verbs of a reduced relative that names what its subject thinks of the noun before ("a decision X called …")
NAMING_VERBS = frozenset({"called", "described", "termed", "dubbed", "branded", "labelled", "labeled", "hailed"})


def subject_of_reduced_relative_read_as_its_head(parsed: Parsed) -> None:
    """'…, a decision the Bishkek Parents' Association called "long overdue"': the relative clause's subject read
    as the head the verb describes ("the Association called …" as "the Association, called …"). The noun before
    is what is called so; the name is the verb's subject."""
    for verb in parsed[3:]:
        subject = verb.head
        if verb.lower_ not in NAMING_VERBS or verb.dep_ != "acl" or subject.i > verb.i:
            continue
        if any(c.dep_ == "obj" for c in verb.children) or subject.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        start = min(w.i for w in subject.subtree if w.i < verb.i)
        noun = parsed[start - 1]
        if noun.tag_ not in ("NN", "NNS") or noun.dep_ not in ("appos", "obj", "obl", "nmod", "nsubj") or start < 2:
            continue
        attach(verb, noun, "acl:relcl")
        attach(subject, verb, "nsubj")
        verb.tag_ = "VBD"
