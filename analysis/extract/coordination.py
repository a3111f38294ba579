"""Coordinated holders: "China, Russia and Algeria", "the CGT and FO unions", "Greenpeace and the FNV and CNV
unions": the nominal conjuncts that share a holder's role, each a holder of its own."""

from __future__ import annotations

from analysis.extract.holders import NOMINAL_TAGS
from analysis.extract.names import is_human_plural
from analysis.extract.nodes import first_word
from analysis.extract.parse import Node as Token
from analysis.extract.parse import is_proper


def conjuncts(token: Token) -> list[Token]:
    """'China, Russia and Algeria': the token and the nominal conjuncts that share its role."""
    listed = _names_before_group(token) or _places_after_governments(token)
    if listed:
        return listed
    found = [token]
    named = token.conjuncts[0] if token.conjuncts else None
    # "The two opposition parties, Vox and the PP,", "Two unions, the TUC and Unite,"
    listed = next((c for c in token.children if c.dep_ == "appos" and first_word(c) == token.i + 2), None)
    if listed is not None and _a_counted_group(token) and token.doc[token.i + 1].text == ",":
        # "The two opposition parties, Vox and the PP, rejected it", "The four Nordic countries, Denmark, Finland,
        # Norway and Sweden, backed it": the list in apposition names the members
        members = [listed, *(listed.conjuncts or [c for c in token.conjuncts if c.i > listed.i])]
        if len(members) > 1 and all(is_proper(c) or c.text.isupper() for c in members):
            return members
    if (
        named is not None
        and named.i == token.i + 2
        and token.doc[token.i + 1].text == ","
        and token.tag_ in ("NN", "NNS")
        and not _names_a_body(token)
        and (is_proper(named) or named.text.isupper())
        and not _cc(named)
    ):
        # "The players' union, NISO, has not taken a position": the name, in apposition to its description;
        # "Spain's two biggest unions, CCOO and UGT, backed": the names, each a member of the group
        members = [c for c in token.conjuncts if c.i > named.i] if _a_counted_group(token) else []
        if members and all(is_proper(c) or c.text.isupper() for c in members):
            return [named, *members]
        return [named]
    # "The Police Federation, which represents rank-and-file officers, welcomed": a noun after the relative
    # clause of the first is that clause's, whatever the parse says
    clauses = [c.i for c in token.children if c.dep_ == "acl:relcl"]
    for conj in token.conjuncts:
        if any(token.i < c < conj.i for c in clauses):
            continue
        if conj.tag_ in ("NN", "NNS") and is_proper(token) and not _names_a_body(conj) and not _cc(conj):
            continue  # "The State Council (SAC), the junta's ruling body, welcomed": a description, not a second body
        if conj.i > token.i and conj.tag_ in NOMINAL_TAGS and conj.head.tag_ in NOMINAL_TAGS:
            shared_noun = _group_noun(conj) and next(
                (c for c in conj.children if c.dep_ == "compound" and _names_a_body(c)), None
            )
            # "the FNV and CNV unions": the second union by its name; "… and the county governments of Nyandarua
            # and Nakuru": each place's government
            found.extend(_places_after_governments(conj) or [shared_noun or conj])
    return found


def alongside(verb: Token) -> list[Token]:
    """'Hsu voted against, along with the TPP's Ko Wei-lun', 'together with Labour', 'alongside the SNP': the
    names (and the counted or described groups) who act with the verb's subject."""
    found = []
    for phrase in verb.children:
        cases = [c for c in phrase.children if c.dep_ == "case"]
        # "together" is read as the verb's adverb as often as the preposition's first word
        words = [verb.doc[cases[0].i - 1].lower_, *(c.lower_ for c in cases)] if cases else []
        beside = phrase.dep_ == "obl" and (words[1:] == ["alongside"] or words[-2:] in ALONGSIDE)
        # "along with four opposition members": a group the text counts or describes acts with them too
        described_group = (
            phrase.tag_ == "NNS"
            and is_human_plural(phrase.lower_)
            and any(c.dep_ in ("nummod", "amod", "compound") for c in phrase.children)
        )
        if beside and (is_proper(phrase) or phrase.text.isupper() or described_group):
            found.append(phrase)
    return found


ALONGSIDE = (["along", "with"], ["together", "with"])


def _places_after_governments(token: Token) -> list[Token]:
    """'The governments of Gujarat, Goa and Odisha have conveyed their concurrence': each place's government."""
    if token.tag_ not in ("NNS", "NNPS") or token.lower_ not in GOVERNMENTS:
        return []
    place = next((c for c in token.children if c.dep_ == "nmod" and is_proper(c) and c.i > token.i), None)
    if place is None or not any(c.lower_ == "of" for c in place.children if c.dep_ == "case"):
        return []
    places = [place, *(c for c in place.conjuncts if is_proper(c))]
    return sorted(places, key=lambda p: p.i) if len(places) >= 2 else []


GOVERNMENTS = frozenset(
    {"governments", "administrations", "cabinets", "councils", "municipalities", "parliaments"}
    | {"akimats", "hokimiyats", "hukumats"}
)


def _a_counted_group(token: Token) -> bool:
    """'Spain's two biggest unions', 'the two parties': a group whose members a list after it names (not
    "Unions, Greenpeace and the FNV", a list whose first member is the unions)."""
    return token.tag_ == "NNS" and any(c.dep_ in ("det", "nummod", "nmod:poss") for c in token.children)


def _cc(token: Token) -> bool:
    return any(c.dep_ == "cc" for c in token.children)


def _names_before_group(token: Token) -> list[Token]:
    """'the OGBL and LCGB unions', 'the FNV and CNV unions said': the bodies named before their group noun."""
    if not _group_noun(token):
        return []
    names = [c for c in token.children if c.dep_ == "compound" and _names_a_body(c)]
    names += [c for name in names for c in name.conjuncts]
    if len(names) < 2 or not all(_names_a_body(c) for c in names):
        return []
    return sorted(set(names), key=lambda name: name.i)


def _group_noun(token: Token) -> bool:
    """'unions', 'parties': the plural of a noun for bodies that are named one by one (not "the US and EU
    companies", "the UN and EU agencies": whose they are, not who)."""
    return token.tag_ in ("NNS", "NNPS") and token.lower_ in NAMED_ONE_BY_ONE


NAMED_ONE_BY_ONE = frozenset(
    {
        *("unions", "parties", "federations", "confederations", "associations", "caucuses", "blocs", "movements"),
        *("factions", "benches"),
        # "Pakatan Harapan (PH) and Barisan Nasional (BN) members voted in favour": each bloc's members
        *("members", "deputies", "lawmakers", "senators", "councillors", "mps"),
    }
)


def _names_a_body(token: Token) -> bool:
    return token.tag_ == "NNP" or (token.text.isupper() and token.text.isalpha() and len(token.text) >= 2)
