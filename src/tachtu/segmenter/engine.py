"""tachtu's statistical engine behind :class:`~tachtu.segmenter.Segmenter` (``mode="default"``).

Text flows one way: :mod:`tachtu.text` tokenizes and splits sentences (offsets into the
caller's string), the model decides which adjacent tokens form one word, and a user
dictionary may override it. Work is batched (many sentences per model call) for speed,
and streamed in bounded chunks so a 50 MB line needs bounded memory.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import NamedTuple

from tachtu.segmenter.model import Model
from tachtu.segmenter.userdict import UserDict
from tachtu.text.sentences import iter_sentence_runs
from tachtu.text.tokenize import scan
from tachtu.types import TokenColumns, Word

BATCH_TOKENS = 5_000  # tokens per model call: numpy pays off, the arrays stay in the CPU caches


class StatisticalEngine:
    """The model's decisions on tokenized text, with the output's tone placement and an
    optional user dictionary. Read-only after construction."""

    def __init__(self, model: Model, tone: str, user_dict: UserDict | None):
        self.model, self.tone, self.user_dict = model, tone, user_dict

    def iter_lines(self, text: str, sentences: bool) -> Iterator[str]:
        """Output lines: one per input line, or one per sentence."""
        if sentences:
            return (s for strings, _ in self._iter_blocks(text) for s in strings)
        return _split_lines(_line_fragments(self._iter_blocks(text), text.count("\n") + 1))

    def segment_batch(self, texts: list[str], sentences: bool) -> list[str]:
        """The texts segmented as one text, one per line: a line break always ends a sentence,
        so this changes no sentence, and it saves the set-up cost per text."""
        joined = "\n".join(texts)
        first_lines = list(accumulate((t.count("\n") + 1 for t in texts), initial=0))
        if sentences:
            per_text: list[list[str]] = [[] for _ in texts]
            for strings, lines in self._iter_blocks(joined):
                for line, sentence in zip(lines, strings):
                    per_text[bisect.bisect_right(first_lines, line) - 1].append(sentence)
            return ["\n".join(lines) for lines in per_text]
        lines = "".join(_line_fragments(self._iter_blocks(joined), first_lines[-1])).split("\n")
        if len(lines) == len(texts):
            return lines
        return ["\n".join(lines[a:b]) for a, b in zip(first_lines, first_lines[1:])]

    def sentences_batch(self, texts: list[str]) -> list[list[list[Word]]]:
        """The sentences of each text, the texts segmented as one (like :meth:`segment_batch`)."""
        per_text: list[list[list[Word]]] = [[] for _ in texts]
        offsets = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        for words in self.iter_sentences("\n".join(texts)):
            k = bisect.bisect_right(offsets, words[0].start) - 1
            a = offsets[k]
            per_text[k].append([Word(w.text, w.start - a, w.end - a) for w in words] if a else words)
        return per_text

    def iter_sentences(self, text: str) -> Iterator[list[Word]]:
        """The words of each sentence of ``text``, in order."""
        for decided in self._iter_decided(text):
            run, joins, a = decided.run, decided.joins, decided.firsts[0]
            for first, stop in zip(decided.firsts, [*decided.firsts[1:], decided.stop]):
                yield _words(run, first, stop, joins[first - a:stop - a])

    def _iter_blocks(self, text: str) -> Iterator[tuple[list[str], list[int]]]:
        """The segmented sentences of ``text`` (words joined by ``_``, separated by spaces)
        a model call's worth at a time, with the line each starts on."""
        line_ends, find_line = _newlines(text), bisect.bisect_left
        for decided in self._iter_decided(text):
            starts = decided.run.starts
            yield _segmented(decided), [find_line(line_ends, starts[i]) for i in decided.firsts]

    def _iter_decided(self, text: str) -> Iterator[_Decided]:
        """The sentences of ``text`` with the model's (and user dictionary's) decisions,
        about :data:`BATCH_TOKENS` tokens per model call."""
        for run, ends in iter_sentence_runs(scan(text, tone=self.tone)):
            firsts = [0, *ends[:-1]]
            i = 0
            while i < len(ends):
                j = min(bisect.bisect_left(ends, firsts[i] + BATCH_TOKENS), len(ends) - 1)
                a, b = firsts[i], ends[j]
                joins = self.model.joins(run.texts[a:b], [e - a for e in ends[i:j + 1]]).tolist()
                if self.user_dict:
                    for first, stop in zip(firsts[i:j + 1], ends[i:j + 1]):
                        joins[first - a:stop - a - 1] = self.user_dict.apply(
                            run.texts[first:stop], joins[first - a:stop - a - 1])
                yield _Decided(run, firsts[i:j + 1], b, joins)
                i = j + 1


