"""The ``Segmenter``: text in, words out, in the default (statistical) or VnCoreNLP mode.

Text flows one way: :mod:`tachtu.text` tokenizes and splits sentences (offsets into the
caller's string), the model decides which adjacent tokens form one word, and a user
dictionary may override it. Work is batched (many sentences per model call) for speed,
and streamed in bounded chunks so a 50 MB line needs bounded memory.

A ``Segmenter`` holds no mutable state after construction: share one across threads.
"""

from __future__ import annotations

import bisect
from itertools import accumulate, chain
from collections.abc import Iterable, Iterator
from pathlib import Path

from tachtu.segmenter.model import load_model
from tachtu.segmenter.userdict import UserDict
from tachtu.text.sentences import iter_sentence_runs
from tachtu.text.tokenize import scan
from tachtu.types import TokenColumns, Word

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
        return [words for _, words in self._iter_words([text])]

    def words(self, text: str) -> list[Word]:
        """The words of ``text`` with offsets into ``text``."""
        return [w for _, words in self._iter_words([text]) for w in words]

    def segment(self, text: str, sentences: bool = False) -> str:
        """Segmented text: one output line per input line, or per sentence with ``sentences``."""
        return "\n".join(self.iter_segment(text, sentences))

    def iter_segment(self, text: str, sentences: bool = False) -> Iterator[str]:
        """:meth:`segment` as a stream of output lines (bounded memory on huge inputs)."""
        if self.mode == "vncorenlp":  # VnCoreNLP's own line handling (LF, CR, CRLF)
            return iter(self._compat.segment(text, sentences).split("\n"))
        items = ((line, joined) for _, line, joined in self._iter_joined([text]))
        return _render(items, text.count("\n") + 1, sentences)

    def segment_batch(self, texts: Iterable[str], sentences: bool = False) -> list[str]:
        """:meth:`segment` for many texts, batched into few model calls (much faster)."""
        texts = list(texts)
        if self.mode == "vncorenlp":
            return [self._compat.segment(text, sentences) for text in texts]
        per_text: list[list[tuple[int, str]]] = [[] for _ in texts]
        for k, line, joined in self._iter_joined(texts):
            per_text[k].append((line, joined))
        return ["\n".join(_render(items, text.count("\n") + 1, sentences))
                for text, items in zip(texts, per_text)]

    def words_batch(self, texts: Iterable[str]) -> list[list[Word]]:
        """:meth:`words` for many texts, batched."""
        texts = list(texts)
        per_text: list[list[Word]] = [[] for _ in texts]
        for k, words in self._iter_words(texts):
            per_text[k].extend(words)
        return per_text

    # -- machinery -------------------------------------------------------------------------
    def _iter_words(self, texts: Iterable[str]) -> Iterator[tuple[int, list[Word]]]:
        """(text index, words) for each sentence of each text, in order."""
        if self.mode == "vncorenlp":
            for k, text in enumerate(texts):
                for sentences in self._compat.lines(text):
                    for words in sentences:
                        yield k, words
            return
        for batch in self._iter_batches(texts):
            for (k, _, offset, run, first, stop), a in zip(batch.sentences, batch.firsts):
                yield k, _words(run, first, stop, batch.joins[a:a + stop - first], offset)

    def _iter_joined(self, texts: Iterable[str]) -> Iterator[tuple[int, int, str]]:
        """(text index, line number, segmented sentence) for each sentence of each text."""
        for batch in self._iter_batches(texts):
            separators = list(map(" _".__getitem__, batch.joins))
            pieces = list(chain.from_iterable(zip(batch.texts, separators)))
            for (k, line, _, _, first, stop), a in zip(batch.sentences, batch.firsts):
                yield k, line, "".join(pieces[2 * a:2 * (a + stop - first) - 1])

    def _iter_batches(self, texts: Iterable[str]) -> Iterator[_Batch]:
        """The sentences of ``texts`` with the model's decisions, about
        :data:`BATCH_TOKENS` tokens per model call.

        The texts are tokenized as one text, one per line: a line break always ends a
        sentence, so this changes no sentence, and it saves the set-up cost per text.
        """
        texts = list(texts)
        joined = "\n".join(texts)
        bases = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))  # where each starts
        first_lines = list(accumulate((t.count("\n") + 1 for t in texts[:-1]), initial=0))
        line_ends = _newlines(joined)
        batch = _Batch()
        for run, ends in iter_sentence_runs(scan(joined, tone=self.tone)):
            first = 0
            for end in ends:
                start = run.starts[first]
                k = bisect.bisect_right(bases, start) - 1
                line = bisect.bisect_left(line_ends, start) - first_lines[k]
                batch.add((k, line, bases[k], run, first, end))
                first = end
                if len(batch.texts) >= BATCH_TOKENS:
                    yield self._decide(batch)
                    batch = _Batch()
        if batch.texts:
            yield self._decide(batch)

    def _decide(self, batch: _Batch) -> _Batch:
        """Fill ``batch.joins`` from the model, then the user dictionary."""
        ends = batch.firsts[1:] + [len(batch.texts)]
        batch.joins = self._model.joins(batch.texts, ends).tolist()
        if self.user_dict:
            for a, b in zip(batch.firsts, ends):
                batch.joins[a:b - 1] = self.user_dict.apply(batch.texts[a:b], batch.joins[a:b - 1])
        return batch


class _Batch:
    """Sentences on their way through the model: where each comes from
    ``(text index, line, offset of the text, run, first, stop)``, all their token texts one after another,
    where each sentence starts in them, and (once decided) the joins."""

    __slots__ = ("sentences", "texts", "firsts", "joins")

    def __init__(self):
        self.sentences: list[tuple[int, int, int, TokenColumns, int, int]] = []
        self.texts: list[str] = []
        self.firsts: list[int] = []
        self.joins: list[bool] = []

    def add(self, sentence: tuple[int, int, int, TokenColumns, int, int]) -> None:
        self.sentences.append(sentence)
        self.firsts.append(len(self.texts))
        _, _, _, run, first, stop = sentence
        self.texts += run.texts[first:stop]


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


def _words(run: TokenColumns, first: int, stop: int, joins: list[bool], offset: int) -> list[Word]:
    """Group the tokens ``first:stop`` of ``run`` into words: ``joins[i]`` joins the
    ``i``-th of them to the next. Offsets are made relative to ``offset``."""
    texts, starts, ends = run.texts, run.starts, run.ends
    words, head = [], first
    for i, joined in enumerate(joins, first):
        if joined:
            continue
        text = texts[i] if head == i else "_".join(texts[head:i + 1])
        words.append(Word(text, starts[head] - offset, ends[i] - offset))
        head = i + 1
    return words
