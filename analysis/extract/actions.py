"""Positions taken by acting rather than saying: an actor the curators track doing something in a main
clause, and the voters a vote's or an abstention's "came from" names. A mixin of the document reader
(`reader.Reader`), whose namer, quotations and claims it uses."""

from __future__ import annotations

import re

from analysis.extract.claims import Sentence, clause_span, token_at
from analysis.extract.holders import hypothetical
from analysis.extract.lexicon import Cue
from analysis.extract.names import known_or_new
from analysis.extract.nodes import opened_by_the
from analysis.extract.parse import VERB_TAGS, child_case, is_proper
from analysis.extract.references import actor_key
from analysis.extract.relatives import place_after_a_name
from analysis.extract.vocabulary import DECISION_NOUNS, GROUP_NOUNS

# "The votes to close came from ...", "votes in favour from the PS, the Left Bloc ...", "Most of the
# abstentions came from the Left party"
VOTES_FROM = re.compile(
    r"\b(?:[Vv]otes\s+(?P<side>to\s+\w+|for|against|in\s+favou?r)|(?P<abstained>[Aa]bstentions))\b[^.;]{0,60}?"
    # the names end where a clause of others begins ("…, while 22 SDSM and Levica deputies voted against")
    r"\b(?:came\s+)?from\s+(?P<names>(?:(?!,\s*(?:while|whereas|but|with)\b)[^.;])+)"
)

# "The sharpest reservations came from the Greens and from liberal members of Renew Europe", "Support came mainly
# from the EPP": a sentence that opens with a reaction, named by its noun, and says who it came from (not "No
# criticism came from …", "Financial support came from the World Bank")
REACTION_FROM = re.compile(
    r"(?:The\s+(?:(?:most\s+)?\w+\s+)?)?(?P<side>(?i:criticism|objections?|reservations?|opposition|resistance|attacks?|"
    r"complaints?|concerns?|support|praise))\s+(?:came|comes?|(?:has|have|had)\s+come)\s+(?:\w+ly\s+)?(?:above\s+all\s+)?"
    r"from\s+"
    # the names end at an aside about them ("from Ilze Vītola, who chaired the Saeima's inquiry")
    r"(?P<names>(?:(?!,?\s+(?:who|which|whose|where|saying|citing|arguing|while|but)\b)[^.;])+)"
)
# "The decision has the backing of the Ministry of Agriculture", "the plan won the support of the Greens": a
# decision's backers, after what it is
HAS_BACKING = re.compile(
    r"\b(?P<owner>\w+)\s+(?:has|have|had|won|wins|enjoys|enjoyed|secured|gained)\s+(?:the\s+)?"
    r"(?:(?:full|strong|broad|public|formal)\s+)?(?P<side>backing|support|blessing|endorsement)\s+of\s+"
    r"(?P<names>(?:(?!,?\s+(?:who|which|whose|where|saying|citing|arguing|while|but|after|against)\b)[^.;(])+)"
)
# "The bill passed with the votes of the CDU, the Greens and the SPD", "tabled with the backing of the Greens":
# what passed or was tabled, right before (not "governs with the support of the Left Party", "elected with …")
BACKED_WITH = re.compile(
    r"\b(?:passed|adopted|approved|carried|tabled|introduced|brought|went\s+through)(?:\s+\w+){0,6}?\s+"
    r"with\s+the\s+(?P<side>votes|backing|support)\s+of\s+"
    r"(?P<names>(?:(?!,?\s+(?:who|which|whose|where|saying|citing|arguing|while|but|after|against)\b)[^.;(])+)"
)
REACTION_STANCES = {"support": "supportive", "praise": "supportive"}
REACTION_STANCES |= dict.fromkeys(("reservations", "reservation", "concerns", "concern"), "cautious")
REACTION_STANCES |= dict.fromkeys(("attack", "attacks"), "condemning")  # hostile words, as "an attack aimed at"

