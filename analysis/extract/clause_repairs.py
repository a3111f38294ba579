"""Repairs to the trained parser's reading of a clause around its subject: a participle after its noun read as
the noun's verb ("Officials contacted by this newspaper said …"), the names after an opening phrase read as its
apposition ("At the Council meeting, Uganda, Tanzania and Rwanda supported …"), a subject hung on an auxiliary,
a speech verb or a quoted verb read as a noun ("SYRIZA confirms …", "China “firmly opposes” …"), the clause
after a semicolon, a role and its holder left as the root, a quotation's last words read as the subject of the
reporting verb after it, "last night" read as the subject, two subjects with only "and" between them and a
"who" clause hung on a thing's noun.
Called by `parse_repairs.repair`, in its order."""

from __future__ import annotations

from analysis.extract.nodes import (
    FINITE_TAGS,
    NOUN_TAGS,
    SUBJECTS,
    Parsed,
    attach,
    child_case,
    first_word,
    is_proper,
    make_root,
    under,
)
from analysis.extract.verb_form_repairs import participle_describes_subject, past_tense_read_as_adjective_word
from analysis.extract.vocabulary import (
    CLOSING_QUOTES,
    GROUP_NOUNS,
    OPENING_QUOTES,
    SPEECH_FORMS,
    STANCE_VERBS_PLURAL,
    STANCE_VERBS_PRESENT,
    TIME_NOUNS,
)


def participle_read_as_verb(parsed: Parsed) -> None:
    """'Officials contacted by this newspaper said they backed the plan', 'Residents interviewed on Sunday said
    they opposed it': a participle after its noun, read as the noun's verb, with the speech verb after it hung
    on it or over it. The speech verb, with no subject of its own, is the noun's; the participle describes it."""
    for participle in parsed:
        if participle.tag_ not in ("VBD", "VBN") or participle.i < 1:
            continue
        subject = parsed[participle.i - 1]
        if subject.head is not participle or subject.dep_ != "nsubj" or subject.tag_ not in NOUN_TAGS:
            continue
        verb = next((n for n in parsed[participle.i + 1 : participle.i + 7] if n.tag_ in FINITE_TAGS), None)
        if verb is None or verb.lower_ not in SPEECH_FORMS or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        between = parsed[participle.i + 1 : verb.i]
        if any(n.tag_ not in PHRASE_TAGS for n in between) or not (verb.head is participle or participle.head is verb):
            continue  # "Protesters marched through the city, police said": a clause of its own
        if any(c.dep_ in ("obj", "ccomp", "xcomp") and c is not verb for c in participle.children):
            continue
        participle_describes_subject(subject, participle, verb)


def list_read_as_part_of_opening_phrase(parsed: Parsed) -> None:
    """'At the Council meeting, Uganda, Tanzania and Rwanda supported the proposal': the names after the opening
    phrase's comma, read as its apposition and conjuncts, with the verb after them left with no subject. They
    are the verb's subjects."""
    for verb in parsed:
        if verb.tag_ not in FINITE_TAGS or any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in verb.children):
            continue
        opening = next((c for c in verb.children if c.dep_ == "obl" and c.i < verb.i and child_case(c)), None)
        if opening is None:
            continue
        names = [c for c in opening.children if c.dep_ in ("appos", "conj") and c.i > opening.i and is_proper(c)]
        if len(names) < 2:
            continue
        end = max(w.i for n in names for w in n.subtree)
        # "…, the Liberal Democrats and Reform UK all backed": an adverb may stand before the verb
        if end >= verb.i or any(w.tag_ != "RB" for w in parsed[end + 1 : verb.i]):
            continue
        if parsed[first_word(names[0]) - 1].text != ",":
            continue
        names = _names_whole(parsed, names)
        first, *others = sorted(names, key=lambda n: n.i)
        attach(first, verb, "nsubj")
        for other in others:
            attach(other, first, "conj")


