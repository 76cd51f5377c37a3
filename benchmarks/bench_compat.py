"""Speed and memory of tachtu's VnCoreNLP-compatible mode beside pyvi and the Java original.

All tools get the same input lines (by default 6,000 lines of ``compat/reference-dev.jsonl``
after 500 warm-up lines), one line per call, each tool in its own process pinned to one CPU
core (``taskset``) and measured side by side in one run:

* start-up: process start -> imports / JVM and model loading -> first segmented line;
* throughput: syllables (whitespace tokens of the input) per second over the measured lines
  after the warm-up, best of ``--rounds`` passes (tachtu's piece cache is emptied before each
  pass, so every pass starts from what the warm-up lines left in it), in wall-clock time and in
  CPU time of the process (steadier on a shared machine); each tool runs ``--repeat`` times,
  the tools taking turns, and keeps its best figures;
* peak RSS of the process (``VmHWM``);
* identical lines: the tool's sentences equal VnCoreNLP 1.2's reference output.

Tools: tachtu ``VnCoreNLPSegmenter().word_segment(line)`` (strings) and ``.sentences(line)``
(words with offsets); pyvi ``ViTokenizer.tokenize(line)`` (a different convention: speed
only); VnCoreNLP 1.2 ``wseg`` from the jar that PyPI's ``python-vncorenlp`` 0.1.8 ships
(benchmark only, never a tachtu dependency: ``pip install --no-deps python-vncorenlp==0.1.8``),
driven by a small Java class compiled here (``annotateDoc(line)``, one line per call, the
model built from the same rule file and vocabulary as tachtu's). Needs Java 17 (javac).

    python benchmarks/bench_compat.py [--lines 6000] [--rounds 3] [--out benchmarks/results]

Writes ``compat.json`` and ``compat.md`` into ``--out`` and prints the markdown.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
COMPAT_DATA = REPO / "src" / "tachtu" / "compat" / "data"
SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

TOOLS = {
    "tachtu-compat": "tachtu `VnCoreNLPSegmenter().word_segment(line)` (strings)",
    "tachtu-compat-words": "tachtu `VnCoreNLPSegmenter().sentences(line)` (words + offsets)",
    "pyvi": "pyvi 0.1.1 `ViTokenizer.tokenize(line)`",
    "vncorenlp-java": "VnCoreNLP 1.2 jar (python-vncorenlp 0.1.8), `annotateDoc(line)`",
}

JAVA_DRIVER = r"""
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.lang.management.ManagementFactory;
import java.util.*;
import vn.corenlp.wordsegmenter.Vocabulary;
import vn.corenlp.wordsegmenter.WordSegmenter;
import vn.pipeline.VnCoreNLP;
import vn.pipeline.Word;

public class CompatBench {
    // prepare VOCAB_TXT VOCAB_SER: the vocabulary as VnCoreNLP reads it (a serialised HashSet)
    // run VOCAB_SER RDR INPUT WARMUP ROUNDS OUTPUT
    public static void main(String[] a) throws Exception {
        if (a[0].equals("prepare")) {
            HashSet<String> vocab = new HashSet<>();
            for (String line : Files.readAllLines(Paths.get(a[1]), StandardCharsets.UTF_8))
                if (!line.isEmpty()) vocab.add(line);
            try (ObjectOutputStream out = new ObjectOutputStream(new FileOutputStream(a[2]))) {
                out.writeObject(vocab);
            }
            return;
        }
        List<String> lines = Files.readAllLines(Paths.get(a[3]), StandardCharsets.UTF_8);
        int warmup = Integer.parseInt(a[4]), rounds = Integer.parseInt(a[5]);
        VnCoreNLP pipeline = new VnCoreNLP();
        pipeline.setWordSegmenter(new WordSegmenter(a[2], new Vocabulary(a[1])));
        pipeline.annotateDoc(lines.get(0));
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; i < warmup; i++) pipeline.annotateDoc(lines.get(i));
        List<String> measured = lines.subList(warmup, lines.size());
        double best = Double.MAX_VALUE, cpuBest = Double.MAX_VALUE;
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime(), c0 = cpuNanos();
            for (String line : measured) {
                List<List<Word>> doc = pipeline.annotateDoc(line);
                if (r == 0) {
                    StringJoiner sentences = new StringJoiner("\t");
                    for (List<Word> sentence : doc) {
                        StringJoiner words = new StringJoiner(" ");
                        for (Word w : sentence) words.add(w.getForm());
                        sentences.add(words.toString());
                    }
                    out.append(sentences).append('\n');
                }
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            cpuBest = Math.min(cpuBest, (cpuNanos() - c0) / 1e9);
        }
        Files.write(Paths.get(a[6]), out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("{\"seconds\": " + best + ", \"cpu_seconds\": " + cpuBest
                           + ", \"peak_rss_kb\": " + peakRssKb() + "}");
    }

