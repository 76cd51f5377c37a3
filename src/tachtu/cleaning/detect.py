"""What a page is (HTML or text, which charset) judged by its content, and bytes to text.

The declared charset of an HTML page is honoured (``<meta charset>``, ``http-equiv``, XML
declaration), so legacy Vietnamese pages in windows-1258 decode correctly; bytes that do not
decode are reported with their offset rather than crashing. Plain UTF-8 goes through the
team's :func:`tachtu.text.decode.decode`.

>>> looks_like_html("<!DOCTYPE html><html><body><p>Xin chào</p></body></html>")
True
>>> looks_like_html("Giá vàng hôm nay <b>tăng</b> mạnh")
False
>>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
'cp1258'
>>> text, codec, problems = decode_page('<meta charset="windows-1258"><p>Hà Đông</p>'.encode("cp1258"))
>>> codec, "Hà Đông" in text, problems
('cp1258', True, [])
>>> decode_page(b"H\\xe0 N\\xf4i")[1:]
('utf-8', ['2 undecodable byte sequence(s) in utf-8 replaced by U+FFFD (byte 1, byte 4)'])
"""

from __future__ import annotations

import codecs
import threading

import regex

from tachtu.errors import InputError
from tachtu.text.decode import declared_charset, decode, first_control, guess_legacy, is_binary

_HTML_START = regex.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                            regex.I | regex.S)
_HTML_TAG = regex.compile(r"</?(?:html|head|body|div|p|article|section|span|a|meta|title|table|td|li|ul|br|h[1-6]|"
                          r"script|style|img|nav|header|footer|main|figure|figcaption)\b[^<>]{0,2000}>", regex.I)
_LATIN = {"iso8859-1", "cp1252", "ascii", "latin-1"}
_ERRORS = threading.local()


def looks_like_html(text: str | bytes) -> bool:
    """Whether the start of a page is HTML: a doctype/html/head/body tag, or dense markup."""
    head = text[:8192]
    if isinstance(head, str):
        head_bytes = head.encode("utf-8", "replace")
    else:
        head_bytes, head = head, head.decode("latin-1")
    if _HTML_START.match(head_bytes) or declared_charset(head_bytes):
        return True
    tags = _HTML_TAG.findall(head)
    return len(tags) >= 5 and sum(map(len, tags)) > 0.05 * len(head)


def _record(exc: UnicodeDecodeError) -> tuple[str, int]:
    _ERRORS.positions.append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("tachtu-cleaning-record", _record)


def _decode_with(data: bytes, codec: str, source: str | None, errors: str) -> tuple[str, list[int]]:
    if errors == "strict":
        try:
            return data.decode(codec), []
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {codec} (byte 0x{data[exc.start]:02x}); "
                             "use errors='replace' to replace it", source=source, position=exc.start) from None
    _ERRORS.positions = []
    text = data.decode(codec, "tachtu-cleaning-record")
    return text, _ERRORS.positions


def decode_page(data: bytes, *, html: bool | None = None, source: str | None = None,
                errors: str = "replace") -> tuple[str, str, list[str]]:
    """Decode a page: return its text, the codec used, and a list of problems found.

    Order: byte-order mark, then (for HTML) the declared charset, then UTF-8. A declared
    Latin-1/windows-1252 on bytes that are valid UTF-8 is a common mistake and is overridden
    (and reported). Binary data (:func:`tachtu.text.decode.is_binary`) raises :class:`InputError`.
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    problems: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        codec = "utf-8"
    else:
        if is_binary(data):
            raise InputError("binary data, not a text or HTML page (control bytes)", source=source,
                             position=first_control(data))
        codec = "utf-8"
        declared = declared_charset(data) if html is not False else None
        if declared and declared != "utf-8":
            try:
                codecs.lookup(declared)
            except LookupError:
                problems.append(f"declared charset {declared!r} is not supported; decoded as UTF-8")
                declared = None
        if declared and declared != "utf-8":
            codec = declared
            if declared in _LATIN and not data.isascii():
                try:
                    data.decode("utf-8")
                    codec = "utf-8"
                    problems.append(f"declared charset {declared!r} but the bytes are UTF-8; decoded as UTF-8")
                except UnicodeDecodeError:
                    pass
    if codec == "utf-8" and (errors == "strict" or guess_legacy(data)):  # a wrong encoding is named
        return decode(data, source=source, errors="strict"), codec, problems
    text, bad = _decode_with(data, "utf-8-sig" if codec == "utf-8" else codec, source, errors)
    if bad:
        where = ", ".join(f"byte {p}" for p in bad[:5]) + (" ..." if len(bad) > 5 else "")
        problems.append(f"{len(bad)} undecodable byte sequence(s) in {codec} replaced by U+FFFD ({where})")
    return text, codec, problems
