"""Where a sub-command writes: a file or standard output, with write errors as user errors.

A full disk, ``/dev/full`` or a closed pipe are not bugs: they become one line naming the
output (``tachtu: error: out.txt: cannot write: No space left on device``), exit status 2.
Reading errors are reported by :mod:`tachtu.text.decode`, so every ``OSError`` left inside
the block is about the output.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TextIO

from tachtu.errors import InputError


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """The output stream, ``path`` (UTF-8) or stdout, flushed and closed at the end."""
    name = path or "<stdout>"
    try:
        out = open(path, "w", encoding="utf-8") if path else sys.stdout
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=name) from None
    try:
        try:
            yield out
            out.flush()
        finally:
            if path:
                out.close()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _write_error(exc, path) from None


def flush_stdout() -> None:
    """Flush standard output now, so that a write error is reported, not ignored at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _write_error(exc, None) from None


def _write_error(exc: OSError, path: str | None) -> InputError:
    if path is None:
        discard_stdout()
    return InputError(f"cannot write: {exc.strerror or exc}", source=path or "<stdout>")


def discard_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
