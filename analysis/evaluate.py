"""Measuring the extractor: proposals against gold statements, and a sentence-sentiment baseline.

A proposal matches a gold statement when its span overlaps the gold evidence and the actor is the same
(one-to-one, largest overlap first). Reported: precision, recall, F1, stance accuracy on the matches,
and a confusion matrix of gold stance × proposed stance.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from analysis.data.schema import STANCES
from analysis.data.store import Tables
from analysis.extract import actors as actor_finder
from analysis.extract import extract
from analysis.extract.actors import ActorIndex
from analysis.extract.segment import sentences

LEADING_WORDS = re.compile(r"^(?:the|some|several|many|most|a number of|a group of|other|a|an)\s+")


@dataclass(frozen=True)
class Score:
    proposals: int
    gold: int
    matched: int
    stance_correct: int
    confusion: pd.DataFrame

    @property
    def precision(self) -> float:
        return self.matched / self.proposals if self.proposals else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def stance_accuracy(self) -> float:
        return self.stance_correct / self.matched if self.matched else 0.0

    def line(self, label: str) -> str:
        return (f"{label:<28} precision {self.precision:.2f}  recall {self.recall:.2f}  F1 {self.f1:.2f}  "
                f"stance accuracy {self.stance_accuracy:.2f}  ({self.matched} matched of {self.gold} gold, "
                f"{self.proposals} proposed)")


def normalise_name(name: str) -> str:
    name = actor_finder.fold(name).replace("’", "'").strip(" .,:;\"'“”")
    name = re.sub(r"'s$", "", name)
    previous = None
    while previous != name:
        previous, name = name, LEADING_WORDS.sub("", name)
    return " ".join(name.split())


def same_actor(proposed: str, gold_names: str) -> bool:
    """Does a proposed actor name denote one of the gold names (|-separated)?"""
    mine = normalise_name(proposed)
    for alias in filter(None, gold_names.split("|")):
        theirs = normalise_name(alias)
        if not mine or not theirs:
            continue
        if mine == theirs or mine.endswith(" " + theirs) or theirs.endswith(" " + mine):
            return True
        if fuzz.token_set_ratio(mine, theirs) >= 92 and min(len(mine), len(theirs)) > 4:
            return True
    return False


def match(proposals: pd.DataFrame, gold: pd.DataFrame, *, by_id: bool) -> list[tuple[int, int]]:
    """One-to-one (proposal index, gold index) pairs: overlapping spans, same actor, largest overlap first."""
    candidates = []
    for i, p in proposals.iterrows():
        for j, g in gold.iterrows():
            overlap = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if overlap <= 0:
                continue
            if by_id and p["actor_id"] != g["actor_id"]:
                continue
            if not by_id and not same_actor(p["actor"], g["actor"]):
                continue
            candidates.append((overlap, i, j))
    pairs, used_p, used_g = [], set(), set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return pairs


def score(proposals: pd.DataFrame, gold: pd.DataFrame, *, by_id: bool) -> Score:
    pairs = match(proposals, gold, by_id=by_id)
    confusion = pd.DataFrame(0, index=pd.Index(STANCES, name="gold"), columns=pd.Index(STANCES, name="proposed"))
    correct = 0
    for i, j in pairs:
        gold_stance, proposed_stance = str(gold.at[j, "stance"]), str(proposals.at[i, "stance"])
        confusion.loc[gold_stance, proposed_stance] += 1
        correct += gold_stance == proposed_stance
    return Score(len(proposals), len(gold), len(pairs), correct, confusion)


def combine(scores: list[Score]) -> Score:
    confusion = sum((s.confusion for s in scores[1:]), scores[0].confusion.copy()) if scores else pd.DataFrame()
    return Score(sum(s.proposals for s in scores), sum(s.gold for s in scores), sum(s.matched for s in scores),
                 sum(s.stance_correct for s in scores), confusion)


# --- the data sets ---------------------------------------------------------------------------------------

def seed_documents(tables: Tables):
    """(text, gold statements with actor ids, proposals) for each curated source."""
    for source_id, text in tables.texts.items():
        gold = tables.view[tables.view["source_id"] == source_id].reset_index(drop=True)
        main = gold["target_id"].value_counts().index[0] if len(gold) else ""
        yield source_id, text, gold, main


def corpus_documents(corpus_dir: Path):
    """(name, text, gold rows with start/end) for each article listed in corpus.csv."""
    corpus_dir = Path(corpus_dir)
    with open(corpus_dir / "corpus.csv", encoding="utf-8", newline="") as handle:
        listing = list(csv.DictReader(handle))
    for entry in listing:
        text = (corpus_dir / entry["file"]).read_text(encoding="utf-8")
        gold = pd.read_csv(corpus_dir / entry["file"].replace(".txt", ".gold.csv"), dtype=str,
                           keep_default_na=False)
        starts = [text.find(evidence) for evidence in gold["evidence"]]
        missing = [e for e, s in zip(gold["evidence"], starts) if s < 0]
        if missing:
            raise ValueError(f"{entry['file']}: gold evidence not found verbatim: {missing[0]!r}")
        gold = gold.assign(start=starts, end=[s + len(e) for s, e in zip(starts, gold["evidence"])])
        yield entry["file"], text, gold


# --- the baseline ---------------------------------------------------------------------------------------

@functools.cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_stance(sentence: str) -> str:
    compound = _vader().polarity_scores(sentence)["compound"]
    if compound >= 0.05:
        return "supportive"
    if compound <= -0.6:
        return "condemning"
    if compound <= -0.05:
        return "opposed"
    return "neutral"


def vader_baseline(text: str, *, actors: pd.DataFrame | None = None, main_target: str = "") -> pd.DataFrame:
    """What many would reach for instead: each sentence's sentiment (VADER) as the stance of the first
    actor group in it, with the same actor finder as the extractor so that only the stance logic differs."""
    index = ActorIndex.build(actors)
    rows = []
    for start, end in sentences(text):
        mentions = actor_finder.find_mentions(text, start, end, index)
        if not mentions:
            continue
        stance = vader_stance(text[start:end])
        for mention in actor_finder.groups(text, mentions)[0]:
            rows.append({"actor": mention.actor.name, "actor_id": mention.actor.actor_id, "stance": stance,
                         "target_id": main_target, "start": start, "end": end})
    return pd.DataFrame(rows, columns=["actor", "actor_id", "stance", "target_id", "start", "end"])


def evaluate_seed(tables: Tables) -> tuple[Score, Score]:
    """(extractor, baseline) on every curated source, actors matched by id."""
    ours, baseline = [], []
    for source_id, text, gold, main in seed_documents(tables):
        proposals = extract(text, actors=tables.actors, targets=tables.targets, main_target=main,
                            source_id=source_id)
        ours.append(score(proposals, gold, by_id=True))
        baseline.append(score(vader_baseline(text, actors=tables.actors, main_target=main), gold, by_id=True))
    return combine(ours), combine(baseline)


def evaluate_corpus(corpus_dir: Path) -> tuple[Score, Score, dict[str, Score]]:
    """(extractor, baseline, extractor per article) on a gold corpus, actors matched by name."""
    ours, baseline, per_file = [], [], {}
    for name, text, gold in corpus_documents(corpus_dir):
        proposals = extract(text, main_target="main")
        per_file[name] = score(proposals, gold, by_id=False)
        ours.append(per_file[name])
        baseline.append(score(vader_baseline(text, main_target="main"), gold, by_id=False))
    return combine(ours), combine(baseline), per_file
