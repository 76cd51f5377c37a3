"""Exact and near duplicates in one pass: signatures, one clustering task, one filter.

The pipeline computes everything dedup needs while it writes the prepared documents
(:class:`DedupSignature`: datatrove's MinHash band signatures plus, per document, the
hash of its :func:`~tachtu.corpus.dedup.dedup_key`, its length and its input order),
lets datatrove's ``MinhashDedupBuckets`` find candidate pairs, then one task
(:class:`ClusterDuplicates`) joins exact copies and verified near-duplicate pairs into
clusters and keeps one document per cluster: **the longest (in words), then the earliest
in input order** — deterministic, and the most complete copy survives.
:class:`DropDuplicates` removes the others: ``dropped_exact_duplicate`` for a copy of a
text already in its cluster (same key), ``dropped_near_duplicate`` for each other text.

A candidate pair is the same text when either

* the smaller document's 5-gram shingles lie >= 90 % inside the larger one's and not both
  documents say something the other does not (more than 1 % of the smaller one's word types
  and at least one of the larger's missing from the other) — truncated copies and copies
  with boilerplate around them; bot pages written from one template (another species name
  and year in every sentence) stay apart; or
* at least half of the words of the smaller document's Vietnamese lines (>= 20 % of words with
  a diacritic), and at least 100 words, are in Vietnamese lines that occur verbatim (after
  folding) in the larger — one changed or appended paragraph, a new
  title, other page chrome left over by cleaning — unless the lines each has alone are one
  template filled in twice (word-type Jaccard >= 0.5 between them: the same sentences with
  another name and year). Bot pages share whole generic lines ("Loài này chỉ có ở Croatia.")
  and long reference lists in other languages, but few Vietnamese words outside their
  name-bearing sentences; a changed paragraph, a new title or other chrome is other text.
"""

from __future__ import annotations

import io

import numpy as np
import orjson
import xxhash
from datatrove.data import DocumentsPipeline
from datatrove.io import get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.dedup.minhash import MinhashConfig

from tachtu.corpus.dedup import VietnameseMinhashSignature, dedup_words, minhash_config, shingles, word_hashes
from tachtu.corpus.sites import DROP_DTYPE, LINE_DTYPE, boilerplate, page_lines
from tachtu.text.syllable import syllable_shares

#: one record per prepared document, in the order the task wrote them
KEY_DTYPE = np.dtype([("key", "<u8"), ("words", "<u4"), ("order", "S26")])
#: one record per document in a duplicate cluster: what to do with it
FATE_DTYPE = np.dtype([("index", "<u4"), ("fate", "u1"), ("cluster_size", "<u4"), ("cluster", "<u8")])
KEPT, EXACT, NEAR = 0, 1, 2
_PAIR_DTYPE = np.dtype([("f1", "<u4"), ("d1", "<u4"), ("f2", "<u4"), ("d2", "<u4")])
#: share of words with a Vietnamese diacritic that makes a line Vietnamese (the language filter's)
VIETNAMESE_LINE = 0.2


def save_array(folder, name: str, array: np.ndarray) -> None:
    with folder.open(name, "wb") as f:
        np.save(f, array, allow_pickle=False)


def load_array(folder, name: str) -> np.ndarray:
    with folder.open(name, "rb") as f:
        return np.load(io.BytesIO(f.read()), allow_pickle=False)


