"""The round-trip invariant, checked with hypothesis over random and real text.

Removing ``_`` from the output gives the tokenized input, and every word's offsets slice
the original text to exactly that word.
"""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import tachtu
from tests.test_segmenter_api import assert_words_partition_tokens

ALPHABET = ("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
            "AĂÂĐÊÔƠƯÁÀẢÃẠ0123456789 .,;:!?-–…\"'()[]/%@#_\n\t\u00a0\u200b\u0301\u0323\x00🙂👍🏽中Ж")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_random_text_round_trips(text):
    _check(text)


def _real_lines(shared_data) -> list[str]:
    lines = (shared_data / "silver" / "uts-col-news.raw.txt").read_text(encoding="utf-8").splitlines()
    return random.Random(7).sample(lines, 300)


def test_real_lines_round_trip(shared_data):
    for line in _real_lines(shared_data):
        _check(line)
        tokens = " ".join(t.text for t in tachtu.tokenize(line))
        assert tachtu.segment(line).replace("_", " ") == tokens


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_real_lines_with_random_edits_round_trip(shared_data_for_hypothesis, data):
    line = data.draw(st.sampled_from(shared_data_for_hypothesis))
    cut = data.draw(st.integers(0, len(line)))
    insert = data.draw(st.text(alphabet=ALPHABET, max_size=5))
    _check(line[:cut] + insert + line[cut:].upper())


def _check(text: str) -> None:
    words = tachtu.words(text)
    assert_words_partition_tokens(text, words)
    for w in words:
        assert w.start < w.end
        if "_" not in text and text[w.start:w.end].isprintable():
            assert re.sub(r"\s+", "_", tachtu.normalize(text[w.start:w.end])) == w.text
    assert tachtu.segment(text).count("\n") == text.count("\n")
