"""Repairs to the trained parser's reading of names: a name tagged as an adjective, an adverb or a verb, read
as a modifier or a vocative, an employer read as a second subject, or a description read as a conjunct. Lists
and pairs of names are `list_repairs`'. Called by `parse_repairs.repair`, in its order."""

from __future__ import annotations

from analysis.extract.nodes import (
    FINITE_TAGS,
    OPENING_MARKS,
    PROPER_TAGS,
    SUBJECTS,
    UNION_OF_CONFEDERATION,
    VERB_TAGS,
    Node,
    Parsed,
    attach,
    child,
    first_word,
    is_proper,
    make_root,
    under,
)
from analysis.extract.vocabulary import NOT_A_NAME, SENTENCE_OPENERS, SPEECH_FORMS


def employer_read_as_second_subject(parsed: Parsed) -> None:
    """'Louise Fennelly, chief economist at stockbrokers Fitzwilliam Securities, said': the employer at the end
    of a person's role, read as a second subject of the verb. It belongs to the role's phrase before it."""
    for second in parsed:
        verb = second.head
        if second.dep_ not in SUBJECTS or verb is second or second.i < 2:
            continue
        first = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < second.i and c is not second), None)
        start = first_word(second)
        before = parsed[start - 1]
        if first is None or first.tag_ not in PROPER_TAGS or not under(before, first) or before.tag_ not in NOUNS:
            continue
        if parsed[start - 2].lower_ in ("at", "of", "for", "with") or child(before, "case"):
            attach(second, before, "appos")


NOUNS = frozenset({"NN", "NNS"})


def union_read_as_verb(parsed: Parsed) -> None:
    """'Fim-CISL welcomed the plan': a union's name joined to its confederation's acronym, unknown to the tagger,
    read as a verb or an adjective. It is a name, and the subject of the verb after it that has none."""
    for name in parsed:
        if not UNION_OF_CONFEDERATION.match(name.text) or name.tag_ in PROPER_TAGS:
            continue
        name.tag_ = "NNP"
        verb = name.head
        if verb.i > name.i and verb.tag_ in VERB_TAGS and not any(c.dep_ in SUBJECTS for c in verb.children):
            attach(name, verb, "nsubj")


def names_read_as_adjectives(parsed: Parsed) -> None:
    """'Ecolo and the PS welcomed the ruling': an unknown capitalised word heading a subject is tagged an
    adjective and an acronym joined to it a common noun. A subject is a noun, and with a name or an acronym
    beside it, it is a name."""
    for subject in parsed:
        if subject.tag_ in ("NN", "NNS") and subject.dep_ == "conj" and is_acronym(subject) and is_proper(subject.head):
            subject.tag_ = "NNP"  # "The DMK, the AITC, the CPI(M) …": an acronym in a list of names
            continue
        if subject.tag_ == "JJ" and subject.dep_ == "conj" and subject.head.tag_ in PROPER_TAGS:
            if may_be_name(subject) and all(c.dep_ in ("cc", "punct") for c in subject.children):
                subject.tag_ = "NNP"  # "as did the Socialists, Ecolo and the PTB": a name in a list of names
            continue
        if subject.dep_ not in SUBJECTS or subject.tag_ not in ("JJ", "VB", "VBP") or not may_be_name(subject):
            continue  # "Transport for NSW said": a name's first word may be read as a verb too
        joined = [c for c in subject.children if c.dep_ == "conj"]
        # "the far-right Alternative for Germany rejected": a name's first word, with "for Germany" after it
        named_after = any(c.dep_ == "nmod" and c.i > subject.i and is_proper(c) for c in subject.children)
        if subject.tag_ != "JJ" and not named_after:
            continue
        if named_after or any(c.tag_ == "NNP" or is_acronym(c) for c in joined):  # not "Spanish and Italian MEPs"
            subject.tag_ = "NNP"
            for name in joined:
                if is_acronym(name):
                    name.tag_ = "NNP"