class DedupSignature(VietnameseMinhashSignature):
    """Per task: ``keys/<rank>.npy`` (exact key, words, order of every document); with
    ``minhash``, datatrove's MinHash band signatures (``sigs/bucket_*/<rank>.minhash.sig``);
    with ``site_lines``, each page's distinct lines and host (``lines/<rank>.npy``, see
    :mod:`tachtu.corpus.sites`).

    The words are folded once per document and serve both the exact key and the shingles.
    Terminal step: put it after the writer of the documents it numbers.
    """

    name = "🔑 tachtu dedup signatures"

    def __init__(self, output_folder, config: MinhashConfig | None = None, minhash: bool = True,
                 site_lines: bool = False):
        super().__init__(get_datafolder(output_folder), config)
        self.minhash, self.site_lines = minhash, site_lines

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        cfg = self.config
        bands = [self.output_folder.open(f"sigs/bucket_{b:03d}/{rank:05d}.minhash.sig", "wb")
                 for b in range(cfg.num_buckets)] if self.minhash else []
        keys, lines, pending = [], [], []
        for index, doc in enumerate(data):
            with self.track_time():
                if self.site_lines:
                    lines += page_lines(index, doc)
                words = dedup_words(doc.text)
                keys.append((xxhash.xxh64_intdigest(" ".join(words).encode()), len(words),
                             doc.metadata.get("order", "").encode()))
                grams = shingles(word_hashes(words), cfg.n_grams) if bands else None
                if grams is not None and grams.size:
                    pending.append((index, self.min_hashes(grams)))
                    if len(pending) == _SIGNATURES_PER_WRITE:
                        _write_bands(bands, pending, cfg)
        with self.track_time():
            _write_bands(bands, pending, cfg)
            for band in bands:
                band.close()
            for b in range(cfg.num_buckets if bands else 0):  # datatrove's bucket stage reads sorted files
                name = f"sigs/bucket_{b:03d}/{rank:05d}.minhash.sig"
                with self.output_folder.open(name, "rb") as f:
                    rows = np.frombuffer(f.read(), dtype=_band_dtype(cfg)).copy()
                rows.sort(order=list(rows.dtype.names))
                with self.output_folder.open(name, "wb") as f:
                    f.write(rows.tobytes())
            save_array(self.output_folder, f"keys/{rank:05d}.npy", np.array(keys, dtype=KEY_DTYPE))
            if self.site_lines:
                save_array(self.output_folder, f"lines/{rank:05d}.npy", np.array(lines, dtype=LINE_DTYPE))
        self.stat_update("signed", value=len(keys))
        yield from ()


#: signatures buffered before each band file gets one write (25 small writes per document were a cost)
_SIGNATURES_PER_WRITE = 1024


def _write_bands(bands: list, pending: list[tuple[int, np.ndarray]], cfg: MinhashConfig) -> None:
    """Append the buffered ``(document index, min-hashes)`` to each band file and empty the buffer."""
    if not pending:
        return
    sigs = np.stack([sig for _, sig in pending]).reshape(len(pending), cfg.num_buckets, cfg.hashes_per_bucket)
    rows = np.empty((cfg.num_buckets, len(pending)), dtype=_band_dtype(cfg))
    for k in range(cfg.hashes_per_bucket):
        rows[f"h{k}"] = sigs[:, :, k].T
    rows["doc"] = [index for index, _ in pending]
    for band, row in zip(bands, rows):
        band.write(row.tobytes())
    pending.clear()


def _band_dtype(cfg: MinhashConfig) -> np.dtype:
    fmt = f"<{cfg.hash_config.struct_format}"
    return np.dtype([(f"h{k}", fmt) for k in range(cfg.hashes_per_bucket)] + [("doc", "<u4")])


class _Profile:
    """What verification compares: unique shingles, word types, and the word hashes of each folded
    Vietnamese line (a reference list in German or English is not what makes two pages one text)."""

    __slots__ = ("shingles", "types", "lines", "words", "line_words")

    def __init__(self, text: str, n_grams: int):
        self.lines: dict[int, np.ndarray] = {}
        parts = []  # the words of the whole text are those of its lines (dedup words never span a line)
        for line in text.split("\n"):
            line_words = dedup_words(line)
            if not line_words:
                continue
            line_hashes = word_hashes(line_words)
            parts.append(line_hashes)
            if syllable_shares(line)[1] >= VIETNAMESE_LINE:
                self.lines[xxhash.xxh64_intdigest(" ".join(line_words).encode())] = line_hashes
        self.line_words = sum(map(len, self.lines.values()))
        hashes = np.concatenate(parts) if parts else np.empty(0, np.uint64)
        self.words = len(hashes)
        self.shingles = np.unique(shingles(hashes, n_grams))
        self.types = np.unique(hashes)

    def outside(self, other: _Profile) -> np.ndarray:
        """Word types of the lines that ``other`` does not have."""
        rest = [h for key, h in self.lines.items() if key not in other.lines]
        return np.unique(np.concatenate(rest)) if rest else np.empty(0, np.uint64)


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    union = len(np.union1d(a, b))
    return len(np.intersect1d(a, b, assume_unique=True)) / union if union else 0.0


