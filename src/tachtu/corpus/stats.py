"""The run report, summed from datatrove's per-task stats files.

Every step counts what it drops as ``dropped_<reason>`` (datatrove's own dedup filters
count ``dropped``; we name those ``exact_duplicate`` and ``near_duplicate``), the reader
counts ``read`` and the final writer ``kept``, so a finished run satisfies
``read == kept + sum(dropped.values())`` — the report says so in ``accounted``.
"""

from __future__ import annotations

import json
from collections import Counter

from datatrove.io import get_datafolder

_DEDUP_DROPS = {"exact-deduplication stage 3": "exact_duplicate", "MinHash stage 4": "near_duplicate"}


def _value(stat) -> float:
    return stat["total"] if isinstance(stat, dict) else stat


def collect(logs: str, stages: list[tuple[str, int]], replayed: tuple[str, ...] = ("minhash1",)) -> dict:
    """Sum the stats of every task of every stage under ``logs`` into one report.

    ``replayed`` stages re-apply a dedup filter only to number documents the same way as a
    later stage; their drops are counted there, not twice.
    """
    counts, dropped, seconds = Counter(), Counter(), {}
    clusters = 0
    folder = get_datafolder(logs)
    for stage, tasks in stages:
        seconds[stage] = {}
        for path in folder.list_files(f"{stage}/stats", glob_pattern="*.json"):
            with folder.open(path, "rt", encoding="utf-8") as f:
                steps = json.load(f)
            for step in steps:
                name, stats = step["name"], step.get("stats", {})
                label = name.split(": ", 1)[-1]
                seconds[stage][label] = seconds[stage].get(label, 0.0) + _value(step.get("time_stats", 0.0))
                for key, stat in stats.items():
                    if key.startswith("dropped_"):
                        dropped[key.removeprefix("dropped_")] += _value(stat)
                    elif key in ("read", "kept", "words_written", "words", "syllables"):
                        counts[key] += _value(stat)
                drop_name = next((v for k, v in _DEDUP_DROPS.items() if label.endswith(k)), None)
                if drop_name and "dropped" in stats and stage not in replayed:
                    dropped[drop_name] += _value(stats["dropped"])
                if label.endswith("MinHash stage 3") and isinstance(stats.get("cluster_size"), dict):
                    clusters += stats["cluster_size"].get("n", 0)
    read, kept = int(counts["read"]), int(counts["kept"])
    total_dropped = int(sum(dropped.values()))
    return {
        "documents": {"read": read, "kept": kept, "dropped": dict(sorted((k, int(v)) for k, v in dropped.items())),
                      "dropped_total": total_dropped},
        "accounted": read == kept + total_dropped,
        "near_duplicate_clusters": int(clusters),
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