def apposition_read_as_modifier(parsed: Parsed) -> None:
    """'the State Secretary for Asylum and Migration, Sofie Vermeulen, said': a name after a comma, read as
    a modifier of the role before it. A modifier comes before its noun; after a comma it is the apposition."""
    for name in parsed:
        if name.dep_ == "amod" and name.tag_ == "NNP" and name.head.i < name.i and parsed[name.i - 1].text == ",":
            name.dep_ = "appos"


def acronym_read_as_adverb(parsed: Parsed) -> None:
    """'The teachers' union ONTSTP has answered': an acronym after its body's common noun, tagged an adverb
    or adjective hung on the noun. It is the noun's name."""
    for node in parsed:
        head = node.head
        if node.tag_ in ("RB", "JJ") and is_acronym(node) and head.i == node.i - 1 and head.tag_ == "NN":
            node.tag_ = "NNP"
            attach(node, head, "appos")


def description_read_as_conjunct(parsed: Parsed) -> None:
    """'Unite, Britain's biggest manufacturing union, welcomed the decision': a description between commas
    after a name, read as the name's conjunct (and its owner then taken for a listed actor). A common noun
    opened by "the" or an owner's possessive, closed by a comma, last of the name's conjuncts and with no
    "and" of its own, describes the name."""
    for described in parsed:
        name = described.head
        if described.dep_ != "conj" or name.i > described.i or described.tag_ not in NOUNS or is_proper(described):
            continue
        owner = _owner_read_as_conjunct(parsed, name, described)
        phrase = [w for w in sorted(described.subtree, key=lambda w: w.i) if w.dep_ != "punct"]
        first, last = (first_word(owner) if owner else phrase[0].i), phrase[-1].i
        if parsed[first - 1].text != "," or last + 1 >= len(parsed) or parsed[last + 1].text != ",":
            continue
        if not _opens_a_description(parsed, first, described, owner) or any(
            c.dep_ in ("cc", "conj") for c in described.children
        ):
            continue
        if any(c.dep_ == "conj" and c.i > described.i for c in name.children) or not name.text[:1].isupper():
            continue
        if owner is not None and owner.head is not described:
            attach(owner, described, "nmod:poss")  # "COSATU, South Africa's largest …": the owner read as listed
        attach(described, name, "appos")


def _owner_read_as_conjunct(parsed: Parsed, name: Node, described: Node) -> Node | None:
    """The owner of a description read as the name's conjunct before it ("COSATU, South Africa's largest labour
    federation,"): a proper conjunct with its possessive ending, right before the description's modifiers."""
    owner = next((c for c in name.children if c.dep_ == "conj" and c.i < described.i and is_proper(c)), None)
    if owner is None or not any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in owner.children):
        return None
    after = max(w.i for w in owner.subtree) + 1
    if any(w.dep_ not in ("amod", "compound", "nummod") for w in parsed[after : described.i]):
        return None
    return owner


