"""Features of the gaps between adjacent tokens, computed for a whole batch at once with numpy.

The model decides, for every gap between two word tokens, whether the two belong to one
word. A batch of sentences is flattened into one array with sentinels between sentences,
and every feature of every gap is computed by a fixed, small number of numpy operations,
so the cost per call is low and the cost per token is tiny.

Each token is coded as four small integers (see :class:`TokenCoder`):

- ``id``    its syllable key (lower-cased, canonical tone placement) in the model vocabulary;
- ``cls``   word (contains a letter), number, or other; only word-word gaps are decided;
- ``shape`` lower / Title / UPPER / mixed case, or *neutral* when the sentence's case
  carries no information (ALL-CAPS headlines, Title Case), so those segment like lower case;
- ``flags`` family / middle / given-name bits from name lists.

>>> coder = TokenCoder({"hà": 5, "nội": 6})
>>> TokenCoder.codes(np.array([coder["Hà"], coder["NỘI"], coder["2018"], coder[","]])).T.tolist()
[[5, 0, 1, 0], [6, 0, 2, 0], [2, 1, 4, 0], [3, 2, 5, 0]]
"""

from __future__ import annotations

import numpy as np

from tachtu.text.syllable import syllable_key

# Reserved vocabulary ids.
UNK, SENTINEL, NUMBER, UNK_OTHER = 0, 1, 2, 3
RESERVED = ("<unk>", "<s>", "<num>", "<other>")

# Token classes and shapes.
WORD, NUM, OTHER = 0, 1, 2
LOWER, TITLE, UPPER, MIXED, SHAPE_NUM, SHAPE_OTHER, NEUTRAL, SHAPE_SENTINEL = range(8)

_MASK64 = (1 << 64) - 1
_K0 = 0x9E3779B97F4A7C15
_PART_MULTIPLIER = np.uint64(0xC2B2AE3D27D4EB4F)    # odd: multiplying mixes every bit upwards
_FILTER_MULTIPLIER = np.uint64(0xFF51AFD7ED558CCD)
_PAIR_MULTIPLIER = np.uint64(0xC4CEB9FE1A85EC53)


def _shape(text: str) -> int:
    """The case shape of a token with letters (uncased letters, as in CJK, do not count)."""
    if text.islower():
        return LOWER
    if text[1:].islower() and text[0].isupper():  # the common Title case, without a letter list
        return TITLE
    if text.isupper():
        return UPPER if sum(map(str.isupper, text)) > 1 else TITLE
    letters = [c for c in text if c.isupper() or c.islower()]
    if letters and letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return TITLE
    return MIXED


def _pack(ident: int, cls: int, shape: int, flags: int) -> int:
    """The four codes of a token in one integer, so a batch is coded by one ``np.fromiter``."""
    return ident | cls << 32 | shape << 40 | flags << 48


_SENTINEL_CODE = _pack(SENTINEL, OTHER, SHAPE_SENTINEL, 0)
_UNPACK_SHIFTS = np.array([[0], [32], [40], [48]], dtype=np.uint64)
_UNPACK_MASKS = np.array([[0xFFFFFFFF], [0xFF], [0xFF], [0xFFFF]], dtype=np.uint64)


class TokenCoder(dict):
    """``coder[text] -> id | cls << 32 | shape << 40 | flags << 48``; computed once per
    distinct text, then cached (:meth:`codes` unpacks).

    A ``dict`` subclass so a batch is coded with ``map(coder.__getitem__, texts)`` at C speed.
    The cache is bounded; clearing it is safe while other threads read.
    """

    CACHE_LIMIT = 500_000

    def __init__(self, vocab: dict[str, int], flags: dict[int, int] | None = None):
        super().__init__()
        self.vocab = vocab
        self.flags = flags or {}

    def __missing__(self, text: str) -> int:
        if text.isalpha() or any(c.isalpha() for c in text):
            ident = self.vocab.get(syllable_key(text), UNK)
            result = _pack(ident, WORD, _shape(text), self.flags.get(ident, 0))
        elif any(c.isdigit() for c in text):
            result = _pack(NUMBER, NUM, SHAPE_NUM, 0)
        else:
            result = _pack(self.vocab.get(text, UNK_OTHER), OTHER, SHAPE_OTHER, 0)
        if len(self) >= self.CACHE_LIMIT:
            self.clear()
        self[text] = result
        return result

    @staticmethod
    def codes(packed: np.ndarray) -> np.ndarray:
        """Rows id, class, shape, flags of packed codes (uint64, shape ``(4, n)``)."""
        return (packed.astype(np.uint64)[None, :] >> _UNPACK_SHIFTS) & _UNPACK_MASKS


