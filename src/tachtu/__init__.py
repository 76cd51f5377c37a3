"""tachtu: Vietnamese word segmentation, page cleaning and corpus building.

A few verbs cover most uses::

    >>> import tachtu
    >>> tachtu.segment("Bộ trưởng Quốc phòng Việt Nam thăm Trung Quốc.")
    'Bộ_trưởng Quốc_phòng Việt_Nam thăm Trung_Quốc .'
    >>> [(w.text, w.start, w.end) for w in tachtu.words("Hà Nội mùa thu")]
    [('Hà_Nội', 0, 6), ('mùa', 7, 10), ('thu', 11, 14)]

Each has a batch form (``segment_batch``, ``words_batch``, ``sentences_batch``) for many texts.
``Segmenter`` keeps options (mode, tone placement, user dictionary) for reuse;
``tokenize`` and ``normalize`` expose the text layer; ``clean`` turns a crawled
page (text or HTML) into the article.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from tachtu.errors import InputError, ModelError, TachtuError
from tachtu.segmenter import Segmenter
from tachtu.text import normalize, split_sentences, tokenize
from tachtu.types import Token, Word

__version__ = "0.1.0"

__all__ = [
    "Segmenter", "Token", "Word", "TachtuError", "InputError", "ModelError",
    "segment", "words", "sentences", "segment_batch", "words_batch", "sentences_batch",
    "tokenize", "normalize", "split_sentences", "clean",
]


@lru_cache(maxsize=8)
def _segmenter(mode: str, tone: str) -> Segmenter:
    return Segmenter(mode=mode, tone=tone)


def segment(text: str, *, mode: str = "default", tone: str = "keep", sentences: bool = False) -> str:
    """Word-segment ``text``: syllables of a word joined by ``_``, tokens separated by spaces.

    One output line per input line; with ``sentences=True`` one line per sentence.
    """
    return _segmenter(mode, tone).segment(text, sentences=sentences)


def words(text: str, *, mode: str = "default", tone: str = "keep") -> list[Word]:
    """The words of ``text`` with their character offsets into ``text``."""
    return _segmenter(mode, tone).words(text)


def sentences(text: str, *, mode: str = "default", tone: str = "keep") -> list[list[Word]]:
    """The sentences of ``text``, each a list of words with offsets into ``text``."""
    return _segmenter(mode, tone).sentences(text)


def segment_batch(texts: Iterable[str], *, mode: str = "default", tone: str = "keep",
                  sentences: bool = False) -> list[str]:
    """:func:`segment` of each text, batched into few model calls (much faster on many short texts).

    >>> segment_batch(["Hà Nội", "Việt Nam"])
    ['Hà_Nội', 'Việt_Nam']
    """
    return _segmenter(mode, tone).segment_batch(texts, sentences=sentences)


def words_batch(texts: Iterable[str], *, mode: str = "default", tone: str = "keep") -> list[list[Word]]:
    """:func:`words` of each text, batched."""
    return _segmenter(mode, tone).words_batch(texts)


def sentences_batch(texts: Iterable[str], *, mode: str = "default", tone: str = "keep") -> list[list[list[Word]]]:
    """:func:`sentences` of each text, batched."""
    return _segmenter(mode, tone).sentences_batch(texts)


def clean(page: str | bytes, **options):
    """Extract the article from a crawled page (text or HTML); see :func:`tachtu.cleaning.clean`."""
    from tachtu.cleaning import clean as _clean

    return _clean(page, **options)
