"""Repairs to the trained parser's reading of lists and pairs of names: a list read as two subjects, the list's
first name read as the subject of a relative clause, left as a root, or hung on the verb as a loose word, a name
joined to the last word of another name or of its "of" phrase, and a middle name read as an apposition. Called
by `parse_repairs.repair`, in its order."""

from __future__ import annotations

from analysis.extract.given_names import gender_of_name
from analysis.extract.name_repairs import a_name, own_phrase
from analysis.extract.nodes import (
    FINITE_TAGS,
    SUBJECTS,
    Parsed,
    attach,
    child,
    child_case,
    first_word,
    is_proper,
    make_root,
    under,
)
from analysis.extract.verb_form_repairs import participle_describes_subject
from analysis.extract.vocabulary import PERSON_ROLES, PORTFOLIO_WORDS


def list_read_as_two_subjects(parsed: Parsed) -> None:
    """'Labor, the Greens and most of the crossbench voted for it', 'KO, Polska 2050 and Konfederacja voted':
    a list's first name and its second, each read as a subject of the verb. Two subjects of one verb with
    only a comma between them are one list, the second a conjunct of the first."""
    for second in parsed:
        verb = second.head
        if second.dep_ not in SUBJECTS or verb is second:
            continue
        first = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < second.i and c is not second), None)
        # "The Kenya National Farmers' Federation (KENAFF), the Kenya Dairy Farmers Federation …": a name's head
        # tagged a common noun, capitalised inside the sentence
        if first is None or not ((a_name(first) or is_proper(first)) and a_name(second)):
            continue
        if not any(c.dep_ == "conj" and child(c, "cc") for c in second.children):
            continue  # "Patricia Lema, director of …": a list has a last name after "and"; an apposition has none
        first_end = max(w.i for w in first.subtree if w.dep_ != "punct")
        second_start = first_word(second)
        gap = parsed[first_end + 1 : second_start]
        if not any(w.text == "," for w in gap) or not all(w.dep_ == "punct" for w in gap):
            continue
        last_of_name = parsed[first_end]
        # "the SADC Organ Troika on Politics, Defence and Security welcomed": a list inside the name, with no
        # article (not "The Mayor of Paris, the Socialists and the Greens welcomed")
        inside = any(w.dep_ == "case" for w in first.subtree) and not any(c.dep_ == "det" for c in second.children)
        if inside and last_of_name.dep_ == "nmod" and a_name(last_of_name):
            attach(second, last_of_name, "conj")
        elif not inside:
            attach(second, first, "conj")


def first_of_a_list_read_as_relatives_subject(parsed: Parsed) -> None:
    """'Thailand and Vietnam, whose haze comes from crop burning, have questioned its cost': the list's first
    name read as the subject of the relative clause its last name opens. It heads the list."""
    for first in parsed:
        clause = first.head
        if first.dep_ != "nsubj" or clause.dep_ != "acl:relcl" or not is_proper(first):
            continue
        last = clause.head
        if last.i < first.i or not is_proper(last) or last.head is last:
            continue
        if not any(c.dep_ == "cc" and first.i < c.i < last.i for c in last.children):
            continue
        attach(first, last.head, last.dep_)
        attach(last, first, "conj")


def first_of_a_pair_left_as_root(parsed: Parsed) -> None:
    """'GMB and Unite, which between them represent thousands of ambulance workers, have both said': the first
    name left as a root of its own, the second the verb's subject. The first heads the pair."""
    for first in parsed:
        if first.head is not first or not is_proper(first) or first.i + 2 >= len(parsed):
            continue
        joint, second = parsed[first.i + 1], parsed[first.i + 2]
        if joint.lower_ != "and" or joint.head is not second or second.dep_ not in SUBJECTS or not is_proper(second):
            continue
        verb = second.head
        if verb is second or under(verb, first):
            continue
        attach(first, verb, second.dep_)
        attach(second, first, "conj")


