"""Measuring the extractor: proposals against gold statements, errors by cause, and how well its
confidence is calibrated.

A proposal matches a gold statement when its span overlaps the gold evidence and the actor is the same
(one-to-one, largest overlap first). Reported: precision, recall, F1, stance accuracy on the matches, a
confusion matrix of gold stance × proposed stance, the errors by cause, and a reliability table.

The corpora (see docs/annotation-guide.md): `tests/fixtures/extraction/` (six articles the rules were
first written on), `tests/fixtures/blind/dev/` (tune freely) and `tests/fixtures/blind/test/` (sealed:
scored once when the work is done; see its README).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from analysis.data.schema import STANCES
from analysis.data.store import Tables
from analysis.extract import actors as actor_finder
from analysis.extract import extract
from analysis.extract.baseline import vader_baseline

LEADING_WORDS = re.compile(r"^(?:the|some|several|many|most|a number of|a group of|other|a|an)\s+")
RELIABILITY_BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
REPO = Path(__file__).resolve().parents[2]
SEED_STORY = "cartel-de-los-soles-fto"  # the first story, whose 25 statements were curated by hand
SCORES_FILE = REPO / "docs" / "extraction-scores.csv"
SCORES_COLUMNS = (
    "date",
    "commit",
    "corpus",
    "articles",
    "gold",
    "proposed",
    "precision",
    "recall",
    "f1",
    "stance_accuracy",
)


@dataclass(frozen=True)
class Score:
    proposals: int
    gold: int
    matched: int
    stance_correct: int
    confusion: pd.DataFrame
    causes: Counter = field(default_factory=Counter, compare=False)
    outcomes: tuple[tuple[float, bool], ...] = field(default=(), compare=False)  # (confidence, right) per proposal

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
        return (
            f"{label:<28} precision {self.precision:.2f}  recall {self.recall:.2f}  F1 {self.f1:.2f}  "
            f"stance accuracy {self.stance_accuracy:.2f}  ({self.matched} matched of {self.gold} gold, "
            f"{self.proposals} proposed)"
        )


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


def overlap(p, g) -> int:
    """How many characters two rows' [start, end) spans share (negative when apart)."""
    return min(p["end"], g["end"]) - max(p["start"], g["start"])


def _same(p, g, by_id: bool) -> bool:
    return p["actor_id"] == g["actor_id"] if by_id else same_actor(p["actor"], g["actor"])


def match(proposals: pd.DataFrame, gold: pd.DataFrame, *, by_id: bool) -> list[tuple[int, int]]:
    """One-to-one (proposal index, gold index) pairs: overlapping spans, same actor, largest overlap first."""
    candidates = []
    for i, p in proposals.iterrows():
        for j, g in gold.iterrows():
            shared = overlap(p, g)
            if shared > 0 and _same(p, g, by_id):
                candidates.append((shared, i, j))
    pairs, used_p, used_g = [], set(), set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return pairs


def causes(
    proposals: pd.DataFrame,
    gold: pd.DataFrame,
    pairs: list[tuple[int, int]],
    *,
    by_id: bool,
    left_out: pd.DataFrame | None = None,
) -> Counter:
    """Each error by cause.

    - missed, left out as unlikely: no proposal overlaps the gold evidence, but one the extractor read and
      left out (`left_out`: the keep model or the confidence cut) overlaps it with the right actor;
    - missed, its actor's row there matched another: the only proposal of its actor that overlaps it matched
      another gold row (two rows of one actor in one sentence, or a quoted passage joined into one row);
    - missed, nothing proposed there: no proposal overlaps the gold evidence;
    - missed, actor wrong: a proposal overlaps it but names another actor (the pair is counted once here);
    - spurious, no position there: a proposal overlaps no gold statement;
    - spurious, repeat: it overlaps a gold statement of its actor that another proposal already matched;
    - stance wrong (gold -> proposed): matched, with another stance.
    Spurious and wrong-actor rows are also counted by the rule that found their holder ("… via <rule>").
    """
    found: Counter = Counter()
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    blamed_p = set()
    for j, g in gold.iterrows():
        if j in matched_g:
            continue
        overlapping = [i for i, p in proposals.iterrows() if overlap(p, g) > 0 and i not in matched_p]
        if not overlapping:
            found.update(_missed(g, proposals.loc[sorted(matched_p)], left_out=left_out, by_id=by_id))
            continue
        found["missed, actor wrong"] += 1
        i = overlapping[0]
        blamed_p.add(i)
        found[f"actor wrong via {_rule(proposals, i)}"] += 1
    for i, p in proposals.iterrows():
        if i in matched_p or i in blamed_p:
            continue
        hits = [j for j, g in gold.iterrows() if overlap(p, g) > 0]
        if any(_same(p, gold.loc[j], by_id) for j in hits):
            found["spurious, repeat of a matched position"] += 1
        elif hits:
            found["spurious, another actor's sentence"] += 1
            found[f"spurious via {_rule(proposals, i)}"] += 1
        else:
            found["spurious, no position there"] += 1
            found[f"spurious via {_rule(proposals, i)}"] += 1
    for i, j in pairs:
        gold_stance, proposed_stance = str(gold.at[j, "stance"]), str(proposals.at[i, "stance"])
        if gold_stance != proposed_stance:
            found[f"stance wrong: {gold_stance} -> {proposed_stance}"] += 1
    return found


