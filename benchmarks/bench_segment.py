"""Word-segmentation figures: tachtu, pyvi and underthesea side by side, in one run.

1. Accuracy (word precision/recall/F1 over syllable spans, sentence accuracy) on
   ``ws/udvtb-test`` without the sentences that also occur in a training set (and the same
   sentences lower-cased without punctuation tokens, as informal text comes), on
   ``ws/vlsp-sample`` documents 97-116 (lines 2280-2867, not trained on), and on the same
   VLSP lines UPPER-CASED and Title-Cased (gold cased the same way), on the spoken and
   informal slice of ``benchmarks/data/segment`` (as is and lower-cased without punctuation),
   and on ``ws/udvtb-dev`` (tachtu trains on it: not a held-out figure). Every tool gets the
   raw syllable form of one gold sentence per call.
2. Speed and memory, each tool in its own subprocess: start-up time (process start ->
   imports -> first segmented line), throughput in syllables/s on viwiki19 paragraphs after
   warm-up on as many syllables of other articles (so caches are in their steady state,
   not primed with the timed text), peak RSS. Single process, single thread; three
   rounds with the tools in turn, best and median reported (the machine may be shared).
3. A 50 MB single line (and 5 MB, 25 MB to show linearity) through ``tachtu segment``:
   wall time and peak RSS of the CLI process.

Usage::

    python benchmarks/bench_segment.py [--quick] [--data ../shared/data] [--out benchmarks/results]

Writes ``segment.json`` and ``segment.md`` into ``--out`` and prints the markdown.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VLSP_DEV = (2280, 2867)  # documents 97-116 of ws/vlsp-sample.txt
SPOKEN_DEV = REPO / "benchmarks" / "data" / "segment" / "spoken-dev.txt"  # see its README
SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
CHUNK_LINES = 500  # lines handed to a tool per call of the timing loop
MB = 1_000_000

# name -> the call measured (listed under the tables)
TOOLS = {
    "tachtu": "`Segmenter().segment_batch(lines)`",
    "tachtu-line": "`Segmenter().segment(line)` per line",
    "tachtu-vncorenlp": "`Segmenter(mode=\"vncorenlp\").segment_batch(lines)`",
    "pyvi": "`ViTokenizer.tokenize(line)` per line",
    "underthesea": "`word_tokenize(line, format=\"text\")` per line",
}
ACCURACY_TOOLS = ("tachtu", "tachtu-vncorenlp", "pyvi", "underthesea")
CASE_BASE = "vlsp-dev"  # the set whose UPPER / Title variants measure case robustness


# -- the tools (imported only inside the worker subprocess of each tool) --------------------
def load_tool(name: str):
    """A function ``lines -> segmented lines`` for the tool ``name``."""
    if name in ("tachtu", "tachtu-line"):
        from tachtu import Segmenter

        segmenter = Segmenter()
        if name == "tachtu":
            return segmenter.segment_batch
        return lambda lines: [segmenter.segment(line) for line in lines]
    if name == "tachtu-vncorenlp":
        from tachtu import Segmenter

        return Segmenter(mode="vncorenlp").segment_batch
    if name == "pyvi":
        from pyvi import ViTokenizer

        return lambda lines: [ViTokenizer.tokenize(line) for line in lines]
    if name == "underthesea":
        from underthesea import word_tokenize

        return lambda lines: [word_tokenize(line, format="text") for line in lines]
    raise ValueError(f"unknown tool {name!r}")


def package_version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def worker(args: argparse.Namespace) -> None:
    """Run inside the tool's own process; prints one JSON object on stdout."""
    if args.job == "predict":
        segment = load_tool(args.worker)
        lines = Path(args.input).read_text(encoding="utf-8").split("\n")
        out = [" ".join(line.split()) for line in segment(lines)]  # no tool may add a line
        Path(args.output).write_text("\n".join(out), encoding="utf-8")
        print(json.dumps({"lines": len(out)}))
        return
    with open(args.input, encoding="utf-8") as f:
        first = f.readline().rstrip("\n")
    t_import = time.time()
    segment = load_tool(args.worker)
    t_loaded = time.time()
    segment([first])
    t_first = time.time()
    warm = Path(args.warmup).read_text(encoding="utf-8").split("\n")
    for i in range(0, len(warm), CHUNK_LINES):
        segment(warm[i:i + CHUNK_LINES])
    lines = Path(args.input).read_text(encoding="utf-8").split("\n")
    syllables = [len(line.split()) for line in lines]
    done = processed = 0
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(lines), CHUNK_LINES):
        segment(lines[i:i + CHUNK_LINES])
        done = i + len(lines[i:i + CHUNK_LINES])
        processed += sum(syllables[i:done])
        if time.perf_counter() - start > args.budget:
            break
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"t_import": t_import, "t_loaded": t_loaded, "t_first": t_first,
                      "lines": done, "syllables": processed, "seconds": seconds, "cpu": cpu,
                      "complete": done == len(lines),
                      "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def run_worker(tool: str, *extra: str) -> tuple[dict, float]:
    """Start a worker process; its JSON result and the wall time at which it was started."""
    env = {**os.environ, **SINGLE_THREAD}
    t0 = time.time()
    proc = subprocess.run([sys.executable, __file__, "--worker", tool, *extra], env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{tool} failed: {last}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), t0


