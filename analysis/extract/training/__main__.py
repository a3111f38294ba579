"""Rebuild the extractor's parsing model from the treebanks: `make model`, or

    python -m analysis.extract.training [--corpora ../shared/corpora] [--out analysis/extract/model]

It converts UD English EWT and the CC BY genres of GUM (CoNLL-U) to spaCy's format, trains a tagger and a
dependency parser with `parser.cfg` (a small CNN: 64-wide, 4 layers; on 2 cores about an hour), scores the
result on both treebanks' test splits, and writes the model with a README that credits the corpora and
states the scores. Everything runs offline.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
DEFAULT_OUT = HERE.parent / "model"
TREEBANKS = {
    "train": ("ud-english-ewt/en_ewt-ud-train.conllu", "gum-news-cc-by/gum-train.conllu"),
    "dev": ("ud-english-ewt/en_ewt-ud-dev.conllu", "gum-news-cc-by/gum-dev.conllu"),
    "test": ("ud-english-ewt/en_ewt-ud-test.conllu", "gum-news-cc-by/gum-test.conllu"),
}
README = """# The extractor's parsing model

A spaCy pipeline (tok2vec, tagger with Penn Treebank tags, transition-based dependency parser with
Universal Dependencies relations), trained by `make model` (`python -m analysis.extract.training`) with
`analysis/extract/training/parser.cfg`. No word vectors; {size_mb:.1f} MB.

## Accuracy on the treebanks' test splits (never used in training or model selection)

| test split | sentences | tag accuracy | UAS | LAS |
|---|---|---|---|---|
{rows}

## Trained on, and credited
- **UD English EWT** v2.15 (Universal Dependencies English Web Treebank; Silveira et al. 2014), train split.
  Licence: CC BY-SA 4.0. As a work derived from it, this model is shared under CC BY-SA 4.0.
- **UD English GUM**, only its CC BY 4.0 / public-domain genres (Wikinews news, interviews, biographies,
  Wikivoyage, OpenStax textbooks, political speeches; Zeldes 2017), train split. Licence: CC BY 4.0.

Development splits of both chose the checkpoint; test splits gave the scores above.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.extract.training",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder of the treebanks")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the model goes")
    parser.add_argument("--max-steps", type=int, default=None, help="override the config's training steps")
    parser.add_argument(
        "--trained", type=Path, default=None, help="skip training: score and install this already trained model folder"
    )
    args = parser.parse_args(argv)
    missing = [name for files in TREEBANKS.values() for name in files if not (args.corpora / name).exists()]
    if missing:
        print(f"Treebank files missing under {args.corpora}: {', '.join(missing)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        for split, files in TREEBANKS.items():
            (work / split).mkdir()
            for name in files:
                _spacy("convert", "--converter", "conllu", "-n", "10", str(args.corpora / name), str(work / split))
        overrides = ["--paths.train", str(work / "train"), "--paths.dev", str(work / "dev")]
        if args.max_steps:
            overrides += ["--training.max_steps", str(args.max_steps)]
        if args.trained is None:
            _spacy("train", str(HERE / "parser.cfg"), "--output", str(work / "out"), *overrides)
        best = args.trained or work / "out" / "model-best"
        scores = [
            _evaluate(best, work / "test" / Path(name).with_suffix(".spacy").name, args.corpora / name)
            for name in TREEBANKS["test"]
        ]
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(best, args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file()) / 1e6
    rows = "\n".join(
        f"| {s['name']} | {s['sentences']} | {s['tag_acc']:.1f} | {s['dep_uas']:.1f} | {s['dep_las']:.1f} |"
        for s in scores
    )
    (args.out / "README.md").write_text(README.format(size_mb=size, rows=rows), encoding="utf-8")
    print(f"Wrote {args.out} ({size:.1f} MB)")
    for s in scores:
        print(f"  {s['name']}: tags {s['tag_acc']:.1f}, UAS {s['dep_uas']:.1f}, LAS {s['dep_las']:.1f}")
    return 0


def _spacy(*arguments: str) -> None:
    subprocess.run([sys.executable, "-m", "spacy", *arguments], check=True)


def _evaluate(model: Path, data: Path, conllu: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "scores.json"
        subprocess.run(
            [sys.executable, "-m", "spacy", "evaluate", str(model), str(data), "--output", str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        result = json.loads(out.read_text(encoding="utf-8"))
    with open(conllu, encoding="utf-8") as handle:
        sentences = sum(1 for line in handle if line.startswith("# sent_id"))
    return {
        "name": conllu.parent.name,
        "sentences": sentences,
        "tag_acc": 100 * result["tag_acc"],
        "dep_uas": 100 * result["dep_uas"],
        "dep_las": 100 * result["dep_las"],
    }


if __name__ == "__main__":
    raise SystemExit(main())
