"""The text layer: normalization, tokens with offsets, sentences, decoding.

Data flows one way: :func:`normalize` (NFC and tone-mark placement),
:func:`iter_tokens` / :func:`tokenize` (tokens with offsets into the original
string), :func:`iter_sentences` / :func:`split_sentences` (token lists).
:mod:`tachtu.text.decode` turns bytes into text with errors that name the
file and byte offset.

>>> [[t.text for t in s] for s in split_sentences(tokenize("Hòa bình. Thủy lợi!", tone="old"))]
[['Hoà', 'bình', '.'], ['Thuỷ', 'lợi', '!']]
"""

from __future__ import annotations

from tachtu.text.normalize import normalize
from tachtu.text.sentences import iter_sentences, split_sentences
from tachtu.text.tokenize import KINDS, iter_tokens, starts_line, tokenize
from tachtu.text.syllable import TONES

__all__ = ["normalize", "tokenize", "iter_tokens", "KINDS", "TONES", "split_sentences",
           "iter_sentences", "starts_line"]
