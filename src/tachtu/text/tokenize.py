"""Split text into tokens with offsets into the ORIGINAL string.

One compiled ``regex`` pattern is run with ``finditer`` over the input as it
was given (NFD, invisible characters and all); each token's text is then
:func:`~tachtu.text.normalize.normalize`-d, so for every token
``token.text == normalize(original[token.start:token.end], tone)``.
Whitespace and invisible characters (controls such as NUL, zero-width
space/joiners, BOM, soft hyphen, bidi marks: Unicode ``Cc`` and ``Cf``)
separate tokens and are never part of one, except a zero-width joiner or tag
characters inside an emoji sequence. Every other character lands in exactly
one token.

Token kinds (:data:`KINDS`):

============ =================================================================
``word``     letters, with digits, internal hyphens and apostrophes:
             ``Hà``, ``Wi-Fi``, ``O'Neil``, ``U23``, ``COVID-19``, ``10km``, ``km/h``
``number``   ``1.000.000``, ``3,5``, ``-2``, ``10%``, ``1/2``, ``50-60%``, ``2+1``
``date``     ``29/10/2018``, ``11-12/4``, ``16-02-2006``, ``2018-10-29``,
             ``29/10``, ``10/2018`` (``14-2`` is a ``number``: ranges look alike)
``time``     ``09:22``, ``14:28:27``, ``9h30``, ``9h``, ``GMT+7``, ``UTC-05:00``
``url``      ``https://...``, ``www.x.vn``, ``mod.gov.vn`` (known top-level domains)
``email``    ``ban.doc@vnexpress.net``
``mention``  ``@tachtu``
``hashtag``  ``#HàNội`` (at least one letter; ``#1`` is punct + number)
``abbrev``   ``TP.``, ``GS.``, ``ThS.``, ``St.``, ``Mr.``, ``v.v.``, ``U.S.``,
             ``TP.HCM``, ``Q.1``, initials ``J.``, ``N.T.H.``, ``J.Mithchell``, and
             lower-case consonant initials ``h.``, ``q.`` (not after a number, where
             they are units: ``10 m.``; never ``ạ.``, ``y.``, ``đ.``)
``emoji``    one per emoji, with skin tones, ZWJ sequences, flags, keycaps
``punct``    each mark alone; runs of dots (``...``), of ``…`` and of ``?``/``!``
             (``?!``) are one token
``symbol``   any other visible character: ``©``, ``±``, ``₫``, ``$``, ``+``
============ =================================================================

>>> [(t.text, t.kind) for t in tokenize("Hà Nội, 29/10/2018 lúc 09:22 (GMT+7).")]
[('Hà', 'word'), ('Nội', 'word'), (',', 'punct'), ('29/10/2018', 'date'), ('lúc', 'word'), ('09:22', 'time'), ('(', 'punct'), ('GMT+7', 'time'), (')', 'punct'), ('.', 'punct')]
>>> [(t.text, t.kind) for t in tokenize("GS. TS Robert J.Mithchell ở TP. HCM tặng 1.000.000 đ, 10%...")]
[('GS.', 'abbrev'), ('TS', 'word'), ('Robert', 'word'), ('J.Mithchell', 'abbrev'), ('ở', 'word'), ('TP.', 'abbrev'), ('HCM', 'word'), ('tặng', 'word'), ('1.000.000', 'number'), ('đ', 'word'), (',', 'punct'), ('10%', 'number'), ('...', 'punct')]
>>> [(t.text, t.kind) for t in tokenize("Xem www.mod.gov.vn, hỏi ban@qk7.vn @tachtu #HàNội 👍🏽🇻🇳 © 2018")]
[('Xem', 'word'), ('www.mod.gov.vn', 'url'), (',', 'punct'), ('hỏi', 'word'), ('ban@qk7.vn', 'email'), ('@tachtu', 'mention'), ('#HàNội', 'hashtag'), ('👍🏽', 'emoji'), ('🇻🇳', 'emoji'), ('©', 'symbol'), ('2018', 'number')]

Offsets point into the original, even when it is decomposed or holds
invisible characters; the text is composed and, with ``tone``, re-marked:

>>> s = "Thu\\u0309y\\u200b hoa\\u0300"
>>> [(t.text, t.start, t.end) for t in tokenize(s, tone="new")]
[('Thủy', 0, 5), ('hòa', 7, 11)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import regex

from tachtu.text.normalize import is_nfc, normalize_token
from tachtu.text.syllable import SENTENCE_ENDS, TONES, check_tone
from tachtu.types import Token, TokenColumns

KINDS = ("word", "number", "date", "time", "url", "email", "mention", "hashtag",
         "abbrev", "emoji", "punct", "symbol")

# Abbreviations written with a final period (case-sensitive). Single capitals
# ("J.", "Q.") are initials and need no entry; dotted forms ("TP.HCM",
# "v.v.", "U.S.") are recognised by shape.
ABBREVIATIONS = (
    "TP Tp tp TX Tx TT GS Gs PGS PGs Pgs TS Ts ThS Ths TSKH BS Bs BSCK ThBS KS Ks KTS Kts "
    "NXB Nxb NSƯT NSND Th Ng ĐH CN BT TBT "
    "St Mr Mrs Ms Dr Jr Sr Prof Co Ltd Inc Corp Mt vs etc tr Tr"
).split()

_TLDS = ("vn com net org edu gov info biz io asia mobi int mil uk us de fr jp cn kr ru au eu "
         "ai app dev xyz online site top news").split()

_SEP = r"\s\p{Cc}\p{Cf}"                      # whitespace and invisible characters
_SPACE = r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]"  # whitespace but no line break
_AN = r"[\p{L}\p{M}\p{Nd}]"                   # a letter, mark or digit
_L = r"[\p{L}\p{M}]"
# Complex alternatives only start at a token boundary: not inside a word, and not
# right after "word." / "word-" ..., which keeps finditer linear on "a.a.a.a...". Combining
# marks count as their base character ("⇍" decomposes into "⇐" + U+0338: "⇍3%" must cut
# alike in NFC and NFD; found by benchmarks/fuzz.py).
_B = r"(?<![\p{L}\p{Nd}]\p{M}*)(?<![\p{L}\p{Nd}]\p{M}*[.\-@+_/'’])"
_URL_END = rf"[^{_SEP}<>\"“”.,;:!?)\]}}'’…]"  # a URL does not end in punctuation
_URL_CHAR = rf"[^{_SEP}<>\"“”]"
_LABEL = r"[\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}\-]*"
_TLD = "(?:" + "|".join(_TLDS + [t.upper() for t in _TLDS]) + ")"
_NUM = r"\p{Nd}+(?:[.,]\p{Nd}+)*"
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:[12][0-9]{3})"
_END_DIGIT = r"(?![\p{Nd}]|[./\-]\p{Nd})"
_CAP = r"\p{Lu}\p{M}*"
# the first piece of a dotted abbreviation: an initial, capitals, or a known prefix
_FIRST = rf"(?:(?:{_CAP}){{1,6}}|Th|Ng|Tp|Tr|Ph|Kh|Ch|Nh|Gi|Gs|Ts|Bs|Ks|Pgs|PGs|Ths|Kts|Man|Mr|Mrs|Ms|Dr|St|\p{{Ll}}\p{{M}}*)"
_EMOJI_ONE = r"(?:\p{ExtPict}[\uFE0F\p{EMod}]+|\p{Emoji_Presentation}\p{EMod}?\uFE0F?)"
# ASCII emoticons of Vietnamese chat: "^^", ":))" and "=))" (even glued to a word: "quá:))"),
# and, at a token boundary, ":)", ":(", ":-)", ":'(", ":D", ":P", ":v", ";)", "<3", "</3".
_EMOTICON = (rf"\^\^++|[:=](?:\){{2,}}+|\({{2,}}+)(?!{_AN})"
             rf"|{_B}(?:[:;=][\-']?(?:(?:\)++|\(++)(?!{_AN})|[DPpvOo3](?!{_AN}))|</?3(?!\p{{Nd}}))")
# Prices: "100k", "50K", "14.4k", "2,5tr" (k: thousand, tr: million dong).
_PRICE = rf"(?=\p{{Nd}}){_B}\p{{Nd}}++(?:[.,]\p{{Nd}}++)*+(?:k|K|tr|Tr|TR)(?!{_AN})"

_ALTERNATIVES = (
    # fast path: a plain word followed by a space or a simple mark
    ("word", rf"{_L}++(?=[{_SEP},;!?()\[\]{{}}\"“”…]|:(?!//)|\Z)"),
    ("emoji", _EMOTICON),
    # marks that never start a longer token
    ("punct", r"[,;:()\[\]{}\"“”«»]\p{M}*+|[?!]++|…++"),
    ("emoji", rf"(?=[\p{{ExtPict}}\p{{Emoji_Presentation}}0-9#*])"
              rf"(?:\p{{RI}}\p{{RI}}|[0-9#*]\uFE0F?\u20E3"
              rf"|{_EMOJI_ONE}[\U000E0020-\U000E007F]*(?:\u200D(?:{_EMOJI_ONE}|\p{{ExtPict}}))*)"),
    ("url", rf"(?=[\p{{L}}\p{{Nd}}]){_B}"
            rf"(?:(?:https?|ftp)://{_URL_CHAR}*{_URL_END}|www\d{{0,3}}\.{_URL_CHAR}*{_URL_END}"
            rf"|(?>{_LABEL}(?:\.{_LABEL})+)(?<=\.{_TLD})(?::[0-9]+)?(?:[/?#]{_URL_CHAR}*{_URL_END})?)"),
    ("email", rf"(?=[\p{{L}}\p{{Nd}}_%+\-]){_B}[\p{{L}}\p{{M}}\p{{Nd}}_%+.\-]++@(?>{_LABEL}(?:\.{_LABEL})+)"),
    ("mention", rf"(?=@){_B}@(?>[\p{{L}}\p{{M}}\p{{Nd}}_]++(?:\.[\p{{L}}\p{{M}}\p{{Nd}}_]++)*+)"),
    ("hashtag", rf"(?=#){_B}#(?=[\p{{M}}\p{{Nd}}_]*+\p{{L}})[\p{{L}}\p{{M}}\p{{Nd}}_]++"),
    ("time", rf"(?=[0-9GU]){_B}(?:(?:[01]?[0-9]|2[0-4])(?::[0-5][0-9]){{1,2}}(?!\p{{Nd}}|:\p{{Nd}})"
             rf"|(?:[01]?[0-9]|2[0-4])[hg](?:[0-5][0-9])?(?!{_AN})"
             rf"|(?:GMT|UTC)[+\-−±][0-9]{{1,2}}(?::?[0-5][0-9])?(?!\p{{Nd}}))"),
    ("date", rf"(?=[0-9]){_B}(?:{_YEAR}-{_MONTH}-{_DAY}{_END_DIGIT}"
             rf"|{_DAY}/{_MONTH}/(?:{_YEAR}|[0-9]{{2}}){_END_DIGIT}"
             rf"|{_DAY}-{_MONTH}-(?:{_YEAR}|[0-9]{{2}}){_END_DIGIT}"
             rf"|{_DAY}\.{_MONTH}\.{_YEAR}{_END_DIGIT}"
             rf"|(?:{_DAY}[-–])?{_DAY}/{_MONTH}{_END_DIGIT}"
             rf"|{_MONTH}[/\-]{_YEAR}{_END_DIGIT})"),
    ("number", _PRICE),
    # a number with separators may be followed by letters ("1.000km" -> "1.000" "km");
    # plain digits followed by letters are a word ("10km", "4G", "1A")
    ("number", rf"(?=[+\-−\p{{Nd}}]){_B}"
               rf"(?:(?>[+\-−]?\p{{Nd}}+(?:[.,]\p{{Nd}}+)+%?(?:[\-–/+]{_NUM}%?)*)"
               rf"|(?>[+\-−]?\p{{Nd}}+%?(?:[\-–/+]{_NUM}%?)*)(?!{_L}|[\-‐]{_L}))"),
    ("abbrev", rf"(?=\p{{L}}){_B}"
               rf"(?:(?>{_FIRST}\.)(?>{_AN}++(?:\.{_AN}++)*+)(?:(?<=\.{_L}\p{{M}}*)\.++)?"
               rf"|(?:{'|'.join(sorted(ABBREVIATIONS, key=len, reverse=True))})\.(?!{_AN})"
               rf"|(?:{_CAP}|(?<!\p{{Nd}}{_SPACE}?)[b-df-hj-np-tv-xz])\.(?![.\p{{L}}\p{{Nd}}]))"),
    ("word", rf"(?=[\p{{L}}\p{{M}}\p{{Nd}}])"
             rf"(?:{_B}(?:km|m|cm)/(?:h|s)(?!{_AN})"
             rf"|(?=(?>\p{{Nd}}*+(?:[\-‐]\p{{Nd}}++)*+)[\-‐]?{_L}){_AN}++(?:[\-‐'’]{_AN}++)*+)"),
    ("number", r"\p{Nd}++"),  # digits inside a word-glued run: "A76/36"
    ("punct", r"(?=\p{P})(?:\.{2,}+|\p{P}\p{M}*+)"),
    ("symbol", rf"[^{_SEP}]\p{{M}}*+"),
)

# Each match first swallows the separators before the token, so no search starts
# on a space; the token is the one numbered group that matched.
TOKEN_PATTERN = regex.compile(rf"[{_SEP}]*+(?:" + "|".join(
    f"({pattern})" for _, pattern in _ALTERNATIVES) + ")")
_KIND_OF_GROUP = (None, *(kind for kind, _ in _ALTERNATIVES))
_ABBREVIATION_SET = frozenset(ABBREVIATIONS)
_LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")  # re: twice as fast as regex here
_FRACTION = regex.compile(r"\d/\d")
_new_token = tuple.__new__


class LineStart(Token):
    """A :class:`~tachtu.types.Token` that is the first one after a line break.

    It compares, hashes and prints exactly like a plain ``Token``; only the
    sentence splitter looks at the difference (a line break ends a sentence).
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return Token.__repr__(self).replace(type(self).__name__, "Token", 1)


