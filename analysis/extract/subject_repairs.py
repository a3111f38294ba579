"""Repairs to the trained parser's reading of where a clause's subject is: a name opening the clause after a
semicolon read as its verb's oblique ("…; the PA abstained"), a floating "both" read as a second subject
("Agri SA and the FMF both described …"), a name before an aside between commas left with no verb ("NZ First,
on the other hand, has welcomed it"), a name read as the subject of its description between commas ("The
CFDT, usually the most conciliatory of the big unions, has joined"), a name left as the root before its
description or its aside, with the verb after it read as a conjunct or a participle ("Valentin Tudose, chief
economist at a Bucharest brokerage, calls …"), a plural's possessive apostrophe read as a closing quotation
mark ("The builders' association AICCOPN …"), a second clause's subject read as a conjunct of the first clause's
last noun ("… a clean-up of Malaysian politics and opposition MPs accused …"),
a plural title read as the head of the pair of names after it ("Crs Lowther and Jess Amoroa walk out"), and a
person's name read as the apposition of the place before it ("A younger man on the next bench, NAME, said").
Called by `parse_repairs.repair`, in its order."""

from __future__ import annotations

from analysis.extract.name_repairs import is_acronym
from analysis.extract.nodes import (
    FINITE_TAGS,
    NOUN_TAGS,
    SUBJECTS,
    VERB_TAGS,
    Parsed,
    attach,
    child_case,
    first_word,
    is_proper,
    make_root,
    under,
)
from analysis.extract.person_nouns import is_person_noun
from analysis.extract.vocabulary import GROUP_NOUNS, LOCATIVE_CASES, TIME_NOUNS


def subject_after_semicolon_read_as_oblique(parsed: Parsed) -> None:
    """'…; the DA voted against; the PA abstained': a name opening the clause after a semicolon, read as its
    verb's oblique or object, with the verb left with no subject. Nothing else stands between the semicolon
    and the verb, so the name is the subject."""
    for verb in parsed:
        # "the PA abstained": a past form read as a participle, with no auxiliary to make it one
        past = (
            verb.tag_ == "VBN"
            and verb.dep_ in ("parataxis", "conj")
            and not any(c.dep_ == "aux" for c in verb.children)
        )
        if not (verb.tag_ in FINITE_TAGS or past) or any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children):
            continue
        # "…; ACT abstained": the name may hang on the first clause's verb, and its own verb as that verb's xcomp
        name = parsed[verb.i - 1] if verb.i > 0 else None
        if name is None or name.dep_ not in UNMARKED_NOUNS or under(verb, name):
            continue
        if not (is_proper(name) or is_acronym(name)):
            continue
        start = first_word(name)
        if start < 1 or parsed[start - 1].text != ";" or child_case(name):
            continue
        if verb.dep_ == "xcomp" and name.head is not verb:
            attach(verb, verb.head, "parataxis")
        attach(name, verb, "nsubj")
        verb.tag_ = "VBD" if past else verb.tag_


UNMARKED_NOUNS = frozenset({"obl:unmarked", "obl", "obj", "nmod", "dep"})


def quantifier_read_as_second_subject(parsed: Parsed) -> None:
    """'Agri SA and the Free Market Foundation (FMF) both described the increase as unaffordable': a floating
    "both", "all" or "each" after the subject, read as a second subject of the verb. It only says the
    subjects act together."""
    for word in parsed:
        if word.lower_ not in FLOATING_QUANTIFIERS or word.dep_ not in SUBJECTS or word.children:
            continue
        verb = word.head
        if any(c.dep_ in SUBJECTS and c.i < word.i for c in verb.children if c is not word):
            attach(word, verb, "advmod")


FLOATING_QUANTIFIERS = frozenset({"both", "all", "each"})


