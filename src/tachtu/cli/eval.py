"""``tachtu eval``: word-level precision, recall, F1 and the commonest errors against gold data."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score a segmentation against gold data",
                       description="Score predicted segmentation against gold (one sentence per "
                       "line, syllables of a word joined by '_'). Either give the predictions "
                       "(--pred) or a model to run on the gold text (--model).")
    p.add_argument("--gold", required=True, help="gold file")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--pred", help="predicted file, line-aligned with the gold file")
    what.add_argument("--model", help="a model file, 'default' (the shipped model) or "
                                      "'vncorenlp' (the compatible mode)")
    p.add_argument("--lines", metavar="FIRST:LAST", help="only these gold lines (1-based, inclusive)")
    p.add_argument("--top", type=int, default=10, help="how many error types to list")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tachtu.cli.output import open_output
    from tachtu.errors import InputError
    from tachtu.evaluate import evaluate_files

    first, _, last = (args.lines or "1:").partition(":")
    try:
        scores = evaluate_files(args.gold, pred=args.pred, model=args.model,
                                first=int(first or 1), last=int(last) if last else None)
    except (OSError, ValueError) as exc:
        raise InputError(str(exc)) from None
    with open_output(None) as out:
        _report(scores, args, out)
    return 0


def _report(scores, args: argparse.Namespace, out) -> None:
    figures = scores.as_dict(args.top)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2), file=out)
        return
    print(f"sentences {scores.sentences}  gold words {scores.gold}  predicted words {scores.predicted}",
          file=out)
    print(f"precision {100 * scores.precision:.2f}  recall {100 * scores.recall:.2f}  "
          f"F1 {100 * scores.f1:.2f}  sentence accuracy {100 * scores.sentence_accuracy:.2f}", file=out)
    if scores.repaired:
        print(f"sentences with characters changed but not their number (tone placement, case), "
              f"mapped back onto the gold: {scores.repaired}", file=out)
    if scores.misaligned:
        print(f"misaligned sentences (different characters): {scores.misaligned}", file=out)
    print("most frequent errors:", file=out)
    for error, count in figures["top_errors"]:
        print(f"  {count:5d}  {error}", file=out)
