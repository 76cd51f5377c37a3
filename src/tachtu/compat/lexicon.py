"""RDRsegmenter's initial segmentation (SPEC section 5): vocabulary, name lists, runs.

Gives each token of a sentence the tag ``B`` (begins a word) or ``I`` (continues it).

>>> lex = Lexicon.load()
>>> toks = "Tôi sống ở thành phố Hồ Chí Minh .".split()
>>> " ".join(f"{t}/{g}" for t, g in zip(toks, lex.initial_tags(toks, [t.lower() for t in toks])))
'Tôi/B sống/B ở/B thành/B phố/I Hồ/B Chí/I Minh/I ./B'
"""

from __future__ import annotations

from collections import defaultdict

from tachtu.compat.chars import is_all_upper, is_letters, starts_upper
from tachtu.compat.resources import read_lines, read_tsv

#: Longest dictionary key looked up (W2): entries of 5+ syllables can never match.
MAX_SYLLABLES = 4


class Lexicon:
    """The word lists and the W0-W4 procedure."""

    def __init__(self, lists: dict[str, frozenset[str]], stop_tokens: frozenset[str]):
        self.words = lists["VOCAB"] | lists["VN_LOCATIONS"] | lists["COUNTRY_L_NAME"]
        # first two syllables -> the longest key (in syllables, 2 to 4) worth trying
        longest: dict[str, int] = {}
        for w in self.words:
            sylls = w.split(" ", MAX_SYLLABLES)
            n = len(sylls)
            if 2 <= n <= MAX_SYLLABLES:
                key = sylls[0] + " " + sylls[1]
                if longest.get(key, 0) < n:
                    longest[key] = n
        self._longest = longest
        self.single = lists["VN_FIRST_SENT_WORDS"] | lists["COUNTRY_S_NAME"] | lists["WORLD_COMPANY"]
        self.middle_names = lists["VN_MIDDLE_NAMES"]
        self.family_names = lists["VN_FAMILY_NAMES"]
        self.stop_tokens = stop_tokens

    @classmethod
    def load(cls) -> Lexicon:
        """VOCAB, the seven RDRsegmenter lists plus VnCoreNLP's addition, the run stoppers."""
        lists: dict[str, set[str]] = defaultdict(set)
        lists["VOCAB"] = set(read_lines("rdrsegmenter-vnvocab.txt"))
        for name in ("rdrsegmenter-lexicons.tsv", "vncorenlp-lexicon-additions.tsv"):
            for row in read_tsv(name):
                lists[row["category"]].add(row["entry"])
        stops = frozenset(row["entry"] for row in read_tsv("capitalised-run-stop-tokens.tsv"))
        return cls({k: frozenset(v) for k, v in lists.items()}, stops)

    def initial_tags(self, tokens: list[str], lower: list[str], bmp: bool = False) -> list[str]:
        """Tags for ``tokens`` (tone-normalised, original case); ``lower`` = their lower case.

        ``bmp=True`` promises that no token has a character above U+FFFF, so that the
        plain ``str`` tests answer Java's per-unit ones (faster).
        """
        n = len(tokens)
        tags = ["B"] * n
        words, longest, single = self.words, self._longest, self.single
        letters = [t.isalpha() for t in tokens] if bmp else [is_letters(t) for t in tokens]
        upper = starts_upper
        i = 0
        while i < n:
            if not letters[i]:                                           # W0
                i += 1
                continue
            t = tokens[i]
            lowercase_start = t[0].islower()    # a word token: t[0] is a BMP letter
            if lowercase_start and i + 1 < n and upper(tokens[i + 1]):  # W1
                i += 1
                continue
            if i + 1 < n:                                                # W2 longest match
                pair = lower[i] + " " + lower[i + 1]
                most = longest.get(pair)
                if most:
                    j = min(i + most, n)
                    while j > i + 2 and " ".join(lower[i:j]) not in words:
                        j -= 1
                    if j > i + 2 or pair in words:
                        tags[i + 1:j] = ["I"] * (j - i - 1)
                        i = j
                        continue
            lt = lower[i]
            if lowercase_start or lt in single or is_all_upper(t):      # W3 single word
                i += 1
                continue
            j = i + 1                                                    # W4 capitalised run
            stop = min(i + MAX_SYLLABLES, n)
            while (j < stop and letters[j] and not tokens[j][0].islower()
                   and tokens[j] not in self.stop_tokens):
                j += 1
            if j - i >= 2:
                if (lt in self.middle_names and i >= 1 and upper(tokens[i - 1])
                        and lower[i - 1] in self.family_names):
                    tags[i] = "I"
                tags[i + 1:j] = ["I"] * (j - i - 1)
            i = j
        return tags
