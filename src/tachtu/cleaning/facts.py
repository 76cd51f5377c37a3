"""What a line's own text says, worked out once per distinct line.

The rules' reading of a page (:mod:`.analysis`), the classifier's features (:mod:`.features`,
:mod:`.structure`) and the roles of kept lines (:mod:`.page`) ask the same questions of a line:
its rule verdict, its prose score, whether it reads as a title, a name, a by-line. A site's
chrome comes back on every one of its pages, so :func:`facts` keeps the answers of the last
:data:`CACHE_LINES` distinct short lines (about 1 KB each; long lines are article text, which
does not come back). The verdict and the score, which every line needs, are computed at once;
every other answer on first use (the rules alone ask few of them).
"""

from __future__ import annotations

from functools import cached_property, lru_cache

import numpy as np
import regex

from tachtu.cleaning import lines as rules
from tachtu.cleaning.score import features, line_score, line_weight, stopwords
from tachtu.cleaning.structure import template_key

CACHE_LINES = 16384
CACHED_LENGTH = 300  # characters: chrome lines are short; a full cache stays near 20 MB
#: The line classifier's features of a line's own text (:mod:`.features`), in the order of :attr:`Facts.own`.
OWN = ("stop_density", "capitalised", "numeric", "commas", "sentence_end", "byline_hint", "caption_hint",
       "source_hint", "ends_colon", "cells", "all_caps", "starts_digit", "price", "name_like")
_TOKEN = regex.compile(r"[\p{L}\p{M}]+|\d+")
# A run of digits, dots and commas is tried once, from its start, without backtracking: tried from
# every digit it took time quadratic in its length (0.6 s on a 4,400-character run; found by fuzz.py).
_PRICE = regex.compile(r"(?<![\d.,])[.,]*\d[\d.,]*+\s*(?:đ|₫|vnđ|vnd|đồng)(?!\w)|(?<!\w)giá\s*(?:\w+\s*)?[:：]", regex.I)
_CELL_GAP = regex.compile(r"\S {2,}(?=\S)")


def word_set(text: str) -> set[str]:
    """The folded words and numbers of a text (its first 2,000 characters)."""
    return set(_TOKEN.findall(rules.fold(text[:2000])))


def cell_count(text: str) -> int:
    """Cells of a table row: separated by tabs, ' | ' or runs of two or more spaces (0: not a row)."""
    if "\t" in text or " | " in text:
        return max(text.count("\t"), text.count(" | ")) + 1
    return len(_CELL_GAP.findall(text)) + 1 if "  " in text else 0


class Facts:
    """The answers about one line (without outer whitespace) that do not depend on the page."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.reason = rules.drop_reason(text)                 # single-line rule verdict
        self.kind = rules.section_kind(text)                  # 'related' / 'comments' heading
        self.measured = features(text)                        # :func:`~.score.features`
        self.score = line_score(text, self.measured)
        self.weight = line_weight(text, self.score)           # densest-block weight, were it not ruled
        self.tokens = int(self.measured["tokens"])

    @cached_property
    def title_like(self) -> bool:
        return rules.is_title_like(self.text)

    @cached_property
    def name_like(self) -> bool:
        return rules.looks_like_name(self.text)

    @cached_property
    def byline(self) -> bool:
        return rules.byline_hint(self.text)

    @cached_property
    def caption(self) -> bool:
        return rules.caption_hint(self.text)

    @cached_property
    def source(self) -> bool:
        return rules.source_hint(self.text)

    @cached_property
    def date(self) -> str | None:
        """The date on the line as ISO 8601 (:func:`~.lines.parse_date`)."""
        return rules.parse_date(self.text)

    @cached_property
    def squashed(self) -> str:
        return rules.squash(self.text)

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(word_set(self.text))

    @cached_property
    def content(self) -> frozenset[str]:
        """The words that carry a subject: not stop-words, not numbers."""
        return self.words.difference(stopwords(), filter(str.isdigit, self.words))

    @cached_property
    def template(self) -> tuple[str, str, tuple[str, str] | None]:
        """:func:`.structure.template_key` of the folded line."""
        return template_key(rules.fold(self.text))

    @cached_property
    def price(self) -> bool:
        return bool(_PRICE.search(self.text))

    @cached_property
    def own(self) -> np.ndarray:
        """The classifier's features of the line's own text (:data:`OWN`), scaled as it reads them; an
        array, read-only, since a page's rows are stacked fastest from arrays."""
        m, text = self.measured, self.text
        row = np.array([min(m["stop_density"], 0.6), min(m["capitalised"], 1.0), min(m["numeric"], 1.0),
                        min(m["commas"], 5.0) / 5.0, m["sentence_end"], self.byline, self.caption, self.source,
                        text.endswith((":", "：")), "\t" in text or " | " in text, text.isupper(),
                        text[:1].isdigit(), self.price, self.name_like], dtype=np.float64)
        row.flags.writeable = False
        return row

    @cached_property
    def cells(self) -> int:
        return cell_count(self.text)


def facts(text: str) -> Facts:
    """The :class:`Facts` of a line (without outer whitespace), from the cache when it was seen lately."""
    return _cached(text) if len(text) <= CACHED_LENGTH else Facts(text)


@lru_cache(maxsize=CACHE_LINES)
def _cached(text: str) -> Facts:
    return Facts(text)


def clear_cache() -> None:
    """Forget every line seen (for timings of pages never seen)."""
    _cached.cache_clear()
