"""``build(...)``: the corpus pipeline as datatrove stages, run by datatrove's executors.

Stages (each a datatrove executor; the work folder ``<output>/.tachtu`` holds their
intermediate files, logs and completion marks):

1. ``prepare``   read -> clean -> normalize -> filter -> write ``prepared/`` + dedup keys and MinHash signatures
2. ``buckets``   datatrove's MinHash buckets (one task per band): candidate pairs
3. ``clusters``  exact copies + verified candidate pairs -> clusters, one document kept per cluster;
                 lines repeated across many kept pages of one site (one task)
4. ``finish``    drop duplicates -> remove site boilerplate -> segment -> write ``final/``
5. ``write``     merge tasks back into input order -> ``lines``/``files``/``jsonl``/``parquet`` (one task)

Killed and started again with the same arguments, a run skips the tasks datatrove marked
complete and redoes the others, which overwrite their own files: the output is the same as
an uninterrupted run's.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from datatrove.pipeline.dedup.minhash import MinhashDedupBuckets
from datatrove.io import get_datafolder
from datatrove.pipeline.writers.jsonl import JsonlWriter

from tachtu.corpus.dedup import minhash_config
from tachtu.corpus.duplicates import ClusterDuplicates, DedupSignature, DropDuplicates
from tachtu.corpus.sites import RemoveSiteBoilerplate
from tachtu.corpus.filters import QualityThresholds, VietnameseQualityFilter
from tachtu.corpus.readers import CorpusReader, WorkReader
from tachtu.corpus.stats import collect, write_report
from tachtu.corpus.steps import CleanPage, NormalizeText, Segment
from tachtu.corpus.writers import FORMATS, CollateWriter
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
    prepare.append(JsonlWriter(f"{work}/prepared", "${rank}.jsonl", compression=None))
    if dedup:
        prepare.append(DedupSignature(f"{work}/dedup", mh, minhash=opts.near_dedup, site_lines=opts.clean))
    result = [("prepare", prepare, n)]
    if opts.near_dedup:
        result.append(("buckets", [MinhashDedupBuckets(f"{work}/dedup/sigs", f"{work}/dedup/buckets", config=mh)],
                       mh.num_buckets))
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
    finish.append(JsonlWriter(f"{work}/final", "${rank}.jsonl", compression=None))
    result.append(("finish", finish, n))
    result.append(("write", [CollateWriter(f"{work}/final", output, opts.format, tasks=n)], 1))
    return result


def _executor(kind: str, name: str, steps: list, tasks: int, opts: BuildOptions, logging_dir: str, depends):
    workers = max(1, min(opts.workers, tasks))
    extra = dict(opts.executor_options)
    if kind == "local":
        from datatrove.executor import LocalPipelineExecutor

        # fork: workers start in milliseconds instead of re-importing datatrove (seconds each)
        extra.setdefault("start_method", "fork" if sys.platform == "linux" else "forkserver")
        return LocalPipelineExecutor(steps, tasks=tasks, workers=workers, logging_dir=logging_dir,
                                     depends=depends, **extra)
    if kind == "ray":
        from datatrove.executor.ray import RayPipelineExecutor

        return RayPipelineExecutor(steps, tasks=tasks, workers=workers, logging_dir=logging_dir,
                                   depends=depends, **extra)
    if kind == "slurm":
        from datatrove.executor.slurm import SlurmPipelineExecutor

        extra.setdefault("time", "24:00:00")
        extra.setdefault("partition", os.environ.get("SLURM_PARTITION", "cpu"))
        return SlurmPipelineExecutor(steps, tasks=tasks, workers=workers if workers > 1 else -1,
                                     logging_dir=logging_dir, depends=depends, job_name=f"tachtu_{name}", **extra)
    raise ValueError(f"executor must be one of {EXECUTORS}, not {kind!r}")


def _completed(logs: str, stage: str) -> int:
    """How many tasks of ``stage`` datatrove has marked complete."""
    folder = get_datafolder(logs)
    return len(folder.list_files(f"{stage}/completions")) if folder.isdir(f"{stage}/completions") else 0


class _Progress:
    """A tqdm bar over all tasks of all stages, fed by datatrove's completion marks."""

    def __init__(self, plan: list[tuple[str, list, int]], logs: str, stream):
        from tqdm import tqdm

        self.plan, self.logs = plan, logs
        self.bar = tqdm(total=sum(t for _, _, t in plan), unit="task", file=stream, desc="tachtu build")
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def _done(self) -> tuple[int, str]:
        done, current = 0, self.plan[-1][0]
        for name, _, tasks in self.plan:
            n = _completed(self.logs, name)
            done += n
            if n < tasks and current == self.plan[-1][0]:
                current = name
        return done, current

    def _poll(self):
        while not self.stop.wait(0.5):
            self._update()

    def _update(self):
        done, current = self._done()
        if done != self.bar.n or not self.bar.desc.endswith(f"[{current}]"):
            self.bar.set_description(f"tachtu build [{current}]", refresh=False)
            self.bar.update(done - self.bar.n)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        self._update()
        self.bar.close()


