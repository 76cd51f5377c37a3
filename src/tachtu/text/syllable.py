"""Vietnamese orthography, in one place: the syllable grammar, tone-mark placement, the
tone options and the marks that end a sentence.

A syllable is initial consonant + vowel nucleus + final consonant with at most one
tone mark (:func:`is_syllable`; :func:`syllable_shares` measures it over a text for the
language filter). The tone mark belongs on one vowel of the nucleus. Two spelling conventions differ only
for the open nuclei ``oa``, ``oe`` and ``uy``:

* ``old`` puts the mark on the second vowel: ``hoà``, ``khoẻ``, ``thuỷ``
  (VnCoreNLP / PhoBERT / the VLSP data);
* ``new`` puts it on the first: ``hòa``, ``khỏe``, ``thủy``.

Every other syllable has one correct place in both conventions, so a misplaced
mark is moved there (``gịa`` -> ``giạ``, ``qúy`` -> ``quý``, ``hòan`` ->
``hoàn``). ``qu`` and ``gi`` before a vowel are initial consonants, which is
why ``quý`` and ``già`` are never touched. Anything that does not parse as a
Vietnamese syllable (foreign words, two tone marks, ...) is returned unchanged.

>>> [place_tone(s, "old") for s in ("hòa", "thủy", "HÒA", "Khỏe", "hoàn", "quý", "gìa", "thuở")]
['hoà', 'thuỷ', 'HOÀ', 'Khoẻ', 'hoàn', 'quý', 'già', 'thuở']
>>> [place_tone(s, "new") for s in ("hoà", "thuỷ", "toà", "loài", "khuya", "giường", "quốc")]
['hòa', 'thủy', 'tòa', 'loài', 'khuya', 'giường', 'quốc']
>>> place_tone("cafè", "new")
'cafè'
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Literal

import regex

Tone = Literal["keep", "old", "new"]
#: the tone options: keep the marks as written, or place them old-style or new-style
TONES: tuple[Tone, ...] = ("keep", "old", "new")
#: punctuation that ends a sentence
SENTENCE_ENDS = ".!?…"
#: how a line that ends a sentence ends: a sentence end, or one inside a closing quote
SENTENCE_FINALS = (*SENTENCE_ENDS, *(end + quote for end in ".!?" for quote in '"”'))

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED_VOWELS = frozenset("ăâêôơư")
_LETTERS = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")
_INITIALS = frozenset("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split())
_FINALS = frozenset(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"])
_NUCLEI = frozenset(
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu".split())
_STYLE_DEPENDENT = frozenset(["oa", "oe", "uy"])
_MAX_SYLLABLE = 8  # "nghiêng" has 7 letters
_LETTER_RUN = regex.compile(r"\p{L}+")
_MARKED_RUN = regex.compile(r"[\p{L}\p{M}]+")  # a letter run with its combining marks
_ETH_AS_D = str.maketrans("ðÐ", "đĐ")
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz")


def check_tone(tone: str) -> str:
    """Return ``tone`` if it is a known option, else raise ``ValueError`` naming the options."""
    if tone not in TONES:
        raise ValueError(f"tone must be one of {TONES}, not {tone!r}")
    return tone


def _split(lower: str) -> tuple[str, str, str] | None:
    """Initial, nucleus, final of a lower-case toneless syllable, or None if it is not Vietnamese."""
    initial = ""
    for size in (3, 2, 1):
        head = lower[:size]
        if head in _INITIALS and len(lower) > size:
            if head in ("qu", "gi") and lower[size] not in _VOWELS:
                continue  # "gìn": g + i + n
            initial = head
            break
    rest = lower[len(initial):]
    n = 0
    while n < len(rest) and rest[n] in _VOWELS:
        n += 1
    nucleus, final = rest[:n], rest[n:]
    if nucleus in _NUCLEI and final in _FINALS:
        return initial, nucleus, final
    return None


def _tone_index(nucleus: str, final: str, tone: str) -> int:
    """Index in ``nucleus`` of the vowel that carries the tone mark."""
    marked = [i for i, ch in enumerate(nucleus) if ch in _MARKED_VOWELS]
    if marked:
        return marked[-1]  # ươ -> ơ, uô -> ô, iê -> ê
    if final or len(nucleus) == 1:
        return len(nucleus) - 1
    if len(nucleus) == 3:
        return 1  # oai, uya, uyu, oay, oeo
    if nucleus in _STYLE_DEPENDENT:
        return 1 if tone == "old" else 0
    return 0  # ai, ao, au, ia, ua, ui, ...


def _parse(word: str) -> tuple[str, str, tuple[str, str, str]] | None:
    """(the word without its tone mark, the mark or "", (initial, nucleus, final)) if ``word``
    spells one Vietnamese syllable with at most one tone mark, on a vowel; else None."""
    if len(word) > _MAX_SYLLABLE:
        return None
    decomposed = unicodedata.normalize("NFD", word)
    marks = [i for i, ch in enumerate(decomposed) if ch in _TONE_MARKS]
    if len(marks) > 1 or (marks and not _after_vowel(decomposed, marks[0])):
        return None
    mark = decomposed[marks[0]] if marks else ""
    base = unicodedata.normalize("NFC", decomposed.replace(mark, "") if mark else word)
    lower = base.lower()
    if not set(lower) <= _LETTERS or len(lower) != len(base):
        return None
    parts = _split(lower)
    return None if parts is None else (base, mark, parts)


def _after_vowel(decomposed: str, at: int) -> bool:
    """Whether the combining mark at ``at`` sits on a vowel (``ṣa`` is no syllable)."""
    while at > 0 and unicodedata.combining(decomposed[at - 1]):
        at -= 1
    return at > 0 and decomposed[at - 1].lower() in "aeiouy"


@lru_cache(maxsize=1 << 16)
def place_tone(syllable: str, tone: str) -> str:
    """Put the tone mark of an NFC ``syllable`` (letters only) where ``tone`` wants it."""
    parsed = None if tone == "keep" else _parse(syllable)
    if parsed is None or not parsed[1]:
        return syllable
    base, mark, (initial, nucleus, final) = parsed
    pos = len(initial) + _tone_index(nucleus, final, tone)
    return base[:pos] + unicodedata.normalize("NFC", base[pos] + mark) + base[pos + 1:]


def place_tones(text: str, tone: str) -> str:
    """Every letter run of the NFC ``text`` with its tone mark placed ``tone``-style (:func:`place_tone`)."""
    return text if tone == "keep" else _MARKED_RUN.sub(lambda m: place_tone(m.group(), tone), text)


def syllable_key(text: str, tone: Tone = "old") -> str:
    """The form in which the spellings of one syllable (or word) are equal: NFC, lower case,
    Icelandic ``ð`` typed for ``đ`` (seen in Vietnamese Wikipedia), tone marks placed
    ``tone``-style. The segmenter's vocabulary is keyed old-style (VnCoreNLP's and PhoBERT's
    convention), dedup new-style.

    >>> syllable_key("HÒA"), syllable_key("hoà"), syllable_key("Thủy"), syllable_key("Ðà"), syllable_key("Hoà", "new")
    ('hoà', 'hoà', 'thuỷ', 'đà', 'hòa')
    """
    if text.isascii():
        return text.lower()  # no mark to place or compose: most words not in the vocabulary
    key = unicodedata.normalize("NFC", text.lower().translate(_ETH_AS_D))
    return place_tone(key, tone) if key.isalpha() else place_tones(key, tone)  # one letter run: no regex


@lru_cache(maxsize=1 << 16)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (letters only) spells one Vietnamese syllable: initial, nucleus, final,
    at most one tone mark, case and tone placement ignored (the language filter; recognising
    text decoded with the right legacy encoding).

    >>> [is_syllable(w) for w in ("Việt", "trường", "thuỷ", "khuya", "ngoáo", "the")]
    [True, True, True, True, True, True]
    >>> [is_syllable(w) for w in ("xyz", "Vieät", "ViÖt", "Straße", "ṣa", "hóà")]
    [False, False, False, False, False, False]
    """
    return _parse(word) is not None