def same_text(a: _Profile, b: _Profile, containment: float = 0.9, novelty: float = 0.01,
              shared_lines: float = 0.5, min_shared_words: int = 100, template: float = 0.5) -> bool:
    """Whether two candidate documents are one text (see the module documentation)."""
    small, large = sorted((a, b), key=lambda p: (p.words, len(p.types)))
    if not small.words:
        return False
    in_shared_lines = sum(len(h) for key, h in small.lines.items() if key in large.lines)
    if in_shared_lines >= max(shared_lines * small.line_words, min_shared_words):
        mine, theirs = small.outside(large), large.outside(small)
        if not len(mine) or not len(theirs) or _jaccard(mine, theirs) < template:
            return True
    if not len(small.shingles) or not len(large.shingles):
        return False
    if len(np.intersect1d(small.shingles, large.shingles, assume_unique=True)) / len(small.shingles) < containment:
        return False
    shared = len(np.intersect1d(small.types, large.types, assume_unique=True))
    return not ((len(small.types) - shared) > novelty * len(small.types) and len(large.types) > shared)


class _Clusters:
    """Union-find over global document numbers."""

    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for x in sorted(self.parent):
            out.setdefault(self.find(x), []).append(x)
        for root in out:
            if root not in out[root]:
                out[root].append(root)
        return [sorted(g) for g in out.values()]