# "Voting in favour were the senators of the Pacto Histórico, Alianza Verde and Comunes": the voters run to a
# clause of their own ("…, while the Conservatives voted against", "…, citing costs")
VOTED_ON = r"(?:it|them|the\s+(?:main\s+)?(?:bill|motion|law|measure|resolution|proposal|plan|decree|amendment|budget))"
# titles that end in a full stop inside a list of voters ("city Reps. Joel Arriaga, Lisa Benavides and …")
TITLED = r"\b(?:Reps?|Sens?|Cllrs?|Drs?|Mrs?|Ms|Hon|Profs?)\."
VOTING_WERE = re.compile(
    rf"\b[Vv]oting\s+(?P<side>for|against|in\s+favou?r)(?:\s+(?:of\s+)?{VOTED_ON})?\s+(?:were|was)\s+"
    r"(?P<names>(?:(?!,\s+(?:while|whereas|but|citing|saying|who|which|as)\b)"
    rf"(?:{TITLED}|[^.;]))+)(?P<abstained>)"
)

# "…, with Akel voting against", "with Harmony and Latvia First voting against", "with the two Moderates abstaining";
# after one of these, "… and the Conservatives and the SNP against" (the vote left out)
# a parliament's record of a party vote: "Ayes 104: New Zealand National 49; New Zealand Labour 34; Green Party 15."
DIVISION = re.compile(r"(?P<side>Ayes|Noes|Abstentions)\s+\d+\s*:\s*(?P<names>[^.\n]+)")
DIVIDED_PARTY = re.compile(r"\s*([A-Z][^;:\d]*?)\s+\d+\s*(?:;|$)")
VOTES_WITH = re.compile(
    # a list goes on after a comma ("…, the Socialists and the Left Bloc against"), but not into an aside ("the
    # PSD, which had been against,") or an apposition ("Momentum, a pro-EU party, against")
    r"(?:\b(?P<opening>(?i:with|and))|,(?!\s+(?i:with|and|a|an|which|who|whose|that)\b))\s+"
    rf"(?P<names>(?:the\s+)?(?:(?!(?i:which|who|whose|had|has|have|was|were|is|are|with)\b)(?:{TITLED}\s+|[\w'’\-()]+,?\s+)){{1,16}}?)"
    r"(?P<side>voting\s+(?:for|against|in\s+favou?r)|abstaining|against|in\s+favou?r)\b"
    # the vote is on the matter in hand, not "voting for a new president" or "voting for the first time"
    # ("… voting against as a bloc")
    rf"(?=\s*{VOTED_ON}?(?:\s+(?:as\s+a\s+bloc|en\s+bloc|en\s+masse))?\s*(?:[,.;)]|and\b|$))"
)


def _of_the_decision(text: str, sentence_start: int, found: re.Match) -> bool:
    """Whether what "has the backing of" is the decision, the sentence's subject: "The ban has the backing of …"
    (not "A legal challenge to the decision has …", "A rival proposal from ACT has …", or "it", which may be
    anyone's plan)."""
    owner = found.group("owner")
    opening = DECISION_OPENING.fullmatch(text, sentence_start, found.start("owner"))
    return opening is not None and owner.islower() and owner in DECISION_NOUNS


# what opens a sentence whose subject is the decision itself: "The ", "This new "
DECISION_OPENING = re.compile(r"\s*(?:The|This|That)\s+(?:[a-z\-]+\s+)?")


def _a_list_of_names(words: str) -> bool:
    """A short run of words, or a long one that lists voters ("the Moderates, the Sweden Democrats, the Christian
    Democrats and the Liberals"), not one with an aside about them ("Hungary, backed by its ally Slovakia and
    despite strong pressure from Germany and France,")."""
    return len(words.split()) <= 8 or not VOTERS_ASIDE.search(words)