def starts_line(token: Token) -> bool:
    """True if ``token`` came right after a line break in the text it was cut from."""
    return isinstance(token, LineStart)


def scan(text: str, tone: str = "keep", chunk: int = 1 << 20) -> Iterator[TokenColumns]:
    """The tokens of ``text`` as :class:`~tachtu.types.TokenColumns`, about ``chunk``
    characters of text at a time, so memory stays bounded on huge single lines.

    Tokens never span whitespace, so the text is cut at whitespace first (``str.split``,
    C speed). A piece made only of letters (most pieces) is one ``word`` token, exactly
    what :data:`TOKEN_PATTERN`'s first alternative would make of it; the tokens of any
    other piece come from the full pattern, and are remembered (:func:`_piece_tokens`).

    >>> [(run.texts, run.kinds, run.stops, run.line_starts) for run in scan("Hà Nội,\\nTP. HCM.")]
    [(['Hà', 'Nội', ',', 'TP.', 'HCM', '.'], ['word', 'word', 'punct', 'abbrev', 'word', 'punct'], [3, 5], [3])]
    """
    check_tone(tone)
    plain = tone == "keep" and is_nfc(text)
    find, line_start, cached = text.find, False, _PIECES[tone].get
    for a, b in _chunks(text, chunk):
        run = TokenColumns()
        texts, starts, ends, kinds, stops = run.texts, run.starts, run.ends, run.kinds, run.stops
        end = a
        for piece in text[a:b].split():
            start = find(piece, end)
            end = start + len(piece)
            if piece.isalpha():
                texts.append(piece if plain else normalize_token(piece, tone))
                starts.append(start)
                ends.append(end)
                kinds.append("word")
                continue
            for token_text, first, stop, kind, may_stop in cached(piece) or _piece_tokens(text, start, end, tone):
                if may_stop:
                    stops.append(len(texts))
                texts.append(token_text)
                starts.append(start + first)
                ends.append(start + stop)
                kinds.append(kind)
        line_start = _mark_line_starts(text, a, b, run, line_start)
        yield run


