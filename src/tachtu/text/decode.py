"""Bytes to text: the one stage every reader of user bytes goes through (``segment``, ``clean``,
the service, user dictionaries, corpus readers), so bad bytes are treated the same everywhere.

* A byte-order mark says the encoding: UTF-8 (dropped), UTF-16 or UTF-32 (decoded as such).
* A ``charset`` hint (HTTP header, WARC record, :func:`declared_charset` of an HTML page) is
  tried next and ignored if the bytes do not decode by it; a declared Latin-1 or windows-1252 on
  bytes that are valid UTF-8 (a common mislabelling) reads as UTF-8.
* Otherwise the bytes must be UTF-8, unless ``encoding`` names another: any Python codec
  (``cp1258``, ``utf-16``), or one of the legacy Vietnamese encodings Python lacks,
  ``vni`` and ``tcvn3`` (:data:`LEGACY`). Legacy text is returned composed (NFC).
* Bytes that are not UTF-8 and look like a legacy Vietnamese encoding are an error that names
  it and the option that reads it, even with ``errors="replace"``: replacing a whole file by
  U+FFFD would lose it. Otherwise ``strict`` stops at the first bad byte (file, line, column,
  byte offset) and ``replace`` puts U+FFFD in its place.

>>> decode(b"H\\xc3\\xa0 N\\xe1\\xbb\\x99i")
'Hà Nội'
>>> decode(b"ab\\n\\xffcd", source="x.txt")
Traceback (most recent call last):
...
tachtu.errors.InputError: x.txt: byte 3: invalid UTF-8 (byte 0xff) at line 2, column 1 (use --errors replace, or errors='replace', to replace it)
>>> decode(b"ab\\xffcd", errors="replace")
'ab\\ufffdcd'
>>> decode(b"Tr\\xfd\\xf5\\xccng \\xd0a\\xf2i ho\\xf2c Ha\\xcc N\\xf4\\xf2i")  # windows-1258
Traceback (most recent call last):
...
tachtu.errors.EncodingError: byte 2: not UTF-8 at line 1, column 3: this looks like windows-1258 (legacy Vietnamese); read it with --encoding cp1258 (encoding='cp1258')
>>> decode("Hà Đông".encode("cp1258"), charset="windows-1258")
'Hà Đông'
>>> is_binary(bytes(range(256)))
True
>>> decode("Tr\\xadêng \\xa7\\xb9i häc Hµ Néi".encode("latin-1"), encoding="tcvn3")
'Trường Đại học Hà Nội'
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO

import regex

from tachtu.errors import EncodingError, InputError
from tachtu.text.syllable import is_syllable

ERRORS = ("strict", "replace")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# VNI: ASCII letters followed by bytes for the marks (Latin-1 positions; capitals 0x20 lower).
_VNI_MARKS = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
              "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309",
              "ã": "\u0302\u0303", "ä": "\u0302\u0323", "ê": "\u0306", "é": "\u0306\u0301",
              "è": "\u0306\u0300", "ú": "\u0306\u0309", "ü": "\u0306\u0303", "ë": "\u0306\u0323"}
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
# TCVN3 (ABC): one byte per letter with its marks; VN3 has no toned capitals.
_TCVN3 = dict(zip(
    bytes(range(0xA1, 0xA8)) + bytes([0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE])
    + bytes(range(0xB5, 0xBA)) + bytes(range(0xBB, 0xBE + 1)) + bytes(range(0xC6, 0xCC))
    + bytes([0xCC, 0xCE, 0xCF, 0xD0, 0xD1]) + bytes(range(0xD2, 0xD9)) + bytes([0xDC, 0xDD, 0xDE, 0xDF])
    + bytes(range(0xE1, 0xEF + 1)) + bytes(range(0xF1, 0xFF)),
    "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"))
_TCVN3_TABLE = "".join(_TCVN3.get(b, chr(b)) for b in range(256))


def _vni(char: str) -> str:
    low = char.lower()
    if low in _VNI_LETTERS:
        return _VNI_LETTERS[low] if char == low else _VNI_LETTERS[low].upper()
    return _VNI_MARKS.get(low, char)


_VNI_TABLE = {b: _vni(chr(b)) for b in range(256)}  # a mark byte may stand for two marks


def _charmap(table):
    def decode_legacy(data: bytes, errors: str = "strict") -> str:
        return unicodedata.normalize("NFC", codecs.charmap_decode(data, errors, table)[0])
    return decode_legacy


def _cp1258(data: bytes, errors: str = "strict") -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors))


#: Legacy Vietnamese encodings: option value -> (name, decoder of bytes to NFC text).
LEGACY = {"cp1258": ("windows-1258", _cp1258), "vni": ("VNI", _charmap(_VNI_TABLE)),
          "tcvn3": ("TCVN3 (ABC)", _charmap(_TCVN3_TABLE))}
_HIGH_WORD = regex.compile(rb"[A-Za-z\x80-\xff]*[\x80-\xff][A-Za-z\x80-\xff]*")
_UTF8_SEQUENCE = regex.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_CHARSET = regex.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([\w.:-]+)"
                         rb"|<\?xml[^>]{0,200}encoding\s*=\s*[\"']([\w.:-]+)", regex.I)
#: declared charsets that are often a mislabelling of UTF-8
_LATIN = {"iso8859-1", "cp1252", "ascii"}
_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\v\f\r")
_CONTROL = regex.compile(b"[" + regex.escape(_CONTROLS) + b"]")
_CONTROL_CHAR = regex.compile("[" + regex.escape(_CONTROLS.decode("ascii")) + "]")


def is_binary(data: bytes | str) -> bool:
    """Whether ``data`` is binary rather than text: more than 1 % of its first 64 K bytes (or
    characters, for text already decoded) are control characters other than whitespace (NUL
    among them); a UTF-16 byte-order mark is text. The one test every reader applies (a stray
    NUL or two in text is not binary).

    >>> is_binary("abc\\x00\\x00\\x00def" * 10), is_binary("Hà Nội\\x00")
    (True, False)
    """
    head = data[:65536]
    if isinstance(data, str):
        # counted in the UTF-8 bytes, where a control character is one byte and never part of another
        # character's bytes: bytes.translate is some 15 times faster than str.translate with a table
        raw = head.encode("utf-8", "surrogatepass")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    else:
        raw = head
    return len(raw) - len(raw.translate(None, _CONTROLS)) > max(1, len(head) // 100)


def first_control(data: bytes | str) -> int:
    """Offset (byte, or character for text) of the first control character that
    :func:`is_binary` counts, or -1: where binary data shows, for the position in an error.

    >>> first_control(b"\\x89PNG\\r\\n\\x1a\\n"), first_control(b"Xin ch\\xc3\\xa0o\\n"), first_control("ab\\x00")
    (6, -1, 2)
    """
    found = (_CONTROL_CHAR if isinstance(data, str) else _CONTROL).search(data)
    return found.start() if found else -1


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML page declares in its first 4 KB (``<meta charset>``,
    ``http-equiv``, XML declaration), as a Python codec name when Python knows it.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
    'cp1258'
    """
    found = _CHARSET.search(data[:4096])
    if not found:
        return None
    return _codec_name((found[1] or found[2]).decode("ascii", "replace"))