def subject_before_aside(parsed: Parsed) -> None:
    """'NZ First, on the other hand, has welcomed it', 'Fonterra, for its part, said …': a name opening the
    sentence, then an aside between commas, read as the verb's modifier, with the verb left with no subject.
    The name is the subject."""
    for verb in parsed:
        if verb.tag_ not in VERB_FORMS or any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children):
            continue
        words = [c for c in verb.children if c.dep_ != "punct"]
        name = next((c for c in words if c.i < verb.i and first_word(c) <= _opening(parsed)), None)
        if name is None or name.dep_ in ("mark", "cc", "advcl", "ccomp") or child_case(name):
            continue
        if not (is_proper(name) or is_acronym(name) or _definite_group(name)):
            continue
        end = max(w.i for w in name.subtree if w.dep_ != "punct")
        if end + 1 >= verb.i or parsed[end + 1].text != ",":
            continue
        aside = next((c for c in words if first_word(c) == end + 2), None)
        close = max((w.i for w in aside.subtree if w.dep_ != "punct"), default=0) if aside is not None else 0
        if aside is None or close + 1 >= verb.i or parsed[close + 1].text != ",":
            continue
        if any(w.tag_ not in ("MD", "RB") and w.dep_ not in ("aux", "advmod") for w in parsed[close + 2 : verb.i]):
            continue
        attach(name, verb, "nsubj")


def _definite_group(noun) -> bool:
    """'The hotel owners' association, on the other hand, welcomed it': a body the text describes, not names."""
    if noun.tag_ not in ("NN", "NNS") or noun.lower_ in TIME_NOUNS:
        return False
    return any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "nmod:poss" for c in noun.children)


def name_read_as_subject_of_its_description(parsed: Parsed) -> None:
    """'The CFDT, usually the most conciliatory of the big unions, has joined the protest': the description
    between commas read as the verb's subject, and the name opening the sentence as the description's own
    subject (as if it were a clause, "the CFDT [is] the most conciliatory"). The name is the verb's subject,
    and the description its apposition."""
    for verb in parsed:
        if verb.tag_ not in VERB_FORMS:
            continue
        description = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if description is None or description.tag_ not in ("NN", "NNS", "JJ") or is_proper(description):
            continue
        name = next((c for c in description.children if c.dep_ == "nsubj" and c.i < description.i), None)
        if name is None or first_word(name) > _opening(parsed) or not (is_proper(name) or is_acronym(name)):
            continue
        end = max(w.i for w in name.subtree if w.dep_ != "punct")
        close = max(w.i for w in description.subtree if w.dep_ != "punct" and w.i > end)
        if parsed[end + 1].text != "," or close + 1 >= verb.i or parsed[close + 1].text != ",":
            continue
        if any(w.tag_ in VERB_FORMS for w in parsed[end + 1 : close + 1]):
            continue  # "NAME, which opposed it, …": a clause of its own, not a description
        attach(name, verb, "nsubj")
        attach(description, name, "appos")


def employer_in_description_read_as_subject(parsed: Parsed) -> None:
    """'Professor Aïssatou Sy Ndongo, a linguist at Cheikh Anta Diop University, called the decree …': the
    last name of the description after the person's name (where the person works) read as the verb's subject.
    The person opening the sentence is the subject; the employer stays in the description."""
    opening = _opening(parsed)
    comma = next((w.i for w in parsed[opening:] if w.text == ","), None)
    if comma is None or comma == opening or not all(is_proper(w) for w in parsed[opening:comma]):
        return
    for verb in parsed:
        employer = next((c for c in verb.children if c.dep_ == "nsubj" and comma < c.i < verb.i), None)
        if employer is None or verb.tag_ not in VERB_FORMS or not is_proper(employer):
            continue
        case = [w.i for w in parsed[comma + 1 : employer.i] if w.lower_ in ("at", "of", "for", "with")]
        if not case or parsed[employer.i + 1].text != ",":
            return
        begins = case[-1] + 1
        between = parsed[comma + 1 : begins]
        if not between or between[0].lower_ not in ("a", "an", "the") or any(w.tag_ in FINITE_TAGS for w in between):
            return  # "X, who works at Y, said": a clause, whose subject is its own
        name = [w for w in parsed[opening:comma] if not opening <= w.head.i < comma or w.head is w]
        description = [w for w in between if not comma < w.head.i < begins and w.dep_ != "case"]
        if len(name) != 1 or not description:
            return
        attach(name[0], verb, "nsubj")
        attach(description[0], name[0], "appos")
        attach(employer, description[0], "nmod")
        return


