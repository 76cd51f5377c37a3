"""Corpus building on datatrove: crawled pages in, clean deduplicated segmented corpus out.

Use :func:`build` (or ``tachtu build``), or put the steps into your own datatrove pipeline::

    from datatrove.executor import LocalPipelineExecutor
    from tachtu.corpus import CorpusReader, CleanPage, NormalizeText, VietnameseQualityFilter, Segment, LinesWriter

    LocalPipelineExecutor([CorpusReader("pages/"), CleanPage(), NormalizeText(), VietnameseQualityFilter(),
                           Segment(), LinesWriter("out/")], tasks=4).run()

Dedup keeps diacritics: pass :func:`minhash_config` and :class:`VietnameseWordTokenizer`
to datatrove's MinHash stages, :func:`exact_dedup_config` to its exact-dedup stages, or use
the steps ``tachtu build`` runs: :class:`DedupSignature`, :class:`ClusterDuplicates` and
:class:`DropDuplicates` (near-duplicate clusters), :class:`RemoveSiteBoilerplate` (lines a site
repeats on its pages).

Names load on first use (PEP 562), so importing a part, or this package, does not import
datatrove and every step until one is asked for.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "dedup": ("VietnameseWordTokenizer", "dedup_key", "exact_dedup_config", "minhash_config"),
    "duplicates": ("DedupSignature", "ClusterDuplicates", "DropDuplicates"),
    "filters": ("QualityThresholds", "VietnameseQualityFilter"),
    "plan": ("BuildOptions",),
    "run": ("build",),
    "readers": ("CorpusReader", "WorkReader", "doc_id"),
    "sites": ("RemoveSiteBoilerplate",),
    "stats": ("format_report",),
    "steps": ("CleanPage", "NormalizeText", "Segment"),
    "writers": ("CollateWriter", "FilesWriter", "LinesWriter"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}
__all__ = list(_MODULE_OF)


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


