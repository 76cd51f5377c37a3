"""Corpus building on datatrove: crawled pages in, clean deduplicated segmented corpus out.

Use :func:`build` (or ``tachtu build``), or put the steps into your own datatrove pipeline::

    from datatrove.executor import LocalPipelineExecutor
    from tachtu.corpus import CorpusReader, CleanPage, NormalizeText, VietnameseQualityFilter, Segment, LinesWriter

    LocalPipelineExecutor([CorpusReader("pages/"), CleanPage(), NormalizeText(), VietnameseQualityFilter(),
                           Segment(), LinesWriter("out/")], tasks=4).run()

Dedup keeps diacritics: pass :func:`minhash_config` and :class:`VietnameseWordTokenizer`
to datatrove's MinHash stages, :func:`exact_dedup_config` to its exact-dedup stages.
"""

from tachtu.corpus.dedup import VietnameseWordTokenizer, dedup_key, exact_dedup_config, minhash_config
from tachtu.corpus.filters import QualityThresholds, VietnameseQualityFilter
from tachtu.corpus.pipeline import BuildOptions, build
from tachtu.corpus.readers import CorpusReader, WorkReader, doc_id
from tachtu.corpus.stats import format_report
from tachtu.corpus.steps import CleanPage, NormalizeText, Segment
from tachtu.corpus.writers import CollateWriter, FilesWriter, LinesWriter

__all__ = [
    "build", "BuildOptions", "CorpusReader", "WorkReader", "CleanPage", "NormalizeText",
    "VietnameseQualityFilter", "QualityThresholds", "Segment", "LinesWriter", "FilesWriter", "CollateWriter",
    "VietnameseWordTokenizer", "minhash_config", "exact_dedup_config", "dedup_key", "doc_id", "format_report",
]