class Batch:
    """Sentences flattened into arrays, ``PAD`` sentinels around every sentence.

    Built from the token texts of all sentences one after another and the end of each
    sentence; ``positions[i]`` is where token ``i`` lands in the padded arrays. ``gaps``
    are the padded positions ``p`` (gap between ``p`` and ``p + 1``) that the model
    decides: both tokens are words.

    >>> b = Batch(TokenCoder({"hà": 5, "nội": 6}), ["Hà", "Nội", ".", "Hà"], [3, 4])
    >>> b.positions.tolist(), b.ids.tolist()[4:8], b.gaps.tolist()
    ([4, 5, 6, 11], [5, 6, 3, 1], [4])
    """

    PAD = 4  # >= longest dictionary entry - 1, so look-backs never leave the array

    def __init__(self, coder: TokenCoder, texts: list[str], ends: list[int]):
        n = len(texts)
        packed = np.fromiter(map(coder.__getitem__, texts), dtype=np.uint64, count=n)
        self.positions = np.arange(self.PAD, n + self.PAD)
        if len(ends) > 1:
            shift = np.zeros(n, dtype=np.intp)  # PAD more after each sentence end
            shift[ends[:-1]] = self.PAD
            self.positions += np.cumsum(shift)
        padded = np.empty(n + self.PAD * (len(ends) + 1), dtype=np.uint64)
        padded.fill(_SENTINEL_CODE)
        padded[self.positions] = packed
        # rows: id, class, shape, flags (one array, so features gather from all rows at once)
        self.codes = TokenCoder.codes(padded)
        self.ids, cls, self.shape, self.flags = self.codes
        self.starts = self.positions[[0, *ends[:-1]]] if n else np.zeros(0, dtype=np.intp)
        self._neutralise_case(self.starts)
        is_word = cls == WORD
        self.gaps = np.flatnonzero(is_word[:-1] & is_word[1:])

    def _neutralise_case(self, starts: np.ndarray) -> None:
        """Mark words NEUTRAL in ALL-CAPS and Title Case sentences (>= 3 words)."""
        shape = self.shape
        upper = shape == UPPER
        capital = upper | (shape == TITLE)
        capitals = np.count_nonzero(capital)
        if capitals < 3:  # no sentence can qualify
            return
        word = shape <= MIXED
        if len(starts) == 1:  # one sentence (one short text): its counts need no reduceat
            if _case_free(np.count_nonzero(word), np.count_nonzero(upper), capitals):
                shape[word] = NEUTRAL
            return
        words, uppers, capitals = np.add.reduceat(np.stack([word, upper, capital]).astype(np.int64), starts,
                                                  axis=1)  # per sentence; pads count nothing
        neutral = _case_free(words, uppers, capitals)
        if neutral.any():
            spans = np.diff(np.append(starts, len(shape)))
            in_neutral = np.zeros(len(shape), dtype=bool)
            in_neutral[starts[0]:] = np.repeat(neutral, spans)
            shape[in_neutral & word] = NEUTRAL

    @classmethod
    def of_sentences(cls, coder: TokenCoder, sentences: list[list[str]]) -> Batch:
        """A batch of sentences given one list of token texts each."""
        ends = np.cumsum([len(s) for s in sentences]).tolist()
        return cls(coder, [t for s in sentences for t in s], ends)


def _case_free(words, uppers, capitals):
    """Whether a sentence's case carries no information (ALL-CAPS or Title Case, three words or
    more), from its counts of words, upper-case words and capitalised words (numbers or arrays)."""
    return (words >= 3) & ((uppers >= 0.7 * words) | (capitals == words))


_SENTINELS = np.full(Batch.PAD + 1, SENTINEL, dtype=np.uint64)  # max_n is at most PAD + 1 (Templates)
_K0_64 = np.uint64(_K0)


def ngram_hashes(ids: np.ndarray, max_n: int) -> np.ndarray:
    """``out[n - 2, j]``: hash of the ``n`` ids starting at ``j``, for ``n`` = 2..``max_n``.

    Near the end the n-gram runs into sentinel ids, which no dictionary entry holds.
    """
    size = len(ids)
    ext = np.concatenate([ids, _SENTINELS[:max_n]])
    ext += np.uint64(1)  # every id enters the hash as id + 1
    out = np.empty((max_n - 1, size), dtype=np.uint64)
    h = ext[:size]
    for n in range(2, max_n + 1):
        h = np.multiply(h, _K0_64, out=out[n - 2])  # in place: no temporaries
        h += ext[n - 1:n - 1 + size]
    return out


def hash_entry(ids: list[int]) -> int:
    """The :func:`ngram_hashes` value of one dictionary entry."""
    h = 0
    for i, x in enumerate(ids):
        h = ((h * _K0 if i else 0) + x + 1) & _MASK64
    return h