def name_left_as_root_before_its_description(parsed: Parsed) -> None:
    """'Valentin Tudose, chief economist at a Bucharest brokerage, calls the freeze …': the name opening the
    sentence left as the root, with the description between commas and the verb after it read as the name's
    conjuncts (so the verb had no subject, and the employer's name was taken for it). The verb is the root,
    the name its subject and the description the name's apposition."""
    name = next((n for n in parsed if n.head is n), None)
    if name is None or not is_proper(name) or first_word(name) > _opening(parsed) or name.i + 1 >= len(parsed):
        return
    if parsed[name.i + 1].text != ",":
        return
    conjuncts = [c for c in name.children if c.dep_ == "conj" and c.i > name.i]
    verb = next((c for c in conjuncts if c.tag_ in FINITE_TAGS), None)
    if verb is None or parsed[verb.i - 1].text != "," or any(c.dep_ in SUBJECTS for c in verb.children):
        return
    description = next((c for c in conjuncts if c.i < verb.i), None)
    if description is None or description.tag_ not in ("NN", "NNS", "NNP"):
        return
    if any(w.tag_ in FINITE_TAGS for w in parsed[name.i + 1 : verb.i]):
        return  # "NAME, who chairs the board, said": a clause of its own
    make_root(verb)
    attach(name, verb, "nsubj")
    attach(description, name, "appos")
    for later in [c for c in name.children if c.i > verb.i]:
        attach(later, verb, later.dep_)  # "… but says it will not last": the verb's conjunct


def verb_after_aside_read_as_participle(parsed: Parsed) -> None:
    """'The Taichung City Government, while backing the increase, called for …': the body opening the sentence
    left as the root, and the verb after the aside between commas read as a participle describing it ("the
    government called for …"). With no other verb to be the sentence's, it is the body's verb."""
    name = next((n for n in parsed if n.head is n), None)
    if name is None or name.tag_ not in NOUN_TAGS or first_word(name) > _opening(parsed) or name.i + 1 >= len(parsed):
        return
    if parsed[name.i + 1].text != ",":
        return
    verb = next((c for c in name.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.i > name.i), None)
    if verb is None or parsed[verb.i - 1].text != "," or any(c.dep_ in SUBJECTS for c in verb.children):
        return
    make_root(verb)
    verb.tag_ = "VBD"
    attach(name, verb, "nsubj")
    for later in [c for c in name.children if c.i > verb.i]:
        attach(later, verb, later.dep_)


def possessive_read_as_closing_quotation(parsed: Parsed) -> None:
    """'The builders' association AICCOPN struck a similar note': the apostrophe of a plural's possessive read
    as a closing quotation mark, and the body's noun after it hung under the plural (as a preposition of the
    name after it). The noun heads the phrase, the plural is its owner and the name its apposition."""
    for owner in parsed[1:-2]:
        mark, noun = parsed[owner.i + 1], parsed[owner.i + 2]
        if owner.tag_ != "NNS" or mark.text not in ("'", "’", "'s", "’s") or noun.lower_ not in GROUP_NOUNS:
            continue
        # "The fishermen's cooperative welcomed …", "cooperative" tagged an adverb of the verb
        misread = mark.tag_ == "POS" and noun.tag_ not in NOUN_TAGS and owner.head is not noun
        if not misread and (mark.tag_ == "POS" or noun not in owner.subtree):
            continue  # the noun already heads the plural
        if owner.head in noun.subtree or any(w.text in ("'", "‘") for w in parsed[: owner.i]):
            continue  # a quotation in single marks is open
        name = parsed[owner.i + 3] if owner.i + 3 < len(parsed) else None
        if owner.head is owner:
            make_root(noun)
        else:
            attach(noun, owner.head, owner.dep_)
        attach(owner, noun, "nmod:poss")
        attach(mark, owner, "case")
        mark.tag_, noun.tag_ = "POS", "NN" if noun.tag_ not in NOUN_TAGS else noun.tag_
        for before in [c for c in owner.children if c.i < owner.i and c.dep_ == "det"]:
            attach(before, noun, "det")
        if name is not None and name.text[:1].isupper() and name in owner.subtree:
            name.tag_ = "NNP"
            attach(name, noun, "appos")


