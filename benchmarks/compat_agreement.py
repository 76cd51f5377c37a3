"""Agreement of tachtu's VnCoreNLP-compatible mode with VnCoreNLP 1.2 reference output.

Each line of the reference file is ``{"text": <input line>, "sentences": [...]}``; a line
agrees when ``VnCoreNLPSegmenter().word_segment(text)`` equals ``sentences`` exactly.
Writes ``benchmarks/results/compat_agreement.json`` (figures and every differing line).

    python benchmarks/compat_agreement.py [--reference PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO.parent / "shared" / "data" / "compat" / "reference-dev.jsonl"


def read_reference(path: Path) -> list[dict]:
    """The reference records; line ends only at LF (U+2028 etc. are escaped in the file)."""
    with path.open(encoding="utf-8", newline="\n") as f:
        return [json.loads(line) for line in f if line.strip()]


def agreement(records: list[dict]) -> dict:
    """Compare every record; return counts, the identical-line share and the differences."""
    from tachtu.compat import VnCoreNLPSegmenter

    segmenter = VnCoreNLPSegmenter()
    differences = []
    sentences = same_sentences = 0
    for number, record in enumerate(records, start=1):
        got = segmenter.word_segment(record["text"])
        expected = record["sentences"]
        sentences += len(expected)
        same_sentences += sum(a == b for a, b in zip(got, expected)) if len(got) == len(expected) else 0
        if got != expected:
            differences.append({"line": number, "text": record["text"], "expected": expected,
                                "got": got})
    lines = len(records)
    return {
        "lines": lines,
        "identical_lines": lines - len(differences),
        "identical_line_share": round((lines - len(differences)) / lines, 6) if lines else 1.0,
        "sentences": sentences,
        "identical_sentences_in_same_count_lines": same_sentences,
        "differences": differences,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "compat_agreement.json")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = agreement(read_reference(args.reference))
    result = {"reference": args.reference.name, **result,
              "seconds": round(time.perf_counter() - started, 2)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{result['identical_lines']}/{result['lines']} lines identical "
          f"({100 * result['identical_line_share']:.3f} %), {len(result['differences'])} differ; "
          f"{result['seconds']} s -> {args.out}")
    for d in result["differences"][:20]:
        print(json.dumps(d, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
