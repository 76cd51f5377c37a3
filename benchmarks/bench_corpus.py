"""Corpus builder figures: throughput, near-duplicate precision/recall beside datatrove's stock
MinHash, and peak memory from 10k to 100k documents.

    python benchmarks/bench_corpus.py            # everything (about 10 minutes on 2 cores)
    python benchmarks/bench_corpus.py --only dedup

Writes benchmarks/results/corpus.json and corpus.md.

* Throughput: ``tachtu.corpus.build`` on the first 10,000 articles of the shipped
  ``raw/viwiki19-articles.jsonl.gz``, 2 workers (local executor), with and without page
  cleaning (Wikipedia text is already clean). documents/s = input documents / wall time;
  syllables/s = whitespace tokens of the input / wall time. The per-step CPU seconds come
  from datatrove's stats.
* Near-duplicates: ``dedup/neardup-synthetic.jsonl.gz`` (1,000 labelled clusters + 2,000
  singletons). Pairwise scores: a predicted pair is two documents put in one MinHash cluster,
  a gold pair two documents with the same ``cluster`` label; P = correct / predicted pairs,
  R = correct / gold pairs (all variants keep >= 70 % of the text). Recall is also given per
  variant (pairs original-variant). "ours" = the pipeline's MinHash: tachtu's normalization,
  25 x 4 bands, ``VerifyCandidates``; no exact-dedup stage in front; "stock" = datatrove's default ``MinhashConfig()`` (14 x 8 bands,
  5-grams, its diacritic-stripping normalization) with SHA-1 (its default xxhash path fails
  with xxhash >= 4) and whitespace words (its Vietnamese tokenizer needs spaCy + pyvi).
* Memory: peak resident memory of the main process and of the largest worker of a ``build``
  (no cleaning, 2 workers, a fresh interpreter per size) over the first 10k, 30k and 100k
  documents of viwiki19 followed by viwiki19-stubs (bot stubs, mostly dropped as too short).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"
RESULTS = HERE / "results"


def _jsonl(path: Path, n: int | None = None) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in itertools.islice(f, n)]


def _write_jsonl(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def throughput(n: int = 10_000, workers: int = 2) -> dict:
    from tachtu.corpus import build

    rows = _jsonl(DATA / "raw" / "viwiki19-articles.jsonl.gz", n)
    syllables = sum(len(r["text"].split()) for r in rows)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        _write_jsonl(rows, Path(tmp, "wiki.jsonl"))
        for name, clean in (("no_clean", False), ("default", True)):
            load = os.getloadavg()[0]  # the machine is shared: say how busy it was
            start = time.perf_counter()
            report = build([f"{tmp}/wiki.jsonl"], f"{tmp}/out_{name}", clean=clean, workers=workers)
            wall = time.perf_counter() - start
            out[name] = {"documents": n, "workers": workers, "load_average_before": round(load, 2),
                         "seconds": round(wall, 1),
                         "documents_per_s": round(n / wall), "syllables_per_s": round(syllables / wall),
                         "kept": report["documents"]["kept"], "dropped": report["documents"]["dropped"],
                         "segmented_syllables": report["syllables_segmented"],
                         "cpu_seconds_per_step": {f"{stage}/{step}": t for stage, steps in report["seconds"].items()
                                                  for step, t in steps.items() if t >= 0.05}}
            print(name, out[name], flush=True)
    return out


def _clusters_ours(rows: list[dict], tmp: str) -> dict[str, int]:
    from datatrove.pipeline.readers import JsonlReader

    from tachtu.corpus.dedup import VerifyCandidates, VietnameseMinhashSignature, minhash_config

    cfg = minhash_config()
    reader = JsonlReader(f"{tmp}/in")

    def documents(rank):
        return reader.run(rank=rank, world_size=1)

    return _run_minhash(tmp, "ours", reader, cfg, lambda folder: VietnameseMinhashSignature(folder, cfg),
                        lambda: [VerifyCandidates(f"{tmp}/ours/buckets", f"{tmp}/ours/verified", documents, cfg)],
                        f"{tmp}/ours/verified")


def _clusters_stock(rows: list[dict], tmp: str) -> dict[str, int]:
    from datatrove.pipeline.dedup.minhash import MinhashConfig, MinhashDedupSignature
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.utils.hashing import HashConfig

    from tachtu.corpus.dedup import VietnameseWordTokenizer

    class Whitespace(VietnameseWordTokenizer):
        def word_tokenize(self, text):
            return text.split()

    cfg = MinhashConfig(hash_config=HashConfig(hash_fc="sha1", precision=64))
    return _run_minhash(tmp, "stock", JsonlReader(f"{tmp}/in"), cfg,
                        lambda folder: MinhashDedupSignature(folder, cfg, language=Whitespace()), lambda: [],
                        f"{tmp}/stock/buckets")


def _run_minhash(tmp, arm, reader, cfg, signer, verify, dups_folder) -> dict[str, int]:
    """Run datatrove's four MinHash stages (+ verification); return doc id -> cluster id."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import MinhashDedupBuckets, MinhashDedupCluster, MinhashDedupFilter
    from datatrove.pipeline.writers import JsonlWriter

    base = f"{tmp}/{arm}"
    run = lambda steps, tasks=1, name="": LocalPipelineExecutor(steps, tasks=tasks, workers=1,  # noqa: E731
                                                                logging_dir=f"{base}/logs/{name}").run()
    run([reader, signer(f"{base}/sigs")], name="sigs")
    run([MinhashDedupBuckets(f"{base}/sigs", f"{base}/buckets", config=cfg)], cfg.num_buckets, "buckets")
    extra = verify()
    if extra:
        run(extra, name="verify")
    run([MinhashDedupCluster(dups_folder, f"{base}/remove", cfg, save_cluster_id=True)], name="cluster")
    run([reader, MinhashDedupFilter(f"{base}/remove", load_cluster_ids=True,
                                    exclusion_writer=JsonlWriter(f"{base}/removed")),
         JsonlWriter(f"{base}/kept")], name="filter")
    out = {}
    for folder in ("kept", "removed"):
        for path in Path(base, folder).glob("*.jsonl.gz"):
            for row in _jsonl(path):
                cid = row["metadata"].get("minhash_cluster_id", -1)
                out[row["id"]] = cid if cid != -1 else f"single:{row['id']}"
    return out


