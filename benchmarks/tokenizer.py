"""Tokenizer figures: agreement with the gold tokenization and throughput.

1. On the gold ``ws/*.raw.txt`` files (already tokenized, tokens separated by
   spaces) count the lines where ``[t.text for t in tokenize(line)] !=
   line.split()`` and show the most frequent differences.
2. Throughput in characters/s and tokens/s of ``iter_tokens`` on viwiki text
   (and of ``normalize`` with tone="old"), best of a few runs.
3. Time on pathological 1 MB inputs (must be linear) and on one 50 MB line of
   viwiki text (time and peak RSS while streaming with ``iter_tokens``).

Usage: python benchmarks/tokenizer.py [--data ../shared/data] [--docs 3000]
Writes benchmarks/results/tokenizer.json and .md.
"""

from __future__ import annotations

import argparse
import collections
import difflib
import gzip
import json
import pathlib
import resource
import time

from tachtu.text import iter_tokens, normalize, tokenize

GOLD = ("vlsp-sample", "udvtb-train", "udvtb-dev", "udvtb-test", "uts-wscorpus-sample")


def gold_agreement(path: pathlib.Path) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    diffs = collections.Counter()
    bad = 0
    for line in lines:
        want = line.split()
        got = [t.text for t in tokenize(line)]
        if got == want:
            continue
        bad += 1
        matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op != "equal":
                diffs[f"{' '.join(want[a0:a1])!r} -> {' '.join(got[b0:b1])!r}"] += 1
    return {"lines": len(lines), "mismatched_lines": bad,
            "mismatch_rate_percent": round(100 * bad / len(lines), 3),
            "top_differences": diffs.most_common(15)}


def viwiki_texts(data: pathlib.Path, docs: int) -> list[str]:
    texts = []
    with gzip.open(data / "raw" / "viwiki19-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) >= docs:
                break
    return texts


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def throughput(texts: list[str]) -> dict:
    chars = sum(map(len, texts))
    tokens = sum(1 for text in texts for _ in iter_tokens(text))
    seconds = best_of(3, lambda: [sum(1 for _ in iter_tokens(t)) for t in texts])
    seconds_old = best_of(3, lambda: [sum(1 for _ in iter_tokens(t, tone="old")) for t in texts])
    seconds_norm = best_of(3, lambda: [normalize(t, tone="old") for t in texts])
    return {"documents": len(texts), "chars": chars, "tokens": tokens,
            "tokenize_chars_per_s": round(chars / seconds),
            "tokenize_tokens_per_s": round(tokens / seconds),
            "tokenize_docs_per_s": round(len(texts) / seconds),
            "tokenize_tone_old_chars_per_s": round(chars / seconds_old),
            "normalize_tone_old_chars_per_s": round(chars / seconds_norm)}


def pathological() -> dict:
    size = 1_000_000
    cases = {"a.a.a.": "a." * (size // 2), "1.1.1.": "1." * (size // 2), "@@@": "@" * size,
             "ab.ab.": "ab." * (size // 3), "aaaa": "a" * size, "1111a": "1" * size + "a",
             "www.a.": "www." + "a." * (size // 2), "x@x@": "x@" * (size // 2),
             "http://": "http://" * (size // 7), "a-a-a-": "a-" * (size // 2)}
    result = {}
    for name, text in cases.items():
        t0 = time.process_time()
        n = sum(1 for _ in iter_tokens(text))
        result[name] = {"seconds": round(time.process_time() - t0, 3), "tokens": n}
    return result


def huge_line(texts: list[str], megabytes: int = 50) -> dict:
    """Stream the tokens of one line of ``megabytes`` MB (UTF-8) built from viwiki text."""
    base = " ".join(t.replace("\n", " ") for t in texts)
    reps = megabytes * 2**20 // len(base.encode("utf-8")) + 1
    line = " ".join([base] * reps)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.process_time()
    n = sum(1 for _ in iter_tokens(line))
    seconds = time.process_time() - t0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"megabytes_utf8": round(len(line.encode("utf-8")) / 2**20, 1), "chars": len(line),
            "tokens": n, "cpu_seconds": round(seconds, 1), "chars_per_s": round(len(line) / seconds),
            "peak_rss_mb": round(rss_after / 1024), "peak_rss_growth_mb": round((rss_after - rss_before) / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=pathlib.Path(__file__).resolve().parents[2] / "shared" / "data",
                        type=pathlib.Path)
    parser.add_argument("--docs", default=3000, type=int, help="viwiki documents for throughput")
    args = parser.parse_args()
    gold = {name: gold_agreement(args.data / "ws" / f"{name}.raw.txt") for name in GOLD}
    target = [gold[n] for n in GOLD if n != "uts-wscorpus-sample"]
    combined = sum(g["mismatched_lines"] for g in target) / sum(g["lines"] for g in target)
    texts = viwiki_texts(args.data, args.docs)
    results = {"gold": gold, "target_files_mismatch_rate_percent": round(100 * combined, 3),
               "throughput": throughput(texts), "pathological_1MB": pathological(),
               "single_line_50MB": huge_line(texts)}
    out = pathlib.Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "tokenizer.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    md = ["| gold file | lines | mismatched | rate % |", "| --- | ---: | ---: | ---: |"]
    md += [f"| {n} | {g['lines']} | {g['mismatched_lines']} | {g['mismatch_rate_percent']} |"
           for n, g in gold.items()]
    md += ["", f"vlsp-sample + udvtb-*: {results['target_files_mismatch_rate_percent']} % of lines differ", ""]
    md += ["| throughput | value |", "| --- | ---: |"]
    md += [f"| {k} | {v:,} |" for k, v in results["throughput"].items()]
    md += ["", "| one 50 MB line | value |", "| --- | ---: |"]
    md += [f"| {k} | {v:,} |" for k, v in results["single_line_50MB"].items()]
    md += ["", "| pathological 1 MB input | seconds |", "| --- | ---: |"]
    md += [f"| `{k}` | {v['seconds']} |" for k, v in results["pathological_1MB"].items()]
    (out / "tokenizer.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
