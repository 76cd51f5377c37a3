"""Every user error of the CLI is one line on stderr and exit status 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def tachtu(*args: str, stdin: bytes = b"", stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tachtu.cli", *args], input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=120)


def one_line_error(r: subprocess.CompletedProcess, *words: str) -> str:
    err = r.stderr.decode()
    assert r.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    assert all(w in err for w in words), err
    return err


@pytest.fixture
def text(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("Hà Nội mùa thu.\nTôi yêu Việt Nam.\n", encoding="utf-8")
    return path


needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")


@needs_dev_full
def test_full_disk_is_named(text):
    one_line_error(tachtu("segment", str(text), "-o", "/dev/full"), "/dev/full", "No space left")
    with open("/dev/full", "wb") as full:
        for args in (["segment", str(text)], ["segment", str(text), "--format", "json"],
                     ["eval", "--gold", str(text), "--pred", str(text)]):
            one_line_error(tachtu(*args, stdout=full), "<stdout>", "No space left")


def test_closed_pipe_is_quiet(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Hà Nội mùa thu đẹp lắm.\n" * 50_000, encoding="utf-8")
    head = subprocess.Popen([sys.executable, "-m", "tachtu.cli", "segment", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = head.stdout.readline()
    head.stdout.close()
    err = head.stderr.read().decode()
    head.wait(timeout=120)
    assert first.startswith("Hà_Nội".encode()) and err == ""


def test_eval_with_fewer_predicted_lines(tmp_path, text):
    short = tmp_path / "short.txt"
    short.write_text("Hà_Nội mùa thu .\n", encoding="utf-8")
    one_line_error(tachtu("eval", "--gold", str(text), "--pred", str(short)), "1 lines", "has 2")


def test_directories_and_bad_options(tmp_path, text):
    one_line_error(tachtu("eval", "--gold", str(text), "--pred", str(tmp_path)))
    one_line_error(tachtu("eval", "--gold", str(text), "--pred", str(text), "--lines", "x:2"))
    one_line_error(tachtu("segment", str(text), "-o", str(tmp_path)), str(tmp_path))
    one_line_error(tachtu("clean", str(text), "-o", str(tmp_path)), str(tmp_path))
