"""VnCoreNLP 1.2 behaviours the compatible mode reproduces on purpose (examples of SPEC.md,
all produced by the Java program), and the API around them."""

import pytest

from tachtu.compat import VnCoreNLPSegmenter
from tachtu.types import Word

NBSP, ZWSP = "\u00a0", "\u200b"

CASES = [
    # tokenizer (SPEC 2.3)
    ("Cập nhật: 29/10/2018, 09:22 (GMT+7)", ["Cập_nhật :", "29/10/2018 , 09:22 ( GMT +7 )"]),
    ("TP.HCM", ["TP. HCM"]),
    ("(PGS.TS)", ["( P GS.TS )"]),
    ("PGS.TS. Lê B", ["PGS.TS. Lê_B"]),
    ("GS. TS. Lê B", ["GS .", "TS .", "Lê_B"]),
    ("Q.1", ["Q. 1"]),
    ("A. Nguyễn", ["A._Nguyễn"]),
    ("Co.,Ltd.", ["Co. , Ltd ."]),
    ("486/GP-BTTTT.", ["486/GP-BTTTT."]),
    ("SARS-CoV-2", ["SARS-CoV -2"]),
    ("A/H1N1", ["A / H 1 N1"]),
    ("100km/h", ["100 km/h"]),
    ("1.000.000đ", ["1.000.000 đ"]),
    ("2004–2005", ["2004 – 2005"]),
    ("a–b", ["a–b"]),
    ("(12/2004)", ["(12/2004)"]),
    ("(tháng 12/2004)", ["( tháng 12/2004)"]),
    ("(09:22)", ["( 09:2 2 )"]),
    ("lúc 9h30.", ["lúc 9h3 0 ."]),
    ("lúc 9h30,", ["lúc 9h30 ,"]),
    ("24:00", ["2 4:00"]),
    ("(http://abc.com)", ["( http://abc.com)"]),
    ("vi.wikipedia.org/wiki/Việt_Nam", ["vi.wikipedia.org / wiki / Việt _ Nam"]),
    (".NET", [".", "NET"]),
    ("C++", ["C + +"]),
    ("«Xin chào»", ["«Xin chào»"]),
    ("``Xin chào''", ["``Xin chào ' '"]),
    ("Chào!!", ["Chào !", "!"]),
    ("ok😀.", ["ok😀 ."]),
    ("𝐀.", ["𝐀 ."]),
    (f"Tôi{NBSP}đi", [f"Tôi{NBSP}đi"]),
    (f"10{NBSP}000", [f"10 {NBSP} 000"]),
    (f"học{ZWSP}sinh", [f"học{ZWSP}sinh"]),
    ("HA.GL-SHB.ĐN", ["HA.GL - SHB.ĐN"]),
    # sentence splitting (SPEC 3)
    ("Tôi đi học?! Bạn đi làm.", ["Tôi đi học ?", "!", "Bạn đi làm ."]),
    ('Ông nói: "Tôi đi." Rồi ông đi.', ['Ông nói : " Tôi đi . " Rồi ông đi .']),
    ("1. Mở đầu. 2. Nội dung.", ["1 . Mở_đầu . 2 .", "Nội_dung ."]),
    ("I. Mở đầu. II. Nội dung.", ["I. Mở_đầu .", "II .", "Nội_dung ."]),
    ("Gồm: An, Bình và Chi.", ["Gồm :", "An , Bình và Chi ."]),
    ("Xem thêm tại TP.HCM. Sau đó về Hà Nội.", ["Xem thêm tại TP.HCM. Sau đó về Hà_Nội ."]),
    # tones, initial segmentation and rules (SPEC 4-6)
    ("Ủy ban nhân dân tỉnh Quảng Ninh", ["Uỷ_ban_nhân_dân tỉnh Quảng_Ninh"]),
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", ["ỦY BAN NHÂN_DÂN TỈNH QUẢNG_NINH"]),
    ("Lê Văn Thiêm, Lê Văn Hưu Văn Thị Minh.", ["Lê_Văn_Thiêm , Lê_Văn_Hưu_Văn_Thị_Minh ."]),
    ("Nguyễn LBKT Văn RBKT A.", ["Nguyễn_LBKT Văn RBKT A."]),
    ("ông Nguyễn", ["ông_Nguyễn"]),
    ("người ta chia đất", ["người_ta chia đất"]),
    ("Ông Tập Cận Bình", ["Ông Tập_Cận_Bình"]),
    ("Thống giáo tin đây là sự kiện.", ["_Thống giáo tin đây là sự_kiện ."]),
    ("Ha\u0300 No\u0323\u0302i là thu\u0309 đô.", ["Ha\u0300 No\u0323\u0302i là thu\u0309 đô ."]),
    ("a_b", ["a _ b"]),
    ("", []),
    (" \t ", []),
]