def _names_whole(parsed: Parsed, names: list) -> list:
    """'Reform UK' read as "Reform" in the list and "UK" as the opening phrase's apposition: the second word
    right after the first, with no comma between, is the same name's."""
    whole = []
    for name in sorted(names, key=lambda n: n.i):
        before = parsed[name.i - 1]
        if name.dep_ == "appos" and is_proper(before) and before.tag_ in NOUN_TAGS:
            attach(name, before, "flat")
            continue
        whole.append(name)
    return whole


# the words of a short phrase after a participle: "contacted by this newspaper", "interviewed in Gadong"
PHRASE_TAGS = frozenset({"IN", "DT", "NN", "NNS", "NNP", "NNPS", "JJ", "CD", "PRP$", "POS", "RB", "HYPH"})


def subject_on_auxiliary(parsed: Parsed) -> None:
    """'GMB and Unite have both said they will strike': the subject hung on the auxiliary, which a word between
    it and its verb ("both", "also", "now") can cause. An auxiliary has no subject; its verb does."""
    for subject in parsed:
        auxiliary = subject.head
        if subject.dep_ not in SUBJECTS or auxiliary.dep_ not in ("aux", "aux:pass") or auxiliary is subject:
            continue
        verb = auxiliary.head
        if verb is auxiliary or verb.i < subject.i:
            continue
        # "GMB and Unite, which …, have both said": the pair's second name, already the verb's, joins the first
        if any(c.dep_ in SUBJECTS and not subject.i < c.i < auxiliary.i for c in verb.children):
            continue
        attach(subject, verb, subject.dep_)


def speech_verb_read_as_noun(parsed: Parsed) -> None:
    """'SYRIZA confirms it will file …', 'West Midlands mayor Priya Lal posts that …': a speech verb after a name,
    read as a plural noun the name modifies. It is the verb, and the name its subject."""
    for verb in parsed[1:]:
        name = parsed[verb.i - 1]
        if (
            verb.tag_ != "NNS"
            or verb.lower_ not in SPEECH_FORMS
            or not verb.lower_.endswith("s")
            or verb.head is not verb
        ):
            continue
        # "Consumer association EKPIZO urges MPs to …": a name in capitals the tagger took for an adjective
        named = is_proper(name) or (name.text.isupper() and len(name.text) > 2)
        if name.head is not verb or not named or name.dep_ not in ("amod", "compound", "nmod:desc", "flat"):
            continue
        after = parsed[verb.i + 1] if verb.i + 1 < len(parsed) else None
        if after is None or not (
            after.lower_ == "that"
            or after.dep_ == "nsubj"
            or any(c.dep_ in ("ccomp", "xcomp", "acl") and c.i > verb.i for c in verb.children)
        ):
            continue
        verb.tag_ = "VBZ"
        name.tag_ = name.tag_ if is_proper(name) else "NNP"
        for told in [c for c in verb.children if c.dep_ == "flat" and c.i > verb.i]:
            told.dep_ = "obj"  # "urges MPs to write …": whom it urges
        for part in [c for c in verb.children if c.i < name.i]:
            attach(part, name, part.dep_)
        attach(name, verb, "nsubj")


