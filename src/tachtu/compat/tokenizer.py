"""VnCoreNLP 1.2's tokenizer (SPEC section 2), giving spans into the input line.

Every token VnCoreNLP produces is a substring of the line (splitting never changes
characters; Java ``trim`` only drops control characters at the edges of parts), so the
tokenizer returns ``(start, end)`` spans and the caller slices the text.

How this differs from a literal transcription, with the same output:

* Most pieces (letters or digits, perhaps with a final comma or period) are answered with
  ``str`` methods without looking at the lists or patterns.
* The original is recursive: each split part goes through the whole tokenizer again. Here
  the recursion is an explicit stack (no depth limit on pathological tokens).
* Before a pattern is searched, a cheap necessary condition is tested (``NECESSARY``), and a
  part inherits from its parent which patterns and lists were searched for in vain there: a
  substring cannot contain what the whole string lacks. This keeps long unbroken tokens
  (50 KB of punctuation) fast instead of cubic.
* The tokens of a piece depend only on the piece, so pieces that need the full procedure are
  cached (a bounded ``lru_cache``, which is thread-safe).

>>> tok = Tokenizer.load()
>>> line = "(TP.HCM) lúc 9h30, 24:00 v.v."
>>> [line[a:b] for a, b in tok.spans(line)]
['(', 'TP.', 'HCM', ')', 'lúc', '9h30', ',', '2', '4:00', 'v.v.']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Union

import regex

from tachtu.compat.chars import ALPHABETIC_RE, LETTERS_OR_DIGITS_RE, PIECE_RE, trim_span
from tachtu.compat.resources import ordered_entries, read_tsv

Pattern = Union[re.Pattern, regex.Pattern]

#: Bit of the "searched in vain" mask meaning: no abbreviation occurs in the part (T6).
_NO_ABBREVIATION = 1 << 16
#: Same for the exception list (T7).
_NO_EXCEPTION = 1 << 17

#: A cheap necessary condition per token pattern: the pattern can only be found in a string
#: in which this is found (``[^\W\d_]`` is a superset of the letters, ``[^\W_]`` of letters
#: and digits). Besides speed, they avoid quadratic searches on long unbroken tokens (MONEY on
#: "1.1.1...", SHORT_NAME on long letter runs). tests/test_compat_tokenizer.py checks each on
#: random strings.
NECESSARY = {
    "ELLIPSIS": r"\.\.",
    "EMAIL": r"@",
    "URL": r"://|www\.|[\-a-zA-Z0-9@:%._+~#=]{2}\.[a-z]{2}",
    "FULL_DATE": r"[0-9][/\-.][0-9]",
    "MONTH": r"[0-9]/[0-9]",
    "DATE": r"[0-9]/[0-9]",
    "TIME": r"[0-9][:h][0-9]",
    "MONEY": r"\p{Sc}",
    "PHONE_NUMBER": r"[0-9][0-9]",
    "SHORT_NAME": r"[^\W\d_][.\-][^\W_]",
    "NUMBERS_EXPRESSION": r"[0-9]",
    "NUMBER": r"[0-9]",
    "WORD_WITH_HYPHEN": r"[^\W\d_]-[^\W\d_]",
    "ALLCAP": r"[A-Z]\.[A-Z]",
}
#: A necessary condition on the last character of a whole-token match (T8): a number ends in
#: a digit, ``%`` or a currency sign. A failing full match of these patterns on a long piece
#: ("1.2.1.2…1.2.") backtracks quadratically; the test answers in one step.
LAST_CHARACTER = {
    "NUMBERS_EXPRESSION": r"[0-9%\p{Sc}]",
    "NUMBER": r"[0-9%\p{Sc}]",
}
#: Found in every string in which some NECESSARY condition is found.
_ANY_NECESSARY_RE = regex.compile(r"[0-9.@\-:w\p{Sc}]")
#: A dot-separated piece that is one upper-case ASCII letter (fails the URL guard).
_URL_SINGLE_CAPITAL_RE = re.compile(r"(?:^|\.)[A-Z](?:\.|$)")
_LETTER_RE = regex.compile(r"[[\p{L}]--[\U00010000-\U0010FFFF]]", regex.V1)
#: Whitespace other than the space, or a character above U+FFFF: such lines take the
#: general path.
_UNUSUAL_RE = re.compile("[\t\n\x0b\x0c\r\U00010000-\U0010FFFF]")
#: Parts up to this long are sliced to use ``str`` tests; longer ones use regexes in place.
_SHORT_PART = 64
#: Size of the per-process cache of tokenized pieces that needed the full procedure.
PIECE_CACHE_SIZE = 1 << 16


class TokenPattern(NamedTuple):
    """One of the 16 token patterns, in search order."""

    name: str
    regex: Pattern


def compile_pattern(text: str) -> Pattern:
    """Compile with the stdlib ``re`` (faster calls) unless the pattern needs Unicode
    properties (``\\p{...}``), which only the ``regex`` module has; both engines search
    leftmost-first with ordered alternation, as Java does."""
    return regex.compile(text) if "\\p" in text else re.compile(text)


class Tokenizer:
    """The VnCoreNLP tokenizer: lists and patterns loaded from the shipped data."""

    def __init__(self, abbreviations: tuple[str, ...], exceptions: tuple[str, ...],
                 patterns: tuple[TokenPattern, ...]):
        self.abbreviations = abbreviations
        self.exceptions = exceptions
        self.patterns = patterns
        self._abbreviation_set = frozenset(abbreviations)
        self._exception_set = frozenset(exceptions)
        self._max_entry = max(map(len, abbreviations + exceptions))
        self._abbreviation_tests = _presence_tests(abbreviations)
        self._exception_tests = _presence_tests(exceptions)
        bit = {p.name: 1 << k for k, p in enumerate(patterns)}
        self._by_bit = tuple((1 << k, p.regex) for k, p in enumerate(patterns))
        self._last_character = tuple((1 << k, compile_pattern(LAST_CHARACTER[p.name]))
                                     for k, p in enumerate(patterns) if p.name in LAST_CHARACTER)
        self._necessary = tuple((bit[name], compile_pattern(test))
                                for name, test in NECESSARY.items())
        self._any_necessary = sum(b for b, _ in self._necessary)
        self._url = bit["URL"]
        self._month = bit["MONTH"]
        self._short_name = patterns[list(bit).index("SHORT_NAME")].regex
        self._short_name_necessary = re.compile(NECESSARY["SHORT_NAME"])
        self._piece_spans = lru_cache(maxsize=PIECE_CACHE_SIZE)(self._piece)

    @classmethod
    def load(cls) -> Tokenizer:
        """The tokenizer built from ``compat/data`` (lists in their search order)."""
        rows = [row for row in read_tsv("tokenizer-regexes.tsv") if row["order"] != "-"]
        rows.sort(key=lambda row: int(row["order"]))
        patterns = tuple(TokenPattern(row["name"], compile_pattern(row["python_regex"]))
                         for row in rows)
        return cls(ordered_entries("tokenizer-abbreviations.tsv"),
                   ordered_entries("tokenizer-exceptions.tsv"), patterns)

    def spans(self, line: str) -> list[tuple[int, int]]:
        """The tokens of one line as ``(start, end)`` spans, in order (SPEC 2.2 ``TOKENIZE``)."""
        return self.tokens(line)[1]

    def tokens(self, line: str) -> tuple[list[str], list[tuple[int, int]]]:
        """The tokens of one line: their texts and their ``(start, end)`` spans."""
        start, end = trim_span(line, 0, len(line))
        spans: list[tuple[int, int]] = []
        if _UNUSUAL_RE.search(line, start, end):   # rare: the general procedure for every piece
            for m in PIECE_RE.finditer(line, start, end):
                a, b = m.span()
                spans.extend((a + i, a + j) for i, j in self._piece_spans(line[a:b]))
            return [line[a:b] for a, b in spans], spans
        # Only spaces separate pieces and every character is in the BMP, so str methods
        # answer Java's per-unit tests: most pieces need none of the lists or patterns.
        texts: list[str] = []
        a = start
        for p in line[start:end].split(" "):
            n = len(p)
            if n == 1 or p.isalpha() or p.isdecimal():        # T1
                texts.append(p)
                spans.append((a, a + n))
            elif n:
                b = a + n
                last, head = p[-1], p[:-1]
                if last == "," and (head.isalpha() or head.isdecimal()):   # T2, then T1
                    texts += (head, last)
                    spans += ((a, b - 1), (b - 1, b))
                elif last == "." and head.isalpha():
                    if (n == 2 and head.isupper()) or p in self._abbreviation_set:
                        texts.append(p)                       # T3, or T4 capital initial
                        spans.append((a, b))
                    else:
                        texts += (head, last)                 # T4, then T1
                        spans += ((a, b - 1), (b - 1, b))
                else:
                    for i, j in self._piece_spans(p):
                        texts.append(p[i:j])
                        spans.append((a + i, a + j))
            a += n + 1
        return texts, spans

    def _piece(self, s: str) -> tuple[tuple[int, int], ...]:
        """The tokens of the whitespace-free piece ``s`` as spans into it (``PIECE``).

        Stack items are ``(start, end, mask)``: a part to tokenize (``mask`` = patterns and
        lists known to be absent from it), or ``(start, end, -1)``: a finished token. The
        first item is the raw piece, which (unlike every later part) is not trimmed.
        """
        out: list[tuple[int, int]] = []
        stack = [(0, len(s), 0)]
        first = True
        while stack:
            a, b, mask = stack.pop()
            if mask < 0:
                out.append((a, b))
                continue
            if first:
                first = False
            elif s[a] <= " " or s[b - 1] <= " ":
                a, b = trim_span(s, a, b)
                if a == b:
                    continue
            n = b - a
            part = s[a:b] if n <= _SHORT_PART else None
            # T1 plain
            if _plain(s, a, b, part):
                out.append((a, b))
                continue
            last = s[b - 1]
            # T2 trailing comma
            if last == ",":
                stack.append((b - 1, b, -1))
                stack.append((a, b - 1, 0))
                continue
            short = part if n <= self._max_entry else None
            # T3 known abbreviation
            if short is not None and short in self._abbreviation_set:
                out.append((a, b))
                continue
            # T4 trailing period after a letter
            if last == ".":
                c = s[b - 2]
                if ALPHABETIC_RE.match(c):
                    if (n == 2 and c.isupper()) or (self._short_name_necessary.search(s, a, b)
                                                    and self._short_name.search(s, a, b)):
                        out.append((a, b))
                    else:
                        stack.append((b - 1, b, -1))
                        stack.append((a, b - 1, 0))
                    continue
            # T5 known exception
            if short is not None and short in self._exception_set:
                out.append((a, b))
                continue
            # T6 abbreviation inside, T7 exception inside
            if not mask & _NO_ABBREVIATION:
                found = _first_entry(s, a, b, self.abbreviations, self._abbreviation_tests)
                if found is not None:
                    self._push_split(stack, a, b, found[0], found[1], 0)
                    continue
                mask |= _NO_ABBREVIATION
            if not mask & _NO_EXCEPTION:
                found = _first_entry(s, a, b, self.exceptions, self._exception_tests)
                if found is not None:
                    self._push_split(stack, a, b, found[0], found[1], mask)
                    continue
                mask |= _NO_EXCEPTION
            mask = self._absent(s, a, b, mask)
            # T8 whole-token pattern
            if self._whole_match(s, a, b, mask):
                out.append((a, b))
                continue
            # T9 pattern found inside, T10 nothing found
            split = self._first_pattern(s, a, b, mask)
            if split is None:
                out.append((a, b))
            else:
                self._push_split(stack, a, b, *split)
        return tuple(out)

    def _absent(self, s: str, a: int, b: int, mask: int) -> int:
        """``mask`` plus the patterns whose necessary condition fails on ``s[a:b]``.

        A part inherits what was absent from the part it was split from, so a part known to
        lack every condition is not searched again (that search, over the rest of a long
        piece at each split, made ``<div><div>…`` quadratic)."""
        if mask & self._any_necessary == self._any_necessary:
            return mask
        if not _ANY_NECESSARY_RE.search(s, a, b):
            return mask | self._any_necessary
        for bit, test in self._necessary:
            if not mask & bit and not test.search(s, a, b):
                mask |= bit
        return mask

    def _whole_match(self, s: str, a: int, b: int, mask: int) -> bool:
        """T8: some pattern (not known to be absent) matches the whole of ``s[a:b]``."""
        for bit, test in self._last_character:
            if not mask & bit and not test.match(s, b - 1, b):
                mask |= bit
        for bit, pattern in self._by_bit:
            if not mask & bit and pattern.fullmatch(s, a, b):
                return True
        return False

    def _first_pattern(self, s: str, a: int, b: int, mask: int) -> tuple[int, int, int] | None:
        """T9: ``(match start, match end, mask for the parts)`` of the first pattern found.

        None keeps the token whole: nothing found (T10), or a MONTH with no letter before it.
        """
        for bit, pattern in self._by_bit:
            if mask & bit:
                continue
            m = pattern.search(s, a, b)
            if bit == self._url:
                if m is None or not _url_guard(s[a:b]):
                    continue  # not monotone: parts may still contain a URL
            elif m is None:
                mask |= bit
                continue
            elif bit == self._month and not _LETTER_RE.search(s, a, m.start()):
                return None
            return m.start(), m.end(), mask
        return None

    @staticmethod
    def _push_split(stack: list, a: int, b: int, i: int, j: int, mask: int) -> None:
        """SPLIT(t, i, j): the three parts, each tokenized again, left part first."""
        if j < b:
            stack.append((j, b, mask))
        stack.append((i, j, mask))
        if i > a:
            stack.append((a, i, mask))


def _plain(s: str, a: int, b: int, part: str | None) -> bool:
    """T1: ``s[a:b]`` is one BMP character, or BMP letters and digits only."""
    if b - a == 1:
        return s[a] <= "\uffff"
    if part is None:
        return LETTERS_OR_DIGITS_RE.fullmatch(s, a, b) is not None
    if not part.isalnum():
        return False
    if part.isalpha() or part.isdecimal():
        return part.isascii() or max(part) <= "\uffff"
    return LETTERS_OR_DIGITS_RE.fullmatch(part) is not None


def _url_guard(t: str) -> bool:
    """A found URL counts only in an all-ASCII token without a one-capital dotted piece."""
    return t.isascii() and not _URL_SINGLE_CAPITAL_RE.search(t)


def _first_entry(s: str, a: int, b: int, entries: tuple[str, ...],
                 tests: tuple[Pattern, ...]) -> tuple[int, int] | None:
    """Span of the leftmost occurrence of the first listed entry found in ``s[a:b]``."""
    for test in tests:
        if not test.search(s, a, b):
            return None
    for entry in entries:
        i = s.find(entry, a, b)
        if i >= 0:
            return i, i + len(entry)
    return None  # pragma: no cover - the tests found one


def _presence_tests(entries: tuple[str, ...]) -> tuple[Pattern, ...]:
    """Quick tests that all succeed wherever any of ``entries`` occurs: a class of their
    non-letter characters (when every entry has one), then an alternation of the entries."""
    marks = [{c for c in e if not c.isalpha()} for e in entries]
    alternation = re.compile("|".join(map(re.escape, sorted(entries, key=len, reverse=True))))
    if not all(marks):
        return (alternation,)
    return re.compile("[" + "".join(map(re.escape, sorted(set().union(*marks)))) + "]"), alternation