_PieceToken = tuple[str, int, int, str, bool]
_PIECES: dict[str, dict[str, tuple[_PieceToken, ...]]] = {tone: {} for tone in TONES}  # by tone, then piece
_PIECES_LIMIT = 100_000
_PIECE_CACHED_CHARS = 64  # longer pieces are rare, and one of 1 MB would hold its tokens in memory
# Only this shape of piece ("m.") looks back past its own start, at a number before it.
_LOOKS_BACK = regex.compile(r"[b-df-hj-np-tv-xz]\.")


def _piece_tokens(text: str, start: int, end: int, tone: str) -> tuple[_PieceToken, ...]:
    """The tokens (normalized text, start and end relative to the piece, kind, whether it
    may end a sentence) of the whitespace-free piece ``text[start:end]``.

    A piece's tokens depend on the piece alone (its neighbours are whitespace), except for
    the lower-case initial ``m.`` after a number, so they are cached by piece text (the
    caller looks there first). The common "Nội," / "Nội)." / "(1990)" are cut by hand,
    exactly as the full pattern would.
    """
    piece = text[start:end]
    plain = tone == "keep" and is_nfc(piece)
    affixed = _AFFIXED.fullmatch(piece)
    kind = affixed and _affixed_kind(affixed)
    if kind:  # never looks back
        head, core, tail = affixed.groups()
        stop = len(head) + len(core)
        tokens = ((core if plain else normalize_token(core, tone), len(head), stop, kind, False),)
        if head:
            tokens = (*_marks(head, 0), *tokens)
        if tail:
            tokens = (*tokens, *_marks(tail, stop))
    else:
        tokens = tuple(_matched_tokens(text, start, end, plain, tone))
        if _LOOKS_BACK.match(piece):
            return tokens
    if len(piece) <= _PIECE_CACHED_CHARS:
        cache = _PIECES[tone]
        if len(cache) >= _PIECES_LIMIT:
            cache.clear()
        cache[piece] = tokens
    return tokens


