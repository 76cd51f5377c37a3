"""Fuzzing as a figure: N generated and mutated inputs through every entry point, checking the
invariants the README promises; outside CI (a million inputs take CPU hours on 2 cores).

Inputs (seeded, reproducible: input i of a run depends on --seed and i only):
random Unicode (weighted towards Vietnamese letters, combining marks, controls and format
characters, NUL, emoji, other scripts, every kind of line break), real news lines from the
shared data mutated (characters inserted, deleted, replaced, NFD, invisible characters, case,
splices, truncation), huge tokens, emoticons and prices, broken HTML, and raw bytes.

Targets and invariants, for each input text ``s``:

* ``tokenize``: the tokenizer's property check (tests/test_text_properties.py: order, no
  overlap, every non-separator in one token, ``token.text == normalize(s[start:end])``);
* ``words`` / ``segment`` (default mode): each word's offsets slice the original to its
  tokens; one output line per input line; removing ``_`` gives the tokenized input;
  NFD input gives the same output as NFC input;
* ``segment`` (vncorenlp mode): offsets in order and inside ``s`` (NFD is not composed in
  this mode, as VnCoreNLP does not compose it, so NFD ≢ NFC there is no violation);
* ``clean`` (text and HTML, str and bytes) and ``decode`` (bytes);
* the service's request parsing (``schemas.parse_request`` on JSON and raw bodies);

and everywhere: no exception but :class:`tachtu.TachtuError` (the service's: ``ApiError``).
Each target's time per input is kept: the report gives the slowest input per second of input.
A scaling check times pathological patterns at 100 KB and 1 MB (linear: ratio near 10).

Usage: nice python benchmarks/fuzz.py --inputs 1000000 --workers 3 [--seed 13] [--max-seconds S]
       nice python benchmarks/fuzz.py --inputs 100000 --targets clean_model --no-scaling \
           --output benchmarks/results/fuzz-clean-model
Writes benchmarks/results/fuzz.json and fuzz.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import signal
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.test_text_properties
DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results"
CHUNK = 2_000            # inputs per task
INPUT_SECONDS = 30       # an input taking more CPU time than this is reported as a hang
EXAMPLES = 5             # failing inputs kept per (target, problem)

LETTERS = ("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ"
           "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
POOLS = [  # (weight, characters)
    (30, LETTERS), (10, "0123456789"), (10, ".,;:!?-–/'’\"“”()[]…@#%+$₫©±_&*=^<>~|\\`{}"),
    (12, "    \n\n\r\t\u00a0\u3000\v\f\x1c\x1d\x1e\x85\u2028\u2029"),
    (6, "\u0300\u0301\u0303\u0309\u0323\u0302\u031b\u0306\u0308\u20e3"),
    (6, "\x00\x01\x07\x1b\x7f\u200b\u200c\u200d\ufeff\u00ad\u2060\u200e\u200f\u202e\u2066\U000e0041"),
    (6, "😀👍🏽🇻🇳👩‍💻❤️🙂🏳️‍🌈\ufe0f🏻"),
    (5, "中文日本語กไทЖыعربيעבריתहिन्दी한국어Ελληνικά"),
    (2, "\ud800\udfff\U0010ffff\uffff\ufffd"),  # lone surrogates, non-characters
]
SNIPPETS = [":))", "=))", "^^", ":D", "<3", ":(", "14.4k", "2,5tr", "100k", "50K", "TP. HCM", "29/10/2018",
            "09:22", "https://vnexpress.net/a-b.html", "ban.doc@vnexpress.net", "@tachtu", "#HàNội",
            "1.000.000", "10%", "GS.TS", "v.v.", "U23", "COVID-19", "km/h", "Wi-Fi", "...", "?!", "_"]
HTML_PARTS = ["<html>", "<head>", "<meta charset=\"windows-1258\">", "<meta charset=\"bogus\">",
              "<title>", "</title>", "<body>", "<div class=\"content\">", "<p>", "</p>", "<script>",
              "</script>", "<style>", "<!--", "-->", "<![CDATA[", "<br/>", "<a href=\"x\">", "</a>",
              "&amp;", "&#x1F600;", "&#0;", "&nbsp;", "<table><tr><td>", "</div>", "</body></html>",
              "<h1>", "</h1>", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "<", ">", "\"", "'"]
PATTERNS = ["@", "ab.", "a.", "1.", "#", "x@", "a-", "www.a.", "http://", ":)", "^^", "<3", "1k",
            "x_", ". ", "a ", "Hà Nội "]
HTML_PATTERNS = ["<div>", "<p>Hà Nội mùa thu. ", "<a href='x'>"]


# -- inputs ----------------------------------------------------------------------------------
def real_lines() -> list[str]:
    path = DATA / "silver" / "uts-col-news.raw.txt"
    return path.read_text(encoding="utf-8").splitlines()[:5000] if path.exists() else [
        "Bộ trưởng Quốc phòng Việt Nam thăm Trung Quốc.", "Hà Nội mùa thu, 29/10/2018 lúc 09:22."]


def random_text(rng: random.Random, size: int) -> str:
    weights = [w for w, _ in POOLS]
    return "".join(rng.choice(rng.choices(POOLS, weights)[0][1]) for _ in range(size))


def mutate(rng: random.Random, text: str, lines: list[str]) -> str:
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(9)
        at = rng.randint(0, len(text))
        if op == 0:
            text = text[:at] + random_text(rng, rng.randint(1, 5)) + text[at:]
        elif op == 1:
            text = text[:at] + text[at + rng.randint(1, 10):]
        elif op == 2:
            text = unicodedata.normalize(rng.choice(["NFD", "NFKD", "NFC"]), text)
        elif op == 3:
            text = text[:at] + rng.choice("\u200b\u200d\ufeff\u00ad\x00\u2028\r\n") + text[at:]
        elif op == 4:
            text = rng.choice([str.upper, str.lower, str.title, str.swapcase])(text)
        elif op == 5:
            text = text[:at] + rng.choice(lines) + text[at:]
        elif op == 6:
            text = text[:at] + rng.choice(SNIPPETS) + text[at:]
        elif op == 7:
            text = text[:at] + text[at:at + rng.randint(1, 20)] * rng.randint(2, 50) + text[at:]
        else:
            text = text[:at]
    return text


def html(rng: random.Random, lines: list[str]) -> str:
    parts = []
    for _ in range(rng.randint(1, 60)):
        parts.append(rng.choice(HTML_PARTS) if rng.random() < 0.6 else rng.choice(lines))
    if rng.random() < 0.1:
        parts.append("<div>" * rng.randint(100, 3000))  # deep nesting
    return "".join(parts)


def make_input(seed: int, i: int, lines: list[str]) -> tuple[str, str | bytes]:
    """Input ``i`` of the run with ``seed``: (kind, text or bytes)."""
    rng = random.Random(seed * 1_000_003 + i)
    kind = rng.choices(["random", "real", "mutated", "huge", "html", "bytes"], [25, 10, 41, 1, 13, 10])[0]
    if kind == "random":
        return kind, random_text(rng, rng.randint(0, 200))
    if kind == "real":
        return kind, "\n".join(rng.sample(lines, rng.randint(1, 4)))
    if kind == "mutated":
        return kind, mutate(rng, rng.choice(lines), lines)
    if kind == "huge":
        unit = rng.choice(PATTERNS + SNIPPETS + [rng.choice(LETTERS)])
        return kind, unit * (rng.randint(500, 5_000) // len(unit))
    if kind == "html":
        return kind, html(rng, lines)
    raw = rng.choice([b"", rng.randbytes(rng.randint(1, 300)),
                      mutate(rng, rng.choice(lines), lines).encode("utf-8", "surrogatepass"),
                      rng.choice(lines).encode("utf-16"), rng.choice(lines).encode("cp1258", "replace")])
    return kind, raw


# -- targets and invariants --------------------------------------------------------------------
class Violation(Exception):
    """An invariant did not hold."""


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise Violation(what)


class Targets:
    """Every entry point, built once per worker process."""

    def __init__(self):
        from tachtu import Segmenter
        from tachtu.serve import Limits, schemas

        self.default = Segmenter()
        self.compat = Segmenter(mode="vncorenlp")
        self.schemas = schemas
        limits = Limits()
        self.segment_schema = schemas.segment_schema(limits)
        self.clean_schema = schemas.clean_schema(limits)
        self.times: list[tuple[str, float, int, int]] = []  # (target, CPU s, characters, input)

    def run(self, kind: str, data: str | bytes, number: int) -> dict[str, str | None]:
        """{target: None (fine) or a problem}, for input ``number``; times go to ``self.times``."""
        text = data if isinstance(data, str) else data.decode("utf-8", "replace")
        checks = {"decode": lambda: self.decode(data if isinstance(data, bytes) else text.encode(
                      "utf-8", "surrogatepass")),
                  "tokenize": lambda: self.tokenize(text),
                  "segment": lambda: self.segment_default(text),
                  "segment_vncorenlp": lambda: self.segment_compat(text),
                  "clean_html" if kind == "html" else "clean_text": lambda: self.clean(data, kind),
                  "clean_model": lambda: self.clean(data, kind, model=True),
                  "request": lambda: self.request(data)}
        return {name: self.timed(name, len(text), number, check) for name, check in checks.items()
                if _SELECTOR.get(name, name) in SELECTED}

    def timed(self, name: str, size: int, number: int, check) -> str | None:
        from tachtu import TachtuError
        from tachtu.serve.errors import ApiError

        start = time.process_time()
        try:
            check()
            problem = None
        except Violation as exc:
            problem = f"violation: {exc}"
        except AssertionError as exc:
            problem = f"violation: {str(exc)[:200] or 'tokenizer property'}"
        except (TachtuError, ApiError):
            problem = None
        except TimeoutError as exc:
            problem = f"hang: {exc}"
        except Exception as exc:  # noqa: BLE001 - what the fuzzer is for
            problem = f"crash: {type(exc).__name__}: {str(exc)[:200]}"
        self.times.append((name, time.process_time() - start, size, number))
        return problem

    def decode(self, data: bytes) -> None:
        from tachtu.text.decode import decode

        for errors in ("strict", "replace"):
            try:
                out = decode(data, errors=errors)
            except Exception:
                if errors == "replace":
                    raise
                continue
            expect(isinstance(out, str), "decode gave no str")

    def tokenize(self, text: str) -> None:
        from tests.test_text_properties import check

        check(text)

    def segment_default(self, text: str) -> None:
        from tachtu.text import tokenize

        out = self.default.segment(text)
        lines = text.split("\n")
        expect(len(out.split("\n")) == len(lines), "not one output line per input line")
        tokens = tokenize(text)
        at = 0  # tokens never span a line break: walk them once, line by line
        line_end = -1
        for line, got in zip(lines, out.split("\n")):
            line_end += len(line) + 1
            inside = []
            while at < len(tokens) and tokens[at].end <= line_end:
                inside.append(tokens[at].text)
                at += 1
            expect(got.replace("_", " ").split() == " ".join(inside).replace("_", " ").split(),
                   "removing _ does not give the tokens")
        words = self.default.words(text)
        expect(_no_underscores(words) == _no_underscores(tokens), "words are not the tokens")
        at = 0  # tokens and words both run in order: one walk checks every word's span
        for w in words:
            while at < len(tokens) and tokens[at].start < w.start:
                at += 1
            inside = []
            while at < len(tokens) and tokens[at].end <= w.end:
                inside.append(tokens[at].text)
                at += 1
            expect(bool(inside) and w.text.replace("_", "") == "".join(inside).replace("_", ""),
                   "a word's offsets do not slice the original to its tokens")
        nfd, nfc = unicodedata.normalize("NFD", text), unicodedata.normalize("NFC", text)
        if nfd != nfc:  # otherwise both are the text, already segmented
            expect(self.default.segment(nfd) == (out if nfc == text else self.default.segment(nfc)),
                   "NFD and NFC differ")

    def segment_compat(self, text: str) -> None:
        previous = 0
        for w in self.compat.words(text):
            expect(previous <= w.start < w.end <= len(text), "offsets out of order or outside the text")
            previous = w.end
        self.compat.segment(text)  # NFD input is not composed: VnCoreNLP does not either

    def clean(self, data: str | bytes, kind: str, model: bool = False) -> None:
        from tachtu import clean

        doc = clean(data, format="html" if kind == "html" else "auto", model=model)
        expect(isinstance(doc.text, str), "clean gave no text")
        doc.to_dict()

    def request(self, data: str | bytes) -> None:
        body = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
        json_body = json.dumps({"text": data if isinstance(data, str) else "x", "output": "words"},
                               ensure_ascii=False).encode("utf-8", "surrogatepass")
        for payload, media, schema, field in ((body, "text/plain", self.segment_schema, "text"),
                                              (body, "application/json", self.segment_schema, "text"),
                                              (json_body, "application/json", self.segment_schema, "text"),
                                              (body, "text/html", self.clean_schema, "page")):
            try:
                parsed = self.schemas.parse_request(payload, media, schema, field)
            except Exception as exc:
                from tachtu.serve.errors import ApiError

                if isinstance(exc, ApiError) and 400 <= exc.status < 500:
                    continue
                raise
            expect(isinstance(parsed, dict), "request parsing gave no object")


def _no_underscores(items) -> str:
    return "".join(item.text for item in items).replace("_", "")


# -- the run -----------------------------------------------------------------------------------
#: the targets ``--targets`` names; ``clean`` stands for ``clean_text`` and ``clean_html``, and
#: ``clean`` runs the line rules alone (``model=False``), ``clean_model`` the line classifier
#: (``model=True``, the default of ``tachtu.clean`` since 2026-12-04), which runs only when asked for
TARGET_NAMES = ("decode", "tokenize", "segment", "segment_vncorenlp", "clean", "clean_model", "request")
DEFAULT_TARGETS = sorted(set(TARGET_NAMES) - {"clean_model"})
SELECTED = set(DEFAULT_TARGETS)
_SELECTOR = {"clean_text": "clean", "clean_html": "clean"}  # the --targets name of each check
_TARGETS: Targets | None = None
_LINES: list[str] = []


def _hang(signum, frame):
    raise TimeoutError(f"input took more than {INPUT_SECONDS} CPU s")


def run_chunk(job: tuple[int, int, int]) -> dict:
    """Inputs ``first .. first + count - 1`` of the run with ``seed``: counts, problems, times."""
    global _TARGETS, _LINES
    seed, first, count = job
    if _TARGETS is None:
        _TARGETS, _LINES = Targets(), real_lines()
        signal.signal(signal.SIGPROF, _hang)
    _TARGETS.times = []
    kinds, problems, examples = Counter(), Counter(), {}
    for i in range(first, first + count):
        kind, data = make_input(seed, i, _LINES)
        kinds[kind] += 1
        signal.setitimer(signal.ITIMER_PROF, INPUT_SECONDS)  # CPU time: a loaded machine is no hang
        try:
            results = _TARGETS.run(kind, data, i)
        except TimeoutError as exc:
            results = {"any": f"hang: {exc}"}
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        for target, problem in results.items():
            if problem:
                key = f"{target}: {problem.split(':')[0]}: {problem[:160]}"
                problems[key] += 1
                if len(examples.setdefault(key, [])) < EXAMPLES:
                    examples[key].append({"input": i, "kind": kind, "repr": repr(data[:300]),
                                          "length": len(data)})
    per_target = Counter(name for name, _, _, _ in _TARGETS.times)
    seconds = Counter()
    slowest: dict[str, tuple] = {}
    for name, dt, size, i in _TARGETS.times:
        seconds[name] += dt
        rate_key = dt / max(size, 1000)  # seconds per character, inputs under 1,000 as 1,000
        if name not in slowest or rate_key > slowest[name][0]:
            slowest[name] = (rate_key, dt, size, i)
    return {"kinds": kinds, "problems": problems, "examples": examples, "calls": per_target,
            "seconds": seconds, "slowest": slowest, "chunks": [first]}


def merge(parts: list[dict]) -> dict:
    """One report of many chunks' (or earlier runs') results."""
    total = {"kinds": Counter(), "problems": Counter(), "calls": Counter(), "seconds": Counter(),
             "examples": {}, "slowest": {}, "chunks": []}
    for part in parts:
        total["chunks"].extend(part["chunks"])
        for key in ("kinds", "problems", "calls", "seconds"):
            total[key].update(part[key])
        for key, found in part["examples"].items():
            total["examples"].setdefault(key, []).extend(found)
        for name, entry in part["slowest"].items():
            if name not in total["slowest"] or entry[0] > total["slowest"][name][0]:
                total["slowest"][name] = entry
    return total


def scaling() -> list[dict]:
    """CPU seconds of tokenize, segment (both modes) and clean on pathological patterns at two
    sizes ten times apart (the vncorenlp mode and page text through clean at 10 KB and 100 KB: the
    former's tokenizer is VnCoreNLP's recursive splitting, slower per character on long pieces of
    symbols; the latter reads one huge line with every line rule)."""
    from tachtu import Segmenter, clean
    from tachtu.text import tokenize

    default, compat = Segmenter(), Segmenter(mode="vncorenlp")
    large, small = (100_000, 1_000_000), (10_000, 100_000)
    jobs = [(p, "tokenize", tokenize, large) for p in PATTERNS] + \
           [(p, "segment", default.segment, large) for p in PATTERNS[:8] + ["a ", "Hà Nội "]] + \
           [(p, "segment_vncorenlp", compat.segment, small) for p in ["@", "ab.", "x@", "<3", "Hà Nội ", "<div>", "1.2.", "$1,", "-.-"]] + \
           [(p, "clean", lambda s: clean(s, format="html"), large) for p in HTML_PATTERNS] + \
           [(p, "clean", lambda s: clean(s, format="text"), small) for p in ["1.000.", "Giá 9,5 "]]
    rows = []
    for pattern, target, func, sizes in jobs:
        row = {"pattern": pattern, "target": target, "sizes": sizes, "seconds": []}
        for size in sizes:
            text = (pattern * (size // len(pattern) + 1))[:size]
            start = time.process_time()
            func(text)
            row["seconds"].append(round(time.process_time() - start, 3))
        low, high = row["seconds"]
        row["ratio"] = round(high / low, 1) if low > 0.005 else None
        rows.append(row)
        print(f"  scaling {target} {pattern!r}: {row}", file=sys.stderr)
    return rows


def markdown(report: dict) -> str:
    lines = [f"# Fuzzing: {report['inputs']:,} of {report['planned']:,} inputs (seed {report['seed']})", "",
             "| run | commit | wall s | workers | load average at the end |", "| --- | --- | ---: | ---: | --- |"]
    lines += [f"| `{r['command']}` | {r['commit']} | {r['wall_seconds']:,} | {r['workers']} | {r['load_average']} |"
              for r in report["runs"]]
    lines += ["", "| input kind | inputs |", "| --- | ---: |"]
    lines += [f"| {k} | {v:,} |" for k, v in sorted(report["kinds"].items())]
    lines += ["", "| target | calls | crashes | invariant violations | CPU s | slowest input (s per MB of input; "
              "inputs under 1,000 characters counted as 1,000) |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for name, calls in sorted(report["calls"].items()):
        crashes = sum(n for k, n in report["problems"].items() if k.startswith(f"{name}: crash"))
        violations = sum(n for k, n in report["problems"].items() if k.startswith(f"{name}: violation"))
        rate, dt, size, i = report["slowest"][name]
        lines.append(f"| {name} | {calls:,} | {crashes:,} | {violations:,} | {report['seconds'][name]:,.0f} | "
                     f"{rate * 1e6:,.1f} s/MB: input {i} ({size:,} chars, {dt:.3f} s) |")
    hangs = sum(n for k, n in report["problems"].items() if ": hang" in k)
    lines += ["", f"Inputs over {INPUT_SECONDS} CPU s (hangs): {hangs}.", ""]
    if report["problems"]:
        lines += ["## Problems found", "", "| count | problem | first input |", "| ---: | --- | --- |"]
        for key, n in report["problems"].most_common():
            example = report["examples"][key][0]
            lines.append(f"| {n:,} | `{key}` | {example['input']} ({example['kind']}) |")
        lines.append("")
    lines += ["## Scaling: CPU seconds on one pattern repeated, at two sizes ten times apart (linear: ratio ≈ 10)", "",
              "| target | pattern | sizes (characters) | CPU s | ratio |", "| --- | --- | --- | --- | ---: |"]
    for row in report["scaling"]:
        lines.append(f"| {row['target']} | `{row['pattern']!r}` | {' / '.join(f'{n:,}' for n in row['sizes'])} | "
                     f"{' / '.join(map(str, row['seconds']))} | {row['ratio'] if row['ratio'] is not None else '—'} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=None,
                        help="stop starting inputs after this much wall time; the report counts "
                             "the inputs actually tried")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--resume", action="store_true",
                        help="continue the run saved in OUTPUT.partial.json (same seed and --inputs): "
                             "its chunks are kept and only the others are run")
    parser.add_argument("--output", default=str(RESULTS / "fuzz"))
    parser.add_argument("--targets", default=",".join(DEFAULT_TARGETS),
                        help=f"comma-separated, of {', '.join(TARGET_NAMES)} (default: all but clean_model)")
    args = parser.parse_args()
    unknown = set(args.targets.split(",")) - set(TARGET_NAMES)
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
    SELECTED.clear()
    SELECTED.update(args.targets.split(","))  # the forked workers inherit it
    partial = Path(args.output + ".partial.json")
    parts, runs = [], []
    if args.resume and partial.exists():
        earlier = json.loads(partial.read_text(encoding="utf-8"))
        if (earlier["seed"], earlier["planned"]) != (args.seed, args.inputs):
            parser.error(f"{partial} is a run of seed {earlier['seed']} with {earlier['planned']:,} inputs")
        if earlier.get("targets", DEFAULT_TARGETS) != sorted(SELECTED):
            parser.error(f"{partial} is a run of the targets {','.join(earlier.get('targets', DEFAULT_TARGETS))}")
        parts, runs = [earlier], earlier["runs"]
    done = {first for part in parts for first in part["chunks"]}
    jobs = [(args.seed, first, min(CHUNK, args.inputs - first))
            for first in range(0, args.inputs, CHUNK) if first not in done]
    started = time.time()
    run = {"command": " ".join(["python", *sys.argv]), "workers": args.workers, "commit": _commit(),
           "python": platform.python_version()}
    runs.append(run)

    def report(final: bool) -> dict:
        out = merge(parts)
        run.update(wall_seconds=round(time.time() - started),
                   load_average=" ".join(f"{x:.1f}" for x in os.getloadavg()))
        out.update(inputs=sum(out["kinds"].values()), planned=args.inputs, seed=args.seed, targets=sorted(SELECTED),
                   runs=runs,
                   scaling=scaling() if final and not args.no_scaling else [])
        return out

    with multiprocessing.Pool(args.workers) as pool:
        for n, part in enumerate(pool.imap_unordered(run_chunk, jobs), 1):
            parts.append(part)
            if n % 10 == 0 or n == len(jobs):
                checkpoint = report(final=False)
                partial.write_text(json.dumps(checkpoint, ensure_ascii=False), encoding="utf-8")
                print(f"{checkpoint['inputs']:,} inputs, {sum(checkpoint['problems'].values())} problems, "
                      f"{time.time() - started:,.0f} s", file=sys.stderr, flush=True)
            if args.max_seconds and time.time() - started > args.max_seconds:
                pool.terminate()  # chunks in progress are dropped, not counted
                break
    final = report(final=True)
    partial.write_text(json.dumps({**final, "scaling": []}, ensure_ascii=False), encoding="utf-8")
    Path(args.output + ".json").write_text(json.dumps(final, ensure_ascii=False, indent=1), encoding="utf-8")
    Path(args.output + ".md").write_text(markdown(final), encoding="utf-8")
    print(markdown(final))


def _commit() -> str:
    """The commit the run measures (with ``+`` if the work tree has changes)."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    return git("rev-parse", "--short", "HEAD") + ("+" if git("status", "--porcelain", "src") else "")


if __name__ == "__main__":
    main()
