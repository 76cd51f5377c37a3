"""Sentence splitting: where it must split and where it must not."""

import itertools

import pytest

from tachtu.text import iter_sentences, iter_tokens, split_sentences, tokenize
from tachtu.text.sentences import iter_sentence_runs
from tachtu.text.tokenize import scan
from tachtu.types import Token


def sentences(text, **kw):
    return [" ".join(t.text for t in s) for s in split_sentences(tokenize(text), **kw)]


@pytest.mark.parametrize("text", [
    "Hội Bảo trợ bệnh nhân nghèo TP. HCM phối hợp cùng bệnh viện.",
    "GS. TS. Nguyễn Văn A và PGS. Lê B phát biểu.",
    "Bà Nguyễn T. H. Lan và ông Robert J. Mithchell đến.",
    "Giá tăng 1.000.000 đồng, tức 3,5 lần so với 2.5 năm trước.",
    "Xem www.mod.gov.vn hoặc https://vnexpress.net/a.b.html để biết thêm.",
    "Ông ấy nói... rằng sẽ về.",
    "Các nước ASEAN, EU, v.v. đều tham gia.",
    "Ngày 29.10.2018 lúc 9h30 và 09:22 tại Q.1 TP.HCM.",
])
def test_no_split(text):
    assert len(sentences(text)) == 1


@pytest.mark.parametrize("text, expected", [
    ("Tôi đi. Anh về! Em ở? Được…", ["Tôi đi .", "Anh về !", "Em ở ?", "Được …"]),
    ('Anh nói: "Tôi đi." Rồi anh về.', ['Anh nói : " Tôi đi . "', "Rồi anh về ."]),
    ("Anh nói: “Tôi đi.” Rồi về.", ["Anh nói : “ Tôi đi . ”", "Rồi về ."]),
    ("Xem trang 5 (hoặc trang 6.) Tiếp theo.", ["Xem trang 5 ( hoặc trang 6 . )", "Tiếp theo ."]),
    ("Thật sao?! Vâng.", ["Thật sao ?!", "Vâng ."]),
    ("Thật sao? ! Vâng.", ["Thật sao ? !", "Vâng ."]),
    ("Anh đi... Em về.", ["Anh đi ...", "Em về ."]),
    ("Giá là 1.000. Sau đó tăng.", ["Giá là 1.000 .", "Sau đó tăng ."]),
    ("Xem mod.gov.vn. Hết.", ["Xem mod.gov.vn .", "Hết ."]),
    ("Gồm táo, lê, v.v. Sau đó là cam.", ["Gồm táo , lê , v.v.", "Sau đó là cam ."]),
    ("Dòng một không dấu chấm\nDòng hai\n\nDòng ba.", ["Dòng một không dấu chấm", "Dòng hai", "Dòng ba ."]),
    ("1. Giới thiệu chung. 2. Nội dung.", ["1 . Giới thiệu chung .", "2 . Nội dung ."]),
    ("Ông nói: 'Được.' Rồi đi.", ["Ông nói : ' Được . '", "Rồi đi ."]),
])
def test_split(text, expected):
    assert sentences(text) == expected


def test_opening_quote_after_period_starts_the_next_sentence():
    assert sentences('Anh về. "Tôi đi," em nói.') == ["Anh về .", '" Tôi đi , " em nói .']


def test_max_tokens_cuts_runaway_sentences():
    tokens = tokenize("một " * 25)
    assert [len(s) for s in split_sentences(tokens, max_tokens=10)] == [10, 10, 5]
    with pytest.raises(ValueError):
        split_sentences(tokens, max_tokens=0)


def test_streaming_over_an_endless_token_stream():
    endless = itertools.cycle(tokenize("Một câu ngắn. "))
    first_three = list(itertools.islice(iter_sentences(endless), 3))
    assert [[t.text for t in s] for s in first_three] == [["Một", "câu", "ngắn", "."]] * 3


def test_plain_tokens_without_line_information_still_split_on_marks():
    tokens = [Token(t.text, t.start, t.end, t.kind) for t in tokenize("Tôi đi.\nAnh về")]
    assert [[t.text for t in s] for s in split_sentences(tokens)] == [["Tôi", "đi", "."], ["Anh", "về"]]


def test_offsets_survive_and_cover_all_tokens():
    text = "Hà Nội. TP. HCM!\nHuế"
    tokens = tokenize(text)
    assert [t for s in split_sentences(tokens) for t in s] == tokens


def test_sentences_do_not_depend_on_where_runs_are_cut():
    text = ('Ông nói... rằng sẽ về. "Tôi đi." Rồi về! 1. Mục một?! Các nước ASEAN, v.v. Đều đến.\n'
            "GS. TS Lan (TP. HCM) đến…  Hết" + " một" * 40)
    def spans(size, max_tokens):
        out = []
        for run, ends in iter_sentence_runs(scan(text, chunk=size), max_tokens):
            out += [tuple(run.texts[a:b]) for a, b in zip([0, *ends[:-1]], ends)]
        return out
    for max_tokens in (7, 1000):
        whole = spans(1 << 20, max_tokens)
        assert whole == [tuple(t.text for t in s) for s in split_sentences(tokenize(text), max_tokens)]
        for size in (1, 5, 23):
            assert spans(size, max_tokens) == whole


def test_empty_input():
    assert split_sentences([]) == [] and list(iter_sentences(iter_tokens("  \n "))) == []


def test_a_run_of_closers_after_an_end_still_stops_at_max_tokens():
    """Found by benchmarks/fuzz.py: U+FFFD (a replaced quote) closes a sentence, and a run of
    them after a period made a sentence longer than max_tokens."""
    from tachtu.text import split_sentences, tokenize

    tokens = tokenize("a " * 45 + ". " + "\ufffd " * 20 + "b")
    assert max(map(len, split_sentences(tokens, max_tokens=50))) <= 50
