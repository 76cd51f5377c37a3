"""The statistical part: how much a line reads like article prose, and where the densest block is.

A line's score (0..1) combines its length, the density of Vietnamese stop-words (function
words are frequent in running text and rare in menus, titles and link lists), sentence
punctuation, and the share of capitalised or numeric tokens. The densest block is the run
of lines with the largest total weight (Kadane's maximum subarray, as in Finn et al.'s
Body Text Extraction), where a line weighs its length times how far its score is from 0.5.

>>> prose = "Thượng tướng Hứa Kỳ Lượng hoan nghênh đoàn đại biểu quân sự cấp cao Việt Nam thăm Trung Quốc, đồng thời bày tỏ cám ơn Bộ Quốc phòng Việt Nam đã ủng hộ và tham dự diễn đàn."
>>> line_score(prose) > 0.9, line_score("Trang chủ Thời sự Thế giới Kinh tế") < 0.5
(True, True)
>>> densest_block([-2.0, 5.0, -1.0, 4.0, -6.0, 3.0])
(1, 4, 8.0)
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from importlib import resources

import regex

from tachtu.text.syllable import SENTENCE_FINALS

_SYLLABLE = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?|\d+(?:[.,]\d+)*")
_CAPITAL = regex.compile(r"(?<![\p{L}\p{M}'’])\p{Lu}")
_NUMBER = regex.compile(r"(?<![\p{L}\p{M}\d.,])\d")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """jusText's Vietnamese stop-list (``data/vi-stopwords.txt``), case-folded."""
    text = resources.files("tachtu.cleaning").joinpath("data/vi-stopwords.txt").read_text("utf-8")
    return frozenset(w.strip().casefold() for w in text.splitlines() if w.strip())


def features(text: str) -> dict[str, float]:
    """The measurements behind :func:`line_score` (useful when tuning or auditing)."""
    head = text[:20000]
    tokens = _SYLLABLE.findall(unicodedata.normalize("NFC", head).casefold())  # NFD text scores as NFC
    n = len(tokens) or 1
    numeric = len(_NUMBER.findall(head))
    stripped = text.rstrip()
    return {
        "tokens": float(len(tokens)),
        "stop_density": sum(map(stopwords().__contains__, tokens)) / n,
        "capitalised": len(_CAPITAL.findall(head)) / ((len(tokens) - numeric) or 1),
        "numeric": numeric / n,
        "commas": float(head.count(",") + head.count(";")),
        "sentence_end": float(stripped.endswith((*SENTENCE_FINALS, ".)"))),
    }


def line_score(text: str, f: dict[str, float] | None = None) -> float:
    """How much ``text`` reads like article prose, from 0 (chrome) to 1 (running text).

    ``f`` are the line's :func:`features` if already computed.
    """
    f = f or features(text)
    length = min(f["tokens"], 40.0) / 40.0
    z = (-2.6 + 3.0 * length + 5.0 * min(f["stop_density"], 0.5) + 1.2 * f["sentence_end"]
         + 0.3 * min(f["commas"], 3.0) - 1.6 * f["capitalised"] - 2.0 * f["numeric"])
    return 1.0 / (1.0 + math.exp(-z))


def line_weight(text: str, score: float | None = None) -> float:
    """A line's weight in the densest-block search: its length times (score - 0.5), doubled."""
    score = line_score(text) if score is None else score
    return min(len(text.split()), 60) * (2.0 * score - 1.0)


def densest_block(weights: list[float]) -> tuple[int, int, float]:
    """The run ``[start, end)`` with the largest weight sum, and that sum (Kadane's algorithm)."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for i, w in enumerate(weights):
        if total <= 0:
            start, total = i, 0.0
        total += w
        if total > best[2]:
            best = (start, i + 1, total)
    return best
