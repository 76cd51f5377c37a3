"""Silver training sentences: raw Wikipedia text segmented by the VnCoreNLP-compatible mode.

The gold sets hold about 7,000 sentences; RDRsegmenter's rule model (our ``vncorenlp``
mode, Apache-2.0) was trained on the much larger VLSP 2013 data, which is not openly
licensed. Segmenting raw Wikipedia paragraphs with it and training on the result passes
what it knows about Vietnamese words to our model (distillation) without its training data.
Measured with UD-VTB dev held out (README "How the segmenter works"): word F1 96.83 -> 97.15.

The sample is deterministic: paragraphs of :data:`~tachtu.segmenter.rawstats.RAW_SOURCES`
that read as prose, shuffled with a fixed seed, segmented in order until ``n`` sentences.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from tachtu.segmenter.rawstats import RAW_SOURCES, raw_texts
from tachtu.text.syllable import syllable_shares

SEED = 7
MIN_CHARS = 60  # shorter paragraphs are mostly list items, captions and headings
CHUNK = 2_000   # paragraphs per call of the teacher
MIN_SYLLABLES, MIN_MARKED = 0.8, 0.3  # shares of letter runs that are syllables / carry a diacritic


def prose_paragraphs(texts) -> list[str]:
    """The paragraphs (lines) of ``texts`` that read as Vietnamese prose: at least
    :data:`MIN_CHARS` characters, mostly Vietnamese syllables (a reference list in English
    would teach the teacher's habit of joining capitalised runs), not a ``== heading ==``.

    >>> prose_paragraphs(["== Tham khảo ==\\nHà Nội là thủ đô của nước Cộng hòa Xã hội chủ nghĩa "
    ...                   "Việt Nam từ năm 1976.\\nJohn Fuller, The Second World War, Meredith Press, 1968."])
    ['Hà Nội là thủ đô của nước Cộng hòa Xã hội chủ nghĩa Việt Nam từ năm 1976.']
    """
    out = []
    for text in texts:
        for line in text.split("\n"):
            line = line.strip()
            if len(line) >= MIN_CHARS and not line.startswith("=="):
                syllables, marked, _ = syllable_shares(line)
                if syllables >= MIN_SYLLABLES and marked >= MIN_MARKED:
                    out.append(line)
    return out


def silver_sentences(data_dir: Path, n: int, seed: int = SEED) -> list[list[str]]:
    """``n`` sentences (lists of words) of raw Wikipedia text, segmented by the ``vncorenlp`` mode."""
    from tachtu.compat import VnCoreNLPSegmenter

    paragraphs = prose_paragraphs(raw_texts(data_dir))
    random.Random(seed).shuffle(paragraphs)
    teacher = VnCoreNLPSegmenter()
    out: list[list[str]] = []
    for i in range(0, len(paragraphs), CHUNK):
        for text in teacher.segment_batch(paragraphs[i:i + CHUNK], sentences=True):
            out.extend(words for line in text.split("\n")
                       if any(c.isalpha() for c in line) and (words := line.split()))
        if len(out) >= n:
            break
    return out[:n]


@dataclass(frozen=True)
class SilverSet:
    """Silver sentences as a training source, read like a :class:`~tachtu.segmenter.train.GoldSet`."""

    sentences: int
    weight: float = 1.0
    adapt: bool = False

    def read(self, data_dir: Path) -> list[list[str]]:
        return silver_sentences(data_dir, self.sentences)

    def describe(self) -> str:
        names = " and ".join(name for name, _ in RAW_SOURCES)
        licences = sorted({licence for _, licence in RAW_SOURCES})
        return (f"{self.sentences} sentences of {names} ({', '.join(licences)}) segmented by the "
                "vncorenlp mode (RDRsegmenter rule model, Apache-2.0)")
