"""The gap features written plainly, one gap at a time: the specification of the fast path.

:meth:`Templates.components <tachtu.segmenter.features.Templates.components>` and
:meth:`~tachtu.segmenter.features.Templates.hashes` compute every feature of every gap
of a batch with a few whole-array numpy operations; they are fast and hard to read.
This module computes the same numbers with one Python loop per gap and named
components, and ``tests/test_segmenter_model.py`` checks that both agree on real text.
It is too slow for use; read it to learn what a feature is.

For the gap between tokens L and R = L + 1 (positions in the padded batch):

* ``z a b c d``: the syllable ids of tokens L-2, L-1, L, R, R+1;
* ``sa sb sc sd``: the case shapes of L-1, L, R, R+1; ``s3`` packs ``sa sb sc``;
* ``fa fb fc``: the name-list flags of L-1, L, R;
* ``cover{n}.{k}``: the dictionary groups holding the n-gram that starts k tokens before L
  (so it covers the gap); ``end{n}``: the n-gram ending at L; ``begin{n}``: the one starting
  at R; ``L``, ``E``, ``B``: the longest n with a covering, ending, starting entry;
* ``pmi fwd bwd count``: raw-text statistics bins of the pair (L, R); ``pmi_a``, ``pmi_d``:
  the PMI bin of the pairs (L-1, L) and (R, R+1).

A template's feature code is its seed, then ``h = (h XOR part) * odd constant`` per part.
"""

from __future__ import annotations

import numpy as np

from tachtu.segmenter.features import (_MASK64, _PAIR_MULTIPLIER, _PART_MULTIPLIER, Batch, NgramTable, PairStats,
                                       Templates, hash_entry)


def gap_components(ids: list[int], shapes: list[int], flags: list[int], left: int, templates: Templates,
                   groups: dict[int, int], stats: PairStats) -> dict[str, int]:
    """The named components of the gap after the token at padded position ``left`` (the rows of a
    :class:`~tachtu.segmenter.features.Batch` as lists)."""
    max_n, size = templates.max_n, len(ids)

    def ngram(start: int, n: int) -> int:  # sentinel ids (1) past the end, as in the batch
        return hash_entry([ids[i] if i < size else 1 for i in range(start, start + n)])

    def pair_bins(start: int) -> int:
        if not len(stats.table):
            return 0
        slot = ((ngram(start, 2) * int(_PAIR_MULTIPLIER)) & _MASK64) >> (64 - stats.SLOT_BITS)
        return int(stats.table[slot])

    c = {"zero": 0}
    for name, offset in zip("zabcd", range(-2, 3)):
        c[name] = ids[left + offset]
    for name, offset in zip(("sa", "sb", "sc", "sd"), range(-1, 3)):
        c[name] = shapes[left + offset]
    for name, offset in zip(("fa", "fb", "fc"), range(-1, 2)):
        c[name] = flags[left + offset]
    c["s3"] = c["sa"] << 8 | c["sb"] << 4 | c["sc"]
    longest = {"L": 0, "E": 0, "B": 0}
    for n in range(2, max_n + 1):
        for k in range(n - 1):
            c[f"cover{n}.{k}"] = groups.get(ngram(left - k, n), 0)
            longest["L"] = max(longest["L"], n if c[f"cover{n}.{k}"] else 0)
        c[f"end{n}"] = groups.get(ngram(left + 1 - n, n), 0)
        c[f"begin{n}"] = groups.get(ngram(left + 1, n), 0)
        longest["E"] = max(longest["E"], n if c[f"end{n}"] else 0)
        longest["B"] = max(longest["B"], n if c[f"begin{n}"] else 0)
    c.update(longest)
    here = pair_bins(left)
    for i, name in enumerate(("pmi", "fwd", "bwd", "count")):
        c[name] = here >> (4 * i) & 15
    c["pmi_a"], c["pmi_d"] = pair_bins(left - 1) & 15, pair_bins(left + 1) & 15
    return c


def feature_codes(batch: Batch, templates: Templates, table: NgramTable, stats: PairStats) -> np.ndarray:
    """Every template's 64-bit code for every decided gap, shape ``(templates, gaps)``:
    what ``templates.hashes(templates.components(batch, table, stats))`` returns."""
    groups = dict(zip(table.keys.tolist(), table.groups.tolist()))
    rows = [row.tolist() for row in (batch.ids, batch.shape, batch.flags)]
    out = np.zeros((len(templates.spec), len(batch.gaps)), dtype=np.uint64)
    for j, left in enumerate(batch.gaps.tolist()):
        c = gap_components(*rows, left, templates, groups, stats)
        for t, parts in enumerate(templates.spec):
            h = int(templates.seeds[t, 0])
            for part in parts:
                h = ((h ^ c[part]) * int(_PART_MULTIPLIER)) & _MASK64
            out[t, j] = h
    return out