def surname_read_as_adverb(parsed: Parsed) -> None:
    """'Oberacher says he respects the outcome': a surname the tagger does not know, opening the sentence
    before a speech verb that has no subject, read as an adverb. It is the verb's subject. After a given name
    ("Louise Fennelly"), it is the name's last word."""
    for surname in parsed[1:]:
        given = parsed[surname.i - 1]
        capitalised = surname.text[:1].isupper() and surname.lower_ not in NOT_A_NAME  # "Fennelly" ends in -ly
        if surname.tag_ == "RB" and surname.head is given and given.tag_ == "NNP" and capitalised:
            # "Louise Fennelly, chief economist at …": a surname read as an adverb of the given name before it
            surname.tag_, surname.dep_ = "NNP", "flat"
    name = next((n for n in parsed if n.text not in OPENING_MARKS), None)
    # "Liao abstained, saying …": a name the tagger knows, hung on the verb after it as an adverb; "Wang
    # abstained." after another sentence: a name read as a common noun compounded with its verb
    known = name is not None and name.tag_ == "NNP" and name.dep_ == "advmod"
    compounded = name is not None and name.dep_ == "compound" and name.tag_ in ("NN", "NNP") and may_be_name(name)
    if (known or compounded) and _subjectless_next(name):
        name.tag_ = "NNP"
        name.head.tag_ = "VBD" if name.head.tag_ == "VBN" else name.head.tag_
        attach(name, name.head, "nsubj")
        return
    if name is None or name.tag_ != "RB" or not may_be_name(name) or name.text.isupper():
        return
    verb = name.head
    if (
        verb.i == name.i + 1
        and verb.tag_ in ("VBZ", "VBD", "VBN")
        # not "Soon came the first protests", "Long opposed the tunnel"; "Liao abstained, saying …" is a name's
        and (verb.lower_ in SPEECH_FORMS or verb.lower_ in ("abstained", "abstains"))
        and not any(c.dep_ in SUBJECTS for c in verb.children)
    ):
        name.tag_, verb.tag_ = "NNP", "VBD" if verb.tag_ == "VBN" else verb.tag_
        attach(name, verb, "nsubj")


# titles a portfolio of several words comes before ("Mines and Energy Minister Ramiro Ocampo")
PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner"})


def portfolio_read_as_a_list(parsed: Parsed) -> None:
    """'Mines and Minerals Development Minister Chanda Mwelwa told reporters …': a portfolio of two fields
    joined by "and" before the title, read as a list whose last member is the person (so that "Mines" was one
    actor and the person another). The fields are the title's words, and the person heads the phrase."""
    for title in parsed[2:]:
        found = _portfolio_and_person(parsed, title)
        if found is None:
            continue
        start, end = found
        words, span = parsed[start : title.i], range(start, end)
        tops = [n for n in parsed[start:end] if n.head is n or n.head.i not in span]
        if len(tops) != 1 or tops[0] is parsed[end - 1]:
            continue  # one phrase, whose head is not already the person
        top, person = tops[0], parsed[end - 1]
        loose = [c for n in parsed[start:end] for c in n.children if c.i not in span]
        if top.head is top:
            make_root(person)
        else:
            attach(person, top.head, top.dep_)
        for word in words:
            attach(word, title, "cc" if word.lower_ in ("and", "&") else "compound")
        for word in parsed[title.i : end - 1]:
            attach(word, parsed[word.i + 1], "compound")
        for other in loose:
            attach(other, person, other.dep_)


def _portfolio_and_person(parsed: Parsed, title: Node) -> tuple[int, int] | None:
    """Where the fields before a capitalised title begin and the person's name after it ends, if the fields are
    joined by "and"."""
    if title.lower_ not in PORTFOLIO_TITLES or not title.text[:1].isupper():
        return None
    start = title.i
    while start > 0 and (_portfolio_word(parsed[start - 1]) or parsed[start - 1].lower_ in ("and", "&")):
        start -= 1
    end = title.i + 1
    while end < len(parsed) and is_proper(parsed[end]) and parsed[end].text[:1].isupper():
        end += 1
    joined = any(w.lower_ in ("and", "&") for w in parsed[start : title.i])
    return (start, end) if end > title.i + 1 and _portfolio_word(parsed[start]) and joined else None


def _portfolio_word(node: Node) -> bool:
    capitalised = node.text[:1].isupper() and node.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ")
    return capitalised and node.lower_ not in NOT_A_NAME and node.lower_ not in PORTFOLIO_TITLES


def subject_tagged_as_verb(parsed: Parsed) -> None:
    """'Atameken would back a temporary restriction …': a name the tagger does not know, tagged as a verb yet
    read as a clause's subject. A subject is a noun: the name is a proper noun."""
    for name in parsed[:-1]:
        verb = parsed[name.i + 1]  # the name alone, right before its verb (not "Transport" in "Transport Minister")
        verbal = name.tag_ in ("VB", "VBP", "VBZ", "VBD", "VBN") and verb.tag_ in ("MD", "VBD", "VBZ", "VBP")
        if name.dep_ in SUBJECTS and verbal and may_be_name(name) and not verb.text[:1].isupper():
            name.tag_ = "NNP"


