"""Leave-one-set-out cross-validation of the segmentation model over all shared training gold.

For each gold set of ``TRAINING_SETS`` a model is trained, with the shipped options, on the
others and scored on it, as is and lower-cased without punctuation tokens (as informal text
comes). The sets differ in source and convention, so this measures how the model carries
over to text unlike its training data; the shipped model is trained on all of them.
``--raw-stats`` does the same with the raw-text pair features (to compare the two).

Usage::

    python benchmarks/segment_cv.py [--data ../shared/data] [--raw-stats] [--out benchmarks/results]

Writes ``segment_cv[_raw].json`` and ``.md`` into ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_segment import spoken  # noqa: E402


def fold(data: Path, held: int, raw_stats: bool, tmp: Path) -> dict:
    """Train without set ``held``; its F1 as is and in the informal variant."""
    from tachtu.evaluate import predict, score
    from tachtu.segmenter.train import TRAINING_SETS, TrainOptions, train

    sets = tuple(g for i, g in enumerate(TRAINING_SETS) if i != held)
    path = tmp / f"fold{held}.npz"
    train(data, TrainOptions(sets=sets, raw_stats=raw_stats)).save(path)
    gold = [s for s in TRAINING_SETS[held].read(data) if s]
    out = {"held_out": TRAINING_SETS[held].describe(), "sentences": len(gold)}
    for name, sentences in (("f1", gold), ("f1_informal", [spoken(s) for s in gold])):
        out[name] = score(sentences, predict(sentences, str(path))).f1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--raw-stats", action="store_true")
    parser.add_argument("--out", default=str(REPO / "benchmarks" / "results"))
    args = parser.parse_args()
    from tachtu.segmenter.train import TRAINING_SETS

    with tempfile.TemporaryDirectory() as tmp:
        folds = [fold(Path(args.data), i, args.raw_stats, Path(tmp)) for i in range(len(TRAINING_SETS))]
        for f in folds:
            print(f"  {f['held_out']}: F1 {100 * f['f1']:.2f}", file=sys.stderr)
    report = {"raw_stats": args.raw_stats, "load_average": os.getloadavg(), "folds": folds,
              "mean_f1": sum(f["f1"] for f in folds) / len(folds)}
    name = "segment_cv_raw" if args.raw_stats else "segment_cv"
    lines = [f"Leave-one-set-out cross-validation, raw-text features {'on' if args.raw_stats else 'off'} "
             f"(load average {' '.join(f'{x:.1f}' for x in report['load_average'])}).", "",
             "| held-out set | sentences | word F1 | lower case, no punctuation |", "|---|---:|---:|---:|"]
    lines += [f"| {f['held_out']} | {f['sentences']:,} | {100 * f['f1']:.2f} | "
              f"{100 * f['f1_informal']:.2f} |" for f in folds]
    lines += [f"| mean of the sets | | {100 * report['mean_f1']:.2f} | |"]
    out = Path(args.out)
    (out / f"{name}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    (out / f"{name}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