class NgramTable:
    """The dictionaries: n-gram hashes of all entries (sorted) and, for each, the bitmask
    of the groups holding it.

    Most n-grams of running text are in no dictionary, so a one-bit-per-slot filter
    (~4 % false positives) answers them with one array lookup, and only the rest is
    binary-searched.
    """

    FILTER_BITS = 20

    def __init__(self, keys: np.ndarray, groups: np.ndarray):
        self.keys, self.groups = keys, groups
        self._filter = np.zeros(1 << self.FILTER_BITS, dtype=bool)
        self._filter[self._slots(keys)] = True

    def _slots(self, hashes: np.ndarray) -> np.ndarray:
        return ((hashes * _FILTER_MULTIPLIER) >> np.uint64(64 - self.FILTER_BITS)).astype(np.intp)

    def hits(self, hashes: np.ndarray) -> np.ndarray:
        """For every n-gram hash, the bitmask of dictionary groups holding it (0: none)."""
        out = np.zeros(hashes.shape, dtype=np.uint64)
        if not len(self.keys):
            return out
        maybe = self._filter[self._slots(hashes)]
        candidates = hashes[maybe]
        pos = np.searchsorted(self.keys, candidates)
        np.minimum(pos, len(self.keys) - 1, out=pos)
        out[maybe] = np.where(self.keys[pos] == candidates, self.groups[pos], 0)
        return out


class PairStats:
    """Raw-text statistics of syllable pairs (:mod:`tachtu.segmenter.rawstats`), looked up
    by pair hash in a direct-address table of 16-bit codes: four 4-bit bins (PMI,
    P(second | first), P(first | second), count), 0 where the pair was not seen.

    One gather per gap, no search: a pair never seen may share a slot with one seen (the
    frequent pair wins a slot), which costs a little accuracy and no time.
    """

    SLOT_BITS = 21
    FIELDS = 4

    def __init__(self, table: np.ndarray):
        self.table = table
        self._shift = np.uint64(64 - self.SLOT_BITS) if len(table) else None

    @classmethod
    def build(cls, coded: list[tuple[int, int]]) -> PairStats:
        """The table of ``(pair hash, code)`` items; later items win shared slots."""
        table = np.zeros(1 << cls.SLOT_BITS, dtype=np.uint16)
        if coded:
            hashes, codes = np.array(coded, dtype=np.uint64).T
            table[cls._slots(hashes)] = codes  # numpy: the last write to a slot wins
        return cls(table)

    @classmethod
    def pack(cls, bins: tuple[int, ...]) -> int:
        """The 16-bit code of the four bins."""
        return sum(b << (4 * i) for i, b in enumerate(bins))

    @classmethod
    def _slots(cls, hashes: np.ndarray) -> np.ndarray:
        return ((hashes * _PAIR_MULTIPLIER) >> np.uint64(64 - cls.SLOT_BITS)).astype(np.intp)

    def codes(self, hashes: np.ndarray) -> np.ndarray:
        """The code of each pair hash (uint64; 0 for all when the model has no statistics)."""
        if not len(self.table):
            return np.zeros(hashes.shape, dtype=np.uint64)
        return self.table[self._slots(hashes)].astype(np.uint64)


# Raw-text pair components: (which gap: 0 = L-1|L, 1 = L|R, 2 = R|R+1, which 4-bit field),
# in the order of the component names "pmi", "fwd", "bwd", "count", "pmi_a", "pmi_d".
_PAIR_OFFSETS = np.array([-1, 0, 1])[:, None]
_PAIR_ROW = np.array([1, 1, 1, 1, 0, 2])
_PAIR_SHIFT = np.array([0, 4, 8, 12, 0, 0], dtype=np.uint64)[:, None]
PAIR_TEMPLATES = (("pmi",), ("fwd",), ("bwd",), ("count",), ("pmi", "count"), ("fwd", "bwd"),
                  ("pmi_a", "pmi", "pmi_d"), ("pmi", "L"), ("pmi", "sb", "sc"), ("fwd", "bwd", "E", "B"))


