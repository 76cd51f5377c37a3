"""The ``Segmenter``: text in, words out, in the default (statistical) or VnCoreNLP mode.

The verbs (``segment``, ``words``, ``sentences``, each with a batch form, and the streaming
``iter_segment``) are the same in both modes; an engine does the work: tachtu's model
(:class:`~tachtu.segmenter.engine.StatisticalEngine`) or the byte-exact VnCoreNLP port
(:class:`~tachtu.compat.VnCoreNLPSegmenter`). Both implement :class:`Engine`.

A ``Segmenter`` holds no mutable state after construction: share one across threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from tachtu.segmenter.engine import StatisticalEngine
from tachtu.segmenter.model import load_model
from tachtu.segmenter.userdict import UserDict
from tachtu.text.syllable import check_tone
from tachtu.types import Word

MODES = ("default", "vncorenlp")


class Engine(Protocol):
    """What an engine gives the :class:`Segmenter`."""

    def iter_lines(self, text: str, sentences: bool) -> Iterator[str]:
        """Segmented output lines: one per input line, or one per sentence with ``sentences``."""

    def iter_sentences(self, text: str) -> Iterator[list[Word]]:
        """The words of each sentence, offsets into ``text``."""

    def segment_batch(self, texts: list[str], sentences: bool) -> list[str]:
        """``"\\n".join(iter_lines(text, sentences))`` for each text."""

    def sentences_batch(self, texts: list[str]) -> list[list[list[Word]]]:
        """``list(iter_sentences(text))`` for each text."""


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
        check_tone(tone)
        if mode == "vncorenlp" and (tone != "keep" or user_dict is not None or model is not None):
            raise ValueError("mode='vncorenlp' reproduces VnCoreNLP exactly: it takes no tone, "
                             "user_dict or model option")
        self.mode, self.tone = mode, tone
        self._engine: Engine
        if mode == "vncorenlp":
            from tachtu.compat import VnCoreNLPSegmenter

            self._engine = VnCoreNLPSegmenter()
        else:
            words = UserDict.load(user_dict) if user_dict is not None else None
            self._engine = StatisticalEngine(load_model(model), tone, words)

    # -- the verbs -------------------------------------------------------------------------
    def segment(self, text: str, sentences: bool = False) -> str:
        """Segmented text: one output line per input line, or per sentence with ``sentences``."""
        return "\n".join(self.iter_segment(text, sentences))

    def iter_segment(self, text: str, sentences: bool = False) -> Iterator[str]:
        """:meth:`segment` as a stream of output lines (bounded memory on huge inputs)."""
        return self._engine.iter_lines(text, sentences)

    def words(self, text: str) -> list[Word]:
        """The words of ``text`` with offsets into ``text``."""
        return [w for words in self._engine.iter_sentences(text) for w in words]

    def sentences(self, text: str) -> list[list[Word]]:
        """The sentences of ``text``, each a list of :class:`Word` with offsets into ``text``."""
        return list(self._engine.iter_sentences(text))

    def segment_batch(self, texts: Iterable[str], sentences: bool = False) -> list[str]:
        """:meth:`segment` for many texts, batched into few model calls (much faster)."""
        return self._engine.segment_batch(list(texts), sentences)

    def words_batch(self, texts: Iterable[str]) -> list[list[Word]]:
        """:meth:`words` for many texts, batched like :meth:`segment_batch`."""
        return [[w for sentence in sentences for w in sentence] for sentences in self.sentences_batch(texts)]

    def sentences_batch(self, texts: Iterable[str]) -> list[list[list[Word]]]:
        """:meth:`sentences` for many texts, batched like :meth:`segment_batch`."""
        return self._engine.sentences_batch(list(texts))


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


