"""Offsets of the compatible mode: each word points at its characters in the original text.

Invariant (docs/compat.md): words are in order and do not overlap; a word's span starts at
the first character of its first token and ends after the last character of its last token;
tone-normalising the span gives the word's text once the ``_`` joiners and the characters
<= U+0020 (whitespace, dropped control characters) are taken out of both.
"""

import random

import pytest

from tachtu.compat import VnCoreNLPSegmenter, load_model
from tachtu.compat.reference import read_reference
from tachtu.types import Word

CONTROLS = "".join(map(chr, range(33)))


def squeeze(s: str) -> str:
    return "".join(c for c in s if c > " " and c != "_")


def check_offsets(text: str, sentences: list[list[Word]]) -> None:
    tones = load_model().tones
    end = 0
    for sentence in sentences:
        for k, w in enumerate(sentence):
            assert end <= w.start < w.end <= len(text), (text, w)
            span = text[w.start:w.end]
            assert squeeze(tones(span)) == squeeze(w.text), (text, w)
            end = w.end


@pytest.fixture(scope="module")
def seg():
    return VnCoreNLPSegmenter()


def test_simple_offsets(seg):
    text = "  Hòa bình,  Hà Nội!\tỦy ban "
    assert seg.sentences(text) == [
        [Word("Hoà_bình", 2, 10), Word(",", 10, 11), Word("Hà_Nội", 13, 19), Word("!", 19, 20)],
        [Word("Uỷ_ban", 21, 27)]]
    # the rules can join tokens across a space: the span covers both
    assert seg.sentences("A. Nguyễn") == [[Word("A._Nguyễn", 0, 9)]]


def test_offsets_follow_lines(seg):
    text = "Hà Nội\r\n\nĐà Nẵng. Huế"
    got = seg.sentences(text)
    assert [[(w.text, text[w.start:w.end]) for w in s] for s in got] == [
        [("Hà_Nội", "Hà Nội")], [("Đà_Nẵng", "Đà Nẵng"), (".", ".")], [("Huế", "Huế")]]


def test_leading_underscore_word_points_at_its_token(seg):
    text = "Thống giáo tin đây là sự kiện."
    first = seg.sentences(text)[0][0]
    assert first == Word("_Thống", 0, 5)


def test_control_characters_at_sentence_edges_are_outside_spans(seg):
    text = "\x01\x02 Hà Nội \x03. Tôi\x04"
    got = seg.sentences(text)
    check_offsets(text, got)
    assert [[w.text for w in s] for s in got] == [
        [w.text for w in s] for s in seg.sentences(text.replace("\x01\x02 ", "   "))]


def test_reference_lines_keep_the_invariant(seg, shared_data):
    records = read_reference(shared_data / "compat" / "reference-dev.jsonl")
    rng = random.Random(3)
    for record in rng.sample(records, 4000):
        text = record["text"]
        got = seg.sentences(text)
        check_offsets(text, got)
        assert [" ".join(w.text for w in s) for s in got] == seg.word_segment(text)


def test_random_soup_keeps_the_invariant(seg):
    soup = list("aAđĐòóủÚyeE019.,-/:@+%$_'\"()…“”!?«» \t\u00a0\u200b\x01\x1fé\u0301😀𝐀")
    rng = random.Random(11)
    for _ in range(1500):
        text = "".join(rng.choice(soup) for _ in range(rng.randrange(50)))
        check_offsets(text, seg.sentences(text))
