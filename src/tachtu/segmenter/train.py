"""Training the segmentation model from gold data (``tachtu train``).

The training sets follow two conventions; the model learns the VLSP/RDRsegmenter one
(``TP.`` ``HCM``, numbers and dates as the tokenizer makes them, names joined). UD-VTB's
number expressions (``100_triệu``, ``6_-_1999``, ``25_._000``, ``90_%``) are reconciled by
never joining across a number or punctuation token: such gold words are split at those
tokens, which is the VLSP convention. Tone placement is reconciled by the syllable key (:func:`tachtu.text.syllable.syllable_key`).

Case: a quarter of the sentences are added again in UPPER CASE and a quarter in Title Case,
with the case features neutralised as at inference, so headlines segment like running text;
an eighth again in lower case without punctuation, as informal text comes.

Raw text (``raw_stats``, off by default): binned statistics of syllable pairs counted in the
Wikipedia text of ``DATA/raw`` (:mod:`tachtu.segmenter.rawstats`) as extra features; on
held-out gold they gave no gain, so the shipped model does not use them.

The fit is L2-regularised logistic regression on hashed binary features (scipy L-BFGS), in
one thread. Training is deterministic: the same data and options give the same weights on any
machine, and the model records no date, so two runs write byte-identical files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from tachtu.segmenter.features import (PAIR_TEMPLATES, RESERVED, Batch, NgramTable, PairStats,
                                       Templates, TokenCoder, hash_entry)
from tachtu.segmenter.gold import read_segmented, syllables_and_joins
from tachtu.segmenter.lexicon import NAME_SOURCES, SOURCES, load_dictionaries, load_name_flags
from tachtu.segmenter.model import Model
from tachtu.segmenter.rawstats import RAW_SOURCES, count_syllables, pair_bins, raw_texts
from tachtu.segmenter.silver import SilverSet
from tachtu.text.syllable import syllable_key
from tachtu.threads import one_thread


@dataclass(frozen=True)
class GoldSet:
    """A slice of a gold file (1-based inclusive line numbers) and its licence."""

    path: str
    licence: str
    first: int = 1
    last: int | None = None
    weight: float = 1.0
    adapt: bool = False

    def read(self, data_dir: Path) -> list[list[str]]:
        return read_segmented(data_dir / self.path, self.first, self.last)

    def describe(self) -> str:
        span = "" if self.first == 1 and self.last is None else f" lines {self.first}-{self.last}"
        return f"{self.path}{span} ({self.licence})"


TRAINING_SETS = (
    GoldSet("ws/vlsp-sample.txt", "Apache-2.0", 1, 2279),   # documents 0-96
    GoldSet("ws/uts-wscorpus-sample.txt", "Apache-2.0"),
    GoldSet("ws/udvtb-train.txt", "CC BY-SA 4.0", adapt=True),
    GoldSet("ws/udvtb-dev.txt", "CC BY-SA 4.0", adapt=True),
)


@dataclass
class TrainOptions:
    """Hyper-parameters (defaults build the shipped model)."""

    bits: int = 20
    max_n: int = 5
    l2: float = 1.0
    iterations: int = 300
    case_augment: bool = True
    informal_augment: bool = True  # measured on held-out UD-VTB dev: README "How the segmenter works"
    silver: int = 30_000  # silver sentences (:mod:`tachtu.segmenter.silver`); 0 for none
    adapt_l2: float = 0.3  # pull of the first fit's weights in the fit to the ``adapt`` sets
    raw_stats: bool = False  # measured: no gain on held-out gold (README "How the segmenter works")
    pair_templates: tuple[tuple[str, ...], ...] = PAIR_TEMPLATES
    sets: tuple[GoldSet, ...] = field(default=TRAINING_SETS)


def _case_variants(examples: list[tuple]) -> list[tuple]:
    """UPPER CASE copies of every fourth example and Title Case ones of the next but one;
    an example is ``(words, *attributes)`` and the copy keeps the attributes."""
    out = []
    for i, (words, *attributes) in enumerate(examples):
        if i % 4 == 0:
            out.append(([w.upper() for w in words], *attributes))
        elif i % 4 == 2:
            out.append((["_".join(s[:1].upper() + s[1:] for s in w.split("_")) for w in words],
                        *attributes))
    return out


def _informal_variants(examples: list[tuple]) -> list[tuple]:
    """Lower-case copies without punctuation tokens of every eighth example (the second), as
    chat, comments and subtitles come; ``(words, weight, adapt)``, never in the adaptation fit
    (which the formal UD-VTB sentences are for)."""
    out = []
    for words, weight, _ in examples[1::8]:
        kept = [w.lower() for w in words if any(c.isalnum() for c in w)]
        if kept:
            out.append((kept, weight, False))
    return out


def _build_vocab(sentences: list[list[str]], dictionaries: dict[str, list[list[str]]],
                 flags: dict[str, int]) -> list[str]:
    keys: set[str] = set(flags)
    for words in sentences:
        for word in words:
            for syllable in word.split("_"):
                if any(c.isalpha() for c in syllable):
                    keys.add(syllable_key(syllable))
                elif not any(c.isdigit() for c in syllable):
                    keys.add(syllable)  # punctuation is its own vocabulary entry
    for entries in dictionaries.values():
        for entry in entries:
            keys.update(entry)
    return list(RESERVED) + sorted(keys - set(RESERVED))


def _fit(index: np.ndarray, labels: np.ndarray, weights: np.ndarray, dim: int, l2: float,
         iterations: int, prior: np.ndarray | None = None) -> np.ndarray:
    """L2-regularised logistic regression on binary hashed features, examples weighted;
    the penalty pulls towards ``prior`` (default: zero)."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    rows = np.repeat(np.arange(len(index)), index.shape[1])
    x = csr_matrix((np.ones(index.size, dtype=np.float64), (rows, index.ravel())),
                   shape=(len(index), dim))
    xt = x.T.tocsr()
    y = labels.astype(np.float64)
    w0 = np.zeros(dim) if prior is None else prior.astype(np.float64)

    def loss(w):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        d = w - w0
        value = weights @ (np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * d @ d
        return value, xt @ (weights * (p - y)) + l2 * d

    result = minimize(loss, w0.copy(), jac=True, method="L-BFGS-B",
                      options={"maxiter": iterations})
    return result.x.astype(np.float32)


def _dictionary_table(dictionaries: dict[str, list[list[str]]], ids: dict[str, int]
                      ) -> tuple[np.ndarray, np.ndarray]:
    """All entries as sorted n-gram hashes, each with the bitmask of the groups holding it."""
    masks: dict[int, int] = {}
    for bit, entries in enumerate(dictionaries.values()):
        for entry in entries:
            h = hash_entry([ids[s] for s in entry])
            masks[h] = masks.get(h, 0) | (1 << bit)
    keys = np.array(sorted(masks), dtype=np.uint64)
    return keys, np.array([masks[int(k)] for k in keys], dtype=np.uint8)


@lru_cache(maxsize=2)
def _raw_pair_bins(data_dir: Path) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """Bins of the syllable pairs of the raw text (cached: counting takes a minute)."""
    return pair_bins(*count_syllables(raw_texts(data_dir)))


def _pair_table(bins: dict[tuple[str, str], tuple[int, int, int, int]], ids: dict[str, int]
                ) -> PairStats:
    """The pairs of vocabulary syllables by hash, the most frequent last (it wins a shared slot)."""
    known = sorted((b[3], ids[x], ids[y], b) for (x, y), b in bins.items() if x in ids and y in ids)
    return PairStats.build([(hash_entry([i, j]), PairStats.pack(b)) for _, i, j, b in known])


def _per_gap(values: list, split: list[tuple[list[str], list[bool]]], batch: Batch) -> np.ndarray:
    """One value per sentence spread over the sentence's gaps (``batch.gaps`` order)."""
    padded = np.zeros(len(batch.ids), dtype=np.asarray(values).dtype)
    padded[batch.positions] = np.repeat(values, [len(syllables) for syllables, _ in split])
    return padded[batch.gaps]


def train(data_dir: str | Path, options: TrainOptions | None = None) -> Model:
    """Train a model from ``data_dir`` (the shared ``data`` folder with ``ws/``, ``dict/``, ``raw/``)."""
    options = options or TrainOptions()
    data_dir = Path(data_dir)
    sources = options.sets + ((SilverSet(options.silver),) if options.silver else ())
    read = [(words, source.weight, source.adapt) for source in sources
            for words in source.read(data_dir) if words]
    examples = read + (_case_variants(read) if options.case_augment else []) + (
        _informal_variants(read) if options.informal_augment else [])
    sentences = [words for words, _, _ in examples]
    dictionaries = load_dictionaries(data_dir / "dict")
    name_flags = load_name_flags(data_dir / "dict")
    vocab = _build_vocab(sentences, dictionaries, name_flags)
    ids = {key: i for i, key in enumerate(vocab)}
    flags = np.zeros(len(vocab), dtype=np.uint8)
    for key, bit in name_flags.items():
        flags[ids[key]] |= bit
    keys, groups = _dictionary_table(dictionaries, ids)
    stats = (_pair_table(_raw_pair_bins(data_dir), ids) if options.raw_stats
             else PairStats(np.zeros(0, dtype=np.uint16)))
    split = [syllables_and_joins(words) for words in sentences]
    coder = TokenCoder(ids, {i: int(f) for i, f in enumerate(flags) if f})
    batch = Batch.of_sentences(coder, [syl for syl, _ in split])
    joins = np.zeros(len(batch.ids), dtype=bool)
    joins[batch.positions] = [j for _, sentence_joins in split for j in [*sentence_joins, False]]
    labels = joins[batch.gaps]
    templates = Templates(options.max_n, options.pair_templates if options.raw_stats else ())
    codes = templates.hashes(templates.components(batch, NgramTable(keys, groups), stats))
    index = (codes >> np.uint64(64 - options.bits)).astype(np.intp).T
    gap_weights = _per_gap([w for _, w, _ in examples], split, batch)
    adapt = _per_gap([a for _, _, a in examples], split, batch)
    with one_thread("scipy.optimize", "scipy.sparse"):
        weights = _fit(index, labels, gap_weights, 1 << options.bits, options.l2, options.iterations)
        if adapt.any():
            weights = _fit(index[adapt], labels[adapt], gap_weights[adapt], 1 << options.bits,
                           options.adapt_l2, options.iterations, prior=weights)
    meta = {
        "training_data": [g.describe() for g in sources],
        "adapted_to": [g.describe() for g in sources if g.adapt],
        "raw_text": ([f"{n} ({lic})" for n, lic in RAW_SOURCES]
                     if options.raw_stats or options.silver else []),
        "raw_statistics": (f"{int(np.count_nonzero(stats.table))} syllable pairs seen >= 3 times: "
                           "PMI, P(next | syllable), P(previous | syllable) and count, 4-bit bins"
                           if options.raw_stats else "none"),
        "dictionaries": {group: [f"{n} ({lic})" for n, lic in files] for group, files in SOURCES.items()},
        "name_lists": [f"{n} ({lic})" for n, lic in NAME_SOURCES],
        "licence": "CC BY-SA 4.0 (trained on UD Vietnamese-VTB, Wiktionary headwords and Wikipedia "
                   "text; attribution in README)",
        "sentences": len(read), "examples": len(examples), "gaps": int(len(batch.gaps)),
        "pair_templates": [list(t) for t in templates.pair_templates],
        "options": {"bits": options.bits, "max_n": options.max_n, "l2": options.l2,
                    "iterations": options.iterations, "case_augment": options.case_augment,
                    "informal_augment": options.informal_augment,
                    "silver": options.silver, "adapt_l2": options.adapt_l2,
                    "raw_stats": options.raw_stats},
    }
    return Model(vocab, flags, keys, groups, stats.table, weights, options.bits, options.max_n, meta)
