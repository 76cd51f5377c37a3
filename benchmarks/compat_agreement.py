"""Agreement of tachtu's VnCoreNLP-compatible mode with VnCoreNLP 1.2 reference output.

A line agrees when ``VnCoreNLPSegmenter().word_segment(text)`` equals the reference
``sentences`` exactly. Writes ``benchmarks/results/compat_agreement.json`` (figures and every
differing line) and prints a summary.

    python benchmarks/compat_agreement.py [--reference PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from tachtu.compat.reference import compare, read_reference

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO.parent / "shared" / "data" / "compat" / "reference-dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path,
                        default=REPO / "benchmarks" / "results" / "compat_agreement.json")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = {"reference": args.reference.name, **compare(read_reference(args.reference))}
    result["seconds"] = round(time.perf_counter() - started, 2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{result['identical_lines']}/{result['lines']} lines identical "
          f"({100 * result['identical_line_share']:.3f} %); {result['seconds']} s -> {args.out}")
    for d in result["differences"][:20]:
        print(json.dumps(d, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