def _missed(gold_row, matched: pd.DataFrame, *, left_out: pd.DataFrame | None, by_id: bool) -> list[str]:
    """The causes of a gold position no unmatched proposal overlaps: its actor's row there matched another
    gold row (`matched`: the proposals that matched one), else left out as unlikely when a proposal the
    extractor read and did not keep names its actor there, else nothing proposed, and what its sentence
    holds. (Where a kept row of another actor overlaps it, the miss counts as "actor wrong" even if a row of
    the right actor was left out.)"""
    if any(overlap(p, gold_row) > 0 and _same(p, gold_row, by_id) for _, p in matched.iterrows()):
        return ["missed, its actor's row there matched another"]
    if left_out is not None and any(
        overlap(p, gold_row) > 0 and _same(p, gold_row, by_id) for _, p in left_out.iterrows()
    ):
        return ["missed, left out as unlikely"]
    return ["missed, nothing proposed there", f"missed via {_missed_how(gold_row)}"]


def _missed_how(gold_row) -> str:
    """A missed position by what its evidence holds: the actor's name, a reference to them, or quoted
    words only (whose speaker is named elsewhere)."""
    evidence = str(gold_row["evidence"] if "evidence" in gold_row else gold_row.get("quote", ""))
    names = [normalise_name(a) for a in str(gold_row.get("actor", gold_row.get("actor_name", ""))).split("|") if a]
    folded = normalise_name(evidence)
    if any(n and n in folded for n in names):
        return "the actor named in the sentence, no position read"
    if re.match(r"^\W*[“\"‘]", evidence):
        return "quoted words whose speaker is named elsewhere"
    return "a reference to the actor (pronoun, role, part of a clause)"


def _rule(proposals: pd.DataFrame, i) -> str:
    if "rule" in proposals.columns:
        return str(proposals.at[i, "rule"]).split(",")[0] or "?"
    return "?"


def score(proposals: pd.DataFrame, gold: pd.DataFrame, *, by_id: bool, left_out: pd.DataFrame | None = None) -> Score:
    """`proposals` scored against `gold`; `left_out`, the proposals the extractor read but did not keep, only
    names why a missed position was missed."""
    pairs = match(proposals, gold, by_id=by_id)
    confusion = pd.DataFrame(0, index=pd.Index(STANCES, name="gold"), columns=pd.Index(STANCES, name="proposed"))
    correct = 0
    right = set()
    for i, j in pairs:
        gold_stance, proposed_stance = str(gold.at[j, "stance"]), str(proposals.at[i, "stance"])
        confusion.loc[gold_stance, proposed_stance] += 1
        correct += gold_stance == proposed_stance
        if gold_stance == proposed_stance:
            right.add(i)
    confidences = proposals["confidence"].tolist() if "confidence" in proposals.columns else [0.0] * len(proposals)
    outcomes = tuple((float(c), i in right) for i, c in zip(proposals.index, confidences))
    return Score(
        len(proposals),
        len(gold),
        len(pairs),
        correct,
        confusion,
        causes(proposals, gold, pairs, by_id=by_id, left_out=left_out),
        outcomes,
    )


def combine(scores: list[Score]) -> Score:
    confusion = sum((s.confusion for s in scores[1:]), scores[0].confusion.copy()) if scores else pd.DataFrame()
    return Score(
        sum(s.proposals for s in scores),
        sum(s.gold for s in scores),
        sum(s.matched for s in scores),
        sum(s.stance_correct for s in scores),
        confusion,
        sum((s.causes for s in scores), Counter()),
        tuple(o for s in scores for o in s.outcomes),
    )


def reliability(score: Score, bins=RELIABILITY_BINS) -> pd.DataFrame:
    """Proposals by confidence band: how many, their mean confidence, and the share that was right (actor,
    position and stance). A calibrated extractor has the last two close in every band."""
    rows = []
    for low, high in itertools.pairwise(bins):
        inside = [(c, r) for c, r in score.outcomes if low <= c < high or (high == 1.0 and c == 1.0)]
        if inside:
            rows.append(
                {
                    "confidence": f"{low:.1f}–{high:.1f}",
                    "proposals": len(inside),
                    "mean confidence": round(sum(c for c, _ in inside) / len(inside), 2),
                    "right": round(sum(r for _, r in inside) / len(inside), 2),
                }
            )
    return pd.DataFrame(rows, columns=["confidence", "proposals", "mean confidence", "right"])


