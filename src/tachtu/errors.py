"""Errors a user can cause. The CLI prints them as one line and exits non-zero."""

from __future__ import annotations


class TachtuError(Exception):
    """Base class of every error tachtu raises on purpose."""


class InputError(TachtuError):
    """Input that cannot be processed; names the source and the position.

    >>> str(InputError("invalid UTF-8", source="a.txt", position=17))
    'a.txt: byte 17: invalid UTF-8'
    """

    def __init__(self, message: str, source: str | None = None, position: int | None = None,
                 unit: str = "byte"):
        self.source = source
        self.position = position
        parts = [p for p in (source, None if position is None else f"{unit} {position}") if p]
        super().__init__(": ".join([*parts, message]))


class EncodingError(InputError):
    """Bytes that are not UTF-8 but most likely text in another encoding, named by
    ``encoding`` (a value of ``--encoding``)."""

    def __init__(self, message: str, encoding: str, **where):
        self.encoding = encoding
        super().__init__(message, **where)


class ModelError(TachtuError):
    """A model file is missing, malformed or of an unknown version."""
