"""Bytes to text, with errors that name the source and the byte offset.

Every entry point that reads user files (CLI, cleaning, corpus readers) goes
through here, so invalid UTF-8 is reported the same way everywhere.

>>> decode(b"H\\xc3\\xa0 N\\xe1\\xbb\\x99i")
'Hà Nội'
>>> decode(b"ab\\xffcd", source="x.txt")
Traceback (most recent call last):
...
tachtu.errors.InputError: x.txt: byte 2: invalid UTF-8 (byte 0xff) (use --errors replace, or errors='replace', to replace it)
>>> decode(b"ab\\xffcd", errors="replace")
'ab\\ufffdcd'
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import BinaryIO

from tachtu.errors import InputError

ERRORS = ("strict", "replace")


def decode(data: bytes, source: str | None = None, errors: str = "strict", offset: int = 0) -> str:
    """Decode UTF-8 (a leading BOM is dropped); ``offset`` is added to reported positions."""
    if errors not in ERRORS:
        raise ValueError(f"errors must be one of {ERRORS}, not {errors!r}")
    try:
        return data.decode("utf-8-sig" if offset == 0 else "utf-8", errors)
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        raise InputError(f"invalid UTF-8 (byte 0x{bad}) (use --errors replace, or errors='replace', to replace it)",
                         source=source, position=offset + exc.start) from None


def iter_lines(stream: BinaryIO, source: str, errors: str = "strict") -> Iterator[str]:
    """Yield decoded lines without their line end, streaming; positions are file byte offsets."""
    offset = 0
    for raw in stream:
        line = decode(raw, source=source, errors=errors, offset=offset)
        offset += len(raw)
        yield line.rstrip("\r\n")


def open_input(path: str) -> tuple[BinaryIO, str]:
    """Open ``path`` for binary reading (``-`` is standard input); return the stream and its display name."""
    if path == "-":
        return sys.stdin.buffer, "<stdin>"
    try:
        return open(path, "rb"), path
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=path) from None
