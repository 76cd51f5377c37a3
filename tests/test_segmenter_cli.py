"""``tachtu segment``, ``eval`` and ``train`` as a user runs them: real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tachtu.cli import main


def tachtu(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tachtu.cli", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_stdin_to_stdout_one_line_per_line():
    r = tachtu("segment", stdin="Hà Nội mùa thu.\n\nTôi yêu Việt Nam!\n".encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().split("\n") == ["Hà_Nội mùa thu .", "", "Tôi yêu Việt_Nam !", ""]


def test_files_output_and_formats(tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text("Bộ trưởng Quốc phòng. Việt Nam\nxin chào\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["segment", str(src), "-o", str(out), "--no-progress"]) == 0
    assert out.read_text(encoding="utf-8") == "Bộ_trưởng Quốc_phòng . Việt_Nam\nxin chào\n"
    assert main(["segment", str(src), "--sentences"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == ["Bộ_trưởng Quốc_phòng .", "Việt_Nam"]
    assert main(["segment", str(src), "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first == {"file": str(src), "line": 1,
                     "sentences": [[["Bộ_trưởng", 0, 9], ["Quốc_phòng", 10, 20], [".", 20, 21]],
                                   [["Việt_Nam", 22, 30]]]}
    assert main(["segment", str(src), "--format", "conll"]) == 0
    assert capsys.readouterr().out.startswith("Bộ_trưởng\t0\t9\nQuốc_phòng\t10\t20\n.\t20\t21\n\nViệt_Nam\t22\t30\n\n")


def test_tone_and_dictionary_options(tmp_path, capsys):
    words = tmp_path / "dict.txt"
    words.write_text("mạng nơ ron\n", encoding="utf-8")
    src = tmp_path / "in.txt"
    src.write_text("hòa bình và mạng nơ ron\n", encoding="utf-8")
    assert main(["segment", str(src), "--tone", "old", "--dict", str(words)]) == 0
    assert capsys.readouterr().out == "hoà_bình và mạng_nơ_ron\n"


def test_invalid_utf8_names_file_and_byte(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Hà Nội\nabc".encode() + b"\xff\xfe xyz\n")
    r = tachtu("segment", str(bad))
    assert r.returncode == 2
    assert r.stderr.decode().strip().splitlines() == [
        f"tachtu: error: {bad}: byte 13: invalid UTF-8 (byte 0xff) at line 2, column 4 (use --errors replace, or errors='replace', to replace it)"]
    r = tachtu("segment", "--errors", "replace", str(bad))
    assert r.returncode == 0 and r.stdout.decode().splitlines()[1].startswith("abc")


@pytest.mark.parametrize("content", [b"", b"\x00\x00\x00", b"\n\n\n", "🙂\n中文\n".encode()])
def test_odd_files_do_not_crash(tmp_path, content):
    f = tmp_path / "odd.txt"
    f.write_bytes(content)
    r = tachtu("segment", str(f))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count(b"\n") == content.count(b"\n") + (not content.endswith(b"\n") and bool(content))


def test_user_errors_are_one_line_without_traceback(tmp_path):
    for args in (["segment", str(tmp_path / "missing.txt")], ["segment", "--dict", str(tmp_path / "nope")],
                 ["eval", "--gold", str(tmp_path / "g.txt"), "--model", "default"],
                 ["train", "--data", str(tmp_path), "-o", str(tmp_path / "m.npz")],
                 ["segment", "-o", str(tmp_path / "no" / "such" / "dir.txt")], ["segment", str(tmp_path)]):
        r = tachtu(*args)
        assert r.returncode == 2, args
        assert r.stderr.decode().count("\n") == 1 and "Traceback" not in r.stderr.decode(), r.stderr


def test_eval_with_predictions(tmp_path, capsys):
    gold = tmp_path / "gold.txt"
    pred = tmp_path / "pred.txt"
    gold.write_text("Hà_Nội mùa thu .\nTôi yêu Việt_Nam\n", encoding="utf-8")
    pred.write_text("Hà_Nội mùa_thu .\nTôi yêu Việt_Nam\n", encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--pred", str(pred), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["recall"] == 5 / 7 and figures["precision"] == 5 / 6
    assert figures["sentence_accuracy"] == 0.5
    assert figures["top_errors"] == [["joined: mùa_thu", 1]]


@pytest.mark.parametrize("mode", ["default", "vncorenlp"])
def test_json_and_conll_go_through_the_batch_path_unchanged(tmp_path, capsys, mode):
    """Batched JSON/CoNLL output is what the segmenter gives line by line; lines restart per file."""
    from tachtu import Segmenter

    lines = ["Bộ trưởng Quốc phòng. Việt Nam", "", "Hà Nội, 29/10/2018: TP. HCM mưa!", "xin chào"]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("\n".join(lines) + "\n", encoding="utf-8")
    b.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    segmenter = Segmenter(mode=mode)
    expected = [[[[w.text, w.start, w.end] for w in s] for s in segmenter.sentences(line)]
                for line in lines]
    assert main(["segment", str(a), str(b), "--format", "json", "--mode", mode]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["file"], r["line"]) for r in records] == (
        [(str(a), n) for n in range(1, 5)] + [(str(b), 1), (str(b), 2)])
    assert [r["sentences"] for r in records] == expected + expected[:2]
    assert main(["segment", str(a), "--format", "conll", "--mode", mode]) == 0
    assert capsys.readouterr().out == "".join(
        "".join(f"{t}\t{s}\t{e}\n" for t, s, e in sentence) + "\n"
        for sentences in expected for sentence in sentences)


def test_eval_of_the_vncorenlp_mode_aligns_modulo_tone_placement(shared_data, capsys):
    """The mode re-marks tones (``hòa`` -> ``hoà``); eval maps its words back onto the gold
    characters instead of counting those sentences as misaligned (README: 98.21 on 793)."""
    gold = shared_data / "ws" / "udvtb-test.txt"
    assert main(["eval", "--gold", str(gold), "--model", "vncorenlp", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["misaligned_sentences"] == 0 and figures["repaired_sentences"] >= 20
    assert figures["f1"] > 0.979
