"""``tachtu train``: rebuild the segmentation model from the gold data, reproducibly."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from tachtu.segmenter.train import TrainOptions

    d = TrainOptions()
    p = sub.add_parser("train", help="train the segmentation model",
                       description="Train tachtu's segmentation model on the gold data in "
                       "DATA/ws, the word lists in DATA/dict and silver sentences of the Wikipedia "
                       "text in DATA/raw (the shared data folder). The defaults rebuild the "
                       "shipped model.")
    p.add_argument("--data", required=True, help="the data folder (with ws/ and dict/)")
    p.add_argument("-o", "--output", required=True, help="model file to write (.npz)")
    p.add_argument("--bits", type=int, default=d.bits, help="log2 of the feature table size")
    p.add_argument("--l2", type=float, default=d.l2, help="L2 regularisation strength")
    p.add_argument("--iterations", type=int, default=d.iterations, help="L-BFGS iterations")
    p.add_argument("--no-case-augment", action="store_true",
                   help="do not add UPPER/Title Case copies of training sentences")
    p.add_argument("--no-informal-augment", action="store_true",
                   help="do not add lower-case copies without punctuation of training sentences")
    p.add_argument("--silver", type=int, default=d.silver, metavar="N",
                   help="sentences of DATA/raw segmented by the vncorenlp mode to train on "
                   "(distillation; 0 for none)")
    p.add_argument("--adapt-l2", type=float, default=d.adapt_l2,
                   help="pull towards the first fit in the second fit on UD-VTB")
    p.add_argument("--raw-stats", action="store_true",
                   help="add features from syllable-pair statistics of DATA/raw (Wikipedia); "
                   "measured no gain on held-out gold, so off by default")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    import scipy.optimize  # noqa: F401 - the 'train' extra, checked before the data are read
    import threadpoolctl  # noqa: F401

    from tachtu.errors import InputError
    from tachtu.segmenter.train import TrainOptions, train

    if not (Path(args.data) / "ws").is_dir():
        raise InputError("no ws/ folder with gold data here", source=args.data)
    options = TrainOptions(bits=args.bits, l2=args.l2, iterations=args.iterations,
                           case_augment=not args.no_case_augment,
                           informal_augment=not args.no_informal_augment, silver=args.silver,
                           adapt_l2=args.adapt_l2, raw_stats=args.raw_stats)
    try:
        model = train(args.data, options)
        model.save(args.output)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=exc.filename or args.data) from None
    print(f"wrote {args.output}: {model.meta['sentences']} sentences, {model.meta['gaps']} gaps")
    return 0
