"""HTTP service figures: requests/s and latency under concurrent clients, and memory over time.

Starts ``tachtu serve`` itself as a child process on 127.0.0.1 (a free port; only loopback
is ever contacted) and sends it a fixed number of requests per case (or fewer when the case's
time cap, ``--seconds``, passes first), so every part stops by itself:

1. ``POST /segment`` with one news sentence per request (``silver/uts-col-news.raw.txt``,
   1,145 real sentences, cycled) at 1, 8 and 32 concurrent clients: requests/s, p50/p99
   latency, and the client's own CPU share (to show the client is not the bottleneck).
   Side by side in the same run: ``GET /health`` (the HTTP stack alone), ``output=words``,
   a batch of 100 sentences per request, ``--workers 2``, and the same sentences through
   ``Segmenter.segment`` in-process (no HTTP at all).
2. Server memory (RSS of the server process) after start-up, after 100 requests and after
   10,000 requests, on a fresh server.
3. Soak: 32 clients for ``--soak-seconds`` (60) with a realistic mix (single sentences, words
   output, batches of 10, /clean of a page), then rounds of malformed and oversized requests
   (bad JSON, invalid UTF-8, schema errors, a text over the length limit, 9 MB and 11 MB
   bodies): errors (an unexpected status or a broken connection), p50/p99, and the server's
   RSS at start, after the load and after the malformed/oversized rounds. glibc kept the
   memory of large bodies in its arenas (57 -> 117 MiB) until the service fixed its malloc
   thresholds (tachtu.serve.heap).

The client is a minimal asyncio HTTP/1.1 client, one keep-alive connection per concurrent
client, with each request encoded once: httpx's AsyncClient, measured here first, was the
bottleneck (about 140 GET /health per second where this client gets 600 on the same loaded
machine), so it would have measured itself rather than the server.
The server runs with its defaults (1 worker, 4 threads, access log off by --log-level warning).

Usage::

    python benchmarks/bench_serve.py [--quick] [--seconds 20] [--data ../shared/data]
                                     [--out benchmarks/results]

Writes ``serve.json`` and ``serve.md`` into ``--out`` and prints the markdown.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import platform
import resource
import time
from pathlib import Path

import numpy as np

from tachtu import Segmenter, __version__
from tachtu.serve.launch import LOOPBACK, Server

REPO = Path(__file__).resolve().parents[1]
CONCURRENCY = (1, 8, 32)
BATCH = 100


def load_sentences(data: Path) -> list[str]:
    path = data / "silver" / "uts-col-news.raw.txt"
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rss_mib(pid: int) -> float:
    """Resident memory of process ``pid`` in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def encode_request(method: str, path: str, body: dict | None) -> bytes:
    """One HTTP/1.1 request (keep-alive), encoded once and sent many times."""
    payload = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    head = f"{method} {path} HTTP/1.1\r\nHost: {LOOPBACK}\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
    return (head + "\r\n").encode("ascii") + payload


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                   request: bytes) -> int:
    """Send one request on an open connection and read the whole response; return its status."""
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    fields = dict(line.partition(b":")[::2] for line in head.split(b"\r\n")[1:] if line)
    fields = {name.strip().lower(): value.strip() for name, value in fields.items()}
    await reader.readexactly(int(fields[b"content-length"]))  # the service always sends it
    return int(head[9:12])


