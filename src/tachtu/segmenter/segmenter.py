"""The ``Segmenter``: text in, words out, in the default (statistical) or VnCoreNLP mode.

Text flows one way: :mod:`tachtu.text` tokenizes and splits sentences (offsets into the
caller's string), the model decides which adjacent tokens form one word, and a user
dictionary may override it. Work is batched (many sentences per model call) for speed,
and streamed in bounded chunks so a 50 MB line needs bounded memory.

A ``Segmenter`` holds no mutable state after construction: share one across threads.
"""

from __future__ import annotations

import bisect
from itertools import chain
from operator import itemgetter
from collections.abc import Iterable, Iterator
from pathlib import Path

from tachtu.segmenter.model import load_model
from tachtu.segmenter.userdict import UserDict
from tachtu.text import iter_sentences, iter_tokens
from tachtu.types import Token, Word

MODES = ("default", "vncorenlp")
TONES = ("keep", "old", "new")
BATCH_TOKENS = 20_000  # tokens per model call: large enough for numpy to pay off, small in memory


class Segmenter:
    """Reusable word segmenter.

    ``mode``: ``"default"`` (tachtu's own model) or ``"vncorenlp"`` (byte-identical
    VnCoreNLP 1.2 / RDRsegmenter output, for PhoBERT). ``tone``: tone-mark placement of the
    output, ``"keep"``, ``"old"`` (hoà) or ``"new"`` (hòa). ``user_dict``: a file or an
    iterable of words to keep whole. ``model``: path of a model file (default: the shipped one).
    """

    def __init__(self, mode: str = "default", tone: str = "keep",
                 user_dict: str | Path | Iterable[str] | None = None, model: str | None = None):
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        if tone not in TONES:
            raise ValueError(f"tone must be one of {TONES}, not {tone!r}")
        if mode == "vncorenlp" and (tone != "keep" or user_dict is not None or model is not None):
            raise ValueError("mode='vncorenlp' reproduces VnCoreNLP exactly: it takes no tone, "
                             "user_dict or model option")
        self.mode, self.tone = mode, tone
        self.user_dict = UserDict.load(user_dict) if user_dict is not None else None
        if mode == "vncorenlp":
            from tachtu.compat import VnCoreNLPSegmenter

            self._compat = VnCoreNLPSegmenter()
        else:
            self._model = load_model(model)

    # -- the verbs -------------------------------------------------------------------------
    def sentences(self, text: str) -> list[list[Word]]:
        """The sentences of ``text``, each a list of :class:`Word` with offsets into ``text``."""
        return [words for _, _, words in self._iter_words([text])]

    def words(self, text: str) -> list[Word]:
        """The words of ``text`` with offsets into ``text``."""
        return [w for _, _, words in self._iter_words([text]) for w in words]

    def segment(self, text: str, sentences: bool = False) -> str:
        """Segmented text: one output line per input line, or per sentence with ``sentences``."""
        return "\n".join(self.iter_segment(text, sentences))

    def iter_segment(self, text: str, sentences: bool = False) -> Iterator[str]:
        """:meth:`segment` as a stream of output lines (bounded memory on huge inputs)."""
        if self.mode == "vncorenlp":  # VnCoreNLP's own line handling (LF, CR, CRLF)
            return iter(self._compat.segment(text, sentences).split("\n"))
        items = ((line, _joined(tokens, joins)) for _, line, tokens, joins in self._iter_decided([text]))
        return _render(items, text.count("\n") + 1, sentences)

    def segment_batch(self, texts: Iterable[str], sentences: bool = False) -> list[str]:
        """:meth:`segment` for many texts, batched into few model calls (much faster)."""
        texts = list(texts)
        if self.mode == "vncorenlp":
            return [self._compat.segment(text, sentences) for text in texts]
        per_text: list[list[tuple[int, str]]] = [[] for _ in texts]
        for k, line, tokens, joins in self._iter_decided(texts):
            per_text[k].append((line, _joined(tokens, joins)))
        return ["\n".join(_render(items, text.count("\n") + 1, sentences))
                for text, items in zip(texts, per_text)]

    def words_batch(self, texts: Iterable[str]) -> list[list[Word]]:
        """:meth:`words` for many texts, batched."""
        texts = list(texts)
        per_text: list[list[Word]] = [[] for _ in texts]
        for k, _, words in self._iter_words(texts):
            per_text[k].extend(words)
        return per_text

    # -- machinery -------------------------------------------------------------------------
    def _iter_words(self, texts: Iterable[str]) -> Iterator[tuple[int, int, list[Word]]]:
        """(text index, line number, words) for each sentence of each text, in order."""
        for k, line, tokens, joins in self._iter_decided(texts):
            yield k, line, _words(tokens, joins)

    def _iter_decided(self, texts: Iterable[str]
                      ) -> Iterator[tuple[int, int, list[Token] | list[Word], list[bool]]]:
        """(text index, line number, tokens, joins) for each sentence of each text, in order;
        ``joins[i]`` says token ``i`` and ``i + 1`` are one word."""
        if self.mode == "vncorenlp":
            for k, text in enumerate(texts):
                for line, sentences in enumerate(self._compat.lines(text)):
                    for words in sentences:
                        yield k, line, words, [False] * (len(words) - 1)
            return
        tagged = self._tagged_sentences(texts)
        while True:
            chunk = []
            size = 0
            for item in tagged:
                chunk.append(item)
                size += len(item[2])
                if size >= BATCH_TOKENS:
                    break
            if not chunk:
                return
            for (k, line, sentence), joins in zip(chunk, self._join_masks([c[2] for c in chunk])):
                yield k, line, sentence, joins

    def _tagged_sentences(self, texts: Iterable[str]) -> Iterator[tuple[int, int, list[Token]]]:
        for k, text in enumerate(texts):
            line_ends = _newlines(text)
            for sentence in iter_sentences(iter_tokens(text, tone=self.tone)):
                yield k, bisect.bisect_left(line_ends, sentence[0].start), sentence

    def _join_masks(self, chunk: list[list[Token]]) -> list[list[bool]]:
        texts = [[t.text for t in sentence] for sentence in chunk]
        masks = self._model.join_mask(texts)
        if self.user_dict:
            masks = [self.user_dict.apply(t, m) for t, m in zip(texts, masks)]
        return masks


