"""``tachtu segment``: word-segment files or standard input, one output line per input line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import nullcontext

from tachtu.cli.options import add_encoding_option
from tachtu.segmenter import MODES
from tachtu.text.syllable import TONES

FORMATS = ("text", "json", "conll")
BATCH_CHARS = 200_000  # lines are segmented in batches of about this many characters


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("segment", help="word-segment text (files or stdin)",
                       description="Word-segment Vietnamese text. Reads FILEs (or stdin), writes "
                       "one output line per input line (or per sentence with --sentences).")
    p.add_argument("files", nargs="*", metavar="FILE", help="input files ('-' or none: stdin)")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text: words joined by '_'; json: one object per line with words and "
                        "offsets; conll: one word per line (word, start, end), blank line "
                        "between sentences")
    p.add_argument("--mode", choices=MODES, default="default",
                   help="default: tachtu's model; vncorenlp: byte-identical VnCoreNLP output")
    p.add_argument("--tone", choices=TONES, default="keep", help="tone-mark placement")
    p.add_argument("--sentences", action="store_true", help="one output line per sentence")
    p.add_argument("--dict", metavar="FILE", help="user dictionary: one word per line, kept whole")
    p.add_argument("--model", metavar="PATH", help="model file (default: the shipped model)")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="invalid UTF-8: stop with an error naming file, line, column and byte "
                        "(strict) or replace it with U+FFFD")
    add_encoding_option(p)
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def _stream_line(segmenter, line: str, sentences: bool, out) -> None:
    """Write one huge line's output sentence by sentence, so memory stays bounded."""
    for i, sentence in enumerate(segmenter.iter_segment(line, sentences=True)):
        out.write(sentence + "\n" if sentences else (" " if i else "") + sentence)
    if not sentences:
        out.write("\n")


def _json(name: str, number: int, sentences) -> str:
    return json.dumps({"file": name, "line": number,
                       "sentences": [[[w.text, w.start, w.end] for w in s] for s in sentences]},
                      ensure_ascii=False)


def _conll(sentences) -> str:
    return "".join("".join(f"{w.text}\t{w.start}\t{w.end}\n" for w in s) + "\n" for s in sentences)


def _write_batch(segmenter, batch: list[str], args: argparse.Namespace, name: str, number: int,
                 out) -> None:
    """Write the output of ``batch``, lines ``number + 1`` ... of file ``name``."""
    if args.format == "text" and len(batch[0]) >= BATCH_CHARS:  # a huge line comes alone: stream it
        _stream_line(segmenter, batch[0], args.sentences, out)
    elif args.format == "text":
        out.writelines(f"{line}\n" for line in segmenter.segment_batch(batch, args.sentences))
    elif args.format == "json":
        out.writelines(_json(name, number + i, sentences) + "\n"
                       for i, sentences in enumerate(segmenter.sentences_batch(batch), 1))
    else:
        out.writelines(map(_conll, segmenter.sentences_batch(batch)))


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from tachtu import Segmenter
    from tachtu.cli.output import open_output
    from tachtu.errors import InputError
    from tachtu.segmenter import batches
    from tachtu.text.decode import iter_lines, open_input

    try:
        segmenter = Segmenter(mode=args.mode, tone=args.tone, user_dict=args.dict, model=args.model)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    with open_output(args.output) as out:
        for path in args.files or ["-"]:
            stream, name = open_input(path)
            progress = tqdm(total=_size(path), unit="B", unit_scale=True, desc=name, leave=False,
                            disable=args.no_progress or path == "-" or not sys.stderr.isatty())
            number = 0  # lines of this file written so far
            with stream if path != "-" else nullcontext():
                for batch in batches(iter_lines(stream, name, args.errors, args.encoding), BATCH_CHARS):
                    _write_batch(segmenter, batch, args, name, number, out)
                    number += len(batch)
                    if not progress.disable:
                        progress.update(stream.tell() - progress.n)
            progress.close()
    return 0


def _size(path: str) -> int | None:
    return os.path.getsize(path) if path != "-" and os.path.isfile(path) else None