def _codec_name(name: str) -> str:
    """Python's name of a codec (``windows-1258`` -> ``cp1258``), else the name in lower case."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


def _by_hint(data: bytes, charset: str) -> str | None:
    """``data`` decoded by a declared ``charset``, or None when the hint is UTF-8, unknown,
    wrong for these bytes, or a Latin label on valid UTF-8."""
    codec = _codec_name(charset)
    if codec in ("utf-8", "utf-8-sig"):
        return None
    if codec in _LATIN and not data.isascii():
        try:
            data.decode("utf-8")
            return None
        except UnicodeDecodeError:
            pass
    try:
        return LEGACY[codec][1](data) if codec in LEGACY else data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes, source: str | None = None, errors: str = "strict", offset: int = 0,
           encoding: str | None = None, line: int = 1, charset: str | None = None) -> str:
    """Decode ``data`` (see the module); ``offset`` and ``line`` are where ``data`` starts in
    its source, for the positions in errors; ``charset`` is a declared, possibly wrong, hint."""
    if errors not in ERRORS:
        raise ValueError(f"errors must be one of {ERRORS}, not {errors!r}")
    if encoding is None and offset == 0:
        encoding = next((codec for bom, codec in _BOMS if data.startswith(bom)), None)
    if encoding is None and charset:
        text = _by_hint(data, charset)
        if text is not None:
            return text
    if encoding not in (None, "utf-8", "utf-8-sig"):
        return _decode_as(data, encoding, source, errors, offset)
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        at = f"at {_line_and_column(data, exc.start, line)}"
        legacy = guess_legacy(data)
        if legacy is not None:
            raise EncodingError(f"not UTF-8 {at}: this looks like {LEGACY[legacy][0]} (legacy "
                                f"Vietnamese); read it with --encoding {legacy} (encoding='{legacy}')",
                                legacy, source=source, position=offset + exc.start) from None
        if errors == "replace":
            return data.decode(encoding or "utf-8", "replace")
        raise InputError(f"invalid UTF-8 (byte 0x{data[exc.start]:02x}) {at} (use --errors replace, "
                         "or errors='replace', to replace it)", source=source,
                         position=offset + exc.start) from None


def _decode_as(data: bytes, encoding: str, source: str | None, errors: str, offset: int) -> str:
    try:
        if encoding in LEGACY:
            return LEGACY[encoding][1](data, errors)
        return data.decode(encoding, errors)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=source) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode as {encoding} (byte 0x{data[exc.start]:02x}); "
                         "use --errors replace to replace it", source=source,
                         position=offset + exc.start) from None


def _line_and_column(data: bytes, start: int, line: int) -> str:
    """Where byte ``start`` of ``data`` is, as a reader counts: 1-based line and column
    (characters); ``line`` is the number of the line ``data`` starts on."""
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    line += data.count(b"\n", 0, start)
    return f"line {line}, column {column}"


def guess_legacy(data: bytes) -> str | None:
    """The legacy Vietnamese encoding (a :data:`LEGACY` key) ``data`` is most likely in, or
    None: the one under which most words with non-ASCII bytes read as Vietnamese syllables.

    >>> guess_legacy("Hà Nội mùa thu, trường học".encode("utf-8")) is None
    True
    >>> guess_legacy(b"Tr\\xf6\\xf4\\xf8ng \\xd1a\\xefi ho\\xefc Ha\\xf8 No\\xe4i")
    'vni'
    """
    sample = data[:65536]
    try:
        codecs.utf_8_decode(sample, "strict", False)  # (a character cut at the end is fine)
        return None
    except UnicodeDecodeError:
        pass
    words = _HIGH_WORD.findall(sample)
    if len(words) < 3 or len(_UTF8_SEQUENCE.findall(sample)) * 2 > len(words):
        return None  # too little to judge, or UTF-8 with a few bad bytes
    best, share = None, 0.5
    for key, (_, decode_legacy) in LEGACY.items():
        good = sum(is_syllable(decode_legacy(w, "replace")) for w in words) / len(words)
        if good > share:
            best, share = key, good
    return best


def iter_lines(stream: BinaryIO, source: str, errors: str = "strict",
               encoding: str | None = None) -> Iterator[str]:
    """Yield decoded lines without their line end, streaming; positions are file byte offsets.

    UTF-16/32 (by their byte-order mark) and other ``encoding`` values are read through a
    text wrapper; UTF-8 line by line, so an error names the line and byte where it is.
    """
    if encoding is None:
        if not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)  # e.g. io.BytesIO
        head = stream.peek(4)[:4]
        encoding = next((codec for bom, codec in _BOMS if head.startswith(bom)
                         and codec != "utf-8-sig"), None)
    if encoding in LEGACY:  # one byte per line break, like UTF-8
        yield from (decode(raw, source, errors, encoding=encoding).rstrip("\r\n")
                    for raw in _read(stream, source))
    elif encoding not in (None, "utf-8", "utf-8-sig"):
        yield from _wide_lines(stream, source, encoding, errors)
    else:
        offset = 0
        for number, raw in enumerate(_read(stream, source), 1):
            line = decode(raw, source=source, errors=errors, offset=offset, line=number)
            offset += len(raw)
            yield line.rstrip("\r\n")


def _wide_lines(stream: BinaryIO, source: str, encoding: str, errors: str) -> Iterator[str]:
    """The lines of a stream in UTF-16/32 or another Python codec, through a text wrapper."""
    try:
        text = io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="\n")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=source) from None
    try:
        for line in text:
            yield line.rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode as {encoding}: {exc.reason}", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from None
    finally:
        text.detach()  # the caller closes the stream


def _read(stream: BinaryIO, source: str) -> Iterator[bytes]:
    """The raw lines of ``stream``; a read error (I/O error, a directory) names the source."""
    try:
        yield from stream
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from None


def open_input(path: str) -> tuple[BinaryIO, str]:
    """Open ``path`` for binary reading (``-`` is standard input); return the stream and its display name."""
    if path == "-":
        return sys.stdin.buffer, "<stdin>"
    try:
        return open(path, "rb"), path
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), source=path) from None

