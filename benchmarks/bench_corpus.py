"""Corpus builder figures: throughput beside datatrove's stock MinHash pipeline, near-duplicate
precision/recall on the synthetic set and on a dev crawl, and what the filter drops of short documents.

    python benchmarks/bench_corpus.py            # everything (about 20 minutes on 2 busy cores)
    python benchmarks/bench_corpus.py --only throughput|dedup|crawl|filters

Writes benchmarks/results/corpus.json and corpus.md.

* Throughput: ``tachtu.corpus.build`` (every step, and ``--no-clean``) and datatrove's stock
  MinHash dedup pipeline (read, signatures, buckets, clusters, filter + write: dedup only) on the
  first 10,000 viwiki19 articles and on 100,000 documents (all 31,206 viwiki19 articles, then
  viwiki19-stubs), 2 workers, local executor. Each arm runs in a fresh interpreter, arms
  alternate; documents/s best and median of the rounds; CPU seconds are user + system of the
  main process and all its workers; peak RSS of the main process and of the largest worker;
  disk used by the intermediate files (kept with ``keep_work``).
* Near-duplicates: ``dedup/neardup-synthetic.jsonl.gz`` (1,000 labelled clusters + 2,000
  singletons). Pairwise scores: a predicted pair is two documents put in one cluster, a gold
  pair two documents with the same ``cluster`` label; P = correct / predicted pairs,
  R = correct / gold pairs (all variants keep >= 70 % of the text); recall per variant (pairs
  original-variant). "ours" = ``build`` with only normalization and dedup; "stock" =
  datatrove's default ``MinhashConfig()`` (14 x 8 bands, 5-grams, its diacritic-stripping
  normalization) with SHA-1 (its default xxhash path fails with xxhash >= 4) and whitespace
  words (its Vietnamese tokenizer needs spaCy + pyvi).
* Dev crawl (:func:`make_dev_crawl`): real viwiki19 articles (from the 20,000th on, not in the
  throughput input) in the page chrome of the cleaning dev set, with variants of the kinds a
  crawl has (one paragraph changed, a paragraph appended, other chrome, a new title, a
  changed-paragraph pair inside a JSONL file, the same article as HTML), distinct articles
  and bad files; ``build`` with every step; recall per variant kind, pairwise P/R, articles
  kept once. Thresholds were not set on it.
* Short documents: what each quality check drops of short real documents.
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


ARMS = ("default", "no_clean", "datatrove_minhash")


def _input(n: int, path: Path) -> int:
    """The first ``n`` viwiki19 articles (then viwiki19-stubs) as JSONL at ``path``; their syllables."""
    rows = _jsonl(DATA / "raw" / "viwiki19-articles.jsonl.gz", n)
    if len(rows) < n:
        rows += _jsonl(DATA / "dedup" / "viwiki19-stubs.jsonl.gz", n - len(rows))
    _write_jsonl(rows, path)
    return sum(len(r["text"].split()) for r in rows)


def _disk_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def run_arm(arm: str, source: str, out: str) -> dict:
    """One arm in this process (called in a fresh interpreter by :func:`throughput`)."""
    import resource

    start = time.perf_counter()
    if arm == "datatrove_minhash":
        result = _stock_pipeline(source, out)
    else:
        from tachtu.corpus import build

        report = build([source], out, clean=arm != "no_clean", workers=2, keep_work=True)
        result = {"kept": report["documents"]["kept"], "dropped": report["documents"]["dropped"],
                  "clean_skipped_plain_text": report["clean_skipped_plain_text"],
                  "step_seconds": {f"{stage}/{step}": t for stage, steps in report["seconds"].items()
                                   for step, t in steps.items() if t >= 0.05}}
    wall = time.perf_counter() - start
    me, kids = (resource.getrusage(r) for r in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over execve, so it would report the benchmark's own peak
    hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    return {**result, "seconds": round(wall, 2),
            "cpu_seconds": round(me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, 2),
            "peak_rss_mb_main": round(hwm / 1024), "peak_rss_mb_worker": round(kids.ru_maxrss / 1024),
            "work_disk_mb": _disk_mb(Path(out))}


def _stock_pipeline(source: str, out: str) -> dict:
    """datatrove's stock MinHash dedup (its README pipeline) on the same JSONL, 2 workers: read,
    signatures, buckets, clusters, filter + write. Dedup only: no cleaning, filter or segmentation."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import (MinhashConfig, MinhashDedupBuckets, MinhashDedupCluster,
                                                  MinhashDedupFilter, MinhashDedupSignature)
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from datatrove.utils.hashing import HashConfig

    cfg = MinhashConfig(hash_config=HashConfig(hash_fc="sha1", precision=64))
    folder, name = os.path.dirname(source), os.path.basename(source)
    reader = JsonlReader(folder, glob_pattern=name)
    executor = None
    for stage, steps, tasks in (
            ("sigs", [reader, MinhashDedupSignature(f"{out}/sigs", cfg, language=_whitespace())], 2),
            ("buckets", [MinhashDedupBuckets(f"{out}/sigs", f"{out}/buckets", config=cfg)], cfg.num_buckets),
            ("cluster", [MinhashDedupCluster(f"{out}/buckets", f"{out}/remove", cfg)], 1),
            ("filter", [reader, MinhashDedupFilter(f"{out}/remove"), JsonlWriter(f"{out}/kept")], 2)):
        executor = LocalPipelineExecutor(steps, tasks=tasks, workers=2, logging_dir=f"{out}/logs/{stage}",
                                         depends=executor, start_method="fork")
    executor.run()
    kept = sum(len(_jsonl(p)) for p in Path(out, "kept").glob("*.jsonl.gz"))
    return {"kept": kept}