@contextmanager
def _quiet_stderr(log_path: Path):
    """Send datatrove's log lines (ours and the workers') to a file; yield the real stderr."""
    sys.stderr.flush()
    saved = os.dup(2)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        os.dup2(log.fileno(), 2)
        real = os.fdopen(os.dup(saved), "w", buffering=1)
        try:
            yield real
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            real.close()


def build(inputs: list[str] | str, output: str, options: BuildOptions | None = None, **kwargs) -> dict:
    """Build a corpus from ``inputs`` (files or folders) into the folder ``output``.

    Keyword arguments override :class:`BuildOptions` fields (in a copy). Returns the stats report
    (also written to ``<output>/stats.json``); for Slurm, the submitted jobs' description.
    """
    opts = options or BuildOptions()
    unknown = [key for key in kwargs if not hasattr(opts, key)]
    if unknown:
        raise TypeError(f"build() got an unexpected option {unknown[0]!r}")
    opts = replace(opts, **kwargs)  # the caller's options stay as they were
    if opts.format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {opts.format!r}")
    inputs = [inputs] if isinstance(inputs, str) else list(inputs)
    if not inputs:
        raise InputError("no input given")
    _start_work(output, inputs, opts)
    plan = stages(inputs, output, opts)
    logs = f"{output}/{WORK}/logs"

    def run_all():
        executor = None
        for name, steps, tasks in plan:
            executor = _executor(opts.executor, name, steps, tasks, opts, f"{logs}/{name}", executor)
        executor.run()

    if opts.executor == "slurm":
        if any(_completed(logs, name) < tasks for name, _, tasks in plan):
            run_all()
            return {"submitted": [name for name, _, _ in plan], "logs": logs}
    elif opts.progress and "://" not in output:
        with _quiet_stderr(Path(logs, "run.log")) as real, _Progress(plan, logs, real):
            run_all()
    else:
        run_all()
    report = collect(logs, plan)
    report["options"] = {"inputs": inputs, "output": output, "format": opts.format, "mode": opts.mode,
                         "tone": opts.tone, "steps": {k: getattr(opts, k) for k in
                                                      ("clean", "normalize", "filter", "dedup", "near_dedup",
                                                       "segment")},
                         "thresholds": opts.thresholds.as_dict() if opts.filter else None}
    write_report(report, output)
    if not opts.keep_work:
        work = get_datafolder(f"{output}/{WORK}")
        for folder in ("prepared", "final", "dedup"):
            if work.exists(folder):
                work.rm(folder, recursive=True)
    return report


def _start_work(output: str, inputs: list[str], opts: BuildOptions) -> None:
    """Resume only a run with the same inputs and options; otherwise start the work folder afresh."""
    work = get_datafolder(f"{output}/{WORK}")
    fingerprint = json.dumps({"inputs": [os.path.abspath(p) if "://" not in p else p for p in inputs],
                              **{k: v for k, v in asdict(opts).items() if k not in ("progress", "keep_work")}},
                             sort_keys=True, default=str)
    if work.exists("options.json"):
        with work.open("options.json", "rt", encoding="utf-8") as f:
            if f.read() != fingerprint:
                work.rm("", recursive=True)
                work = get_datafolder(f"{output}/{WORK}")
    with work.open("options.json", "wt", encoding="utf-8") as f:
        f.write(fingerprint)


def load_thresholds(path: str) -> QualityThresholds:
    """Filter thresholds from a JSON object of :class:`QualityThresholds` fields."""
    try:
        with open(path, encoding="utf-8") as f:
            return QualityThresholds(**json.load(f))
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(f"cannot read thresholds: {exc}", source=path) from None
