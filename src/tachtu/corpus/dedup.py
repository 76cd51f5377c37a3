"""Deduplication settings that keep Vietnamese diacritics.

datatrove's default MinHash text normalization (``TextNormConfig``) removes every
combining mark, so "ma", "má", "mà", "mả", "mã", "mạ" become one shingle token and
unrelated Vietnamese texts look alike. We keep datatrove's stages and pass it our
normalization instead: its config with ``norm_unicode_diacritics=False`` plus a
:class:`VietnameseWordTokenizer` that folds only what should not matter — Unicode
form (NFC/NFD), tone-mark placement (``hoà``/``hòa``), case, punctuation, spacing.

>>> dedup_key("Hoà  bình.\\n") == dedup_key("hòa bình")
True
>>> dedup_key("ma") == dedup_key("má")
False
>>> VietnameseWordTokenizer().word_tokenize("Thuỷ  điện HÒA Bình")
['thủy', 'điện', 'hòa', 'bình']
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from itertools import chain

import numpy as np
import xxhash

from datatrove.data import Document
from datatrove.pipeline.dedup.exact_dedup import ExactDedupConfig
from datatrove.pipeline.dedup.minhash import MinhashConfig, MinhashDedupBuckets, MinhashDedupSignature
from datatrove.utils.hashing import HashConfig
from datatrove.utils.text import TextNormConfig, simplify_text
from datatrove.utils.word_tokenizers import WordTokenizer

from tachtu.text.syllable import syllable_key

#: datatrove's normalization minus the steps that strip diacritics and turn every number into 0
#: (bot-written pages share their wording and differ in names and numbers: distinct facts).
DIACRITIC_KEEPING_NORM = TextNormConfig(norm_unicode_diacritics=False, norm_numbers=False)


@lru_cache(maxsize=1 << 18)
def _fold_token(token: str) -> tuple[str, ...]:
    return tuple(syllable_key(simplify_text(token, DIACRITIC_KEEPING_NORM), "new").split())


def dedup_words(text: str) -> list[str]:
    """The words dedup compares: datatrove's simplification (case, punctuation, spacing), then each
    word's :func:`~tachtu.text.syllable.syllable_key`, new-style.

    Done token by token through a cache (the same words as on the whole text: every step works
    within a whitespace-separated token); a corpus repeats its tokens, and simplifying and
    folding whole texts was the slowest part of the signatures."""
    return list(chain.from_iterable(map(_fold_token, text.lower().split())))


def dedup_key(text: str) -> str:
    """The text two documents must share to be exact duplicates (case, spacing, punctuation ignored)."""
    return " ".join(dedup_words(text))


def document_key(doc: Document) -> bytes:
    """:func:`dedup_key` of a document's text, UTF-8 (datatrove's ``content_getter``)."""
    return dedup_key(doc.text).encode("utf-8")


class VietnameseWordTokenizer(WordTokenizer):
    """Whitespace syllables as syllable keys (new style); the shingle units for MinHash."""

    def __init__(self):
        super().__init__("vie")

    def word_tokenize(self, text: str) -> list[str]:
        return syllable_key(text, "new").split()

    def sent_tokenize(self, text: str) -> list[str]:
        return [line for line in text.split("\n") if line.strip()]

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        for line in text.split("\n"):
            if line.strip():
                spans.append((start, start + len(line)))
            start += len(line) + 1
        return spans


def minhash_config(n_grams: int = 5, num_buckets: int = 25, hashes_per_bucket: int = 4,
                   seed: int = 1) -> MinhashConfig:
    """MinHash with diacritics kept: 5-gram shingles (as FineWeb-2), 25 bands of 4 hashes.

    The bands are more sensitive than FineWeb-2's 14 x 8 so that a page cut to 70 % (5-gram
    Jaccard about 0.67) becomes a candidate with probability 0.99 (14 x 8: 0.44);
    :class:`~tachtu.corpus.duplicates.ClusterDuplicates` then drops the candidates that are not
    duplicates. Shingles are hashed with SHA-1: datatrove's xxhash path passes ``str`` to xxhash,
    which xxhash >= 4 rejects.
    """
    return MinhashConfig(n_grams=n_grams, num_buckets=num_buckets, hashes_per_bucket=hashes_per_bucket,
                         seed=seed, norm_config=replace(DIACRITIC_KEEPING_NORM),
                         hash_config=HashConfig(hash_fc="sha1", precision=64))


_MERSENNE_PRIME = np.uint64((1 << 61) - 1)  # the modulus of datatrove's MinHash permutations
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant for combining word hashes


class VietnameseMinhashSignature(MinhashDedupSignature):
    """datatrove's MinHash stage 1 with :class:`VietnameseWordTokenizer` and fast shingle hashing.

    Same n-gram shingles as the parent class, hashed by :func:`shingles`.
    """

    def __init__(self, output_folder, config: MinhashConfig | None = None, **kwargs):
        super().__init__(output_folder, config or minhash_config(), language=VietnameseWordTokenizer(), **kwargs)

    def min_hashes(self, shingles: np.ndarray) -> np.ndarray:
        """datatrove's :meth:`get_signature` as one flat array (bands one after another), without its lists."""
        a, b = self.parameters
        return np.min((shingles * a + b) % _MERSENNE_PRIME, axis=0).astype(self.config.hash_config.np_dtype)

    def get_shingles(self, text: str) -> np.ndarray:
        return shingles(word_hashes(self.word_tokenizer.word_tokenize(simplify_text(text, self.config.norm_config))),
                        self.config.n_grams)


@lru_cache(maxsize=1 << 18)
def _word_hash(word: str) -> int:
    return xxhash.xxh64_intdigest(word.encode())


class MinhashBands(MinhashDedupBuckets):
    """datatrove's MinHash stage 2 for any number of tasks: task ``rank`` of ``world_size`` runs
    bands ``rank, rank + world_size, ...`` one after another. datatrove wants one task per band
    (25), and on a local executor the start-up of 25 tasks cost more than their work."""

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        for band in range(rank, self.config.num_buckets, world_size):
            super().run(data, band, self.config.num_buckets)


def word_hashes(words: list[str]) -> np.ndarray:
    """xxh64 of each word (cached: words repeat)."""
    return np.fromiter(map(_word_hash, words), np.uint64, len(words))


def shingles(hashes: np.ndarray, n: int) -> np.ndarray:
    """Hashes of the word n-grams, shape ``(count, 1)``: each word hashed once, n-grams combined by numpy
    (SHA-1 over every joined n-gram string in Python made signatures the slowest step)."""
    count = len(hashes) - n + 1
    if count <= 0:
        return np.empty((0, 1), dtype=np.uint64)
    out = hashes[:count].copy()
    for k in range(1, n):
        out = out * _MIX + hashes[k:k + count]
    return out.reshape((-1, 1))


def exact_dedup_config() -> ExactDedupConfig:
    """Exact duplicates: same :func:`dedup_key` (64-bit xxhash of it)."""
    return ExactDedupConfig(content_getter=document_key,
                            hash_config=HashConfig(hash_fc="xxhash", precision=64))
