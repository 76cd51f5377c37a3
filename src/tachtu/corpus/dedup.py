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

import numpy as np
import xxhash

from datatrove.data import Document, DocumentsPipeline
from datatrove.io import get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.dedup.exact_dedup import ExactDedupConfig
from datatrove.pipeline.dedup.minhash import MinhashConfig, MinhashDedupSignature
from datatrove.utils.hashing import HashConfig
from datatrove.utils.text import TextNormConfig, simplify_text
from datatrove.utils.word_tokenizers import WordTokenizer

import tachtu

#: datatrove's normalization minus the steps that strip diacritics and turn every number into 0
#: (bot-written pages share their wording and differ in names and numbers: distinct facts).
DIACRITIC_KEEPING_NORM = TextNormConfig(norm_unicode_diacritics=False, norm_numbers=False)
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


def minhash_config(n_grams: int = 5, num_buckets: int = 25, hashes_per_bucket: int = 4,
                   seed: int = 1) -> MinhashConfig:
    """MinHash with diacritics kept: 5-gram shingles (as FineWeb-2), 25 bands of 4 hashes.

    The bands are more sensitive than FineWeb-2's 14 x 8 so that a page cut to 70 % (5-gram
    Jaccard about 0.67) becomes a candidate with probability 0.99 (14 x 8: 0.44);
    :class:`VerifyCandidates` then removes the candidates that are not duplicates. Shingles are hashed with SHA-1:
    datatrove's xxhash path passes ``str`` to xxhash, which xxhash >= 4 rejects.
    """
    return MinhashConfig(n_grams=n_grams, num_buckets=num_buckets, hashes_per_bucket=hashes_per_bucket,
                         seed=seed, norm_config=replace(DIACRITIC_KEEPING_NORM),
                         hash_config=HashConfig(hash_fc="sha1", precision=64))


_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant for combining word hashes


class VietnameseMinhashSignature(MinhashDedupSignature):
    """datatrove's MinHash stage 1 with :class:`VietnameseWordTokenizer` and fast shingle hashing.

    Same n-gram shingles as the parent class; each word is hashed once (xxh64) and the n-gram
    hashes are combined with numpy instead of SHA-1 over every joined n-gram string in Python,
    which made signatures the slowest step of the pipeline.
    """

    def __init__(self, output_folder, config: MinhashConfig | None = None, **kwargs):
        super().__init__(output_folder, config or minhash_config(), language=VietnameseWordTokenizer(), **kwargs)

    def get_shingles(self, text: str) -> np.ndarray:
        words = self.word_tokenizer.word_tokenize(simplify_text(text, self.config.norm_config))
        n, count = self.config.n_grams, len(words) - self.config.n_grams + 1
        if count <= 0:
            return np.empty((0, 1), dtype=np.uint64)
        hashes = np.fromiter((xxhash.xxh64_intdigest(w.encode()) for w in words), np.uint64, len(words))
        shingles = hashes[:count].copy()
        for k in range(1, n):
            shingles = shingles * _MIX + hashes[k:k + count]
        return shingles.reshape((-1, 1))


class VerifyCandidates(PipelineStep):
    """Keep the MinHash candidate pairs that really are one text; write them for the cluster stage.

    Runs between datatrove's ``MinhashDedupBuckets`` and ``MinhashDedupCluster`` (one task):
    reads the ``.dups`` pairs, recomputes the shingles and word types of the documents
    involved, and keeps a pair when

    * the smaller document's shingles lie inside the larger one's (containment >=
      ``containment``, not Jaccard: a copy cut to 70 % or wrapped in boilerplate has
      containment 1.0 but Jaccard 0.7), and
    * not both documents say something the other does not: pages written from one template
      (bot articles: same sentences, another species name and year) have containment up to
      0.96, but each has its own names and numbers. A pair is refused when more than
      ``novelty`` of the smaller document's word types and at least one of the larger's
      are missing from the other.

    ``documents(rank)`` must yield task ``rank``'s documents exactly as the signature stage
    saw them (same order).
    """

    type = "🫂 - DEDUP"
    name = "🔎 tachtu verify MinHash candidates"

    def __init__(self, input_folder, output_folder, documents, config: MinhashConfig | None = None,
                 containment: float = 0.9, novelty: float = 0.01):
        super().__init__()
        self.input_folder = get_datafolder(input_folder)
        self.output_folder = get_datafolder(output_folder)
        self.documents = documents
        self.config = config or minhash_config()
        self.containment, self.novelty = containment, novelty

    def _pairs(self) -> dict[str, np.ndarray]:
        dtype = np.dtype([("f1", "<u4"), ("d1", "<u4"), ("f2", "<u4"), ("d2", "<u4")])
        out = {}
        for name in self.input_folder.list_files(glob_pattern="*.dups"):
            with self.input_folder.open(name, "rb") as f:
                out[name] = np.frombuffer(f.read(), dtype=dtype)
        return out

    def _profiles(self, needed: set[tuple[int, int]]) -> dict[tuple[int, int], tuple[np.ndarray, np.ndarray]]:
        """(sorted unique shingle hashes, sorted unique word-type hashes) of the needed documents."""
        signer = VietnameseMinhashSignature(self.output_folder, self.config)
        tokenizer = signer.word_tokenizer
        out = {}
        for rank in sorted({f for f, _ in needed}):
            for index, doc in enumerate(self.documents(rank)):
                if (rank, index) in needed:
                    words = tokenizer.word_tokenize(simplify_text(doc.text, self.config.norm_config))
                    types = np.unique(np.fromiter((xxhash.xxh64_intdigest(w.encode()) for w in words), np.uint64))
                    out[(rank, index)] = (np.unique(signer.get_shingles(doc.text)), types)
        return out

    def same_text(self, a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> bool:
        """Whether two profiles are one text (see the class documentation)."""
        (sa, ta), (sb, tb) = sorted((a, b), key=lambda p: len(p[1]))
        if not len(sa) or not len(sb):
            return False
        if len(np.intersect1d(sa, sb, assume_unique=True)) / min(len(sa), len(sb)) < self.containment:
            return False
        shared = len(np.intersect1d(ta, tb, assume_unique=True))
        return not ((len(ta) - shared) > self.novelty * len(ta) and len(tb) > shared)

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        pairs = self._pairs()
        needed = {(int(p[f]), int(p[d])) for arr in pairs.values() for p in arr for f, d in (("f1", "d1"), ("f2", "d2"))}
        with self.track_time():
            profiles = self._profiles(needed)
            for name, arr in pairs.items():
                keep = np.array([(int(p["f1"]), int(p["d1"])) in profiles and (int(p["f2"]), int(p["d2"])) in profiles
                                 and self.same_text(profiles[int(p["f1"]), int(p["d1"])],
                                                    profiles[int(p["f2"]), int(p["d2"])]) for p in arr], dtype=bool)
                self.stat_update("candidate_pairs", value=len(arr))
                self.stat_update("verified_pairs", value=int(keep.sum()))
                with self.output_folder.open(name, "wb") as f:
                    f.write(arr[keep].tobytes() if len(arr) else b"")
        yield from ()


def exact_dedup_config() -> ExactDedupConfig:
    """Exact duplicates: same :func:`dedup_key` (64-bit xxhash of it)."""
    return ExactDedupConfig(content_getter=document_key,
                            hash_config=HashConfig(hash_fc="xxhash", precision=64))