def _pairs(groups: dict) -> set[tuple[str, str]]:
    members = defaultdict(list)
    for doc, group in groups.items():
        members[group].append(doc)
    return {pair for docs in members.values() for pair in itertools.combinations(sorted(docs), 2)}


def near_duplicates() -> dict:
    rows = _jsonl(DATA / "dedup" / "neardup-synthetic.jsonl.gz")
    gold = {r["id"]: r["cluster"] for r in rows}
    variant = {r["id"]: r["variant"] for r in rows}
    gold_pairs = _pairs(gold)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(f"{tmp}/in")
        _write_jsonl([{"id": r["id"], "text": r["text"]} for r in rows], Path(tmp, "in", "docs.jsonl"))
        for arm, fn in (("ours", _clusters_ours), ("stock", _clusters_stock)):
            start = time.perf_counter()
            pred = fn(rows, tmp)
            seconds = time.perf_counter() - start
            pred_pairs = _pairs(pred)
            correct = pred_pairs & gold_pairs
            by_variant = defaultdict(lambda: [0, 0])
            for a, b in gold_pairs:
                kinds = {variant[a], variant[b]}
                if "original" in kinds and len(kinds) == 2:
                    v = (kinds - {"original"}).pop()
                    by_variant[v][1] += 1
                    by_variant[v][0] += (a, b) in correct
            out[arm] = {"precision": round(len(correct) / max(1, len(pred_pairs)), 4),
                        "recall": round(len(correct) / len(gold_pairs), 4),
                        "predicted_pairs": len(pred_pairs), "gold_pairs": len(gold_pairs),
                        "recall_by_variant": {v: round(c / t, 4) for v, (c, t) in sorted(by_variant.items())},
                        "seconds": round(seconds, 1)}
            print(arm, out[arm], flush=True)
    return out


