"""``build`` / ``tachtu build`` end to end: formats, stable names, accounting, CLI, resume, Ray."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from tachtu.cli import main  # noqa: E402
from tachtu.corpus import build  # noqa: E402

FAST = dict(clean=False, segment=False)


@pytest.fixture(scope="module")
def inputs(shared_data, tmp_path_factory) -> Path:
    """A folder with the seed page, 60 Wikipedia articles as JSONL.gz and a few broken files."""
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copy(shared_data.parent / "examples" / "000_e0076f2b83232bdd.txt", folder)
    with gzip.open(shared_data / "raw" / "viwiki17-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(next(f)) for _ in range(60)]
    with gzip.open(folder / "wiki.jsonl.gz", "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bad.jsonl").write_bytes(b'{"text": \n{"id": 1}\n')
    return folder


def test_lines_format_and_accounting(inputs, tmp_path):
    report = build([str(inputs)], str(tmp_path / "out"), **FAST)
    docs = report["documents"]
    assert report["accounted"] and docs["read"] == 1 + 60 + 1 + 2
    assert docs["dropped"]["empty"] == 1 and docs["dropped"]["malformed_json"] == 1 and docs["dropped"]["no_text"] == 1
    lines = (tmp_path / "out" / "corpus.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == docs["kept"] > 10 and all(line.strip() and "\n" not in line for line in lines)
    assert json.loads((tmp_path / "out" / "stats.json").read_text(encoding="utf-8")) == report
    assert not (tmp_path / "out" / ".tachtu" / "prepared").exists()  # intermediates removed


def test_every_file_is_read_with_several_workers(inputs, tmp_path):
    one = build([str(inputs)], str(tmp_path / "one"), **FAST)
    two = build([str(inputs)], str(tmp_path / "two"), workers=3, **FAST)
    assert two["documents"] == one["documents"] and two["documents"]["read"] == 64
    assert (tmp_path / "one" / "corpus.txt").read_bytes() == (tmp_path / "two" / "corpus.txt").read_bytes()


def test_output_inside_the_input_folder_is_not_read(inputs, tmp_path):
    shutil.copytree(inputs, tmp_path / "crawl")
    first = build([str(tmp_path / "crawl")], str(tmp_path / "crawl" / "corpus"), near_dedup=False, **FAST)
    again = build([str(tmp_path / "crawl")], str(tmp_path / "crawl" / "corpus"), near_dedup=False, filter=False,
                  **FAST)
    assert first["documents"]["read"] == again["documents"]["read"] == 64


def test_files_format_names_are_stable(inputs, tmp_path):
    names = []
    for run in ("a", "b"):
        build([str(inputs)], str(tmp_path / run), format="files", workers=2, **FAST)
        names.append(sorted(p.name for p in (tmp_path / run).glob("*.txt")))
    assert names[0] == names[1] and names[0]
    assert all(re.fullmatch(r"\d{3,}_[0-9a-f]{16}\.txt", n) for n in names[0])
    assert names[0][0] == "000_e0076f2b83232bdd.txt"  # the seed page comes first and keeps its id
    assert [int(n.split("_")[0]) for n in names[0]] == list(range(len(names[0])))
    for name in names[0]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_jsonl_and_parquet_formats(inputs, tmp_path):
    import pyarrow.parquet as pq

    build([str(inputs)], str(tmp_path / "j"), format="jsonl", near_dedup=False, **FAST)
    with gzip.open(tmp_path / "j" / "corpus.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    assert rows and all(re.fullmatch(r"[0-9a-f]{16}", r["id"]) and r["metadata"]["source"] for r in rows)
    build([str(inputs)], str(tmp_path / "p"), format="parquet", near_dedup=False, **FAST)
    table = pq.read_table(tmp_path / "p" / "corpus.parquet").to_pylist()
    assert [r["id"] for r in table] == [r["id"] for r in rows]


def test_segmented_and_cleaned_output(shared_data, tmp_path):
    page = shared_data.parent / "examples" / "000_e0076f2b83232bdd.txt"
    report = build([str(page)], str(tmp_path / "out"), format="files")
    text = (tmp_path / "out" / "000_e0076f2b83232bdd.txt").read_text(encoding="utf-8")
    assert "Việt_Nam" in text and "lượt xem" not in text and report["words_written"] == len(text.split())
    assert report["syllables_segmented"] > report["words_written"] * 0.5


def test_cli(inputs, tmp_path, capsys):
    stats = tmp_path / "stats.json"
    assert main(["build", str(inputs), "-o", str(tmp_path / "out"), "--no-clean", "--no-segment",
                 "--no-progress", "--stats", str(stats), "--format", "jsonl"]) == 0
    assert json.loads(stats.read_text(encoding="utf-8"))["accounted"]
    assert "documents read" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "missing"), "-o", str(tmp_path / "x")]) == 2
    assert "missing: no such file or folder" in capsys.readouterr().err


def _cli(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tachtu.cli", "build", *args, "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def test_killed_run_resumes_to_the_same_output(shared_data, tmp_path):
    with gzip.open(shared_data / "raw" / "viwiki19-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [next(f) for _ in range(900)]
    (tmp_path / "in").mkdir()
    for part in range(3):
        (tmp_path / "in" / f"part{part}.jsonl").write_text("".join(rows[part::3]), encoding="utf-8")
    args = [str(tmp_path / "in"), "--workers", "2", "--no-clean", "--format", "files"]
    assert _cli([*args, "-o", str(tmp_path / "whole")]).wait(timeout=300) == 0

    killed = _cli([*args, "-o", str(tmp_path / "resumed")])
    logs = tmp_path / "resumed" / ".tachtu" / "logs"
    deadline = time.time() + 120
    while time.time() < deadline and not any((logs / stage / "completions").is_dir()
                                             for stage in ("buckets", "clusters")):
        time.sleep(0.2)
    os.killpg(killed.pid, signal.SIGKILL)  # the whole job, workers included
    killed.wait()
    assert not (tmp_path / "resumed" / "stats.json").exists()  # it was really stopped mid-way
    assert _cli([*args, "-o", str(tmp_path / "resumed")]).wait(timeout=300) == 0

    whole = sorted(p.name for p in (tmp_path / "whole").glob("*.txt"))
    assert whole == sorted(p.name for p in (tmp_path / "resumed").glob("*.txt")) and whole
    assert all((tmp_path / "whole" / n).read_bytes() == (tmp_path / "resumed" / n).read_bytes() for n in whole)
    a, b = (json.loads((tmp_path / d / "stats.json").read_text(encoding="utf-8")) for d in ("whole", "resumed"))
    assert a["documents"] == b["documents"] and b["accounted"]


def test_ray_executor(inputs, tmp_path):
    """A real local Ray instance runs the stages (one task each: Ray workers start slowly). In its own
    process: Ray's gRPC threads outlive ``ray.shutdown()``, and later forked local workers would deadlock."""
    pytest.importorskip("ray")
    code = ("import json, sys, ray; from tachtu.corpus import build; "
            "ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False); "
            f"r = build([{str(inputs)!r}], {str(tmp_path / 'ray')!r}, executor='ray', dedup=False, near_dedup=False, "
            "clean=False, segment=False); ray.shutdown(); print(json.dumps(r['documents']), r['accounted'])")
    done = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          timeout=600, check=True)
    documents, accounted = done.stdout.strip().splitlines()[-1].rsplit(" ", 1)
    local = build([str(inputs)], str(tmp_path / "local"), dedup=False, near_dedup=False, **FAST)
    assert accounted == "True" and json.loads(documents) == local["documents"]
    assert (tmp_path / "ray" / "corpus.txt").read_bytes() == (tmp_path / "local" / "corpus.txt").read_bytes()


