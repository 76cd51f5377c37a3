"""VnCoreNLP 1.2's sentence splitting over the tokens of one line (SPEC section 3).

>>> split = SentenceSplitter.load()
>>> toks = "Tôi đi học ? ! Bạn đi làm .".split()
>>> [" ".join(toks[i:j]) for i, j in split.ranges(toks)]
['Tôi đi học ?', '!', 'Bạn đi làm .']
>>> toks = "Gồm : An , Bình và Chi .".split()
>>> [" ".join(toks[i:j]) for i, j in split.ranges(toks)]
['Gồm :', 'An , Bình và Chi .']
"""

from __future__ import annotations

import regex

from tachtu.compat.chars import starts_digit, starts_lower
from tachtu.compat.resources import from_codepoints, read_tsv

_QUOTES = ('"', "''")
#: First characters of the tokens that can end a sentence: ``:`` (S1) and what
#: EOS_PUNCTUATION matches (one or more ``.``, ``?``, ``!``, ``…``); a quick pre-test.
_TRIGGER_START = frozenset(":.?!\u2026")


class SentenceSplitter:
    """Decides after which tokens a sentence ends."""

    def __init__(self, end_punctuation: regex.Pattern, closing_tokens: frozenset[str]):
        self.end_punctuation = end_punctuation
        self.closing_tokens = closing_tokens

    @classmethod
    def load(cls) -> SentenceSplitter:
        """The splitter with EOS_PUNCTUATION and the closing tokens from ``compat/data``."""
        eos = next(row for row in read_tsv("tokenizer-regexes.tsv")
                   if row["name"] == "EOS_PUNCTUATION")
        closing = frozenset(from_codepoints(row["codepoints"])
                            for row in read_tsv("sentence-closing-tokens.tsv"))
        return cls(regex.compile(eos["python_regex"]), closing)

    def ranges(self, tokens: list[str]) -> list[tuple[int, int]]:
        """The sentences as ``(first, past-last)`` token index ranges covering ``tokens``."""
        n = len(tokens)
        out = []
        start = 0
        # the last token always ends one (S0); only ":" and end punctuation can end earlier
        for i in [i for i, t in enumerate(tokens[:-1]) if t[0] in _TRIGGER_START]:
            if self._ends_after(tokens, i, start):
                out.append((start, i + 1))
                start = i + 1
        if n:
            out.append((start, n))
        return out

    def _ends_after(self, tokens: list[str], i: int, start: int) -> bool:
        t = tokens[i]
        nxt = tokens[i + 1]
        if t == ":":                                          # S1 colon
            return i + 2 < len(tokens) and (
                (starts_digit(nxt) and tokens[i + 2] == ".") or tokens[i + 2] == ",")
        if not self.end_punctuation.fullmatch(t):
            return False
        if nxt in _QUOTES and sum(q in _QUOTES for q in tokens[start:i]) % 2:  # S2a quotes
            return False
        if (nxt in self.closing_tokens or nxt == "," or starts_lower(nxt)
                or starts_digit(nxt)):                        # S2b
            return False
        if i - start == 1 and t == ".":                       # S2c numbering
            first = tokens[start]
            if (starts_digit(first) or starts_lower(first)
                    or (len(first) == 1 and first.isupper() and first <= "\uffff")):
                return False
        return True                                           # S2d
