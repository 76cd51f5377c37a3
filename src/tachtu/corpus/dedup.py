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

from datatrove.data import Document
from datatrove.pipeline.dedup.exact_dedup import ExactDedupConfig
from datatrove.pipeline.dedup.minhash import MinhashConfig
from datatrove.utils.hashing import HashConfig
from datatrove.utils.text import TextNormConfig, simplify_text
from datatrove.utils.word_tokenizers import WordTokenizer

import tachtu

#: datatrove's normalization minus the step that strips diacritics.
DIACRITIC_KEEPING_NORM = TextNormConfig(norm_unicode_diacritics=False)
_ETH = str.maketrans("Ðð", "Đđ")  # Icelandic eth typed for đ (seen in Vietnamese Wikipedia)


def fold(text: str) -> str:
    """NFC, new-style tone placement, ``Ð``→``Đ``: the forms that spell the same word."""
    return tachtu.normalize(text.translate(_ETH), tone="new")


def dedup_key(text: str) -> str:
    """The text two documents must share to be exact duplicates (case, spacing, punctuation ignored)."""
    return " ".join(fold(simplify_text(text, DIACRITIC_KEEPING_NORM)).split())


def document_key(doc: Document) -> bytes:
    """:func:`dedup_key` of a document's text, UTF-8 (datatrove's ``content_getter``)."""
    return dedup_key(doc.text).encode("utf-8")


class VietnameseWordTokenizer(WordTokenizer):
    """Whitespace syllables after :func:`fold`; the shingle units for MinHash."""

    def __init__(self):
        super().__init__("vie")

    def word_tokenize(self, text: str) -> list[str]:
        return fold(text).lower().split()

    def sent_tokenize(self, text: str) -> list[str]:
        return [line for line in text.split("\n") if line.strip()]

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        for line in text.split("\n"):
            if line.strip():
                spans.append((start, start + len(line)))
            start += len(line) + 1
        return spans


def minhash_config(n_grams: int = 5, num_buckets: int = 14, hashes_per_bucket: int = 8,
                   seed: int = 1) -> MinhashConfig:
    """FineWeb-2's MinHash setting (5-grams, 14 bands of 8, 64-bit hashes), diacritics kept.

    Shingles are hashed with SHA-1: datatrove's xxhash path passes ``str`` to xxhash,
    which xxhash >= 4 rejects.
    """
    return MinhashConfig(n_grams=n_grams, num_buckets=num_buckets, hashes_per_bucket=hashes_per_bucket,
                         seed=seed, norm_config=replace(DIACRITIC_KEEPING_NORM),
                         hash_config=HashConfig(hash_fc="sha1", precision=64))


def exact_dedup_config() -> ExactDedupConfig:
    """Exact duplicates: same :func:`dedup_key` (64-bit xxhash of it)."""
    return ExactDedupConfig(content_getter=document_key,
                            hash_config=HashConfig(hash_fc="xxhash", precision=64))