def batches(texts: Iterable[str], chars: int) -> Iterator[list[str]]:
    """Consecutive groups of ``texts`` of about ``chars`` characters, for :meth:`Segmenter.segment_batch`;
    a text of ``chars`` or more comes alone (callers may stream it instead).

    >>> list(batches(["ab", "c", "defg", "h"], 3))
    [['ab', 'c'], ['defg'], ['h']]
    """
    batch, size = [], 0
    for text in texts:
        if len(text) >= chars and batch:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
        if size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _newlines(text: str) -> list[int]:
    """Positions of the line breaks in ``text``."""
    ends, i = [], text.find("\n")
    while i >= 0:
        ends.append(i)
        i = text.find("\n", i + 1)
    return ends


def _render(items: Iterable[tuple[int, str]], n_lines: int, sentences: bool) -> Iterator[str]:
    """Output lines from (line, segmented sentence): one per input line, or one per sentence."""
    line, parts = 0, []
    for sentence_line, joined in items:
        if sentences:
            yield joined
            continue
        while line < sentence_line:
            yield " ".join(parts)
            line, parts = line + 1, []
        parts.append(joined)
    if not sentences:
        for _ in range(line, n_lines):
            yield " ".join(parts)
            parts = []


def _joined(tokens: list[Token] | list[Word], joins: list[bool]) -> str:
    """The segmented sentence: token texts joined by ``_`` inside words and spaces between."""
    separators = ["_" if j else " " for j in joins]
    separators.append("")
    return "".join(chain.from_iterable(zip(map(itemgetter(0), tokens), separators)))


def _words(tokens: list[Token] | list[Word], joins: list[bool]) -> list[Word]:
    """Group tokens into words: ``joins[i]`` joins token ``i`` to token ``i + 1``."""
    words, first = [], 0
    for i, token in enumerate(tokens):
        if i < len(joins) and joins[i]:
            continue
        if first == i:
            words.append(Word(token.text, token.start, token.end))
        else:
            text = "_".join(t.text for t in tokens[first:i + 1])
            words.append(Word(text, tokens[first].start, token.end))
        first = i + 1
    return words
