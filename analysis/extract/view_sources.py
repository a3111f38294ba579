"""Whose view a sentence gives when nobody in it is said to speak: "According to the ministry, the treaty
ends …", "In her reading, the loan is a mistake", "For Friends of the Earth Norway, the round is “a
gamble”". The X each names holds the sentence's position (`reader.Reader`)."""

from __future__ import annotations

from analysis.extract.holders import NOMINAL_TAGS, SPEECH_FORMS
from analysis.extract.names import is_human_plural
from analysis.extract.parse import NOUN_TAGS, child_case, is_proper
from analysis.extract.parse import Node as Token
from analysis.extract.parse import Parsed as Doc


def for_whom(doc: Doc) -> Token | None:
    """The X of a sentence that opens "For X, …" with no speech verb in it: "For Friends of the Earth Norway,
    the round is “a gamble”", "For Bielecki, the zone is “a padlock”" give X's view. Not "For years, ...",
    "For now, ..." (no name), and not where someone is said to speak ("For Kenya, the minister said, ...")."""
    if not doc or doc[0].lower_ != "for" or any(t.lower_ in SPEECH_FORMS for t in doc):
        return None
    owner = doc[0].head
    after = max(n.i for n in owner.subtree if n.dep_ != "punct") + 1
    while after < len(doc) - 1 and doc[after].text == ")":
        after += 1  # "For the Fiji Council of Social Services (FCOSS), …": the acronym is the name's
    if (
        owner.i > 0
        and after < len(doc)
        and doc[after].text == ","
        and (
            is_proper(owner)
            or any(c.dep_ == "nmod:poss" and is_proper(c) for c in owner.children)
            or _a_definite_role(owner)
        )
    ):
        return owner
    return None


def _a_definite_role(owner: Token) -> bool:
    """'For the society, …', 'For the mayor, …': a body or a role named before, by its common noun; 'For the
    residents of the streets behind the bazaar, …': people, by theirs."""
    people = owner.tag_ == "NNS" and is_human_plural(owner.lower_)
    return (owner.tag_ == "NN" or people) and any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children)


# "in X's view", "in her reading", "in his telling", "in the account of X", "in the eyes of X"
VIEW_NOUNS = frozenset({"view", "opinion"})
# nouns that frame a view only as the clause's own "in …" phrase (not "tears in her eyes", "in its second reading")
FRAMING_NOUNS = frozenset({"reading", "account", "telling", "assessment", "estimation", "eyes"})


def _frames_a_view(token: Token, doc: Doc) -> bool:
    if token.lower_ in VIEW_NOUNS:
        return any(t.lower_ == "in" for t in doc[max(0, token.i - 5) : token.i])
    if token.lower_ not in FRAMING_NOUNS:
        return False
    # the phrase opens the sentence ("In the eyes of the union, ..."), stands between commas ("A registry, in
    # Confemin's reading, is …"), or hangs on its clause, not on a noun
    opens = any(c.dep_ == "case" and c.lower_ == "in" and (c.i == 0 or _set_off(c, token, doc)) for c in token.children)
    return (
        child_case(token) == "in"
        and (opens or token.dep_ not in ("nmod", "compound", "nmod:poss"))
        and not any(c.dep_ in ("compound", "amod", "nummod") for c in token.children)
    )


def _set_off(first: Token, phrase: Token, doc: Doc) -> bool:
    """Does the phrase from `first` to the end of `phrase`'s subtree stand between two commas?"""
    after = max(n.i for n in phrase.subtree if n.dep_ != "punct") + 1
    return doc[first.i - 1].text == "," and after < len(doc) and doc[after].text == ","


# "The Secretariat's view is that ...", "Qureshi's argument, repeated all week, is that ...": X's view, stated;
# "UMNO's position is more ambivalent": X's view, described
STATED_VIEWS = frozenset(
    {"view", "argument", "case", "position", "contention", "belief", "stance", "line", "reading", "answer", "response"}
    | {"reply", "verdict", "conclusion"}
)


