"""Text -> proposed statements: sentences (spaCy), actors, stance cues (data/lexicon.csv), targets.
Offline and rule-based, so every proposal can be explained by its cue and evidence span."""

from analysis.extract.batch import extract_many
from analysis.extract.core import PROPOSAL_COLUMNS, extract

__all__ = ["PROPOSAL_COLUMNS", "extract", "extract_many"]
