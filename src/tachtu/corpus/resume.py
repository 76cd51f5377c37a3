"""Resuming ``build(...)``: killed and started again with the same arguments, a run skips the
tasks datatrove marked complete and redoes the others, which overwrite their own files, so the
output is the same as an uninterrupted run's. Other arguments start the work folder afresh.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict

from datatrove.io import get_datafolder

from tachtu.corpus.plan import WORK, BuildOptions


def completed(logs: str, stage: str) -> int:
    """How many tasks of ``stage`` datatrove has marked complete."""
    folder = get_datafolder(logs)
    return len(folder.list_files(f"{stage}/completions")) if folder.isdir(f"{stage}/completions") else 0


def start_work(output: str, inputs: list[str], opts: BuildOptions) -> None:
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