def _comments_on_the_clause(move) -> bool:
    """'…, a move it said …', '…, in a move it says …': an indefinite noun set after a comma, which comments on
    the clause before it (the decision that clause tells of), not an object of it."""
    article = next((c for c in move.children if c.dep_ == "det"), None)
    if article is None or article.lower_ not in ("a", "an"):
        return False
    doc, first = move.doc, article.i
    if first > 0 and doc[first - 1].lower_ == "in":
        first -= 1
    return first > 0 and doc[first - 1].text == ","


# "a move it said would …", "a step the government says is needed …": a decision, and its maker's reason for it
JUSTIFIED_NOUNS = frozenset({"move", "step", "measure", "decision"})
JUSTIFYING = frozenset({"said", "says", "argued", "argues", "insisted", "insists", "described"})
REASON_ENDS = re.compile(r",?\s+but\b|;|\s+[–—]\s+")

# the words that open an aside inside a list of voters
VOTERS_ASIDE = re.compile(
    r"\b(?:by|despite|ignoring|defying|in\s+protest|where|who|which|after|before|chaired|led|from|at|over)\b"
)


class Actions:
    """The steps of `reader.Reader` that find positions taken by an act."""

    def _known_actions(self, sentence: Sentence, claims: dict) -> None:
        """An actor the curators track (one of the known actors' table) doing something in a main clause
        ("U.S. prosecutors have unsealed indictments"): a position by action, proposed weakly."""
        for token in sentence.doc:
            if (
                token.dep_ not in ("ROOT", "conj")
                or token.tag_ not in VERB_TAGS
                or self.quotations.inside(sentence.start + token.idx)
                or hypothetical(token)
            ):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            named = self.namer.name(subject, sentence.start, sentence.mentions)
            if named is None or not (named.actor.actor_id and named.actor.bloc):
                continue
            if any(k[0] == actor_key(named.actor) for k in claims):
                continue
            claim = self._claim(claims, named.actor, "known actor's action", "characterized", sentence, token, token)
            claim.spoken = [clause_span(token, sentence)]

    def _votes_from(self, sentence: Sentence, claims: dict) -> None:
        """'The votes to close came from Commissioners Dale Lindqvist, Gary Ness and Linda Pohl', 'Voting against
        were Councillors Whitby and Tan': each voter named after "came from" or "were" holds the vote's side."""
        found = VOTES_FROM.search(self.text, sentence.start, sentence.end) or VOTING_WERE.search(
            self.text, sentence.start, sentence.end
        )
        if found is None or self.quotations.inside(found.start()):
            return
        side = "abstained" if found.group("abstained") else found.group("side")
        stance = "neutral" if side == "abstained" else "opposed" if side.lower().startswith("against") else "supportive"
        cue_end = found.end("abstained") if found.group("abstained") else found.end("side")
        cue = (found.start(), cue_end, Cue(self.text[found.start() : cue_end].lower(), stance, 3))
        self._voters(sentence, claims, (found.start("names"), found.end("names")), cue, "votes from")

    def _division(self, sentence: Sentence, claims: dict) -> None:
        """'Ayes 104: New Zealand National 49; New Zealand Labour 34.', 'Noes 19: ACT New Zealand 11': a
        parliament's record of a party vote, each party named before its count holding the vote's side."""
        found = DIVISION.match(self.text, sentence.start, sentence.end)
        if found is None or self.quotations.inside(found.start()):
            return
        side = found.group("side").lower()
        stance = {"ayes": "supportive", "noes": "opposed"}.get(side, "neutral")
        cue = (found.start("side"), found.end("side"), Cue(side, stance, 3))
        for party in DIVIDED_PARTY.finditer(self.text, found.start("names"), found.end("names")):
            token = token_at(sentence.doc, party.start(1) - sentence.start, party.end(1) - sentence.start)
            if token is None:
                continue
            actor = known_or_new(party.group(1), self.index, kind="organization")
            claim = self._claim(claims, actor, "party vote", "characterized", sentence, token, token)
            claim.cues.append(cue)
            claim.span = (sentence.start, sentence.end)

    def _reactions_from(self, sentence: Sentence, claims: dict) -> None:
        """'The sharpest reservations came from the Greens and from liberal members of Renew Europe': each body
        named after "came from" holds the reaction's side."""
        found = REACTION_FROM.match(self.text, sentence.start, sentence.end)
        if found is None or self.quotations.inside(found.start()):
            return
        side = found.group("side").lower()
        stance = REACTION_STANCES.get(side, "opposed")
        cue = (found.start("side"), found.end("side"), Cue(side, stance, 3))
        self._voters(sentence, claims, (found.start("names"), found.end("names")), cue, "reaction from")

    def _backed_with(self, sentence: Sentence, claims: dict) -> None:
        """'The bill passed with the votes of the CDU, the Greens and the SPD': each body named after "with the
        votes (backing, support) of" supports what passed."""
        found_all = [
            *BACKED_WITH.finditer(self.text, sentence.start, sentence.end),
            *(
                f
                for f in HAS_BACKING.finditer(self.text, sentence.start, sentence.end)
                if _of_the_decision(self.text, sentence.start, f)
            ),
        ]
        for found in found_all:
            if self.quotations.inside(found.start()) or not _a_list_of_names(found.group("names")):
                continue
            cue = (found.start("side"), found.end("side"), Cue(found.group("side"), "supportive", 3))
            self._voters(sentence, claims, (found.start("names"), found.end("names")), cue, "backed with")

    def _justified_decision(self, sentence: Sentence, claims: dict) -> None:
        """'Zambia has suspended exports of raw manganese ore, in a move it says will force miners to build
        smelters at home': the decision's maker giving its reason, which the writers count as its position for
        the decision (the act alone, the news itself, is none). 6 of 13 such dev rows had been missed."""
        for move in sentence.doc:
            if move.lower_ not in JUSTIFIED_NOUNS or move.tag_ != "NN" or not _comments_on_the_clause(move):
                continue  # not "regretted the decision, which it said …", "disappointed by a measure it said …"
            verb = next((c for c in move.children if c.dep_ == "acl:relcl" and c.lower_ in JUSTIFYING), None)
            if verb is None or self.quotations.inside(sentence.start + verb.idx):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            reason = {t.i for t in verb.subtree}
            if any(c.predicate in reason for c in claims.values()):
                continue  # "a move it said would protect small eateries": read by its cue already
            named = self.namer.name(subject, sentence.start, sentence.mentions) or self._decision_maker(sentence, move)
            if named is None or named.actor.kind == "commentators":
                continue
            for key in [k for k in claims if k[0] == actor_key(named.actor)]:
                del claims[key]  # the act itself ("has suspended exports") is the news; the reason is the position
            claim = self._claim(claims, named.actor, "maker's reason", "reported", sentence, verb, verb)
            claim.cues.append(
                (sentence.start + verb.idx, sentence.start + verb.idx + len(verb), Cue(verb.text, "supportive", 3))
            )
            first = move.left_edge if move.left_edge.i < move.i else move
            # the reason runs to the sentence's end or to a "but" that turns to others ("but which drew …")
            after = sentence.start + verb.idx + len(verb)
            turn = REASON_ENDS.search(self.text, after, sentence.end)
            end = turn.start() if turn else len(self.text[: sentence.end].rstrip(' .”"\n'))
            claim.span = (sentence.start + first.idx, end)
            claim.spoken = [claim.span]

    def _decision_maker(self, sentence: Sentence, move):
        """Who "it" is in "…, a move it said …": the subject of the clause the move comments on."""
        clause, subject = move, None
        while subject is None and clause.head is not clause:
            clause = clause.head
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and clause.tag_ in VERB_TAGS), None)
        return self.namer.name(subject, sentence.start, sentence.mentions) if subject is not None else None

    def _votes_with(self, sentence: Sentence, claims: dict) -> None:
        """'The bill passed, with Akel voting against and the Greens abstaining': each party named between
        "with" and its vote holds the vote's side. The parser reads "Akel voting" as one noun phrase, so the
        words are read here rather than from the parse."""
        opened = False
        for found in VOTES_WITH.finditer(self.text, sentence.start, sentence.end):
            # "… and the Greens abstaining" carries on a "with" before it; alone, "and" opens no such clause
            opened = opened or (found.group("opening") or "").lower() == "with"
            if not opened or self.quotations.inside(found.start()) or not _a_list_of_names(found.group("names")):
                continue
            side = found.group("side").lower()
            stance = "neutral" if side == "abstaining" else "opposed" if side.endswith("against") else "supportive"
            cue = (found.start("side"), found.end("side"), Cue(side, stance, 3))
            before = set(claims)
            self._voters(sentence, claims, (found.start("names"), found.end("names")), cue, "votes with")
            voters = set(claims) - before
            # the vote is its voters': not the nearest subject's before them ("The Senate passed the bill, with
            # Sens. Manchin and Sinema voting against"), nor a voter's description's ("the pro-independence party
            # Ålands Framtid voting against", where the parser reads "voting" as the name's last word)
            for key, claim in list(claims.items()):
                a_voters_description = voters and key not in voters and claim.rule != "votes with"
                guessed = claim.rule.startswith("nearest") or a_voters_description
                if guessed and claim.cues and all(found.start("side") <= c[0] < found.end("side") for c in claim.cues):
                    del claims[key]
                    self.rejected.setdefault(sentence.start, []).append(claim.actor)

    def _names_a_person(self, token, sentence: Sentence) -> bool:
        named = self.namer.name(token, sentence.start, sentence.mentions)
        return named is not None and named.actor.kind == "person"

    def _voters(self, sentence: Sentence, claims: dict, names: tuple[int, int], cue: tuple, rule: str) -> None:
        """A claim for each body or person named in `names` (text offsets), holding the vote's `cue`."""
        for token in sentence.doc:
            position = sentence.start + token.idx
            # "with the governing coalition … voting in favour": a body named by its group noun votes too
            # ("rebels from the opposition", "three members of the governing coalition": some of its members)
            described_body = (
                token.lower_ in GROUP_NOUNS
                and token.tag_ == "NN"
                and opened_by_the(token)
                and child_case(token) in (None, "with")
            )
            if not names[0] <= position < names[1] or not (is_proper(token) or described_body):
                continue
            if token.i + 1 < len(sentence.doc) and is_proper(sentence.doc[token.i + 1]):
                continue  # the last word of each name
            phrase = token.head if token.dep_ in ("compound", "amod", "flat") else token
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in phrase.children) or _inside_description(token):
                # "Momentum, a pro-EU party, against": an apposition describes the voter before it ("Faïza Soilihi
                # Msa, an independent deputy from Mohéli": the place she is from, too)
                continue
            after = sentence.doc[token.i + 1] if token.i + 1 < len(sentence.doc) else None
            if after is not None and after.lower_ in GROUP_NOUNS and token.head.i == after.i:
                token = after  # "the Left party": the party, named by its whole phrase
            if place_after_a_name(token) and self._names_a_person(token.head, sentence):
                continue  # "from Councillor Liibaan Xasan Warsame of Kaaraan": the councillor, not his ward
            named = self.namer.name(token, sentence.start, sentence.mentions)
            # a group in lower case is no voting bloc; "the Liberal Democrats", "Senate Republicans" are
            if named is not None and (named.actor.kind != "commentators" or named.actor.name[:1].isupper()):
                claim = self._claim(claims, named.actor, rule, "characterized", sentence, token, token)
                claim.cues.append(cue)
                claim.span = (sentence.start, sentence.end)


def _inside_description(token) -> bool:
    """Whether a word lies inside an apposition that describes a name with "a" or "an"."""
    node = token
    for _ in range(8):
        if node.dep_ == "appos":
            return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in node.children)
        if node.head is node:
            return False
        node = node.head
    return False
