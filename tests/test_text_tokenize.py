"""Tokenizer: every kind on real Vietnamese sentences, offsets into the original, bad input."""

import unicodedata

import pytest

from tachtu.text import KINDS, iter_tokens, normalize, starts_line, tokenize
from tachtu.text.tokenize import scan
from tachtu.types import Token, TokenColumns
from tests.conftest import SHARED_DATA

DATA = SHARED_DATA


def kinds(text, **kw):
    """(text, kind) pairs, after checking every offset slices the original to the token."""
    tokens = tokenize(text, **kw)
    for t in tokens:
        assert normalize(text[t.start:t.end], kw.get("tone", "keep")) == t.text
    return [(t.text, t.kind) for t in tokens]


def texts(text, **kw):
    return [t for t, _ in kinds(text, **kw)]


CASES = {
    "word": [
        ("Đại tướng Ngô Xuân Lịch hội kiến.", ["Đại", "tướng", "Ngô", "Xuân", "Lịch", "hội", "kiến"]),
        ("Ông O'Neil dùng Wi-Fi và sô-cô-la, xem V-League", ["O'Neil", "Wi-Fi", "sô-cô-la", "V-League"]),
        ("Dịch COVID-19 và biến thể SARS-CoV-2; đội U23, mạng 4G, xe 10km", ["COVID-19", "SARS-CoV-2", "U23", "4G", "10km"]),
        ("tốc độ 60 km/h", ["km/h"]),
    ],
    "number": [
        ("Giá 1.000.000 đồng, tăng 3,5 lần, nhiệt độ -2 độ, lãi 10%", ["1.000.000", "3,5", "-2", "10%"]),
        ("Tỉ lệ 1/2, hệ số 2.5, từ 50-60%, đội hình 2+1, lúc 5.000-6.000 người", ["1/2", "2.5", "50-60%", "2+1", "5.000-6.000"]),
        ("GMT +7 và 25 . 000", ["+7", "25", "000"]),
    ],
    "date": [
        ("Thứ hai, 29/10/2018, từ ngày 11-12/4 đến 16-02-2006 hay 2018-10-29.", ["29/10/2018", "11-12/4", "16-02-2006", "2018-10-29"]),
        ("Ngày 26/10 và tháng 10/2018", ["26/10", "10/2018"]),
    ],
    "time": [
        ("Lúc 09:22 (GMT+7), 9h30 sáng, 14:28:27 và 17h", ["09:22", "GMT+7", "9h30", "14:28:27", "17h"]),
    ],
    "url": [
        ("Xem https://vnexpress.net/thoi-su?id=1, www.qdnd.vn và mod.gov.vn.", ["https://vnexpress.net/thoi-su?id=1", "www.qdnd.vn", "mod.gov.vn"]),
        ("(nguồn: http://vi.wikipedia.org/wiki/Hà_Nội)", ["http://vi.wikipedia.org/wiki/Hà_Nội"]),
    ],
    "email": [("Gửi thư tới toasoan@tuoitre.com.vn hoặc ban.doc@vnexpress.net.", ["toasoan@tuoitre.com.vn", "ban.doc@vnexpress.net"])],
    "mention": [("Cảm ơn @nguyenvana và @tuoi_tre.", ["@nguyenvana", "@tuoi_tre"])],
    "hashtag": [("#HàNội #COVID19 mùa thu", ["#HàNội", "#COVID19"])],
    "abbrev": [
        ("GS. TS Nguyễn Văn A ở TP. HCM, PGS. Lê và ThS. Trần", ["GS.", "TP.", "PGS.", "ThS."]),
        ("TP.HCM, Q.1, P.Bến Nghé, v.v. và U.S. Army, St. John, Mr. Bean", ["TP.HCM", "Q.1", "P.Bến", "v.v.", "U.S.", "St.", "Mr."]),
        ("GS. TS Robert J.Mithchell và Nguyễn T. H. Lan, N.T.H. viết", ["GS.", "J.Mithchell", "T.", "H.", "N.T.H."]),
    ],
    "emoji": [("Tuyệt 👍🏽 quá 😀😀 cờ 🇻🇳 gia đình 👨‍👩‍👧 và 1️⃣", ["👍🏽", "😀", "😀", "🇻🇳", "👨‍👩‍👧", "1️⃣"])],
    "punct": [
        ("Hà Nội, ngày (mai)... Thật ư?! Ừ… “Được” – [1]; a: b", [",", "(", ")", "...", "?!", "…", "“", "”", "–", "[", "]", ";", ":"]),
    ],
    "symbol": [("© 2018 ± 5 ₫ $ 100 + 3 °C", ["©", "±", "₫", "$", "+", "°"])],
}


@pytest.mark.parametrize("kind, text, expected",
                         [(k, t, e) for k, cases in CASES.items() for t, e in cases])
def test_every_kind(kind, text, expected):
    found = [t for t, k in kinds(text) if k == kind]
    if kind == "word":  # the sentence has other words too: check the listed ones, in order
        found = [t for t in found if t in expected]
    assert found == expected


def test_kinds_tuple_is_complete():
    assert set(CASES) == set(KINDS)


