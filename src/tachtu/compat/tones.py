"""VnCoreNLP's tone-mark normalisation (SPEC section 4): 16 two-character replacements.

Every replacement keeps the length (two characters become two), so character offsets are
the same before and after; only precomposed lower-case forms (and ``Ủy``) are touched.

>>> normalize = ToneNormalizer.load()
>>> normalize("Hòa bình, thủy lợi, Ủy ban, HÒA, Úy")
'Hoà bình, thuỷ lợi, Uỷ ban, HÒA, Úy'
"""

from __future__ import annotations

from tachtu.compat.resources import from_codepoints, read_tsv


class ToneNormalizer:
    """Moves tone marks to the old-style position used by the vocabulary and the rules."""

    def __init__(self, table: dict[str, str]):
        if any(len(k) != len(v) for k, v in table.items()):
            raise ValueError("tone replacements must keep the length")
        self.table = table
        self._pairs = tuple(table.items())

    @classmethod
    def load(cls) -> ToneNormalizer:
        """The 16 replacements of ``tone-normalization.tsv``."""
        return cls({from_codepoints(row["from_codepoints"]): from_codepoints(row["to_codepoints"])
                    for row in read_tsv("tone-normalization.tsv")})

    def __call__(self, text: str) -> str:
        """``text`` with every occurrence of a table key replaced.

        Plain ``str.replace`` per key: no replacement can create or destroy another key
        (SPEC section 4), so the order does not matter.
        """
        for old, new in self._pairs:
            if old in text:
                text = text.replace(old, new)
        return text