def _peak_memory_run(n: int, tmp: str) -> dict:
    rows = _jsonl(DATA / "raw" / "viwiki19-articles.jsonl.gz", n)
    if len(rows) < n:
        rows += _jsonl(DATA / "dedup" / "viwiki19-stubs.jsonl.gz", n - len(rows))
    _write_jsonl(rows, Path(tmp, f"in{n}.jsonl"))
    # a fresh interpreter per size: its own peak and its workers' (forked, waited for) peak
    code = ("import json, resource; from tachtu.corpus import build; "
            f"build([{str(Path(tmp, f'in{n}.jsonl'))!r}], {str(Path(tmp, f'out{n}'))!r}, clean=False, workers=2); "
            "print(json.dumps([resource.getrusage(r).ru_maxrss for r in "
            "(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]))")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
    main_kb, workers_kb = json.loads(done.stdout.strip().splitlines()[-1])
    return {"documents": n, "seconds": round(time.perf_counter() - start, 1),
            "peak_rss_mb_main": round(main_kb / 1024), "peak_rss_mb_worker": round(workers_kb / 1024)}


def memory(sizes=(10_000, 30_000, 100_000)) -> list[dict]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            out.append(_peak_memory_run(n, tmp))
            print(out[-1], flush=True)
    return out


def markdown(results: dict) -> str:
    lines = ["# Corpus builder benchmark", "", "Command: `python benchmarks/bench_corpus.py`", ""]
    if "throughput" in results:
        lines += ["## End-to-end throughput (first 10,000 viwiki19 articles, 2 workers)", "",
                  "| pipeline | seconds | documents/s | syllables/s | kept | load average before |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for name, r in results["throughput"].items():
            lines.append(f"| {name} | {r['seconds']} | {r['documents_per_s']:,} | {r['syllables_per_s']:,} | "
                         f"{r['kept']:,} | {r.get('load_average_before', '')} |")
        for name, r in results["throughput"].items():
            lines += ["", f"CPU seconds per step ({name}, summed over workers):", ""]
            lines += [f"- {step}: {t}" for step, t in sorted(r["cpu_seconds_per_step"].items(), key=lambda x: -x[1])]
    if "near_duplicates" in results:
        lines += ["", "## Near-duplicates (neardup-synthetic, pairwise)", "",
                  "| MinHash | precision | recall | predicted pairs | gold pairs | seconds |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for arm, r in results["near_duplicates"].items():
            lines.append(f"| {arm} | {r['precision']} | {r['recall']} | {r['predicted_pairs']:,} | "
                         f"{r['gold_pairs']:,} | {r['seconds']} |")
        variants = sorted(next(iter(results["near_duplicates"].values()))["recall_by_variant"])
        lines += ["", "Recall of original-variant pairs:", "", "| variant | " + " | ".join(results["near_duplicates"]) + " |",
                  "| --- |" + " ---: |" * len(results["near_duplicates"])]
        for v in variants:
            lines.append(f"| {v} | " + " | ".join(str(r["recall_by_variant"][v])
                                                  for r in results["near_duplicates"].values()) + " |")
    if "memory" in results:
        lines += ["", "## Peak memory (no cleaning, 2 workers; viwiki19 then viwiki19-stubs)", "",
                  "| documents | seconds | peak RSS MB, main process | peak RSS MB, largest worker |",
                  "| ---: | ---: | ---: | ---: |"]
        lines += [f"| {r['documents']:,} | {r['seconds']} | {r['peak_rss_mb_main']} | {r['peak_rss_mb_worker']} |"
                  for r in results["memory"]]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=("throughput", "dedup", "memory"))
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "corpus.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if args.only in (None, "dedup"):
        results["near_duplicates"] = near_duplicates()
    if args.only in (None, "throughput"):
        results["throughput"] = throughput()
    if args.only in (None, "memory"):
        results["memory"] = memory()
    results["machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "corpus.md").write_text(markdown(results), encoding="utf-8")


if __name__ == "__main__":
    main()
