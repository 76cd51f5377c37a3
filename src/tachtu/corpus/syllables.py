"""Is a token a well-formed Vietnamese syllable? Used by the language filter.

A syllable is (initial consonant) + (vowel group) + (final consonant) with at most
one tone mark. The check works on letters only and ignores case and tone placement.

>>> [is_syllable(w) for w in ["Nguyễn", "thuỷ", "khuya", "đường", "the", "and", "Straße", "mạ"]]
[True, True, True, True, True, False, False, True]
>>> syllable_shares("Hà Nội là thủ đô của Việt Nam.")
(1.0, 0.875, 8)
>>> syllable_shares("The quick brown fox jumps over the lazy dog")[0] < 0.5
True
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_VOWELS = "aăâeêioôơuưy"
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_VOWEL_GROUPS = (
    "iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_FINALS = "ch|ng|nh|c|m|n|p|t"
_SYLLABLE = regex.compile(rf"(?:{_INITIALS})?(?:{'|'.join(_VOWEL_GROUPS)})(?:{_FINALS})?")
_LETTER_RUN = regex.compile(r"\p{L}+")


def _tone_table() -> dict[int, str]:
    """Map every toned vowel (lower and upper case) to the same vowel without its tone."""
    table = {}
    for base in _VOWELS + _VOWELS.upper():
        for tone in _TONES:
            table[ord(unicodedata.normalize("NFC", base + tone))] = base
    return table


_UNTONE = _tone_table()
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=1 << 16)
def is_syllable(token: str) -> bool:
    """True if ``token`` (letters only, NFC) is a possible Vietnamese syllable."""
    low = token.lower()
    bare = low.translate(_UNTONE)
    if len(low) - sum(c in _PLAIN or c in "đăâêôơư" for c in low) > 1:
        return False  # two tone marks, or letters Vietnamese does not use
    return _SYLLABLE.fullmatch(bare) is not None


@lru_cache(maxsize=1 << 16)
def _kind(token: str) -> tuple[int, int]:
    """(is a syllable, carries a diacritic) as 0/1."""
    return int(is_syllable(token)), int(not _PLAIN.issuperset(token.lower()))


def syllable_shares(text: str) -> tuple[float, float, int]:
    """(share of letter runs that are Vietnamese syllables, share carrying a diacritic, count)."""
    runs = _LETTER_RUN.findall(text)
    if not runs:
        return 0.0, 0.0, 0
    kinds = list(map(_kind, runs))
    return sum(k[0] for k in kinds) / len(runs), sum(k[1] for k in kinds) / len(runs), len(runs)