@pytest.fixture(scope="module")
def seg():
    return VnCoreNLPSegmenter()


@pytest.mark.parametrize("text, expected", CASES)
def test_spec_examples(seg, text, expected):
    assert seg.word_segment(text) == expected


def test_lines_are_segmented_one_by_one(seg):
    # Java's line reader cuts at LF, CR and CRLF; U+2028 and U+0085 stay inside a line
    assert seg.lines("Hà Nội\r\nHải Phòng\rĐà Nẵng\n") == [
        [[Word("Hà_Nội", 0, 6)]], [[Word("Hải_Phòng", 8, 17)]], [[Word("Đà_Nẵng", 18, 25)]], []]
    assert seg.word_segment("Hà\u2028Nội") == ["Hà\u2028Nội"]
    assert seg.segment("Chào bạn. Tôi là sinh viên.\n\nHà Nội\n") == (
        "Chào bạn . Tôi là sinh_viên .\n\nHà_Nội\n")
    assert seg.segment("Chào bạn. Tôi là sinh viên.\nHà Nội", sentences=True) == (
        "Chào bạn .\nTôi là sinh_viên .\nHà_Nội")


def test_sentences_flattens_lines(seg):
    text = "Tôi đi học. Bạn đi làm.\nHết."
    assert seg.sentences(text) == [s for line in seg.lines(text) for s in line]
    assert [[w.text for w in s] for s in seg.sentences(text)] == [
        ["Tôi", "đi", "học", "."], ["Bạn", "đi", "làm", "."], ["Hết", "."]]


def test_non_text_is_rejected(seg):
    with pytest.raises(TypeError):
        seg.sentences(b"H\xc3\xa0 N\xe1\xbb\x99i")


def test_rule_trees_of_other_shapes():
    from tachtu.compat.rdr import RuleTree, parse_rules
    from tachtu.errors import ModelError

    root = 'True : object.conclusion = "NN"\n'
    # first level not split by tag: the generic traversal
    tree = RuleTree(parse_rules(root + '\tobject.word == "ta" : object.conclusion = "B"\n'
                                '\t\tobject.prevWord1 == "người" : object.conclusion = "I"\n'))
    assert tree.tags(["người", "ta"], ["B", "B"]) == ["B", "I"]
    assert tree.tags(["ông", "ta"], ["B", "I"]) == ["B", "B"]
    # split by tag, with a short (unindexed) exception list: every token of that tag examined
    tree = RuleTree(parse_rules(root + '\tobject.tag == "I" : object.conclusion = "I"\n'
                                '\t\tobject.word == "ta" and object.prevWord2 == "" '
                                ': object.conclusion = "B"\n'))
    assert tree.tags(["người", "ta", "ta"], ["B", "I", "I"]) == ["B", "B", "I"]
    with pytest.raises(ModelError):
        parse_rules(root + '\t\tobject.word == "ta" : object.conclusion = "B"\n')
    with pytest.raises(ModelError):
        parse_rules(root + '\tobject.colour == "red" : object.conclusion = "B"\n')
