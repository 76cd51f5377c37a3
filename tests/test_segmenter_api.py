"""The segmentation API on real Vietnamese text: output convention, offsets, options, threads."""

from __future__ import annotations

import unicodedata
from concurrent.futures import ThreadPoolExecutor

import pytest

import tachtu
from tachtu import Segmenter

NEWS = ("Đoàn đại biểu quân sự cấp cao Việt Nam do Đại tướng Ngô Xuân Lịch, Bộ trưởng Bộ Quốc "
        "phòng dẫn đầu, bắt đầu chuyến thăm chính thức Trung Quốc từ ngày 26 - 28/10.")


def assert_words_partition_tokens(text: str, words: list[tachtu.Word]) -> None:
    """Words are runs of consecutive tokens: text = tokens joined by '_', offsets from the ends."""
    tokens = tachtu.tokenize(text)
    i = 0
    for word in words:
        n = 1
        while "_".join(t.text for t in tokens[i:i + n]) != word.text:
            n += 1
            assert i + n <= len(tokens), f"{word} is not a run of tokens"
        assert (word.start, word.end) == (tokens[i].start, tokens[i + n - 1].end)
        i += n
    assert i == len(tokens)


def test_segment_joins_words_and_splits_punctuation():
    out = tachtu.segment(NEWS)
    assert out.startswith("Đoàn đại_biểu quân_sự")
    assert "Việt_Nam do Đại_tướng Ngô_Xuân_Lịch ," in out
    assert "Bộ_trưởng Bộ Quốc_phòng dẫn_đầu" in out
    assert out.endswith("26 - 28/10 .")


def test_words_offsets_slice_the_original():
    words = tachtu.words(NEWS)
    for w in words:
        assert NEWS[w.start:w.end].replace(" ", "_") == w.text
    assert_words_partition_tokens(NEWS, words)


def test_one_output_line_per_input_line_and_sentences():
    text = "Hà Nội mùa thu. Trời đẹp.\n\nTP. HCM mưa to."
    assert tachtu.segment(text).split("\n") == ["Hà_Nội mùa thu . Trời đẹp .", "", "TP. HCM mưa to ."]
    assert tachtu.segment(text, sentences=True).split("\n") == [
        "Hà_Nội mùa thu .", "Trời đẹp .", "TP. HCM mưa to ."]
    sentences = tachtu.sentences(text)
    assert [[w.text for w in s] for s in sentences][2] == ["TP.", "HCM", "mưa", "to", "."]
    assert text[sentences[2][0].start:sentences[2][1].end] == "TP. HCM"


def test_all_caps_and_title_case_segment_like_lower_case():
    lower = "thúc đẩy hợp tác quốc phòng giữa hai nước"
    expected = tachtu.segment(lower).split()
    for variant in (lower.upper(), lower.title()):
        assert [w.lower() for w in tachtu.segment(variant).split()] == expected


def test_decomposed_input_gives_nfc_words_with_original_offsets():
    text = unicodedata.normalize("NFD", "Bệnh viện Nguyễn Trãi")
    words = tachtu.words(text)
    assert [w.text for w in words] == ["Bệnh_viện", "Nguyễn_Trãi"]
    assert unicodedata.normalize("NFC", text[words[1].start:words[1].end]) == "Nguyễn Trãi"


@pytest.mark.parametrize("tone, expected", [("keep", "hòa_bình"), ("old", "hoà_bình"), ("new", "hòa_bình")])
def test_tone_option(tone, expected):
    assert tachtu.segment("hòa bình", tone=tone) == expected
    assert tachtu.segment("hoà bình", tone=tone) == (expected if tone != "keep" else "hoà_bình")


def test_user_dictionary_keeps_words_whole(tmp_path):
    text = "Mô hình mạng nơ ron tích chập mới"
    assert "mạng_nơ_ron" not in tachtu.segment(text)
    path = tmp_path / "words.txt"
    path.write_text("# domain words\nmạng nơ ron\ntích chập\n", encoding="utf-8")
    for source in (path, str(path), ["mạng_nơ ron", "TÍCH CHẬP"]):
        assert Segmenter(user_dict=source).segment(text) == "Mô_hình mạng_nơ_ron tích_chập mới"


def test_batch_equals_one_by_one():
    # a batch is segmented as one text, one per line: nothing may leak between texts
    texts = [NEWS, "", "Hà Nội\nSài Gòn", "🙂 ok", "Xin chào các bạn!", "\n\nHà Nội. Huế\r", "số 10",
             "m. Lan", "Anh nói:", '"Ừ."\n', "\u2028", "Thu\u0309y lơ\u0323i"]
    seg = Segmenter()
    for sentences in (False, True):
        assert seg.segment_batch(texts, sentences) == [seg.segment(t, sentences) for t in texts]
    assert seg.words_batch(texts) == [seg.words(t) for t in texts]


def test_thread_safe_shared_segmenter():
    seg = Segmenter()
    texts = [NEWS[i:] for i in range(0, 120, 3)] * 5
    expected = [seg.segment(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(seg.segment, texts)) == expected


@pytest.mark.parametrize("text", ["", "   ", "\x00\x00", "🙂🙂", "\n\n", "Hà\x00Nội", "中文 và tiếng Việt",
                                  "Привет, Hà Nội!", "a" * 10_000, "\u200b\ufeffHà Nội"])
def test_bad_input_gives_a_result(text):
    out = tachtu.segment(text)
    assert out.count("\n") == text.count("\n")
    assert_words_partition_tokens(text, tachtu.words(text))


def test_invalid_options_are_clear():
    with pytest.raises(ValueError, match="mode"):
        Segmenter(mode="java")
    with pytest.raises(ValueError, match="tone"):
        Segmenter(tone="modern")
    with pytest.raises(tachtu.ModelError):
        Segmenter(model=__file__)


def test_vncorenlp_mode_through_the_segmenter(shared_data):
    import json

    seg = Segmenter(mode="vncorenlp")
    with open(shared_data / "compat" / "reference-dev.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(300), f)]
    for row in rows:
        assert [s for s in seg.segment(row["text"], sentences=True).split("\n") if s] == row["sentences"]
        assert [" ".join(w.text for w in s) for s in seg.sentences(row["text"])] == row["sentences"]
    assert seg.segment("Hòa bình. Tôi đi\r\nHà Nội") == "Hoà_bình . Tôi đi\nHà_Nội"
    assert seg.segment_batch(["Hà Nội", ""]) == ["Hà_Nội", ""]
    with pytest.raises(ValueError, match="vncorenlp"):
        Segmenter(mode="vncorenlp", tone="new")


@pytest.mark.parametrize("mode", ["default", "vncorenlp"])
def test_both_modes_offer_the_same_verbs(mode):
    """The same verbs in both modes: batches equal one by one, words equal the sentences' words,
    and iter_segment is an iterator of output lines."""
    seg = Segmenter(mode=mode)
    texts = [NEWS, "", "Hà Nội\nSài Gòn", "Hòa bình. Tôi đi\r\nHà Nội", "🙂 ok"]
    for sentences in (False, True):
        assert seg.segment_batch(texts, sentences) == [seg.segment(t, sentences) for t in texts]
    assert seg.sentences_batch(texts) == [seg.sentences(t) for t in texts]
    assert seg.words_batch(texts) == [[w for s in seg.sentences(t) for w in s] for t in texts]
    assert seg.words(NEWS) == [w for s in seg.sentences(NEWS) for w in s]
    lines = seg.iter_segment("Hà Nội\n" + "Sài Gòn đẹp lắm. " * 20_000)
    assert next(lines) == "Hà_Nội"
