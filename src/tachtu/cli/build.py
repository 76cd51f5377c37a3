"""``tachtu build INPUT ... -o OUT``: crawled pages in, clean deduplicated segmented corpus out."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import sys
import threading
from contextlib import contextmanager

from tachtu.corpus.formats import INPUT_FORMATS, OUTPUT_FORMATS
from tachtu.segmenter import MODES
from tachtu.text.syllable import TONES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="build a corpus from crawled pages (datatrove pipeline)",
                       description="Read pages or documents (text, HTML, JSON Lines, WARC, Parquet; gzip/zstd), "
                       "clean, normalize, filter, deduplicate (exact + MinHash) and word-segment them into a "
                       "corpus in OUT. Killed runs resume where they stopped when started again with the same "
                       "arguments. See docs/corpus.md.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files or folders (local or fsspec URLs)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="lines",
                   help="lines: OUT/corpus.txt, one document per line; files: OUT/<ordinal>_<id>.txt; "
                        "jsonl: OUT/corpus.jsonl.gz with metadata; parquet: OUT/corpus.parquet")
    p.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                   help="input format (default: from each file's extension)")
    p.add_argument("--text-key", default="text", help="text field of JSONL/Parquet records (default: text)")
    p.add_argument("--id-key", default="id", help="id field of JSONL/Parquet records (default: id)")
    p.add_argument("--url-key", default="url", help="URL field of JSONL/Parquet records (default: url)")
    for step, what in (("clean", "page cleaning"), ("normalize", "Unicode/tone normalization"),
                       ("filter", "Vietnamese language and quality filter"), ("dedup", "exact dedup"),
                       ("near-dedup", "MinHash near-duplicate removal"), ("segment", "word segmentation")):
        p.add_argument(f"--no-{step}", action="store_true", help=f"skip {what}")
    p.add_argument("--mode", choices=MODES, default="default", help="segmentation mode")
    p.add_argument("--tone", choices=TONES, default="keep", help="tone-mark placement")
    p.add_argument("--thresholds", metavar="JSON", help="filter thresholds to override (JSON object; "
                   "see docs/corpus.md)")
    p.add_argument("--max-chars", type=int, default=2_000_000,
                   help="documents longer than this are dropped as too_long (default: 2,000,000)")
    p.add_argument("--workers", type=int, default=1, help="parallel tasks (default: 1)")
    p.add_argument("--executor", choices=("local", "ray", "slurm"), default="local",
                   help="datatrove executor (ray: needs `pip install tachtu[ray]`; slurm: submits jobs)")
    p.add_argument("--slurm-partition", help="Slurm partition (slurm executor)")
    p.add_argument("--slurm-time", default="24:00:00", help="Slurm time limit per job (default: 24:00:00)")
    p.add_argument("--keep-work", action="store_true", help="keep intermediate files in OUT/.tachtu")
    p.add_argument("--stats", metavar="FILE", help="also write the stats report to FILE (always in OUT/stats.json)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar; datatrove logs on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tachtu.corpus.plan import BuildOptions, load_thresholds
    from tachtu.corpus.run import build
    from tachtu.corpus.stats import format_report
    from tachtu.errors import InputError

    if args.workers < 1:
        raise InputError("--workers must be at least 1")
    executor_options = {}
    if args.executor == "slurm":
        executor_options = {"time": args.slurm_time, **({"partition": args.slurm_partition}
                                                        if args.slurm_partition else {})}
    if args.executor == "ray" and importlib.util.find_spec("ray") is None:
        raise InputError("--executor ray needs Ray: pip install 'tachtu[ray]'")
    opts = BuildOptions(clean=not args.no_clean, normalize=not args.no_normalize, filter=not args.no_filter,
                        dedup=not args.no_dedup, near_dedup=not args.no_near_dedup, segment=not args.no_segment,
                        mode=args.mode, tone=args.tone, format=args.format, input_format=args.input_format,
                        text_key=args.text_key, id_key=args.id_key, url_key=args.url_key,
                        max_chars=args.max_chars, workers=args.workers, executor=args.executor,
                        executor_options=executor_options, progress=not args.no_progress,
                        keep_work=args.keep_work)
    if args.thresholds:
        opts.thresholds = load_thresholds(args.thresholds)
    with _stop_on_signals() as stopped:
        try:
            report = build(args.inputs, args.output, opts)
        except _Stopped:
            print(f"tachtu build: stopped by {stopped[0].name}; finished tasks are kept in {args.output}/.tachtu "
                  "- run the same command again to resume", file=sys.stderr)
            return 128 + stopped[0]
    if "submitted" in report:
        print(f"submitted Slurm jobs for stages {', '.join(report['submitted'])}; logs in {report['logs']}. "
              "Run the same command again when they finish to collect the stats.", file=sys.stderr)
        return 0
    print(format_report(report), file=sys.stderr)
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=2)
    return 0 if report["accounted"] else 1


class _Stopped(BaseException):
    """Raised in the main process by SIGINT/SIGTERM (a BaseException: nothing may swallow it)."""


@contextmanager
def _stop_on_signals():
    """SIGINT/SIGTERM stop the build: the main process unwinds (datatrove's pool stops its workers,
    unfinished tasks have no completion mark and are redone on resume); a forked worker exits at
    once and quietly. Yields a list that receives the signal.

    Python swallows an exception raised where the signal happened to land in an after-fork hook, a
    finalizer or a ``__del__`` (it reports it as "Exception ignored" and goes on); the build would
    then run to its end as if never stopped. Such a swallowed stop is sent again until it lands
    in ordinary code."""
    main_pid, received, resend = os.getpid(), [], []

    def stop(signum, frame):
        if os.getpid() != main_pid:
            os._exit(128 + signum)
        if received and not resend:
            return  # already unwinding: let the clean-up finish
        received[:] = [signal.Signals(signum)]
        resend.clear()
        raise _Stopped

    def swallowed(unraisable):
        if isinstance(unraisable.exc_value, _Stopped) and os.getpid() == main_pid:
            resend.append(True)  # sent from a thread: a signal sent here would be handled here, and swallowed
            threading.Timer(0.01, os.kill, (main_pid, received[0])).start()
        else:
            saved_hook(unraisable)

    saved = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    saved_hook, sys.unraisablehook = sys.unraisablehook, swallowed
    try:
        yield received
    finally:
        sys.unraisablehook = saved_hook
        for sig, handler in saved.items():
            signal.signal(sig, handler)