_SYLLABLE, _MARKED = 2, 1


@lru_cache(maxsize=1 << 18)
def _kind(token: str) -> int:
    """:data:`_SYLLABLE` if a Vietnamese syllable, plus :data:`_MARKED` if it carries a diacritic."""
    return _SYLLABLE * is_syllable(token) + _MARKED * (not _PLAIN.issuperset(token.lower()))


#: bits per count in :func:`_packed_counts` (a text has fewer than 2**32 letter runs)
_FIELD = 32
_FIELD_MASK = (1 << _FIELD) - 1
_ONE_RUN = tuple(1 | (kind >= _SYLLABLE) << _FIELD | (kind & _MARKED) << 2 * _FIELD for kind in range(4))


@lru_cache(maxsize=1 << 18)
def _packed_counts(word: str) -> int:
    """The four counts of :func:`letter_counts` for one word, packed into one int so that a
    text's counts are one C-level ``sum`` over its words."""
    if word.isalpha():  # one letter run, the common case
        return _ONE_RUN[_kind(word)]
    kinds = [_kind(run) for run in _LETTER_RUN.findall(word)]
    syllables, marked = sum(kind >= _SYLLABLE for kind in kinds), sum(kind & _MARKED for kind in kinds)
    return len(kinds) | syllables << _FIELD | marked << 2 * _FIELD | (not kinds) << 3 * _FIELD


def letter_counts(words: list[str]) -> tuple[int, int, int, int]:
    """(letter runs, runs that are Vietnamese syllables, runs carrying a diacritic, words without
    a letter) of whitespace-separated ``words``. Counted per word through a cache: a corpus
    repeats its words, and a regex over every document was the quality filter's main cost.

    >>> letter_counts("Hà Nội-Việt Nam , 2024 xyz".split())
    (5, 4, 3, 2)
    """
    total = sum(map(_packed_counts, words))
    return tuple((total >> (_FIELD * i)) & _FIELD_MASK for i in range(4))


def syllable_shares(text: str) -> tuple[float, float, int]:
    """(share of letter runs that are Vietnamese syllables, share carrying a diacritic, count).

    >>> syllable_shares("Hà Nội là thủ đô của Việt Nam.")
    (1.0, 0.875, 8)
    >>> syllable_shares("The quick brown fox jumps over the lazy dog")[0] < 0.5
    True
    """
    runs, syllables, marked, _ = letter_counts(text.split())
    return (syllables / runs, marked / runs, runs) if runs else (0.0, 0.0, 0)
