"""User dictionaries: words the segmenter must keep whole, without retraining.

Entries are one word per line, syllables separated by spaces or ``_``; matching ignores
case and tone-mark placement. The longest entry starting at a position wins, and the
words around a match are split from it.

>>> d = UserDict(["trí tuệ nhân tạo"])
>>> d.apply(["Trí", "tuệ", "nhân", "tạo", "mới"], [True, False, True, False])
[True, True, True, False]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tachtu.errors import InputError
from tachtu.text.syllable import syllable_key
from tachtu.text.decode import decode


class UserDict:
    """A set of multi-syllable entries, indexed by first syllable."""

    def __init__(self, words: Iterable[str]):
        self.entries: set[tuple[str, ...]] = set()
        self.longest: dict[str, int] = {}
        for word in words:
            key = tuple(syllable_key(s) for s in word.replace("_", " ").split())
            if len(key) > 1:
                self.entries.add(key)
                self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    @classmethod
    def load(cls, source: str | Path | Iterable[str]) -> UserDict:
        """From a file path (UTF-8, one word per line, ``#`` comments) or an iterable of words."""
        if not isinstance(source, (str, Path)):
            return cls(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise InputError(exc.strerror or str(exc), source=str(source)) from None
        lines = decode(data, source=str(source)).splitlines()
        return cls(line for line in lines if line.strip() and not line.lstrip().startswith("#"))

    def __len__(self) -> int:
        return len(self.entries)

    def apply(self, tokens: list[str], joins: list[bool]) -> list[bool]:
        """Return ``joins`` with every entry found in ``tokens`` kept whole."""
        if not self.entries:
            return joins
        keys = [syllable_key(t) for t in tokens]
        joins = list(joins)
        i = 0
        while i < len(keys) - 1:
            limit = self.longest.get(keys[i], 0)
            for n in range(min(limit, len(keys) - i), 1, -1):
                if tuple(keys[i:i + n]) in self.entries:
                    joins[i:i + n - 1] = [True] * (n - 1)
                    if i > 0:
                        joins[i - 1] = False
                    if i + n - 1 < len(joins):
                        joins[i + n - 1] = False
                    i += n - 1
                    break
            i += 1
        return joins
