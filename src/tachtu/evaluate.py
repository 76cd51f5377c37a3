"""Word-level evaluation: precision, recall, F1, sentence accuracy and the commonest errors.

A predicted word is correct when its syllable span matches a gold word exactly. Spans are
taken over the characters of the sentence with spaces and ``_`` removed, so a prediction
whose tokens differ slightly from the gold tokens is still compared fairly. A prediction that
changed characters but not their number (tone-mark placement, as the ``vncorenlp`` mode does,
case, NFC) is first mapped back onto the gold characters (:func:`align`); only one that added
or lost characters is counted as misaligned.

>>> s = score([["Hà_Nội", "mùa", "thu"]], [["Hà_Nội", "mùa_thu"]])
>>> round(s.precision, 3), round(s.recall, 3), s.sentence_accuracy
(0.5, 0.333, 0.0)
>>> s.errors.most_common(2)
[('joined: mùa_thu', 1)]
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field


def _spans(words: list[str]) -> list[tuple[int, int, str]]:
    spans, pos = [], 0
    for word in words:
        n = len(word.replace("_", ""))
        spans.append((pos, pos + n, word))
        pos += n
    return spans


@dataclass
class Scores:
    """Counts and ratios of one evaluation."""

    correct: int = 0
    gold: int = 0
    predicted: int = 0
    sentences: int = 0
    sentences_correct: int = 0
    misaligned: int = 0
    repaired: int = 0
    errors: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def sentence_accuracy(self) -> float:
        return self.sentences_correct / self.sentences if self.sentences else 0.0

    def as_dict(self, top: int = 10) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "sentence_accuracy": self.sentence_accuracy, "gold_words": self.gold,
                "predicted_words": self.predicted, "sentences": self.sentences,
                "misaligned_sentences": self.misaligned, "repaired_sentences": self.repaired,
                "top_errors": self.errors.most_common(top)}


def align(gold: list[str], predicted: list[str]) -> tuple[list[str], str]:
    """The predicted words on the gold characters, and how they were obtained.

    ``aligned``: same characters. ``repaired``: characters changed but not their number
    (tone-mark placement, case, NFC): the predicted word boundaries are put on the gold
    characters. ``misaligned``: characters added or lost; returned as they are.

    >>> align(["Hoà_bình", "đẹp"], ["Hòa_bình", "đẹp"])
    (['Hoà_bình', 'đẹp'], 'repaired')
    """
    words = [unicodedata.normalize("NFC", w) for w in predicted]
    g = "".join(gold).replace("_", "")
    p = "".join(words).replace("_", "")
    if p == g:
        return words, "aligned"
    if len(p) != len(g):
        return words, "misaligned"
    out, pos = [], 0
    for word in words:
        parts = []
        for part in word.split("_"):
            parts.append(g[pos:pos + len(part)])
            pos += len(part)
        out.append("_".join(parts))
    return out, "repaired"


def score(gold: list[list[str]], predicted: list[list[str]]) -> Scores:
    """Compare sentences of words (``Hà_Nội`` form), sentence by sentence (:func:`align`-ed)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    s = Scores()
    for g_words, p_words in zip(gold, predicted):
        s.sentences += 1
        p_words, status = align(g_words, p_words)
        g, p = _spans(g_words), _spans(p_words)
        s.gold += len(g)
        s.predicted += len(p)
        s.repaired += status == "repaired"
        if status == "misaligned":
            s.misaligned += 1
            s.errors["misaligned sentence"] += 1
            continue
        g_set = {(a, b) for a, b, _ in g}
        p_set = {(a, b) for a, b, _ in p}
        hits = g_set & p_set
        s.correct += len(hits)
        s.sentences_correct += len(hits) == len(g_set) == len(p_set)
        for a, b, word in p:
            if (a, b) in hits:
                continue
            inside = [w for x, y, w in g if a <= x and y <= b]
            if len(inside) > 1:
                s.errors[f"joined: {word}"] += 1
        for a, b, word in g:
            if (a, b) not in hits and sum(a <= x and y <= b for x, y, _ in p) > 1:
                s.errors[f"split: {word}"] += 1
            elif (a, b) not in hits and not any(x <= a and b <= y for x, y, _ in p):
                s.errors[f"crossing: {word}"] += 1
    return s


def unsegment(words: list[str]) -> str:
    """The raw (syllable) form of a segmented sentence: ``Hà_Nội đẹp`` -> ``Hà Nội đẹp``."""
    return " ".join(words).replace("_", " ")


def predict(sentences: list[list[str]], model: str = "default") -> list[list[str]]:
    """Run a segmenter on the raw form of gold sentences; ``model`` is a path, 'default' or 'vncorenlp'."""
    from tachtu.segmenter import Segmenter

    if model == "vncorenlp":
        segmenter = Segmenter(mode="vncorenlp")
    else:
        segmenter = Segmenter(model=None if model == "default" else model)
    return [line.split() for line in segmenter.segment_batch(unsegment(s) for s in sentences)]


def evaluate_files(gold: str, pred: str | None = None, model: str | None = None, first: int = 1,
                   last: int | None = None, exclude: set[str] = frozenset()) -> Scores:
    """Score ``pred`` (a file line-aligned with ``gold``) or ``model`` on lines ``first..last``
    of ``gold``; gold sentences whose raw form is in ``exclude`` are left out."""
    from tachtu.segmenter.gold import read_segmented

    gold_sentences = read_segmented(gold, first, last)
    if pred is not None:
        predicted = read_segmented(pred, first, last)
        if len(predicted) != len(gold_sentences):
            raise ValueError(f"{pred} has {len(predicted)} lines where {gold} has "
                             f"{len(gold_sentences)} (lines {first}..{last or 'end'}); "
                             "the files must be line-aligned")
    else:
        predicted = predict(gold_sentences, model or "default")
    keep = [i for i, s in enumerate(gold_sentences) if unsegment(s) not in exclude]
    return score([gold_sentences[i] for i in keep], [predicted[i] for i in keep])