# -- 1. accuracy ------------------------------------------------------------------------------
def title(word: str) -> str:
    return "_".join(s[:1].upper() + s[1:] for s in word.split("_"))


def spoken(words: list[str]) -> list[str]:
    """A sentence as informal text often comes: lower case, no punctuation tokens."""
    kept = [w.lower() for w in words if any(c.isalnum() for c in w)]
    return kept or words


def eval_sets(data: Path, limit: int | None) -> tuple[dict[str, list[list[str]]], dict]:
    """The gold sentence lists to evaluate on, and what was dropped from UD-VTB test."""
    from tachtu.evaluate import unsegment
    from tachtu.segmenter.gold import read_segmented
    from tachtu.segmenter.train import TRAINING_SETS

    trained = {unsegment(s) for gold in TRAINING_SETS for s in gold.read(data)}
    udvtb = read_segmented(data / "ws" / "udvtb-test.txt")
    kept = [s for s in udvtb if unsegment(s) not in trained]
    vlsp = read_segmented(data / "ws" / "vlsp-sample.txt", *VLSP_DEV)
    informal = read_segmented(SPOKEN_DEV)
    sets = {
        "udvtb-test": kept,
        "udvtb-test-spoken": [spoken(s) for s in kept],
        "vlsp-dev": vlsp,
        "vlsp-dev-upper": [[w.upper() for w in s] for s in vlsp],
        "vlsp-dev-title": [[title(w) for w in s] for s in vlsp],
        "spoken-dev": informal,
        "spoken-dev-lower": [spoken(s) for s in informal],
        "udvtb-dev": read_segmented(data / "ws" / "udvtb-dev.txt"),
    }
    if limit:
        sets = {name: s[:limit] for name, s in sets.items()}
    return sets, {"udvtb_test_sentences": len(udvtb), "udvtb_test_dropped": len(udvtb) - len(kept)}


def same_segmentation(a: list[list[str]], b: list[list[str]]) -> float:
    """Share of sentences segmented identically apart from letter case."""
    same = sum([w.lower() for w in x] == [w.lower() for w in y] for x, y in zip(a, b))
    return same / len(a) if a else 0.0


def accuracy(sets: dict[str, list[list[str]]], tmp: Path) -> dict:
    from tachtu.evaluate import align, score, unsegment

    names = list(sets)
    lines = [unsegment(s) for name in names for s in sets[name]]
    (tmp / "acc-in.txt").write_text("\n".join(lines), encoding="utf-8")
    results: dict = {}
    for tool in ACCURACY_TOOLS:
        try:
            info, t0 = run_worker(tool, "--job", "predict", "--input", str(tmp / "acc-in.txt"),
                                  "--output", str(tmp / "acc-out.txt"))
        except RuntimeError as exc:
            results[tool] = {"error": str(exc)}
            print(f"  accuracy: {exc}", file=sys.stderr)
            continue
        out = (tmp / "acc-out.txt").read_text(encoding="utf-8").split("\n")
        if len(out) != len(lines):
            results[tool] = {"error": f"{len(out)} output lines for {len(lines)} inputs"}
            continue
        results[tool] = {}
        predicted: dict[str, list[list[str]]] = {}
        at = 0
        for name in names:
            gold = sets[name]
            outs = out[at:at + len(gold)]
            pairs = [align(g, p.split()) for g, p in zip(gold, outs)]
            at += len(gold)
            predicted[name] = [words for words, _ in pairs]
            s = score(gold, [p.split() for p in outs]).as_dict(top=8)
            s["strict_misaligned_sentences"] = s["repaired_sentences"] + s["misaligned_sentences"]
            s["misaligned_examples"] = [
                {"input": unsegment(g), "output": o, "status": status}
                for g, o, (_, status) in zip(gold, out[at - len(gold):at], pairs)
                if status != "aligned"][:3]
            if name != CASE_BASE and name.startswith(CASE_BASE):
                s["same_as_original_case"] = same_segmentation(predicted[CASE_BASE],
                                                               predicted[name])
            results[tool][name] = s
        print(f"  accuracy {tool}: " + ", ".join(f"{n} F1 {100 * results[tool][n]['f1']:.2f}"
                                                 for n in names), file=sys.stderr)
    return results


