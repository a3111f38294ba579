"""Repairs to names made of ordinary words, which the parser reads as a clause ("People Before Profit
condemned …": "People" and "Profit" two subjects, "Before" a subordinator), and to Romance names whose
particles and elided articles it misreads ("The Consulta dei Sammarinesi all’Estero says …"). Called by
`parse_repairs.repair`, in its order."""

from __future__ import annotations

from analysis.extract.nodes import FINITE_TAGS, SUBJECTS, Node, Parsed, attach, under
from analysis.extract.vocabulary import ELIDED_CAPITAL, PARTICLES, PATRONYMIC_LINKS

# the prepositions a body's name may hold in capitals ("People Before Profit", "Farmers For Action")
NAME_PREPOSITIONS = frozenset({"before", "for", "against", "without", "over", "not", "first"})


def name_with_a_preposition_read_as_clause(parsed: Parsed) -> None:
    """'… and People Before Profit condemned what it called …': a capitalised preposition between two capitalised
    words inside a sentence, with both words read as subjects of the verb after them, is one name."""
    for i in range(1, len(parsed) - 2):
        first, middle, last = parsed[i], parsed[i + 1], parsed[i + 2]
        if middle.lower_ not in NAME_PREPOSITIONS or not middle.text[:1].isupper():
            continue
        if not (first.text[:1].isupper() and last.text[:1].isupper()) or first.dep_ not in SUBJECTS:
            continue
        if last.dep_ not in SUBJECTS or last.head is not first.head:
            continue
        attach(middle, first, "flat")
        attach(last, first, "flat")
        first.tag_ = "NNP"


def name_split_at_patronymic(parsed: Parsed) -> None:
    """'Yang Berhormat Dayang Hajah Norliza binti Haji Sulaiman, a Belait district representative, who says …':
    the link to the father's name tagged as an adjective, and the name cut in two there. It is one name."""
    for link in parsed[1:-1]:
        before, after = parsed[link.i - 1], parsed[link.i + 1]
        if link.lower_ not in PATRONYMIC_LINKS or not (before.text[:1].isupper() and after.text[:1].isupper()):
            continue
        start = link.i - 1
        while start > 0 and parsed[start - 1].text[:1].isupper() and parsed[start - 1].tag_ in ("NNP", "NNPS"):
            start -= 1
        end = link.i + 1
        while end + 1 < len(parsed) and parsed[end + 1].text[:1].isupper() and parsed[end + 1].tag_ in ("NNP", "NNPS"):
            end += 1
        run = parsed[start : end + 1]
        heads = [n for n in run if n.head.i < start or n.head.i > end or n.head is n]
        if len(heads) < 2 and all(n.dep_ in ("flat", "compound") for n in run if n is not heads[0]):
            continue  # one name already
        _one_name(heads[0], run)
        link.tag_ = "NNP"


def names_listed_as_one_name(parsed: Parsed) -> None:
    """'Two exporters, Caribeña Seafoods and Northern Star Exports, said …': the names a counted group lists,
    read as one name whose last word ("Exports") is the group's apposition. Each is a name of its own."""
    for group in parsed[:-3]:
        if group.tag_ != "NNS" or parsed[group.i + 1].text != "," or not _counted(group):
            continue
        members = _listed_names(parsed, group.i + 2)
        if len(members) < 2 or not _read_as_one_name(members, group):
            continue
        first = members[0][-1]
        attach(first, group, "appos")
        for k, member in enumerate(members):
            last = member[-1]
            for word in member[:-1]:
                attach(word, last, "compound")
            if k:
                joiner = parsed[member[0].i - 1]
                attach(last, first, "conj")
                attach(joiner, last, "cc" if joiner.lower_ == "and" else "punct")
        return


def _counted(group: Node) -> bool:
    return any(c.dep_ == "nummod" for c in group.children)


def _listed_names(parsed: Parsed, start: int) -> list[list[Node]]:
    """The names between a group's comma and the comma before its verb, split at "," and "and"; none unless
    every word of each name is capitalised."""
    close = next((n.i for n in parsed[start:-1] if n.text == "," and parsed[n.i + 1].tag_.startswith("VB")), None)
    if close is None:
        return []
    members, current = [], []
    for node in parsed[start:close]:
        if node.text == "," or node.lower_ == "and":
            if current:
                members.append(current)
            current = []
        elif node.text[:1].isupper() and node.tag_ in ("NNP", "NNPS", "NNS", "NN"):
            current.append(node)
        else:
            return []
    return [*members, current] if current else []


def _read_as_one_name(members: list[list[Node]], group: Node) -> bool:
    """The last name's last word the group's apposition, and the first name's a modifier inside the run."""
    first, last = members[0][-1], members[-1][-1]
    return last.head is group and last.dep_ == "appos" and members[0][0].i <= first.head.i <= last.i