def name_read_as_second_subject(parsed: Parsed) -> None:
    """'The employers' federation CGECI said …': a body's common noun and its name right after it, read as two
    subjects of the verb. The name is the noun's apposition, as in "the teachers' union ONTSTP"."""
    for name in parsed:
        verb = name.head
        if name.dep_ != "nsubj" or verb is name or not (is_proper(name) or is_acronym(name)) or name.i == 0:
            continue
        noun = parsed[name.i - 1]
        if noun.head is not verb or noun.dep_ != "nsubj" or noun.tag_ not in ("NN", "NNS") or is_proper(noun):
            continue
        attach(name, noun, "appos")


VERB_FORMS = frozenset({"VBD", "VBZ", "VBP", "VBN", "VB"})


def _opening(parsed: Parsed) -> int:
    """The first word of the sentence, opening quotation marks and "The" aside."""
    i = 0
    while i < len(parsed) - 1 and (parsed[i].dep_ == "punct" or parsed[i].lower_ == "the"):
        i += 1
    return i


def subject_read_as_conjunct(parsed: Parsed) -> None:
    """'… hailed it as a clean-up of Malaysian politics and opposition MPs accused the government of …': the
    second clause's subject read as a conjunct of the first clause's last noun, with its verb left with no
    subject. A noun right before a verb of its own, after "and", is that verb's subject."""
    for verb in parsed:
        if verb.tag_ not in FINITE_TAGS or verb.i < 3 or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        subject = parsed[verb.i - 1]
        if subject.dep_ != "conj" or subject.tag_ not in ("NNS", "NNP", "NNPS") or under(verb, subject):
            continue
        if not any(c.dep_ == "cc" and c.lower_ == "and" and c.i == first_word(subject) for c in subject.children):
            continue
        clause = _clause_before(subject, verb)
        if clause is None:
            continue
        # "hailed it as a clean-up of … and opposition MPs accused": the parser hung the first clause's words on
        # the second verb; they go back to the first
        for early in [c for c in verb.children if clause.i < c.i < subject.i]:
            attach(early, clause, "advcl")
        attach(verb, clause, "conj")
        attach(subject, verb, "nsubj")
        cc = next(c for c in subject.children if c.dep_ == "cc")
        attach(cc, verb, "cc")


def one_of_them_read_as_conjunct(parsed: Parsed) -> None:
    """'Several members have urged a review, and one, Dayang Zaitun, said that …': "one" and the name after it
    read as a conjunct of the first verb, and the second verb left with no subject. "One" is its subject. So is
    a person's role named the same way ("…, and their group leader, Anders Wikström, called the bill …"), read
    as a conjunct of the first clause's object, or with its verb read as the role's own description."""
    for one in parsed:
        if one.dep_ != "conj" or not (one.lower_ == "one" or (one.tag_ == "NN" and is_person_noun(one.lower_))):
            continue
        clause = one.head
        while clause.tag_ not in VERB_TAGS and clause.head is not clause:
            clause = clause.head
        name = next((c for c in one.children if c.dep_ == "appos" and is_proper(c)), None)
        if name is None or clause.tag_ not in VERB_TAGS:
            continue
        end = max(t.i for t in name.subtree)
        verb = next((n for n in parsed[end + 1 :] if n.tag_ in FINITE_TAGS), None)
        if verb is None or verb.head not in (clause, one) or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        if verb.head is one:
            attach(verb, clause, "conj")
        attach(one, verb, "nsubj")
        for cc in [c for c in one.children if c.dep_ == "cc"]:
            attach(cc, verb, "cc")