# A word or a number between single marks: '"Nội",' '(Hà' 'Nội).' 'nhạc:' '(1990),' -- most
# pieces that are not plain words. Only marks that are always one token each, so the full
# pattern's cut is known. (``re``, twice as fast as ``regex`` here: ``[^\W\d_]`` is a letter
# or a numeric character that is no digit, which :func:`_affixed_kind` turns away.)
_AFFIXED = re.compile(r'([“”"(\[{,]*)([^\W\d_]+|\d+)([“”"()\[\]{},]*(?:\.[“”")\]},]*)?[:;!?…]?)')


def _affixed_kind(affixed: re.Match) -> str | None:
    """The kind of the word or number of ``affixed`` if the full pattern cuts it into its
    marks and that token, one token each, else None: a period right after a word makes no
    abbreviation ("TP.", "J."), and a word is plain letters (``str.isalpha``: no combining
    mark, which would join an initial)."""
    head, core, tail = affixed.groups()
    if core.isdecimal():
        return "number"
    if not (head or tail) or not core.isalpha():
        return None
    return "word" if not tail.startswith(".") or len(core) > 1 and core not in _ABBREVIATION_SET else None


def _marks(marks: str, at: int) -> list[_PieceToken]:
    """Each of ``marks``, found at ``at`` in its piece, as one punctuation token."""
    return [(mark, i, i + 1, "punct", mark in SENTENCE_ENDS) for i, mark in enumerate(marks, at)]