def cause_table(score: Score) -> str:
    lines = [f"{count:>5}  {cause}" for cause, count in score.causes.most_common() if " via " not in cause]
    missed = [
        f"{count:>5}    {cause.removeprefix('missed via ')}"
        for cause, count in score.causes.most_common()
        if cause.startswith("missed via ")
    ]
    rules = [
        f"{count:>5}    {cause}"
        for cause, count in score.causes.most_common()
        if " via " in cause and not cause.startswith("missed via ")
    ]
    return "\n".join(
        lines
        + (["  missed positions, by what their sentence holds:", *missed] if missed else [])
        + (["  wrong rows, by the rule that named the holder:", *rules] if rules else [])
    )


# --- the data sets ---------------------------------------------------------------------------------------


def seed_documents(tables: Tables):
    """(text, gold statements with actor ids, proposals) for each curated source."""
    for source_id, text in tables.texts.items():
        gold = tables.view[tables.view["source_id"] == source_id].reset_index(drop=True)
        main = gold["target_id"].value_counts().index[0] if len(gold) else ""
        yield source_id, text, gold, main


def corpus_listing(corpus_dir: Path) -> list[dict]:
    """The articles of a corpus folder: its corpus.csv, else every listing-*.csv in it."""
    corpus_dir = Path(corpus_dir)
    files = (
        [corpus_dir / "corpus.csv"]
        if (corpus_dir / "corpus.csv").exists()
        else sorted(corpus_dir.glob("listing-*.csv"))
    )
    if not files:
        raise ValueError(f"{corpus_dir}: no corpus.csv or listing-*.csv")
    listing = []
    for path in files:
        with open(path, encoding="utf-8", newline="") as handle:
            listing += list(csv.DictReader(handle))
    return sorted(listing, key=lambda entry: entry["file"])


def corpus_documents(corpus_dir: Path):
    """(name, text, gold rows with start/end) for each article listed in the corpus."""
    corpus_dir = Path(corpus_dir)
    for entry in corpus_listing(corpus_dir):
        text = (corpus_dir / entry["file"]).read_text(encoding="utf-8")
        gold = pd.read_csv(corpus_dir / entry["file"].replace(".txt", ".gold.csv"), dtype=str, keep_default_na=False)
        starts = [text.find(evidence) for evidence in gold["evidence"]]
        missing = [e for e, s in zip(gold["evidence"], starts) if s < 0]
        if missing:
            raise ValueError(f"{entry['file']}: gold evidence not found verbatim: {missing[0]!r}")
        gold = gold.assign(start=starts, end=[s + len(e) for s, e in zip(starts, gold["evidence"])])
        yield entry["file"], text, gold


def evaluate_seed(tables: Tables, *, story_id: str = "") -> tuple[Score, Score]:
    """(extractor, baseline) on every curated source of a story (of the seed story by default), actors
    matched by id. Each article is read as its story's would be: with the story's targets and actors."""
    from analysis.data import stories

    story_id = story_id or SEED_STORY
    story = tables.story(story_id)
    actors = stories.extraction_actors(tables, story_id)
    ours, baseline = [], []
    for source_id, text, gold, main in seed_documents(story):
        proposals = extract(text, actors=actors, targets=story.targets, main_target=main, source_id=source_id)
        ours.append(score(proposals, gold, by_id=True))
        baseline.append(score(vader_baseline(text, actors=actors, main_target=main), gold, by_id=True))
    return combine(ours), combine(baseline)


def corpus_proposals(corpus_dir: Path, *, min_confidence: float | None = None):
    """(name, text, gold, proposals, the proposals `extract` left out) per article of a corpus."""
    for name, text, gold in corpus_documents(corpus_dir):
        every = extract(text, main_target="main", min_confidence=min_confidence, left_out=True)
        out = every.pop("left_out")
        yield name, text, gold, every[~out].reset_index(drop=True), every[out].reset_index(drop=True)


def evaluate_corpus(corpus_dir: Path, *, min_confidence: float | None = None) -> tuple[Score, Score, dict[str, Score]]:
    """(extractor, baseline, extractor per article) on a gold corpus, actors matched by name."""
    ours, baseline, per_file = [], [], {}
    for name, text, gold, proposals, left_out in corpus_proposals(corpus_dir, min_confidence=min_confidence):
        per_file[name] = score(proposals, gold, by_id=False, left_out=left_out)
        ours.append(per_file[name])
        baseline.append(score(vader_baseline(text, main_target="main"), gold, by_id=False))
    return combine(ours), combine(baseline), per_file


def log_score(label: str, articles: int, result: Score, *, path: Path = SCORES_FILE) -> None:
    """One line per scoring in the repository's log, so that a regression shows in its history."""
    commit = (
        subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False
        ).stdout.strip()
        or "unknown"
    )
    new = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        if new:
            writer.writerow(SCORES_COLUMNS)
        writer.writerow(
            [
                dt.date.today().isoformat(),
                commit,
                label,
                articles,
                result.gold,
                result.proposals,
                f"{result.precision:.3f}",
                f"{result.recall:.3f}",
                f"{result.f1:.3f}",
                f"{result.stance_accuracy:.3f}",
            ]
        )