def name_after_one_of_them_read_as_modifier(parsed: Parsed) -> None:
    """'One of them, Aigul Sarsenova, a mother of three, was allowed to speak': the name after "one of them" read
    as a loose modifier of "one", its first name as a description of its surname. The name is "one"'s
    apposition."""
    for one in parsed[:-4]:
        if one.lower_ != "one" or parsed[one.i + 1].lower_ != "of" or one.dep_ not in SUBJECTS:
            continue
        comma = next((n for n in parsed[one.i + 2 : one.i + 5] if n.text == ","), None)
        name = parsed[comma.i + 1] if comma is not None else None
        if name is None or not is_proper(name) or name.dep_ == "appos":
            continue
        while name.head.i == name.i + 1 and is_proper(name.head) and name.head.head is one:
            name = name.head  # "Aigul" hung on "Sarsenova"
        if name.head is not one:
            continue
        attach(name, one, "appos")
        for part in [c for c in name.children if c.i < name.i and is_proper(c)]:
            attach(part, name, "compound")
        return


def name_read_as_apposition_of_a_place(parsed: Parsed) -> None:
    """'A younger man on the next bench, Azamat Jumabaev, said …': the name after the comma read as an apposition
    of the place where the person sat. A place has no name of a person; the name is the person's."""
    for name in parsed[2:]:
        place = name.head
        if name.dep_ != "appos" or not is_proper(name) or parsed[name.i - 1].text != ",":
            continue
        if place.dep_ != "nmod" or place.tag_ not in ("NN", "NNS") or child_case(place) not in LOCATIVE_CASES:
            continue
        person = place.head
        if person.dep_ in SUBJECTS and person.tag_ == "NN" and is_person_noun(person.lower_):
            attach(name, person, "appos")


def _clause_before(subject, verb):
    """The verb of the clause whose last noun `subject` was read as a conjunct of, if it is a clause of its own
    before `verb` (not a subject's noun: "families in Split and Dubrovnik could no longer find flats")."""
    clause = subject.head
    while clause.head is not clause and clause.tag_ not in FINITE_TAGS and clause.dep_ not in SUBJECTS:
        clause = clause.head
    if clause.dep_ in SUBJECTS:
        return None
    if clause is verb:
        clause = verb.head
    if clause.tag_ not in FINITE_TAGS or clause is verb or clause.i > subject.i or under(clause, verb):
        return None
    return clause


def title_of_a_pair_read_as_its_head(parsed: Parsed) -> None:
    """'Crs Lowther and Jess Amoroa walk out', 'Senators Ruiz and Peña voted against': a plural title before a
    pair of names, read as the phrase's head with the first name hanging on it. The first name is the head,
    the title its, and the second name its conjunct."""
    for title in parsed:
        if title.lower_ not in PLURAL_TITLES or title.i + 1 >= len(parsed):
            continue
        name = parsed[title.i + 1]
        if name.head is not title or name.dep_ not in ("flat", "compound", "appos") or not is_proper(name):
            continue
        pairs = [c for c in title.children if c.dep_ == "conj" and c.i > name.i]
        if not pairs:
            continue
        if title.head is title:
            continue  # a heading's title ("Senators Ruiz and Peña"), no clause to hang the name on
        attach(name, title.head, title.dep_)
        attach(title, name, "nmod:desc")
        for later in [c for c in title.children if c.i > name.i]:
            attach(later, name, later.dep_)


PLURAL_TITLES = frozenset(
    {"crs", "cllrs", "councillors", "councilors", "senators", "sens", "reps", "representatives", "commissioners"}
    | {"deputies", "drs", "messrs", "mps", "ministers", "aldermen", "alderpersons", "supervisors", "governors"}
)
