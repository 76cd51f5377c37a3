"""Reading word-segmented text (``Bộ_trưởng Quốc_phòng ...``): gold data, predictions, training.

>>> syllables_and_joins(["Hà_Nội", "mùa", "thu"])
(['Hà', 'Nội', 'mùa', 'thu'], [True, False, False])
"""

from __future__ import annotations

from pathlib import Path


def read_segmented(path: str | Path, first: int = 1, last: int | None = None) -> list[list[str]]:
    """Sentences (lists of words) from a file of segmented lines; ``first``/``last`` are 1-based."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines[first - 1:last]]


def syllables_and_joins(words: list[str]) -> tuple[list[str], list[bool]]:
    """The syllables of a segmented sentence and, for each gap, whether it is inside a word."""
    syllables: list[str] = []
    joins: list[bool] = []
    for word in words:
        parts = [p for p in word.split("_") if p] or [word]
        if syllables:
            joins.append(False)
        syllables.extend(parts)
        joins.extend([True] * (len(parts) - 1))
    return syllables, joins
