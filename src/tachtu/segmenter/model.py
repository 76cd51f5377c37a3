"""The statistical segmentation model: a logistic classifier of gaps between word tokens.

Stored as one ``.npz`` file (no pickle): the vocabulary, syllable flags, the dictionary
tables (sorted n-gram hashes), the raw-text pair statistics table, the non-zero hashed
feature weights and a JSON metadata record (training data, statistics, licences, options). Loading takes a few milliseconds and the
model is read-only afterwards, so one instance is safely shared by many threads.
"""

from __future__ import annotations

import json
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from tachtu.errors import ModelError
from tachtu.segmenter.features import RESERVED, Batch, NgramTable, PairStats, Templates, TokenCoder

FORMAT_VERSION = 3
DEFAULT_MODEL = "segmenter.npz"


class Model:
    """Gap classifier: ``joins(texts, ends)`` says which adjacent tokens form one word."""

    def __init__(self, vocab: list[str], flags: np.ndarray, dict_keys: np.ndarray,
                 dict_groups: np.ndarray, pair_table: np.ndarray, weights: np.ndarray, bits: int,
                 max_n: int, meta: dict):
        self.vocab_list = vocab
        self.vocab = {key: i for i, key in enumerate(vocab)}
        self.flag_array = flags
        self.dictionaries = NgramTable(dict_keys, dict_groups)
        self.pair_stats = PairStats(pair_table)
        self.weights = weights
        self.bits = bits
        self.max_n = max_n
        self.meta = meta
        self.templates = Templates(max_n, meta["pair_templates"])
        self.coder = TokenCoder(self.vocab, {i: int(f) for i, f in enumerate(flags) if f})

    # -- inference -------------------------------------------------------------------------
    def feature_index(self, batch: Batch) -> np.ndarray:
        """Feature codes of every gap, masked into the weight table: ``(templates, gaps)``."""
        components = self.templates.components(batch, self.dictionaries, self.pair_stats)
        codes = self.templates.hashes(components)
        codes >>= np.uint64(64 - self.bits)
        return codes.view(np.intp)  # in place: the top bits fit any index type

    def scores(self, batch: Batch) -> np.ndarray:
        """Log-odds that each gap of ``batch.gaps`` is inside a word."""
        return self.weights[self.feature_index(batch)].sum(axis=0)

    def joins(self, texts: list[str], ends: list[int]) -> np.ndarray:
        """For sentences given as all their token texts and the end of each: ``joins[i]``
        is True when token ``i`` and ``i + 1`` are one word (never at a sentence end)."""
        batch = Batch(self.coder, texts, ends)
        padded = np.zeros(len(batch.ids), dtype=bool)
        if len(batch.gaps):
            padded[batch.gaps] = self.scores(batch) > 0
        return padded[batch.positions]

    # -- storage ---------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the model as a compressed ``.npz`` (only non-zero weights are stored).

        Written entry by entry with a fixed zip timestamp (``np.savez`` stamps the current
        time), so the same model always gives the same bytes."""
        nonzero = np.flatnonzero(self.weights).astype(np.uint32)
        meta = {**self.meta, "format": FORMAT_VERSION, "bits": self.bits, "max_n": self.max_n}
        arrays = {"vocab": np.array(self.vocab_list[len(RESERVED):]), "flags": self.flag_array,
                  "dict_keys": self.dictionaries.keys, "dict_groups": self.dictionaries.groups,
                  "pair_table": self.pair_stats.table, "weight_index": nonzero,
                  "weight_value": self.weights[nonzero].astype(np.float16),
                  "meta": np.array(json.dumps(meta, ensure_ascii=False))}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(entry, "w", force_zip64=True) as f:
                    np.lib.format.write_array(f, array, allow_pickle=False)

    @classmethod
    def load(cls, path: str | Path) -> Model:
        """Read a model written by :meth:`save`; raises :class:`ModelError` on a bad file."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                if meta.get("format") != FORMAT_VERSION:
                    raise ModelError(f"{path}: model format {meta.get('format')} is not "
                                     f"{FORMAT_VERSION}; rebuild it with `tachtu train`")
                bits = int(meta["bits"])
                weights = np.zeros(1 << bits, dtype=np.float32)
                weights[data["weight_index"]] = data["weight_value"].astype(np.float32)
                vocab = list(RESERVED) + data["vocab"].tolist()
                return cls(vocab, data["flags"], data["dict_keys"], data["dict_groups"],
                           data["pair_table"], weights, bits, int(meta["max_n"]), meta)
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot read model {path}: {exc}") from None


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model:
    """The model at ``path``, or the one shipped in the package; loaded once per process."""
    if path is not None:
        return Model.load(path)
    with resources.as_file(resources.files("tachtu.models") / DEFAULT_MODEL) as shipped:
        return Model.load(shipped)