def stance_verb_read_as_noun(parsed: Parsed) -> None:
    """'The PPA-CI denounces “a brutal measure”', 'The ruling RHDP defends the decision': a stance verb after a
    name the parser does not know, read as a plural noun the name modifies; 'Farmers fear losing …': a plural's
    verb read as a noun. Before any finite verb and with its object after it, it is the sentence's verb and the
    name its subject."""
    for verb in parsed[1:]:
        name, after = parsed[verb.i - 1], parsed[verb.i + 1] if verb.i + 1 < len(parsed) else None
        if name.text == ",":  # "Nasser Golestani, a former deputy head of …, worries that …": the name, described
            name = next((c for c in verb.children if c.i < verb.i and is_proper(c) and first_word(c) == 0), name)
        # "Farmers fear losing the competition": the plural's verb, read as the noun "fear" it modifies
        plural = verb.tag_ == "NN" and verb.lower_ in STANCE_VERBS_PLURAL and name.tag_ == "NNS" and name.i == 0
        # "The party proposes moving the ban": a body the text calls by its noun
        body = name.tag_ == "NN" and name.lower_ in GROUP_NOUNS and name.i > 0 and parsed[name.i - 1].lower_ == "the"
        named = verb.tag_ == "NNS" and verb.lower_ in STANCE_VERBS_PRESENT and (name.text[:1].isupper() or body)
        opens_object = after is not None and (
            after.lower_ in DETERMINERS
            or after.text in OPENING_QUOTES
            or after.lower_ == "that"
            or ((plural or named) and after.tag_ == "VBG")
            or (named and after.text == ":")  # "Henrique Bastos disagrees: in his view, …"
        )
        if (
            not (named or plural)
            or not opens_object
            or not under(name, verb)
            or any(n.tag_ in FINITE_TAGS for n in parsed[: verb.i])
        ):
            continue
        subject = next(
            (c for c in verb.children if c.i < verb.i and c.dep_ != "punct" and (c is name or under(name, c))), None
        )
        if subject is None:
            continue
        old_head = verb.head
        verb.tag_ = "VBP" if plural else "VBZ"
        make_root(verb)
        for part in [c for c in verb.children if c.i < subject.i]:
            attach(part, subject, part.dep_)  # "The" belongs to the name
        attach(subject, verb, "nsubj")
        for thing in [c for c in verb.children if c.dep_ == "nmod:unmarked"]:
            thing.dep_ = "obj"
        if old_head is not verb:
            attach(old_head, verb, "xcomp" if old_head is after else "parataxis")
        return


def second_verb_read_as_the_reported_clauses(parsed: Parsed) -> None:
    """'He says the Pension Fund will run a deficit …, and calls the bill "the least painful option"': a finite
    verb after "and" hung on the reported clause, though its tense is the reporting verb's and its clause has
    a modal ("will run") or no tense of its own, or ends in a closing quotation mark. It is the reporting verb's
    conjunct, sharing its subject."""
    for verb in parsed:
        clause = verb.head
        if verb.dep_ != "conj" or verb.tag_ not in ("VBZ", "VBD") or clause.dep_ != "ccomp":
            continue
        reporting = clause.head
        modal = clause.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
        joint = next((c for c in verb.children if c.lower_ == "and"), None)
        # 'said the coalition had "put up a toll gate" and promised to scrap the levy': the quoted words close
        # the reported clause before "and"
        quoted = joint is not None and joint.i > 0 and verb.doc[joint.i - 1].text in CLOSING_QUOTES
        if reporting.tag_ != verb.tag_ or not (modal or quoted) or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        if reporting.lower_ not in SPEECH_FORMS or joint is None:
            continue
        attach(verb, reporting, "conj")


def back_read_as_adverb(parsed: Parsed) -> None:
    """'Atameken would back a temporary restriction': "back" with an auxiliary and an object, tagged an adverb.
    It is the verb."""
    for node in parsed:
        if node.lower_ == "back" and node.tag_ == "RB" and {c.dep_ for c in node.children} >= {"aux", "obj"}:
            node.tag_ = "VB"


def quoted_verb_read_as_noun(parsed: Parsed) -> None:
    """'China “firmly opposes” the decision': a verb the writer quotes alone, read as a plural noun beside the
    name before it. It is the sentence's verb: the name its subject, the noun after it its object."""
    for verb in parsed[2:]:
        found = _quoted_verb(parsed, verb)
        if found is None:
            continue
        subject, thing, adverbs = found
        verb.tag_ = "VBZ"
        for node in [n for n in parsed if n.head is subject and n not in (subject, verb) and n.i > subject.i]:
            attach(node, verb, "obj" if node is thing else node.dep_)
        make_root(verb)
        attach(subject, verb, "nsubj")
        if thing.head is not verb:
            attach(thing, verb, "obj")
        for adverb in adverbs:
            attach(adverb, verb, "advmod")
            adverb.tag_ = "RB"
        return


