"""The small value types that cross module borders: tokens and words.

Offsets are always into the caller's ORIGINAL string, whatever normalization
was applied to produce ``text``.

>>> t = Token("Hà", 0, 2, "word")
>>> w = Word("Hà_Nội", 0, 6)
>>> (t.end - t.start, w.text.split("_"))
(2, ['Hà', 'Nội'])
"""

from __future__ import annotations

from typing import NamedTuple


class Token(NamedTuple):
    """One token: its (normalized) text, its span in the original input, its kind.

    ``kind`` is one of the names in :data:`tachtu.text.tokenize.KINDS`
    (``word``, ``number``, ``punct``, ``url`` ...).
    """

    text: str
    start: int
    end: int
    kind: str


class Word(NamedTuple):
    """A segmented word: syllables joined by ``_``, and its span in the original input."""

    text: str
    start: int
    end: int