def test_punctuation_is_split_off_words():
    assert texts("Hà Nội, Việt Nam. Tôi đi (nhanh)!") == \
        ["Hà", "Nội", ",", "Việt", "Nam", ".", "Tôi", "đi", "(", "nhanh", ")", "!"]
    assert texts('"Tôi đi." Rồi về; 2018.') == ['"', "Tôi", "đi", ".", '"', "Rồi", "về", ";", "2018", "."]


def test_gold_conventions():
    assert texts("TP. HCM ( do hội thành lập ) .") == ["TP.", "HCM", "(", "do", "hội", "thành", "lập", ")", "."]
    assert texts("GS. TS Robert J.Mithchell") == ["GS.", "TS", "Robert", "J.Mithchell"]
    assert texts("10 % và 25 . 000 và 16 và 17 - 3") == ["10", "%", "và", "25", ".", "000", "và", "16", "và", "17", "-", "3"]


def test_sentence_final_period_after_word_number_url_is_a_token():
    assert texts("ở TP.HCM. Giá 1.000. Xem mod.gov.vn. Hết") == \
        ["ở", "TP.HCM", ".", "Giá", "1.000", ".", "Xem", "mod.gov.vn", ".", "Hết"]


def test_missing_space_after_period_is_not_an_abbreviation():
    assert texts("ở Hà Nội.Hôm nay") == ["ở", "Hà", "Nội", ".", "Hôm", "nay"]


def test_units_after_numbers_end_sentences():
    assert kinds("dài 10 m. Sau đó") == [("dài", "word"), ("10", "number"), ("m", "word"), (".", "punct"),
                                        ("Sau", "word"), ("đó", "word")]


def test_offsets_into_nfd_original():
    original = unicodedata.normalize("NFD", "Thủy điện Hòa Bình, năm 2018.")
    tokens = tokenize(original)
    assert [t.text for t in tokens] == ["Thủy", "điện", "Hòa", "Bình", ",", "năm", "2018", "."]
    assert all(unicodedata.normalize("NFC", original[t.start:t.end]) == t.text for t in tokens)
    assert tokens[0] == Token("Thủy", 0, 5, "word") and original[0:5] == "Thu\u0309y"


def test_tone_option_in_tokens_keeps_offsets():
    original = "Hòa bình thủy lợi"
    tokens = tokenize(original, tone="old")
    assert [t.text for t in tokens] == ["Hoà", "bình", "thuỷ", "lợi"]
    assert [original[t.start:t.end] for t in tokens] == ["Hòa", "bình", "thủy", "lợi"]


def test_invisible_characters_never_in_tokens():
    original = "\ufeffHà\u200bNội\u00ad \u200dđẹp\x00 lắm\u2060!"
    tokens = tokenize(original)
    assert [t.text for t in tokens] == ["Hà", "Nội", "đẹp", "lắm", "!"]
    assert [original[t.start:t.end] for t in tokens] == ["Hà", "Nội", "đẹp", "lắm", "!"]


def test_zwj_inside_emoji_is_kept_outside_dropped():
    tokens = tokenize("a\u200db 👩\u200d💻")
    assert [t.text for t in tokens] == ["a", "b", "👩\u200d💻"]


def test_bad_input():
    assert tokenize("") == [] and tokenize("   \n\t ") == [] and tokenize("\x00\x00") == []
    assert kinds("😀🇻🇳👍🏽") == [("😀", "emoji"), ("🇻🇳", "emoji"), ("👍🏽", "emoji")]
    assert kinds("Hà Nội 北京 กรุงเทพ Москва") == [("Hà", "word"), ("Nội", "word"), ("北京", "word"),
                                                  ("กรุงเทพ", "word"), ("Москва", "word")]
    assert kinds("\ufffd\ue000") == [("\ufffd", "symbol"), ("\ue000", "symbol")]
    assert kinds("\u0301a \u0301") == [("\u0301a", "word"), ("\u0301", "word")]


def test_very_long_tokens_are_kept_whole():
    long_word = "a" * 100_000
    assert tokenize(f"x {long_word}.") == [Token("x", 0, 1, "word"), Token(long_word, 2, 100_002, "word"),
                                            Token(".", 100_002, 100_003, "punct")]
    digits = "1." * 50_000 + "1"
    assert [t.kind for t in tokenize(digits)] == ["number"]


@pytest.mark.parametrize("piece", ["a.", "1.", "@", "ab.", "x@", "http://", "a-", "#1", "1a.", "Ab.", "www.a."])
def test_pathological_runs_tokenize_without_loss(piece):
    text = piece * 20_000
    tokens = list(iter_tokens(text))
    assert "".join(text[t.start:t.end] for t in tokens) == text


def test_iter_tokens_is_lazy_and_equals_tokenize():
    text = "Một hai ba. " * 1000
    first = next(iter_tokens(text))
    assert first == Token("Một", 0, 3, "word")
    assert list(iter_tokens(text)) == tokenize(text)


