"""Page-cleaning figures: tachtu and two baselines on the cleaning development set, in one run.

Line-level precision and recall of the kept article lines against the gold article of each
page (``tests/data/cleaning``: synthetic pages around Wikipedia text, hand-written pages and
the seed page; see its README). A kept line matches a gold line when they are equal after
collapsing whitespace (``tachtu.cleaning.evaluate``); figures are micro-averaged over lines.

Systems:
- ``tachtu-text``: ``tachtu.clean(page_text)`` on the ``.txt`` pages;
- ``tachtu-html``: ``tachtu.clean(html)`` on the ``.html`` pages;
- ``trafilatura``: ``trafilatura.extract(html)`` alone (its text output, one line per line,
  with the title it finds as the first line unless the text starts with it, and the outer bars
  of its table rows removed so that they can match), on the ``.html`` pages;
- ``over-N``: keep every line of the page text longer than N characters (N = 60; 30 and 100
  shown too), on the ``.txt`` pages.

Usage::

    python benchmarks/bench_clean.py [--data tests/data/cleaning] [--out benchmarks/results]

Writes ``clean.json`` and ``clean.md`` into ``--out`` and prints the markdown.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def tachtu_lines(path: Path) -> list[str]:
    from tachtu.cleaning import clean

    return clean(path.read_bytes(), source=str(path)).lines()


def trafilatura_lines(path: Path) -> list[str]:
    import trafilatura

    html = path.read_text("utf-8")
    text = trafilatura.extract(html, include_comments=False, target_language="vi") or ""
    lines = [line.strip().strip("|").strip() for line in text.splitlines()]  # table rows: "| a | b |" -> "a | b"
    meta = trafilatura.extract_metadata(html)
    if meta and meta.title and (not lines or lines[0] != meta.title):
        lines.insert(0, meta.title)
    return lines


def over_n(n: int):
    def keep(path: Path) -> list[str]:
        return [line.strip() for line in path.read_text("utf-8").splitlines() if len(line.strip()) > n]
    return keep


SYSTEMS = {
    "tachtu-text": ("text", tachtu_lines, "tachtu `clean(page_text)`"),
    "tachtu-html": ("html", tachtu_lines, "tachtu `clean(html)`"),
    "trafilatura": ("html", trafilatura_lines, "trafilatura `extract(html)` + its title"),
    "over-60": ("text", over_n(60), "every page-text line longer than 60 characters"),
    "over-30": ("text", over_n(30), "every page-text line longer than 30 characters"),
    "over-100": ("text", over_n(100), "every page-text line longer than 100 characters"),
}


def measure(data: Path) -> dict:
    from tachtu.cleaning.evaluate import devset, line_counts, prf

    pages = devset(data)
    results = {}
    for name, (kind, run, what) in SYSTEMS.items():
        total, per_page, seconds, n = [0, 0, 0], {}, 0.0, 0
        for page, gold, text_path, html_path in pages:
            path = text_path if kind == "text" else html_path
            if path is None:
                continue
            start = time.perf_counter()
            kept = run(path)
            seconds += time.perf_counter() - start
            counts = line_counts(kept, gold)
            per_page[page] = counts
            total = [a + b for a, b in zip(total, counts)]
            n += 1
        p, r, f = prf(*total)
        results[name] = {"what": what, "input": kind, "pages": n, "matched": total[0], "kept": total[1],
                         "gold": total[2], "precision": p, "recall": r, "f1": f,
                         "seconds": round(seconds, 3), "per_page": per_page}
    return {"data": str(data.relative_to(REPO) if data.is_relative_to(REPO) else data),
            "pages": len(pages), "python": platform.python_version(), "results": results}


def markdown(report: dict) -> str:
    rows = ["| system | input | pages | precision | recall | F1 | seconds |", "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in report["results"].items():
        rows.append(f"| {name}: {r['what']} | {r['input']} | {r['pages']} | {r['precision']:.4f} | "
                    f"{r['recall']:.4f} | {r['f1']:.4f} | {r['seconds']:.2f} |")
    return (f"# Page cleaning: line precision/recall on `{report['data']}` ({report['pages']} pages)\n\n"
            "Kept lines matched to gold article lines after whitespace collapsing; micro-averaged.\n"
            "Command: `python benchmarks/bench_clean.py`\n\n" + "\n".join(rows) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO / "tests" / "data" / "cleaning")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args(argv)
    report = measure(args.data.resolve())
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "clean.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", "utf-8")
    md = markdown(report)
    (args.out / "clean.md").write_text(md, "utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
