"""Evaluative words from a principled source: the VADER sentiment lexicon (Hutto & Gilbert 2014, about
7,500 words and idioms rated by ten people each from -4 to +4), mapped onto the stance scale.

The mapping, for a word that `data/lexicon.csv` does not list (the stance cues there come first):
- valence >= +1.5: supportive ("hopeful", "jubilant", "congratulate");
- valence <= -1.5: opposed ("unfair", "disappointed", "disastrous"); never condemning, which needs an
  explicit cue of hostility (lexicon.csv: "condemn", "an act of aggression", ...);
- anything weaker carries no stance on its own.
Only verbs and adjectives count anywhere; nouns count inside quoted words ("“a disgrace”"), since a noun in
the writer's own words ("the war", "the crisis") names the news rather than judges it.

A holder with no cue at all (a reporting verb and quoted words): the stance comes from the words model
(`said_words`); the tone of what they said (VADER's compound score of the quoted or reported words) still
decides whether a quoted sentence is telling enough to stand as a row of its own (`passages`), and gives
the stance only where no words model has been fitted (>= +0.3 supportive, <= -0.3 opposed, otherwise
supportive).
"""

from __future__ import annotations

import functools
import re

from analysis.extract.lexicon import Cue
from analysis.extract.stance import Decision
from analysis.extract.wording import GREETING

WORD_THRESHOLD = 1.5
TONE_THRESHOLD = 0.3
WORD = re.compile(r"[A-Za-z][a-z'’\-]+")
EVALUATIVE_TAGS = frozenset({"JJ", "JJR", "JJS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
# Words VADER rates that describe or report rather than judge in news: "likely to", "a special session",
# "the greater Dublin area", "free to set fees", "clear", "true", "like a refrigerator", "Justice Oh", "the
# dynamic adoption of EU law"
DESCRIPTIVE = frozenset(
    {"likely", "special", "greater", "free", "freely", "clear", "clearly", "true", "like", "justice", "dynamic"}
    # what the news is about, whose valence says nothing of the speaker's view: "the ban", "will pay for it"
    | {"ban", "bans", "banned", "banning", "pay", "pays", "paid", "paying", "approved"}
)
# "said retired people “would have nothing left”": loss and deprivation, in words VADER does not rate
DEPRIVATION = re.compile(
    r"\b(?:nothing|nobody|no one|no longer|none|never|nowhere|no (?:choice|way|plan|future|money|income|jobs?|"
    r"home|say|option|options|warning|hope))\b",
    re.IGNORECASE,
)
NEGATORS = frozenset({"no", "not", "never", "nothing", "nobody", "none", "without", "neither", "nor", "cannot"})


@functools.cache
def _analyser():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def word_valence(word: str) -> float:
    """VADER's valence of a word, trying its base form for inflections VADER does not list."""
    lexicon = _analyser().lexicon
    word = word.lower().replace("’", "'")
    if word in NEGATORS or word in DESCRIPTIVE:
        return 0.0
    for form in _forms(word):
        if form in lexicon:
            return float(lexicon[form])
    return 0.0


def _forms(word: str):
    yield word
    for suffix, replacement in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("s", ""),
        ("es", ""),
        ("ly", ""),
        ("ation", "e"),
        ("ion", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            yield word[: -len(suffix)] + replacement


def word_cue(word: str, tag: str, *, quoted: bool) -> Cue | None:
    """The stance cue a word is by its valence alone, or None."""
    if tag not in EVALUATIVE_TAGS and not (quoted and tag in ("NN", "NNS")):
        return None  # a proper name ("Grand Rapids") is no judgment, whatever its words
    return _word_cue(word.lower())


@functools.lru_cache(maxsize=65536)
def _word_cue(word: str) -> Cue | None:
    valence = word_valence(word)
    if valence >= WORD_THRESHOLD:
        return Cue(word.lower(), "supportive", 1, "vader")
    if valence <= -WORD_THRESHOLD:
        return Cue(word.lower(), "opposed", 1, "vader")
    return None


# VADER strips only ASCII punctuation from a word's edges and knows negations as "don't": curly quotes would
# hide '“terrible”' and "don’t like" from it
STRAIGHTENED = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


def tone(words: str) -> float:
    return _analyser().polarity_scores(words.translate(STRAIGHTENED))["compound"]


def quote_stance(text: str, spans: list[tuple[int, int]]) -> Decision:
    """The stance of words with no cue: their tone, and the strongest word as what the reviewer is shown."""
    spoken = " ".join(text[a:b] for a, b in spans)
    compound = tone(_without_names(GREETING.sub("", spoken)))  # "Good morning and welcome" is manners
    stance = "supportive" if compound >= TONE_THRESHOLD else "opposed" if compound <= -TONE_THRESHOLD else "supportive"
    best, best_span = 0.0, (spans[0][0], spans[0][0]) if spans else (0, 0)
    for a, b in spans:
        for match in WORD.finditer(text, a, b):
            if _in_a_name(text, match.start()):
                continue
            valence = abs(word_valence(match.group()))
            if valence > best:
                best, best_span = valence, match.span()
    cue = text[best_span[0] : best_span[1]] if best and stance != "neutral" else ""
    return Decision(stance, cue, best_span[0], best_span[1] if cue else best_span[0], 0.0, compound)


def deprived(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether quoted words with no rated word speak of loss ("would have nothing left to sell")."""
    return any(DEPRIVATION.search(text, a, b) for a, b in spans)


# A capitalised word inside a sentence is part of a name: "the Foreign Terrorist Organization", "Human Rights
# Watch", "the Good Friday Agreement" say nothing of anyone's stance
NAME_WORD_INSIDE = re.compile(r"(?<=[\w,;:)’'] )[A-Z][\w'’\-]*")


def _without_names(words: str) -> str:
    return NAME_WORD_INSIDE.sub("", words)


def _in_a_name(text: str, start: int) -> bool:
    return (
        text[start : start + 1].isupper()
        and start >= 2
        and text[start - 1] == " "
        and (text[start - 2].isalnum() or text[start - 2] in ",;:)’'")
    )