    static long cpuNanos() {  // the whole process: JIT compiler and GC threads included
        return ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status")))
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        return -1;
    }
}
"""


# -- workers (each runs in its own process) ---------------------------------------------------
def peak_rss_kb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))


def python_worker(tool: str, input_path: str, warmup: int, rounds: int, output: str) -> None:
    """Segment the input like the Java driver: READY after the first line, then one JSON."""
    lines = Path(input_path).read_text(encoding="utf-8").split("\n")
    clear = None
    # segment: the timed call; sentences: its result as sentence strings (after the timing)
    if tool.startswith("tachtu"):
        from tachtu.compat import VnCoreNLPSegmenter

        seg = VnCoreNLPSegmenter()
        clear = seg._model.tokenizer._piece_spans.cache_clear
        if tool == "tachtu-compat":
            segment, sentences = seg.word_segment, list
        else:
            segment = seg.sentences

            def sentences(result):
                return [" ".join(w.text for w in s) for s in result]
    else:
        from pyvi import ViTokenizer

        segment = ViTokenizer.tokenize

        def sentences(result):
            return [result]
    segment(lines[0])
    print("READY", flush=True)
    for line in lines[:warmup]:
        segment(line)
    measured = lines[warmup:]
    best, cpu_best = float("inf"), float("inf")
    for r in range(rounds):
        if clear is not None:
            clear()
            for line in lines[:warmup]:
                segment(line)
        t0, c0 = time.perf_counter(), time.process_time()
        for line in measured:
            segment(line)
        best = min(best, time.perf_counter() - t0)
        cpu_best = min(cpu_best, time.process_time() - c0)
    # the outputs, untimed and one line at a time (keeping results would inflate the RSS)
    outputs = ["\t".join(sentences(segment(line))) for line in measured]
    Path(output).write_text("\n".join(outputs) + "\n", encoding="utf-8")
    print(json.dumps({"seconds": best, "cpu_seconds": cpu_best, "peak_rss_kb": peak_rss_kb()}))


# -- the parent ---------------------------------------------------------------------------------
def pinned(cmd: list[str], cpu: int | None) -> list[str]:
    return ["taskset", "-c", str(cpu), *cmd] if cpu is not None and shutil.which("taskset") else cmd


def run_tool(cmd: list[str]) -> dict:
    """Run a worker; start-up = spawn -> its READY line; plus the worker's JSON figures."""
    env = {**os.environ, **SINGLE_THREAD}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    startup = None
    last = ""
    for line in proc.stdout:
        if line.strip() == "READY" and startup is None:
            startup = time.perf_counter() - t0
        elif line.strip():
            last = line
    stderr = proc.stderr.read()
    if proc.wait() != 0 or not last:
        raise RuntimeError(f"{cmd[0]} failed: {stderr.strip().splitlines()[-1:]}")
    return {"startup_seconds": startup, **json.loads(last)}


def java_command(tmp: Path, input_path: Path, warmup: int, rounds: int, output: Path,
                 cpu: int | None) -> list[str] | None:
    """Compile the driver and prepare the vocabulary; None if Java or the jar is missing."""
    spec = importlib.util.find_spec("python_vncorenlp")
    if spec is None or not shutil.which("javac"):
        return None
    jar = Path(list(spec.submodule_search_locations)[0]) / "data" / "vncorenlp.jar"
    (tmp / "CompatBench.java").write_text(JAVA_DRIVER, encoding="utf-8")
    subprocess.run(["javac", "-cp", str(jar), "-d", str(tmp), str(tmp / "CompatBench.java")],
                   check=True)
    classpath = f"{tmp}{os.pathsep}{jar}"
    vocab = tmp / "vi-vocab"
    subprocess.run(["java", "-cp", classpath, "CompatBench", "prepare",
                    str(COMPAT_DATA / "rdrsegmenter-vnvocab.txt"), str(vocab)], check=True)
    return pinned(["java", "-XX:ActiveProcessorCount=1", "-cp", classpath, "CompatBench", "run",
                   str(vocab), str(COMPAT_DATA / "rdrsegmenter-model.rdr"), str(input_path),
                   str(warmup), str(rounds), str(output)], cpu)