class ClusterDuplicates(PipelineStep):
    """One task: exact copies (same key) and verified MinHash pairs -> clusters -> ``fates/<rank>.npy``
    (index in the task, fate, cluster size, global number of the cluster's kept document).

    ``documents_folder`` holds the prepared ``<rank>.jsonl`` the signatures were computed on;
    only the documents of candidate pairs are parsed again. ``buckets_folder`` is ``None``
    for exact dedup only; ``exact=False`` leaves exact copies to MinHash alone.
    """

    type = "🫂 - DEDUP"
    name = "🔎 tachtu duplicate clusters"

    def __init__(self, dedup_folder, documents_folder, buckets_folder=None, tasks: int = 1, exact: bool = True,
                 config: MinhashConfig | None = None, sites: bool = False):
        super().__init__()
        self.folder = get_datafolder(dedup_folder)
        self.documents = get_datafolder(documents_folder)
        self.buckets = get_datafolder(buckets_folder) if buckets_folder else None
        self.tasks, self.exact, self.sites = tasks, exact, sites
        self.config = config or minhash_config()

    def _site_boilerplate(self, offsets: np.ndarray, removed: np.ndarray) -> None:
        """``boilerplate/<rank>.npy``: the site-boilerplate lines of each task's documents."""
        parts = [load_array(self.folder, f"lines/{r:05d}.npy") for r in range(self.tasks)]
        lines = np.concatenate([p for p in parts if len(p)] or [np.empty(0, LINE_DTYPE)])
        lines["index"] += np.repeat(offsets[:-1], [len(p) for p in parts]).astype(np.uint32)
        chrome = boilerplate(lines, ~removed)
        ranks = np.searchsorted(offsets, chrome["index"], side="right") - 1
        for r in range(self.tasks):
            mine = chrome[ranks == r]
            rows = np.empty(len(mine), DROP_DTYPE)
            rows["index"], rows["line"] = mine["index"] - offsets[r], mine["line"]
            save_array(self.folder, f"boilerplate/{r:05d}.npy", rows)

    def _keys(self) -> tuple[np.ndarray, np.ndarray]:
        parts = [load_array(self.folder, f"keys/{r:05d}.npy") if self.folder.exists(f"keys/{r:05d}.npy")
                 else np.empty(0, KEY_DTYPE) for r in range(self.tasks)]
        offsets = np.cumsum([0] + [len(p) for p in parts])
        return np.concatenate(parts), offsets

    def _candidates(self, offsets: np.ndarray) -> set[tuple[int, int]]:
        pairs = set()
        for name in self.buckets.list_files(glob_pattern="*.dups") if self.buckets else []:
            with self.buckets.open(name, "rb") as f:
                for f1, d1, f2, d2 in np.frombuffer(f.read(), dtype=_PAIR_DTYPE).tolist():
                    a, b = int(offsets[f1] + d1), int(offsets[f2] + d2)
                    pairs.add((min(a, b), max(a, b)))
        return pairs

    def _profiles(self, needed: set[int], offsets: np.ndarray) -> dict[int, _Profile]:
        out = {}
        for rank in sorted({int(np.searchsorted(offsets, g, side="right")) - 1 for g in needed}):
            with self.documents.open(f"{rank:05d}.jsonl", "rb") as f:
                for index, line in enumerate(f):
                    g = int(offsets[rank]) + index
                    if g in needed:
                        out[g] = _Profile(orjson.loads(line)["text"], self.config.n_grams)
        return out

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with self.track_time():
            keys, offsets = self._keys()
            clusters = _Clusters()
            if self.exact and len(keys):
                order = np.argsort(keys["key"], kind="stable")
                same = np.flatnonzero(keys["key"][order][1:] == keys["key"][order][:-1])
                for i in same:
                    clusters.union(int(order[i]), int(order[i + 1]))
            candidates = {(a, b) for a, b in self._candidates(offsets) if clusters.find(a) != clusters.find(b)}
            profiles = self._profiles({g for pair in candidates for g in pair}, offsets)
            verified = 0
            for a, b in sorted(candidates):
                if clusters.find(a) != clusters.find(b) and same_text(profiles[a], profiles[b]):
                    clusters.union(a, b)
                    verified += 1
            self.stat_update("candidate_pairs", value=len(candidates))
            self.stat_update("verified_pairs", value=verified)
            fates = [[] for _ in range(self.tasks)]
            removed = np.zeros(len(keys), dtype=bool)
            for group in clusters.groups():
                kept = min(group, key=lambda g: (-int(keys["words"][g]), keys["order"][g]))
                near = any(keys["key"][g] != keys["key"][kept] for g in group)
                self.stat_update("near_duplicate_clusters" if near else "exact_duplicate_clusters")
                seen = {keys["key"][kept]}
                for g in group:  # a copy of a text already in the cluster is exact, a first other text near
                    fate = KEPT if g == kept else EXACT if keys["key"][g] in seen else NEAR
                    seen.add(keys["key"][g])
                    removed[g] = fate != KEPT
                    r = int(np.searchsorted(offsets, g, side="right")) - 1
                    fates[r].append((g - int(offsets[r]), fate, len(group), kept))
            for r, rows in enumerate(fates):
                save_array(self.folder, f"fates/{r:05d}.npy", np.sort(np.array(rows, dtype=FATE_DTYPE), order="index"))
            if self.sites:
                self._site_boilerplate(offsets, removed)
        yield from ()


class DropDuplicates(PipelineStep):
    """Drop the documents :class:`ClusterDuplicates` did not keep; the kept one of a cluster
    gets ``duplicate_cluster_size`` in its metadata. Documents are numbered as the task wrote them."""

    type = "🫂 - DEDUP"
    name = "🧺 tachtu drop duplicates"

    def __init__(self, dedup_folder):
        super().__init__()
        self.folder = get_datafolder(dedup_folder)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        fates = {int(i): (int(f), int(n)) for i, f, n, _ in load_array(self.folder, f"fates/{rank:05d}.npy").tolist()}
        for index, doc in enumerate(data):
            fate, size = fates.get(index, (KEPT, 1))
            if fate == EXACT:
                self.stat_update("dropped_exact_duplicate")
            elif fate == NEAR:
                self.stat_update("dropped_near_duplicate")
            else:
                if size > 1:
                    doc.metadata["duplicate_cluster_size"] = size
                yield doc
