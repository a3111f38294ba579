"""The stance of words that carry no stance cue, learned from annotated news: a multinomial logistic
regression over the words and word pairs of a statement (tf-idf weighted, words after a negation marked),
fitted on the gold statements of the blind corpus's dev splits, each as its evidence and as its sentence.

Why a model here and cues elsewhere: a cue ("welcomed", "condemned") names the stance, and the lexicon
reads it right 85% of the time on the dev splits. Words with no cue ('“Four dollars does not even cover the
rent,” she said') carry it in how a complaint or a hope is put, which no word list captures: VADER's tone
of them was right only 52% of the time on the same rows, near a coin flip between supportive and opposed.
The model learns it from about 4,400 statements whose stance a person annotated; tried on each dev split
with the model fitted on the others, it was right 68% of the time on those rows.

`python -m analysis evaluate --fit-words --corpus DEV ...` refits it (scikit-learn) and writes
`said_words.json`; reading it needs no scikit-learn: a prediction is a dot product per stance.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent / "said_words.json"
# whether a sentence states a view at all ("view") or is colour, fact or procedure ("none"): fitted on the
# dev splits' sentences, each annotated or not
VIEW_FILE = Path(__file__).resolve().parent / "said_view.json"
VIEW_THRESHOLD = 0.6  # on the dev splits, quoted sentences above it were annotated 56% of the time, below 26%
STRAIGHTENED = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
TOKEN = re.compile(r"[a-z']+|[.,;:!?\"]")
NEGATION = frozenset({"not", "no", "never", "n't", "cannot", "nobody", "nothing", "without", "neither", "nor"})
MIN_DOCUMENTS = 2  # a term seen in one statement only is a name or a typo more often than a judgment
REGULARISATION = 16.0  # scikit-learn's C: chosen by fitting on all dev splits but one and scoring the one left


def words(text: str) -> list[str]:
    """The statement's words, lower-cased, with every word after a negation and before the next
    punctuation marked ("does not even cover" → does, not, NOT_even, NOT_cover)."""
    lowered = text.translate(STRAIGHTENED).lower().replace("n't", " n't")
    marked, negated = [], False
    for token in TOKEN.findall(lowered):
        if not token[0].isalpha() and token != "'":
            negated = False
            continue
        marked.append(f"NOT_{token}" if negated else token)
        negated = negated or token in NEGATION
    return marked


def terms(text: str) -> list[str]:
    """Words and adjacent word pairs: the features the model weighs."""
    marked = words(text)
    return marked + [f"{a} {b}" for a, b in itertools.pairwise(marked)]


@dataclass(frozen=True)
class WordsModel:
    """A fitted model as lookups: each term's idf, and its weight for each stance."""

    stances: tuple[str, ...]
    intercepts: tuple[float, ...]
    idf: dict[str, float]
    weights: dict[str, tuple[float, ...]]

    @classmethod
    def of(cls, fitted: dict) -> WordsModel:
        """From what `fit` returns (and `said_words.json` holds)."""
        columns = [fitted["weights"][stance] for stance in fitted["stances"]]
        return cls(
            tuple(fitted["stances"]),
            tuple(fitted["intercepts"]),
            dict(zip(fitted["terms"], fitted["idf"])),
            {term: tuple(weights) for term, *weights in zip(fitted["terms"], *columns)},
        )


@functools.cache
def shipped(path: Path = MODEL_FILE) -> WordsModel | None:
    if not path.exists():
        return None
    return WordsModel.of(json.loads(path.read_text(encoding="utf-8")))


def term_counts(text: str) -> Counter:
    """How often each of the words' terms occurs: what both models read (`probabilities`' `counts`)."""
    return Counter(terms(text))


def probabilities(text: str, *, model: WordsModel | None = None, counts: Counter | None = None) -> dict[str, float]:
    """The model's probability of each stance for the words (or for their `term_counts`, when already
    counted); empty when no model has been fitted."""
    model = model or shipped()
    if model is None:
        return {}
    idf = model.idf
    # sublinear tf times idf, L2-normalised, as scikit-learn's TfidfVectorizer(sublinear_tf=True) computes it;
    # terms the model never saw are dropped after counting, which Counter does in C
    counted = term_counts(text) if counts is None else counts
    vector = {term: (1 + math.log(n)) * idf[term] for term, n in counted.items() if term in idf}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    scores = list(model.intercepts)
    weights = model.weights
    for term, value in vector.items():
        scaled = value / norm
        for k, weight in enumerate(weights[term]):
            scores[k] += scaled * weight
    top = max(scores)
    exponents = [math.exp(score - top) for score in scores]
    total = sum(exponents)
    return {stance: value / total for stance, value in zip(model.stances, exponents)}


def view_probability(text: str, *, model: WordsModel | None = None, counts: Counter | None = None) -> float:
    """How likely the words state a view, by the model of annotated sentences; 0 with no fitted model."""
    return probabilities(text, model=model or shipped(VIEW_FILE), counts=counts).get("view", 0.0)


def states_a_view(text: str, *, model: WordsModel | None = None) -> bool:
    """Do the words state a view, by the model of annotated sentences? False with no fitted model."""
    return view_probability(text, model=model) >= VIEW_THRESHOLD


def stance_of(text: str, *, model: WordsModel | None = None) -> tuple[str, float] | None:
    """The likeliest stance of the words and its probability, or None with no fitted model."""
    found = probabilities(text, model=model)
    if not found:
        return None
    stance = max(found, key=found.get)
    return stance, found[stance]


def fit(statements: list[tuple[str, str]], *, regularisation: float = REGULARISATION) -> dict:
    """Fit the model on (evidence, stance) pairs; the returned dict is what `said_words.json` holds."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(analyzer=terms, min_df=MIN_DOCUMENTS, sublinear_tf=True)
    matrix = vectoriser.fit_transform([text for text, _ in statements])
    classifier = LogisticRegression(C=regularisation, max_iter=5000)
    classifier.fit(matrix, [stance for _, stance in statements])
    vocabulary = vectoriser.get_feature_names_out()
    intercepts, coefficients = list(classifier.intercept_), list(classifier.coef_)
    if len(classifier.classes_) == 2:
        # two classes: scikit-learn keeps one row, the second class's log-odds against the first
        intercepts, coefficients = [0.0, *intercepts], [0 * coefficients[0], *coefficients]
    return {
        "fitted_on_statements": len(statements),
        "stances": [str(s) for s in classifier.classes_],
        "intercepts": [round(float(b), 4) for b in intercepts],
        "terms": [str(t) for t in vocabulary],
        "idf": [round(float(v), 3) for v in vectoriser.idf_],
        "weights": {str(s): [round(float(w), 3) for w in row] for s, row in zip(classifier.classes_, coefficients)},
    }


def write(model: dict, path: Path = MODEL_FILE) -> None:
    path.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    shipped.cache_clear()