def identical_lines(output: Path, references: list[list[str]]) -> int:
    got = output.read_text(encoding="utf-8").split("\n")
    return sum(g == "\t".join(r) for g, r in zip(got, references))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DATA / "compat" / "reference-dev.jsonl")
    parser.add_argument("--lines", type=int, default=6000)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3, help="measured passes per process")
    parser.add_argument("--repeat", type=int, default=2, help="processes per tool, taking turns")
    parser.add_argument("--cpu", type=int, default=0, help="CPU core to pin every tool to")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--worker-args", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        input_path, warmup, rounds, output = args.worker_args
        python_worker(args.worker, input_path, int(warmup), int(rounds), output)
        return 0

    from tachtu.compat.reference import read_reference

    # lines Java's reader would cut differently (CR, LF) or that are blank are left out
    records = [r for r in read_reference(args.reference)
               if r["text"].strip() and "\r" not in r["text"] and "\n" not in r["text"]]
    records = records[:args.warmup + args.lines]
    measured = records[args.warmup:]
    syllables = sum(len(r["text"].split()) for r in measured)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-compat-") as tmpdir:
        tmp = Path(tmpdir)
        input_path = tmp / "input.txt"
        input_path.write_text("\n".join(r["text"] for r in records), encoding="utf-8")
        commands = {}
        for tool in TOOLS:
            output = tmp / f"{tool}.out"
            if tool == "vncorenlp-java":
                cmd = java_command(tmp, input_path, args.warmup, args.rounds, output, args.cpu)
                if cmd is None:
                    print("skipping the Java original: javac or python-vncorenlp missing",
                          file=sys.stderr)
                    continue
            else:
                cmd = pinned([sys.executable, __file__, "--worker", tool, "--worker-args",
                              str(input_path), str(args.warmup), str(args.rounds), str(output)],
                             args.cpu)
            commands[tool] = (cmd, output)
        # the tools take turns, --repeat times; each keeps its best figures (a shared machine)
        for _ in range(args.repeat):
            for tool, (cmd, output) in commands.items():
                figures = run_tool(cmd)
                print(f"{tool}: {figures}", file=sys.stderr)
                best = results.setdefault(tool, figures)
                for key in ("seconds", "cpu_seconds", "startup_seconds"):
                    best[key] = min(best[key], figures[key])
                best["peak_rss_kb"] = max(best["peak_rss_kb"], figures["peak_rss_kb"])
                if tool != "pyvi":
                    best["identical_lines"] = identical_lines(output, [r["sentences"] for r in measured])
        for figures in results.values():
            figures["syllables_per_second"] = round(syllables / figures["seconds"])
            figures["syllables_per_cpu_second"] = round(syllables / figures["cpu_seconds"])
    pyvi = results.get("pyvi")
    for figures in results.values():
        if pyvi:
            figures["x_pyvi"] = round(figures["syllables_per_second"] / pyvi["syllables_per_second"], 2)
            figures["x_pyvi_cpu"] = round(figures["syllables_per_cpu_second"]
                                          / pyvi["syllables_per_cpu_second"], 2)
    report = {
        "input": f"{args.reference.name}: {len(measured)} lines ({syllables} syllables) after "
                 f"{args.warmup} warm-up lines; best of {args.rounds} passes in each of "
                 f"{args.repeat} processes per tool (the tools taking turns)",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                   f"every tool pinned to core {args.cpu}; load average at the start "
                   f"{os.getloadavg()[0]:.1f} (a shared machine: CPU-time figures are the steadier)",
        "tools": {tool: TOOLS[tool] for tool in results},
        "results": results,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "compat.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    md = markdown(report, len(measured))
    (args.out / "compat.md").write_text(md, encoding="utf-8")
    print(md)
    return 0


def markdown(report: dict, lines: int) -> str:
    rows = ["| tool | syllables/s (wall) | × pyvi | syllables/CPU-s | × pyvi (CPU) "
            "| start-up to first result | peak RSS | identical lines |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for tool, f in report["results"].items():
        same = f"{f['identical_lines']}/{lines}" if "identical_lines" in f else "n/a"
        rows.append(f"| {report['tools'][tool]} | {f['syllables_per_second']:,} | "
                    f"{f.get('x_pyvi', '')} | {f['syllables_per_cpu_second']:,} | "
                    f"{f.get('x_pyvi_cpu', '')} | {f['startup_seconds']:.2f} s | "
                    f"{f['peak_rss_kb'] / 1024:.0f} MB | {same} |")
    return (f"# VnCoreNLP-compatible mode: speed\n\nInput: {report['input']}.  \n"
            f"Machine: {report['machine']}.\n\n" + "\n".join(rows) + "\n")


if __name__ == "__main__":
    sys.exit(main())
