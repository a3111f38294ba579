"""Proposing statements from a document: who takes which stance on what, with the evidence span.

Per sentence that can hold a position (a quote, a stance cue or a reporting verb):
1. parse it (`parse`), and find the actors the gazetteer knows (`mentions.find_mentions`);
2. find its predicates, the stance cues (`data/lexicon.csv`) and reporting verbs, and each one's holder
   through the dependency relations (`holders`), named as an actor (`naming`) with the document's memory
   for pronouns, role nouns, surnames and acronyms (`references`);
3. give each cue to the nearest predicate above it that has a holder, or to the speaker of the quotation
   it sits in (`quotes`), so "X said the plan was “a disgrace”" gives X the cue "disgrace";
4. decide which claims are positions and each holder's stance from its cues (`judging`, `stance.decide`:
   negation, contrast, hedges), or, with no cue, from its words by a model learned from annotated news
   (`said_words`);
5. score each proposal's confidence from the evidence it rests on (`confidence`);
6. join a speaker's quoted passage into one proposal where its sentences carry no cue of their own
   (`passages`), and split one holder's judgments of two different things (`objects`).
Pure and per-document, so it maps over an archive.
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from analysis.data.schema import COLUMNS
from analysis.extract import actors as actor_finder
from analysis.extract import confidence as confidence_model
from analysis.extract import keeping
from analysis.extract.actors import ActorIndex
from analysis.extract.arbiter import Arbiter
from analysis.extract.claims import Claim, Sentence
from analysis.extract.keeping import Keeper
from analysis.extract.lexicon import Lexicon, load_lexicon
from analysis.extract.reader import Reader, TargetKeywords
from analysis.extract.said_words import WordsModel
from analysis.extract.stance import Decision
from analysis.extract.unread import RULE as UNREAD_RULE
from analysis.extract.unread import Gate

PROPOSAL_COLUMNS = [
    *COLUMNS["statements"],  # a proposal is a statement row, plus what the Review page shows about it
    "actor",
    "evidence",
    "actor_kind",
    "actor_country",
    "actor_bloc",
    "known_actor",
    "rule",
    "rule_stance",
    "cue_start",
    "cue_end",
    "sentence_start",
    "sentence_end",
]


def target_rows(targets: pd.DataFrame | None) -> tuple[tuple, ...]:
    """(target_id, keywords) of the targets table as hashable rows: the key of its compiled keywords."""
    if targets is None or len(targets) == 0:
        return ()
    keywords = targets["keywords"].tolist() if "keywords" in targets.columns else [""] * len(targets)
    return tuple(zip(targets["target_id"].tolist(), keywords))


@functools.lru_cache(maxsize=16)
def target_keywords(rows: tuple[tuple, ...]) -> TargetKeywords:
    """Every target keyword, compiled once per table content and ordered longest first (a stable sort, so
    among equally long keywords the table's order still decides): the first that matches wins."""
    found = []
    for target_id, keywords in rows:
        for keyword in filter(None, str(keywords or "").split("|")):
            keyword = actor_finder.fold(keyword)
            found.append((keyword, re.compile(rf"(?<![\w-]){re.escape(keyword)}(?![\w-])"), target_id))
    return tuple(sorted(found, key=lambda item: -len(item[0])))


def extract(
    text: str,
    *,
    actors: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    main_target: str = "",
    source_id: str = "",
    lexicon: Lexicon | None = None,
    index: ActorIndex | None = None,
    min_confidence: float | None = None,
    arbiter: Arbiter | bool | None = None,
    gate: Gate | bool | None = None,
    keeper: Keeper | bool | None = None,
    left_out: bool = False,
) -> pd.DataFrame:
    """Proposed statements for one document, as a DataFrame with PROPOSAL_COLUMNS.

    `actors` and `targets` are the known tables (optional); `main_target` is the target id (or label) a
    position is about unless its sentence names another known target. Offsets index `text` as
    open(path, encoding="utf-8").read() returns it. Proposals that the keep model (`keeper`, by default the
    one fitted on the dev splits; see `keeping`) finds unlikely to be a position of their actor are left out,
    or with `min_confidence` or `keeper=False` those whose calibrated confidence is below it (by default the
    cut chosen on the dev splits), unless their actor is a known one: the rest are more often wrong than a
    reviewer's time is worth. `arbiter=False` keeps the stance the
    cue rules read, where the arbiter fitted on the dev splits would read it again (`arbiter`); `gate=False`
    leaves out the sentences the cue rules read no position in, which the unread gate weighs (`unread`).
    With `left_out=True` the proposals it would leave out come too, in text order, marked True in an added
    `left_out` column: a reviewer may want to see what was judged unlikely.
    """
    proposed = propose(
        text,
        actors=actors,
        targets=targets,
        main_target=main_target,
        source_id=source_id,
        lexicon=lexicon,
        index=index,
        arbiter=arbiter,
        gate=gate,
    )
    kept = _sift(proposed, min_confidence=min_confidence, keeper=keeper)
    if left_out:
        rows = [{**row, "left_out": not keep} for (row, _, _), keep in zip(proposed, kept)]
        return pd.DataFrame(rows, columns=[*PROPOSAL_COLUMNS, "left_out"]).astype({"left_out": bool})
    return pd.DataFrame([row for (row, _, _), keep in zip(proposed, kept) if keep], columns=PROPOSAL_COLUMNS)


def _sift(
    proposed: list[tuple[dict, dict, dict]], *, min_confidence: float | None = None, keeper: Keeper | bool | None = None
) -> list[bool]:
    """Which of a document's proposals (`propose`'s, in text order) `extract` keeps, as its options say:
    the keep model `keeper` (True or, without `min_confidence`, None: the shipped one) where there is one,
    else the confidence cut (`min_confidence`, by default the one chosen on the dev splits)."""
    rows = [row for row, _, _ in proposed]
    if keeper is None:
        keeper = min_confidence is None
    if keeper is True:
        keeper = keeping.shipped()
    if keeper:
        likely = keeper.kept(rows, [features for _, features, _ in proposed])
    else:
        floor = confidence_model.min_confidence() if min_confidence is None else min_confidence
        likely = [row["confidence"] >= floor for row in rows]
    # a proposal about an actor the analysts track is always worth a look; others must be likely enough
    return [keep or bool(row["known_actor"]) for row, keep in zip(rows, likely)]


def propose(
    text: str,
    *,
    actors: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    main_target: str = "",
    source_id: str = "",
    lexicon: Lexicon | None = None,
    index: ActorIndex | None = None,
    words: WordsModel | None = None,
    view: WordsModel | None = None,
    arbiter: Arbiter | bool | None = None,
    gate: Gate | bool | None = None,
) -> list[tuple[dict, dict, dict]]:
    """Every proposal of a document, whatever its confidence, with the features its confidence was
    computed from (what `confidence.fit` learns from) and what the arbiter weighed to read its stance
    (what `arbiter.fit` learns from): (row, features, inputs) in text order. `words` is the model of
    uncued words' stance, `view` the model of whether a sentence states a view and `arbiter` the model that
    reads each stance last, by default the shipped ones;
    `arbiter=False` leaves the cue rules' stance as it is. `gate` weighs the sentences the cue rules read no
    position in (`unread`): by default the shipped one; False proposes none of them."""
    reader = Reader(
        text,
        lexicon or load_lexicon(),
        index or ActorIndex.build(actors),
        target_keywords(target_rows(targets)),
        main_target,
        words=words,
        view=view,
        arbiter=arbiter,
        gate=gate,
    )
    return [
        (
            _row(text, claim, decision, sentence, source_id),
            decision.features or confidence_model.features(claim, decision),
            decision.inputs,
        )
        for claim, decision, sentence in reader.read()
    ]


def _row(text: str, claim: Claim, decision: Decision, sentence: Sentence, source_id: str) -> dict:
    actor = claim.actor
    start, end = claim.span
    while start < end and text[start] in " ,;:—-":
        start += 1
    known = bool(actor.actor_id) and bool(actor.bloc or actor.aliases) and actor.kind != "commentators"
    cue = decision.cue
    return {
        "statement_id": "",
        "source_id": source_id,
        "actor_id": actor.actor_id or actor_finder.slug(actor.name),
        "target_id": claim.target,
        "stance": decision.stance,
        "quote": text[start:end],
        "start": start,
        "end": end,
        "cue": cue,
        "summary": f"{actor.name}: {cue or 'said'} ({decision.stance})",
        "mode": claim.mode,
        "date": "",
        "date_precision": "unknown",
        "confidence": decision.confidence,
        "origin": "extracted",
        "reviewed": False,
        "actor": actor.name,
        "evidence": text[start:end],
        "actor_kind": actor.kind,
        "actor_country": actor.country,
        "actor_bloc": actor.bloc,
        "known_actor": known,
        "rule": claim.rule,
        "rule_stance": decision.rule_stance,
        "cue_start": decision.cue_start,
        "cue_end": decision.cue_end,
        "sentence_start": sentence.start,
        "sentence_end": sentence.end,
    }


RULE_WORDS = {
    "subject": "the subject of the cue",
    "passive agent": "the agent of a passive (“… by X”)",
    "shared subject": "the subject the cue shares with the verb before it",
    "speaker after the verb": "the name after the reporting verb (“…,” said X)",
    "possessor of the cue": "the owner of the cue (“X's criticism”)",
    "apposition": "a name in apposition (“X, the minister, …”)",
    "according to": "“according to X”",
    "speaker of the quotation": "the speaker of the quotation it sits in",
    "quotation continues": "the speaker of the quotation before it in the paragraph",
    "quotation after its speaker was named": "a quotation opening a paragraph, after its speaker was introduced",
    "name before the verb": "the name before the reporting verb (the parse missed the subject)",
    "nearest subject before": "the nearest subject before the cue (the parse tied the cue to none)",
    "nearest actor before": "the nearest actor named before the cue (the parse tied the cue to none)",
    "known actor's action": "a tracked actor acting in a main clause",
    "paragraph heading": "the actor a round-up paragraph is headed by (“Unions: …”)",
    "votes from": "a voter named after “the votes … came from”",
    "votes with": "a voter named in “…, with X voting against”",
    "reaction from": "a body named after “the criticism … came from”",
    "backed with": "a body named after “with the votes (backing, support) of”",
    "party vote": "a party named in a parliament's record of a party vote (“Ayes 70: …”)",
}


# the holder of a sentence with no cue the rules read, which the unread gate proposed (`unread`)
UNREAD_RULE_WORDS = {
    "subject": "the subject of its main verb",
    "shared subject": "the subject its main verb shares with the verb before it",
    "name before the verb": "the name before its main verb (the parse missed the subject)",
    "speaker of its quotation": "the speaker of the quotation it sits in",
    "passive subject": "the subject of a passive with no agent (“Analysts were divided”)",
}


def explain(row) -> str:
    """How a proposal was found, in words a reviewer can check: '“welcomed” (supportive) · holder: the
    subject of the cue, via a pronoun'. `row` is a proposal (a mapping or a namedtuple)."""
    get = row.get if hasattr(row, "get") else lambda key, default="": getattr(row, key, default)
    rule = str(get("rule", "") or "")
    unread = rule.startswith(f"{UNREAD_RULE}: ")
    if unread:
        rule = rule.removeprefix(f"{UNREAD_RULE}: ")
    holder, _, reference = rule.partition(", ")
    cue = str(get("cue", "") or "")
    stance, by_rules = str(get("stance", "") or ""), str(get("rule_stance", "") or "")
    said = f"“{cue}” ({stance})" if cue else f"no cue: its words, read by a model of annotated news ({stance})"
    if cue and by_rules and by_rules != stance:
        said = f"“{cue}” ({by_rules} by the cue; {stance} read with all its words)"
    if unread:
        said = f"no cue, weighed by the gate ({stance}): the sentence reads as its holder's position"
    how = (unread and UNREAD_RULE_WORDS.get(holder)) or RULE_WORDS.get(holder, holder or "?")
    return f"{said} · holder: {how}" + (f", via {reference}" if reference else "")