def _matched_tokens(text: str, start: int, end: int, plain: bool, tone: str) -> Iterator[_PieceToken]:
    """:func:`_piece_tokens` by the full pattern."""
    for match in TOKEN_PATTERN.finditer(text, start, end):
        group = match.lastindex
        if group is None:
            continue  # invisible characters at the end of the piece
        kind = _KIND_OF_GROUP[group]
        token_text = match[group] if plain else normalize_token(match[group], tone)
        if kind == "date" and len(token_text) == 3 and _FRACTION.fullmatch(token_text):
            kind = "number"  # "1/2" is more often a fraction than a date
        yield (token_text, match.start(group) - start, match.end(group) - start, kind,
               may_end_sentence(token_text, kind))


def may_end_sentence(text: str, kind: str) -> bool:
    """Whether a token may end a sentence: an abbreviation, or ``.``, ``!``, ``?``, ``…``
    and runs of them (the sentence splitter decides)."""
    return kind == "abbrev" or is_terminal(text, kind)


def is_terminal(text: str, kind: str) -> bool:
    """Whether a token is sentence-final punctuation: ``.``, ``!``, ``?``, ``…`` and runs of them."""
    return kind == "punct" and not text.strip(SENTENCE_ENDS)  # every character one of them


def _mark_line_starts(text: str, a: int, b: int, run: TokenColumns, pending: bool) -> bool:
    """Fill ``run.line_starts`` from the line breaks in ``text[a:b]``; ``pending``: a break
    ended the previous chunk after its last token. Returns the same for this chunk."""
    firsts = run.line_starts
    if pending and run.texts:
        firsts.append(0)
        pending = False
    for match in _LINE_BREAK.finditer(text, a, b):
        i = bisect.bisect_left(run.starts, match.start())
        if i == len(run.texts):
            return True
        if not firsts or firsts[-1] != i:
            firsts.append(i)
    return pending


def iter_tokens(text: str, tone: str = "keep") -> Iterator[Token]:
    """Yield the tokens of ``text`` lazily; memory stays bounded on huge single lines."""
    for run in scan(text, tone):
        firsts = set(run.line_starts)
        for i, token in enumerate(zip(run.texts, run.starts, run.ends, run.kinds)):
            yield _new_token(LineStart if i in firsts else Token, token)


def _chunks(text: str, size: int) -> Iterator[tuple[int, int]]:
    """Consecutive ``(start, stop)`` ranges of about ``size`` characters covering ``text``,
    each cut at whitespace (never inside a piece)."""
    start = 0
    while start < len(text):
        stop = min(start + size, len(text))
        while stop < len(text) and not text[stop].isspace():
            stop += 1
        yield start, stop
        start = stop


def tokenize(text: str, tone: str = "keep") -> list[Token]:
    """All tokens of ``text`` (see the module docstring for kinds and offsets)."""
    return list(iter_tokens(text, tone))
