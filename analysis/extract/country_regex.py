"""The country table's names, demonyms and capitals, and the prefix-tree regex that matches any of many
words (country names, capitals, the gazetteer's aliases) quickly."""

from __future__ import annotations

import csv
import functools
import re

from analysis.data.countries import COUNTRIES_FILE


@functools.cache
def countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(name -> alpha3, demonym -> alpha3, capital -> alpha3) from the shipped country table."""
    names, demonyms, capitals = {}, {}, {}
    with open(COUNTRIES_FILE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for target, column in ((names, "names"), (demonyms, "demonyms"), (capitals, "capitals")):
                for value in filter(None, row[column].split("|")):
                    target.setdefault(value, row["alpha3"])
    return names, demonyms, capitals


def alternation(words) -> str:
    """A regex for any of `words`, trying longer words first, written as a prefix tree: Python's re tries
    a flat alternation's hundreds of country names one by one at every word, a tree only the few that
    share the letters read so far. The words matching at one place are prefixes of one another, so
    "longest first" is the same as "extend before stopping", which the tree's greedy `?` does."""
    tree: dict = {}
    for word in set(words):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _tree_regex(tree)


def _tree_regex(node: dict) -> str:
    branches = []
    for ch, child in sorted(node.items()):
        if not ch:
            continue
        run = [ch]
        # A run of letters with no branch and no word end is written in one go, not one call per letter:
        # a very long name (a 5,000-letter "word") would otherwise exceed Python's recursion limit.
        while len(child) == 1 and "" not in child:
            ((ch, child),) = child.items()
            run.append(ch)
        branches.append(re.escape("".join(run)) + _tree_regex(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def capital_names() -> frozenset[str]:
    """The capitals the country table knows: "the government in Lima" is Peru's, "in Peshawar" a province's."""
    return frozenset(countries()[2])
