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


def templates(folded: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per line: whether another, different line has the same text once digits are masked
    (``template``), and whether two or more other lines of three or more words open or close with
    the same two words (``family``)."""
    n = len(folded)
    skeletons = [_DIGITS.sub("0", text) for text in folded]
    by_skeleton: dict[str, set[str]] = {}
    for text, skeleton in zip(folded, skeletons):
        by_skeleton.setdefault(skeleton, set()).add(text)
    template = np.array([len(by_skeleton[s]) > 1 for s in skeletons], dtype=float)
    ends: list[tuple[str, str] | None] = []
    counts: dict[str, int] = {}
    for text in skeletons:
        words = text.split()
        if len(words) < 3:
            ends.append(None)
            continue
        pair = ("<" + " ".join(words[:2]), " ".join(words[-2:]) + ">")
        ends.append(pair)
        for key in pair:  # an opening and a closing, never equal
            counts[key] = counts.get(key, 0) + 1
    family = np.zeros(n)
    for i, pair in enumerate(ends):
        if pair is not None:
            family[i] = max(counts[pair[0]], counts[pair[1]]) >= 3
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
        same = s[:-p] == s[p:]
        k = 0
        while k < len(same):
            if not same[k]:
                k += 1
                continue
            j = k
            while j < len(same) and same[j]:
                j += 1
            if j - k >= p and len(set(shape[k:k + p])) >= 2:  # one whole period seen twice
                out[k:j + p] = 1.0
            k = j
    return out


def recurring(content: list[set[str]], prose: np.ndarray) -> np.ndarray:
    """Per line: the share of its content words found in two or more other lines of running text."""
    df: dict[str, int] = {}
    for i in np.flatnonzero(prose):
        for t in content[i]:
            df[t] = df.get(t, 0) + 1
    out = np.zeros(len(content))
    for i, words in enumerate(content):
        if words:
            own = 1 if prose[i] else 0
            out[i] = sum(df.get(t, 0) - own >= 2 for t in words) / len(words)
    return out


def local(content: list[set[str]], reach: int = 2) -> np.ndarray:
    """Per line: the share of its content words found in the lines up to ``reach`` above or below it
    (an article's lines share words with their neighbours; a list of teasers or comments does not)."""
    n = len(content)
    out = np.zeros(n)
    for i, words in enumerate(content):
        if words:
            near = set().union(*content[max(0, i - reach):i], *content[i + 1:i + 1 + reach])
            out[i] = len(words & near) / len(words)
    return out


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