def first_of_a_list_left_as_root(parsed: Parsed) -> None:
    """'Germany, the Netherlands and the Nordic countries opposed any delay': the list's first name left as the
    root (the verb hung on it) or hung on the verb as a loose word, and the second name read as the verb's
    subject. The first heads the list."""
    first = next((n for n in parsed if n.dep_ in ("ROOT", "dep", "vocative", "discourse") and first_word(n) == 0), None)
    if first is None or not is_proper(first) or first.i + 2 >= len(parsed) or parsed[first.i + 1].text != ",":
        return
    if first.head is first:
        hung = ("advcl", "parataxis", "ccomp", "conj")
        verb = next((c for c in first.children if c.dep_ in hung and c.i > first.i), None)
    else:
        verb = first.head if first.head.i > first.i and first.head.head is first.head else None
    second = next((c for c in verb.children if c.dep_ in SUBJECTS), None) if verb is not None else None
    if second is None or first_word(second) != first.i + 2 or not is_proper(second):
        return
    listed = [c for c in second.children if c.dep_ == "conj" and any(d.dep_ == "cc" for d in c.children)]
    if not listed or any(c.dep_ not in ("punct", "compound", "flat", "det") and c is not verb for c in first.children):
        return
    if first.head is first:
        make_root(verb)
    attach(first, verb, second.dep_)
    for member in [second, *(c for c in second.children if c.dep_ == "conj")]:
        attach(member, first, "conj")


def conjunct_of_a_name_part(parsed: Parsed) -> None:
    """'Greenpeace Netherlands and Milieudefensie have issued': the second body joined to the last word of
    the first's name. It is joined to the name."""
    for node in parsed:
        if node.dep_ == "conj" and node.head.dep_ in ("flat", "flat:name") and node.head.head.i != node.head.i:
            attach(node, node.head.head, "conj")


def conjunct_of_a_names_object(parsed: Parsed) -> None:
    """'The Federation of Saudi Chambers and the Abu Dhabi Chamber also issued …', 'the Makkah Chamber of
    Commerce and Industry and the Asharqia Chamber …': a second body, opened by "the", joined to the last word
    of the first's "of" phrase. A body named in two or more words is joined to the first name, not to what it
    is of ("the Ministry of Finance and the Economy" keeps its one-word part)."""
    for node in parsed:
        if node.dep_ != "conj":
            continue
        phrase, name = node.head, node.head.head
        opened = child(node, "det") is not None and child(node, "det").lower_ == "the"
        owned = any(c.dep_ == "nmod:poss" and is_proper(c) for c in node.children)  # "and Hungary's National …"
        if (
            is_proper(node)
            and (opened or owned)
            and any(c.dep_ in ("compound", "flat", "amod") and c.text[:1].isupper() for c in node.children)
            and phrase.dep_ == "nmod"
            and child_case(phrase) == "of"
            and name.text[:1].isupper()
        ):
            attach(node, name, "conj")


def second_person_read_as_part_of_a_place(parsed: Parsed) -> None:
    """'Omar Sillah of Tanji and Binta Touray of Kiang West': the second person joined to the first one's place,
    and the second place hung on the first person. The second is the first's conjunct, with its own place."""
    for node in parsed:
        place, person = node.head, node.head.head
        if node.dep_ != "conj" or place.dep_ != "nmod" or child_case(place) != "of" or not is_proper(place):
            continue
        own = next((c for c in person.children if c.dep_ == "nmod" and child_case(c) == "of" and c.i > node.i), None)
        names = [_persons_name(node), _persons_name(person)]
        if own is None or not all(names) or not any(gender_of_name(name) for name in names):
            continue
        attach(node, person, "conj")
        attach(own, node, "nmod")


def _persons_name(node) -> str:
    """'Binta Touray': two or three capitalised words, hung on one of them; else ''."""
    words = sorted([node, *(c for c in node.children if c.dep_ in ("flat", "compound"))], key=lambda w: w.i)
    return " ".join(w.text for w in words) if 2 <= len(words) <= 3 and all(is_proper(w) for w in words) else ""


def list_read_as_apposition(parsed: Parsed) -> None:
    """'Sabbagh, Lemieux-Bérubé and Kapoor were among …', 'the NDP, the Bloc Québécois and the Green Party':
    the middle name of a list of three read as an apposition of the first. A name between a name and the
    list's last conjunct, all proper and with nothing but "the" in lower case, is a conjunct too; an acronym
    or a body named by its proper part ("the EFF, Rise Mzansi and the GOOD party") is a name."""
    for node in parsed:
        head = node.head
        if node.dep_ != "appos" or not is_proper(node) or not a_name(head) or node.i < head.i:
            continue
        words = sorted(own_phrase(node), key=lambda w: w.i)
        if any(w.text[:1].islower() and w.lower_ != "the" for w in words) or parsed[words[0].i - 1].text != ",":
            continue  # "Ali Khan, Mayor of Lahore, and …": a role, not a name in the list
        joined = [*head.children, *node.children]
        later = [c for c in joined if c.dep_ == "conj" and c.i > words[-1].i and a_name(c)]
        last = min(later, key=lambda c: c.i) if later else None
        between = [t.lower_ for t in parsed[words[-1].i + 1 : min(w.i for w in own_phrase(last))]] if last else []
        listed = between and (between[-1] in ("and", "or") or between == [","])  # "A, B, the C and D"
        if last is not None and listed and set(between) <= {",", "and", "or", "the"}:
            attach(node, head, "conj")
            attach(last, head, "conj")


