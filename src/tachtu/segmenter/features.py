"""Features of the gaps between adjacent tokens, computed for a whole batch at once with numpy.

The model decides, for every gap between two word tokens, whether the two belong to one
word. A batch of sentences is flattened into one id array with sentinels between
sentences, so every feature is a vectorised operation over all gaps of the batch.

Each token is described by three small integers (see :class:`TokenCoder`):

- ``id``    its syllable key (lower-cased, canonical tone placement) in the model vocabulary;
- ``cls``   word (contains a letter), number, or other; only word-word gaps are decided;
- ``shape`` lower / Title / UPPER / mixed case, or *neutral* when the sentence's case
  carries no information (ALL-CAPS headlines, Title Case), so those segment like lower case.

>>> coder = TokenCoder({"hà": 5, "nội": 6})
>>> coder.code("Hà"), coder.code("NỘI"), coder.code("2018"), coder.code(",")
((5, 0, 1, 0), (6, 0, 2, 0), (2, 1, 4, 0), (4, 2, 5, 0))
"""

from __future__ import annotations

import numpy as np

from tachtu.segmenter.lexicon import canonical

# Reserved vocabulary ids.
UNK, SENTINEL, NUMBER, UNK_OTHER = 0, 1, 2, 3
RESERVED = ("<unk>", "<s>", "<num>", "<other>")

# Token classes and shapes.
WORD, NUM, OTHER = 0, 1, 2
LOWER, TITLE, UPPER, MIXED, SHAPE_NUM, SHAPE_OTHER, NEUTRAL, SHAPE_SENTINEL = range(8)

_K = [np.uint64(k) for k in (
    0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
    0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x2545F4914F6CDD1D)]


def _shape(text: str) -> int:
    letters = [c for c in text if c.isalpha()]
    if all(c.islower() for c in letters):
        return LOWER
    if all(c.isupper() for c in letters):
        return UPPER if len(letters) > 1 else TITLE
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return TITLE
    return MIXED


