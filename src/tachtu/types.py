"""The small value types that cross module borders: tokens and words.

Offsets are always into the caller's ORIGINAL string, whatever normalization
was applied to produce ``text``.

>>> t = Token("Hà", 0, 2, "word")
>>> w = Word("Hà_Nội", 0, 6)
>>> (t.end - t.start, w.text.split("_"))
(2, ['Hà', 'Nội'])
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
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


@dataclass(slots=True)
class TokenColumns:
    """A run of tokens stored as columns (parallel lists) rather than one object per token.

    The segmenter works on columns because they cost a few list appends per token; the
    :class:`Token` objects of the public API are made from them only when asked for.
    ``stops`` are the indices of the tokens that may end a sentence (abbreviations, and
    ``.``, ``!``, ``?``, ``…`` and runs of them) and ``line_starts`` those of the tokens
    right after a line break, both ascending.

    >>> run = TokenColumns(["Hà", "Nội", "."], [0, 3, 6], [2, 6, 7], ["word", "word", "punct"], [2])
    >>> run.tail(1).texts, run.tail(1).stops, len(run.tail(1) + run)
    (['Nội', '.'], [1], 5)
    """

    texts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    stops: list[int] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)

    def __add__(self, other: TokenColumns) -> TokenColumns:
        n = len(self.texts)
        return TokenColumns(self.texts + other.texts, self.starts + other.starts,
                            self.ends + other.ends, self.kinds + other.kinds,
                            self.stops + [i + n for i in other.stops],
                            self.line_starts + [i + n for i in other.line_starts])

    def tail(self, first: int) -> TokenColumns:
        """The tokens from index ``first`` on."""
        return TokenColumns(self.texts[first:], self.starts[first:], self.ends[first:],
                            self.kinds[first:], _shifted(self.stops, first),
                            _shifted(self.line_starts, first))

    def tokens(self, first: int = 0, stop: int | None = None) -> list[Token]:
        """The tokens ``first`` to ``stop`` as :class:`Token` objects."""
        return list(map(Token, self.texts[first:stop], self.starts[first:stop],
                        self.ends[first:stop], self.kinds[first:stop]))


def _shifted(indices: list[int], first: int) -> list[int]:
    return [i - first for i in indices[bisect_left(indices, first):]]
