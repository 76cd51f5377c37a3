"""Unicode NFC plus tone-mark placement per syllable.

``tone="keep"`` only composes (NFC); ``"old"`` and ``"new"`` also move each
syllable's tone mark (see :mod:`tachtu.text.syllable`). Letters are handled in
runs, so ``hoà-bình`` and ``O'Neil`` are fixed piece by piece and anything
that is not a Vietnamese syllable is left alone.

>>> normalize("Hoa\\u0300 bi\\u0300nh")            # decomposed input
'Hoà bình'
>>> normalize("Hòa bình, thủy lợi, HÒA, QUÝ", tone="old")
'Hoà bình, thuỷ lợi, HOÀ, QUÝ'
>>> normalize("hoà thuận, khoẻ mạnh, 1.000 km", tone="new")
'hòa thuận, khỏe mạnh, 1.000 km'
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from tachtu.text.syllable import check_tone, place_tones

_CACHED_LENGTH = 64


_SLICE = 1 << 20


def is_nfc(text: str) -> bool:
    """``unicodedata.is_normalized("NFC", text)`` in bounded memory.

    The C check may build a normalized copy (4 bytes a character) when it meets a
    character that might compose, so long texts are checked in slices cut right
    after a space, which never composes with its neighbours.
    """
    start = 0
    while len(text) - start > _SLICE:
        cut = text.find(" ", start + _SLICE) + 1 or len(text)
        if not unicodedata.is_normalized("NFC", text[start:cut]):
            return False
        start = cut
    return unicodedata.is_normalized("NFC", text[start:])


def normalize(text: str, tone: str = "keep") -> str:
    """NFC-compose ``text`` and, unless ``tone="keep"``, put every tone mark in its place."""
    check_tone(tone)
    if not is_nfc(text):
        text = unicodedata.normalize("NFC", text)
    return place_tones(text, tone)


@lru_cache(maxsize=1 << 16)
def _normalize_short(text: str, tone: str) -> str:
    return normalize(text, tone)


def normalize_token(text: str, tone: str) -> str:
    """:func:`normalize` for one token; short tokens are cached because words repeat."""
    if len(text) <= _CACHED_LENGTH:
        return _normalize_short(text, tone)
    return normalize(text, tone)