@pytest.mark.parametrize("fmt", ["lines", "jsonl", "parquet"])
def test_reruns_are_byte_identical(inputs, tmp_path, fmt):
    """Same input and options, same bytes (gzip without timestamp): corpora can be checksummed."""
    outputs = []
    for run in ("a", "b"):
        build([str(inputs)], str(tmp_path / run), format=fmt, workers=2, **FAST)
        outputs.append({p.name: p.read_bytes() for p in (tmp_path / run).iterdir() if p.is_file()
                        and p.name != "stats.json"})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 1
    if fmt == "jsonl":
        assert next(iter(outputs[0].values()))[4:8] == b"\0\0\0\0"  # gzip MTIME field is zero


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_stops_cleanly_and_resumes(shared_data, tmp_path, sig):
    """SIGINT/SIGTERM to the main process: one line saying how to resume, non-zero status, no traceback;
    the same command then finishes with the corpus of an uninterrupted run."""
    with gzip.open(shared_data / "raw" / "viwiki19-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        (tmp_path / "in.jsonl").write_text("".join(next(f) for _ in range(600)), encoding="utf-8")
    options = [str(tmp_path / "in.jsonl"), "--workers", "2", "--no-clean", "--no-progress"]
    cmd = [sys.executable, "-m", "tachtu.cli", "build", *options, "-o", str(tmp_path / "out")]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    completions = tmp_path / "out" / ".tachtu" / "logs" / "prepare" / "completions"
    deadline = time.time() + 120
    while time.time() < deadline and not completions.is_dir() and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(sig)
    err = proc.communicate(timeout=120)[1]
    assert proc.returncode == 128 + sig, err[-2000:]
    assert "Traceback" not in err and "run the same command again to resume" in err.splitlines()[-1]
    assert not (tmp_path / "out" / "stats.json").exists()
    assert subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300).returncode == 0
    assert main(["build", *options, "-o", str(tmp_path / "fresh")]) == 0
    assert (tmp_path / "out" / "corpus.txt").read_bytes() == (tmp_path / "fresh" / "corpus.txt").read_bytes()


