"""Java's character tests, as VnCoreNLP applies them, on Python strings (SPEC section 1).

Java looks at UTF-16 code units: a character above U+FFFF is two surrogates, and a
surrogate is neither letter, digit, upper nor lower case. So every test below fails for
such a character. *Letter* is ``str.isalpha`` (L* categories), *digit* is ``str.isdecimal``
(Nd only), upper/lower case are ``str.isupper``/``str.islower`` on one character.

>>> starts_lower("ông"), starts_upper("Ông"), starts_digit("²"), is_letters("Hà"), is_letters("𝐀")
(True, True, False, True, False)
>>> is_all_upper("VIỆT"), is_all_upper("VIệT"), is_all_upper("中文")
(True, False, False)
>>> trim_span("\\x00 a b\\t", 0, 6)
(2, 5)
"""

from __future__ import annotations

import regex

#: Runs of characters other than the six ASCII whitespace characters that separate raw tokens
#: (Java ``\\s``; nothing else does): the pieces of a whitespace split.
PIECE_RE = regex.compile(r"[^ \t\n\x0b\x0c\r]+")

#: A whole string of BMP letters and Nd digits (Java ``Character.isLetterOrDigit`` per unit).
LETTERS_OR_DIGITS_RE = regex.compile(r"[[\p{L}\p{Nd}]--[\U00010000-\U0010FFFF]]+", regex.V1)

#: One BMP character with the Unicode property Alphabetic (Java ``Character.isAlphabetic``).
ALPHABETIC_RE = regex.compile(r"[[\p{Alphabetic}]--[\U00010000-\U0010FFFF]]", regex.V1)


def trim_span(s: str, start: int, end: int) -> tuple[int, int]:
    """Java ``trim`` of ``s[start:end]``: drop edge characters with code <= U+0020."""
    while start < end and s[start] <= " ":
        start += 1
    while end > start and s[end - 1] <= " ":
        end -= 1
    return start, end


def is_letters(t: str) -> bool:
    """Every UTF-16 unit of ``t`` is a letter (a *word token* of SPEC section 5)."""
    return t.isalpha() and (t.isascii() or max(t) <= "\uffff")


def is_all_upper(t: str) -> bool:
    """Every UTF-16 unit of ``t`` is upper case (an ALL-CAPS token)."""
    return t.isupper() and all(c.isupper() and c <= "\uffff" for c in t)


def starts_lower(t: str) -> bool:
    """The first UTF-16 unit of ``t`` is lower case."""
    return t[0].islower() and t[0] <= "\uffff"


def starts_upper(t: str) -> bool:
    """The first UTF-16 unit of ``t`` is upper case."""
    return t[0].isupper() and t[0] <= "\uffff"


def starts_digit(t: str) -> bool:
    """The first UTF-16 unit of ``t`` is a decimal digit (Nd)."""
    return t[0].isdecimal() and t[0] <= "\uffff"
