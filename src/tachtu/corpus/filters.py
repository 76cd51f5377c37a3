"""Vietnamese language and quality filter, as one datatrove ``BaseFilter``.

The checks run cheapest first; the first one that fails names the reason the document
is dropped (``dropped_<reason>`` in datatrove's stats). Thresholds start from
FineWeb-2's ``configs/vie_Latn.yml`` and datatrove's Gopher defaults; words are
whitespace-separated syllables, which for Vietnamese is exact. See docs/corpus.md.

>>> f = VietnameseQualityFilter()
>>> from datatrove.data import Document
>>> text = "Hà Nội là thủ đô của nước Cộng hòa xã hội chủ nghĩa Việt Nam. " * 3
>>> f.filter(Document(text=text, id="1"))
(False, 'too_short')
>>> f.filter(Document(text=" ".join(["The quick brown fox jumps over the lazy dog."] * 9), id="2"))
(False, 'not_vietnamese')
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from datatrove.data import Document
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.filters.gopher_repetition_filter import find_duplicates
from datatrove.utils.text import TERMINAL_PUNCTUATION

from tachtu.text.syllable import letter_counts

#: FineWeb-2 ``vie_Latn`` stop words; a Vietnamese document has at least two of them.
STOP_WORDS = frozenset("là và của một được trong năm các có loài này đã người".split())
_STOP_CHARS = tuple(TERMINAL_PUNCTUATION)


@dataclass(frozen=True)
class QualityThresholds:
    """Limits of :class:`VietnameseQualityFilter`; ``None`` switches a check off."""

    min_words: int | None = 50  # Gopher min_doc_words
    max_words: int | None = 100_000  # Gopher max_doc_words
    min_syllable_share: float | None = 0.5  # ours: share of words that are Vietnamese syllables
    min_marked_share: float | None = 0.2  # ours: share of words with a Vietnamese diacritic
    min_stop_words: int | None = 2  # FineWeb-2 vie_Latn (Gopher quality)
    max_dup_line_frac: float | None = 0.293  # FineWeb-2 vie_Latn dup_line_frac
    max_dup_char_frac: float | None = 0.1  # FineWeb-2 char_duplicates_ratio
    max_symbol_ratio: float | None = 0.1  # Gopher max_symbol_word_ratio ("#", "...")
    min_alpha_words: float | None = 0.803  # FineWeb-2 vie_Latn max_non_alpha_words_ratio (Gopher semantics)
    min_line_punct: float | None = 0.333  # FineWeb-2 vie_Latn line_punct_thr, counted by words (ours)
    max_newline_ratio: float | None = 0.103  # FineWeb-2 vie_Latn new_line_ratio

    def as_dict(self) -> dict:
        return asdict(self)


def punctuated_share(lines: list[str]) -> float:
    """Share of the words that are in lines ending in terminal punctuation.

    Counted by words, not lines (FineWeb-2 counts lines): a news brief is a title, a date, one
    paragraph and a source line, one punctuated line in four, but nearly all its words are in
    that paragraph; a list page has few words in punctuated lines either way.

    >>> round(punctuated_share(["Bão số 3", "12/3/2018", "Bão số 3 đã đổ bộ vào Quảng Ninh chiều nay.", "(Theo TTXVN)"]), 2)
    0.65
    """
    counts = [len(line.split()) for line in lines]
    total = sum(counts)
    return sum(n for n, line in zip(counts, lines) if line.rstrip().endswith(_STOP_CHARS)) / total if total else 0.0


class VietnameseQualityFilter(BaseFilter):
    """Keep documents that are Vietnamese prose; drop the rest with a named reason.

    Reasons: ``too_short``, ``too_long``, ``not_vietnamese``, ``few_stop_words``,
    ``repeated_lines``, ``repeated_chars``, ``symbol_ratio``, ``non_alpha_words``,
    ``line_punct``, ``list_like``.
    """

    name = "🇻🇳 Vietnamese quality"

    def __init__(self, thresholds: QualityThresholds | None = None, exclusion_writer=None):
        super().__init__(exclusion_writer)
        self.t = thresholds or QualityThresholds()

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        reason = self.reason(doc.text)
        return True if reason is None else (False, reason)

    def reason(self, text: str) -> str | None:
        """The first failed check for ``text``, or ``None`` if it passes."""
        t = self.t
        words = text.split()
        n = len(words)
        if t.min_words is not None and n < t.min_words:
            return "too_short"
        if t.max_words is not None and n > t.max_words:
            return "too_long"
        runs, syllables, marked, letterless = letter_counts(words)
        valid, diacritics = (syllables / runs, marked / runs) if runs else (0.0, 0.0)
        if (t.min_syllable_share is not None and valid < t.min_syllable_share) or (
                t.min_marked_share is not None and diacritics < t.min_marked_share):
            return "not_vietnamese"
        if t.min_stop_words is not None and sum(map(STOP_WORDS.__contains__, text.lower().split())) < t.min_stop_words:
            return "few_stop_words"
        lines = [line for line in text.split("\n") if line.strip()]
        dup_lines, dup_chars = find_duplicates(lines)
        if t.max_dup_line_frac is not None and dup_lines / len(lines) > t.max_dup_line_frac:
            return "repeated_lines"
        if t.max_dup_char_frac is not None and dup_chars / max(1, len(text) - text.count("\n")) > t.max_dup_char_frac:
            return "repeated_chars"
        symbols = text.count("#") + text.count("...") + text.count("…")
        if t.max_symbol_ratio is not None and symbols / n > t.max_symbol_ratio:
            return "symbol_ratio"
        if t.min_alpha_words is not None and 1 - letterless / n < t.min_alpha_words:
            return "non_alpha_words"
        if t.min_line_punct is not None and punctuated_share(lines) < t.min_line_punct:
            return "line_punct"
        if t.max_newline_ratio is not None and text.count("\n") / n > t.max_newline_ratio:
            return "list_like"
        return None