def test_a_stop_python_swallows_is_sent_again():
    """A signal landing in a finalizer raises there, and Python only reports it ("Exception ignored");
    the stop is sent again until it lands in ordinary code, so the build does not run on."""
    from tachtu.cli.build import _Stopped, _stop_on_signals

    class Finalized:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(_Stopped), _stop_on_signals() as stopped:
        Finalized()
        time.sleep(10)  # the resent signal ends this at once
    assert stopped == [signal.SIGINT]


def test_an_interrupted_local_run_leaves_no_process(tmp_path):
    """A child that datatrove started but never got to stop (its manager, when the signal lands
    before the manager's shutdown is registered) is stopped, so the interpreter can exit."""
    import multiprocess

    from tachtu.corpus.run import _no_child_left_behind

    with pytest.raises(KeyboardInterrupt), _no_child_left_behind():
        child = multiprocess.get_context("fork").Process(target=time.sleep, args=(60,))
        child.start()
        raise KeyboardInterrupt
    assert not child.is_alive() and multiprocess.active_children() == []


def test_windows_1258_page_builds_as_clean_reads_it(shared_data, tmp_path):
    """A legacy page with its charset declared in a meta tag: the reader hands the bytes and the
    declared charset to the one decode stage, so ``build`` keeps what ``clean`` reads."""
    from tachtu import clean

    with gzip.open(shared_data / "raw" / "viwiki19-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        prose = ([p for p in json.loads(row)["text"].split("\n") if len(p) > 150] for row in f)
        paragraphs = "".join(f"<p>{p}</p>" for p in next(ps for ps in prose if len(ps) >= 4))
    page = ('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=windows-1258"><title>Bài viết</title></head><body><article>{paragraphs}'
            "</article></body></html>").encode("cp1258", errors="xmlcharrefreplace")
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "page.html").write_bytes(page)
    cleaned = clean(page)
    assert cleaned.charset == "cp1258" and not cleaned.reason
    report = build([str(tmp_path / "crawl")], str(tmp_path / "out"), segment=False, filter=False)
    assert report["documents"]["read"] == report["documents"]["kept"] == 1, report["documents"]
    text = (tmp_path / "out" / "corpus.txt").read_text(encoding="utf-8")
    assert "\ufffd" not in text and cleaned.lines()[0] in text


def test_options_are_not_mutated_and_steps_are_timed_by_class(inputs, tmp_path):
    from tachtu.corpus import BuildOptions

    options = BuildOptions(near_dedup=False)
    report = build([str(inputs)], str(tmp_path / "out"), options, workers=2, **FAST)
    assert options == BuildOptions(near_dedup=False)  # workers and FAST went into a copy
    assert report["documents"]["read"] == 64 and report["accounted"]
    assert set(report["seconds"]["prepare"]) == {"CorpusReader", "NormalizeText", "VietnameseQualityFilter",
                                                 "JsonlWriter", "DedupSignature"}
    with pytest.raises(TypeError, match="no_such_option"):
        build([str(inputs)], str(tmp_path / "x"), options, no_such_option=True)