def possessor_read_as_adjective(parsed: Parsed) -> None:
    """'Vodokanal's own trade union backed …': a capitalised word with a possessive "'s", tagged as an adjective.
    Only a noun owns; it is a name."""
    for word in parsed:
        if word.tag_ == "JJ" and word.text[:1].isupper() and any(c.tag_ == "POS" for c in word.children):
            word.tag_ = "NNP"


def name_with_particles_read_as_subjects(parsed: Parsed) -> None:
    """'The Consulta dei Sammarinesi all’Estero says …': a name whose particles ("dei") and elided articles
    ("all’Estero") the parser read as two subjects of the verb. The capitalised words and the particles
    between them are one name, headed by its first word."""
    for verb in parsed:
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
        if len(subjects) < 2:
            continue
        start = min(w.i for w in subjects[0].subtree)
        start += parsed[start].lower_ == "the"
        run = [w for w in parsed[start : verb.i] if w.text != ","]
        if len(run) < 3 or not run[0].text[:1].isupper() or run[-1].i != verb.i - 1:
            continue
        inner = [w for w in run if w.lower_ in PARTICLES or ELIDED_CAPITAL.match(w.text)]
        if not inner or not all(w.text[:1].isupper() or w in inner for w in run):
            continue
        attach(run[0], verb, "nsubj")
        _one_name(run[0], run)


def name_headed_by_an_elided_word(parsed: Parsed) -> None:
    """'The Consulta dei Sammarinesi all’Estero, which represents …, says': the name's last word, with its
    article elided into it, read as the head (a common noun, in lower case) and the words before as its
    compounds. The name's first word heads it."""
    for tail in parsed[2:]:
        if not ELIDED_CAPITAL.match(tail.text) or tail.head is tail or tail.dep_ in ("flat", "compound"):
            continue
        start = tail.i
        while start > 0 and under(parsed[start - 1], tail):
            word = parsed[start - 1]
            if word.lower_ in ("the", "a", "an") or not (word.text[:1].isupper() or word.lower_ in PARTICLES):
                break
            start -= 1
        run = parsed[start : tail.i + 1]
        if len(run) < 2 or not run[0].text[:1].isupper():
            continue
        attach(run[0], tail.head, tail.dep_)
        _one_name(run[0], run)


def _one_name(head: Node, run: list[Node]) -> None:
    """Make the words of `run` one name under `head`: each other word its flat part, and what hung on them from
    outside the run hung on the head."""
    for word in run:
        if word is head:
            continue
        for outside in [c for c in word.children if c not in run]:
            attach(outside, head, outside.dep_)
        attach(word, head, "flat")
    head.tag_ = "NNP" if head.text[:1].isupper() else head.tag_


def owned_body_read_inside_its_owners_name(parsed: Parsed) -> None:
    """'The House of Assembly's health portfolio committee said …': the parser read the committee as the
    object of "of" inside the owner's name ("House of [Assembly's … committee]"). The committee is the
    subject; the whole name before "'s" owns it."""
    for name in parsed:
        if name.dep_ not in SUBJECTS or name.head is name or not name.text[:1].isupper():
            continue
        owned = next((c for c in name.children if c.dep_ == "nmod" and c.tag_ in ("NN", "NNS")), None)
        of = next((c for c in owned.children if c.dep_ == "case"), None) if owned is not None else None
        last = next((c for c in owned.children if c.dep_ == "nmod:poss"), None) if owned is not None else None
        if of is None or last is None or of.lower_ != "of" or not name.i < of.i < last.i < owned.i:
            continue
        if not last.text[:1].isupper() or not any(c.tag_ == "POS" for c in last.children):
            continue
        attach(owned, name.head, name.dep_)
        attach(name, owned, "nmod:poss")
        attach(last, name, "nmod")
        attach(of, last, "case")


def description_left_as_root_before_its_name(parsed: Parsed) -> None:
    """'The commuters’ committee Pendolari Sardegna Centrale asked ARST to …': the body's noun left as a root of
    its own, and its name's words split between it and the verb after them, the last one the verb's subject. The
    noun is the subject, the name its apposition."""
    roots = [node for node in parsed if node.head is node]
    if len(roots) != 2 or roots[0].tag_ not in ("NN", "NNS") or roots[1].tag_ not in FINITE_TAGS:
        return
    noun, verb = roots
    name = parsed[noun.i + 1 : verb.i]
    if not name or not all(word.text[:1].isupper() and word.tag_ in ("NNP", "NNPS", "NN") for word in name):
        return
    if name[-1].dep_ != "nsubj" or name[-1].head is not verb or any(not under(t, noun) for t in parsed[: noun.i]):
        return
    attach(noun, verb, "nsubj")
    attach(name[-1], noun, "appos")
    for word in name[:-1]:
        attach(word, name[-1], "compound")