# -- 2. speed and memory ----------------------------------------------------------------------
def viwiki_lines(data: Path, syllables: int, skip: int = 0) -> list[str]:
    """Non-empty paragraph lines from viwiki19 articles, ``syllables`` in total, after
    the lines of the articles that hold the first ``skip`` syllables."""
    lines, total = [], -skip
    with gzip.open(data / "raw" / "viwiki19-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for record in f:
            article = [" ".join(line.split()) for line in json.loads(record)["text"].split("\n")
                       if line.strip()]
            if total >= 0:
                lines += article
            total += sum(len(line.split()) for line in article)
            if total >= syllables:
                return lines
    return lines


def speed(data: Path, tmp: Path, syllables: int, budget: float, rounds: int) -> dict:
    """Each tool in its own process: warm up on other articles than the timed ones (as
    many syllables), then time the input. ``rounds`` rounds, tools in turn, so a noisy
    neighbour on a shared machine slows every tool alike; best and median are kept."""
    lines, warm = viwiki_lines(data, syllables), viwiki_lines(data, syllables, skip=syllables)
    path, warm_path = tmp / "speed-in.txt", tmp / "speed-warmup.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    warm_path.write_text("\n".join(warm), encoding="utf-8")
    results: dict = {"input": {"lines": len(lines), "syllables": sum(len(x.split()) for x in lines),
                               "warmup_syllables": sum(len(x.split()) for x in warm),
                               "budget_seconds": budget, "rounds": rounds}}
    runs: dict[str, list[dict]] = {tool: [] for tool in TOOLS}
    for round_ in range(rounds):
        for tool in TOOLS if round_ % 2 == 0 else reversed(TOOLS):
            try:
                r, t0 = run_worker(tool, "--job", "speed", "--input", str(path),
                                   "--warmup", str(warm_path), "--budget", str(budget))
            except RuntimeError as exc:
                results[tool] = {"error": str(exc)}
                print(f"  speed: {exc}", file=sys.stderr)
                continue
            r["startup"] = r["t_first"] - t0
            runs[tool].append(r)
            print(f"  speed {tool} round {round_ + 1}: {r['syllables'] / r['cpu']:,.0f} syll/CPU-s, "
                  f"start-up {r['startup']:.2f} s, {r['max_rss_kb'] / 1024:.0f} MB", file=sys.stderr)
    for tool, tool_runs in runs.items():
        if "error" in results.get(tool, {}) or not tool_runs:
            continue
        cpu = sorted(r["syllables"] / r["cpu"] for r in tool_runs)
        wall = sorted(r["syllables"] / r["seconds"] for r in tool_runs)
        last = tool_runs[-1]
        results[tool] = {
            "startup_seconds": statistics.median(r["startup"] for r in tool_runs),
            "import_and_load_seconds": statistics.median(r["t_loaded"] - r["t_import"] for r in tool_runs),
            "syllables_per_cpu_second": cpu[-1], "syllables_per_cpu_second_median": statistics.median(cpu),
            "syllables_per_cpu_second_all": cpu,
            "syllables_per_second": wall[-1], "syllables_per_second_median": statistics.median(wall),
            "timed_syllables": last["syllables"], "timed_lines": last["lines"],
            "complete_input": all(r["complete"] for r in tool_runs),
            "peak_rss_mb": max(r["max_rss_kb"] for r in tool_runs) / 1024,
        }
    pyvi = results.get("pyvi", {})
    for tool in TOOLS:
        r = results.get(tool, {})
        if r and "error" not in r and pyvi and "error" not in pyvi:
            r["throughput_vs_pyvi"] = r["syllables_per_second"] / pyvi["syllables_per_second"]
            r["cpu_throughput_vs_pyvi"] = (r["syllables_per_cpu_second"]
                                           / pyvi["syllables_per_cpu_second"])
            r["cpu_throughput_vs_pyvi_median"] = (r["syllables_per_cpu_second_median"]
                                                  / pyvi["syllables_per_cpu_second_median"])
            r["rss_vs_pyvi"] = r["peak_rss_mb"] / pyvi["peak_rss_mb"]
            r["startup_vs_pyvi"] = r["startup_seconds"] / pyvi["startup_seconds"]
    return results


# -- 3. one huge line through the CLI --------------------------------------------------------
def write_big_line(data: Path, path: Path, size: int) -> None:
    """``size`` bytes of viwiki19 text on one line (articles joined by spaces), cycling if needed."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            with gzip.open(data / "raw" / "viwiki19-articles.jsonl.gz", "rt", encoding="utf-8") as f:
                for record in f:
                    piece = " ".join(json.loads(record)["text"].split()) + " "
                    n = len(piece.encode("utf-8"))
                    if written + n > size:
                        piece = piece.encode("utf-8")[:size - written].decode("utf-8", "ignore")
                        piece = piece[:piece.rfind(" ")] if " " in piece else piece
                        out.write(piece)
                        written = size
                        break
                    out.write(piece)
                    written += n


def cli_command() -> list[str]:
    exe = Path(sys.executable).with_name("tachtu")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "tachtu.cli"]


def run_measured(cmd: list[str], rss_cap_mb: float, timeout: float) -> dict:
    """Wall time and peak RSS (wait4) of one child; killed beyond the RSS cap or the timeout."""
    t0 = time.perf_counter()
    errors = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, env={**os.environ, **SINGLE_THREAD},
                            stdout=subprocess.DEVNULL, stderr=errors)
    killed = None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        try:
            text = Path(f"/proc/{proc.pid}/status").read_text()
            rss = int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024
        except (OSError, AttributeError):
            rss = 0
        if killed is None and (rss > rss_cap_mb or time.perf_counter() - t0 > timeout):
            killed = f"RSS {rss:.0f} MB > cap" if rss > rss_cap_mb else f"timeout {timeout:.0f} s"
            proc.kill()
        time.sleep(0.05)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors.seek(0)
    stderr = errors.read().decode("utf-8", "replace").strip()
    errors.close()
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": usage.ru_maxrss / 1024,
            "exit_code": proc.returncode, "killed": killed, "stderr_tail": stderr[-300:]}


def visible(text: str) -> str:
    """``text`` without white space, ``_``, control and invisible format characters (ZWSP, BOM)."""
    import regex

    return regex.sub(r"[\s_\p{Cc}\p{Cf}]+", "", text)


def same_characters(src: Path, out: Path) -> bool:
    """The output is one line and keeps every visible character of the input."""
    text = out.read_text(encoding="utf-8")
    return text.count("\n") == 1 and visible(text) == visible(src.read_text(encoding="utf-8"))


def big_line(data: Path, tmp: Path, sizes_mb: list[float], rss_cap_mb: float) -> dict:
    import regex

    results = []
    for size_mb in sizes_mb:
        src, out = tmp / f"big-{size_mb:g}MB.txt", tmp / "big-out.txt"
        write_big_line(data, src, int(size_mb * MB))
        text = src.read_text(encoding="utf-8")
        syllables, invisible = len(text.split()), len(regex.findall(r"[\p{Cc}\p{Cf}]", text))
        del text
        r = run_measured([*cli_command(), "segment", str(src), "-o", str(out), "--no-progress"],
                         rss_cap_mb, timeout=max(120, 20 * size_mb))
        ok = r["exit_code"] == 0 and same_characters(src, out)
        r.update({"size_mb": size_mb, "bytes": src.stat().st_size, "syllables": syllables,
                  "control_or_format_chars_in_input": invisible,
                  "seconds_per_mb": r["seconds"] / size_mb,
                  "cpu_seconds_per_mb": r["cpu_seconds"] / size_mb,
                  "syllables_per_second": syllables / r["seconds"], "output_ok": ok})
        results.append(r)
        print(f"  {size_mb:g} MB line: {r['seconds']:.1f} s, {r['peak_rss_mb']:.0f} MB RSS, "
              f"exit {r['exit_code']}, output ok {ok}", file=sys.stderr)
        src.unlink()
        out.unlink(missing_ok=True)
        if r["exit_code"] != 0:
            break
    return {"command": "tachtu segment BIG.txt -o OUT.txt --no-progress", "runs": results,
            "rss_cap_mb": rss_cap_mb}


# -- report -----------------------------------------------------------------------------------
def pct(x: float) -> str:
    return f"{100 * x:.2f}"


def markdown(report: dict) -> str:
    m = report["meta"]
    acc, spd, big = report["accuracy"], report["speed"], report["big_line"]
    out = [f"Measured {m['date']} on {m['machine']} (load average at start {m['load_average']}), "
           f"Python {m['python']}, tachtu {m['tachtu_commit']}, pyvi {m['versions']['pyvi']}, "
           f"underthesea {m['versions']['underthesea']}"
           + (" — **quick run, not the reference figures**" if m["quick"] else "") + "."
           + (f" Accuracy re-measured {m['accuracy_measured']}." if "accuracy_measured" in m else ""), "",
           "Tools: " + "; ".join(f"`{name}`: {call}" for name, call in TOOLS.items()) + ".", ""]
    names = {"udvtb-test": f"UD-VTB test ({m['udvtb_test_dropped']} trained sentences dropped)",
             "udvtb-test-spoken": "UD-VTB test lower case, no punctuation",
             "vlsp-dev": "VLSP dev docs 97-116", "vlsp-dev-upper": "VLSP dev UPPER",
             "vlsp-dev-title": "VLSP dev Title", "spoken-dev": "spoken and informal dev slice",
             "spoken-dev-lower": "spoken slice lower case, no punctuation",
             "udvtb-dev": "UD-VTB dev (trained on by tachtu)"}
    out += ["### Accuracy (word F1 / sentence accuracy, %)", "",
            "| tool | " + " | ".join(names.values()) + " | changed characters: repaired + unscored |",
            "|---|" + "---:|" * (len(names) + 1)]
    for tool in ACCURACY_TOOLS:
        r = acc.get(tool, {})
        if "error" in r:
            out.append(f"| {tool} | " + " | ".join("—" for _ in names) + f" | {r['error']} |")
            continue
        cells = [f"{pct(r[n]['f1'])} / {pct(r[n]['sentence_accuracy'])}" for n in names]
        mis = " · ".join(f"{r[n]['repaired_sentences']}+{r[n]['misaligned_sentences']}" for n in names)
        out.append(f"| {tool} | " + " | ".join(cells) + f" | {mis} |")
    out += ["", "Changed characters: sentences whose output characters differ from the input, per "
            "set. Repaired: same number of characters (tone placement, `qui`/`quy`), word boundaries "
            "mapped back onto the input and scored. Unscored: characters added or lost, every word of "
            "the sentence counted wrong."]
    out += ["", "Case robustness: share of VLSP dev sentences segmented exactly as in their "
            "original case (%):", "", "| tool | UPPER | Title |", "|---|---:|---:|"]
    for tool in ACCURACY_TOOLS:
        r = acc.get(tool, {})
        if "error" not in r:
            out.append(f"| {tool} | {pct(r['vlsp-dev-upper']['same_as_original_case'])} | "
                       f"{pct(r['vlsp-dev-title']['same_as_original_case'])} |")
    out += ["", "Precision / recall (%):", "",
            "| tool | " + " | ".join(names.values()) + " |", "|---|" + "---:|" * len(names)]
    for tool in ACCURACY_TOOLS:
        r = acc.get(tool, {})
        if "error" not in r:
            out.append(f"| {tool} | " + " | ".join(
                f"{pct(r[n]['precision'])} / {pct(r[n]['recall'])}" for n in names) + " |")
    i = spd["input"]
    out += ["", f"### Speed and memory ({i['syllables']:,} syllables in {i['lines']:,} viwiki19 "
            f"paragraphs after warm-up on {i['warmup_syllables']:,} syllables of other articles; "
            f"own process per tool, one thread; best and median of {i['rounds']} rounds)", "",
            "| tool | start-up to first result (s) | import + load (s) | syllables/s (CPU, best) "
            "| × pyvi | syllables/s (CPU, median) | × pyvi | peak RSS (MB) | × pyvi |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for tool in TOOLS:
        r = spd.get(tool, {})
        if "error" in r:
            out.append(f"| {tool} | {r['error']} | | | | | | | |")
            continue
        partial = "" if r["complete_input"] else f" (first {r['timed_syllables']:,} syll.)"
        out.append(f"| {tool} | {r['startup_seconds']:.2f} | {r['import_and_load_seconds']:.2f} | "
                   f"{r['syllables_per_cpu_second']:,.0f}{partial} | "
                   f"{r.get('cpu_throughput_vs_pyvi', float('nan')):.2f} | "
                   f"{r['syllables_per_cpu_second_median']:,.0f} | "
                   f"{r.get('cpu_throughput_vs_pyvi_median', float('nan')):.2f} | "
                   f"{r['peak_rss_mb']:.0f} | {r.get('rss_vs_pyvi', float('nan')):.2f} |")
    out += ["", f"### One huge line through the CLI (`{big['command']}`)", "",
            "| size | syllables | wall (s) | CPU (s) | CPU s per MB | syllables/s (CPU) "
            "| peak RSS (MB) | result |", "|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in big["runs"]:
        result = ("ok" if r["output_ok"] else "output differs") if r["exit_code"] == 0 else \
            f"exit {r['exit_code']}{', ' + r['killed'] if r['killed'] else ''}"
        out.append(f"| {r['size_mb']:g} MB | {r['syllables']:,} | {r['seconds']:.1f} | "
                   f"{r['cpu_seconds']:.1f} | {r['cpu_seconds_per_mb']:.2f} | "
                   f"{r['syllables'] / r['cpu_seconds']:,.0f} | {r['peak_rss_mb']:.0f} | {result} |")
    out += ["", f"Whole benchmark: {report['meta']['total_seconds']:.0f} s."]
    return "\n".join(out) + "\n"


def meta(args: argparse.Namespace) -> dict:
    commit = subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%h"],
                            capture_output=True, text=True).stdout.strip() or "?"
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "src"],
                           capture_output=True, text=True).stdout.strip()
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": f"{platform.machine()} × {os.cpu_count()} CPUs",
            "load_average": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "python": platform.python_version(),
            "tachtu_commit": commit + (" + uncommitted changes in src" if dirty else ""),
            "versions": {t: package_version(t) for t in ("pyvi", "underthesea")},
            "quick": args.quick}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    p.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    p.add_argument("--quick", action="store_true", help="small inputs: a smoke run")
    p.add_argument("--only", choices=("accuracy",),
                   help="re-measure accuracy only (after a model change); speed figures stay as they were")
    p.add_argument("--rss-cap", type=float, default=4000,
                   help="kill the huge-line CLI run above this RSS in MB (default 4000)")
    # worker mode (internal): run one tool in this process
    p.add_argument("--worker", choices=TOOLS, help=argparse.SUPPRESS)
    p.add_argument("--job", choices=("predict", "speed"), help=argparse.SUPPRESS)
    p.add_argument("--input", help=argparse.SUPPRESS)
    p.add_argument("--output", help=argparse.SUPPRESS)
    p.add_argument("--budget", type=float, default=60.0, help=argparse.SUPPRESS)
    p.add_argument("--warmup", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.worker:
        worker(args)
        return
    start = time.perf_counter()
    stem = "segment-quick" if args.quick else "segment"
    report = {"meta": meta(args)}
    if args.only:  # keep the speed figures and their measurement record; say when accuracy was measured
        previous = json.loads((args.out / f"{stem}.json").read_text(encoding="utf-8"))
        report = {**previous, "meta": {**previous["meta"], "accuracy_measured":
                                       f"{report['meta']['date']}, tachtu {report['meta']['tachtu_commit']}"}}
    with tempfile.TemporaryDirectory(prefix="bench-segment-") as tmp_name:
        tmp = Path(tmp_name)
        print("accuracy ...", file=sys.stderr)
        sets, dropped = eval_sets(args.data, 100 if args.quick else None)
        report["meta"].update(dropped)
        report["meta"]["eval_sentences"] = {n: len(s) for n, s in sets.items()}
        report["accuracy"] = accuracy(sets, tmp)
        if args.only:
            return _write(report, args.out, stem)
        print("speed ...", file=sys.stderr)
        report["speed"] = speed(args.data, tmp, syllables=20_000 if args.quick else 300_000,
                                budget=10 if args.quick else 60, rounds=1 if args.quick else 3)
        print("huge line ...", file=sys.stderr)
        report["big_line"] = big_line(args.data, tmp, [0.5, 1, 2] if args.quick else [5, 25, 50],
                                      args.rss_cap)
    report["meta"]["total_seconds"] = time.perf_counter() - start
    _write(report, args.out, stem)


def _write(report: dict, out: Path, stem: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{stem}.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    text = markdown(report)
    (out / f"{stem}.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
