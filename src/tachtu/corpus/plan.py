"""The plan of ``build(...)``: its options and the corpus pipeline as datatrove stages.

Stages (each a datatrove executor; the work folder ``<output>/.tachtu`` holds their
intermediate files, logs and completion marks):

1. ``prepare``   read -> clean -> normalize -> filter -> write ``prepared/`` + dedup keys and MinHash signatures
2. ``buckets``   datatrove's MinHash buckets (the bands shared among the workers): candidate pairs
3. ``clusters``  exact copies + verified candidate pairs -> clusters, one document kept per cluster;
                 lines repeated across many kept pages of one site (one task)
4. ``finish``    drop duplicates -> remove site boilerplate -> segment -> write ``final/``
5. ``write``     merge tasks back into input order -> ``lines``/``files``/``jsonl``/``parquet`` (one task)

:mod:`tachtu.corpus.run` runs them, :mod:`tachtu.corpus.resume` decides what a new run reuses.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from tachtu.corpus.dedup import MinhashBands, minhash_config
from tachtu.corpus.duplicates import ClusterDuplicates, DedupSignature, DropDuplicates
from tachtu.corpus.filters import QualityThresholds, VietnameseQualityFilter
from tachtu.corpus.readers import CorpusReader, WorkReader
from tachtu.corpus.sites import RemoveSiteBoilerplate
from tachtu.corpus.steps import CleanPage, NormalizeText, Segment
from tachtu.corpus.writers import CollateWriter, work_writer
from tachtu.errors import InputError

EXECUTORS = ("local", "ray", "slurm")
WORK = ".tachtu"


@dataclass
class BuildOptions:
    """Every switch of ``tachtu build``; the defaults run every step."""

    clean: bool = True
    normalize: bool = True
    filter: bool = True
    dedup: bool = True
    near_dedup: bool = True
    segment: bool = True
    mode: str = "default"
    tone: str = "keep"
    format: str = "lines"
    input_format: str = "auto"
    text_key: str = "text"
    id_key: str = "id"
    url_key: str = "url"
    max_chars: int = 2_000_000
    thresholds: QualityThresholds = field(default_factory=QualityThresholds)
    workers: int = 1
    executor: str = "local"
    executor_options: dict = field(default_factory=dict)
    progress: bool = False
    keep_work: bool = False


def _readers(inputs: list[str], output: str, opts: BuildOptions) -> list[CorpusReader]:
    readers = []
    for i, path in enumerate(inputs):
        local = "://" not in path
        if local and not os.path.exists(path):
            raise InputError("no such file or folder", source=path)
        is_file = local and os.path.isfile(path)
        folder, glob = (os.path.dirname(os.path.abspath(path)), os.path.basename(path)) if is_file else (path, None)
        inside = local and os.path.abspath(output).startswith(os.path.abspath(folder) + os.sep)
        readers.append(CorpusReader(folder, format=opts.input_format, text_key=opts.text_key, id_key=opts.id_key,
                                    url_key=opts.url_key, max_chars=opts.max_chars, input_index=i,
                                    glob_pattern=glob.replace("[", "[[]") if glob else None,
                                    exclude=os.path.relpath(output, folder) if inside else None))
    return readers


def stages(inputs: list[str], output: str, opts: BuildOptions) -> list[tuple[str, list, int]]:
    """The pipeline as ``(stage name, steps, tasks)``, in run order."""
    work = f"{output}/{WORK}"
    n = opts.workers
    mh = minhash_config()
    dedup = opts.dedup or opts.near_dedup or opts.clean  # cleaning: site boilerplate is found with the duplicates
    prepare = [*_readers(inputs, output, opts)]
    if opts.clean:
        prepare.append(CleanPage())
    if opts.normalize:
        prepare.append(NormalizeText(tone=opts.tone))
    if opts.filter:
        prepare.append(VietnameseQualityFilter(opts.thresholds))
    prepare.append(work_writer(f"{work}/prepared"))
    if dedup:
        prepare.append(DedupSignature(f"{work}/dedup", mh, minhash=opts.near_dedup, site_lines=opts.clean))
    result = [("prepare", prepare, n)]
    if opts.near_dedup:
        result.append(("buckets", [MinhashBands(f"{work}/dedup/sigs", f"{work}/dedup/buckets", config=mh)],
                       min(n, mh.num_buckets)))
    if dedup:
        result.append(("clusters", [ClusterDuplicates(f"{work}/dedup", f"{work}/prepared",
                                                      f"{work}/dedup/buckets" if opts.near_dedup else None,
                                                      tasks=n, exact=opts.dedup, config=mh, sites=opts.clean)], 1))
    finish = [WorkReader(f"{work}/prepared")]
    if dedup:
        finish.append(DropDuplicates(f"{work}/dedup"))
    if opts.clean:
        finish.append(RemoveSiteBoilerplate(f"{work}/dedup"))
    if opts.segment:
        finish.append(Segment(mode=opts.mode, tone=opts.tone))
    finish.append(work_writer(f"{work}/final"))
    result.append(("finish", finish, n))
    result.append(("write", [CollateWriter(f"{work}/final", output, opts.format, tasks=n)], 1))
    return result


def load_thresholds(path: str) -> QualityThresholds:
    """Filter thresholds from a JSON object of :class:`QualityThresholds` fields."""
    try:
        with open(path, encoding="utf-8") as f:
            return QualityThresholds(**json.load(f))
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(f"cannot read thresholds: {exc}", source=path) from None
