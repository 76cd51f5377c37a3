"""``tachtu clean``: text, one-line, JSON for several files, folders, segmentation, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tachtu.cli import main

DATA = Path(__file__).parent / "data" / "cleaning"
SEED, GOLD = DATA / "s000_seed.txt", (DATA / "s000_seed.gold.txt").read_text("utf-8")


def test_text_output_is_the_gold(capsys):
    assert main(["clean", str(SEED)]) == 0
    assert capsys.readouterr().out == GOLD


def test_one_line(capsys):
    assert main(["clean", "--one-line", str(SEED)]) == 0
    assert capsys.readouterr().out == " ".join(GOLD.splitlines()) + "\n"


def test_segmented_one_line_never_joins_words_across_paragraphs(capsys):
    assert main(["clean", "--one-line", "--segment", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "Trung_Quốc Đoàn" in out and "Thu_Trang" in out


def test_json_lines_for_a_folder(tmp_path, capsys):
    for name in ("s000_seed.txt", "h02_notfound.txt", "g05_national.html"):
        shutil.copy(DATA / name, tmp_path / name)
    assert main(["clean", "--format", "json", str(tmp_path)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(r["file"]).name for r in records] == ["g05_national.html", "h02_notfound.txt", "s000_seed.txt"]
    assert records[0]["format"] == "html" and records[0]["title"]
    assert records[1]["text"] == "" and records[1]["reason"].startswith("no article")
    assert records[2]["text"] == GOLD.rstrip("\n") and records[2]["date"] == "2018-10-29T09:22"


def test_several_files_get_headers(capsys):
    assert main(["clean", str(SEED), str(DATA / "h06_news.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"==> {SEED} <==\n") and f"==> {DATA / 'h06_news.txt'} <==\nCần Thơ:" in out


def test_bad_files_are_reported_and_the_rest_goes_on(tmp_path, capsys):
    binary = tmp_path / "a.bin"
    binary.write_bytes(b"\x00\x01\x02\x03" * 1000)
    status = main(["clean", str(binary), str(tmp_path / "missing.txt"), str(SEED)])
    captured = capsys.readouterr()
    assert status == 2
    errors = captured.err.strip().splitlines()
    assert errors[0] == f"tachtu: error: {binary}: byte 0: binary data, not a text or HTML page (control bytes)"
    assert errors[1].startswith(f"tachtu: error: {tmp_path / 'missing.txt'}: ")
    assert GOLD in captured.out


def test_strict_decoding(tmp_path, capsys):
    page = tmp_path / "p.txt"
    page.write_bytes(SEED.read_bytes().replace("Tại cuộc hội đàm".encode(), "Tại cu".encode() + b"\xff" + "ộc hội đàm".encode()))
    assert main(["clean", str(page)]) == 0
    captured = capsys.readouterr()
    assert "Tại cu\ufffdộc hội đàm" in captured.out and "1 undecodable byte" in captured.err
    assert main(["clean", "--errors", "strict", str(page)]) == 2
    assert "invalid UTF-8 (byte 0xff)" in capsys.readouterr().err