class TokenCoder:
    """Maps token texts to ``(id, cls, shape, flags)``, with a bounded cache (tokens repeat a lot)."""

    CACHE_LIMIT = 500_000

    def __init__(self, vocab: dict[str, int], flags: dict[int, int] | None = None):
        self.vocab = vocab
        self.flags = flags or {}
        self._cache: dict[str, tuple[int, int, int, int]] = {}

    def code(self, text: str) -> tuple[int, int, int, int]:
        """The ``(id, cls, shape, flags)`` of one token text."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        if any(c.isalpha() for c in text):
            ident = self.vocab.get(canonical(text), UNK)
            result = (ident, WORD, _shape(text), self.flags.get(ident, 0))
        elif any(c.isdigit() for c in text):
            result = (NUMBER, NUM, SHAPE_NUM, 0)
        else:
            result = (self.vocab.get(text, UNK_OTHER), OTHER, SHAPE_OTHER, 0)
        if len(self._cache) >= self.CACHE_LIMIT:
            self._cache.clear()
        self._cache[text] = result
        return result


def case_is_uninformative(shapes: list[int]) -> bool:
    """True for ALL-CAPS and Title Case sentences, whose capitals say nothing about names."""
    words = [s for s in shapes if s <= MIXED]
    if len(words) < 3:
        return False
    upper = sum(s == UPPER for s in words)
    capital = sum(s in (TITLE, UPPER) for s in words)
    return upper >= 0.7 * len(words) or capital == len(words)


class Batch:
    """A batch of sentences flattened into arrays, two sentinels around every sentence.

    ``gaps`` are the positions ``i`` (gap between token ``i`` and ``i + 1``) that the
    model decides: both tokens are words.
    """

    PAD = 2

    def __init__(self, coder: TokenCoder, sentences: list[list[str]]):
        ids: list[int] = [SENTINEL] * self.PAD
        cls: list[int] = [OTHER] * self.PAD
        shape: list[int] = [SHAPE_SENTINEL] * self.PAD
        flags: list[int] = [0] * self.PAD
        self.starts: list[int] = []
        code = coder.code
        for sentence in sentences:
            self.starts.append(len(ids))
            coded = [code(t) for t in sentence]
            shapes = [c[2] for c in coded]
            if case_is_uninformative(shapes):
                shapes = [NEUTRAL if s <= MIXED else s for s in shapes]
            ids.extend(c[0] for c in coded)
            cls.extend(c[1] for c in coded)
            shape.extend(shapes)
            flags.extend(c[3] for c in coded)
            ids.extend([SENTINEL] * self.PAD)
            cls.extend([OTHER] * self.PAD)
            shape.extend([SHAPE_SENTINEL] * self.PAD)
            flags.extend([0] * self.PAD)
        self.ids = np.asarray(ids, dtype=np.uint64)
        self.cls = np.asarray(cls, dtype=np.int8)
        self.shape = np.asarray(shape, dtype=np.uint64)
        self.flags = np.asarray(flags, dtype=np.uint64)
        is_word = self.cls == WORD
        self.gaps = np.flatnonzero(is_word[:-1] & is_word[1:])


def ngram_hashes(ids: np.ndarray, n: int) -> np.ndarray:
    """Hash of the ``n`` ids starting at each position (the last ``n - 1`` positions get 0).

    The same function hashes dictionary entries, so membership is a sorted-array search.
    """
    out = np.zeros(len(ids), dtype=np.uint64)
    if len(ids) < n:
        return out
    h = np.zeros(len(ids) - n + 1, dtype=np.uint64)
    for k in range(n):
        h = h * _K[0] + ids[k:len(ids) - n + 1 + k] + np.uint64(1)
    out[:len(h)] = h
    return out


def hash_entry(ids: list[int]) -> int:
    """:func:`ngram_hashes` of one dictionary entry."""
    return int(ngram_hashes(np.asarray(ids, dtype=np.uint64), len(ids))[0])


def _mix(template: int, *parts: np.ndarray) -> np.ndarray:
    seed = (template * int(_K[6]) + int(_K[5])) & 0xFFFFFFFFFFFFFFFF
    h = np.full(len(parts[0]), seed, dtype=np.uint64)
    for k, part in enumerate(parts):
        h = (h ^ part) * _K[k % 5]
        h ^= h >> np.uint64(31)
    return h


def gap_features(batch: Batch, dictionaries: list[np.ndarray], max_n: int) -> np.ndarray:
    """Hashed feature codes, shape ``(len(batch.gaps), n_features)`` (uint64, before masking).

    Lexical templates: the syllables around the gap (unigrams, bigrams, trigrams);
    shape templates: case patterns, alone and with a syllable; dictionary templates:
    for every dictionary and entry length ``n``, whether an entry covers the gap and
    where the gap falls inside it, and whether an entry ends just before / starts just
    after the gap (competing readings); name templates: family / middle / given-name flags.
    """
    g = batch.gaps.astype(np.int64)
    ids, shape, flags = batch.ids, batch.shape, batch.flags
    a, b, c, d = ids[g - 1], ids[g], ids[g + 1], ids[g + 2]
    sa, sb, sc, sd = shape[g - 1], shape[g], shape[g + 1], shape[g + 2]
    fb, fc = flags[g], flags[g + 1]
    cols = [
        _mix(0, np.zeros(len(g), dtype=np.uint64)),  # bias
        _mix(1, b), _mix(2, c), _mix(3, a), _mix(4, d),
        _mix(5, b, c), _mix(6, a, b), _mix(7, c, d), _mix(8, a, b, c), _mix(9, b, c, d),
        _mix(10, sb, sc), _mix(11, sa, sb, sc, sd), _mix(12, sb, sc, b), _mix(13, sb, sc, c),
        _mix(14, fb, fc, sb, sc), _mix(15, flags[g - 1], fb, fc, sa, sb, sc),
        _mix(16, ids[g - 2], a, b),
    ]
    zero = np.zeros(len(g), dtype=np.uint64)
    for di, table in enumerate(dictionaries):
        cover = zero.copy()   # bitmask over (n, offset) of entries covering the gap
        ends = zero.copy()    # longest entry ending at the left token (not crossing the gap)
        begins = zero.copy()  # longest entry starting at the right token
        longest = zero.copy()
        for n in range(2, max_n + 1):
            hashes = ngram_hashes(ids, n)
            pos = np.searchsorted(table, hashes)
            pos[pos >= len(table)] = 0
            hit = table[pos] == hashes if len(table) else np.zeros(len(ids), dtype=bool)
            for k in range(n - 1):  # entry starts k tokens before the left token
                start = g - k
                ok = hit[np.maximum(start, 0)] & (start >= 0)
                cover |= ok.astype(np.uint64) << np.uint64(min(n * 8 + k, 63))
                longest = np.where(ok, np.maximum(longest, np.uint64(n)), longest)
            ends = np.where(hit[np.maximum(g - n + 1, 0)], np.uint64(n), ends)
            begins = np.where(hit[g + 1], np.uint64(n), begins)
        base = 100 + 10 * di
        cols += [_mix(base, cover), _mix(base + 1, longest, ends, begins),
                 _mix(base + 2, longest, sb, sc), _mix(base + 3, longest, b)]
    return np.stack(cols, axis=1)
