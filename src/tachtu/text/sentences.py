"""Group tokens into sentences, streaming.

A sentence ends after ``.``, ``!``, ``?``, ``…``, ``...`` (and runs such as
``?!``), together with any closing quotes and brackets that follow, and always
at a line break. Abbreviations (``TP.``, ``GS.``), initials (``T.``),
numbers, dates and URLs are single tokens, so their periods never end a
sentence. Three more rules avoid false breaks:

* an ellipsis followed by a lower-case word continues the sentence;
* a list number such as ``1.`` or ``a.`` at the start of a sentence is kept
  with what follows;
* ``v.v.`` / ``etc.`` end a sentence only when a capitalised word follows.

A straight quote ``"`` counts as closing when the sentence so far holds an odd
number of them. A runaway sentence is cut after ``max_tokens`` tokens.

>>> from tachtu.text.tokenize import tokenize
>>> def show(text):
...     return [" ".join(t.text for t in s) for s in split_sentences(tokenize(text))]
>>> show('GS. TS Nguyễn T. H. Lan về TP. HCM lúc 9h30. Anh nói: "Tôi đi." Rồi về.')
['GS. TS Nguyễn T. H. Lan về TP. HCM lúc 9h30 .', 'Anh nói : " Tôi đi . "', 'Rồi về .']
>>> show("Giá 1.500.000 đ (xem www.vnexpress.net)... vẫn tăng? Có!\\nDòng mới")
['Giá 1.500.000 đ ( xem www.vnexpress.net ) ... vẫn tăng ?', 'Có !', 'Dòng mới']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from tachtu.text.tokenize import is_terminal, may_end_sentence, starts_line
from tachtu.types import Token, TokenColumns

MAX_TOKENS = 1000

_CLOSERS = frozenset(["”", "’", "»", ")", "]", "}", "›", "」", "』", "\ufffd"])
_AMBIGUOUS_QUOTES = frozenset(['"', "'"])
_ELLIPSES = frozenset(["…", "..."])
_SENTENCE_ABBREVIATIONS = frozenset(["v.v.", "v.v...", "etc.", "V.v."])
_RUN_TOKENS = 4096  # tokens per run when splitting a stream of Token objects


def sentence_ends(run: TokenColumns, max_tokens: int = MAX_TOKENS, final: bool = True) -> list[int]:
    """The end (exclusive index) of each sentence of ``run``, in order.

    Unless ``final``, more tokens follow the run, and its last sentence, which they may
    continue, is left out. Only the tokens that may end a sentence (``run.stops``), line
    starts and the tokens right after a possible end are looked at, so the cost is in
    the number of sentences, not of tokens. Decisions never look ahead further
    than one token past an end, so a sentence is the same whatever the runs are cut into.
    """
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be at least 1, not {max_tokens}")
    texts, kinds, n = run.texts, run.kinds, len(run.texts)
    line_starts = set(run.line_starts)
    candidates = sorted(line_starts.union(run.stops))
    candidates.append(n)
    ends: list[int] = []
    first = 0                 # where the current sentence starts
    ender: int | None = None  # the token that may have ended it
    closing = False           # after an ender: still taking closers and more end marks
    i, next_candidate = -1, 0
    while True:
        if ender is None:  # nothing can end a sentence before the next candidate
            while candidates[next_candidate] <= i:
                next_candidate += 1
            i = candidates[next_candidate]
            while i - first > max_tokens:  # a runaway sentence
                first += max_tokens
                ends.append(first)
        else:
            i += 1
        if i >= n:
            break
        if i > first and i in line_starts:
            ends.append(i)
            first, ender, closing = i, None, False
        elif ender is not None:
            if closing and i - first < max_tokens and (_closes(texts, first, i)
                                                       or is_terminal(texts[i], kinds[i])):
                continue  # (a run of closers, e.g. U+FFFD, still stops at max_tokens)
            closing = False
            if not _continues(texts[i], texts[ender], kinds[ender]):
                ends.append(i)
                first = i
            ender = None
        if i - first >= max_tokens:
            ends.append(i)
            first = i
        if is_terminal(texts[i], kinds[i]):
            if not (i - first == 1 and _is_list_marker(texts[first], kinds[first])):
                ender, closing = i, True
        elif kinds[i] == "abbrev" and texts[i] in _SENTENCE_ABBREVIATIONS:
            ender, closing = i, True
    if final and first < n:
        ends.append(n)
    return ends


def iter_sentence_runs(runs: Iterable[TokenColumns], max_tokens: int = MAX_TOKENS
                       ) -> Iterator[tuple[TokenColumns, list[int]]]:
    """``(run, ends)`` for a stream of token runs: each run's complete sentences end at
    ``ends``; an unfinished last sentence is carried over into the next run."""
    runs = iter(runs)
    run = next(runs, None)
    while run is not None:
        following = next(runs, None)
        ends = sentence_ends(run, max_tokens, final=following is None)
        if ends:
            yield run, ends
        if following is not None:
            following = run.tail(ends[-1] if ends else 0) + following
        run = following


def iter_sentences(tokens: Iterable[Token], max_tokens: int = MAX_TOKENS) -> Iterator[list[Token]]:
    """Yield the sentences of a token stream as lists of tokens, never more than
    ``max_tokens`` long (closing marks after an end aside)."""
    for run, ends in iter_sentence_runs(_runs(tokens), max_tokens):
        first = 0
        for end in ends:
            yield run.tokens(first, end)
            first = end


def split_sentences(tokens: Iterable[Token], max_tokens: int = MAX_TOKENS) -> list[list[Token]]:
    """All sentences of ``tokens`` (see :func:`iter_sentences`)."""
    return list(iter_sentences(tokens, max_tokens))


def _runs(tokens: Iterable[Token]) -> Iterator[TokenColumns]:
    """A stream of Token objects as runs of columns."""
    tokens = iter(tokens)
    while chunk := list(islice(tokens, _RUN_TOKENS)):
        texts, starts, ends, kinds = map(list, zip(*chunk))
        yield TokenColumns(texts, starts, ends, kinds,
                           [i for i, token in enumerate(chunk) if may_end_sentence(token.text, token.kind)],
                           [i for i, token in enumerate(chunk) if starts_line(token)])


def _is_list_marker(text: str, kind: str) -> bool:
    """``1.`` / ``a.`` / ``IV.`` opening a line is a list number, not a sentence."""
    return kind == "number" or (kind == "word" and len(text) <= 3 and text.isalpha()
                                and (len(text) == 1 or text.isupper()))


def _closes(texts: list[str], first: int, i: int) -> bool:
    """Whether token ``i`` closes the sentence ``texts[first:i]`` (a quote, a bracket)."""
    text = texts[i]
    if text in _CLOSERS:
        return True
    if text in _AMBIGUOUS_QUOTES:
        return texts[first:i].count(text) % 2 == 1
    return False


def _continues(text: str, ender: str, ender_kind: str) -> bool:
    """Whether a token ``text`` keeps going the sentence that ``ender`` seemed to end."""
    if ender in _ELLIPSES or ender.endswith(".."):
        return text[:1].islower()
    if ender_kind == "abbrev":
        return not text[:1].isupper()
    return False