def acronym_read_as_pronoun(parsed: Parsed) -> None:
    """'The WHO hailed the approach', 'the US said': an acronym in capitals after "the", tagged as the pronoun
    it spells ("who", "us"). It is a name, and no word list's pronoun: its lower-case form is its own."""
    for word in parsed[1:]:
        spelled = word.tag_ in ("WP", "WDT", "PRP", "PRP$") and word.text.isupper() and len(word.text) > 1
        if spelled and parsed[word.i - 1].lower_ == "the":
            word.tag_ = "NNP"
            word.lower_ = word.text  # never "who", which the rules read as a relative pronoun


def _subjectless_next(name: Node) -> bool:
    """Whether the word after `name` is the root verb it hangs on, with no subject of its own."""
    verb = name.head
    finite = verb.tag_ in ("VBZ", "VBD", "VBN")
    return verb.i == name.i + 1 and verb.head is verb and finite and not any(c.dep_ in SUBJECTS for c in verb.children)


def subject_read_as_vocative(parsed: Parsed) -> None:
    """'Bambang, for his part, rejects the charge': a name before an aside, read as someone spoken to. A
    finite verb with no subject of its own after it has the name as its subject."""
    for name in parsed:
        verb = name.head
        if (
            name.dep_ == "vocative"
            and name.tag_ in PROPER_TAGS
            and verb.i > name.i
            and verb.tag_ in FINITE_TAGS
            and not any(t.text in ("“", '"', "‘") for t in parsed[: verb.i])
        ):
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS or c.dep_ == "expl"), None)
            if subject is None:
                attach(name, verb, "nsubj")
            elif _describes(parsed, name, subject):
                # "Fonterra, New Zealand's largest company, welcomed the deal": the description is the name's
                attach(subject, name, "appos")
                attach(name, verb, "nsubj")


def _describes(parsed: Parsed, name: Node, subject: Node) -> bool:
    """Whether a common noun subject between commas right after a name describes it ("the …", "X's …")."""
    if subject.tag_ not in NOUNS or is_proper(subject) or subject.i < name.i:
        return False
    start, end = first_word(subject), max(w.i for w in subject.subtree if w.dep_ != "punct")
    return (
        start == name.i + 2
        and parsed[name.i + 1].text == ","
        and end + 1 < len(parsed)
        and parsed[end + 1].text == ","
        and _opens_a_description(parsed, start, subject, None)
    )


def _opens_a_description(parsed: Parsed, start: int, noun: Node, owner: Node | None) -> bool:
    """Whether the words from `start` open a description: "the …", or an owner's possessive ("Britain's …")."""
    owner = owner or next((c for c in noun.children if c.dep_ == "nmod:poss" and is_proper(c)), None)
    return parsed[start].lower_ == "the" or (owner is not None and first_word(owner) == start)


# the -s forms a body reacts with in a press release's present tense ("The Ministry of Petroleum welcomes …")


REACTION_VERBS = frozenset(
    {"welcomes", "warns", "urges", "rejects", "backs", "supports", "condemns", "opposes", "criticises", "criticizes"}
    | {"praises", "hails", "slams", "denounces", "regrets", "deplores", "applauds", "endorses", "demands", "insists"}
    | {"fears"}
)
# what opens a reaction verb's object or clause: "welcomes the signing", "fears that jobs will go"


OBJECT_OPENERS = frozenset({"DT", "PRP$", "PRP", "NNP", "NNPS", "WDT", "IN"})