async def load(port: int, requests: list[bytes], concurrency: int, total: int,
               seconds: float | None) -> dict:
    """Send ``total`` requests from ``concurrency`` keep-alive connections at once (fewer if
    ``seconds`` pass first); time each one."""
    latencies: list[float] = []
    failures = 0
    cycle = itertools.cycle(requests)
    remaining = iter(range(total))
    stop_at = time.perf_counter() + seconds if seconds else float("inf")

    async def one_client():
        nonlocal failures
        reader, writer = await asyncio.open_connection(LOOPBACK, port)
        try:
            for _ in remaining:
                if time.perf_counter() > stop_at:
                    break
                started = time.perf_counter()
                status = await exchange(reader, writer, next(cycle))
                latencies.append(time.perf_counter() - started)
                failures += status != 200
        finally:
            writer.close()
            await writer.wait_closed()

    cpu = time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(concurrency)))
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu
    ms = np.array(latencies) * 1000
    done = len(latencies)
    return {"concurrency": concurrency, "requests": done, "failures": failures,
            "seconds": round(wall, 3), "requests_per_s": round(done / wall, 1),
            "p50_ms": round(float(np.percentile(ms, 50)), 2),
            "p99_ms": round(float(np.percentile(ms, 99)), 2),
            "client_cpu_share": round(cpu / wall, 2)}


def run(server: Server, method: str, path: str, bodies: list, concurrency: int, total: int,
        seconds: float | None = None) -> dict:
    requests = [encode_request(method, path, body) for body in bodies]
    return asyncio.run(load(server.port, requests, concurrency, total, seconds))


def direct(sentences: list[str], requests: int) -> dict:
    """The same sentences through the library in this process: the ceiling without HTTP."""
    segmenter = Segmenter()
    for sentence in sentences[:50]:
        segmenter.segment(sentence)
    texts = list(itertools.islice(itertools.cycle(sentences), requests))
    times = []
    started = time.perf_counter()
    for text in texts:
        t = time.perf_counter()
        segmenter.segment(text)
        times.append(time.perf_counter() - t)
    wall = time.perf_counter() - started
    ms = np.array(times) * 1000
    return {"concurrency": 1, "requests": requests, "failures": 0, "seconds": round(wall, 3),
            "requests_per_s": round(requests / wall, 1),
            "p50_ms": round(float(np.percentile(ms, 50)), 2),
            "p99_ms": round(float(np.percentile(ms, 99)), 2), "client_cpu_share": None}


