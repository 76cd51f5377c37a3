"""Bad input never crashes the compatible mode; concurrent use gives identical results."""

import threading
import unicodedata

import pytest

from tachtu.compat import VnCoreNLPSegmenter


@pytest.fixture(scope="module")
def seg():
    return VnCoreNLPSegmenter()


def test_empty_and_blank(seg):
    assert seg.sentences("") == []
    assert seg.lines("") == [[]]
    assert seg.sentences(" \t\n\r\n\x00 ") == []
    assert seg.segment("\n\n") == "\n\n"


def test_nul_and_control_characters(seg):
    assert seg.word_segment("\x00Hà Nội\x00") == ["Hà_Nội"]          # Java trim drops them
    assert seg.word_segment("Hà\x00Nội") == ["Hà\x00Nội"]            # inside a token: kept
    assert seg.word_segment("a \x01 b") == ["a \x01 b"]


def test_emoji_and_other_scripts(seg):
    assert seg.word_segment("Xin chào 😀👍🏽 thế giới") == ["Xin chào 😀👍🏽 thế_giới"]
    assert seg.word_segment("東京 và Москва, مرحبا.") == ["東京 và Москва , مرحبا ."]


def test_decomposed_text_is_not_joined(seg):
    nfd = unicodedata.normalize("NFD", "Hà Nội là thủ đô")
    assert seg.word_segment(nfd) == [nfd]                # combining marks: no word tokens
    assert seg.word_segment("Hà Nội là thủ đô") == ["Hà_Nội là thủ_đô"]


def test_lone_surrogate_does_not_crash(seg):
    assert seg.word_segment("a\ud800b c") == ["a\ud800b c"]


def test_50kb_single_line(seg):
    sentence = "Ông Nguyễn Văn A đến Hà Nội lúc 9h30, (TP.HCM) ngày 29/10/2018. "
    text = sentence * (50_000 // len(sentence))
    got = seg.sentences(text)
    assert len(got) == text.count(". ")
    assert " ".join(w.text for w in got[0]) == seg.word_segment(sentence)[0]
    assert got[-1][-1].end == len(text.rstrip())


def test_50kb_unbroken_pieces(seg):
    for text in ("-" * 50_000, "a" * 50_000 + "-", "1." * 25_000, "Hà-Nội." * 7_000):
        words = [w for s in seg.sentences(text) for w in s]
        assert "".join(text[w.start:w.end] for w in words) == text


def test_threads_get_identical_results(seg):
    lines = [f"Dòng {i}: Ông Nguyễn Văn Thành đến Hà Nội lúc 9h30, (TP.HCM) v.v. Hòa bình!"
             f" {'x' * (i % 7)}-{i}.{i % 13}" for i in range(300)]
    expected = [seg.sentences(line) for line in lines]
    results: dict[int, list] = {}

    def work(k):
        fresh = VnCoreNLPSegmenter()   # shares the process-wide data
        results[k] = [fresh.sentences(line) for line in (lines if k % 2 else lines[::-1])]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k, got in results.items():
        assert got == (expected if k % 2 else expected[::-1])