def _quoted_verb(parsed: Parsed, verb) -> tuple | None:
    """(subject, object, adverbs) around a plural noun quoted alone between a name and a determiner."""
    if verb.tag_ != "NNS" or not verb.lower_.endswith("s") or verb.i + 2 >= len(parsed):
        return None
    opening = verb.i - 1
    while opening > 0 and parsed[opening].lower_.endswith("ly"):
        opening -= 1
    closing, article = parsed[verb.i + 1], parsed[verb.i + 2]
    if opening < 1 or parsed[opening].text not in OPENING_QUOTES or closing.text not in CLOSING_QUOTES:
        return None
    subject, thing = parsed[opening - 1], article.head
    if not (is_proper(subject) and subject.head is subject) or article.lower_ not in DETERMINERS:
        return None
    if thing.i <= article.i or thing.tag_ not in NOUN_TAGS or thing is verb:
        return None
    return subject, thing, list(parsed[opening + 1 : verb.i])


DETERMINERS = frozenset({"the", "a", "an", "this", "any", "its", "their", "these", "those", "all"})


def subject_after_semicolon(parsed: Parsed) -> None:
    """'PAN has rejected the cap; its Senate coordinator, Jorge Treviño Salas, called it populism': the clause
    after a semicolon read as a noun beside the first clause, and its verb as the first subject's second verb.
    The noun is that verb's subject, and the clause stands beside the first."""
    for noun in parsed:
        if noun.dep_ != "parataxis" or noun.tag_ not in NOUN_TAGS:
            continue
        start = first_word(noun)
        if start < 1 or parsed[start - 1].text != ";":
            continue
        after = max(w.i for w in noun.subtree) + 1
        while after < len(parsed) and parsed[after].text == ",":
            after += 1
        verb = parsed[after] if after < len(parsed) else None
        if verb is None or verb.head is not noun.head or verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS:
            continue
        if any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        attach(verb, noun.head, "parataxis")
        attach(noun, verb, "nsubj")


def person_relative_on_a_thing(parsed: Parsed) -> None:
    """'The DHSC's own release quoted public health minister Nadia Corrigan, who said …': a "who" clause hung on
    a thing's noun far before it. "Who" is a person's; the name right before its comma is its antecedent."""
    for clause in parsed:
        who = next((c for c in clause.children if c.dep_ == "nsubj" and c.lower_ == "who"), None)
        if clause.dep_ != "acl:relcl" or who is None or who.i < 2 or parsed[who.i - 1].text != ",":
            continue
        name, thing = parsed[who.i - 2], clause.head
        if thing is name or not is_proper(name) or thing.tag_ != "NN" or is_proper(thing) or under(name, clause):
            continue  # not "Shopkeepers in Leeds, who say …": people, and the place they are in
        if child_case(name) in ("in", "at", "from", "near"):
            continue
        attach(clause, name, "acl:relcl")


def role_and_name_left_as_root(parsed: Parsed) -> None:
    """'Llwyncelyn's ward councillor, Huw Jenkins (Labour), spoke against the plan': the role read as the root, its
    named holder as its apposition and the verb after them as a clause beside it, with no subject. The verb is
    the root and the role its subject."""
    role = next((n for n in parsed if n.head is n), None)
    if role is None or role.tag_ not in ("NN", "NNS"):
        return
    # "The students' representative on the council, Jesús Rondón, president of …, voted": the name may hang
    # on the role's own place
    places = [role] + [c for c in role.children if c.dep_ == "nmod" and c.i > role.i]
    named = next((c for p in places for c in p.children if c.dep_ == "appos" and c.i > role.i and is_proper(c)), None)
    if named is None:
        return
    end = max(w.i for w in named.subtree)
    verb = next((c for c in role.children if c.dep_ in ("parataxis", "conj") and c.i > end), None)
    # "The residents' lawyer, Aisha Pragassen, disagreed.": a past tense read as an adjective
    past = verb is not None and past_tense_read_as_adjective_word(verb)
    if verb is None or (verb.tag_ not in FINITE_TAGS and not past) or parsed[verb.i - 1].text != ",":
        return
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return
    if past:
        verb.tag_ = "VBD"
    if named.head is not role:
        attach(named, role, "appos")
    make_root(verb)
    for stray in [c for c in role.children if c.i > verb.i]:
        attach(stray, verb, stray.dep_)
    attach(role, verb, "nsubj")


