"""The run report, summed from datatrove's per-task stats files.

Every step counts what it drops as ``dropped_<reason>``, the reader counts ``read`` and the
final writer ``kept``, so a finished run satisfies
``read == kept + sum(dropped.values())`` — the report says so in ``accounted``.
"""

from __future__ import annotations

import json
from collections import Counter

from datatrove.io import get_datafolder

_COUNTS = ("read", "kept", "clean_skipped_plain_text", "site_boilerplate_lines", "words_written", "words", "syllables", "near_duplicate_clusters", "candidate_pairs",
           "verified_pairs")


def _value(stat) -> float:
    return stat["total"] if isinstance(stat, dict) else stat


def collect(logs: str, plan: list[tuple[str, list, int]]) -> dict:
    """Sum the stats of every task of every stage of ``plan`` (``(stage, steps, tasks)``) under
    ``logs`` into one report. A task's stats file lists its steps in order, so each step's
    stats are found by its place in the stage and named by its class, not by display name."""
    counts, dropped, seconds = Counter(), Counter(), {}
    folder = get_datafolder(logs)
    for stage, steps, _ in plan:
        seconds[stage] = {}
        for path in folder.list_files(f"{stage}/stats", glob_pattern="*.json"):
            with folder.open(path, "rt", encoding="utf-8") as f:
                task = json.load(f)
            for step, stats in zip(steps, task, strict=True):
                label = type(step).__name__
                seconds[stage][label] = seconds[stage].get(label, 0.0) + _value(stats.get("time_stats", 0.0))
                for key, stat in stats.get("stats", {}).items():
                    if key.startswith("dropped_"):
                        dropped[key.removeprefix("dropped_")] += _value(stat)
                    elif key in _COUNTS:
                        counts[key] += _value(stat)
    read, kept = int(counts["read"]), int(counts["kept"])
    total_dropped = int(sum(dropped.values()))
    return {
        "documents": {"read": read, "kept": kept, "dropped": dict(sorted((k, int(v)) for k, v in dropped.items())),
                      "dropped_total": total_dropped},
        "accounted": read == kept + total_dropped,
        "clean_skipped_plain_text": int(counts["clean_skipped_plain_text"]),
        "site_boilerplate_lines": int(counts["site_boilerplate_lines"]),
        "near_duplicate_clusters": int(counts["near_duplicate_clusters"]),
        "near_duplicate_pairs": {"candidates": int(counts["candidate_pairs"]), "verified": int(counts["verified_pairs"])},
        "words_written": int(counts["words_written"]),
        "syllables_segmented": int(counts["syllables"]),
        "seconds": {stage: {k: round(v, 3) for k, v in steps.items()} for stage, steps in seconds.items()},
    }


def format_report(report: dict) -> str:
    """The report as a few human-readable lines.

    >>> print(format_report({"documents": {"read": 3, "kept": 1, "dropped": {"too_short": 2},
    ...       "dropped_total": 2}, "accounted": True, "near_duplicate_clusters": 0, "words_written": 7}))
    documents read    3
    kept              1
    dropped           2
      too_short       2
    near-dup clusters 0
    words written     7
    """
    d = report["documents"]
    lines = [f"documents read    {d['read']:,}", f"kept              {d['kept']:,}",
             f"dropped           {d['dropped_total']:,}"]
    lines += [f"  {reason:<15} {n:,}" for reason, n in d["dropped"].items()]
    lines += [f"near-dup clusters {report['near_duplicate_clusters']:,}",
              f"words written     {report['words_written']:,}"]
    if not report["accounted"]:
        lines.append(f"WARNING: {d['read'] - d['kept'] - d['dropped_total']:,} documents unaccounted for")
    return "\n".join(lines)


def write_report(report: dict, folder: str, name: str = "stats.json") -> None:
    """Write the report as JSON (UTF-8, indented) into ``folder`` (local or remote)."""
    with get_datafolder(folder).open(name, "wt", encoding="utf-8") as f:
        f.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