# bodies named by the fields they cover ("the Ministry of Finance and the Economy")
FIELD_BODIES = frozenset({"ministry", "department", "secretariat", "ministère", "ministerio", "ministério"})


def field_read_as_a_second_body(parsed: Parsed) -> None:
    """'The Ministry of Finance and the Economy said …': the second field of a ministry's name read as a second
    body beside the ministry. It is the first field's conjunct, inside the name."""
    for body in parsed:
        if body.lower_ not in FIELD_BODIES or not body.text[:1].isupper():
            continue
        field = next((c for c in body.children if c.dep_ == "nmod" and child_case(c) == "of"), None)
        if field is None:
            continue
        for second in [c for c in body.children if c.dep_ == "conj" and c.i > field.i]:
            plain = all(c.dep_ in ("det", "cc", "amod", "punct") for c in second.children)
            if second.lower_ in PORTFOLIO_WORDS and second.text[:1].isupper() and plain:
                attach(second, field, "conj")


def portfolio_read_as_names_conjuncts(parsed: Parsed) -> None:
    """'Jean Mballa, the minister for trade, industry and cooperatives, said …': the fields of the role after a
    name read as more people joined to the name. They are the role's. (A list in capitals after "of",
    "Deputy Minister of Agriculture, Irrigation and Water Development", is `parse_repairs`' own.)"""
    for name in parsed:
        role = next((c for c in name.children if c.dep_ == "appos" and c.lower_ in PERSON_ROLES), None)
        if role is None or role.i < name.i or not is_proper(name):
            continue
        for member in [c for c in name.children if c.dep_ == "conj" and c.i > role.i]:
            words = parsed[role.i + 1 : member.i + 1]
            in_lower_case = all(w.text[:1].islower() or w.text == "," for w in words)
            if in_lower_case and any(w.lower_ in ("of", "for") for w in words):
                attach(member, role, "nmod")


def last_place_read_as_subject(parsed: Parsed) -> None:
    """'Representatives of the firms operating near substations in Oromia and Amhara argue that …': a
    participle after the subject read as the root, and the last name of its list read as the subject of the
    main verb, joined to the participle. The name is a conjunct of the one before "and"; the verb is the
    subject's, and the participle describes the subject."""
    for verb in parsed:
        participle = verb.head
        if (
            verb.dep_ != "conj"
            or verb.tag_ not in (*FINITE_TAGS, "VB")
            or participle.tag_ != "VBG"
            or participle.dep_ != "ROOT"
        ):
            continue
        subject = next((c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i), None)
        second = next((c for c in verb.children if c.dep_ in SUBJECTS and is_proper(c)), None)
        if subject is None or second is None or second.i < 2 or parsed[second.i - 1].lower_ != "and":
            continue
        first = parsed[second.i - 2]
        if not is_proper(first) or not under(first, participle) or first.i < participle.i:
            continue
        attach(second, first, "conj")
        participle_describes_subject(subject, participle, verb)
        participle.tag_ = "VBG"


def rest_of_a_list_of_places_read_as_subject(parsed: Parsed) -> None:
    """'…, several dozen guesthouse owners from Ksamil, Himarë and Dhërmi staged a protest': the names after the
    first place of a list read as the verb's subject. They are that place's conjuncts, and the verb's subject is
    the noun the places describe (the repairs after this one find it)."""
    for name in parsed[3:]:
        # the tagger may read an unknown place as an adjective ("Himarë"), which a later repair mends
        capitalised = name.text[:1].isupper() and name.tag_ in ("NNP", "NNPS", "NN", "JJ")
        if name.dep_ not in SUBJECTS or not capitalised or parsed[name.i - 1].text != ",":
            continue
        place = parsed[name.i - 2]
        if place.dep_ != "nmod" or child_case(place) not in ("from", "in", "of") or not is_proper(place):
            continue
        if not any(c.dep_ == "conj" and c.i > name.i for c in name.children):
            continue  # "from Ksamil, Himarë and Dhërmi": a list has its "and"
        for member in [name, *(c for c in name.children if c.dep_ == "conj")]:
            attach(member, place, "conj")
        return
