"""Page-structure features that need no phrase list: repeated templates and the article's subject.

What a page of a site never seen still shows:

- **templates**: chrome is written by a program, so its lines repeat a template with other
  numbers or names ("Chủ đề: 132 · Bài viết: 3048", "Thích · Trả lời · 3 giờ"; "… là gì?"
  under each related question); an article's sentences do not.
- **periodic structure**: comments, forum replies, reviews and teaser lists repeat one shape of
  lines (a short name line, a date line, a sentence, an action line; a headline and a one-sentence
  lead), with a period of two to five lines; an article's paragraphs run on with one shape.
- **local cohesion**: an article's lines share words with the lines next to them, a list of
  teasers or comments about different things does not.
- **the recurring subject**: an article names its subject again and again, so its title and
  paragraphs share content words with two or more other lines of running text; a teaser's words,
  a comment's small talk or a widget's wording do not recur. The longest run of such lines is the
  article's core.
"""

from __future__ import annotations

import numpy as np
import regex

_DIGITS = regex.compile(r"\d+")
_SENTENCE_END = regex.compile(r"[.!?…](?:\s|$)")
MAX_PERIOD = 5
CORE_SHARE = 0.05   # a line of running text belongs to the core when this share of its content words recur
CORE_GAP = 3        # non-prose lines (headings, captions, widgets) a core run may step over


def template_key(folded: str) -> tuple[str, str, tuple[str, str] | None]:
    """What :func:`templates` reads of a folded line: the line, its skeleton (numbers masked) and, if
    it has three words or more, its opening and closing two words."""
    skeleton = _DIGITS.sub("0", folded)
    words = skeleton.split()
    ends = ("<" + " ".join(words[:2]), " ".join(words[-2:]) + ">") if len(words) >= 3 else None
    return folded, skeleton, ends


def templates(keys: list[tuple[str, str, tuple[str, str] | None]]) -> tuple[np.ndarray, np.ndarray]:
    """Per line (given by its :func:`template_key`): whether another, different line has the same
    text once digits are masked (``template``), and whether two or more other lines of three or more
    words open or close with the same two words (``family``)."""
    by_skeleton: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for folded, skeleton, ends in keys:
        by_skeleton.setdefault(skeleton, set()).add(folded)
        for key in ends or ():  # an opening and a closing, never equal
            counts[key] = counts.get(key, 0) + 1
    template = np.array([len(by_skeleton[skeleton]) > 1 for _, skeleton, _ in keys], dtype=float)
    family = np.array([ends is not None and max(counts[ends[0]], counts[ends[1]]) >= 3 for *_, ends in keys],
                      dtype=float)
    return template, family


def shapes(items, title_like: np.ndarray, name_like: np.ndarray) -> list[int]:
    """A coarse shape of each line: running text of one sentence or more, title-like, name-like,
    dated or counted (by the line rules), other ruled chrome, short, other."""
    out = []
    for it, title, name in zip(items, title_like, name_like):
        if it.prose:
            out.append(0 if len(_SENTENCE_END.findall(it.text)) <= 1 else 1)
        elif it.reason in ("date-only", "meta-line", "counter"):
            out.append(2)
        elif name:
            out.append(3)
        elif title:
            out.append(4)
        elif it.reason:
            out.append(5)
        else:
            out.append(6 if it.tokens <= 4 else 7)
    return out


def runs(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of true ``flags`` starts and ends (one past its last)."""
    edges = np.concatenate(([False], flags, [False]))
    edges = np.flatnonzero(edges[1:] != edges[:-1])
    return edges[::2], edges[1::2]


def periodic(shape: list[int]) -> np.ndarray:
    """1 for lines inside a pattern of two to :data:`MAX_PERIOD` lines of at least two shapes that
    repeats right after itself (a comment list, a teaser list); an article's run of paragraphs has
    one shape and does not count."""
    n = len(shape)
    out = np.zeros(n)
    s = np.asarray(shape)
    for p in range(2, MAX_PERIOD + 1):
        if n < 2 * p:
            break
        for k, j in zip(*runs(s[:-p] == s[p:])):  # each run [k, j) of lines that repeat the line p below
            if j - k >= p and len(set(shape[k:k + p])) >= 2:  # one whole period seen twice
                out[k:j + p] = 1.0
    return out


class Incidence:
    """Which line of a page has which content word, as (line, word id) pairs, one per distinct word
    of a line: the word-sharing features count over all lines at once in numpy."""

    def __init__(self, content: list[set[str]]) -> None:
        flat = [word for words in content for word in words]
        ids = {word: k for k, word in enumerate(dict.fromkeys(flat))}
        self.size = np.array([len(words) for words in content])
        self.line = np.repeat(np.arange(len(content)), self.size)
        self.word = np.fromiter(map(ids.__getitem__, flat), dtype=np.intp, count=len(flat))
        self.words = len(ids)

    def lines_with(self, lines: np.ndarray) -> np.ndarray:
        """Per word: in how many of the lines marked in ``lines`` (one flag per line) it is."""
        return np.bincount(self.word, weights=lines[self.line], minlength=self.words)

    def share(self, hit: np.ndarray) -> np.ndarray:
        """Per line: the share of its words whose pair is marked in ``hit`` (0 for a line without words)."""
        count = np.bincount(self.line, weights=hit, minlength=len(self.size))
        return np.divide(count, self.size, out=np.zeros(len(self.size)), where=self.size > 0)


def recurring(words: Incidence, prose: np.ndarray) -> np.ndarray:
    """Per line: the share of its content words found in two or more other lines of running text."""
    prose = np.asarray(prose, dtype=float)
    return words.share(words.lines_with(prose)[words.word] - prose[words.line] >= 2)


def local(words: Incidence, reach: int = 2) -> np.ndarray:
    """Per line: the share of its content words found in the lines up to ``reach`` above or below it
    (an article's lines share words with their neighbours; a list of teasers or comments does not).
    With the pairs ordered by word, then line, a word's nearest other line is the pair next to it."""
    order = np.lexsort((words.line, words.word))
    word, line = words.word[order], words.line[order]
    near = (word[1:] == word[:-1]) & (line[1:] - line[:-1] <= reach)
    hit = np.zeros(len(order), dtype=bool)
    hit[order[1:]] |= near
    hit[order[:-1]] |= near
    return words.share(hit)


def core_run(core: np.ndarray, prose: np.ndarray, tokens: np.ndarray) -> tuple[int, int]:
    """``(start, end)`` of the run of running text with the most words whose lines share the
    recurring subject (:func:`recurring` ≥ :data:`CORE_SHARE`), stepping over up to
    :data:`CORE_GAP` other lines; ``(0, 0)`` if there is none."""
    best, best_words = (0, 0), 0
    start = last = None
    words = gap = 0
    for i in range(len(core) + 1):
        member = i < len(core) and prose[i] and core[i] >= CORE_SHARE
        if member:
            if start is None:
                start, words = i, 0
            words += tokens[i]
            last, gap = i, 0
            continue
        if start is not None:
            gap += 1
            if i < len(core) and gap <= CORE_GAP and not prose[i]:
                continue
            if words > best_words:
                best, best_words = (start, last + 1), words
            start = None
    return best
