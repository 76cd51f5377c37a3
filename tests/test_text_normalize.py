"""Tone-mark placement (keep / old / new) and NFC, on the words that trip naive rules."""

import unicodedata

import pytest

from tachtu.text import normalize
from tachtu.text.syllable import place_tone

# (new style, old style): only oa / oe / uy in open syllables differ
STYLE_PAIRS = [
    ("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("hóa", "hoá"), ("tòa", "toà"),
    ("lụy", "luỵ"), ("xõa", "xoã"), ("Hòa", "Hoà"), ("HÒA", "HOÀ"), ("ThỦY", "ThUỶ"),
    ("họa", "hoạ"), ("khóe", "khoé"), ("túy", "tuý"), ("ủy", "uỷ"), ("Ủy", "Uỷ"),
]

# one correct place in both styles: must come out exactly like this
STABLE = [
    "hoàn", "loài", "khuya", "quý", "già", "giường", "quốc", "thuở", "hoạch", "khuyến",
    "quyết", "huỳnh", "người", "mười", "rượu", "khuỷu", "ngoài", "xoáy", "gì", "gìn",
    "giữ", "nghiêng", "yêu", "ý", "của", "mùa", "gửi", "tuổi", "QUÝ", "Quốc", "GIƯỜNG",
    "thuẫn", "quả", "khoèo", "Nguyễn", "Huế",
]

# misplaced marks that have only one right place
MISPLACED = [("gịa", "giạ"), ("qúy", "quý"), ("hòan", "hoàn"), ("lòai", "loài"), ("qùa", "quà"),
             ("thúơ", "thuớ"), ("muà", "mùa"), ("QÙA", "QUÀ")]

# not Vietnamese syllables: never touched
FOREIGN = ["café", "naïve", "Zürich", "résumé", "hòaa", "xyzà", "Jòhn"]


@pytest.mark.parametrize("new, old", STYLE_PAIRS)
def test_old_and_new_styles_convert_both_ways(new, old):
    assert normalize(new, tone="old") == old
    assert normalize(old, tone="new") == new
    assert normalize(new, tone="keep") == new and normalize(old) == old


@pytest.mark.parametrize("word", STABLE)
def test_words_with_one_correct_place_are_never_corrupted(word):
    for tone in ("keep", "old", "new"):
        assert normalize(word, tone=tone) == word


@pytest.mark.parametrize("wrong, right", MISPLACED)
def test_misplaced_marks_move_in_old_and_new_but_not_keep(wrong, right):
    assert normalize(wrong, tone="old") == right
    assert normalize(wrong, tone="new") == right
    assert normalize(wrong) == wrong


@pytest.mark.parametrize("word", FOREIGN)
def test_non_vietnamese_words_untouched(word):
    assert normalize(word, tone="old") == word and normalize(word, tone="new") == word


def test_uy_with_final_consonant_and_ua_after_q():
    assert normalize("Thủy lợi, huỳnh quang, quà tặng, thủy thủ", tone="old") == \
        "Thuỷ lợi, huỳnh quang, quà tặng, thuỷ thủ"


def test_nfd_input_is_composed_and_re_marked():
    nfd = unicodedata.normalize("NFD", "Hòa bình, Thủy điện Hòa Bình, QUỐC")
    assert normalize(nfd) == "Hòa bình, Thủy điện Hòa Bình, QUỐC"
    assert normalize(nfd, tone="old") == "Hoà bình, Thuỷ điện Hoà Bình, QUỐC"


def test_sentence_with_mixed_content():
    text = "Ông Hòa (thủy thủ) nói: “Khỏe!” – www.hòa.vn, 1.000 km, 😀 và 中文."
    assert normalize(text, tone="old") == "Ông Hoà (thuỷ thủ) nói: “Khoẻ!” – www.hoà.vn, 1.000 km, 😀 và 中文."


def test_place_tone_refuses_two_tone_marks_and_long_words():
    assert place_tone("hòá", "old") == "hòá"
    assert place_tone("hòa" * 5, "old") == "hòa" * 5


def test_unknown_tone_option_is_a_clear_error():
    with pytest.raises(ValueError, match="tone must be one of"):
        normalize("hòa", tone="modern")


def test_empty_and_whitespace():
    assert normalize("") == "" and normalize(" \n\t", tone="old") == " \n\t"


def test_is_nfc_on_long_text_agrees_with_unicodedata():
    from tachtu.text.normalize import is_nfc

    long_text = "Hà Nội mùa thu " * 80_000
    assert is_nfc(long_text)
    broken = long_text[:1_100_001] + "a\u0301" + long_text[1_100_001:]
    assert not is_nfc(broken) and not unicodedata.is_normalized("NFC", broken)
    assert normalize(broken) == unicodedata.normalize("NFC", broken)
