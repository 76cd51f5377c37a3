"""The VnCoreNLP-compatible segmenter: VnCoreNLP 1.2 ``wseg`` output, with offsets.

For each input line (lines end at LF, CR or CRLF, as Java's line reader cuts them): tokenize,
split into sentences, trim the sentences' edges, normalise tone marks, tag B/I with the
vocabulary and lists, correct the tags with the rule tree, and join (SPEC section 0).

Each :class:`~tachtu.types.Word` has ``text`` exactly as VnCoreNLP writes it (syllables
joined by ``_``; a sentence whose first token the rules attach to nothing starts with ``_``)
and ``start``/``end`` offsets into the caller's string: from the first character of its
first token to the last character of its last token. Tone normalisation keeps lengths, so
each token of ``text`` is ``normalize_tones(original[token start:token end])``.

>>> seg = VnCoreNLPSegmenter()
>>> seg.word_segment("Ông Nguyễn Văn Thành đến Hà Nội. Ông ấy ở lại.")
['Ông Nguyễn_Văn_Thành đến Hà_Nội .', 'Ông ấy ở lại .']
>>> [tuple(w) for w in seg.sentences("Hòa bình  lắm")[0]]
[('Hoà_bình', 0, 8), ('lắm', 10, 13)]
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import partial
from typing import NamedTuple

from tachtu.compat.lexicon import Lexicon
from tachtu.compat.rdr import RuleTree
from tachtu.compat.sentences import SentenceSplitter
from tachtu.compat.tokenizer import Tokenizer
from tachtu.compat.tones import ToneNormalizer
from tachtu.types import Word

#: Java's ``BufferedReader.readLine`` line ends; U+0085, U+2028, U+2029 stay inside lines.
_LINE_END_RE = re.compile(r"\r\n|\r|\n")
_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")
#: What Java's ``trim`` removes at the edges: every character up to U+0020.
_JAVA_TRIMMED = "".join(map(chr, range(0x21)))


class _Model(NamedTuple):
    tokenizer: Tokenizer
    splitter: SentenceSplitter
    tones: ToneNormalizer
    lexicon: Lexicon
    rules: RuleTree


_model: _Model | None = None
_model_lock = threading.Lock()


def load_model() -> _Model:
    """The data, loaded once per process on first use (thread-safe); immutable afterwards."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = _Model(Tokenizer.load(), SentenceSplitter.load(), ToneNormalizer.load(),
                                Lexicon.load(), RuleTree.load())
    return _model


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` without its line end (like ``str.split``).

    >>> line_spans("a\\r\\nb\\rc\\n")
    [(0, 1), (3, 4), (5, 6), (7, 7)]
    >>> line_spans("")
    [(0, 0)]
    """
    if "\n" not in text and "\r" not in text:
        return [(0, len(text))]
    spans, start = [], 0
    for m in _LINE_END_RE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


class VnCoreNLPSegmenter:
    """Byte-exact VnCoreNLP 1.2 word segmentation in Python.

    Stateless apart from the shared, read-only data: safe to use from many threads.
    """

    def __init__(self) -> None:
        self._model = load_model()

    def sentences(self, text: str) -> list[list[Word]]:
        """All sentences of all lines of ``text``, in order, with offsets into ``text``."""
        return list(self.iter_sentences(text))

    def lines(self, text: str) -> list[list[list[Word]]]:
        """The sentences of each line of ``text`` (a blank line has none)."""
        return [[_words(*analysis, a) for analysis in analyses] for a, analyses in self._analysed_lines(text)]

    # -- the engine interface of tachtu.Segmenter (mode="vncorenlp") ------------------------
    def iter_sentences(self, text: str) -> Iterator[list[Word]]:
        """:meth:`sentences`, one line of ``text`` at a time."""
        for a, analyses in self._analysed_lines(text):
            for analysis in analyses:
                yield _words(*analysis, a)

    def iter_lines(self, text: str, sentences: bool = False) -> Iterator[str]:
        """:meth:`segment` as a stream of output lines, one input line at a time."""
        for _, analyses in self._analysed_lines(text):
            strings = [_render(tokens, tags) for tokens, _, tags in analyses]
            if sentences:
                yield from strings
            else:
                yield " ".join(strings)

    def segment_batch(self, texts: list[str], sentences: bool = False) -> list[str]:
        return [self.segment(text, sentences) for text in texts]

    def sentences_batch(self, texts: list[str]) -> list[list[list[Word]]]:
        return [self.sentences(text) for text in texts]

    def word_segment(self, text: str) -> list[str]:
        """One string per sentence, as ``py_vncorenlp``'s ``word_segment`` returns them."""
        return list(self.iter_lines(text, sentences=True))

    def segment(self, text: str, sentences: bool = False) -> str:
        """Segmented text: one output line per input line (its sentences joined by a space;
        every line end becomes ``\\n``), or with ``sentences=True`` one line per sentence.

        >>> VnCoreNLPSegmenter().segment("Chào bạn. Tôi là sinh viên.\\nHà Nội")
        'Chào bạn . Tôi là sinh_viên .\\nHà_Nội'
        """
        return "\n".join(self.iter_lines(text, sentences))

    def _analysed_lines(self, text: str) -> Iterator[tuple[int, list]]:
        """(start, :meth:`_analyse` of the line) for each line of ``text``, one at a time."""
        for a, b in line_spans(_checked(text)):
            yield a, self._analyse(text[a:b])

    def _analyse(self, line: str) -> list[tuple[list[str], list[tuple[int, int]], list[str]]]:
        """``(tokens, spans, final tags)`` of each sentence of one line."""
        model = self._model
        raw, spans = model.tokenizer.tokens(line)
        if not spans:
            return []
        joined = " ".join(raw)
        normalized = model.tones(joined)
        normalized = raw if normalized is joined else normalized.split(" ")
        bmp = line.isascii() or not _ASTRAL_RE.search(line)
        out = []
        for i, j in model.splitter.ranges(raw):
            tokens, positions = _trim_sentence(normalized[i:j], spans[i:j])
            if tokens:
                lower = " ".join(tokens).lower().split(" ")
                tags = model.rules.tags(lower, model.lexicon.initial_tags(tokens, lower, bmp))
                out.append((tokens, positions, tags))
        return out


def _checked(text: str) -> str:
    """``text`` itself; a clear TypeError for bytes or anything else that is not ``str``."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


def _render(tokens: list[str], tags: list[str]) -> str:
    """The output string of a sentence (SPEC 7): `` `` before a B token, ``_`` before an I
    token, then the leading space dropped (a leading ``_`` stays)."""
    out = "".join([(" " if tag == "B" else "_") + token for token, tag in zip(tokens, tags)])
    return out[1:] if out[0] == " " else out


def _words(tokens: list[str], spans: list[tuple[int, int]], tags: list[str], base: int
           ) -> list[Word]:
    """The words of a sentence: texts as rendered, spans from first to last token."""
    starts = [k for k, tag in enumerate(tags) if tag == "B"]
    if not starts or starts[0]:
        starts.insert(0, 0)  # the sentence starts with an I token: "_" + its word
    ends = starts[1:]
    ends.append(len(tokens))
    return list(map(_new_word, zip(_render(tokens, tags).split(" "),
                                   [base + spans[a][0] for a in starts],
                                   [base + spans[b - 1][1] for b in ends])))


def _trim_sentence(tokens: list[str], spans: list[tuple[int, int]]
                   ) -> tuple[list[str], list[tuple[int, int]]]:
    """Java ``trim`` of a sentence (its tokens joined by spaces): control characters at its
    edges go, and so do edge tokens made only of them."""
    if tokens[0][0] > " " and tokens[-1][-1] > " ":
        return tokens, spans
    tokens, spans = list(tokens), list(spans)
    while tokens and tokens[0][0] <= " ":
        stripped = tokens[0].lstrip(_JAVA_TRIMMED)
        if stripped:
            end = spans[0][1]
            tokens[0], spans[0] = stripped, (end - len(stripped), end)
            break
        del tokens[0], spans[0]
    while tokens and tokens[-1][-1] <= " ":
        stripped = tokens[-1].rstrip(_JAVA_TRIMMED)
        if stripped:
            start = spans[-1][0]
            tokens[-1], spans[-1] = stripped, (start, start + len(stripped))
            break
        del tokens[-1], spans[-1]
    return tokens, spans


#: ``Word`` from a ``(text, start, end)`` tuple without the Python-level ``__new__`` (faster).
_new_word = partial(tuple.__new__, Word)