class Templates:
    """The feature templates: which component rows each template hashes together.

    Components (rows, per gap between tokens L and R=L+1): syllable ids at L-2..R+1,
    shapes at L-1..R+1, name flags at L-1..R, a packed shape triple, dictionary group
    masks of entries covering the gap (by length n and offset k), of entries ending at
    L and starting at R (by length), and the longest covering / ending / starting lengths.
    """

    def __init__(self, max_n: int, pair_templates: tuple[tuple[str, ...], ...] = PAIR_TEMPLATES):
        if max_n > Batch.PAD + 1:
            raise ValueError(f"max_n must be at most {Batch.PAD + 1}")
        self.max_n = max_n
        self.pair_templates = tuple(map(tuple, pair_templates))
        self.pairs = [(n, k) for n in range(2, max_n + 1) for k in range(n - 1)]
        lengths = list(range(2, max_n + 1))
        # Gathers done in one fancy-index each: (array row, offset from the gap's left token).
        # rows of Batch.codes: 0 id, 2 shape, 3 flags
        token = [(0, o) for o in range(-2, 3)] + [(2, o) for o in range(-1, 3)] + [(3, o) for o in range(-1, 2)]
        self._shape_rows = [5, 6, 7]  # shapes at offsets -1, 0, +1 within ``token``
        self._token_row = np.array([r for r, _ in token])[:, None]
        self._token_offset = np.array([o for _, o in token])[:, None]
        dict_pos = ([(n, -k) for n, k in self.pairs] + [(n, 1 - n) for n in lengths]
                    + [(n, 1) for n in lengths])
        self._dict_n = np.array([n for n, _ in dict_pos])[:, None]
        self._dict_row = self._dict_n - 2  # row of ngram_hashes
        self._dict_offset = np.array([o for _, o in dict_pos])[:, None]
        self._dict_length = self._dict_n.astype(np.uint64)
        self._dict_starts = [0, len(self.pairs), len(self.pairs) + len(lengths)]
        names = ["zero", "z", "a", "b", "c", "d", "sa", "sb", "sc", "sd", "fa", "fb", "fc", "s3",
                 *[f"cover{n}.{k}" for n, k in self.pairs],
                 *[f"end{n}" for n in range(2, max_n + 1)],
                 *[f"begin{n}" for n in range(2, max_n + 1)], "L", "E", "B",
                 "pmi", "fwd", "bwd", "count", "pmi_a", "pmi_d"]
        row = {name: i for i, name in enumerate(names)}
        spec = [(), ("b",), ("c",), ("a",), ("d",), ("b", "c"), ("a", "b"), ("c", "d"),
                ("a", "b", "c"), ("b", "c", "d"), ("z", "a", "b"), ("sb", "sc"),
                ("sa", "sb", "sc", "sd"), ("sb", "sc", "b"), ("sb", "sc", "c"),
                ("fb", "fc", "sb", "sc"), ("fa", "fb", "fc", "s3"),
                ("L", "E", "B"), ("L", "sb", "sc"), ("L", "b"), ("L", "E", "B", "s3"),
                *[(f"cover{n}.{k}",) for n, k in self.pairs],
                *[(f"end{n}", f"begin{n}") for n in range(2, max_n + 1)],
                *self.pair_templates]
        spec.sort(key=len, reverse=True)  # so the templates with a p-th part come first
        #: component names (rows of :meth:`components`) and each template's parts, in hashing order
        self.names, self.spec = names, spec
        # for each part position, the component row of that part of every template having it
        self._part_rows = [np.array([row[parts[p]] for parts in spec if len(parts) > p])
                           for p in range(len(spec[0]))]
        seeds = [(t * _K0 + 0x2545F4914F6CDD1D) & _MASK64 for t in range(len(spec))]
        self.seeds = np.array(seeds, dtype=np.uint64)[:, None]

    def components(self, batch: Batch, table: NgramTable, stats: PairStats) -> np.ndarray:
        """The component rows, shape ``(n_components, n_gaps)``."""
        g = batch.gaps.astype(np.intp)
        ngrams = ngram_hashes(batch.ids, self.max_n)
        hits = table.hits(ngrams)
        pair_rows = np.zeros((0, len(g)), dtype=np.uint64)
        if self.pair_templates:
            pair = stats.codes(ngrams[0, g + _PAIR_OFFSETS])  # gaps L-1|L, L|R, R|R+1
            pair_rows = (pair[_PAIR_ROW] >> _PAIR_SHIFT) & np.uint64(15)
        token_rows = batch.codes[self._token_row, g + self._token_offset]
        dict_rows = hits[self._dict_row, g + self._dict_offset]
        present = (dict_rows > 0) * self._dict_length
        longest = np.maximum.reduceat(present, self._dict_starts, axis=0)
        sa, sb, sc = token_rows[self._shape_rows]
        s3 = (sa << np.uint64(8)) | (sb << np.uint64(4)) | sc
        return np.concatenate([np.zeros((1, len(g)), dtype=np.uint64), token_rows, s3[None, :],
                               dict_rows, longest, pair_rows])

    def hashes(self, components: np.ndarray) -> np.ndarray:
        """Hashed feature codes, shape ``(n_templates, n_gaps)`` (uint64): the template's
        seed, then for each part ``h = (h ^ part) * odd constant``. The model uses the top
        bits, which the multiplications make depend on every bit of every part."""
        h = np.empty((len(self.seeds), components.shape[1]), dtype=np.uint64)
        h[:] = self.seeds
        for rows in self._part_rows:
            h[:len(rows)] ^= components[rows]
            h[:len(rows)] *= _PART_MULTIPLIER
        return h