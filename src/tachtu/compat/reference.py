"""Comparing the compatible mode with VnCoreNLP reference output (``reference-*.jsonl``).

Each line of a reference file is ``{"text": <input line>, "sentences": [<sentence>, ...]}``,
what VnCoreNLP 1.2's ``word_segment`` returned for that input line. A line agrees when
:meth:`VnCoreNLPSegmenter.word_segment` returns exactly the same list.

>>> compare([{"text": "Hà Nội", "sentences": ["Hà_Nội"]}])["identical_lines"]
1
"""

from __future__ import annotations

import json
from pathlib import Path

from tachtu.compat.segmenter import VnCoreNLPSegmenter


def read_reference(path: str | Path) -> list[dict]:
    """The records of a reference file (lines end at LF only; U+2028 etc. are escaped)."""
    with open(path, encoding="utf-8", newline="\n") as f:
        return [json.loads(line) for line in f if line.strip()]


def compare(records: list[dict]) -> dict:
    """Counts of identical lines and sentences, and every differing line."""
    segmenter = VnCoreNLPSegmenter()
    differences = []
    sentences = 0
    for number, record in enumerate(records, start=1):
        got = segmenter.word_segment(record["text"])
        sentences += len(record["sentences"])
        if got != record["sentences"]:
            differences.append({"line": number, "text": record["text"],
                                "expected": record["sentences"], "got": got})
    lines = len(records)
    return {
        "lines": lines,
        "sentences": sentences,
        "identical_lines": lines - len(differences),
        "identical_line_share": round((lines - len(differences)) / lines, 6) if lines else 1.0,
        "differences": differences,
    }