def test_line_starts_are_marked_but_tokens_compare_plain():
    tokens = tokenize("Hà Nội\nmùa thu\r\n\n thu")
    assert [starts_line(t) for t in tokens] == [False, False, True, False, True]
    assert tokens[2] == Token("mùa", 7, 10, "word") and repr(tokens[2]) == repr(Token("mùa", 7, 10, "word"))


def test_scan_in_small_chunks_gives_the_same_tokens():
    text = ("GS. TS Lan về TP. HCM lúc 9h30.\r\nGiá 1.000.000 đ (xem www.mod.gov.vn)...\n\n"
            "Thu\u0309y\u200b hoa\u0300 \u2028 10 m. cao 👍🏽 “Ừ.”  \n")
    for tone in ("keep", "new"):
        whole, tokens = list(scan(text, tone)), tokenize(text, tone)
        assert len(whole) == 1 and whole[0].tokens() == tokens
        assert [tokens[i] for i in whole[0].line_starts] == [t for t in tokens if starts_line(t)]
        for size in (1, 6, 17):
            assert sum(scan(text, tone, chunk=size), TokenColumns()) == whole[0]


def test_a_number_before_a_lower_case_initial_counts_only_on_the_same_line():
    # pieces are cached, and "m." is the one piece whose tokens depend on what precedes it
    for _ in range(2):
        assert kinds("cao 10 m.")[-2:] == [("m", "word"), (".", "punct")]
        assert kinds("ông m. Lan")[1] == ("m.", "abbrev")
        assert kinds("số 10\nm. Lan")[2] == ("m.", "abbrev")


def test_unknown_tone_is_a_clear_error():
    with pytest.raises(ValueError, match="tone must be one of"):
        tokenize("x", tone="both")


GOLD = [DATA / "ws" / f"{name}.raw.txt" for name in ("vlsp-sample", "udvtb-train", "udvtb-dev", "udvtb-test")]


@pytest.mark.skipif(not all(p.exists() for p in GOLD), reason="shared gold data not available")
def test_gold_raw_lines_tokenize_to_their_own_tokens():
    lines = [line for p in GOLD for line in p.read_text(encoding="utf-8").splitlines()]
    bad = [line for line in lines if [t.text for t in tokenize(line)] != line.split()]
    assert len(bad) / len(lines) < 0.005, bad[:10]


@pytest.mark.parametrize("text, expected", [
    ("Vui quá ^^ hẹn gặp lại :)) nhé", [("^^", "emoji"), (":))", "emoji")]),
    ("Cười xỉu =)) thật :D", [("=))", "emoji"), (":D", "emoji")]),
    ("Yêu em <3 mãi, buồn :( và :-) ;) :P :v", [("<3", "emoji"), (":(", "emoji"), (":-)", "emoji"),
                                                (";)", "emoji"), (":P", "emoji"), (":v", "emoji")]),
    ("Đẹp quá:)) luôn", [(":))", "emoji")]),
    ("Trà sữa 14.4k, lương 2,5tr/tháng, vé 100k, áo 50K.", [
        ("14.4k", "number"), ("2,5tr", "number"), ("100k", "number"), ("50K", "number")]),
])
def test_emoticons_and_prices_are_one_token(text, expected):
    """Chat emoticons and price shorthand (#11) stay whole, with offsets into the original."""
    got = kinds(text)
    assert all(pair in got for pair in expected), got


@pytest.mark.parametrize("text, expected", [
    ("Xem mục sau:(1) và (2)", ["Xem", "mục", "sau", ":", "(", "1", ")", "và", "(", "2", ")"]),
    ("f(x)=((a))", ["f", "(", "x", ")", "=", "(", "(", "a", ")", ")"]),
    ("Hỏi:Dũng, x<3 và <30 lúc 10:30, đi 10km, 1.000km", [
        "Hỏi", ":", "Dũng", ",", "x", "<", "3", "và", "<", "30", "lúc", "10:30", ",", "đi", "10km", ",",
        "1.000", "km"]),
])
def test_look_alikes_of_emoticons_and_prices_are_unchanged(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", ["ủ.ủ.", "v.v. và U.S. đều là", "Góách ủ.ủ.ủ10%.ủ.ủ."])
def test_dotted_abbreviations_end_alike_in_nfd(text):
    """The final period of ``ủ.ủ.`` stays in the abbreviation when the last letter is decomposed
    (found by benchmarks/fuzz.py: NFD and NFC input were segmented differently)."""
    nfd = unicodedata.normalize("NFD", text)
    assert [(t.text, t.kind) for t in tokenize(nfd)] == [(t.text, t.kind) for t in tokenize(text)]


@pytest.mark.parametrize("text", ["@⇍3%#fY", "giá ≠5% và ⇍10.000 đồng", "x̃1 à2"])
def test_a_mark_counts_as_its_base_at_a_token_boundary(text):
    """``⇍`` is ``⇐`` + U+0338 in NFD; the number after it is cut alike in both forms (found by
    benchmarks/fuzz.py)."""
    nfd = unicodedata.normalize("NFD", text)
    assert [(t.text, t.kind) for t in tokenize(nfd)] == [(t.text, t.kind) for t in tokenize(text)]