def throughput(sizes=(10_000, 100_000), rounds: int = 5) -> dict:
    """Every arm in a fresh interpreter per round, arms alternating; best and median of the rounds."""
    import statistics

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            source = Path(tmp, f"in{n}.jsonl")
            syllables = _input(n, source)
            runs = defaultdict(list)
            for r in range(rounds if n <= 10_000 else 1):
                for arm in (ARMS if n <= 10_000 else ("default", "datatrove_minhash")):
                    load = os.getloadavg()[0]
                    target = Path(tmp, f"out_{n}_{arm}_{r}")
                    done = subprocess.run([sys.executable, __file__, "--arm", arm, str(source), str(target)],
                                          check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                    runs[arm].append({**json.loads(done.stdout.strip().splitlines()[-1]), "load_average_before":
                                      round(load, 2), "load_average_after": round(os.getloadavg()[0], 2)})
                    subprocess.run(["rm", "-rf", str(target)], check=True)
                    print(n, arm, runs[arm][-1]["seconds"], runs[arm][-1]["cpu_seconds"], flush=True)
            for arm, rs in runs.items():
                best = min(rs, key=lambda x: x["seconds"])
                cpu = sorted(x["cpu_seconds"] for x in rs)
                out[f"{n}/{arm}"] = {
                    "documents": n, "workers": 2, "rounds": len(rs), "syllables": syllables,
                    "documents_per_s_best": round(n / best["seconds"]),
                    "documents_per_s_median": round(n / statistics.median(x["seconds"] for x in rs)),
                    "cpu_seconds_best": cpu[0], "cpu_seconds_median": statistics.median(cpu),
                    "cpu_seconds_per_10k_best": round(cpu[0] * 10_000 / n, 1),
                    # both cores ours, parallel stages split evenly: the idle-machine rate the CPU time implies
                    "documents_per_s_implied_idle_2_cores": round(n / (cpu[0] / 2)),
                    "load_average": [x["load_average_before"] for x in rs],
                    **{k: best[k] for k in ("kept", "peak_rss_mb_main", "peak_rss_mb_worker", "work_disk_mb")},
                    **{k: best[k] for k in ("dropped", "clean_skipped_plain_text", "step_seconds") if k in best}}
    return out


def _whitespace():
    """Whitespace words for datatrove's stock arm (its Vietnamese tokenizer needs spaCy + pyvi)."""
    from tachtu.corpus.dedup import VietnameseWordTokenizer

    class Whitespace(VietnameseWordTokenizer):
        def word_tokenize(self, text):
            return text.split()

    return Whitespace()


def _clusters_ours(rows: list[dict], tmp: str) -> dict[str, int]:
    """``build`` with only normalization and dedup; doc id -> cluster from the dedup work files."""
    from tachtu.corpus import build
    from tachtu.corpus.duplicates import load_array
    from datatrove.io import get_datafolder

    build([f"{tmp}/in"], f"{tmp}/ours", clean=False, filter=False, segment=False, keep_work=True, workers=1)
    work = get_datafolder(f"{tmp}/ours/.tachtu")
    fates = {int(i): int(c) for i, _, _, c in load_array(work, "dedup/fates/00000.npy").tolist()}
    with open(f"{tmp}/ours/.tachtu/prepared/00000.jsonl", encoding="utf-8") as f:
        ids = [json.loads(line)["metadata"]["source_id"] for line in f]
    return {doc: fates.get(i, f"single:{doc}") for i, doc in enumerate(ids)}


def _clusters_stock(rows: list[dict], tmp: str) -> dict[str, int]:
    from datatrove.pipeline.dedup.minhash import MinhashConfig, MinhashDedupSignature
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.utils.hashing import HashConfig

    cfg = MinhashConfig(hash_config=HashConfig(hash_fc="sha1", precision=64))
    return _run_minhash(tmp, "stock", JsonlReader(f"{tmp}/in"), cfg,
                        lambda folder: MinhashDedupSignature(folder, cfg, language=_whitespace()),
                        f"{tmp}/stock/buckets")


def _run_minhash(tmp, arm, reader, cfg, signer, dups_folder) -> dict[str, int]:
    """Run datatrove's four MinHash stages; return doc id -> cluster id."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import MinhashDedupBuckets, MinhashDedupCluster, MinhashDedupFilter
    from datatrove.pipeline.writers import JsonlWriter

    base = f"{tmp}/{arm}"
    run = lambda steps, tasks=1, name="": LocalPipelineExecutor(steps, tasks=tasks, workers=1,  # noqa: E731
                                                                logging_dir=f"{base}/logs/{name}").run()
    run([reader, signer(f"{base}/sigs")], name="sigs")
    run([MinhashDedupBuckets(f"{base}/sigs", f"{base}/buckets", config=cfg)], cfg.num_buckets, "buckets")
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


CLEANING_DEV = HERE.parent / "tests" / "data" / "cleaning"
VARIANTS = {"changed_paragraph": 12, "appended_paragraph": 6, "other_chrome": 6, "new_title": 6,
            "jsonl_changed_pair": 4, "html_copy": 4}


def _layouts() -> list[tuple[list[str], list[str]]]:
    """(header lines, footer lines) around the article of each page of the cleaning dev set."""
    out = []
    for gold in sorted(CLEANING_DEV.glob("g*.gold.txt")):
        page = [line for line in gold.with_name(gold.name.replace(".gold", "")).read_text("utf-8").split("\n")
                if line.strip()]
        article = [line for line in gold.read_text("utf-8").split("\n") if line.strip()]
        if not article or article[0] not in page or article[-1] not in page:
            continue  # a page without an article
        first, last = page.index(article[0]), len(page) - 1 - page[::-1].index(article[-1])
        out.append(([line.replace(article[0], "{title}") for line in page[:first]],
                    [line.replace(article[0], "{title}") for line in page[last + 1:]]))
    return out


def _articles(start: int = 20_000) -> list[tuple[str, list[str]]]:
    """(title, prose paragraphs) of viwiki19 articles with 4+ paragraphs (not in the throughput input)."""
    out = []
    for row in _jsonl(DATA / "raw" / "viwiki19-articles.jsonl.gz")[start:]:
        paras = [p.strip() for p in row["text"].split("\n")
                 if len(p.split()) >= 20 and p.strip().endswith((".", "!", "?"))]
        if len(paras) >= 4 and 150 <= sum(len(p.split()) for p in paras) <= 1500:
            out.append((row["title"], paras))
    return out


def _page(title: str, paras: list[str], layout) -> str:
    head, foot = layout
    return "\n\n".join([*(h.format(title=title) for h in head), title, *paras,
                         *(f.format(title=title) for f in foot)]) + "\n"


def _html(title: str, paras: list[str], layout) -> str:
    from html import escape

    head, foot = layout
    nav = "".join(f"<div><a href='/{i}'>{escape(h.format(title=title))}</a></div>" for i, h in enumerate(head))
    body = "".join(f"<p>{escape(p)}</p>" for p in paras)
    footer = "".join(f"<p>{escape(f.format(title=title))}</p>" for f in foot)
    return (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><nav>{nav}</nav><article><h1>{escape(title)}</h1>{body}</article>"
            f"<footer>{footer}</footer></body></html>\n")


def make_dev_crawl(folder: Path, seed: int = 12) -> dict[tuple[str, int], tuple[str, str]]:
    """A crawl folder of real viwiki19 articles in the page chrome of the cleaning dev set:
    originals, their variants (:data:`VARIANTS`), distinct articles and bad files.
    Returns (file, record index) -> (article cluster, variant kind)."""
    import random

    rnd = random.Random(seed)
    layouts, articles = _layouts(), _articles()
    rnd.shuffle(articles)
    donors = articles[200:]  # paragraphs and titles put into the edited copies
    gold, n = {}, 0

    def put(name: str, text: str, cluster: str, kind: str) -> None:
        (folder / name).write_text(text, encoding="utf-8")
        gold[(name, 0)] = (cluster, kind)

    folder.mkdir(parents=True, exist_ok=True)
    for kind, count in VARIANTS.items():
        for _ in range(count):
            title, paras = articles[n]
            cluster, n = f"a{n:03d}", n + 1
            one, other = rnd.sample(layouts, 2)
            donor = donors[n][1]
            if kind == "jsonl_changed_pair":
                changed = list(paras)
                changed[rnd.randrange(1, len(paras))] = donor[0]
                rows = [{"url": f"https://tin.example/{cluster}", "text": "\n".join([title, *paras])},
                        {"url": f"https://bao.example/{cluster}", "text": "\n".join([title, *changed])}]
                (folder / f"{cluster}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                                                 for r in rows), encoding="utf-8")
                gold[(f"{cluster}.jsonl", 0)], gold[(f"{cluster}.jsonl", 1)] = (cluster, "original"), (cluster, kind)
                continue
            put(f"{cluster}_0.txt", _page(title, paras, one), cluster, "original")
            if kind == "changed_paragraph":
                paras = list(paras)
                paras[rnd.randrange(len(paras))] = donor[rnd.randrange(len(donor))]
            elif kind == "appended_paragraph":
                paras = [*paras, donor[-1]]
            elif kind == "new_title":
                title = donors[n][0]
            if kind == "html_copy":
                (folder / f"{cluster}_1.html").write_text(_html(title, paras, other), encoding="utf-8")
                gold[(f"{cluster}_1.html", 0)] = (cluster, kind)
            else:
                put(f"{cluster}_1.txt", _page(title, paras, other), cluster, kind)
    for _ in range(40):
        title, paras = articles[n]
        cluster, n = f"a{n:03d}", n + 1
        put(f"{cluster}_0.txt", _page(title, paras, rnd.choice(layouts)), cluster, "distinct")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes("Trang chủ\n\nHà Nội mùa thu".encode("utf-16-le"))
    whole = gzip.compress("".join(json.dumps({"text": "\n".join(a[1])}, ensure_ascii=False) + "\n"
                                  for a in articles[n:n + 3]).encode("utf-8"), mtime=0)
    (folder / "cut.jsonl.gz").write_bytes(whole[:len(whole) // 2])  # a download cut short
    return gold


def crawl() -> dict:
    """P/R by variant kind on :func:`make_dev_crawl`, with every step of ``build`` (2 workers)."""
    from datatrove.io import get_datafolder

    from tachtu.corpus import build
    from tachtu.corpus.duplicates import load_array

    with tempfile.TemporaryDirectory() as tmp:
        gold = make_dev_crawl(Path(tmp, "crawl"))
        report = build([f"{tmp}/crawl"], f"{tmp}/out", workers=2, keep_work=True, format="jsonl")
        work = get_datafolder(f"{tmp}/out/.tachtu")
        cluster_of, kept = {}, []
        for rank in range(2):
            fates = {int(i): int(c) for i, _, _, c in load_array(work, f"dedup/fates/{rank:05d}.npy").tolist()}
            with open(f"{tmp}/out/.tachtu/prepared/{rank:05d}.jsonl", encoding="utf-8") as f:
                for i, line in enumerate(f):
                    meta = json.loads(line)["metadata"]
                    key = (meta["source"], meta["index"])
                    cluster_of[key] = fates.get(i, f"single:{rank}:{i}")
        with gzip.open(f"{tmp}/out/corpus.jsonl.gz", "rt", encoding="utf-8") as f:
            kept = [(r["metadata"]["source"], r["metadata"]["index"]) for r in map(json.loads, f)]
    originals = {c: k for k, (c, kind) in gold.items() if kind == "original"}
    by_kind = defaultdict(lambda: {"variants": 0, "caught": 0, "not_prepared": 0})
    for key, (cluster, kind) in gold.items():
        if kind in VARIANTS:
            row = by_kind[kind]
            row["variants"] += 1
            if key not in cluster_of or originals[cluster] not in cluster_of:
                row["not_prepared"] += 1  # dropped before dedup (cleaner or filter)
            elif cluster_of[key] == cluster_of[originals[cluster]]:
                row["caught"] += 1
    predicted = _pairs({k: c for k, c in cluster_of.items() if k in gold})
    true = _pairs({k: c for k, (c, _) in gold.items() if k in cluster_of})
    copies = defaultdict(int)
    for key in kept:
        if key in gold:
            copies[gold[key][0]] += 1
    clusters = {c for c, _ in gold.values()}
    return {"documents": report["documents"], "articles": len(clusters),
            "articles_kept_once": sum(copies[c] == 1 for c in clusters),
            "articles_kept_twice_or_more": sum(copies[c] > 1 for c in clusters),
            "articles_lost": sorted(c for c in clusters if copies[c] == 0),
            "pair_precision": round(len(predicted & true) / max(1, len(predicted)), 4),
            "pair_recall": round(len(predicted & true) / max(1, len(true)), 4),
            "by_variant": dict(sorted(by_kind.items())),
            "clean_skipped_plain_text": report["clean_skipped_plain_text"]}


def short_documents() -> dict:
    """What each quality check drops of short real documents: the lead paragraph (50-150 words) of
    every viwiki17 article, that paragraph as a news brief (title, date, paragraph, source line),
    as captions plus lead, and 20,000 viwiki19 stubs."""
    from collections import Counter

    from tachtu.corpus.filters import VietnameseQualityFilter

    sets = defaultdict(list)
    for row in _jsonl(DATA / "raw" / "viwiki17-articles.jsonl.gz"):
        leads = [p.strip() for p in row["text"].split("\n") if len(p.split()) >= 20 and p.strip().endswith(".")]
        if leads and 50 <= len(leads[0].split()) <= 150:
            title, lead = row["title_lowercased"].capitalize(), leads[0]
            sets["one_paragraph"].append(lead)
            sets["news_brief"].append(f"{title}\nThứ hai, 12/3/2018 - 08:15\n{lead}\n(Theo TTXVN)")
            sets["captions_plus_lead"].append(f"{title}\n{lead}\nẢnh: {title}\nẢnh minh họa")
    sets["viwiki19_stubs"] = [r["text"] for r in _jsonl(DATA / "dedup" / "viwiki19-stubs.jsonl.gz", 20_000)]
    check = VietnameseQualityFilter()
    out = {}
    for name, docs in sets.items():
        reasons = Counter(check.reason(d) for d in docs)
        out[name] = {"documents": len(docs), "kept": reasons.pop(None, 0), "dropped": dict(reasons.most_common())}
    return out


def markdown(results: dict) -> str:
    lines = ["# Corpus builder benchmark", "", "Command: `python benchmarks/bench_corpus.py`", ""]
    if "throughput" in results:
        lines += ["## Throughput (first N viwiki19 articles, then viwiki19-stubs; 2 workers, local executor)", "",
                  "Each arm runs in a fresh interpreter, arms alternate, best and median of the rounds. "
                  "CPU seconds = user + system of the main process and all its workers. The implied "
                  "idle rate = documents / (CPU seconds / 2): what the CPU time gives when both cores are ours.", "",
                  "| documents | arm | docs/s best | docs/s median | CPU s | CPU s per 10k | implied docs/s, idle 2 cores "
                  "| kept | peak RSS MB main / worker | work disk MB | load average before |",
                  "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |"]
        for key, r in results["throughput"].items():
            n, arm = key.split("/")
            lines.append(f"| {int(n):,} | {arm} | {r['documents_per_s_best']:,} | {r['documents_per_s_median']:,} | "
                         f"{r['cpu_seconds_best']} | {r['cpu_seconds_per_10k_best']} | "
                         f"{r['documents_per_s_implied_idle_2_cores']:,} | {r['kept']:,} | "
                         f"{r['peak_rss_mb_main']} / {r['peak_rss_mb_worker']} | {r['work_disk_mb']} | "
                         f"{', '.join(map(str, r['load_average']))} |")
        for key, r in results["throughput"].items():
            if "step_seconds" in r:
                lines += ["", f"Seconds per step ({key}, datatrove's timers, summed over tasks; wall time "
                          "inside the step, so inflated when the machine is busy):", ""]
                lines += [f"- {step}: {t}" for step, t in sorted(r["step_seconds"].items(), key=lambda x: -x[1])]
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
    if "dev_crawl" in results:
        r = results["dev_crawl"]
        lines += ["", "## Dev crawl (every step; real viwiki19 articles in the cleaning dev set's page chrome)", "",
                  f"{r['articles']} distinct articles; kept exactly once: {r['articles_kept_once']}, twice or more: "
                  f"{r['articles_kept_twice_or_more']}, lost: {len(r['articles_lost'])}; pairwise precision "
                  f"{r['pair_precision']}, recall {r['pair_recall']}.", "",
                  "| variant kind | variants | caught (same cluster as the original) | dropped before dedup |",
                  "| --- | ---: | ---: | ---: |"]
        lines += [f"| {kind} | {v['variants']} | {v['caught']} | {v['not_prepared']} |"
                  for kind, v in r["by_variant"].items()]
    if "short_documents" in results:
        lines += ["", "## Short documents: what each quality check drops", "",
                  "| set | documents | kept | dropped by check |", "| --- | ---: | ---: | --- |"]
        lines += [f"| {name} | {r['documents']:,} | {r['kept']:,} | "
                  f"{', '.join(f'{k} {v:,}' for k, v in r['dropped'].items()) or '-'} |"
                  for name, r in results["short_documents"].items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=("throughput", "dedup", "crawl", "filters"))
    parser.add_argument("--arm", nargs=3, metavar=("ARM", "INPUT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.arm:
        print(json.dumps(run_arm(*args.arm)))
        return
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "corpus.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    results.pop("memory", None)  # now part of the throughput runs
    if args.only in (None, "dedup"):
        results["near_duplicates"] = near_duplicates()
    if args.only in (None, "filters"):
        results["short_documents"] = short_documents()
    if args.only in (None, "crawl"):
        results["dev_crawl"] = crawl()
        print(results["dev_crawl"], flush=True)
    if args.only in (None, "throughput"):
        results["throughput"] = throughput()
    results["machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "corpus.md").write_text(markdown(results), encoding="utf-8")


if __name__ == "__main__":
    main()
