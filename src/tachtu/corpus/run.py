"""``build(...)``: the planned stages run by datatrove's executors (local, Ray, Slurm), with a
progress bar, then the stats report.
"""

from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from datatrove.io import get_datafolder

from tachtu.corpus.plan import EXECUTORS, WORK, BuildOptions, stages
from tachtu.corpus.resume import completed, start_work
from tachtu.corpus.stats import collect, write_report
from tachtu.corpus.formats import OUTPUT_FORMATS
from tachtu.errors import InputError


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
            n = completed(self.logs, name)
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


@contextmanager
def _no_child_left_behind():
    """An interrupted local run leaves no process behind. A signal can land between datatrove
    starting its ``multiprocess`` manager and registering the manager's shutdown; that orphan is no
    daemon, so the interpreter would wait for it at exit, forever."""
    try:
        yield
    except BaseException:
        import multiprocess

        children = multiprocess.active_children()
        for child in children:
            child.terminate()
        for child in children:
            child.join(timeout=5)
            if child.is_alive():
                child.kill()
                child.join()
        raise


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
    if opts.format not in OUTPUT_FORMATS:
        raise ValueError(f"format must be one of {OUTPUT_FORMATS}, not {opts.format!r}")
    inputs = [inputs] if isinstance(inputs, str) else list(inputs)
    if not inputs:
        raise InputError("no input given")
    start_work(output, inputs, opts)
    plan = stages(inputs, output, opts)
    logs = f"{output}/{WORK}/logs"

    def run_all():
        executor = None
        for name, steps, tasks in plan:
            executor = _executor(opts.executor, name, steps, tasks, opts, f"{logs}/{name}", executor)
        with _no_child_left_behind():
            executor.run()

    if opts.executor == "slurm":
        if any(completed(logs, name) < tasks for name, _, tasks in plan):
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