def verb_read_as_name_part(parsed: Parsed) -> None:
    """'The Ministry of Petroleum welcomes the signing of the agreement', 'The union fears that jobs will go': a
    reaction verb after the noun that opens the sentence, tagged a plural noun that ends the noun's phrase, in a
    sentence left with no main verb. The phrase before it is the verb's subject."""
    root = next(n for n in parsed if n.head is n)
    verb = next((n for n in parsed[1:-1] if n.tag_ == "NNS" and n.lower_ in REACTION_VERBS), None)
    if verb is None or root.tag_ in VERB_TAGS or root.i > verb.i or parsed[verb.i + 1].tag_ not in OBJECT_OPENERS:
        return
    before = parsed[verb.i - 1]
    if before.text in OPENING_MARKS and verb.i > 1:
        before = parsed[verb.i - 2]  # 'The RHA “welcomes the government’s commitment” but …': the words quoted
    if before.tag_ not in ("NN", "NNP", "NNPS") or (root is not verb and not is_proper(before)):
        return
    subject = _subject_of_misread_verb(parsed, verb, root, before)
    if subject is None:
        return
    later = [c for c in subject.children if c.i > verb.i] if subject is root else []
    later += [c for c in verb.children if c.i > verb.i]
    if verb is not root:
        make_root(verb)
    verb.tag_ = "VBZ"
    attach(subject, verb, "nsubj")
    if before is not subject and before.head is verb:
        attach(before, subject, "nmod")
    for node in [c for c in verb.children if c.i < verb.i and c is not subject]:
        attach(node, before, node.dep_)
    for i, node in enumerate(later):
        if node.tag_ in VERB_TAGS and node.dep_ in ("acl:relcl", "acl"):
            attach(node, verb, "ccomp")  # "fears that jobs will go": the clause it fears
        else:
            attach(node, verb, "obj" if i == 0 and node.tag_ in NAME_TAGS else node.dep_)


NAME_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def _subject_of_misread_verb(parsed: Parsed, verb: Node, root: Node, before: Node) -> Node | None:
    """The phrase a misread reaction verb is said by: "The union" of "The union fears" (the verb read as the
    root, "union" as its compound), "The Ministry" of "The Ministry of Petroleum welcomes" (the name's head)."""
    if root is not verb:
        return root if verb.head is root or verb.head.head is root else None
    if before.head is not verb or any(n.i < before.i and not under(n, verb) for n in parsed):
        return None
    if not is_proper(before) and not any(c.dep_ in ("det", "nmod:poss") and c.i < before.i for c in verb.children):
        return None  # "Investor fears that …": a noun phrase, not "The union fears that …"
    return before


def own_phrase(node: Node) -> list[Node]:
    """A node and what hangs on it, without the conjuncts joined to it and their commas."""
    return [node] + [w for c in node.children if c.dep_ not in ("conj", "cc", "punct") for w in own_phrase(c)]


def a_name(node: Node) -> bool:
    """A proper noun, an acronym, or a common noun named by its proper part ("the GOOD party")."""
    return (
        is_proper(node)
        or is_acronym(node)
        or any(c.dep_ in ("compound", "amod") and (is_proper(c) or is_acronym(c)) for c in node.children)
    )


def is_acronym(token: Node) -> bool:
    return 2 <= len(token.text) <= 6 and token.text.isupper() and token.text.isalpha()


def may_be_name(token: Node) -> bool:
    """'UNACOIS', 'Exceltur', 'Hududgaztaminot'; not 'However', 'Separately', 'Meanwhile'."""
    word = token.lower_
    return (
        token.text[:1].isupper() and word not in NOT_A_NAME and word not in SENTENCE_OPENERS and not word.endswith("ly")
    )


def name_split_by_apposition(parsed: Parsed) -> None:
    """'The mayor of Porto Novo, Alcides Santos, has asked …': the last word of a name after "of" read as an
    apposition of the role, beside the person's name. With no comma between them, it is the name's own word."""
    for word in parsed[1:]:
        before = parsed[word.i - 1]
        if word.dep_ != "appos" or not is_proper(word) or not is_proper(before) or before.dep_ != "nmod":
            continue
        if before.head is word.head and not word.children and before.whitespace_ == " ":
            attach(word, before, "flat")