class _Decided(NamedTuple):
    """Consecutive sentences of a run, starting at tokens ``firsts``, the last ending
    before ``stop``; ``joins[i]``: token ``firsts[0] + i`` and the next are one word."""

    run: TokenColumns
    firsts: list[int]
    stop: int
    joins: list[bool]


def _newlines(text: str) -> list[int]:
    """Positions of the line breaks in ``text``."""
    ends, i = [], text.find("\n")
    while i >= 0:
        ends.append(i)
        i = text.find("\n", i + 1)
    return ends


def _segmented(decided: _Decided) -> list[str]:
    """Each sentence of ``decided`` as one string, joined at C speed: the tokens interleaved
    with ``_`` (joined), a space, or a line break at a sentence end, then split at the breaks."""
    run, a, stop = decided.run, decided.firsts[0], decided.stop
    separators = list(map(" _".__getitem__, decided.joins))
    for first in decided.firsts[1:]:
        separators[first - a - 1] = "\n"
    pieces = [""] * (2 * (stop - a) - 1)
    pieces[::2] = run.texts[a:stop]
    pieces[1::2] = separators[:-1]
    return "".join(pieces).split("\n")


def _line_fragments(blocks: Iterable[tuple[list[str], list[int]]], n_lines: int) -> Iterator[str]:
    """Pieces of the output text, one line per input line: sentences of one line are joined
    by a space, lines by as many line breaks as the input has between them."""
    line, started = 0, False
    for strings, lines in blocks:
        separators = list(map(_line_gap, map(int.__sub__, lines, [line, *lines])))
        if not started and lines[0] == line:
            separators[0] = ""  # the output starts with this sentence
        line, started = lines[-1], True
        pieces = [""] * (2 * len(strings))
        pieces[::2] = separators
        pieces[1::2] = strings
        yield "".join(pieces)
    yield "\n" * (n_lines - 1 - line)


def _line_gap(lines: int) -> str:
    """What separates two sentences ``lines`` lines apart in the output."""
    return "\n" * lines if lines else " "


def _split_lines(fragments: Iterable[str]) -> Iterator[str]:
    """The lines of the text made of ``fragments``, as soon as each is complete."""
    head: list[str] = []
    for fragment in fragments:
        if "\n" not in fragment:
            head.append(fragment)
            continue
        lines = fragment.split("\n")
        head.append(lines[0])
        yield "".join(head)
        yield from lines[1:-1]
        head = [lines[-1]]
    yield "".join(head)


def _words(run: TokenColumns, first: int, stop: int, joins: list[bool]) -> list[Word]:
    """Group the tokens ``first:stop`` of ``run`` into words: ``joins[i]`` joins the
    ``i``-th of them to the next."""
    texts, starts, ends = run.texts, run.starts, run.ends
    words, head = [], first
    for i, joined in enumerate(joins, first):
        if joined:
            continue
        text = texts[i] if head == i else "_".join(texts[head:i + 1])
        words.append(Word(text, starts[head], ends[i]))
        head = i + 1
    return words
