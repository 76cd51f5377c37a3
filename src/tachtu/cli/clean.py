"""``tachtu clean``: crawled pages (text or HTML) to their article text.

Each FILE (or every file under a DIR, recursively, in name order) is one page. With one page,
the output is the article alone; with several, text output puts a ``==> name <==`` header
before each article (as ``head`` does) and JSON output is one object per line with the file
name. A page that cannot be read is reported on stderr (one line) and the others go on; the
exit status is then 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator

from tachtu.cli.options import add_encoding_option

FORMATS = ("text", "json")
MAX_PAGE_BYTES = 64 * 1024 * 1024  # a page larger than this is refused rather than read into memory


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clean", help="extract the article from crawled pages (text or HTML)",
                       description="Extract the article (title, lead, body, captions, by-line) from "
                       "crawled Vietnamese pages, given as page text or HTML (recognised by content).")
    p.add_argument("paths", nargs="*", metavar="FILE|DIR", help="pages or folders of pages ('-' or none: stdin)")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text: the kept article lines, title first, text unchanged; json: the whole "
                        "document (roles, date, source line, dropped lines with reasons)")
    p.add_argument("--one-line", action="store_true", help="the article on one line (corpus shape)")
    p.add_argument("--segment", action="store_true", help="word-segment the article text")
    p.add_argument("--mode", choices=("default", "vncorenlp"), default="default",
                   help="segmentation mode for --segment")
    p.add_argument("--input", choices=("auto", "text", "html"), default="auto",
                   help="page format (default: recognise HTML by content)")
    p.add_argument("--rules", action="store_true",
                   help="the line rules and the densest block alone, without the line classifier")
    p.add_argument("--errors", choices=("strict", "replace"), default="replace",
                   help="undecodable bytes: replace with U+FFFD and report them (replace, the "
                        "default) or stop with an error naming file and byte (strict)")
    add_encoding_option(p)
    p.set_defaults(func=run)


def _pages(paths: list[str]) -> Iterator[str]:
    for path in paths or ["-"]:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                yield from (os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
        else:
            yield path


def _read(path: str) -> tuple[bytes, str]:
    from tachtu.errors import InputError
    from tachtu.text.decode import open_input

    stream, name = open_input(path)
    try:
        data = stream.read(MAX_PAGE_BYTES + 1)
    finally:
        if path != "-":
            stream.close()
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"page larger than {MAX_PAGE_BYTES} bytes", source=name)
    return data, name


def run(args: argparse.Namespace) -> int:
    from tachtu.cleaning import clean
    from tachtu.cli.output import open_output
    from tachtu.errors import TachtuError
    from tachtu.text.decode import decode

    segmenter = None
    if args.segment:
        from tachtu import Segmenter

        segmenter = Segmenter(mode=args.mode)
    pages = list(_pages(args.paths))
    several = len(pages) > 1
    status = 0
    with open_output(args.output) as out:
        for path in pages:
            try:
                data, name = _read(path)
                if args.encoding:
                    data = decode(data, name, args.errors, encoding=args.encoding)
                doc = clean(data, source=name, format=args.input, errors=args.errors, model=not args.rules)
            except TachtuError as exc:
                print(f"tachtu: error: {exc}", file=sys.stderr)
                status = 2
                continue
            for problem in doc.problems:
                print(f"tachtu: warning: {name}: {problem}", file=sys.stderr)
            text = doc.text
            if segmenter is not None and text:
                text = segmenter.segment(text)  # line by line, so words never join across paragraphs
            if args.one_line:
                text = " ".join(text.splitlines())
            if args.format == "json":
                record = {"file": name, **doc.to_dict(), "text": text}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            if several:
                out.write(f"==> {name} <==\n")
            if text:
                out.write(text + "\n")
            elif several or doc.reason:
                print(f"tachtu: {name}: {doc.reason}", file=sys.stderr)
    return status