def _view_stated_as(token: Token, doc: Doc) -> Token | None:
    """The owner of "X's view is that …"."""
    if token.lower_ not in STATED_VIEWS or token.dep_ not in ("nsubj", "nsubj:outer", "nsubj:pass"):
        return None
    owner = next((c for c in token.children if c.dep_ == "nmod:poss" and c.tag_ in NOUN_TAGS | {"PRP$"}), None)
    if owner is None and token.i > 1 and doc[token.i - 1].tag_ == "POS" and is_proper(doc[token.i - 2]):
        # "Defence Minister Armindo Muianga’s view is that": the name parsed as the view's compound
        owner = doc[token.i - 2]
        while owner.dep_ == "flat" and owner.head.i < owner.i:
            owner = owner.head
    if owner is None or _reported(token):
        return None
    after = max(n.i for n in token.subtree) + 1
    while after < len(doc) and doc[after].text == ",":
        after += 1
    aside = next((i for i in range(after, min(after + 5, len(doc))) if doc[i].text == ","), None)
    if after < len(doc) and doc[after].lower_ not in ("is", "was", "remains") and aside is not None:
        after = aside + 1  # "Mörn's argument, in essence, is that …"
    stated = after + 1 < len(doc) and doc[after].lower_ in ("is", "was", "remains") and doc[after + 1].lower_ == "that"
    # "UMNO's position is more ambivalent": X's view, described
    described = token.head.tag_.startswith("JJ") and any(c.dep_ == "cop" for c in token.head.children)
    return owner if stated or described else None


def _reported(token: Token) -> bool:
    """'Selva said the ministry's figures were right but its conclusion was wrong': a view inside what someone
    says is what the speaker makes of it, not its owner's view stated."""
    node = token
    while node.head is not node:
        node = node.head
        if node.lower_ in SPEECH_FORMS and any(c.dep_ in ("nsubj", "nsubj:pass") for c in node.children):
            return True
    return False


def states_a_view(doc: Doc) -> bool:
    """ "Benin's position is that rice re-exported through Cotonou should be exempt": the sentence says it is
    someone's view, so it is a position whatever words carry it."""
    return any(_view_stated_as(token, doc) is not None for token in doc)


def view_framed_by(doc: Doc) -> Token | None:
    """The X of 'in the view of X', 'in X's view', 'in her reading', 'in the account of X' or 'X's view is
    that' in a sentence, if any: a sentence that says it is X's view (not "according to X", which may only
    report a fact)."""
    for token in doc:
        owner = _framing_owner(token, doc)
        if owner is not None:
            return owner
    return None


def _framing_owner(token: Token, doc: Doc) -> Token | None:
    stated = _view_stated_as(token, doc)
    if stated is not None:
        return stated
    if _frames_a_view(token, doc):
        # "in the view of X" (X hangs on "view" by "of"), "in X's view", "in his view" (X owns it)
        relation = "nmod" if doc[token.i - 1].lower_ == "the" else "nmod:poss"
        owner = next((c for c in token.children if c.dep_ == relation and c.tag_ in NOUN_TAGS | {"PRP$"}), None)
        return None if owner is not None and _named_speaker_after(owner, doc) else owner
    return None


def _named_speaker_after(pronoun: Token, doc: Doc) -> bool:
    """'In his separate opinion, Judge Kanybek Ismailov wrote that …': a "his" that the sentence's named speaker
    after it owns; the speaker is the sentence's holder already, and no one before is meant."""
    return pronoun.tag_ == "PRP$" and any(
        t.lower_ in SPEECH_FORMS and any(c.dep_ == "nsubj" and is_proper(c) and c.i > pronoun.i for c in t.children)
        for t in doc
        if t.head is t  # the sentence's own verb, not "once the EU agrees …"
    )


def according_to(doc: Doc) -> Token | None:
    """The X of 'according to X' (or of a view framed as X's: `view_framed_by`) in a sentence, if any."""
    for token in doc:
        owner = _framing_owner(token, doc)
        if owner is not None:
            return owner
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            head = token.head
            # "According to Elena Murillo Sanz, an economist at Pompeu Fabra University, ..." parsed with the
            # university as its head: past a comma the head is in an apposition, and the name comes first
            aside = any(t.text == "," for t in doc[token.i : head.i])
            if head.i != token.i and head.tag_ in NOMINAL_TAGS and head.i > token.i and not aside:
                return head
            for j in range(token.i + 2, min(len(doc), token.i + 12)):
                if doc[j].tag_ in NOUN_TAGS and (j + 1 >= len(doc) or doc[j + 1].tag_ not in NOUN_TAGS):
                    return doc[j]
    return None


def below_main_clause(doc, predicate: int) -> bool:
    """Does the predicate hang in a clause below the sentence's main one ("although some officials have
    questioned it"), not on the main clause itself ("Spain is understood to back the plan")?"""
    if not 0 <= predicate < len(doc):
        return False
    token = doc[predicate]
    while token.head is not token:
        if token.dep_ in ("advcl", "acl:relcl", "acl"):
            return True
        token = token.head
    return False
