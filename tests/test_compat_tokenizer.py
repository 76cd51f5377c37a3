"""The compatible tokenizer's shortcuts give the same tokens as the plain procedure.

The tokenizer skips pattern searches whose cheap necessary condition fails, answers common
pieces with ``str`` methods, and caches pieces; these tests check each shortcut against the
unshortened rule on random "token soup" rich in the characters the patterns care about.
"""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tachtu.compat import load_model
from tachtu.compat.tokenizer import LAST_CHARACTER, NECESSARY, compile_pattern

SOUP = list("aAzZđĐhHwWxX019.,-/:@+%$€_'\"()…“”!?«»–\u00a0\u200b\x01\x1fé\u0301ª²😀𝐀 ")
soup = st.text(alphabet=st.sampled_from(SOUP), max_size=40)


@pytest.fixture(scope="module")
def tokenizer():
    return load_model().tokenizer


@settings(max_examples=3000, deadline=None)
@given(soup)
def test_necessary_conditions_hold(s):
    for pattern in load_model().tokenizer.patterns:
        if pattern.name in NECESSARY and pattern.regex.search(s):
            assert compile_pattern(NECESSARY[pattern.name]).search(s), (pattern.name, s)


@settings(max_examples=1500, deadline=None)
@given(soup)
def test_last_character_conditions_hold(s):
    for pattern in load_model().tokenizer.patterns:
        if pattern.name in LAST_CHARACTER and s and pattern.regex.fullmatch(s):
            assert compile_pattern(LAST_CHARACTER[pattern.name]).fullmatch(s[-1]), (pattern.name, s)


@settings(max_examples=1500, deadline=None)
@given(soup)
def test_fast_path_equals_full_procedure(s):
    # TOKENIZE: Java-trim the line, split at ASCII whitespace, PIECE every piece
    tok = load_model().tokenizer
    controls = "".join(map(chr, range(33)))
    first = len(s) - len(s.lstrip(controls))
    line = s.strip(controls)
    expected = []
    for piece_start, piece in _pieces(line):
        expected += [(first + piece_start + a, first + piece_start + b)
                     for a, b in tok._piece(piece)]
    assert tok.spans(s) == expected, repr(s)


def _pieces(line):
    start = None
    for i, c in enumerate(line + " "):
        if c in " \t\n\x0b\x0c\r":
            if start is not None:
                yield start, line[start:i]
                start = None
        elif start is None:
            start = i


def test_long_pieces_are_fast_enough(tokenizer):
    # VnCoreNLP takes minutes on these (cubic); the inherited "searched in vain" knowledge
    # and the necessary conditions keep them near linear here
    for piece in ("-" * 5000, "1." * 5000, "a" * 10000 + "-", "Hà-Nội." * 1000):
        spans = tokenizer._piece(piece)
        assert "".join(piece[a:b] for a, b in spans) == piece


def test_random_lines_keep_every_character(tokenizer):
    rng = random.Random(7)
    for _ in range(500):
        line = "".join(rng.choice(SOUP) for _ in range(rng.randrange(60)))
        spans = tokenizer.spans(line)
        assert all(a < b for a, b in spans)
        assert all(b0 <= a1 for (_, b0), (a1, _) in zip(spans, spans[1:]))
        # only characters <= U+0020 are ever dropped (whitespace, trimmed control characters)
        kept = set()
        for a, b in spans:
            kept.update(range(a, b))
        assert all(line[i] <= " " for i in range(len(line)) if i not in kept)
