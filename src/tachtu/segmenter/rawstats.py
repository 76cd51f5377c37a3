"""Syllable statistics from raw (unsegmented) text, computed at training time only.

Raw text says which syllables tend to go together even where no gold data or word list
does: a pair that occurs far more often than its two syllables would by chance (high
pointwise mutual information), or whose first syllable is almost always followed by the
second, is likely one word. :func:`count_syllables` counts syllables and adjacent pairs in
runs of alphabetic tokens separated by single spaces (punctuation, digits and line ends
break a run), keyed by :func:`~tachtu.text.syllable.syllable_key`; :func:`pair_bins`
turns the counts into small integer bins, which the model uses as features
(:class:`~tachtu.segmenter.features.PairStats`).

>>> unigrams, pairs = count_syllables(["Hà Nội, Hà Nội mùa thu.", "hà nội 2019"])
>>> unigrams["hà"], pairs[("hà", "nội")], pairs.get(("nội", "hà"), 0)
(3, 3, 0)
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from tachtu.text.syllable import syllable_key

# Raw text used (relative to the data folder) and its licence.
RAW_SOURCES = [("raw/viwiki17-articles.jsonl.gz", "CC BY-SA 3.0"),
               ("raw/viwiki19-articles.jsonl.gz", "CC BY-SA 3.0")]
MIN_PAIR_COUNT = 3  # rarer pairs say little and would only crowd the table

_RUN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)+")


def raw_texts(data_dir: Path) -> Iterator[str]:
    """The ``text`` of every document of :data:`RAW_SOURCES`, in file order."""
    for name, _licence in RAW_SOURCES:
        with gzip.open(data_dir / name, "rt", encoding="utf-8") as f:
            for line in f:
                yield json.loads(line).get("text", "")


def count_syllables(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """Counts of syllable keys and of adjacent key pairs, over runs of spaced words."""
    keys: dict[str, str] = {}
    unigrams: Counter = Counter()
    pairs: Counter = Counter()
    for text in texts:
        for run in _RUN.findall(text):
            tokens = run.split(" ")
            for t in tokens:
                if t not in keys:
                    keys[t] = syllable_key(t)
            run_keys = [keys[t] for t in tokens]
            unigrams.update(run_keys)
            pairs.update(zip(run_keys, run_keys[1:]))
    return unigrams, pairs


def _bin(value: float, low: float, step: float) -> int:
    """``value`` in bins 1..15 of width ``step`` from ``low`` (0 means: not seen)."""
    return min(15, max(1, 1 + int(math.floor((value - low) / step))))


def pair_bins(unigrams: Counter, pairs: Counter) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """For every pair seen :data:`MIN_PAIR_COUNT` times or more: bins of its PMI,
    of P(second | first), of P(first | second) and of its count (log scales)."""
    total = sum(unigrams.values()) or 1
    out = {}
    for (a, b), n in pairs.items():
        if n < MIN_PAIR_COUNT:
            continue
        pmi = math.log2(n * total / (unigrams[a] * unigrams[b]))
        out[(a, b)] = (_bin(pmi, -3.0, 1.0), _bin(math.log2(n / unigrams[a]), -14.0, 1.0),
                       _bin(math.log2(n / unigrams[b]), -14.0, 1.0), _bin(math.log2(n), 1.0, 1.0))
    return out