def subject_inside_quotation(parsed: Parsed) -> None:
    """'“… for car workers in Sunderland, Ellesmere Port and Luton,” said Sharon Daley', '“… Paris, Barcelona and
    Amsterdam charge visitors …,” says Ms Ellery': the quotation's words read as a subject of the reporting verb
    after it. The speaker named after the verb is its subject; the quoted words are what was said."""
    for verb in parsed:
        if not verb.children:
            continue
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        before = [s for s in subjects if s.i < verb.i]
        # "…,” says Ms Ellery": the speaker after a reporting verb, read as its object
        speaker = next((c for c in verb.children if c.dep_ in ("obj", "iobj") and c.i > verb.i and is_proper(c)), None)
        speaker = speaker if verb.lower_ in SPEECH_FORMS else None
        if not subjects and speaker is not None and speaker.i == verb.i + 1 and _after_quotation(parsed, verb):
            speaker.dep_ = "nsubj"  # "“Who thought this was a good idea?” asked Kobus Lourens"
            continue
        if not before or not (any(s.i > verb.i for s in subjects) or speaker is not None):
            continue
        if not any(parsed[k].text in CLOSING_QUOTES for k in range(before[-1].i + 1, verb.i)):
            continue
        for quoted in before:
            attach(quoted, verb, "obl")
        if speaker is not None:
            speaker.dep_ = "nsubj"


def _after_quotation(parsed: Parsed, verb) -> bool:
    """Whether a quotation closes right before `verb` (a comma between aside)."""
    k = verb.i - 1
    while k >= 0 and parsed[k].text == ",":
        k -= 1
    return k >= 0 and parsed[k].text in CLOSING_QUOTES


def time_read_as_subject(parsed: Parsed) -> None:
    """'Thessaloniki city council last night passed a resolution': "last night" read as the subject and the
    body before it as its modifier. The body is the subject; the time says when."""
    for time in parsed:
        if time.dep_ != "nsubj" or time.lower_ not in TIME_NOUNS:
            continue
        if not any(c.lower_ in ("last", "this", "on") for c in time.children):
            continue
        body = next((c for c in time.children if c.dep_ == "compound" and c.tag_ in NOUN_TAGS), None)
        if body is None or body.i > time.i:
            continue
        verb = time.head
        attach(body, verb, "nsubj")
        attach(time, verb, "obl:tmod")


def pair_read_as_two_subjects(parsed: Parsed) -> None:
    """'the Conservative group and the independents voted against': two subjects of one verb with only "and"
    between them are one pair, the second a conjunct of the first."""
    for second in parsed:
        verb = second.head
        if second.dep_ != "nsubj" or verb is second or second.tag_ not in NOUN_TAGS:
            continue
        first = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < second.i), None)
        if first is None or first.tag_ not in NOUN_TAGS:
            continue
        first_end = max(w.i for w in first.subtree if w.dep_ != "punct")
        second_start = min(w.i for w in second.subtree if w.dep_ != "punct" and w.dep_ != "cc")
        # "The Telugu Desam Party (TDP) and the Janata Dal": the first's acronym closes before the "and"
        gap = [w for w in parsed[first_end + 1 : second_start] if w.text != ")"]
        if [w.lower_ for w in gap] != ["and"] or gap[0].head is not second:
            continue
        attach(second, first, "conj")
