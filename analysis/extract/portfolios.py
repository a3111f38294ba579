"""A title's portfolio before a name ("Minister of Mining and Heavy Industry Batbayar Ganzorig"): where the
portfolio's capitalised words end and the person's name begins."""

from __future__ import annotations

import re

from analysis.extract.given_names import is_given_name
from analysis.extract.names import is_title
from analysis.extract.vocabulary import PORTFOLIO_WORDS as PORTFOLIO_WORDS

# "Minister of Mining and Heavy Industry Batbayar Ganzorig": a title with its portfolio before a name, whose
# capitalised words ("Heavy Industry") run on into the name
PORTFOLIO_BEFORE = re.compile(
    r"\b(?:Minister|Secretary|Commissioner|Director|Director-General|Chairman|Chairwoman|Chair|Head|Chief|Mayor)"
    r"(?:\s+of\s+State)?\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'\-]*,?\s+(?:and\s+|&\s+)?)*$"
)


def after_portfolio(words: list[str]) -> list[str]:
    """The person's name at the end of a portfolio's capitalised words: from the first given name the locales
    know ("Industry Batbayar Ganzorig" -> "Batbayar Ganzorig"), else after the words portfolios are made of
    ("Budget Aminata Ndiaye Sarr" -> "Aminata Ndiaye Sarr")."""
    given = next(
        (i for i in range(1, len(words) - 1) if is_given_name(words[i]) and words[i].lower() not in PORTFOLIO_WORDS),
        None,
    )
    if given is not None:
        # "Health Zweli Lawrence Mkhize": the name starts before a middle name the locales know
        while given > 1 and words[given - 1].lower() not in PORTFOLIO_WORDS and not is_title(words[given - 1]):
            given -= 1
        return words[given:]
    first = 0
    while len(words) - first > 2 and (words[first].lower() in PORTFOLIO_WORDS or is_title(words[first])):
        first += 1
    return words[first:]
