"""The common nouns that name a person ("driver", "midwife", "reporter"), learned from the typed entities of
GUM's CC BY genres (its MISC column marks each mention's span and type): `make model` runs

    python -m analysis.extract.training.person_nouns [--corpora ../shared/corpora]

and writes `analysis/extract/person_nouns.txt`. A noun is kept when GUM's train and dev splits head at least
two mentions with it, and at least 70% of them are people. The extractor reads the list to tell one unnamed
person who speaks ("One lender said", "said one woman") from a thing ("a commitment of ten years").
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPORA = HERE.parents[2].parent / "shared" / "corpora"
OUT = HERE.parent / "person_nouns.txt"
SPLITS = ("gum-news-cc-by/gum-train.conllu", "gum-news-cc-by/gum-dev.conllu")
MIN_MENTIONS = 2
MIN_SHARE = 0.7
# "(12-person-new-…" opens mention 12 of a type; "12)" closes it; "(12-person-…)" is a one-word mention
BRACKET = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")


def sentences(lines: Iterator[str]) -> Iterator[list[list[str]]]:
    """A CoNLL-U file's sentences, each a list of its word lines' columns (no multi-word or empty nodes)."""
    sentence: list[list[str]] = []
    for line in lines:
        line = line.rstrip("\n")
        if not line:
            if sentence:
                yield sentence
            sentence = []
        elif not line.startswith("#"):
            columns = line.split("\t")
            if columns[0].isdigit():
                sentence.append(columns)
    if sentence:
        yield sentence


def mentions(sentence: list[list[str]]) -> Iterator[tuple[int, int, str]]:
    """(first, last, type) of each entity mention that opens and closes within the sentence."""
    opened: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k, columns in enumerate(sentence):
        entity = re.search(r"Entity=([^|]*)", columns[9])
        for found in BRACKET.finditer(entity.group(1) if entity else ""):
            number, kind, closed, closing = found.groups()
            if closing is not None:
                if opened[closing]:
                    first, kind = opened[closing].pop()
                    yield first, k, kind
            elif closed:
                yield k, k, kind
            else:
                opened[number].append((k, kind))


def head_kinds(lines: Iterator[str]) -> dict[str, Counter]:
    """For each common noun (lower-cased lemma), the types of the mentions it heads."""
    kinds: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences(lines):
        for first, last, kind in mentions(sentence):
            span = range(first, last + 1)
            heads = [k for k in span if int(sentence[k][6]) - 1 not in span]
            if len(heads) == 1 and sentence[heads[0]][4] in ("NN", "NNS"):
                kinds[sentence[heads[0]][2].lower()][kind] += 1
    return kinds


def person_nouns(kinds: dict[str, Counter]) -> list[str]:
    return sorted(
        noun
        for noun, counted in kinds.items()
        if counted["person"] >= MIN_MENTIONS and counted["person"] >= MIN_SHARE * sum(counted.values())
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.extract.training.person_nouns", description=__doc__)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder of the treebanks")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    kinds: dict[str, Counter] = defaultdict(Counter)
    for name in SPLITS:
        with open(args.corpora / name, encoding="utf-8") as lines:
            for noun, counted in head_kinds(lines).items():
                kinds[noun].update(counted)
    nouns = person_nouns(kinds)
    header = "# people's common nouns, from GUM's typed entities: python -m analysis.extract.training.person_nouns\n"
    args.out.write_text(header + "\n".join(nouns) + "\n", encoding="utf-8")
    print(f"Wrote {args.out} ({len(nouns)} nouns)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