def throughput(sentences: list[str], quick: bool, seconds: float) -> list[dict]:
    """Each case stops after a fixed number of requests or ``seconds``, whichever comes first."""
    scale = 0.2 if quick else 1.0
    n = {1: int(1000 * scale), 8: int(3000 * scale), 32: int(3000 * scale)}
    single = [{"text": s} for s in sentences]
    words = [{"text": s, "output": "words"} for s in sentences]
    batches = [{"texts": sentences[i:i + BATCH]} for i in range(0, len(sentences) - BATCH, BATCH)]
    rows = []

    def add(name, figures):
        rows.append({"case": name, **figures})
        print(f"  {name:<40} c={figures['concurrency']:<3} {figures['requests_per_s']:>8} req/s  "
              f"p50 {figures['p50_ms']} ms  p99 {figures['p99_ms']} ms", flush=True)

    with Server() as server:
        run(server, "POST", "/segment", single, 4, 200)  # warm-up
        for c in CONCURRENCY:
            add("POST /segment, 1 sentence",
                run(server, "POST", "/segment", single, c, n[c], seconds))
        for c in CONCURRENCY:
            add("GET /health (HTTP alone)",
                run(server, "GET", "/health", [None], c, n[c], seconds))
        add("POST /segment, 1 sentence, output=words",
            run(server, "POST", "/segment", words, 8, n[8], seconds))
        add(f"POST /segment, batch of {BATCH} sentences",
            run(server, "POST", "/segment", batches, 8, max(20, n[8] // 20), seconds))
    with Server("--workers", "2") as server:
        run(server, "POST", "/segment", single, 8, 200)
        add("POST /segment, 1 sentence, --workers 2",
            run(server, "POST", "/segment", single, 32, n[32], seconds))
    add("Segmenter.segment in-process (no HTTP)", direct(sentences, n[8]))
    return rows


def memory(sentences: list[str], quick: bool) -> dict:
    """RSS of a fresh server after start-up, 100 requests and 10,000 requests (distinct texts)."""
    total = 2000 if quick else 10_000
    bodies = [{"text": s} for s in sentences]
    with Server() as server:
        figures = {"after_start_mib": round(rss_mib(server.pid), 1)}
        run(server, "POST", "/segment", bodies, 8, 100)
        figures["after_100_mib"] = round(rss_mib(server.pid), 1)
        run(server, "POST", "/segment", bodies[100:] + bodies[:100], 8, total - 100)
        figures[f"after_{total}_mib"] = round(rss_mib(server.pid), 1)
    figures["requests"] = total
    print(f"  memory: {figures}", flush=True)
    return figures


def soak_requests(sentences: list[str]) -> list[bytes]:
    """The realistic mix: 7 single sentences, 1 words output, 1 batch of 10, 1 page to clean."""
    mix = []
    for i in range(0, len(sentences) - 20, 10):
        mix += [encode_request("POST", "/segment", {"text": s}) for s in sentences[i:i + 7]]
        mix.append(encode_request("POST", "/segment", {"text": sentences[i + 7], "output": "words"}))
        mix.append(encode_request("POST", "/segment", {"texts": sentences[i:i + 10]}))
        mix.append(encode_request("POST", "/clean", {"page": "\n".join(sentences[i:i + 20])}))
    return mix


def abusive_requests() -> list[tuple[bytes, int]]:
    """(request, expected status): malformed and oversized, each on its own connection."""
    def post(body: bytes) -> bytes:
        return (f"POST /segment HTTP/1.1\r\nHost: {LOOPBACK}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    return [(post(b"{bad json"), 400), (post(b"\xff\xfe"), 400), (post(b'{"text": 5}'), 422),
            (post(b"[" * 10_000), 400), (post(json.dumps({"text": "x" * 1_100_000}).encode()), 413),
            (post(b'{"text": "' + b"a" * (9 * 1024 * 1024) + b'"}'), 413),
            (post(b'{"text": "' + b"a" * (11 * 1024 * 1024) + b'"}'), 413)]


async def abuse(port: int, requests: list[tuple[bytes, int]], concurrency: int) -> int:
    """Send each request on a new connection; the number answered otherwise than expected."""
    errors = 0
    gate = asyncio.Semaphore(concurrency)

    async def one(request: bytes, expected: int) -> None:
        nonlocal errors
        async with gate:
            try:
                reader, writer = await asyncio.open_connection(LOOPBACK, port)
                writer.write(request)
                await writer.drain()
                reply = await asyncio.wait_for(reader.read(), 60)
                writer.close()
                errors += not reply.startswith(f"HTTP/1.1 {expected}".encode())
            except (OSError, asyncio.TimeoutError):
                errors += 1

    await asyncio.gather(*(one(r, e) for r, e in requests))
    return errors


def soak(sentences: list[str], seconds: float, rounds: int = 3) -> dict:
    """32 clients for ``seconds`` with the realistic mix, then malformed/oversized rounds."""
    mix = soak_requests(sentences)
    with Server() as server:
        figures = {"rss_start_mib": round(rss_mib(server.pid), 1)}
        figures["load"] = asyncio.run(load(server.port, mix, 32, 10 ** 9, seconds))
        figures["rss_after_load_mib"] = round(rss_mib(server.pid), 1)
        bad = abusive_requests()
        figures["abusive_requests"] = len(bad) * 5 * rounds
        figures["abusive_errors"] = sum(asyncio.run(abuse(server.port, bad * 5, 8)) for _ in range(rounds))
        figures["rss_after_abuse_mib"] = round(rss_mib(server.pid), 1)
        figures["load_after"] = asyncio.run(load(server.port, mix, 32, 10 ** 9, seconds / 6))
        figures["rss_end_mib"] = round(rss_mib(server.pid), 1)
    figures["seconds"] = seconds
    print(f"  soak: {figures}", flush=True)
    return figures


def markdown(result: dict) -> str:
    mem, soak = result["memory"], result["soak"]
    total = mem["requests"]
    lines = [
        "# HTTP service (`tachtu serve`)",
        "",
        f"tachtu {result['version']}, Python {result['python']}, {result['cpus']} CPUs; client and "
        "server on the same machine over 127.0.0.1 (asyncio HTTP/1.1 client, keep-alive). "
        "Requests are "
        f"real news sentences (`silver/uts-col-news.raw.txt`, {result['sentences']:,} sentences, "
        f"{result['sentence_chars_mean']} characters on average).",
        "",
        "| case | clients | requests | req/s | p50 ms | p99 ms | failures | client CPU |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["throughput"]:
        share = "" if row["client_cpu_share"] is None else f"{row['client_cpu_share']:.0%}"
        lines.append(f"| {row['case']} | {row['concurrency']} | {row['requests']:,} | "
                     f"{row['requests_per_s']:,} | {row['p50_ms']} | {row['p99_ms']} | "
                     f"{row['failures']} | {share} |")
    lines += [
        "",
        f"Server memory (RSS, one worker): {mem['after_start_mib']} MiB after start-up, "
        f"{mem['after_100_mib']} MiB after 100 requests, {mem[f'after_{total}_mib']} MiB after "
        f"{total:,} requests.",
        "",
        f"Soak, 32 clients for {soak['seconds']:g} s, realistic mix (7 sentences : 1 words output : "
        f"1 batch of 10 : 1 page to /clean): {soak['load']['requests']:,} requests, "
        f"{soak['load']['requests_per_s']:,} req/s, p50 {soak['load']['p50_ms']} ms, "
        f"p99 {soak['load']['p99_ms']} ms, {soak['load']['failures']} errors. Then "
        f"{soak['abusive_requests']} malformed and oversized requests (bad JSON, invalid UTF-8, schema "
        f"errors, a text over the length limit, 9 MB and 11 MB bodies): {soak['abusive_errors']} "
        f"answered otherwise than with their 4xx; then {soak['load_after']['requests']:,} more mixed "
        f"requests, {soak['load_after']['failures']} errors. Server RSS: {soak['rss_start_mib']} MiB at "
        f"start, {soak['rss_after_load_mib']} after the load, {soak['rss_after_abuse_mib']} after the "
        f"malformed/oversized rounds, {soak['rss_end_mib']} at the end.",
        "",
        "Other jobs shared the machine: 1-minute load average "
        f"{result['load_average_1min']['before']} before, {result['load_average_1min']['after']} "
        "after the run (2 CPUs; above 2 means the figures are depressed by other work).",
        "",
        f"Command: `{result['command']}`",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--quick", action="store_true", help="fewer requests (a smoke run)")
    parser.add_argument("--soak-seconds", type=float, default=60.0,
                        help="length of the 32-client soak (default 60)")
    parser.add_argument("--seconds", type=float, default=20.0,
                        help="time cap of each throughput case (default 20)")
    args = parser.parse_args()
    sentences = load_sentences(args.data)
    print("throughput and latency:", flush=True)
    load_before = os.getloadavg()
    rows = throughput(sentences, args.quick, args.seconds)
    print("memory:", flush=True)
    result = {
        "version": __version__, "python": platform.python_version(), "cpus": os.cpu_count(),
        "command": "python benchmarks/bench_serve.py" + (" --quick" if args.quick else "")
                   + (f" --seconds {args.seconds:g}" if args.seconds != 20 else "")
                   + (f" --soak-seconds {args.soak_seconds:g}" if args.soak_seconds != 60 else ""),
        "sentences": len(sentences),
        "sentence_chars_mean": round(sum(map(len, sentences)) / len(sentences)),
        "throughput": rows, "memory": memory(sentences, args.quick),
        "soak": soak(sentences, args.soak_seconds),
        "load_average_1min": {"before": round(load_before[0], 2),
                              "after": round(os.getloadavg()[0], 2)},
        "client_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "serve.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    text = markdown(result)
    (args.out / "serve.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
